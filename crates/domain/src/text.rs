//! Validated free text: names and notes as people type them, in any script.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::error::DomainError;

/// Longest name part accepted; real names are far shorter, and a 10,000-character "name" is
/// an accident or an attack.
pub const MAX_NAME: usize = 200;
/// Longest note or narrative accepted.
pub const MAX_NOTE: usize = 20_000;

/// Trims, normalises to NFC (so the same name typed on two keyboards compares equal) and
/// refuses control characters. Line breaks are allowed only where `multiline`.
pub fn clean(
    field: &'static str,
    raw: &str,
    max: usize,
    multiline: bool,
) -> Result<String, DomainError> {
    let text: String = raw.trim().nfc().collect();
    if text.is_empty() {
        return Err(DomainError::Required { field });
    }
    if text.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t' || c == '\r');
    // Bidirectional overrides can disguise text (a name that displays differently from how it
    // sorts and matches); ZWJ/ZWNJ stay, Bengali needs them.
    let bidi_override = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text
        .chars()
        .any(|c| (c.is_control() && !allowed(c)) || bidi_override(c))
    {
        return Err(DomainError::ControlCharacters { field });
    }
    Ok(text)
}

/// One part of a person's name, as entered, in any script.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NameText(String);

impl NameText {
    pub fn parse(raw: &str) -> Result<NameText, DomainError> {
        clean("name", raw, MAX_NAME, false).map(NameText)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for NameText {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        NameText::parse(&s)
    }
}

impl From<NameText> for String {
    fn from(n: NameText) -> String {
        n.0
    }
}

impl std::fmt::Display for NameText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A note or narrative: multi-line free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NoteText(String);

impl NoteText {
    pub fn parse(raw: &str) -> Result<NoteText, DomainError> {
        clean("note", raw, MAX_NOTE, true).map(NoteText)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for NoteText {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        NoteText::parse(&s)
    }
}

impl From<NoteText> for String {
    fn from(n: NoteText) -> String {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_are_kept_as_typed() {
        for n in ["নুসরাত জাহান", "ޢާއިޝަތު", "Siti Nurhaliza", "María dela Cruz"]
        {
            assert_eq!(NameText::parse(n).unwrap().as_str(), n);
        }
    }

    #[test]
    fn names_are_trimmed_and_nfc_normalised() {
        // "é" as e + combining acute becomes one code point.
        assert_eq!(
            NameText::parse("  Jose\u{301} ").unwrap().as_str(),
            "Jos\u{e9}"
        );
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(
            NameText::parse("   "),
            Err(DomainError::Required { field: "name" })
        );
        assert_eq!(
            NameText::parse(&"a".repeat(10_000)),
            Err(DomainError::TooLong {
                field: "name",
                max: MAX_NAME
            })
        );
        assert_eq!(
            NameText::parse("Ali\u{0}"),
            Err(DomainError::ControlCharacters { field: "name" })
        );
        assert_eq!(
            NameText::parse("Ali\nBaba"),
            Err(DomainError::ControlCharacters { field: "name" })
        );
        assert!(NameText::parse("Ali\u{202E}abaB").is_err());
    }

    #[test]
    fn notes_may_span_lines() {
        assert!(NoteText::parse("Line one\nLine two").is_ok());
        assert!(NoteText::parse("bell\u{7}").is_err());
    }
}

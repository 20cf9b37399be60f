//! Server-rendered pages.

pub mod abroad;
pub mod admin;
pub mod assessment;
pub mod audit;
pub mod case;
pub mod conference;
pub mod consent;
pub mod draft;
pub mod family;
pub mod form;
pub mod indicators;
pub mod interview;
pub mod justice;
pub mod plan;
pub mod profile;
pub mod referral;
pub mod register;
pub mod report;
pub mod resume;
pub mod search;
pub mod terminology;
pub mod work;
pub mod zone;

use pelita_domain::identity::ChildIdentity;
use pelita_domain::policy::write::Change;
use pelita_domain::policy::{Decision, Grant, Refusal, Section};
use pelita_store::{CaseMeta, Readable};

use crate::auth::Ctx;

/// Asks the policy for a grant for the signed-in reader (through the case's one access
/// decision, which adds what referrals shared).
pub fn grant(
    ctx: &Ctx,
    meta: &CaseMeta,
    section: Section,
    why: Option<&str>,
) -> Result<Grant, Refusal> {
    meta.authorize(&ctx.reader(), section, why)
}

/// Records a read the policy refused (probing must leave a trace); a failure to record is
/// logged, never shown.
pub async fn refused(ctx: &Ctx, meta: &CaseMeta, section: Section) {
    if let Err(e) = ctx
        .store
        .record_refusal(&ctx.reader(), &meta.id, section)
        .await
    {
        tracing::warn!(error = %e, "a refused read could not be recorded");
    }
}

/// Whether the signed-in person may make this change: the write policy, asked only to decide
/// which forms to offer (the store decides again, in its transaction, for every write).
pub fn may_change(ctx: &Ctx, meta: &CaseMeta, change: Change) -> bool {
    meta.may_change(&ctx.reader(), change)
}

/// Longest break-glass justification a page accepts.
const MAX_JUSTIFICATION: usize = 500;

/// A break-glass justification as written, when it may open a section: free text as the
/// domain accepts it (`text::clean`: trimmed, no control characters, at most 500 characters)
/// and long enough for the policy. Both pages that open a section with a reason ask this.
pub fn justification(raw: &str) -> Option<String> {
    pelita_domain::text::clean("justification", raw, MAX_JUSTIFICATION, false)
        .ok()
        .filter(|j| pelita_domain::policy::break_glass_justification(j).is_some())
}

/// The first value posted under a name, blank when there is none.
pub fn posted_one<'a>(body: &'a [(String, String)], name: &str) -> &'a str {
    posted(body, name).first().copied().unwrap_or("")
}

/// Every value posted under a name, in order (rows of a form repeat their field names).
pub fn posted<'a>(body: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    body.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .collect()
}

/// A refused form as it was posted (without its CSRF token), so the page shows it again,
/// open, with what was typed.
pub struct Posted {
    pub form: String,
    pub body: Vec<(String, String)>,
}

impl Posted {
    pub fn new(form: &str, body: &[(String, String)]) -> Posted {
        Posted {
            form: form.to_owned(),
            body: body.iter().filter(|(k, _)| k != "csrf").cloned().collect(),
        }
    }

    /// The `i`th value posted under `name` (blank when the row lacks it).
    pub fn nth(&self, name: &str, i: usize) -> String {
        posted(&self.body, name)
            .get(i)
            .map(|v| (*v).to_owned())
            .unwrap_or_default()
    }

    pub fn one(&self, name: &str) -> String {
        self.nth(name, 0)
    }

    /// The form's fields as a struct of text fields (the first value of each name; a field
    /// not posted keeps the struct's default).
    pub fn read<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        // Reversed, so the first value of a repeated name is the one kept.
        let fields: serde_json::Map<String, serde_json::Value> = self
            .body
            .iter()
            .rev()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(fields)).unwrap_or_default()
    }
}

/// Optional free text from a form: blank is none; otherwise the message key of what is wrong.
pub fn opt_note(s: &str) -> Result<Option<pelita_domain::text::NoteText>, String> {
    note_in(s).map_err(|e| crate::error::domain_key(&e))
}

/// Optional free text of a form's field: blank is none; a refusal is placed beside `field`
/// (and a length names its limit).
pub fn opt_note_at(
    s: &str,
    field: &'static str,
) -> Result<Option<pelita_domain::text::NoteText>, form::Wrong> {
    use form::AtField;
    note_in(s).at(field)
}

/// Free text a note field holds, required at `field`.
pub fn note_at(s: &str, field: &'static str) -> Result<pelita_domain::text::NoteText, form::Wrong> {
    opt_note_at(s, field)?.ok_or(form::Wrong::key(field, "error-required"))
}

/// A date field of a form: blank is none; anything else must be a date (`YYYY-MM-DD`, as a
/// date input posts it), or the refusal says so beside `field`.
pub fn opt_date_at(s: &str, field: &'static str) -> Result<Option<chrono::NaiveDate>, form::Wrong> {
    match s.trim() {
        "" => Ok(None),
        x => chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                // Written as a date (a 30 February) or not a date at all: each says so.
                let shaped = x.len() == 10
                    && x.char_indices().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            c == '-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                form::Wrong::key(
                    field,
                    if shaped {
                        "error-impossible-date"
                    } else {
                        "error-not-a-date"
                    },
                )
            }),
    }
}

/// A date field a form requires.
pub fn date_at(s: &str, field: &'static str) -> Result<chrono::NaiveDate, form::Wrong> {
    opt_date_at(s, field)?.ok_or(form::Wrong::key(field, "error-required"))
}

fn note_in(s: &str) -> Result<Option<pelita_domain::text::NoteText>, pelita_domain::DomainError> {
    match s.trim() {
        "" => Ok(None),
        x => pelita_domain::text::NoteText::parse(x).map(Some),
    }
}

/// The terminology guard's findings in a text, as sentences in the reader's language, with
/// the reader's list suggesting where several lists know the words.
pub fn guard_warnings(
    t: &crate::i18n::Tr,
    guard: &pelita_domain::terminology::Guard,
    text: &str,
) -> Vec<String> {
    guard
        .check_in(text, Some(t.tag))
        .into_iter()
        .map(|f| {
            t.with(
                "terminology-warning",
                &[
                    ("term", f.matched),
                    ("alternatives", f.alternatives.join("; ")),
                ],
            )
        })
        .collect()
}

pub fn decision(ctx: &Ctx, meta: &CaseMeta, section: Section) -> Decision {
    meta.decide(&ctx.reader(), section)
}

/// The child's name as this reader may see it, or None.
pub async fn visible_name(ctx: &Ctx, meta: &CaseMeta) -> Option<String> {
    let g = grant(ctx, meta, Section::Identity, None).ok()?;
    match ctx.store.read_identity(&g).await.ok()? {
        Readable::Present(i) => Some(i.names.display()),
        Readable::Erased { .. } => Some(ctx.t.get("erased")),
    }
}

pub fn display(identity: &Readable<ChildIdentity>, t: &crate::i18n::Tr) -> String {
    match identity {
        Readable::Present(i) => i.names.display(),
        Readable::Erased { .. } => t.get("erased"),
    }
}

/// A posted form's fields, for parser tests.
#[cfg(test)]
pub(crate) fn form_body(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{guard_warnings, justification};
    use crate::i18n::Tr;
    use pelita_domain::terminology::Guard;

    /// Words both the Malay and the Indonesian lists know get the reader's list's suggestion.
    #[test]
    fn warnings_suggest_in_the_readers_language() {
        let text = "Program de–radikalisasi itu akan dikaji semula.";
        let ms = guard_warnings(&Tr::new("ms"), Guard::builtin(), text);
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert!(ms[0].contains("penarikan diri"), "{ms:?}");
        assert!(ms[0].contains("de–radikalisasi"), "{ms:?}");
        let id = guard_warnings(&Tr::new("id"), Guard::builtin(), text);
        assert!(id[0].contains("pelepasan keterlibatan"), "{id:?}");
    }

    /// Both pages that open a section with a reason accept the same ones: 10 to 500
    /// characters once trimmed, on one line, without control characters.
    #[test]
    fn a_justification_is_ten_to_five_hundred_characters_of_plain_text() {
        assert_eq!(justification("  ten chars! "), Some("ten chars!".into()));
        assert_eq!(justification("  too short "), None);
        assert_eq!(justification(&"x".repeat(500)).map(|j| j.len()), Some(500));
        assert_eq!(justification(&"x".repeat(501)), None);
        assert_eq!(justification("review of\ncomplaint 14"), None);
        assert_eq!(justification("review\u{0007} of complaint"), None);
    }
}

//! Who a child is: names in any script, sex and age.

use serde::{Deserialize, Serialize};

use crate::age::Age;
use crate::text::NameText;

/// A name part as written, with an optional Latin transliteration for colleagues who cannot
/// read the script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamePart {
    pub text: NameText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latin: Option<NameText>,
}

impl NamePart {
    pub fn new(text: NameText) -> NamePart {
        NamePart { text, latin: None }
    }
    pub fn with_latin(text: NameText, latin: NameText) -> NamePart {
        NamePart {
            text,
            latin: Some(latin),
        }
    }
    /// The written form and the transliteration, for searching.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.latin.as_ref().map(|l| l.as_str()))
    }
}

/// A child's names. Only a given name is required: mononyms are common in Indonesia and many
/// Malay names have no family name (patronymics with bin/binti are written as given names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonNames {
    pub given: NamePart,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<NamePart>,
    /// Middle names, patronymics, names in another language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<NamePart>,
    /// Names the child has been known by, including noms de guerre and names given abroad.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<NamePart>,
}

impl PersonNames {
    pub fn simple(given: NameText, family: Option<NameText>) -> PersonNames {
        PersonNames {
            given: NamePart::new(given),
            family: family.map(NamePart::new),
            other: Vec::new(),
            aliases: Vec::new(),
        }
    }

    /// The name shown in headers: given and family name as written.
    pub fn display(&self) -> String {
        match &self.family {
            Some(f) => format!("{} {}", self.given.text, f.text),
            None => self.given.text.to_string(),
        }
    }

    /// Every written form and transliteration of every part, for the search index.
    pub fn all_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.given)
            .chain(self.family.iter())
            .chain(self.other.iter())
            .chain(self.aliases.iter())
            .flat_map(NamePart::forms)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
    NotRecorded,
}

impl Sex {
    pub fn parse(s: &str) -> Option<Sex> {
        Some(match s {
            "female" => Sex::Female,
            "male" => Sex::Male,
            "other" => Sex::Other,
            "not_recorded" | "" => Sex::NotRecorded,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::NotRecorded => "not_recorded",
        }
    }
}

/// Everything that identifies a child. Stored encrypted with the child's own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildIdentity {
    pub names: PersonNames,
    pub sex: Sex,
    pub age: Age,
}

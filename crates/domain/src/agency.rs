//! Agencies and the sectors they work in.

use serde::{Deserialize, Serialize};

/// The sectors the conclusions ask to coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Child protection and social welfare.
    ChildProtection,
    Health,
    Education,
    Justice,
    Security,
    CivilSociety,
}

impl Sector {
    pub const ALL: [Sector; 6] = [
        Sector::ChildProtection,
        Sector::Health,
        Sector::Education,
        Sector::Justice,
        Sector::Security,
        Sector::CivilSociety,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::ChildProtection => "child_protection",
            Sector::Health => "health",
            Sector::Education => "education",
            Sector::Justice => "justice",
            Sector::Security => "security",
            Sector::CivilSociety => "civil_society",
        }
    }
    pub fn parse(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

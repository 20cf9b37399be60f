//! Interviews of a child and the guard against interviewing again and again (domain-rules
//! §2.2: multi-agency coordination that prevents secondary victimisation). Every assessment
//! and every interview counts; another one within the deployment's window needs a written
//! reason, so that the repetition is a decision someone owns.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::policy::Section;
use crate::text::NoteText;

/// Why the child is interviewed; decides which section's readers see that it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Purpose {
    Psychosocial,
    Health,
    Education,
    Family,
    /// Police, prosecution or court.
    Justice,
    Other,
}

impl Purpose {
    pub const ALL: [Purpose; 6] = [
        Purpose::Psychosocial,
        Purpose::Health,
        Purpose::Education,
        Purpose::Family,
        Purpose::Justice,
        Purpose::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Psychosocial => "psychosocial",
            Purpose::Health => "health",
            Purpose::Education => "education",
            Purpose::Family => "family",
            Purpose::Justice => "justice",
            Purpose::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The section whose readers may know that this interview took place.
    pub fn section(self) -> Section {
        match self {
            Purpose::Psychosocial => Section::Psychosocial,
            Purpose::Health => Section::Health,
            Purpose::Education => Section::Education,
            Purpose::Family => Section::Family,
            Purpose::Justice => Section::Justice,
            Purpose::Other => Section::Participation,
        }
    }
}

/// The interview closest to `on` among `previous`, when it is within `window_days` either side:
/// (days between, how many interviews there were in all).
pub fn recent(previous: &[NaiveDate], on: NaiveDate, window_days: i64) -> Option<(i64, usize)> {
    previous
        .iter()
        .map(|d| (on - *d).num_days().abs())
        .filter(|gap| *gap < window_days)
        .min()
        .map(|gap| (gap, previous.len()))
}

/// Another interview within the window is allowed only with the reason it cannot wait or be
/// replaced by what is already recorded.
pub fn check_repeat(
    previous: &[NaiveDate],
    on: NaiveDate,
    window_days: i64,
    reason: Option<&NoteText>,
) -> Result<(), DomainError> {
    match (recent(previous, on, window_days), reason) {
        (Some(_), None) => Err(DomainError::RepeatInterviewReasonRequired),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn another_interview_within_the_window_needs_a_reason() {
        let before = [d("2026-11-01"), d("2026-11-20")];
        assert_eq!(recent(&before, d("2026-11-29"), 30), Some((9, 2)));
        assert_eq!(
            check_repeat(&before, d("2026-11-29"), 30, None),
            Err(DomainError::RepeatInterviewReasonRequired)
        );
        let why = NoteText::parse("The court ordered a hearing of the child's testimony").unwrap();
        assert_eq!(
            check_repeat(&before, d("2026-11-29"), 30, Some(&why)),
            Ok(())
        );
        // Outside the window, or the first interview: no reason needed.
        assert_eq!(check_repeat(&before, d("2027-01-15"), 30, None), Ok(()));
        assert_eq!(check_repeat(&[], d("2026-11-29"), 30, None), Ok(()));
        // A planned interview shortly before an earlier-recorded one counts too.
        assert_eq!(recent(&before, d("2026-10-25"), 30), Some((7, 2)));
    }

    #[test]
    fn who_learns_of_an_interview_follows_its_purpose() {
        assert_eq!(Purpose::Justice.section(), Section::Justice);
        assert_eq!(Purpose::Psychosocial.section(), Section::Psychosocial);
    }
}

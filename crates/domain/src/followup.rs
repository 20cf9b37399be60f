//! Closure and follow-up: a case closes only with a supervisor's approval and a reason, and
//! the child is followed up at 3, 6 and 12 months with outcome measures (domain-rules §8;
//! CPMS Standard 18) — including the child's own view.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::role::Role;
use crate::text::NoteText;

/// Months after closure at which the child is followed up.
pub const SCHEDULE_MONTHS: [u32; 3] = [3, 6, 12];

pub fn schedule(closed_on: NaiveDate) -> Vec<NaiveDate> {
    SCHEDULE_MONTHS
        .iter()
        .filter_map(|m| closed_on.checked_add_months(Months::new(*m)))
        .collect()
}

/// Closing a case is a supervisor's decision.
pub fn may_close(role: Role) -> Result<(), DomainError> {
    if role == Role::Supervisor {
        Ok(())
    } else {
        Err(DomainError::SupervisorOnly)
    }
}

/// What a follow-up finds. Each measure may be unknown; the child's own view is asked for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub living_with_family_or_family_based_care: Option<bool>,
    pub in_school_or_training: Option<bool>,
    pub access_to_health_and_psychosocial_support: Option<bool>,
    /// 0 rejected – 3 fully accepted.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::community_acceptance))]
    pub community_acceptance: Option<u8>,
    pub no_re_association: Option<bool>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_note_text))]
    pub child_view: Option<NoteText>,
}

impl Outcome {
    pub fn validated(self) -> Result<Outcome, DomainError> {
        if self.community_acceptance.is_some_and(|a| a > 3) {
            return Err(DomainError::Invalid {
                field: "community_acceptance",
            });
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_ups_fall_at_three_six_and_twelve_months_even_from_a_month_end() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            schedule(d("2026-11-30")),
            vec![d("2027-02-28"), d("2027-05-30"), d("2027-11-30")]
        );
    }

    #[test]
    fn only_a_supervisor_closes_a_case() {
        assert_eq!(may_close(Role::Supervisor), Ok(()));
        for r in [Role::CaseWorker, Role::Psychologist, Role::Justice] {
            assert_eq!(may_close(r), Err(DomainError::SupervisorOnly));
        }
        let bad = Outcome {
            community_acceptance: Some(4),
            ..Outcome::default()
        };
        assert!(bad.validated().is_err());
    }
}

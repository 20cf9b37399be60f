//! Referrals between agencies. A referral shares only the sections the referrer chose, the
//! receiver's role may read (the policy) and the consent ledger allows — or a supervisor
//! overrides the ledger with a written justification, which is kept and audited.

use serde::{Deserialize, Serialize};

use crate::consent;
use crate::error::DomainError;
use crate::policy::Section;
use crate::role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Waiting for the receiving agency's answer.
    Pending,
    Accepted,
    Declined,
    /// The service was given and the receiver reported back.
    Completed,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 4] = [
        ReferralStatus::Pending,
        ReferralStatus::Accepted,
        ReferralStatus::Declined,
        ReferralStatus::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReferralStatus::Pending => "pending",
            ReferralStatus::Accepted => "accepted",
            ReferralStatus::Declined => "declined",
            ReferralStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<ReferralStatus> {
        ReferralStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Pending → accepted or declined; accepted → completed. Nothing else.
    pub fn can_move_to(self, to: ReferralStatus) -> bool {
        use ReferralStatus::*;
        matches!(
            (self, to),
            (Pending, Accepted | Declined) | (Accepted, Completed)
        )
    }

    /// The one state in which the receiving agency reads the shared sections.
    pub const SHARING: ReferralStatus = ReferralStatus::Accepted;

    /// Whether the receiving agency reads the shared sections in this state.
    pub fn shares(self) -> bool {
        self == ReferralStatus::SHARING
    }
}

/// Sections a referral can carry. Status is always visible to a receiver; the rest must be
/// chosen one by one.
pub fn shareable(section: Section) -> bool {
    section != Section::Status
}

/// The shortest override justification accepted: a sentence, not a word.
pub const MIN_JUSTIFICATION: usize = 20;

/// Decides whether a referral may go ahead: with the ledger's agreement, or on a supervisor's
/// written override. Returns the override justification to keep when one was used.
pub fn consent_gate<'a>(
    ledger: &consent::Status,
    role: Role,
    override_justification: Option<&'a str>,
) -> Result<Option<&'a str>, DomainError> {
    if ledger.allows() {
        return Ok(None);
    }
    match override_justification
        .map(str::trim)
        .filter(|j| !j.is_empty())
    {
        None => Err(DomainError::ConsentRequired),
        Some(j) if role == Role::Supervisor && j.chars().count() >= MIN_JUSTIFICATION => {
            Ok(Some(j))
        }
        Some(_) => Err(DomainError::OverrideNotAllowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age::AgeRange;
    use crate::agency::Sector;
    use crate::consent::{AgeRules, Decision, Entry, Giver, Purpose, evaluate};
    use chrono::NaiveDate;

    fn status(entries: &[Entry]) -> consent::Status {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let age = AgeRange {
            min: 16,
            max: Some(16),
        };
        evaluate(
            AgeRules::DEFAULT,
            age,
            Purpose::Referral(Sector::Health),
            entries,
            today,
        )
    }

    #[test]
    fn a_referral_needs_consent_or_a_supervisors_written_override() {
        let consented = status(&[Entry {
            purpose: Purpose::Referral(Sector::Health),
            giver: Giver::Child,
            decision: Decision::Given,
            on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            expires: None,
        }]);
        assert_eq!(consent_gate(&consented, Role::CaseWorker, None), Ok(None));
        let missing = status(&[]);
        assert_eq!(
            consent_gate(&missing, Role::CaseWorker, None),
            Err(DomainError::ConsentRequired)
        );
        let why = "Urgent medical care; caregiver unreachable for a week";
        assert_eq!(
            consent_gate(&missing, Role::CaseWorker, Some(why)),
            Err(DomainError::OverrideNotAllowed),
            "a case worker cannot override"
        );
        assert_eq!(
            consent_gate(&missing, Role::Supervisor, Some("urgent")),
            Err(DomainError::OverrideNotAllowed),
            "a word is not a justification"
        );
        assert_eq!(
            consent_gate(&missing, Role::Supervisor, Some(why)),
            Ok(Some(why))
        );
    }

    #[test]
    fn a_five_year_olds_refusal_goes_through_the_same_override_as_missing_consent() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let entry = |giver, decision| Entry {
            purpose: Purpose::Referral(Sector::Health),
            giver,
            decision,
            on,
            expires: None,
        };
        let five = AgeRange {
            min: 5,
            max: Some(5),
        };
        let ledger = evaluate(
            AgeRules::DEFAULT,
            five,
            Purpose::Referral(Sector::Health),
            &[
                entry(Giver::Caregiver, Decision::Given),
                entry(Giver::Child, Decision::Refused),
            ],
            NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        );
        assert_eq!(
            consent_gate(&ledger, Role::CaseWorker, None),
            Err(DomainError::ConsentRequired),
            "the caregiver's consent does not outweigh the child's refusal"
        );
        let why = "Urgent medical care; the child is frightened of the clinic";
        assert_eq!(
            consent_gate(&ledger, Role::CaseWorker, Some(why)),
            Err(DomainError::OverrideNotAllowed)
        );
        assert_eq!(
            consent_gate(&ledger, Role::Supervisor, Some(why)),
            Ok(Some(why))
        );
    }

    #[test]
    fn referrals_move_only_forward() {
        use ReferralStatus::*;
        assert!(Pending.can_move_to(Accepted) && Pending.can_move_to(Declined));
        assert!(Accepted.can_move_to(Completed));
        for (from, to) in [
            (Declined, Accepted),
            (Completed, Pending),
            (Pending, Completed),
        ] {
            assert!(!from.can_move_to(to), "{from:?} → {to:?}");
        }
        assert!(Accepted.shares() && !Pending.shares() && !Declined.shares());
        assert!(!shareable(Section::Status) && shareable(Section::Health));
    }
}

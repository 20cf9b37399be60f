//! The repatriation of one child, in the three phases Indonesia proposed (BNPT, May 2024;
//! domain-rules §5.3) and the Maldives practises (§5.4): before the border, at the border,
//! after the border. Families that travel together are linked, but every step and every
//! decision belongs to one child: a sibling's decision never carries another child across.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::error::DomainError;

keyed! {
    pub enum Phase {
        BeforeBorder = "before_border", AtBorder = "at_border", AfterBorder = "after_border",
    }
}

keyed! {
    pub enum Step {
        IdentityVerification = "identity_verification",
        NationalityVerification = "nationality_verification",
        BestInterestsAssessment = "best_interests_assessment",
        FamilyUnity = "family_unity",
        ConsentAndViews = "consent_and_views",
        Decision = "decision",
        Arrival = "arrival",
        HealthCheck = "health_check",
        FirstPsychosocial = "first_psychosocial",
        Documentation = "documentation",
        Reception = "reception",
        ReintegrationPlan = "reintegration_plan",
    }
}

impl Step {
    pub fn phase(self) -> Phase {
        use Step::*;
        match self {
            IdentityVerification
            | NationalityVerification
            | BestInterestsAssessment
            | FamilyUnity
            | ConsentAndViews
            | Decision => Phase::BeforeBorder,
            Arrival | HealthCheck | FirstPsychosocial | Documentation => Phase::AtBorder,
            Reception | ReintegrationPlan => Phase::AfterBorder,
        }
    }

    /// Steps marked done on the repatriation record itself. Every other step is done when its
    /// own record exists (a verification, an assessment, a conference decision, the arrival,
    /// a placement, an approved plan), so the checklist cannot claim what was not recorded.
    pub fn marked(self) -> bool {
        matches!(
            self,
            Step::FamilyUnity
                | Step::ConsentAndViews
                | Step::HealthCheck
                | Step::FirstPsychosocial
                | Step::Documentation
        )
    }
}

keyed! {
    /// Where the child goes after the border.
    pub enum Placement {
        ReceptionCentre = "reception_centre", Family = "family",
        FamilyBasedCare = "family_based_care", Community = "community",
    }
}

impl Placement {
    /// Family or community placement: the end of the indicator's clock.
    pub fn in_family_or_community(self) -> bool {
        self != Placement::ReceptionCentre
    }
}

/// One child's repatriation: the date each step was done, and the day it stopped being
/// pursued (a best-interests assessment advised against return, the family declined…).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: BTreeMap<Step, NaiveDate>,
    pub ended: Option<NaiveDate>,
}

/// Where a child's repatriation stands, as the status section shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    In(Phase),
    NotPursued,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::In(p) => p.as_str(),
            Standing::NotPursued => "not_pursued",
        }
    }
}

impl Progress {
    pub fn standing(&self) -> Standing {
        match self.ended {
            Some(_) => Standing::NotPursued,
            None => Standing::In(self.phase()),
        }
    }

    /// A repatriation stops being pursued before the border, on a date, with its reason
    /// recorded by the caller; after the arrival the child is home and the work goes on.
    pub fn check_end(&self, on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        self.before_arrival(on, today)
    }

    /// Still pursued and not yet arrived, on a plausible date.
    fn before_arrival(&self, on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        super::check_date(on, today)?;
        if self.ended.is_some() {
            return Err(DomainError::RepatriationEnded);
        }
        if self.done.contains_key(&Step::Arrival) {
            return Err(DomainError::Invalid { field: "arrival" });
        }
        Ok(())
    }

    pub fn phase(&self) -> Phase {
        if self.done.contains_key(&Step::Reception) {
            Phase::AfterBorder
        } else if self.done.contains_key(&Step::Arrival) {
            Phase::AtBorder
        } else {
            Phase::BeforeBorder
        }
    }

    /// Steps of this phase and earlier ones still open, in order (none once not pursued).
    pub fn outstanding(&self) -> Vec<Step> {
        if self.ended.is_some() {
            return Vec::new();
        }
        let phase = self.phase();
        Step::ALL
            .iter()
            .copied()
            .filter(|s| s.phase() <= phase && !self.done.contains_key(s))
            .collect()
    }

    /// A marked step may be recorded once its phase is reached, not in the future.
    pub fn check_mark(
        &self,
        step: Step,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), DomainError> {
        if !step.marked() {
            return Err(DomainError::Invalid { field: "step" });
        }
        super::check_date(on, today)?;
        if self.ended.is_some() {
            return Err(DomainError::RepatriationEnded);
        }
        if step.phase() > self.phase() {
            return Err(DomainError::PhaseNotReached);
        }
        // A step at the border is done at or after the arrival.
        if step.phase() == Phase::AtBorder && self.done.get(&Step::Arrival).is_some_and(|a| on < *a)
        {
            return Err(DomainError::Invalid { field: "on" });
        }
        Ok(())
    }

    /// The child crosses the border only on a repatriation decision for this child, taken at a
    /// case conference on or before the day of arrival.
    pub fn check_arrival(&self, on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        self.before_arrival(on, today)?;
        match self.done.get(&Step::Decision) {
            Some(d) if *d <= on => Ok(()),
            _ => Err(DomainError::RepatriationDecisionRequired),
        }
    }

    /// A placement follows the arrival.
    pub fn check_placement(&self, on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
        super::check_date(on, today)?;
        match self.done.get(&Step::Arrival) {
            Some(a) if *a <= on => Ok(()),
            _ => Err(DomainError::PhaseNotReached),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_phase_follows_arrival_and_reception() {
        let mut p = Progress::default();
        assert_eq!(p.phase(), Phase::BeforeBorder);
        assert_eq!(p.outstanding().len(), 6, "the six steps before the border");
        p.done.insert(Step::Decision, day("2026-01-10"));
        p.done.insert(Step::Arrival, day("2026-01-20"));
        assert_eq!(p.phase(), Phase::AtBorder);
        assert!(p.outstanding().contains(&Step::HealthCheck));
        assert!(
            p.outstanding().contains(&Step::BestInterestsAssessment),
            "an earlier phase's open step stays visible"
        );
        p.done.insert(Step::Reception, day("2026-01-21"));
        assert_eq!(p.phase(), Phase::AfterBorder);
    }

    #[test]
    fn no_arrival_without_this_childs_repatriation_decision() {
        let today = day("2026-11-29");
        let mut p = Progress::default();
        assert_eq!(
            p.check_arrival(day("2026-03-01"), today),
            Err(DomainError::RepatriationDecisionRequired)
        );
        p.done.insert(Step::Decision, day("2026-03-02"));
        assert_eq!(
            p.check_arrival(day("2026-03-01"), today),
            Err(DomainError::RepatriationDecisionRequired),
            "a decision after the arrival did not authorise it"
        );
        assert!(p.check_arrival(day("2026-03-02"), today).is_ok());
    }

    #[test]
    fn a_repatriation_not_pursued_stops_before_the_border_and_admits_no_arrival() {
        let today = day("2026-11-29");
        let mut p = Progress::default();
        p.done.insert(Step::Decision, day("2026-03-01"));
        assert!(p.check_end(day("2026-03-05"), today).is_ok());
        p.ended = Some(day("2026-03-05"));
        assert_eq!(p.standing(), Standing::NotPursued);
        assert_eq!(
            p.check_arrival(day("2026-03-06"), today),
            Err(DomainError::RepatriationEnded),
            "an earlier decision no longer carries the child across"
        );
        assert!(p.outstanding().is_empty());
        p.ended = None;
        p.done.insert(Step::Arrival, day("2026-03-06"));
        assert!(
            p.check_end(day("2026-03-07"), today).is_err(),
            "after the arrival the child is home"
        );
    }

    #[test]
    fn border_steps_wait_for_the_border_and_derived_steps_cannot_be_ticked() {
        let today = day("2026-11-29");
        let p = Progress::default();
        assert_eq!(
            p.check_mark(Step::HealthCheck, today, today),
            Err(DomainError::PhaseNotReached)
        );
        assert!(p.check_mark(Step::FamilyUnity, today, today).is_ok());
        assert!(
            p.check_mark(Step::BestInterestsAssessment, today, today)
                .is_err(),
            "a best-interests assessment is its own record"
        );
        assert!(p.check_mark(Step::Decision, today, today).is_err());
        assert_eq!(
            p.check_placement(today, today),
            Err(DomainError::PhaseNotReached)
        );
        let mut p = p;
        p.done.insert(Step::Decision, day("2026-01-10"));
        p.done.insert(Step::Arrival, day("2026-01-20"));
        assert!(
            p.check_mark(Step::HealthCheck, day("2026-01-19"), today)
                .is_err(),
            "a health check at the border is not done before the arrival"
        );
        assert!(
            p.check_mark(Step::HealthCheck, day("2026-01-20"), today)
                .is_ok()
        );
    }
}

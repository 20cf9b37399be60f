//! The child's journey through the case: where it stands (identified → registered → assessed →
//! planned → in progress → closed) and what is due next, derived from the records rather than
//! taken from the stored status alone, so the case page cannot say "Registered" above an
//! approved plan.
//!
//! Only what the reader may know goes in: each fact of a section the reader does not read is
//! `None` ("unknown to this reader"), and then neither the stage nor the next step uses it. A
//! security liaison, who reads the status alone, gets the stored status and no next step.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::case::{CaseStatus, PriorityLevel};
use crate::error::DomainError;
use crate::task::ResponseTimes;

/// A step of the journey, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Identified,
    Registered,
    Assessed,
    Planned,
    InProgress,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Identified,
        Stage::Registered,
        Stage::Assessed,
        Stage::Planned,
        Stage::InProgress,
        Stage::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::Registered => "registered",
            Stage::Assessed => "assessed",
            Stage::Planned => "planned",
            Stage::InProgress => "in_progress",
            Stage::Closed => "closed",
        }
    }

    /// The stage the stored status names (a transfer ends the journey here, like a closure).
    pub fn of_status(s: CaseStatus) -> Stage {
        match s {
            CaseStatus::Identified => Stage::Identified,
            CaseStatus::Registered => Stage::Registered,
            CaseStatus::Assessed => Stage::Assessed,
            CaseStatus::Planned => Stage::Planned,
            CaseStatus::InProgress => Stage::InProgress,
            CaseStatus::Closed | CaseStatus::Transferred => Stage::Closed,
        }
    }
}

/// The plan as the journey needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanFacts {
    pub approved: bool,
    pub review_on: Option<NaiveDate>,
    /// Some action of the plan is under way or done.
    pub acting: bool,
}

/// What the reader may know of the case's records. `None`: not known to this reader (a
/// section they do not read); `Some(None)`: known, and there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    pub status: CaseStatus,
    pub priority: PriorityLevel,
    /// When the case was registered, where the reader sees its history.
    pub registered_at: Option<DateTime<Utc>>,
    /// The first assessment's date (psychosocial readers).
    pub first_assessment: Option<Option<NaiveDate>>,
    /// The reintegration plan (plan readers).
    pub plan: Option<Option<PlanFacts>>,
    /// The nearest deadline of an open detention episode's clocks (justice readers).
    pub detention_due: Option<DateTime<Utc>>,
}

impl Records {
    /// Only the status: what a reader of no other section knows.
    pub fn status_only(status: CaseStatus, priority: PriorityLevel) -> Records {
        Records {
            status,
            priority,
            registered_at: None,
            first_assessment: None,
            plan: None,
            detention_due: None,
        }
    }
}

/// Where the journey stands: the stored status, raised by what the records show (an
/// assessment recorded → assessed; an approved plan → planned; an action of it under way → in
/// progress). A closed or transferred case is closed whatever its records.
pub fn stage(r: &Records) -> Stage {
    let stored = Stage::of_status(r.status);
    if stored == Stage::Closed {
        return stored;
    }
    let mut derived = stored;
    if let Some(Some(_)) = r.first_assessment {
        derived = derived.max(Stage::Assessed);
    }
    if let Some(Some(p)) = r.plan
        && p.approved
    {
        derived = derived.max(if p.acting {
            Stage::InProgress
        } else {
            Stage::Planned
        });
    }
    derived
}

/// What the records show, as a move of the stored status needs it. The writer reads these
/// whole (it is not a reader under need-to-know), unlike [`Records`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evidence {
    /// A psychosocial assessment the child did not refuse.
    pub assessed: bool,
    /// The reintegration plan is approved.
    pub plan_approved: bool,
    /// Some action of that plan is under way or done.
    pub acting: bool,
}

/// A status stands on its records: "assessed" on an assessment, "planned" and "in progress"
/// on an approved plan. Nobody may say a child was assessed or has a plan when the file holds
/// none. Reopening (back to registered), closure and transfer need no record.
pub fn may_reach(to: CaseStatus, e: Evidence) -> Result<(), DomainError> {
    let stands = match to {
        CaseStatus::Assessed => e.assessed,
        CaseStatus::Planned | CaseStatus::InProgress => e.plan_approved,
        _ => true,
    };
    if stands {
        Ok(())
    } else {
        Err(DomainError::StatusNeedsRecords { to: to.as_str() })
    }
}

/// Where the records carry an open case without anyone asking: an assessment to assessed, an
/// approved plan to planned, an action of it under way to in progress — forward only, each
/// step in turn (none when they carry it nowhere new). A case only identified waits for its
/// registration; a closed or transferred one stays where it is.
pub fn follows(status: CaseStatus, e: Evidence) -> Vec<CaseStatus> {
    if !status.is_open() || status == CaseStatus::Identified {
        return Vec::new();
    }
    let target = if e.plan_approved && e.acting {
        Stage::InProgress
    } else if e.plan_approved {
        Stage::Planned
    } else if e.assessed {
        Stage::Assessed
    } else {
        Stage::Registered
    };
    [
        CaseStatus::Assessed,
        CaseStatus::Planned,
        CaseStatus::InProgress,
    ]
    .into_iter()
    .filter(|s| Stage::of_status(*s) > Stage::of_status(status) && Stage::of_status(*s) <= target)
    .collect()
}

/// What is due next on the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// An open detention episode's nearest statutory deadline.
    Detention { due: DateTime<Utc> },
    /// No assessment yet: due by the case's priority from registration (`None` when the
    /// reader does not see when the case was registered).
    FirstAssessment { due: Option<DateTime<Utc>> },
    /// Assessed, no plan yet.
    WritePlan,
    /// A plan waiting for its approval.
    ApprovePlan,
    /// The approved plan's review, on that day.
    PlanReview { on: NaiveDate },
}

/// The next step on an open case, from what the reader may know: a running detention first
/// (a statutory limit), then the first assessment, then the plan (to write, to approve, to
/// review). `None` when the case is closed or the reader knows of nothing due.
pub fn next_step(r: &Records, times: &ResponseTimes) -> Option<Next> {
    if !r.status.is_open() {
        return None;
    }
    if let Some(due) = r.detention_due {
        return Some(Next::Detention { due });
    }
    match r.first_assessment {
        Some(None) => {
            return Some(Next::FirstAssessment {
                due: r.registered_at.map(|at| times.due(r.priority, at)),
            });
        }
        Some(Some(_)) => {}
        // Not a psychosocial reader: the plan may still say what is next.
        None => {}
    }
    match r.plan? {
        None if r.first_assessment.is_some() => Some(Next::WritePlan),
        None => None,
        Some(p) if !p.approved => Some(Next::ApprovePlan),
        Some(p) => p.review_on.map(|on| Next::PlanReview { on }),
    }
}

/// Time left until a deadline (or past it), in whole days and hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    pub overdue: bool,
    pub days: i64,
    pub hours: i64,
}

/// The time between `now` and `due`, rounded down to the hour; at or after `due` it is
/// overdue by that much.
pub fn left(due: DateTime<Utc>, now: DateTime<Utc>) -> Left {
    let overdue = now >= due;
    let span = if overdue { now - due } else { due - now };
    let hours = span.num_hours();
    Left {
        overdue,
        days: hours / 24,
        hours: hours % 24,
    }
}

/// Days from `today` to `on`: 0 on the day, negative once it passed.
pub fn days_until(on: NaiveDate, today: NaiveDate) -> i64 {
    (on - today).num_days()
}

/// Whether an instant deadline is within a day (or past).
pub fn is_pressing(due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due - now <= TimeDelta::hours(24)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn worker(status: CaseStatus) -> Records {
        Records {
            status,
            priority: PriorityLevel::Medium,
            registered_at: Some(at("2026-11-26T09:00:00Z")),
            first_assessment: Some(None),
            plan: Some(None),
            detention_due: None,
        }
    }

    fn plan(approved: bool, review_on: Option<&str>, acting: bool) -> Option<Option<PlanFacts>> {
        Some(Some(PlanFacts {
            approved,
            review_on: review_on.map(day),
            acting,
        }))
    }

    #[test]
    fn no_assessment_the_first_one_is_next_due_by_priority_from_registration() {
        let r = worker(CaseStatus::Registered);
        assert_eq!(stage(&r), Stage::Registered);
        // Medium: three days from registration.
        let due = at("2026-11-29T09:00:00Z");
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::FirstAssessment { due: Some(due) })
        );
        // Two days before, then the hour before, then an hour late.
        assert_eq!(
            left(due, at("2026-11-27T09:00:00Z")),
            Left {
                overdue: false,
                days: 2,
                hours: 0
            }
        );
        assert_eq!(
            left(due, at("2026-11-29T08:00:00Z")),
            Left {
                overdue: false,
                days: 0,
                hours: 1
            }
        );
        assert!(left(due, at("2026-11-29T09:00:00Z")).overdue);
        assert_eq!(
            left(due, at("2026-11-30T10:00:00Z")),
            Left {
                overdue: true,
                days: 1,
                hours: 1
            }
        );
        // Without the history, the assessment is still due, without a date.
        let r = Records {
            registered_at: None,
            ..r
        };
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::FirstAssessment { due: None })
        );
    }

    #[test]
    fn the_records_raise_the_stage_the_stored_status_left_behind() {
        let mut r = worker(CaseStatus::Registered);
        r.first_assessment = Some(Some(day("2026-11-27")));
        assert_eq!(stage(&r), Stage::Assessed);
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::WritePlan)
        );
        r.plan = plan(false, Some("2027-02-01"), false);
        assert_eq!(stage(&r), Stage::Assessed, "a draft plan is not planned");
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::ApprovePlan)
        );
        r.plan = plan(true, Some("2027-02-01"), false);
        assert_eq!(stage(&r), Stage::Planned);
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::PlanReview {
                on: day("2027-02-01")
            })
        );
        r.plan = plan(true, None, true);
        assert_eq!(stage(&r), Stage::InProgress);
        assert_eq!(next_step(&r, &ResponseTimes::default()), None);
        // The records never lower a status a person set, and a closed case is closed.
        let mut r = worker(CaseStatus::InProgress);
        assert_eq!(stage(&r), Stage::InProgress);
        r.status = CaseStatus::Transferred;
        r.plan = plan(true, Some("2027-02-01"), true);
        assert_eq!(stage(&r), Stage::Closed);
        assert_eq!(next_step(&r, &ResponseTimes::default()), None);
    }

    #[test]
    fn a_plan_review_is_due_on_its_day_and_overdue_the_day_after() {
        let on = day("2026-12-01");
        assert_eq!(days_until(on, day("2026-11-30")), 1);
        assert_eq!(days_until(on, day("2026-12-01")), 0);
        assert_eq!(days_until(on, day("2026-12-02")), -1);
    }

    #[test]
    fn a_running_detention_comes_before_everything_else() {
        let mut r = worker(CaseStatus::Registered);
        let due = at("2026-11-29T13:00:00Z");
        r.detention_due = Some(due);
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::Detention { due })
        );
        assert_eq!(
            left(due, at("2026-11-28T09:00:00Z")),
            Left {
                overdue: false,
                days: 1,
                hours: 4
            }
        );
        assert!(is_pressing(due, at("2026-11-28T13:00:00Z")));
        assert!(!is_pressing(due, at("2026-11-28T12:59:00Z")));
    }

    #[test]
    fn a_reader_of_the_status_alone_learns_only_the_stored_status() {
        let r = Records::status_only(CaseStatus::Registered, PriorityLevel::High);
        assert_eq!(stage(&r), Stage::Registered);
        assert_eq!(next_step(&r, &ResponseTimes::default()), None);
        // A plan reader who does not see the assessments: the plan alone speaks.
        let mut r = r;
        r.plan = Some(None);
        assert_eq!(next_step(&r, &ResponseTimes::default()), None);
        r.plan = plan(false, None, false);
        assert_eq!(
            next_step(&r, &ResponseTimes::default()),
            Some(Next::ApprovePlan)
        );
    }

    fn ev(assessed: bool, plan_approved: bool, acting: bool) -> Evidence {
        Evidence {
            assessed,
            plan_approved,
            acting,
        }
    }

    /// "Assessed" needs an assessment and "planned"/"in progress" an approved plan, whoever
    /// asks; reopening, closing and transfer need no record.
    #[test]
    fn a_status_needs_its_records() {
        use CaseStatus::*;
        assert!(may_reach(Assessed, ev(false, false, false)).is_err());
        assert_eq!(may_reach(Assessed, ev(true, false, false)), Ok(()));
        // An unapproved plan (as a probation officer might save) is no plan yet.
        assert_eq!(
            may_reach(Planned, ev(true, false, false)),
            Err(DomainError::StatusNeedsRecords { to: "planned" })
        );
        assert!(may_reach(InProgress, ev(true, false, true)).is_err());
        assert_eq!(may_reach(Planned, ev(true, true, false)), Ok(()));
        assert_eq!(may_reach(InProgress, ev(true, true, false)), Ok(()));
        for to in [Registered, Closed, Transferred] {
            assert_eq!(may_reach(to, Evidence::default()), Ok(()), "{to:?}");
        }
    }

    /// The records carry the status forward one step at a time, never back, never out of a
    /// closed case or into an unregistered one.
    #[test]
    fn the_records_carry_the_status_forward_only() {
        use CaseStatus::*;
        assert_eq!(follows(Registered, ev(true, false, false)), vec![Assessed]);
        assert_eq!(follows(Registered, ev(false, false, false)), vec![]);
        assert_eq!(
            follows(Registered, ev(true, true, true)),
            vec![Assessed, Planned, InProgress]
        );
        assert_eq!(follows(Assessed, ev(true, true, false)), vec![Planned]);
        assert_eq!(follows(Planned, ev(true, true, true)), vec![InProgress]);
        // Already there, or further than the records: nothing moves, nothing goes back.
        assert_eq!(follows(Planned, ev(true, true, false)), vec![]);
        assert_eq!(follows(InProgress, ev(true, false, false)), vec![]);
        for s in [Identified, Closed, Transferred] {
            assert_eq!(follows(s, ev(true, true, true)), vec![], "{s:?}");
        }
    }
}

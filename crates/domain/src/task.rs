//! Tasks and how fast they are due: the inter-agency response times by priority (CPMS
//! Standard 15 — high within 24 hours, medium within 3 days, low within 7 days; a deployment
//! sets its own), and the order "my work" shows them in.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::case::PriorityLevel;
use crate::error::DomainError;
use crate::policy::Section;
use crate::policy::write::{Change, Standing, may_change, may_register};
use crate::role::Role;
use crate::text::NoteText;

/// How long a task of each priority may wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseTimes {
    high: TimeDelta,
    medium: TimeDelta,
    low: TimeDelta,
}

impl Default for ResponseTimes {
    fn default() -> ResponseTimes {
        ResponseTimes {
            high: TimeDelta::hours(24),
            medium: TimeDelta::days(3),
            low: TimeDelta::days(7),
        }
    }
}

impl ResponseTimes {
    /// From hours per priority. A higher priority never waits longer than a lower one, and
    /// nothing waits less than an hour or more than 90 days.
    pub fn from_hours(high: u32, medium: u32, low: u32) -> Result<ResponseTimes, DomainError> {
        let ok = |h: u32| (1..=90 * 24).contains(&h);
        if !(ok(high) && ok(medium) && ok(low)) || high > medium || medium > low {
            return Err(DomainError::Invalid {
                field: "response_hours",
            });
        }
        let h = |x: u32| TimeDelta::hours(i64::from(x));
        Ok(ResponseTimes {
            high: h(high),
            medium: h(medium),
            low: h(low),
        })
    }

    pub fn for_priority(&self, p: PriorityLevel) -> TimeDelta {
        match p {
            PriorityLevel::High => self.high,
            PriorityLevel::Medium => self.medium,
            PriorityLevel::Low => self.low,
        }
    }

    /// When something that arose at `from` on a case of priority `p` must be answered.
    pub fn due(&self, p: PriorityLevel, from: DateTime<Utc>) -> DateTime<Utc> {
        from + self.for_priority(p)
    }
}

/// What a task asks for. Stored tasks come from case conferences; the rest are derived from
/// the records themselves, so they can never drift from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TaskKind {
    /// A follow-up task a case conference assigned to someone.
    Conference,
    /// The first assessment of an open case, due by the case's priority.
    Assessment,
    /// The plan's scheduled review.
    PlanReview,
    /// A referral to my agency waiting for our answer.
    ReferralAnswer,
    /// A referral from my case waiting for the other agency's answer.
    ReferralAwaited,
    /// A follow-up after closure.
    FollowUp,
    /// A statutory detention clock near or past its deadline.
    Detention,
    /// A breached diversion agreement the law requires action on.
    DiversionBreach,
    /// Proceedings without a diversion assessment, where the law sets the time to offer it
    /// (Indonesia: within 7 days).
    DiversionOffer,
    /// A reception centre stay's scheduled review.
    ReceptionReview,
}

impl TaskKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Conference => "conference",
            TaskKind::Assessment => "assessment",
            TaskKind::PlanReview => "plan_review",
            TaskKind::ReferralAnswer => "referral_answer",
            TaskKind::ReferralAwaited => "referral_awaited",
            TaskKind::FollowUp => "follow_up",
            TaskKind::Detention => "detention",
            TaskKind::DiversionBreach => "diversion_breach",
            TaskKind::DiversionOffer => "diversion_offer",
            TaskKind::ReceptionReview => "reception_review",
        }
    }
}

impl TaskKind {
    /// The change to the case that doing the task makes; `None` for a conference task (given
    /// to a person by name) and a referral to answer (answered by the receiving agency).
    pub fn change(self) -> Option<Change> {
        match self {
            TaskKind::Conference | TaskKind::ReferralAnswer => None,
            TaskKind::Assessment => Some(Change::Assessment(Section::Psychosocial)),
            TaskKind::PlanReview | TaskKind::FollowUp => Some(Change::Plan),
            TaskKind::ReferralAwaited => Some(Change::Refer),
            TaskKind::Detention | TaskKind::DiversionBreach | TaskKind::DiversionOffer => {
                Some(Change::Justice)
            }
            TaskKind::ReceptionReview => Some(Change::Repatriation),
        }
    }

    /// Whether people of `role` get this kind of task in "my work": only those whose work it
    /// is, by the write table. Case workers and supervisors run the cases they hold; every
    /// other profession works on a case as a member of its team — so a health worker or a
    /// probation officer on the team is not given the case worker's first assessment or plan
    /// review, while a psychologist is given the assessment and a probation officer the
    /// detention clocks. A conference task was given to its assignee by name; a referral is
    /// answered by staff of the receiving agency who work with children.
    pub fn is_for(self, role: Role) -> bool {
        let standing = if may_register(role) {
            Standing::Lead
        } else {
            Standing::Team
        };
        match self.change() {
            None => self != TaskKind::ReferralAnswer || role.works_with_children(),
            Some(change) => may_change(role, change, standing),
        }
    }
}

/// How pressing a task is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    Overdue,
    /// Due within the next 24 hours.
    DueSoon,
    Later,
}

impl Urgency {
    pub fn of(due: DateTime<Utc>, now: DateTime<Utc>) -> Urgency {
        if due <= now {
            Urgency::Overdue
        } else if due - now <= TimeDelta::hours(24) {
            Urgency::DueSoon
        } else {
            Urgency::Later
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due_soon",
            Urgency::Later => "later",
        }
    }
}

/// A date-only deadline (a review date, a follow-up) falls due at the end of that day (UTC).
pub fn end_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"))
        .and_utc()
}

/// Sorts tasks for "my work": overdue first, then by deadline, higher priority first on ties.
pub fn order<T>(tasks: &mut [T], key: impl Fn(&T) -> (DateTime<Utc>, PriorityLevel)) {
    let rank = |p: PriorityLevel| match p {
        PriorityLevel::High => 0,
        PriorityLevel::Medium => 1,
        PriorityLevel::Low => 2,
    };
    tasks.sort_by_key(|t| {
        let (due, p) = key(t);
        (due, rank(p))
    });
}

/// A task to create, as a case conference assigns it: what, to whom, how urgent, and — when
/// the conference set one — a date; otherwise the priority's response time decides.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTask {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub text: NoteText,
    /// The user who will do it.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::short_text))]
    pub assignee: String,
    pub priority: PriorityLevel,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_day))]
    pub due_on: Option<NaiveDate>,
}

impl NewTask {
    pub fn due(&self, times: &ResponseTimes, now: DateTime<Utc>) -> DateTime<Utc> {
        self.due_on
            .map(end_of)
            .unwrap_or_else(|| times.due(self.priority, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn response_times_default_to_a_day_three_days_and_a_week() {
        let t = ResponseTimes::default();
        let from = at("2026-11-29T10:00:00Z");
        assert_eq!(t.due(PriorityLevel::High, from), at("2026-11-30T10:00:00Z"));
        assert_eq!(
            t.due(PriorityLevel::Medium, from),
            at("2026-12-02T10:00:00Z")
        );
        assert_eq!(t.due(PriorityLevel::Low, from), at("2026-12-06T10:00:00Z"));
        let custom = ResponseTimes::from_hours(4, 48, 120).unwrap();
        assert_eq!(
            custom.due(PriorityLevel::High, from),
            at("2026-11-29T14:00:00Z")
        );
        // A high priority may not wait longer than a medium one.
        assert!(ResponseTimes::from_hours(72, 24, 168).is_err());
        assert!(ResponseTimes::from_hours(0, 24, 168).is_err());
    }

    #[test]
    fn overdue_tasks_come_first_then_by_deadline_and_priority() {
        let now = at("2026-11-29T10:00:00Z");
        assert_eq!(
            Urgency::of(at("2026-11-29T09:59:00Z"), now),
            Urgency::Overdue
        );
        assert_eq!(
            Urgency::of(at("2026-11-30T09:00:00Z"), now),
            Urgency::DueSoon
        );
        assert_eq!(Urgency::of(at("2026-12-01T09:00:00Z"), now), Urgency::Later);
        let mut v = vec![
            ("later-low", at("2026-12-05T00:00:00Z"), PriorityLevel::Low),
            ("overdue", at("2026-11-28T00:00:00Z"), PriorityLevel::Low),
            ("tie-low", at("2026-12-01T00:00:00Z"), PriorityLevel::Low),
            ("tie-high", at("2026-12-01T00:00:00Z"), PriorityLevel::High),
        ];
        order(&mut v, |t| (t.1, t.2));
        let names: Vec<_> = v.iter().map(|t| t.0).collect();
        assert_eq!(names, ["overdue", "tie-high", "tie-low", "later-low"]);
    }

    #[test]
    fn each_role_gets_only_the_tasks_its_work_is() {
        use TaskKind as K;
        let kinds = [
            K::Conference,
            K::Assessment,
            K::PlanReview,
            K::ReferralAnswer,
            K::ReferralAwaited,
            K::FollowUp,
            K::Detention,
            K::DiversionBreach,
            K::DiversionOffer,
            K::ReceptionReview,
        ];
        let of = |role: Role| -> Vec<K> { kinds.into_iter().filter(|k| k.is_for(role)).collect() };
        // Case workers and supervisors run the case: every kind is theirs.
        assert_eq!(of(Role::CaseWorker), kinds);
        assert_eq!(of(Role::Supervisor), kinds);
        // Health and probation staff are not given the case worker's first assessment, plan
        // review or follow-up.
        for role in [Role::Health, Role::Justice, Role::Education] {
            for k in [
                K::Assessment,
                K::PlanReview,
                K::FollowUp,
                K::ReceptionReview,
            ] {
                assert!(!k.is_for(role), "{role} should not get {k:?}");
            }
        }
        // A psychologist assesses the child; a probation officer keeps the detention clocks.
        assert_eq!(
            of(Role::Psychologist),
            [K::Conference, K::Assessment, K::ReferralAnswer]
        );
        assert_eq!(
            of(Role::Justice),
            [
                K::Conference,
                K::ReferralAnswer,
                K::Detention,
                K::DiversionBreach,
                K::DiversionOffer
            ]
        );
        assert_eq!(of(Role::Health), [K::Conference, K::ReferralAnswer]);
        // Security services, research, audit and administration do no casework.
        for role in [
            Role::SecurityLiaison,
            Role::Researcher,
            Role::Auditor,
            Role::Administrator,
        ] {
            assert_eq!(of(role), [K::Conference], "{role}");
        }
    }

    #[test]
    fn a_conference_task_without_a_date_is_due_by_its_priority() {
        let now = at("2026-11-29T10:00:00Z");
        let mut t = NewTask {
            text: NoteText::parse("Visit the school").unwrap(),
            assignee: "u1".into(),
            priority: PriorityLevel::Medium,
            due_on: None,
        };
        assert_eq!(
            t.due(&ResponseTimes::default(), now),
            at("2026-12-02T10:00:00Z")
        );
        t.due_on = Some("2026-12-10".parse().unwrap());
        assert_eq!(
            t.due(&ResponseTimes::default(), now),
            at("2026-12-10T23:59:59Z")
        );
    }
}

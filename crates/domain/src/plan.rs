//! The individual reintegration plan: goals per assessment domain, actions with who does
//! them and by when, the child's and the caregiver's views — or why they could not be
//! recorded — and a supervisor's approval that the rules guard: no approval without an
//! assessment, none without the child's views.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::role::Role;
use crate::text::NoteText;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    Reintegration,
    /// Support to disengage from the group: optional, never a condition of care.
    Disengagement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub text: NoteText,
    /// The agency responsible (its id) and, when known, the person.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::short_text))]
    pub agency: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_short_text))]
    pub person: Option<String>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_day))]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// A community reintegration activity, when the action is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_activity))]
    pub activity: Option<crate::family::Activity>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The assessment domain the goal answers (e.g. `education`).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::short_text))]
    pub domain: String,
    pub kind: GoalKind,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub text: NoteText,
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub actions: Vec<Action>,
}

/// Someone's views on the plan, or why they could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    tag = "state",
    content = "text",
    deny_unknown_fields
)]
pub enum Views {
    Missing,
    Recorded(NoteText),
    NotPossible(NoteText),
}

impl Views {
    pub fn from_parts(views: Option<NoteText>, why_not: Option<NoteText>) -> Views {
        match (views, why_not) {
            (Some(v), _) => Views::Recorded(v),
            (None, Some(w)) => Views::NotPossible(w),
            (None, None) => Views::Missing,
        }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub goals: Vec<Goal>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::views))]
    pub child_views: Views,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::views))]
    pub caregiver_views: Views,
    /// The next review.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_day))]
    pub review_on: Option<NaiveDate>,
}

impl Plan {
    /// Some action is under way or done: the plan is being carried out.
    pub fn acting(&self) -> bool {
        self.goals
            .iter()
            .flat_map(|g| &g.actions)
            .any(|a| matches!(a.status, ActionStatus::InProgress | ActionStatus::Done))
    }

    /// The next review and every action's due date may lie ahead, but not before 2000.
    pub fn check_dates(&self) -> Result<(), DomainError> {
        let dues = self
            .goals
            .iter()
            .flat_map(|g| g.actions.iter().filter_map(|a| a.due));
        self.review_on
            .into_iter()
            .chain(dues)
            .try_for_each(crate::dates::check_from)
    }
}

/// Why an approval is refused, one reason at a time in this order.
pub fn check_approval(plan: &Plan, approver: Role, assessments: usize) -> Result<(), DomainError> {
    if approver != Role::Supervisor {
        return Err(DomainError::SupervisorOnly);
    }
    if assessments == 0 {
        return Err(DomainError::AssessmentRequired);
    }
    if plan.child_views == Views::Missing {
        return Err(DomainError::ChildViewsRequired);
    }
    if plan.goals.is_empty() {
        return Err(DomainError::Required { field: "goals" });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> NoteText {
        NoteText::parse(s).unwrap()
    }

    fn plan(child: Views) -> Plan {
        Plan {
            goals: vec![Goal {
                domain: "education".into(),
                kind: GoalKind::Reintegration,
                text: n("Back to school in January"),
                actions: vec![],
            }],
            child_views: child,
            caregiver_views: Views::Missing,
            review_on: None,
        }
    }

    #[test]
    fn approval_needs_a_supervisor_an_assessment_and_the_childs_views() {
        let heard = plan(Views::Recorded(n("I want to study to be a nurse")));
        assert_eq!(check_approval(&heard, Role::Supervisor, 1), Ok(()));
        assert_eq!(
            check_approval(&heard, Role::CaseWorker, 1),
            Err(DomainError::SupervisorOnly)
        );
        assert_eq!(
            check_approval(&heard, Role::Supervisor, 0),
            Err(DomainError::AssessmentRequired)
        );
        assert_eq!(
            check_approval(&plan(Views::Missing), Role::Supervisor, 2),
            Err(DomainError::ChildViewsRequired)
        );
        // Why the child's views could not be recorded is itself a record (an infant, a child
        // in hospital); the caregiver's views may be missing.
        let why = plan(Views::NotPossible(n("Two years old; observed at play")));
        assert_eq!(check_approval(&why, Role::Supervisor, 1), Ok(()));
        let empty = Plan {
            goals: vec![],
            ..heard
        };
        assert!(check_approval(&empty, Role::Supervisor, 1).is_err());
    }

    #[test]
    fn a_plans_dates_may_lie_ahead_but_not_before_2000_and_views_refuse_unknown_fields() {
        let mut p = plan(Views::Missing);
        p.review_on = "2027-03-01".parse().ok();
        assert_eq!(p.check_dates(), Ok(()));
        p.goals[0].actions.push(Action {
            text: n("Enrol at the local school"),
            agency: "edu".into(),
            person: None,
            due: "0001-01-01".parse().ok(),
            status: ActionStatus::Planned,
            activity: None,
        });
        assert_eq!(p.check_dates(), Err(DomainError::DateTooEarly));
        p.goals[0].actions[0].due = None;
        p.review_on = "1999-12-31".parse().ok();
        assert_eq!(p.check_dates(), Err(DomainError::DateTooEarly));
        for bad in [
            r#"{"state":"missing","admin":true}"#,
            r#"{"state":"recorded","text":"School","admin":true}"#,
        ] {
            assert!(serde_json::from_str::<Views>(bad).is_err(), "{bad}");
        }
        let stored = serde_json::to_string(&Views::Recorded(n("School"))).unwrap();
        assert!(serde_json::from_str::<Views>(&stored).is_ok());
    }
}

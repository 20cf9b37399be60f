//! Case conferences: the agencies around a child meet, hear the child, and decide. Every
//! decision carries its best-interests justification; dissent is recorded, not smoothed over;
//! decisions on placement, a detention recommendation, repatriation or separation from a
//! parent need a child-protection lead in the room (domain-rules §4, §8; CPMS Standard 16).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::plan::Views;
use crate::task::NewTask;
use crate::text::{NameText, NoteText};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    ChildProtectionLead,
    CaseWorker,
    Psychologist,
    HealthWorker,
    Teacher,
    LegalAid,
    Justice,
    Caregiver,
    Child,
    Other,
}

impl ParticipantRole {
    pub const ALL: [ParticipantRole; 10] = [
        ParticipantRole::ChildProtectionLead,
        ParticipantRole::CaseWorker,
        ParticipantRole::Psychologist,
        ParticipantRole::HealthWorker,
        ParticipantRole::Teacher,
        ParticipantRole::LegalAid,
        ParticipantRole::Justice,
        ParticipantRole::Caregiver,
        ParticipantRole::Child,
        ParticipantRole::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantRole::ChildProtectionLead => "child_protection_lead",
            ParticipantRole::CaseWorker => "case_worker",
            ParticipantRole::Psychologist => "psychologist",
            ParticipantRole::HealthWorker => "health_worker",
            ParticipantRole::Teacher => "teacher",
            ParticipantRole::LegalAid => "legal_aid",
            ParticipantRole::Justice => "justice",
            ParticipantRole::Caregiver => "caregiver",
            ParticipantRole::Child => "child",
            ParticipantRole::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ParticipantRole> {
        ParticipantRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub name: NameText,
    /// The agency or organisation, as the minutes name it (families and community members
    /// take part without one).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_name_text))]
    pub organisation: Option<NameText>,
    pub role: ParticipantRole,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    CarePlan,
    Placement,
    DetentionRecommendation,
    Repatriation,
    SeparationFromParent,
    Referral,
    Closure,
    Other,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 8] = [
        DecisionKind::CarePlan,
        DecisionKind::Placement,
        DecisionKind::DetentionRecommendation,
        DecisionKind::Repatriation,
        DecisionKind::SeparationFromParent,
        DecisionKind::Referral,
        DecisionKind::Closure,
        DecisionKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::CarePlan => "care_plan",
            DecisionKind::Placement => "placement",
            DecisionKind::DetentionRecommendation => "detention_recommendation",
            DecisionKind::Repatriation => "repatriation",
            DecisionKind::SeparationFromParent => "separation_from_parent",
            DecisionKind::Referral => "referral",
            DecisionKind::Closure => "closure",
            DecisionKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<DecisionKind> {
        DecisionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Decisions that change where or with whom a child lives, or whether the child is
    /// deprived of liberty, are never taken without a child-protection lead.
    pub fn needs_child_protection_lead(self) -> bool {
        matches!(
            self,
            DecisionKind::Placement
                | DecisionKind::DetentionRecommendation
                | DecisionKind::Repatriation
                | DecisionKind::SeparationFromParent
        )
    }
}

/// A participant who disagreed, and why.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dissent {
    /// The participant's name, as listed.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub by: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub reason: NoteText,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub kind: DecisionKind,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub text: NoteText,
    /// Why this serves the child's best interests. A decision without one does not exist.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub best_interests: NoteText,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub dissent: Vec<Dissent>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub held_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub participants: Vec<Participant>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub minutes: NoteText,
    /// The child's views as brought to the conference, or why they could not be.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::views))]
    pub child_views: Views,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub tasks: Vec<NewTask>,
}

/// At most this many participants, decisions and tasks in one conference record.
pub const MAX_ITEMS: usize = 50;

impl Conference {
    /// Refuses a record the rules do not allow, with the first reason.
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        crate::dates::check_date(self.held_on, today)?;
        for due in self.tasks.iter().filter_map(|t| t.due_on) {
            crate::dates::check_from(due)?;
        }
        if self.participants.len() < 2 {
            return Err(DomainError::Required {
                field: "participants",
            });
        }
        if [
            self.participants.len(),
            self.decisions.len(),
            self.tasks.len(),
        ]
        .iter()
        .any(|n| *n > MAX_ITEMS)
        {
            return Err(DomainError::TooLong {
                field: "conference",
                max: MAX_ITEMS,
            });
        }
        if !self.decisions.is_empty() && self.child_views == Views::Missing {
            return Err(DomainError::ChildNotHeard);
        }
        let lead = self
            .participants
            .iter()
            .any(|p| p.role == ParticipantRole::ChildProtectionLead);
        if !lead
            && self
                .decisions
                .iter()
                .any(|d| d.kind.needs_child_protection_lead())
        {
            return Err(DomainError::ChildProtectionLeadRequired);
        }
        let present = |n: &NameText| self.participants.iter().any(|p| &p.name == n);
        if self
            .decisions
            .iter()
            .flat_map(|d| &d.dissent)
            .any(|x| !present(&x.by))
        {
            return Err(DomainError::Invalid { field: "dissent" });
        }
        Ok(())
    }

    /// The kinds decided, for indicators that must not open the sealed record.
    pub fn decision_kinds(&self) -> Vec<&'static str> {
        let mut v: Vec<_> = self.decisions.iter().map(|d| d.kind.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> NoteText {
        NoteText::parse(s).unwrap()
    }
    fn who(name: &str, role: ParticipantRole) -> Participant {
        Participant {
            name: NameText::parse(name).unwrap(),
            organisation: None,
            role,
        }
    }
    fn conference(kind: DecisionKind, lead: bool) -> Conference {
        let mut participants = vec![
            who("Sari", ParticipantRole::CaseWorker),
            who("Dr Rahman", ParticipantRole::Psychologist),
        ];
        if lead {
            participants.push(who("Ayu", ParticipantRole::ChildProtectionLead));
        }
        Conference {
            held_on: "2026-11-20".parse().unwrap(),
            participants,
            minutes: n("Reviewed the assessment and the plan"),
            child_views: Views::Recorded(n("Wants to live with her aunt")),
            decisions: vec![Decision {
                kind,
                text: n("Placement with the maternal aunt"),
                best_interests: n("Keeps her with family and in her school"),
                dissent: vec![],
            }],
            tasks: vec![],
        }
    }
    fn today() -> NaiveDate {
        "2026-11-29".parse().unwrap()
    }

    #[test]
    fn placement_detention_repatriation_and_separation_need_a_child_protection_lead() {
        for kind in DecisionKind::ALL {
            let without = conference(kind, false).validate(today());
            if kind.needs_child_protection_lead() {
                assert_eq!(
                    without,
                    Err(DomainError::ChildProtectionLeadRequired),
                    "{kind:?}"
                );
            } else {
                assert_eq!(without, Ok(()), "{kind:?}");
            }
            assert_eq!(conference(kind, true).validate(today()), Ok(()));
        }
    }

    #[test]
    fn decisions_need_the_childs_views_and_dissent_names_a_participant() {
        let mut c = conference(DecisionKind::CarePlan, true);
        c.child_views = Views::Missing;
        assert_eq!(c.validate(today()), Err(DomainError::ChildNotHeard));
        // Minutes alone (no decision) may be recorded before the child is heard.
        c.decisions.clear();
        assert_eq!(c.validate(today()), Ok(()));

        let mut c = conference(DecisionKind::Placement, true);
        c.decisions[0].dissent.push(Dissent {
            by: NameText::parse("Dr Rahman").unwrap(),
            reason: n("Too early; the aunt has not been assessed"),
        });
        assert_eq!(c.validate(today()), Ok(()));
        c.decisions[0].dissent[0].by = NameText::parse("Someone absent").unwrap();
        assert_eq!(
            c.validate(today()),
            Err(DomainError::Invalid { field: "dissent" })
        );
    }

    #[test]
    fn a_conference_is_held_by_two_people_or_more_and_not_in_the_future() {
        let mut c = conference(DecisionKind::CarePlan, false);
        c.participants.truncate(1);
        assert!(c.validate(today()).is_err());
        let mut c = conference(DecisionKind::CarePlan, false);
        c.held_on = "2026-12-01".parse().unwrap();
        assert_eq!(c.validate(today()), Err(DomainError::DateInFuture));
        c.held_on = "0001-01-01".parse().unwrap();
        assert_eq!(c.validate(today()), Err(DomainError::DateTooEarly));
        // A best-interests justification cannot be blank: the type refuses it.
        assert!(
            serde_json::from_value::<Decision>(serde_json::json!({
                "kind": "placement", "text": "x", "best_interests": "  "
            }))
            .is_err()
        );
    }
}

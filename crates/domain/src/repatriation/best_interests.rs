//! Best interests, assessed and determined (UNHCR Best Interests Procedure, 2021; domain-rules
//! §4.3). A best-interests assessment (BIA) looks at one child; a best-interests
//! determination (BID) by a panel, with members who signed a confidentiality undertaking,
//! reasoning, dissent and a review date, is needed before a child is separated from a parent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::conference::DecisionKind;
use crate::error::DomainError;
use crate::plan::Views;
use crate::text::{NameText, NoteText};

keyed! {
    pub enum AssessmentDepth { Short = "short", Comprehensive = "comprehensive" }
}

/// A best-interests assessment of one child.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub depth: AssessmentDepth,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub done_on: NaiveDate,
    /// The child's own views, or why they could not be heard.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::views))]
    pub child_views: Views,
    /// Safety, care, family relationships, health, development and identity, as found.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub findings: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub recommendation: NoteText,
}

impl Assessment {
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        super::check_date(self.done_on, today)?;
        if self.child_views == Views::Missing {
            return Err(DomainError::ChildNotHeard);
        }
        Ok(())
    }
}

keyed! {
    /// The question a panel decides.
    pub enum Question {
        SeparationFromParent = "separation_from_parent",
        CareArrangement = "care_arrangement",
        DurableSolution = "durable_solution",
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelMember {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub name: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub organisation: NameText,
    /// Profession or function on the panel.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub role: NameText,
    /// The member signed the undertaking of confidentiality and declared no conflict of
    /// interest; a member who has not does not sit.
    pub undertaking: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelDissent {
    /// The member's name, as listed.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub by: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub reason: NoteText,
}

/// A best-interests determination by a panel.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Determination {
    pub question: Question,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub decided_on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 20))]
    pub members: Vec<PanelMember>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::views))]
    pub child_views: Views,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub reasoning: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub outcome: NoteText,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 20))]
    pub dissent: Vec<PanelDissent>,
    /// When the determination is looked at again.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub review_on: NaiveDate,
}

/// A panel has at least three members (UNHCR BIP: a multidisciplinary panel).
pub const MIN_PANEL: usize = 3;
const MAX_PANEL: usize = 20;

impl Determination {
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        super::check_date(self.decided_on, today)?;
        // Three people, not three rows: one name listed thrice is one member.
        let mut names: Vec<String> = self
            .members
            .iter()
            .map(|m| m.name.as_str().to_lowercase())
            .collect();
        names.sort_unstable();
        names.dedup();
        if names.len() < MIN_PANEL {
            return Err(DomainError::PanelTooSmall);
        }
        if self.members.len() > MAX_PANEL {
            return Err(DomainError::TooLong {
                field: "members",
                max: MAX_PANEL,
            });
        }
        if self.members.iter().any(|m| !m.undertaking) {
            return Err(DomainError::Invalid {
                field: "undertaking",
            });
        }
        if self.child_views == Views::Missing {
            return Err(DomainError::ChildNotHeard);
        }
        if self.review_on <= self.decided_on {
            return Err(DomainError::Invalid { field: "review_on" });
        }
        let member = |n: &NameText| self.members.iter().any(|m| &m.name == n);
        if self.dissent.iter().any(|d| !member(&d.by)) {
            return Err(DomainError::Invalid { field: "dissent" });
        }
        Ok(())
    }
}

/// A best-interests record of either kind, as stored and as the API takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    Assessment(Assessment),
    Determination(Determination),
}

impl Record {
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        match self {
            Record::Assessment(a) => a.validate(today),
            Record::Determination(d) => d.validate(today),
        }
    }

    /// The day it was done or decided.
    pub fn dated(&self) -> NaiveDate {
        match self {
            Record::Assessment(a) => a.done_on,
            Record::Determination(d) => d.decided_on,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Record::Assessment(_) => "assessment",
            Record::Determination(_) => "determination",
        }
    }

    pub fn question(&self) -> Option<Question> {
        match self {
            Record::Assessment(_) => None,
            Record::Determination(d) => Some(d.question),
        }
    }
}

/// What a conference's decisions need to have been established for this child first, as
/// dates (the earliest best-interests assessment; the earliest panel determination on
/// separation from a parent).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub assessed_on: Option<NaiveDate>,
    pub separation_determined_on: Option<NaiveDate>,
}

/// A repatriation decision stands on a best-interests assessment of this child; a separation
/// from a parent on a panel's determination. Both must be dated on or before the conference.
pub fn check_decision(
    kind: DecisionKind,
    held_on: NaiveDate,
    e: &Evidence,
) -> Result<(), DomainError> {
    let before = |d: Option<NaiveDate>| d.is_some_and(|d| d <= held_on);
    match kind {
        DecisionKind::Repatriation if !before(e.assessed_on) => {
            Err(DomainError::BestInterestsAssessmentRequired)
        }
        DecisionKind::SeparationFromParent if !before(e.separation_determined_on) => {
            Err(DomainError::PanelDeterminationRequired)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn n(s: &str) -> NoteText {
        NoteText::parse(s).unwrap()
    }
    fn member(name: &str) -> PanelMember {
        PanelMember {
            name: NameText::parse(name).unwrap(),
            organisation: NameText::parse("Ministry of Social and Family Development").unwrap(),
            role: NameText::parse("social worker").unwrap(),
            undertaking: true,
        }
    }
    fn panel() -> Determination {
        Determination {
            question: Question::SeparationFromParent,
            decided_on: day("2026-10-01"),
            members: vec![member("Aisha"), member("Ibrahim"), member("Mariyam")],
            child_views: Views::Recorded(n("wants to stay with her brother")),
            reasoning: n(
                "the mother is in pre-trial detention; kinship care keeps siblings together",
            ),
            outcome: n("placement with the maternal aunt until review"),
            dissent: vec![],
            review_on: day("2027-01-01"),
        }
    }

    #[test]
    fn repatriation_needs_a_prior_best_interests_assessment_of_this_child() {
        let held = day("2026-10-10");
        let none = Evidence::default();
        assert_eq!(
            check_decision(DecisionKind::Repatriation, held, &none),
            Err(DomainError::BestInterestsAssessmentRequired)
        );
        let later = Evidence {
            assessed_on: Some(day("2026-10-11")),
            ..none
        };
        assert_eq!(
            check_decision(DecisionKind::Repatriation, held, &later),
            Err(DomainError::BestInterestsAssessmentRequired),
            "an assessment after the conference did not inform it"
        );
        let done = Evidence {
            assessed_on: Some(held),
            ..none
        };
        assert!(check_decision(DecisionKind::Repatriation, held, &done).is_ok());
        assert!(check_decision(DecisionKind::CarePlan, held, &none).is_ok());
    }

    #[test]
    fn separation_from_a_parent_needs_a_panel_determination_not_only_an_assessment() {
        let held = day("2026-10-10");
        let assessed = Evidence {
            assessed_on: Some(day("2026-09-01")),
            separation_determined_on: None,
        };
        assert_eq!(
            check_decision(DecisionKind::SeparationFromParent, held, &assessed),
            Err(DomainError::PanelDeterminationRequired)
        );
        let determined = Evidence {
            separation_determined_on: Some(day("2026-10-01")),
            ..assessed
        };
        assert!(check_decision(DecisionKind::SeparationFromParent, held, &determined).is_ok());
    }

    #[test]
    fn a_panel_has_three_members_under_undertaking_hears_the_child_and_sets_a_review() {
        let today = day("2026-11-29");
        assert!(panel().validate(today).is_ok());
        let mut p = panel();
        p.members.pop();
        assert_eq!(p.validate(today), Err(DomainError::PanelTooSmall));
        let mut p = panel();
        p.members[1].name = NameText::parse("AISHA").unwrap();
        assert_eq!(
            p.validate(today),
            Err(DomainError::PanelTooSmall),
            "one person listed twice is one member"
        );
        let mut p = panel();
        p.decided_on = day("1999-12-31");
        assert_eq!(p.validate(today), Err(DomainError::DateTooEarly));
        let mut p = panel();
        p.members[1].undertaking = false;
        assert!(p.validate(today).is_err());
        let mut p = panel();
        p.child_views = Views::Missing;
        assert_eq!(p.validate(today), Err(DomainError::ChildNotHeard));
        let mut p = panel();
        p.review_on = p.decided_on;
        assert!(p.validate(today).is_err());
        let mut p = panel();
        p.dissent.push(PanelDissent {
            by: NameText::parse("Someone absent").unwrap(),
            reason: n("disagrees"),
        });
        assert_eq!(
            p.validate(today),
            Err(DomainError::Invalid { field: "dissent" })
        );
        p.dissent[0].by = NameText::parse("Ibrahim").unwrap();
        assert!(p.validate(today).is_ok(), "dissent by a member is recorded");
    }

    #[test]
    fn an_assessment_hears_the_child_or_says_why_not() {
        let a = Assessment {
            depth: AssessmentDepth::Short,
            done_on: day("2026-09-01"),
            child_views: Views::Missing,
            findings: n("findings"),
            recommendation: n("return with mother"),
        };
        assert_eq!(
            a.validate(day("2026-11-29")),
            Err(DomainError::ChildNotHeard)
        );
        let a = Assessment {
            child_views: Views::NotPossible(n("two years old")),
            ..a
        };
        assert!(a.validate(day("2026-11-29")).is_ok());
    }
}

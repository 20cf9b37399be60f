//! Family and community: the child's household — who lives there, who cares for the child,
//! how each person is related — and the community reintegration activities a plan arranges
//! (domain-rules §4 and §8: families and communities supported against stigma; family-based
//! care first).

use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::text::{NameText, NoteText};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kinship {
    Mother,
    Father,
    Sibling,
    Grandparent,
    AuntOrUncle,
    OtherRelative,
    Guardian,
    FosterCarer,
    Other,
}

impl Kinship {
    pub const ALL: [Kinship; 9] = [
        Kinship::Mother,
        Kinship::Father,
        Kinship::Sibling,
        Kinship::Grandparent,
        Kinship::AuntOrUncle,
        Kinship::OtherRelative,
        Kinship::Guardian,
        Kinship::FosterCarer,
        Kinship::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kinship::Mother => "mother",
            Kinship::Father => "father",
            Kinship::Sibling => "sibling",
            Kinship::Grandparent => "grandparent",
            Kinship::AuntOrUncle => "aunt_or_uncle",
            Kinship::OtherRelative => "other_relative",
            Kinship::Guardian => "guardian",
            Kinship::FosterCarer => "foster_carer",
            Kinship::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Kinship> {
        Kinship::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where the child lives now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Living {
    WithParents,
    WithRelatives,
    FosterFamily,
    ResidentialCentre,
    Detention,
    Independent,
    Unknown,
}

impl Living {
    pub const ALL: [Living; 7] = [
        Living::WithParents,
        Living::WithRelatives,
        Living::FosterFamily,
        Living::ResidentialCentre,
        Living::Detention,
        Living::Independent,
        Living::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Living::WithParents => "with_parents",
            Living::WithRelatives => "with_relatives",
            Living::FosterFamily => "foster_family",
            Living::ResidentialCentre => "residential_centre",
            Living::Detention => "detention",
            Living::Independent => "independent",
            Living::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Living> {
        Living::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Family or family-based care: the follow-up outcome measure and the indicator.
    pub fn is_family_based(self) -> bool {
        matches!(
            self,
            Living::WithParents | Living::WithRelatives | Living::FosterFamily
        )
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub name: NameText,
    pub kinship: Kinship,
    /// Cares for the child day to day.
    pub caregiver: bool,
    pub lives_with_child: bool,
    /// Contact is not in the child's interest (a protection concern): workers see the warning.
    #[serde(default)]
    pub no_contact: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_note_text))]
    pub note: Option<NoteText>,
}

/// The child's household and family, sealed with the child's key in the family section.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Household {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_living))]
    pub living: Option<Living>,
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 40))]
    pub members: Vec<Member>,
}

/// At most this many family members in one household record.
pub const MAX_MEMBERS: usize = 40;

impl Household {
    pub fn validate(&self) -> Result<(), DomainError> {
        if self.members.len() > MAX_MEMBERS {
            return Err(DomainError::TooLong {
                field: "members",
                max: MAX_MEMBERS,
            });
        }
        // A person listed as the child's caregiver who is also barred from contact is a
        // contradiction a worker must resolve, not a record to save.
        if self.members.iter().any(|m| m.caregiver && m.no_contact) {
            return Err(DomainError::Invalid {
                field: "no_contact",
            });
        }
        Ok(())
    }

    pub fn caregivers(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.caregiver)
    }
}

/// Community reintegration activities a plan action can be (stigma reduction, school
/// re-entry, vocational training, peer support), so the plan shows them and indicators can
/// count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    StigmaReduction,
    SchoolReEntry,
    VocationalTraining,
    PeerSupport,
    FamilySupport,
    Recreation,
}

impl Activity {
    pub const ALL: [Activity; 6] = [
        Activity::StigmaReduction,
        Activity::SchoolReEntry,
        Activity::VocationalTraining,
        Activity::PeerSupport,
        Activity::FamilySupport,
        Activity::Recreation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Activity::StigmaReduction => "stigma_reduction",
            Activity::SchoolReEntry => "school_re_entry",
            Activity::VocationalTraining => "vocational_training",
            Activity::PeerSupport => "peer_support",
            Activity::FamilySupport => "family_support",
            Activity::Recreation => "recreation",
        }
    }

    pub fn parse(s: &str) -> Option<Activity> {
        Activity::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(kinship: Kinship, caregiver: bool, no_contact: bool) -> Member {
        Member {
            name: NameText::parse("Siti").unwrap(),
            kinship,
            caregiver,
            lives_with_child: caregiver,
            no_contact,
            note: None,
        }
    }

    #[test]
    fn a_caregiver_cannot_also_be_barred_from_contact() {
        let mut h = Household {
            living: Some(Living::WithRelatives),
            members: vec![
                member(Kinship::AuntOrUncle, true, false),
                member(Kinship::Father, false, true),
            ],
        };
        assert_eq!(h.validate(), Ok(()));
        assert_eq!(h.caregivers().count(), 1);
        h.members[1].caregiver = true;
        assert_eq!(
            h.validate(),
            Err(DomainError::Invalid {
                field: "no_contact"
            })
        );
    }

    #[test]
    fn family_based_care_is_parents_relatives_or_foster_family() {
        let family: Vec<_> = Living::ALL
            .into_iter()
            .filter(|l| l.is_family_based())
            .collect();
        assert_eq!(
            family,
            [
                Living::WithParents,
                Living::WithRelatives,
                Living::FosterFamily
            ]
        );
    }
}

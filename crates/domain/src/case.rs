//! A case: its reference, lifecycle, priority, assignment, and the child's recognised victim
//! status.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::role::Role;
use crate::text::{NoteText, clean};

/// A human-readable case reference: agency code, year, and a number counted per agency and
/// year, e.g. `DSW-2026-00042`. It names no one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseReference {
    pub agency_code: String,
    pub year: i32,
    pub number: u32,
}

impl CaseReference {
    /// Agency codes are 2–10 ASCII capitals or digits, so references stay unambiguous in every
    /// script and safe in file names.
    pub fn agency_code(raw: &str) -> Result<String, DomainError> {
        let code = raw.trim().to_ascii_uppercase();
        let ok = (2..=10).contains(&code.len())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        ok.then_some(code).ok_or(DomainError::Invalid {
            field: "agency code",
        })
    }

    pub fn parse(s: &str) -> Option<CaseReference> {
        let mut parts = s.rsplitn(3, '-');
        let number = parts.next()?.parse().ok()?;
        let year = parts.next()?.parse().ok()?;
        let agency_code = CaseReference::agency_code(parts.next()?).ok()?;
        Some(CaseReference {
            agency_code,
            year,
            number,
        })
    }
}

impl std::fmt::Display for CaseReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}-{:05}", self.agency_code, self.year, self.number)
    }
}

/// The case-management steps of the inter-agency guidelines, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Identified,
    Registered,
    Assessed,
    Planned,
    InProgress,
    Closed,
    Transferred,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 7] = [
        CaseStatus::Identified,
        CaseStatus::Registered,
        CaseStatus::Assessed,
        CaseStatus::Planned,
        CaseStatus::InProgress,
        CaseStatus::Closed,
        CaseStatus::Transferred,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Identified => "identified",
            CaseStatus::Registered => "registered",
            CaseStatus::Assessed => "assessed",
            CaseStatus::Planned => "planned",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::Closed => "closed",
            CaseStatus::Transferred => "transferred",
        }
    }

    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Closed | CaseStatus::Transferred)
    }

    /// Whether a case may move from `self` to `to`: one step forward through the active steps;
    /// closure or transfer from any active step (a child may move away or turn out to need
    /// another agency at any point); reopening a closed or transferred case returns it to
    /// registration so that the child is assessed again.
    pub fn can_move_to(self, to: CaseStatus) -> bool {
        use CaseStatus::*;
        match (self, to) {
            (Identified, Registered)
            | (Registered, Assessed)
            | (Assessed, Planned)
            | (Planned, InProgress) => true,
            (from, Closed | Transferred) => from.is_open(),
            (Closed | Transferred, Registered) => true,
            _ => false,
        }
    }
}

/// Priority by urgency of the child's needs (the inter-agency high / medium / low convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PriorityLevel {
    High,
    Medium,
    Low,
}

impl PriorityLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            PriorityLevel::High => "high",
            PriorityLevel::Medium => "medium",
            PriorityLevel::Low => "low",
        }
    }
    pub fn parse(s: &str) -> Option<PriorityLevel> {
        [
            PriorityLevel::High,
            PriorityLevel::Medium,
            PriorityLevel::Low,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// A priority always carries the reason it was set: urgency is a judgement others must follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub level: PriorityLevel,
    pub reason: String,
}

impl Priority {
    pub fn new(level: PriorityLevel, reason: &str) -> Result<Priority, DomainError> {
        let reason = clean("priority reason", reason, 500, false)
            .map_err(|_| DomainError::ReasonRequired)?;
        Ok(Priority { level, reason })
    }
}

/// How the child came to be associated with a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Association {
    /// Recruited or used by the group.
    Recruited,
    /// Associated through a parent or relative.
    ThroughFamily,
    /// Travelled abroad with, or to join, family linked to a group.
    TravelledWithFamily,
    /// Born abroad to parents linked to a group.
    BornAbroad,
    Other,
}

impl Association {
    pub const ALL: [Association; 5] = [
        Association::Recruited,
        Association::ThroughFamily,
        Association::TravelledWithFamily,
        Association::BornAbroad,
        Association::Other,
    ];

    /// From its key (`recruited`, `through_family` …), as forms and the API send it.
    pub fn parse(s: &str) -> Option<Association> {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    DesignatedTerrorist,
    ArmedGroup,
    OrganisedCriminal,
    Unknown,
}

/// Channels of recruitment and exploitation, online and offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    OnlineSocialMedia,
    OnlineMessaging,
    OnlineGaming,
    Family,
    Peers,
    School,
    ReligiousSetting,
    Community,
    Other,
}

/// Circumstances of recruitment or association. Recording them recognises the child as a
/// victim (the conclusions: "any child recruited and exploited … is the victim of a crime").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circumstances {
    pub association: Association,
    pub group: GroupKind,
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// The child's story in the worker's words. Encrypted at rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<NoteText>,
}

/// Recognised victim status. Once recognised it stays: there is no way back in the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum VictimStatus {
    /// No circumstances of recruitment or association are recorded yet.
    NotRecorded,
    Recognised {
        since: DateTime<Utc>,
    },
}

impl VictimStatus {
    pub fn is_recognised(&self) -> bool {
        matches!(self, VictimStatus::Recognised { .. })
    }
}

/// The case aggregate: the state the rules apply to. Personal data lives in
/// [`crate::identity::ChildIdentity`]; this holds what every permitted role may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub reference: CaseReference,
    pub status: CaseStatus,
    pub priority: Priority,
    pub agency: String,
    pub assigned_worker: Option<String>,
    victim: VictimStatus,
    /// How many times the case was reopened.
    pub reopened: u32,
}

impl Case {
    pub fn new(
        reference: CaseReference,
        agency: String,
        priority: Priority,
        assigned_worker: Option<String>,
    ) -> Case {
        Case {
            reference,
            status: CaseStatus::Identified,
            priority,
            agency,
            assigned_worker,
            victim: VictimStatus::NotRecorded,
            reopened: 0,
        }
    }

    /// Rebuilds a stored case; victim status comes from what was stored.
    pub fn restore(
        reference: CaseReference,
        status: CaseStatus,
        priority: Priority,
        agency: String,
        assigned_worker: Option<String>,
        victim: VictimStatus,
        reopened: u32,
    ) -> Case {
        Case {
            reference,
            status,
            priority,
            agency,
            assigned_worker,
            victim,
            reopened,
        }
    }

    pub fn victim_status(&self) -> VictimStatus {
        self.victim
    }

    /// Moves the case; closing needs a reason.
    pub fn move_to(&mut self, to: CaseStatus, reason: Option<&str>) -> Result<(), DomainError> {
        if !self.status.can_move_to(to) {
            return Err(DomainError::InvalidTransition {
                from: self.status.as_str(),
                to: to.as_str(),
            });
        }
        if matches!(to, CaseStatus::Closed | CaseStatus::Transferred)
            && reason.is_none_or(|r| r.trim().is_empty())
        {
            return Err(DomainError::ReasonRequired);
        }
        if !self.status.is_open() {
            self.reopened += 1;
        }
        self.status = to;
        Ok(())
    }

    /// Recording circumstances of recruitment or association recognises the child as a victim,
    /// at once and for good. Returns true when this recognised the status for the first time.
    pub fn record_circumstances(&mut self, _c: &Circumstances, at: DateTime<Utc>) -> bool {
        if self.victim.is_recognised() {
            return false;
        }
        self.victim = VictimStatus::Recognised { since: at };
        true
    }

    /// No role may remove recognised victim status. This exists so that an attempt through any
    /// interface meets the rule, and is refused, rather than finding no door at all.
    pub fn remove_victim_status(&mut self, _by: Role) -> Result<(), DomainError> {
        if self.victim.is_recognised() {
            Err(DomainError::VictimStatusIsPermanent)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn case() -> Case {
        Case::new(
            CaseReference {
                agency_code: "DSW".into(),
                year: 2026,
                number: 42,
            },
            "dsw".into(),
            Priority::new(PriorityLevel::High, "no safe carer tonight").unwrap(),
            None,
        )
    }

    fn circumstances() -> Circumstances {
        Circumstances {
            association: Association::Recruited,
            group: GroupKind::DesignatedTerrorist,
            channels: vec![Channel::OnlineMessaging],
            narrative: None,
        }
    }

    #[test]
    fn reference_reads_and_prints() {
        let r = CaseReference {
            agency_code: "DSW".into(),
            year: 2026,
            number: 42,
        };
        assert_eq!(r.to_string(), "DSW-2026-00042");
        assert_eq!(CaseReference::parse("DSW-2026-00042"), Some(r));
        assert_eq!(CaseReference::parse("dsw 2026"), None);
        assert!(CaseReference::agency_code("ঢাকা").is_err());
    }

    #[test]
    fn lifecycle_moves_forward_one_step() {
        let mut c = case();
        for s in [
            CaseStatus::Registered,
            CaseStatus::Assessed,
            CaseStatus::Planned,
            CaseStatus::InProgress,
        ] {
            c.move_to(s, None).unwrap();
        }
        assert!(matches!(
            case().move_to(CaseStatus::Planned, None),
            Err(DomainError::InvalidTransition { .. })
        ));
    }

    #[test]
    fn closing_needs_a_reason_and_reopening_returns_to_registration() {
        let mut c = case();
        assert_eq!(
            c.move_to(CaseStatus::Closed, Some("  ")),
            Err(DomainError::ReasonRequired)
        );
        c.move_to(CaseStatus::Closed, Some("family reunified"))
            .unwrap();
        assert!(c.move_to(CaseStatus::Assessed, None).is_err());
        c.move_to(CaseStatus::Registered, None).unwrap();
        assert_eq!(c.reopened, 1);
        assert!(c.status.is_open());
    }

    #[test]
    fn priority_needs_a_reason() {
        assert_eq!(
            Priority::new(PriorityLevel::Low, ""),
            Err(DomainError::ReasonRequired)
        );
    }

    #[test]
    fn recording_circumstances_recognises_victim_status() {
        let mut c = case();
        assert!(!c.victim_status().is_recognised());
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 3, 0, 0).unwrap();
        assert!(c.record_circumstances(&circumstances(), at));
        assert_eq!(c.victim_status(), VictimStatus::Recognised { since: at });
        // Recording more circumstances later keeps the first date.
        assert!(!c.record_circumstances(&circumstances(), at + chrono::Duration::days(3)));
        assert_eq!(c.victim_status(), VictimStatus::Recognised { since: at });
    }

    #[test]
    fn no_role_can_remove_victim_status() {
        let mut c = case();
        c.record_circumstances(
            &circumstances(),
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        );
        for role in Role::ALL {
            assert_eq!(
                c.remove_victim_status(role),
                Err(DomainError::VictimStatusIsPermanent)
            );
            assert!(c.victim_status().is_recognised(), "{role} removed it");
        }
        // Closing and reopening the case keeps it too.
        c.move_to(CaseStatus::Closed, Some("moved")).unwrap();
        c.move_to(CaseStatus::Registered, None).unwrap();
        assert!(c.victim_status().is_recognised());
    }
}

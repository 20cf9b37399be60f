//! The write policy: who may change what in a child's case.
//!
//! Beside the read table, and as strict: a decision depends on the person's role, the kind of
//! change, and how they stand to the case. Being on a case's team lets a professional read
//! what their work needs; it does not make them its lead worker. The store checks this table
//! inside the writer's transaction, against the relationship read there, for every write — so
//! no page or API handler can forget it — and the pages ask the same table only to decide
//! which forms to offer. The table is written out in `docs/access-policy.md`.

use serde::{Deserialize, Serialize};

use super::{Decision, Relationship, Section, decide};
use crate::agency::Sector;
use crate::role::Role;

/// How the person making a change stands to the case. Unlike [`Relationship`], the lead
/// worker and the other professionals on the team are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The case's assigned (lead) worker.
    Lead,
    /// Another professional on the case's team, acting by their profession.
    Team,
    /// A supervisor of the agency that holds the case.
    Supervisor,
    /// Other staff of the agency that holds the case.
    SameAgency,
    /// Staff of an agency that accepted a referral of the case (only shared sections).
    Receiving,
    /// The security officer who handed the child over.
    HandedOverBy,
    None,
}

impl Standing {
    pub const ALL: [Standing; 7] = [
        Standing::Lead,
        Standing::Team,
        Standing::Supervisor,
        Standing::SameAgency,
        Standing::Receiving,
        Standing::HandedOverBy,
        Standing::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Lead => "lead",
            Standing::Team => "team",
            Standing::Supervisor => "supervisor",
            Standing::SameAgency => "same_agency",
            Standing::Receiving => "receiving",
            Standing::HandedOverBy => "handed_over_by",
            Standing::None => "none",
        }
    }

    /// The relationship the read table knows this standing by (the team reads as the lead).
    pub fn relationship(self) -> Relationship {
        match self {
            Standing::Lead | Standing::Team => Relationship::Assigned,
            Standing::Supervisor => Relationship::Supervisor,
            Standing::SameAgency => Relationship::SameAgency,
            Standing::Receiving => Relationship::Referred,
            Standing::HandedOverBy => Relationship::HandedOverBy,
            Standing::None => Relationship::None,
        }
    }

    /// The lead worker and the holding agency's supervisors run the case.
    fn runs_case(self) -> bool {
        matches!(self, Standing::Lead | Standing::Supervisor)
    }

    /// Working on the case: running it, on its team, or at an agency it was referred to.
    fn works_on_case(self) -> bool {
        matches!(
            self,
            Standing::Lead | Standing::Supervisor | Standing::Team | Standing::Receiving
        )
    }
}

/// A kind of change to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Names, aliases, sex, age evidence.
    Identity,
    /// Circumstances of recruitment or association (recognises the child as a victim).
    Circumstances,
    /// The case's lifecycle short of closing it, its priority.
    Status,
    /// Closing the case (and scheduling its follow-ups).
    Close,
    /// Who is assigned, who is on the team, who handed the child over.
    Team,
    /// A note in a section.
    Note(Section),
    /// An entry in the consent ledger.
    Consent,
    /// A referral to another agency, with the sections it shares.
    Refer,
    /// Sending a referral without the consent it needs, with a written justification.
    ConsentOverride,
    /// An assessment of the child (psychosocial) or of the family.
    Assessment(Section),
    /// The reintegration plan, its actions and follow-ups.
    Plan,
    ApprovePlan,
    Conference,
    /// The household and family members.
    Household,
    /// An interview, in the section its purpose belongs to.
    Interview(Section),
    /// Proceedings, diversion, detention, family contacts.
    Justice,
    /// Opening sealed justice records on a court order.
    CourtOrder,
    /// Destroying the justice records on a court order.
    Expunge,
    /// Travel, origin, best interests, repatriation and reception.
    Repatriation,
}

impl Change {
    /// Every kind, for the written table and the walks over it.
    pub fn all() -> Vec<Change> {
        let mut all = vec![
            Change::Identity,
            Change::Circumstances,
            Change::Status,
            Change::Close,
            Change::Team,
        ];
        all.extend(
            Section::ALL
                .into_iter()
                .filter(|s| *s != Section::Status)
                .map(Change::Note),
        );
        all.extend([
            Change::Consent,
            Change::Refer,
            Change::ConsentOverride,
            Change::Assessment(Section::Psychosocial),
            Change::Assessment(Section::Family),
            Change::Plan,
            Change::ApprovePlan,
            Change::Conference,
            Change::Household,
        ]);
        all.extend(
            [
                Section::Psychosocial,
                Section::Health,
                Section::Education,
                Section::Family,
                Section::Justice,
                Section::Participation,
            ]
            .map(Change::Interview),
        );
        all.extend([
            Change::Justice,
            Change::CourtOrder,
            Change::Expunge,
            Change::Repatriation,
        ]);
        all
    }

    /// The section the change writes into; the person must be allowed to read it.
    pub fn section(self) -> Section {
        match self {
            Change::Identity => Section::Identity,
            Change::Circumstances | Change::Repatriation => Section::Circumstances,
            Change::Status | Change::Close | Change::Team => Section::Status,
            Change::Note(s) | Change::Assessment(s) | Change::Interview(s) => s,
            Change::Consent | Change::Refer | Change::ConsentOverride => Section::Participation,
            Change::Plan | Change::ApprovePlan | Change::Conference => Section::Plan,
            Change::Household => Section::Family,
            Change::Justice | Change::CourtOrder | Change::Expunge => Section::Justice,
        }
    }

    pub fn label(self) -> String {
        match self {
            Change::Note(s) => format!("note: {}", s.as_str()),
            Change::Assessment(s) => format!("assessment: {}", s.as_str()),
            Change::Interview(s) => format!("interview: {}", s.as_str()),
            other => serde_json::to_value(other)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        }
    }
}

/// The write table. `true` when `role`, standing so to the case, may make the change.
pub fn may_change(role: Role, change: Change, standing: Standing) -> bool {
    // Nobody changes what they may not read in full.
    if decide(role, change.section(), standing.relationship()) != Decision::Allow {
        return false;
    }
    let supervisor = role == Role::Supervisor;
    // Only a supervisor stands as one; the cell is empty for every other role.
    if standing == Standing::Supervisor && !supervisor {
        return false;
    }
    match change {
        // The case itself and what the child agreed to: its lead worker or a supervisor.
        Change::Identity
        | Change::Circumstances
        | Change::Status
        | Change::Team
        | Change::Consent
        | Change::Refer
        | Change::Plan
        | Change::Conference
        | Change::Household
        | Change::Repatriation => standing.runs_case(),
        // Decisions that need a second person (followup::may_close, plan::check_approval, the
        // consent gate's override): a supervisor of the case.
        Change::Close | Change::ApprovePlan | Change::ConsentOverride => {
            supervisor && standing.runs_case()
        }
        // Notes and interviews are each professional's own record, in the sections their
        // profession reads.
        Change::Note(_) | Change::Interview(_) => standing.works_on_case(),
        // Assessments of the child and family: the case's lead or a psychologist working on it.
        Change::Assessment(_) => {
            standing.runs_case() || (role == Role::Psychologist && standing.works_on_case())
        }
        // Proceedings and detention: the case's lead or a justice officer working on it, who
        // may read the justice section in full.
        Change::Justice => {
            standing.runs_case() || (role == Role::Justice && standing.works_on_case())
        }
        // Court orders and expungement: a supervisor or a justice officer.
        Change::CourtOrder | Change::Expunge => {
            matches!(role, Role::Supervisor | Role::Justice) && standing.works_on_case()
        }
    }
}

/// Who registers a child: case workers and supervisors, into their own agency.
pub fn may_register(role: Role) -> bool {
    matches!(role, Role::CaseWorker | Role::Supervisor)
}

/// Who answers a referral (accepts, declines, completes): staff of the receiving agency who
/// work with children — never the agency of the person who made it.
pub fn may_answer_referral(
    role: Role,
    own_agency: Option<&str>,
    to_agency: &str,
    referrer_agency: Option<&str>,
) -> bool {
    role.works_with_children()
        && own_agency == Some(to_agency)
        && referrer_agency != Some(to_agency)
}

/// Who marks a conference's task done: the person it was given to, or a supervisor of the
/// case's agency (someone left; the task must not hang).
pub fn may_complete_task(
    role: Role,
    is_assignee: bool,
    own_agency: Option<&str>,
    case_agency: &str,
) -> bool {
    is_assignee || (role == Role::Supervisor && own_agency == Some(case_agency))
}

/// The profession that reads what a referral to a sector shares: a receiving agency learns
/// what its own work needs, whatever the sender ticks. `None` for security services.
pub fn sector_profession(sector: Sector) -> Option<Role> {
    match sector {
        Sector::ChildProtection => Some(Role::CaseWorker),
        Sector::Health => Some(Role::Health),
        Sector::Education => Some(Role::Education),
        Sector::Justice => Some(Role::Justice),
        // Civil society organisations give psychosocial and family support.
        Sector::CivilSociety => Some(Role::Psychologist),
        Sector::Security => None,
    }
}

/// Whether a referral to an agency of `sector` may share `section`: only what the receiving
/// sector's profession may read on a referral.
pub fn may_share(sector: Sector, section: Section) -> bool {
    section != Section::Status
        && sector_profession(sector)
            .is_some_and(|role| decide(role, section, Relationship::Referred) != Decision::Deny)
}

/// Accounts, agencies and rule values: administrators only.
pub fn may_administer(role: Role) -> bool {
    role == Role::Administrator
}

/// The write table as Markdown, for `docs/access-policy.md`.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "\n# Write policy\n\n\
         Generated from `crates/domain/src/policy/write.rs` (`may_change`). The store checks it \
         inside the writer's transaction for every write, against the account and the case as \
         the database holds them then; a storage test walks every cell on SQLite and PostgreSQL \
         with real accounts, and the HTTP tests walk the paths found open before.\n\n\
         Standings: `lead` the assigned worker; `team` another professional on the case's \
         team; `supervisor` a supervisor of the holding agency; `same_agency` other staff \
         there; `receiving` staff of an agency that accepted a referral (only the sections it \
         shared); `handed_over_by` the security officer who handed the child over. `yes`: \
         allowed; `-`: refused.\n\n\
         Also: registration is for case workers and supervisors, into their own agency; a \
         referral is answered only by staff of the receiving agency who work with children, \
         never by the agency of the person who made it, and shares only sections the \
         receiving sector's profession may read; accounts, agencies and rule values are for \
         administrators.\n",
    );
    for role in Role::ALL {
        out.push_str(&format!("\n## {} (write)\n\n| change |", role.as_str()));
        for s in Standing::ALL {
            out.push_str(&format!(" {} |", s.as_str()));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(Standing::ALL.len()));
        out.push('\n');
        for change in Change::all() {
            out.push_str(&format!("| {} |", change.label()));
            for s in Standing::ALL {
                let cell = if may_change(role, change, s) {
                    "yes"
                } else {
                    "-"
                };
                out.push_str(&format!(" {cell} |"));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_member_never_runs_the_case() {
        for role in Role::ALL {
            for change in [
                Change::Identity,
                Change::Circumstances,
                Change::Status,
                Change::Close,
                Change::Team,
                Change::Consent,
                Change::Refer,
                Change::Plan,
                Change::ApprovePlan,
                Change::Conference,
                Change::Household,
                Change::Repatriation,
            ] {
                assert!(
                    !may_change(role, change, Standing::Team),
                    "{role} on the team: {change:?}"
                );
                assert!(!may_change(role, change, Standing::Receiving));
            }
        }
    }

    #[test]
    fn the_lead_worker_and_the_supervisor_run_the_case() {
        for change in [
            Change::Identity,
            Change::Plan,
            Change::Refer,
            Change::Status,
        ] {
            assert!(may_change(Role::CaseWorker, change, Standing::Lead));
            assert!(may_change(Role::Supervisor, change, Standing::Supervisor));
            assert!(!may_change(Role::CaseWorker, change, Standing::SameAgency));
            assert!(!may_change(Role::Supervisor, change, Standing::SameAgency));
        }
    }

    #[test]
    fn closing_approving_and_overriding_need_a_supervisor() {
        for change in [Change::Close, Change::ApprovePlan, Change::ConsentOverride] {
            assert!(!may_change(Role::CaseWorker, change, Standing::Lead));
            assert!(may_change(Role::Supervisor, change, Standing::Supervisor));
            assert!(may_change(Role::Supervisor, change, Standing::Lead));
        }
    }

    #[test]
    fn professionals_on_the_team_write_in_their_own_sections() {
        let team = Standing::Team;
        assert!(may_change(
            Role::Health,
            Change::Note(Section::Health),
            team
        ));
        assert!(!may_change(
            Role::Health,
            Change::Note(Section::Psychosocial),
            team
        ));
        assert!(may_change(
            Role::Education,
            Change::Note(Section::Education),
            team
        ));
        assert!(!may_change(
            Role::Education,
            Change::Note(Section::Justice),
            team
        ));
        assert!(may_change(
            Role::Psychologist,
            Change::Assessment(Section::Psychosocial),
            team
        ));
        assert!(!may_change(
            Role::Education,
            Change::Assessment(Section::Psychosocial),
            team
        ));
        assert!(may_change(Role::Justice, Change::Justice, team));
        assert!(!may_change(Role::Psychologist, Change::Justice, team));
        assert!(may_change(
            Role::Justice,
            Change::Interview(Section::Justice),
            team
        ));
        assert!(!may_change(
            Role::Education,
            Change::Interview(Section::Justice),
            team
        ));
    }

    #[test]
    fn court_orders_are_for_supervisors_and_justice_officers() {
        for change in [Change::CourtOrder, Change::Expunge] {
            assert!(may_change(Role::Justice, change, Standing::Team));
            assert!(may_change(Role::Supervisor, change, Standing::Supervisor));
            assert!(!may_change(Role::CaseWorker, change, Standing::Lead));
        }
    }

    #[test]
    fn security_research_audit_and_administration_change_no_case() {
        for role in [
            Role::SecurityLiaison,
            Role::Researcher,
            Role::Auditor,
            Role::Administrator,
        ] {
            for change in Change::all() {
                for s in Standing::ALL {
                    assert!(!may_change(role, change, s), "{role} {change:?} {s:?}");
                }
            }
        }
    }

    #[test]
    fn nobody_unrelated_changes_a_case() {
        for role in Role::ALL {
            for change in Change::all() {
                assert!(!may_change(role, change, Standing::None));
                assert!(!may_change(role, change, Standing::HandedOverBy));
            }
        }
    }

    #[test]
    fn a_referral_shares_only_what_the_receiving_sector_reads() {
        assert!(may_share(Sector::Health, Section::Health));
        assert!(!may_share(Sector::Health, Section::Circumstances));
        assert!(!may_share(Sector::Health, Section::Psychosocial));
        assert!(!may_share(Sector::Education, Section::Family));
        assert!(may_share(Sector::ChildProtection, Section::Psychosocial));
        assert!(!may_share(Sector::ChildProtection, Section::Justice));
        for s in Section::ALL {
            assert!(!may_share(Sector::Security, s));
            assert!(!may_share(Sector::Health, Section::Status));
        }
    }

    #[test]
    fn a_referral_is_never_answered_by_the_agency_that_made_it() {
        assert!(may_answer_referral(
            Role::Health,
            Some("h"),
            "h",
            Some("dsjkt")
        ));
        assert!(!may_answer_referral(
            Role::Health,
            Some("h"),
            "h",
            Some("h")
        ));
        assert!(!may_answer_referral(
            Role::Health,
            Some("x"),
            "h",
            Some("dsjkt")
        ));
        assert!(!may_answer_referral(
            Role::SecurityLiaison,
            Some("h"),
            "h",
            Some("dsjkt")
        ));
    }

    #[test]
    fn a_task_is_done_by_its_assignee_or_the_agencys_supervisor() {
        for role in Role::ALL {
            // The assignee, whatever their role or agency.
            assert!(may_complete_task(role, true, Some("other"), "home"));
            assert!(may_complete_task(role, true, None, "home"));
            // Anyone else: only a supervisor of the case's own agency.
            assert_eq!(
                may_complete_task(role, false, Some("home"), "home"),
                role == Role::Supervisor,
                "{role}"
            );
            assert!(!may_complete_task(role, false, Some("other"), "home"));
            assert!(!may_complete_task(role, false, None, "home"));
        }
    }
}

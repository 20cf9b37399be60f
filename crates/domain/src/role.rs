//! Roles of the people who use Pelita (DESIGN.md §2).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    CaseWorker,
    Supervisor,
    Psychologist,
    Health,
    Education,
    Justice,
    SecurityLiaison,
    Researcher,
    Administrator,
    Auditor,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::CaseWorker,
        Role::Supervisor,
        Role::Psychologist,
        Role::Health,
        Role::Education,
        Role::Justice,
        Role::SecurityLiaison,
        Role::Researcher,
        Role::Administrator,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::CaseWorker => "case_worker",
            Role::Supervisor => "supervisor",
            Role::Psychologist => "psychologist",
            Role::Health => "health",
            Role::Education => "education",
            Role::Justice => "justice",
            Role::SecurityLiaison => "security_liaison",
            Role::Researcher => "researcher",
            Role::Administrator => "administrator",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Roles that work with children: they answer referrals to their agency and take tasks
    /// from case conferences. Security services, research, audit and administration do not.
    pub fn works_with_children(self) -> bool {
        !matches!(
            self,
            Role::SecurityLiaison | Role::Researcher | Role::Auditor | Role::Administrator
        )
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_research_audit_and_administration_do_no_casework() {
        let casework: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.works_with_children())
            .collect();
        assert_eq!(
            casework,
            [
                Role::CaseWorker,
                Role::Supervisor,
                Role::Psychologist,
                Role::Health,
                Role::Education,
                Role::Justice
            ]
        );
    }

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}

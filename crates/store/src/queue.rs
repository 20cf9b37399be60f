//! The workbench's reads: a person's open cases filtered, sorted and paged, with the children's
//! names they may read (each name shown logged as a read of identity, in one write); and a
//! supervisor's queue — plans awaiting approval in their agency, the team's overdue tasks and
//! workload.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use pelita_domain::case::{CaseStatus, PriorityLevel};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::policy::{self, Decision, Relationship, Section};
use pelita_domain::role::Role;
use pelita_domain::task::ResponseTimes;

use crate::access::{AccessCommand, META_COLUMNS, meta_from, minimal};
use crate::cases::OPEN_CASE;
use crate::db::{Val, args};
use crate::{Actor, Readable, Reader, Store, StoreError, TaskItem, WorkItem, from_micros};

/// Cases on one page of the case list.
pub const CASES_PER_PAGE: i64 = 25;

/// How the case list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseSort {
    /// Higher priority first, then the most recently changed.
    #[default]
    Priority,
    /// The most recently changed first.
    Updated,
    /// By case reference.
    Reference,
    /// Along the journey (identified first), then by priority.
    Status,
}

impl CaseSort {
    pub const ALL: [CaseSort; 4] = [
        CaseSort::Priority,
        CaseSort::Updated,
        CaseSort::Reference,
        CaseSort::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseSort::Priority => "priority",
            CaseSort::Updated => "updated",
            CaseSort::Reference => "reference",
            CaseSort::Status => "status",
        }
    }

    pub fn parse(s: &str) -> Option<CaseSort> {
        CaseSort::ALL.into_iter().find(|x| x.as_str() == s)
    }

    fn sql(self) -> &'static str {
        match self {
            CaseSort::Priority => {
                "CASE c.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, c.updated_at DESC"
            }
            CaseSort::Updated => "c.updated_at DESC",
            CaseSort::Reference => "c.reference",
            CaseSort::Status => {
                "CASE c.status WHEN 'identified' THEN 0 WHEN 'registered' THEN 1 \
                 WHEN 'assessed' THEN 2 WHEN 'planned' THEN 3 ELSE 4 END, \
                 CASE c.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"
            }
        }
    }
}

/// Which of a person's open cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    pub priority: Option<PriorityLevel>,
    /// Only cases held by agencies of this jurisdiction (its code: "ID", "MY" …).
    pub jurisdiction: Option<String>,
    /// Only these cases (e.g. those with a task overdue), when set.
    pub only: Option<Vec<String>>,
    pub sort: CaseSort,
    /// From 0.
    pub page: u32,
}

/// One page of a person's cases, and the names of other cases the page mentions.
#[derive(Debug, Clone, Default)]
pub struct Workbench {
    pub cases: Vec<WorkItem>,
    /// How many cases match the filter, over all pages.
    pub total: i64,
    /// The child's name for each case the page names (its cases, and the cases of the tasks
    /// and alerts asked for) where the reader's policy lets them read identity.
    pub names: HashMap<String, Readable<ChildIdentity>>,
}

/// A plan saved and not yet approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAwaiting {
    pub case_id: String,
    pub reference: String,
    /// The case's assigned worker's display name.
    pub worker: Option<String>,
    /// When the plan was last saved.
    pub since: DateTime<Utc>,
}

/// A member of the supervisor's agency and their work.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerLoad {
    pub user_id: String,
    pub name: String,
    pub role: Role,
    /// Open cases they are the assigned worker of.
    pub open_cases: i64,
    /// Their tasks past due, most overdue first.
    pub overdue: Vec<TaskItem>,
}

/// What waits for a supervisor's decision in their agency, and how the team is doing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SupervisorQueue {
    pub plans: Vec<PlanAwaiting>,
    pub team: Vec<WorkerLoad>,
}

/// `$from, $from+1, …` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The reader's open cases (led or on the team) matching `filter`, one page of
    /// [`CASES_PER_PAGE`], with the names the reader may read; and the names of the cases in
    /// `also` (the cases of the tasks and alerts the page shows) that the reader holds or, as a
    /// supervisor, that belong to their agency. Every name returned is logged as a read of
    /// identity, in one write.
    pub async fn read_workbench(
        &self,
        reader: &Reader,
        filter: &CaseFilter,
        also: &[String],
    ) -> Result<Workbench, StoreError> {
        let mine = "(SELECT id FROM cases WHERE assigned_to = $1 \
                    UNION SELECT case_id FROM case_team WHERE user_id = $1)";
        let mut cond = vec![OPEN_CASE.to_owned()];
        let mut a: Vec<Val> = args![reader.id.as_str()];
        if let Some(s) = filter.status {
            a.push(Val::from(s.as_str()));
            cond.push(format!("c.status = ${}", a.len()));
        }
        if let Some(p) = filter.priority {
            a.push(Val::from(p.as_str()));
            cond.push(format!("c.priority = ${}", a.len()));
        }
        if let Some(j) = &filter.jurisdiction {
            a.push(Val::from(j.as_str()));
            cond.push(format!(
                "c.agency_id IN (SELECT id FROM agencies WHERE jurisdiction = ${})",
                a.len()
            ));
        }
        if let Some(only) = &filter.only {
            if only.is_empty() {
                cond.push("1 = 0".into());
            } else {
                cond.push(format!(
                    "c.id IN ({})",
                    placeholders(a.len() + 1, only.len())
                ));
                a.extend(only.iter().map(|id| Val::from(id.as_str())));
            }
        }
        let from = format!(
            "FROM {mine} m JOIN cases c ON c.id = m.id JOIN children ch ON ch.id = c.child_id \
             WHERE {}",
            cond.join(" AND ")
        );
        let total = self
            .pools
            .row(&format!("SELECT count(*) {from}"), a.clone())
            .await?
            .ok_or(StoreError::Corrupt)?
            .i64(0)?;
        let shown = policy::decide(reader.role, Section::Identity, Relationship::Assigned);
        let mut bench = Workbench {
            total,
            ..Workbench::default()
        };
        if shown == Decision::Deny {
            bench.total = 0;
            return Ok(bench);
        }
        let mut page = a;
        page.push(Val::from(CASES_PER_PAGE));
        page.push(Val::from(i64::from(filter.page) * CASES_PER_PAGE));
        let n = page.len();
        let sql = format!(
            "SELECT {META_COLUMNS}, ch.wrapped_key, ch.identity_sealed, ch.erased_at {from} \
             ORDER BY {}, c.id LIMIT ${} OFFSET ${n}",
            filter.sort.sql(),
            n - 1
        );
        // A teacher or a health worker reads the minimal identity only.
        let open = |identity: Readable<ChildIdentity>, d: Decision| match identity {
            Readable::Present(i) if d == Decision::AllowMinimal => Readable::Present(minimal(i)),
            other => other,
        };
        for r in self.pools.rows(&sql, page).await? {
            let meta = meta_from(&r)?;
            let identity = self.open_identity(
                &meta.child_id,
                r.opt_bytes(10)?,
                r.opt_bytes(11)?,
                r.opt_i64(12)?,
            )?;
            let identity = open(identity, shown);
            bench.names.insert(meta.id.clone(), identity.clone());
            bench.cases.push(WorkItem { meta, identity });
        }
        // The other cases the page names: held, or of the supervisor's own agency.
        let also: Vec<&String> = also
            .iter()
            .filter(|id| !bench.names.contains_key(*id))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if !also.is_empty() {
            let mut a: Vec<Val> = args![
                reader.id.as_str(),
                reader.agency_id.clone().unwrap_or_default(),
                i64::from(reader.role == Role::Supervisor)
            ];
            let list = placeholders(4, also.len());
            a.extend(also.iter().map(|id| Val::from(id.as_str())));
            let sql = format!(
                "SELECT c.id, c.child_id, ch.wrapped_key, ch.identity_sealed, ch.erased_at, \
                 CASE WHEN c.id IN {mine} THEN CAST(1 AS BIGINT) ELSE CAST(0 AS BIGINT) END FROM cases c \
                 JOIN children ch ON ch.id = c.child_id WHERE c.id IN ({list}) \
                 AND (c.id IN {mine} OR ($3 = 1 AND c.agency_id = $2))"
            );
            for r in self.pools.rows(&sql, a).await? {
                let rel = if r.i64(5)? == 1 {
                    Relationship::Assigned
                } else {
                    Relationship::Supervisor
                };
                let d = policy::decide(reader.role, Section::Identity, rel);
                if d == Decision::Deny {
                    continue;
                }
                let id = r.text(0)?;
                let identity = self.open_identity(
                    &r.text(1)?,
                    r.opt_bytes(2)?,
                    r.opt_bytes(3)?,
                    r.opt_i64(4)?,
                )?;
                bench.names.insert(id, open(identity, d));
            }
        }
        let reads: Vec<(String, Section, Option<String>)> = bench
            .names
            .iter()
            .filter(|(_, i)| matches!(i, Readable::Present(_)))
            .map(|(id, _)| (id.clone(), Section::Identity, None))
            .collect();
        if !reads.is_empty() {
            self.submit(
                &Actor::account(&reader.id, reader.role),
                AccessCommand::LogAccess { reads },
            )
            .await?;
        }
        Ok(bench)
    }

    /// A supervisor's queue, in the agency their account belongs to as the store holds it:
    /// plans of open cases saved and not approved (oldest first), and each colleague who works
    /// with children with their open cases and overdue tasks. Anyone else is refused.
    pub async fn supervisor_queue(
        &self,
        reader: &Reader,
        times: &ResponseTimes,
    ) -> Result<SupervisorQueue, StoreError> {
        let me = self.user(&reader.id).await?;
        let (Role::Supervisor, Some(agency), false) = (me.role, me.agency_id.clone(), me.disabled)
        else {
            return Err(StoreError::Forbidden);
        };
        let mut q = SupervisorQueue::default();
        for r in self
            .pools
            .rows(
                &format!(
                    "SELECT c.id, c.reference, u.display_name, p.updated_at FROM plans p \
                     JOIN cases c ON c.id = p.case_id LEFT JOIN users u ON u.id = c.assigned_to \
                     WHERE c.agency_id = $1 AND p.status = 'draft' AND {OPEN_CASE} \
                     ORDER BY p.updated_at, c.id"
                ),
                args![agency.as_str()],
            )
            .await?
        {
            q.plans.push(PlanAwaiting {
                case_id: r.text(0)?,
                reference: r.text(1)?,
                worker: r.opt_text(2)?,
                since: from_micros(r.i64(3)?),
            });
        }
        let now = self.now();
        for r in self
            .pools
            .rows(
                &format!(
                    "SELECT u.id, u.display_name, u.role, \
                     (SELECT count(*) FROM cases c WHERE c.assigned_to = u.id AND {OPEN_CASE}) \
                     FROM users u WHERE u.agency_id = $1 AND u.disabled = 0 \
                     ORDER BY u.display_name, u.id"
                ),
                args![agency.as_str()],
            )
            .await?
        {
            let role = Role::parse(&r.text(2)?).ok_or(StoreError::Corrupt)?;
            if !role.works_with_children() {
                continue;
            }
            let id = r.text(0)?;
            let overdue = self
                .my_tasks(&id, Some(&agency), true, false, times)
                .await?
                .into_iter()
                .filter(|t| t.kind.is_for(role) && t.due <= now)
                .collect();
            q.team.push(WorkerLoad {
                user_id: id,
                name: r.text(1)?,
                role,
                open_cases: r.i64(3)?,
                overdue,
            });
        }
        Ok(q)
    }
}

//! Case conferences: the record (sealed with the child's key) and the follow-up tasks it
//! assigns, written in one transaction with the audit event.

use chrono::{DateTime, NaiveDate, Utc};
use pelita_domain::conference::Conference;
use pelita_domain::task::ResponseTimes;
use serde_json::json;

use crate::db::args;
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

#[derive(Debug, Clone)]
pub struct ConferenceRecord {
    pub id: String,
    pub held_on: NaiveDate,
    pub record: Readable<Conference>,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

/// The writes of case conferences.
pub(crate) enum ConferenceCommand {
    /// A case conference, with each task's deadline (micros) computed by the caller.
    Record(
        String,
        Box<pelita_domain::conference::Conference>,
        Vec<i64>,
        Reply<String>,
    ),
}

impl ConferenceCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            ConferenceCommand::Record(case, c, due, reply) => {
                reply.keep(w.record_conference(case, c, due).await?)
            }
        }
        Ok(())
    }
}

impl Store {
    /// Records a conference and creates its tasks, each due on its date or, without one, by
    /// its priority's response time. Refused with the rule's reason (no child-protection lead
    /// for a placement, no best-interests justification, the child not heard, …) and then
    /// nothing is saved; a task for an unknown or disabled user is refused as well.
    pub async fn record_conference(
        &self,
        actor: &Actor,
        case_id: &str,
        c: Conference,
        times: &ResponseTimes,
    ) -> Result<String, StoreError> {
        let now = self.now();
        c.validate(pelita_domain::dates::latest_today(now))?;
        let due = c
            .tasks
            .iter()
            .map(|t| t.due(times, now).timestamp_micros())
            .collect();
        self.ask(actor, |reply| {
            ConferenceCommand::Record(case_id.into(), Box::new(c), due, reply)
        })
        .await
    }

    /// A case's conferences through a grant for the plan section; the read is logged.
    pub async fn read_conferences(
        &self,
        grant: &pelita_domain::policy::Grant,
    ) -> Result<Vec<ConferenceRecord>, StoreError> {
        Store::expect(grant, pelita_domain::policy::Section::Plan)?;
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.conferences(grant.case_id(), &key).await
    }

    /// Latest first.
    pub(crate) async fn conferences(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<Vec<ConferenceRecord>, StoreError> {
        self.pools
            .rows(
                "SELECT id, held_on, record_sealed, recorded_by, recorded_at FROM conferences \
                 WHERE case_id = $1 ORDER BY held_on DESC, recorded_at DESC",
                args![case_id],
            )
            .await?
            .iter()
            .map(|r| {
                let id = r.text(0)?;
                let record = match key {
                    Ok(k) => Readable::Present(
                        serde_json::from_slice(&k.open(&format!("conference/{id}"), &r.bytes(2)?)?)
                            .map_err(|_| StoreError::Corrupt)?,
                    ),
                    Err(at) => Readable::Erased {
                        at: from_micros(*at),
                    },
                };
                Ok(ConferenceRecord {
                    held_on: r.text(1)?.parse().map_err(|_| StoreError::Corrupt)?,
                    record,
                    recorded_by: r.text(3)?,
                    recorded_at: from_micros(r.i64(4)?),
                    id,
                })
            })
            .collect()
    }
}

impl Write<'_> {
    pub(crate) async fn record_conference(
        &mut self,
        case_id: &str,
        c: &Conference,
        due: &[i64],
    ) -> Result<String, StoreError> {
        let (case, _, key) = self.load_case(case_id).await?;
        // Repatriation and separation stand on this child's own best-interests records.
        let evidence = self.decision_evidence(case_id).await?;
        for d in &c.decisions {
            pelita_domain::repatriation::best_interests::check_decision(
                d.kind, c.held_on, &evidence,
            )?;
        }
        let id = new_id();
        // A task goes to the case's staff only — the same people the chooser offers — so a
        // crafted form cannot hand a child's task to another agency's account.
        for t in &c.tasks {
            let staff = self
                .tx
                .row(
                    &format!(
                        "SELECT 1 FROM users u WHERE u.id = $2 AND {}",
                        staff_of_case()
                    ),
                    args![case_id, t.assignee.as_str()],
                )
                .await?;
            if staff.is_none() {
                return Err(pelita_domain::DomainError::Invalid { field: "assignee" }.into());
            }
        }
        let kinds = c.decision_kinds().join(" ");
        self.tx
            .exec(
                "INSERT INTO conferences (id, case_id, held_on, decision_kinds, record_sealed, \
                 recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                args![
                    id.as_str(),
                    case_id,
                    c.held_on.to_string(),
                    kinds.as_str(),
                    key.seal(
                        &format!("conference/{id}"),
                        &serde_json::to_vec(c).expect("conferences serialise")
                    ),
                    self.actor.id.as_str(),
                    self.now
                ],
            )
            .await?;
        for (t, due_at) in c.tasks.iter().zip(due) {
            let task_id = new_id();
            self.tx
                .exec(
                    "INSERT INTO tasks (id, case_id, assignee, priority, due_at, text_sealed, source, \
                     source_id, created_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, 'conference', $7, $8, $9)",
                    args![
                        task_id.as_str(),
                        case_id,
                        t.assignee.as_str(),
                        t.priority.as_str(),
                        *due_at,
                        key.seal(&format!("task/{task_id}"), t.text.as_str().as_bytes()),
                        id.as_str(),
                        self.actor.id.as_str(),
                        self.now
                    ],
                )
                .await?;
            if t.assignee != self.actor.id {
                self.tx
                    .exec(
                        "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) \
                         VALUES ($1, $2, $3, 'task', $4, $5)",
                        args![
                            new_id(),
                            t.assignee.as_str(),
                            case_id,
                            json!({"by": self.actor.id, "reference": case.reference.to_string()})
                                .to_string(),
                            self.now
                        ],
                    )
                    .await?;
            }
        }
        self.audit(
            "conference.record",
            case_id,
            json!({"conference": id, "decisions": kinds, "participants": c.participants.len(),
                   "tasks": c.tasks.len()}),
        )
        .await?;
        Ok(id)
    }
}

/// Most people a conference's task chooser offers at once: it narrows by typing.
pub const STAFF_OFFERED: i64 = 20;

/// Who may be given a conference's task, for a query naming its users `u` and the case `$1`:
/// enabled staff who work with children, of the case's agency, of an agency it was referred
/// to, or on its team. The chooser offers them and the writer checks against them.
fn staff_of_case() -> String {
    let roles: Vec<String> = pelita_domain::role::Role::ALL
        .into_iter()
        .filter(|r| r.works_with_children())
        .map(|r| format!("'{}'", r.as_str()))
        .collect();
    format!(
        "u.disabled = 0 AND u.role IN ({}) \
         AND (u.agency_id IN (SELECT agency_id FROM cases WHERE id = $1 \
                              UNION SELECT to_agency FROM referrals WHERE case_id = $1) \
              OR u.id IN (SELECT user_id FROM case_team WHERE case_id = $1))",
        roles.join(", ")
    )
}

impl Store {
    /// Whom a conference may give a task to, as the chooser offers them: enabled staff who
    /// work with children, of the case's agency, of an agency it was referred to, or on its
    /// team — never the deployment's other accounts. The lead worker and the team first, then
    /// by name; `typed` narrows by name or username. At most [`STAFF_OFFERED`].
    pub async fn conference_staff(
        &self,
        case_id: &str,
        typed: &str,
    ) -> Result<Vec<crate::User>, StoreError> {
        let pattern = format!(
            "%{}%",
            typed
                .trim()
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let sql = format!(
            "SELECT {cols} FROM users u WHERE {staff} \
             AND (lower(u.display_name) LIKE $2 ESCAPE '\\' OR lower(u.username) LIKE $2 ESCAPE '\\') \
             ORDER BY CASE WHEN u.id IN (SELECT user_id FROM case_team WHERE case_id = $1 \
                                         UNION SELECT assigned_to FROM cases WHERE id = $1) \
                      THEN 0 ELSE 1 END, u.display_name, u.id \
             LIMIT $3",
            cols = crate::users::USER_COLUMNS,
            staff = staff_of_case(),
        );
        self.pools
            .rows(&sql, args![case_id, pattern, STAFF_OFFERED])
            .await?
            .iter()
            .map(|r| crate::users::user_from(r, 0))
            .collect()
    }

    /// The display names of these accounts (those conference tasks were given to), by id.
    pub async fn display_names(
        &self,
        ids: &[String],
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, display_name FROM users WHERE id IN ({})",
            list.join(", ")
        );
        let args = ids
            .iter()
            .map(|i| crate::db::Val::from(i.as_str()))
            .collect();
        self.pools
            .rows(&sql, args)
            .await?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect()
    }
}

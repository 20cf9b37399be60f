//! "My work" as tasks: what is due from me, most urgent first. Conference tasks are stored;
//! the rest are derived from the records they are about (a case without its first assessment,
//! a plan review, a follow-up, a referral waiting for an answer), so a task can never say
//! something the record no longer does.

use chrono::{DateTime, TimeDelta, Utc};
use pelita_domain::case::PriorityLevel;
use pelita_domain::justice::clock::State;
use pelita_domain::task::{self, ResponseTimes, TaskKind};
use serde_json::json;

use crate::cases::OPEN_CASE;
use crate::db::{Row, args};
use crate::writer::Write;
use crate::{Actor, Store, StoreError, from_micros};

/// Date-scheduled work (plan reviews, follow-ups) enters "my work" this long before it is due.
pub const HORIZON_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq)]
pub struct TaskItem {
    pub kind: TaskKind,
    pub case_id: String,
    pub reference: String,
    pub priority: PriorityLevel,
    pub due: DateTime<Utc>,
    /// The stored task (conference tasks) or the record the task is about.
    pub id: String,
    /// A conference task's text; `None` for derived tasks and erased children.
    pub text: Option<String>,
    /// For a detention clock: what the law requires at the deadline.
    pub at_expiry: Option<pelita_domain::justice::AtExpiry>,
}

fn level(s: &str) -> Result<PriorityLevel, StoreError> {
    PriorityLevel::parse(s).ok_or(StoreError::Corrupt)
}

/// The writes of tasks.
pub(crate) enum TaskCommand {
    Complete(String),
}

impl TaskCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            TaskCommand::Complete(id) => w.complete_task(id).await?,
        }
        Ok(())
    }
}

impl Store {
    /// What is due from the user: conference tasks assigned to them; first assessments of
    /// their open cases, due by the case's priority; plan reviews and follow-ups of their cases
    /// due within [`HORIZON_DAYS`]; referrals their agency has not answered (when `answers` —
    /// the user's role answers referrals) and referrals from their cases still waiting.
    /// Overdue first, then by deadline, higher priority first on ties.
    pub async fn my_tasks(
        &self,
        user_id: &str,
        agency_id: Option<&str>,
        answers: bool,
        supervises: bool,
        times: &ResponseTimes,
    ) -> Result<Vec<TaskItem>, StoreError> {
        let now = self.now();
        // Each jurisdiction's rules (with overrides) read once, however many cases it holds.
        let mut rules: std::collections::HashMap<String, pelita_domain::justice::Jurisdiction> =
            std::collections::HashMap::new();
        let horizon = now + TimeDelta::days(HORIZON_DAYS);
        let mut out = Vec::new();
        // Conference tasks, their text opened with the child's key.
        for r in self
            .pools
            .rows(
                "SELECT t.id, t.case_id, c.reference, t.priority, t.due_at, t.text_sealed, \
                 ch.id, ch.wrapped_key FROM tasks t JOIN cases c ON c.id = t.case_id \
                 JOIN children ch ON ch.id = c.child_id \
                 WHERE t.assignee = $1 AND t.done_at IS NULL ORDER BY t.due_at LIMIT 500",
                args![user_id],
            )
            .await?
        {
            let id = r.text(0)?;
            let text = match r.opt_bytes(7)? {
                Some(w) => {
                    let key = self.keys.unwrap_child_key(&r.text(6)?, &w)?;
                    let plain = key.open(&format!("task/{id}"), &r.bytes(5)?)?;
                    Some(String::from_utf8(plain).map_err(|_| StoreError::Corrupt)?)
                }
                None => None,
            };
            out.push(TaskItem {
                kind: TaskKind::Conference,
                case_id: r.text(1)?,
                reference: r.text(2)?,
                priority: level(&r.text(3)?)?,
                due: from_micros(r.i64(4)?),
                id,
                text,
                at_expiry: None,
            });
        }
        let mine = "(SELECT id FROM cases WHERE assigned_to = $1 \
                    UNION SELECT case_id FROM case_team WHERE user_id = $1)";
        // Open cases without an assessment: the first assessment is due by the case's priority.
        for r in self
            .pools
            .rows(
                &format!(
                    "SELECT c.id, c.reference, c.priority, c.created_at FROM {mine} m \
                     JOIN cases c ON c.id = m.id \
                     WHERE {OPEN_CASE} \
                     AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)"
                ),
                args![user_id],
            )
            .await?
        {
            let priority = level(&r.text(2)?)?;
            out.push(derived(
                TaskKind::Assessment,
                &r,
                priority,
                times.due(priority, from_micros(r.i64(3)?)),
            )?);
        }
        // Plan reviews of open cases and follow-ups, by date.
        let until = horizon.date_naive().to_string();
        for (kind, sql) in [
            (
                TaskKind::PlanReview,
                format!(
                    "SELECT c.id, c.reference, c.priority, p.review_on FROM {mine} m \
                     JOIN cases c ON c.id = m.id JOIN plans p ON p.case_id = c.id \
                     WHERE {OPEN_CASE} AND p.review_on <= $2"
                ),
            ),
            (
                TaskKind::ReceptionReview,
                // The lead worker's: the stay is in the circumstances section, which a
                // teacher or health worker on the team does not see.
                format!(
                    "SELECT c.id, c.reference, c.priority, s.next_review FROM cases c \
                     JOIN reception_stays s ON s.case_id = c.id WHERE c.assigned_to = $1 \
                     AND {OPEN_CASE} \
                     AND s.next_review IS NOT NULL AND s.next_review <= $2"
                ),
            ),
            (
                TaskKind::FollowUp,
                format!(
                    "SELECT c.id, c.reference, c.priority, f.due_on, f.id FROM {mine} m \
                     JOIN cases c ON c.id = m.id JOIN followups f ON f.case_id = c.id \
                     WHERE f.done_on IS NULL AND f.due_on <= $2"
                ),
            ),
        ] {
            for r in self
                .pools
                .rows(&sql, args![user_id, until.as_str()])
                .await?
            {
                let day = r.text(3)?.parse().map_err(|_| StoreError::Corrupt)?;
                let mut item = derived(kind, &r, level(&r.text(2)?)?, task::end_of(day))?;
                if kind == TaskKind::FollowUp {
                    item.id = r.text(4)?;
                }
                out.push(item);
            }
        }
        // Referrals waiting for an answer: ours to give, and ours to receive.
        let mut referral_sql = vec![(
            TaskKind::ReferralAwaited,
            format!(
                "SELECT c.id, c.reference, c.priority, r.created_at, r.id FROM {mine} m \
                 JOIN cases c ON c.id = m.id JOIN referrals r ON r.case_id = c.id \
                 WHERE r.status = 'pending'"
            ),
            user_id,
        )];
        if let (true, Some(agency)) = (answers, agency_id) {
            referral_sql.push((
                TaskKind::ReferralAnswer,
                "SELECT c.id, c.reference, c.priority, r.created_at, r.id FROM referrals r \
                 JOIN cases c ON c.id = r.case_id WHERE r.to_agency = $1 AND r.status = 'pending' \
                "
                .into(),
                agency,
            ));
        }
        for (kind, sql, who) in referral_sql {
            for r in self.pools.rows(&sql, args![who]).await? {
                let priority = level(&r.text(2)?)?;
                let mut item = derived(
                    kind,
                    &r,
                    priority,
                    times.due(priority, from_micros(r.i64(3)?)),
                )?;
                item.id = r.text(4)?;
                out.push(item);
            }
        }
        // Proceedings still without a diversion assessment, where the law says how soon it must
        // be offered (Indonesia: 7 × 24 hours from the start).
        for r in self
            .pools
            .rows(
                &format!(
                    "SELECT c.id, c.reference, c.priority, p.opened_at, p.id, a.jurisdiction \
                     FROM {mine} m JOIN cases c ON c.id = m.id JOIN proceedings p ON p.case_id = c.id \
                     JOIN agencies a ON a.id = c.agency_id \
                     WHERE p.status = 'open' AND p.diversion_outcome IS NULL"
                ),
                args![user_id],
            )
            .await?
        {
            let code = r.text(5)?;
            if !rules.contains_key(&code) {
                rules.insert(code.clone(), self.jurisdiction(&code).await?);
            }
            let j = &rules[&code];
            let Some(days) = j.diversion.as_ref().and_then(|d| d.offer_within_days) else {
                continue;
            };
            let due = from_micros(r.i64(3)?) + TimeDelta::days(i64::from(days));
            let mut item = derived(TaskKind::DiversionOffer, &r, PriorityLevel::High, due)?;
            item.id = r.text(4)?;
            out.push(item);
        }
        // Breached diversion agreements: the law's time to act runs from the breach.
        for r in self
            .pools
            .rows(
                &format!(
                    "SELECT c.id, c.reference, c.priority, p.breach_action_due, p.breach_on, p.id \
                     FROM {mine} m JOIN cases c ON c.id = m.id JOIN proceedings p ON p.case_id = c.id \
                     WHERE p.status = 'diversion' AND p.breach_on IS NOT NULL"
                ),
                args![user_id],
            )
            .await?
        {
            let day = r
                .opt_text(3)?
                .unwrap_or(r.text(4)?)
                .parse()
                .map_err(|_| StoreError::Corrupt)?;
            let mut item = derived(
                TaskKind::DiversionBreach,
                &r,
                PriorityLevel::High,
                task::end_of(day),
            )?;
            item.id = r.text(5)?;
            out.push(item);
        }
        // Detention clocks near or past their deadline: for whoever holds the case and, for a
        // supervisor, every case of the agency. Always high priority: a child is held.
        for (d, reference, _) in self
            .open_detentions_for(user_id, if supervises { agency_id } else { None })
            .await?
        {
            if !rules.contains_key(&d.jurisdiction) {
                rules.insert(
                    d.jurisdiction.clone(),
                    self.jurisdiction(&d.jurisdiction).await?,
                );
            }
            let j = &rules[&d.jurisdiction];
            let Ok(tz) = j.tz() else { continue };
            for rule in j.clocks_for_episode(d.stage, &d.times()) {
                let c = rule.evaluate(tz, &d.times(), now);
                if matches!(c.state, State::Warning | State::Expired) {
                    out.push(TaskItem {
                        kind: TaskKind::Detention,
                        case_id: d.case_id.clone(),
                        reference: reference.clone(),
                        priority: PriorityLevel::High,
                        due: c.due,
                        id: d.id.clone(),
                        text: None,
                        at_expiry: Some(rule.at_expiry),
                    });
                }
            }
        }
        task::order(&mut out, |t| (t.due, t.priority));
        Ok(out)
    }

    /// Marks a conference task done: by its assignee, or by a supervisor of the case's agency.
    pub async fn complete_task(&self, actor: &Actor, task_id: &str) -> Result<(), StoreError> {
        self.submit(actor, TaskCommand::Complete(task_id.into()))
            .await?;
        Ok(())
    }
}

fn derived(
    kind: TaskKind,
    r: &Row,
    priority: PriorityLevel,
    due: DateTime<Utc>,
) -> Result<TaskItem, StoreError> {
    Ok(TaskItem {
        kind,
        id: r.text(0)?,
        case_id: r.text(0)?,
        reference: r.text(1)?,
        priority,
        due,
        text: None,
        at_expiry: None,
    })
}

impl Write<'_> {
    pub(crate) async fn complete_task(&mut self, task_id: &str) -> Result<(), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT case_id, done_at FROM tasks WHERE id = $1",
                args![task_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        // Who may complete it is the write policy's, checked before (`permit.rs`).
        let case_id = row.text(0)?;
        if row.opt_i64(1)?.is_some() {
            return Err(StoreError::Conflict("this task is already done"));
        }
        self.tx
            .exec(
                "UPDATE tasks SET done_at = $1, done_by = $2 WHERE id = $3",
                args![self.now, self.actor.id.as_str(), task_id],
            )
            .await?;
        self.audit("task.complete", &case_id, json!({"task": task_id}))
            .await?;
        Ok(())
    }
}

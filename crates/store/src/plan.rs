//! The individual reintegration plan of a case: saved as a draft, approved by a supervisor
//! under the domain's rules (an assessment first, the child's views recorded).

use chrono::{DateTime, Utc};
use pelita_domain::plan::{self, Plan};
use serde_json::json;

use crate::db::args;
use crate::writer::Write;
use crate::{Actor, Readable, Store, StoreError, from_micros};

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRecord {
    pub plan: Readable<Plan>,
    pub approved: bool,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
    pub approved_by: Option<String>,
}

/// The writes of the care plan.
pub(crate) enum PlanCommand {
    Save(String, Box<pelita_domain::plan::Plan>),
    Approve(String),
    SetActionStatus(String, usize, usize, pelita_domain::plan::ActionStatus),
}

impl PlanCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            PlanCommand::Save(case, p) => w.save_plan(case, p).await?,
            PlanCommand::Approve(case) => w.approve_plan(case).await?,
            PlanCommand::SetActionStatus(case, g, a, st) => {
                w.set_action_status(case, *g, *a, *st).await?
            }
        }
        Ok(())
    }
}

impl Store {
    /// Saves the case's plan as a draft (an approved plan that changes needs approval again).
    pub async fn save_plan(&self, actor: &Actor, case_id: &str, p: Plan) -> Result<(), StoreError> {
        self.submit(actor, PlanCommand::Save(case_id.into(), Box::new(p)))
            .await?;
        Ok(())
    }

    /// Approves the case's plan. Refused with the reason: not a supervisor, no assessment of
    /// the child on this case, no views of the child, no goals.
    pub async fn approve_plan(&self, actor: &Actor, case_id: &str) -> Result<(), StoreError> {
        self.submit(actor, PlanCommand::Approve(case_id.into()))
            .await?;
        Ok(())
    }

    /// Moves one action of the plan (by goal and action position) to a new status. Progress
    /// on an action does not change what was approved, so the approval stands.
    pub async fn set_action_status(
        &self,
        actor: &Actor,
        case_id: &str,
        goal: usize,
        action: usize,
        status: plan::ActionStatus,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            PlanCommand::SetActionStatus(case_id.into(), goal, action, status),
        )
        .await?;
        Ok(())
    }

    /// The case's plan through a grant for the plan section; the read is logged.
    pub async fn read_plan(
        &self,
        grant: &pelita_domain::policy::Grant,
    ) -> Result<Option<PlanRecord>, StoreError> {
        Store::expect(grant, pelita_domain::policy::Section::Plan)?;
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.plan(grant.case_id(), &key).await
    }

    /// The plan's content for the lead worker's edit form (the web checked the policy).
    pub async fn read_plan_for_edit(&self, case_id: &str) -> Result<Option<Plan>, StoreError> {
        let key = self.case_key(case_id).await?;
        Ok(match self.plan(case_id, &key).await? {
            Some(PlanRecord {
                plan: Readable::Present(p),
                ..
            }) => Some(p),
            _ => None,
        })
    }

    pub(crate) async fn plan(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<Option<PlanRecord>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT status, plan_sealed, updated_by, updated_at, approved_by \
                 FROM plans WHERE case_id = $1",
                args![case_id],
            )
            .await?
        else {
            return Ok(None);
        };
        let plan = match (key, r.opt_bytes(1)?) {
            (Ok(k), Some(sealed)) => Readable::Present(
                serde_json::from_slice(&k.open(&format!("plan/{case_id}"), &sealed)?)
                    .map_err(|_| StoreError::Corrupt)?,
            ),
            (Err(at), _) => Readable::Erased {
                at: from_micros(*at),
            },
            (Ok(_), None) => return Err(StoreError::Corrupt),
        };
        Ok(Some(PlanRecord {
            plan,
            approved: r.text(0)? == "approved",
            updated_by: r.text(2)?,
            updated_at: from_micros(r.i64(3)?),
            approved_by: r.opt_text(4)?,
        }))
    }
}

impl Write<'_> {
    pub(crate) async fn save_plan(&mut self, case_id: &str, p: &Plan) -> Result<(), StoreError> {
        p.check_dates()?;
        let (_, _, key) = self.load_case(case_id).await?;
        let sealed = key.seal(
            &format!("plan/{case_id}"),
            &serde_json::to_vec(p).expect("plans serialise"),
        );
        let review = p.review_on.map(|d| d.to_string());
        let updated = self
            .tx
            .exec(
                "UPDATE plans SET status = 'draft', plan_sealed = $1, review_on = $2, updated_by = $3, \
                 updated_at = $4, approved_by = NULL, approved_at = NULL WHERE case_id = $5",
                args![sealed.clone(), review.clone(), self.actor.id.as_str(), self.now, case_id],
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO plans (case_id, status, plan_sealed, review_on, updated_by, updated_at) \
                     VALUES ($1, 'draft', $2, $3, $4, $5)",
                    args![case_id, sealed, review, self.actor.id.as_str(), self.now],
                )
                .await?;
        }
        self.audit(
            "plan.save",
            case_id,
            json!({"goals": p.goals.len(),
                   "actions": p.goals.iter().map(|g| g.actions.len()).sum::<usize>()}),
        )
        .await?;
        Ok(())
    }

    pub(crate) async fn set_action_status(
        &mut self,
        case_id: &str,
        goal: usize,
        action: usize,
        status: plan::ActionStatus,
    ) -> Result<(), StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let sealed = self
            .tx
            .row(
                "SELECT plan_sealed FROM plans WHERE case_id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .opt_bytes(0)?
            .ok_or(StoreError::Corrupt)?;
        let aad = format!("plan/{case_id}");
        let mut p: Plan =
            serde_json::from_slice(&key.open(&aad, &sealed)?).map_err(|_| StoreError::Corrupt)?;
        let a = p
            .goals
            .get_mut(goal)
            .and_then(|g| g.actions.get_mut(action))
            .ok_or(StoreError::NotFound)?;
        a.status = status;
        self.tx
            .exec(
                "UPDATE plans SET plan_sealed = $1, updated_by = $2, updated_at = $3 WHERE case_id = $4",
                args![
                    key.seal(&aad, &serde_json::to_vec(&p).expect("plans serialise")),
                    self.actor.id.as_str(),
                    self.now,
                    case_id
                ],
            )
            .await?;
        self.audit(
            "plan.action",
            case_id,
            json!({"goal": goal, "action": action, "status": status}),
        )
        .await?;
        self.follow_records(case_id, "plan.action").await
    }

    pub(crate) async fn approve_plan(&mut self, case_id: &str) -> Result<(), StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let row = self
            .tx
            .row(
                "SELECT plan_sealed, (SELECT count(*) FROM assessments WHERE case_id = $1 \
                 AND assent <> 'refused' AND section = 'psychosocial') FROM plans WHERE case_id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let sealed = row.opt_bytes(0)?.ok_or(StoreError::Corrupt)?;
        let p: Plan = serde_json::from_slice(&key.open(&format!("plan/{case_id}"), &sealed)?)
            .map_err(|_| StoreError::Corrupt)?;
        let assessments = usize::try_from(row.i64(1)?).unwrap_or(0);
        plan::check_approval(&p, self.actor.role, assessments)?;
        self.tx
            .exec(
                "UPDATE plans SET status = 'approved', approved_by = $1, approved_at = $2 WHERE case_id = $3",
                args![self.actor.id.as_str(), self.now, case_id],
            )
            .await?;
        self.audit("plan.approve", case_id, json!({"goals": p.goals.len()}))
            .await?;
        self.follow_records(case_id, "plan.approve").await
    }
}

//! Follow-ups after closure: scheduled by the writer when a case closes, recorded with their
//! outcome measures.

use chrono::NaiveDate;
use pelita_domain::followup::Outcome;
use serde_json::json;

use crate::db::args;
use crate::writer::Write;
use crate::{Actor, Readable, Store, StoreError, from_micros};

#[derive(Debug, Clone)]
pub struct FollowUpRecord {
    pub id: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub recorded_by: Option<String>,
    pub outcome: Option<Readable<Outcome>>,
}

/// The writes of follow-ups after closure.
pub(crate) enum FollowUpCommand {
    Record(String, Box<pelita_domain::followup::Outcome>),
}

impl FollowUpCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            FollowUpCommand::Record(id, o) => w.record_followup(id, o).await?,
        }
        Ok(())
    }
}

impl Store {
    /// Records a follow-up's outcome, today. Refused when it was already recorded.
    pub async fn record_followup(
        &self,
        actor: &Actor,
        followup_id: &str,
        outcome: Outcome,
    ) -> Result<(), StoreError> {
        let outcome = outcome.validated()?;
        self.submit(
            actor,
            FollowUpCommand::Record(followup_id.into(), Box::new(outcome)),
        )
        .await?;
        Ok(())
    }

    /// The case a follow-up belongs to, for the access check.
    pub async fn followup_case(&self, followup_id: &str) -> Result<String, StoreError> {
        self.pools
            .row(
                "SELECT case_id FROM followups WHERE id = $1",
                args![followup_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .text(0)
    }

    /// A case's follow-ups, earliest first, read with a grant for the plan section and logged
    /// as a read of it (the API's read of them on their own).
    pub async fn read_followups(
        &self,
        grant: &pelita_domain::policy::Grant,
    ) -> Result<Vec<FollowUpRecord>, StoreError> {
        Store::expect(grant, pelita_domain::policy::Section::Plan)?;
        self.log_access(&[grant]).await?;
        self.followups(grant.case_id()).await
    }

    /// A case's follow-ups, earliest first, for the case page's plan section: shown only with
    /// the plan, whose read `read_sections` granted and logged.
    pub async fn followups(&self, case_id: &str) -> Result<Vec<FollowUpRecord>, StoreError> {
        let key = self.case_key(case_id).await?;
        let rows = self
            .pools
            .rows(
                "SELECT id, due_on, done_on, recorded_by, outcome_sealed FROM followups \
                 WHERE case_id = $1 ORDER BY due_on",
                args![case_id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let id = r.text(0)?;
                let outcome = match (&key, r.opt_bytes(4)?) {
                    (_, None) => None,
                    (Ok(k), Some(s)) => Some(Readable::Present(
                        serde_json::from_slice(&k.open(&format!("followup/{id}"), &s)?)
                            .map_err(|_| StoreError::Corrupt)?,
                    )),
                    (Err(at), Some(_)) => Some(Readable::Erased {
                        at: from_micros(*at),
                    }),
                };
                let date = |s: String| s.parse().map_err(|_| StoreError::Corrupt);
                Ok(FollowUpRecord {
                    due_on: date(r.text(1)?)?,
                    done_on: r.opt_text(2)?.map(date).transpose()?,
                    recorded_by: r.opt_text(3)?,
                    outcome,
                    id,
                })
            })
            .collect()
    }
}

impl Write<'_> {
    pub(crate) async fn record_followup(
        &mut self,
        followup_id: &str,
        o: &Outcome,
    ) -> Result<(), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT case_id, done_on FROM followups WHERE id = $1",
                args![followup_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        if row.opt_text(1)?.is_some() {
            return Err(StoreError::Conflict("this follow-up was already recorded"));
        }
        let case_id = row.text(0)?;
        let (_, _, key) = self.load_case(&case_id).await?;
        let today = from_micros(self.now).date_naive();
        let sealed = key.seal(
            &format!("followup/{followup_id}"),
            &serde_json::to_vec(o).expect("outcomes serialise"),
        );
        self.tx
            .exec(
                "UPDATE followups SET done_on = $1, recorded_by = $2, outcome_sealed = $3 WHERE id = $4",
                args![today.to_string(), self.actor.id.as_str(), sealed, followup_id],
            )
            .await?;
        self.audit(
            "followup.record",
            &case_id,
            json!({"followup": followup_id}),
        )
        .await?;
        Ok(())
    }
}

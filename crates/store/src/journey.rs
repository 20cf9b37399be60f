//! The stored status follows the case's records (`pelita_domain::journey`): a move to
//! "assessed", "planned" or "in progress" needs its record, and recording it moves the case
//! there, in the same transaction as the record, audited as a move like any other.

use pelita_domain::journey::{self, Evidence};
use pelita_domain::plan::Plan;
use serde_json::json;

use crate::StoreError;
use crate::db::args;
use crate::writer::Write;

impl Write<'_> {
    /// What the case's records show, read whole (the writer is no reader under need-to-know).
    pub(crate) async fn evidence(&mut self, case_id: &str) -> Result<Evidence, StoreError> {
        let row = self
            .tx
            .row(
                "SELECT (SELECT count(*) FROM assessments WHERE case_id = $1 \
                 AND assent <> 'refused' AND section = 'psychosocial'), \
                 (SELECT status FROM plans WHERE case_id = $1), \
                 (SELECT plan_sealed FROM plans WHERE case_id = $1)",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let plan_approved = row.opt_text(1)?.as_deref() == Some("approved");
        let acting = match (plan_approved, row.opt_bytes(2)?) {
            (true, Some(sealed)) => {
                let (_, _, key) = self.load_case(case_id).await?;
                let p: Plan =
                    serde_json::from_slice(&key.open(&format!("plan/{case_id}"), &sealed)?)
                        .map_err(|_| StoreError::Corrupt)?;
                p.acting()
            }
            _ => false,
        };
        Ok(Evidence {
            assessed: row.i64(0)? > 0,
            plan_approved,
            acting,
        })
    }

    /// Moves the case as far as its records carry it, after `record` (the audit action that
    /// wrote the record), one audited step at a time.
    pub(crate) async fn follow_records(
        &mut self,
        case_id: &str,
        record: &str,
    ) -> Result<(), StoreError> {
        let evidence = self.evidence(case_id).await?;
        let (mut case, _, _) = self.load_case(case_id).await?;
        for to in journey::follows(case.status, evidence) {
            let from = case.status;
            case.move_to(to, None)?;
            self.save_case(case_id, &case).await?;
            self.audit(
                "case.move",
                case_id,
                json!({"from": from.as_str(), "to": to.as_str(), "follows": record}),
            )
            .await?;
        }
        Ok(())
    }
}

//! Alerts: what a person is told (a change to their case, a break-glass read, a pattern of
//! refused reads), until they mark them read.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::args;
use crate::writer::Write;
use crate::{Actor, Store, StoreError, from_micros};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: String,
    pub case_id: Option<String>,
    pub kind: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
}

/// The writes to alerts.
pub(crate) enum AlertCommand {
    /// The actor's alerts are read.
    Read,
}

impl AlertCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        let now = w.now;
        match self {
            AlertCommand::Read => {
                let n =
                    w.tx.exec(
                        "UPDATE alerts SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                        args![now, w.actor.id.as_str()],
                    )
                    .await?;
                w.audit("alerts.read", &w.actor.id.clone(), json!({"alerts": n}))
                    .await?;
                Ok(())
            }
        }
    }
}

impl Store {
    pub async fn alerts(&self, user_id: &str) -> Result<Vec<Alert>, StoreError> {
        self.pools
            .rows(
                "SELECT id, case_id, kind, detail, created_at FROM alerts WHERE user_id = $1 \
                 AND read_at IS NULL ORDER BY created_at DESC LIMIT 100",
                args![user_id],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Alert {
                    id: r.text(0)?,
                    case_id: r.opt_text(1)?,
                    kind: r.text(2)?,
                    detail: r.text(3)?,
                    created_at: from_micros(r.i64(4)?),
                })
            })
            .collect()
    }

    /// Marks every alert of the actor as read: they leave "my work" (and stay in the audit).
    pub async fn mark_alerts_read(&self, actor: &Actor) -> Result<(), StoreError> {
        self.submit(actor, AlertCommand::Read).await?;
        Ok(())
    }
}

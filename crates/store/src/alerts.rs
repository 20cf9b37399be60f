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

/// A person's unread alerts about one case, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertGroup {
    /// `None` for alerts about no case, which are never grouped.
    pub case_id: Option<String>,
    pub reference: Option<String>,
    pub alerts: Vec<Alert>,
}

/// The writes to alerts.
pub(crate) enum AlertCommand {
    /// The actor's alerts are read.
    Read,
    /// The actor's alerts about one case are read (dismissed from "my work"); their other
    /// alerts, and everyone else's, stay.
    ReadCase(String),
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
            AlertCommand::ReadCase(case_id) => {
                let n =
                    w.tx.exec(
                        "UPDATE alerts SET read_at = $1 WHERE user_id = $2 AND case_id = $3 \
                         AND read_at IS NULL",
                        args![now, w.actor.id.as_str(), case_id.as_str()],
                    )
                    .await?;
                w.audit(
                    "alerts.read",
                    &w.actor.id.clone(),
                    json!({"alerts": n, "case": case_id}),
                )
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

    /// The user's unread alerts gathered by case, the case with the newest alert first (alerts
    /// about no case last, one group each), each with the case's reference.
    pub async fn alert_groups(&self, user_id: &str) -> Result<Vec<AlertGroup>, StoreError> {
        let refs: std::collections::HashMap<String, String> = self
            .pools
            .rows(
                "SELECT DISTINCT c.id, c.reference FROM alerts a JOIN cases c ON c.id = a.case_id \
                 WHERE a.user_id = $1 AND a.read_at IS NULL",
                args![user_id],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<_, StoreError>>()?;
        let mut groups: Vec<AlertGroup> = Vec::new();
        for a in self.alerts(user_id).await? {
            match groups
                .iter_mut()
                .find(|g| a.case_id.is_some() && g.case_id == a.case_id)
            {
                Some(g) => g.alerts.push(a),
                None => groups.push(AlertGroup {
                    reference: a.case_id.as_ref().and_then(|c| refs.get(c).cloned()),
                    case_id: a.case_id.clone(),
                    alerts: vec![a],
                }),
            }
        }
        // Alerts about no case (a pattern of refused reads) after the cases.
        groups.sort_by_key(|g| g.case_id.is_none());
        Ok(groups)
    }

    /// Dismisses the actor's alerts about one case.
    pub async fn mark_case_alerts_read(
        &self,
        actor: &Actor,
        case_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(actor, AlertCommand::ReadCase(case_id.to_owned()))
            .await?;
        Ok(())
    }

    /// Marks every alert of the actor as read: they leave "my work" (and stay in the audit).
    pub async fn mark_alerts_read(&self, actor: &Actor) -> Result<(), StoreError> {
        self.submit(actor, AlertCommand::Read).await?;
        Ok(())
    }
}

//! Sealed justice records: expungement on a court order, and the court order that opens
//! sealed records for a time.

use chrono::{DateTime, Utc};
use pelita_domain::text::NoteText;
use serde_json::json;

use crate::db::args;
use crate::writer::{Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

use super::JusticeCommand;

impl Store {
    /// Expunges the case's justice records on a court order: the justice key is destroyed
    /// (crypto-erasure), proceedings, detention episodes and justice notes are deleted and, on
    /// SQLite, overwritten. Audited with counts only.
    pub async fn expunge_justice(
        &self,
        actor: &Actor,
        case_id: &str,
        order: NoteText,
    ) -> Result<(), StoreError> {
        self.submit(actor, JusticeCommand::Expunge(case_id.into(), order))
            .await?;
        self.pools.truncate_wal();
        Ok(())
    }
}

impl Write<'_> {
    pub(crate) async fn expunge_justice(
        &mut self,
        case_id: &str,
        order: &NoteText,
    ) -> Result<(), StoreError> {
        self.load_case(case_id).await?;
        let mut counts = serde_json::Map::new();
        for (table, sql) in [
            ("detentions", "DELETE FROM detentions WHERE case_id = $1"),
            ("proceedings", "DELETE FROM proceedings WHERE case_id = $1"),
            (
                "family_contacts",
                "DELETE FROM family_contacts WHERE case_id = $1",
            ),
            (
                "notes",
                "DELETE FROM case_notes WHERE case_id = $1 AND section = 'justice'",
            ),
        ] {
            let n = self.tx.exec(sql, args![case_id]).await?;
            counts.insert(table.into(), json!(n));
        }
        let updated = self
            .tx
            .exec(
                "UPDATE justice_keys SET wrapped_key = NULL, expunged_at = $1, expunged_by = $2 \
                 WHERE case_id = $3",
                args![self.now, self.actor.id.as_str(), case_id],
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO justice_keys (case_id, expunged_at, expunged_by) VALUES ($1, $2, $3)",
                    args![case_id, self.now, self.actor.id.as_str()],
                )
                .await?;
        }
        counts.insert("order_chars".into(), json!(order.as_str().chars().count()));
        self.audit(
            "justice.expunge",
            case_id,
            serde_json::Value::Object(counts),
        )
        .await?;
        Ok(())
    }
}

/// How long a court order opens sealed justice records.
pub const OPENING_DAYS: i64 = 30;

/// Whether a case's justice records are sealed now, and until when a court order opened them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealState {
    pub sealed: bool,
    pub opened_until: Option<DateTime<Utc>>,
}

impl SealState {
    /// Readable: not sealed, or opened by a court order still in force.
    pub fn readable(&self, now: DateTime<Utc>) -> bool {
        !self.sealed || self.opened_until.is_some_and(|u| u > now)
    }
}

impl Store {
    /// Justice records are sealed when the case is closed or the child is certainly 18 or
    /// older; a court order recorded in Pelita opens them for [`OPENING_DAYS`].
    pub async fn justice_seal(&self, case_id: &str) -> Result<SealState, StoreError> {
        let meta = self.case_meta(case_id).await?;
        let adult = match self.child(&meta.child_id).await?.identity {
            Readable::Present(i) => !i.age.is_child_on(self.now().date_naive()),
            Readable::Erased { .. } => false,
        };
        let sealed = meta.status == pelita_domain::case::CaseStatus::Closed || adult;
        let opened_until = self
            .pools
            .row(
                "SELECT max(until_at) FROM justice_openings WHERE case_id = $1",
                args![case_id],
            )
            .await?
            .and_then(|r| r.opt_i64(0).ok().flatten())
            .map(from_micros);
        Ok(SealState {
            sealed,
            opened_until,
        })
    }

    /// Records the court order that opens sealed justice records for 30 days; audited.
    pub async fn open_sealed_justice(
        &self,
        actor: &Actor,
        case_id: &str,
        order: NoteText,
    ) -> Result<(), StoreError> {
        self.submit(actor, JusticeCommand::OpenSealed(case_id.into(), order))
            .await?;
        Ok(())
    }
}

impl Write<'_> {
    pub(crate) async fn open_sealed_justice(
        &mut self,
        case_id: &str,
        order: &NoteText,
    ) -> Result<(), StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let id = new_id();
        let until = self.now
            + chrono::TimeDelta::days(OPENING_DAYS)
                .num_microseconds()
                .unwrap_or(0);
        self.tx
            .exec(
                "INSERT INTO justice_openings (id, case_id, order_sealed, opened_by, opened_at, until_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    id.as_str(),
                    case_id,
                    key.seal(&format!("justice-opening/{id}"), order.as_str().as_bytes()),
                    self.actor.id.as_str(),
                    self.now,
                    until
                ],
            )
            .await?;
        self.audit(
            "justice.open_sealed",
            case_id,
            json!({"opening": id, "days": OPENING_DAYS}),
        )
        .await?;
        Ok(())
    }
}

//! Which jurisdiction's rules a case is under, and the values a deployment overrides.

use pelita_domain::justice::Jurisdiction;
use serde_json::json;

use crate::db::{Row, args};
use crate::writer::Write;
use crate::{Actor, Store, StoreError, from_micros};

use super::JusticeCommand;

impl Store {
    /// A jurisdiction's rules with the deployment's overrides applied.
    pub async fn jurisdiction(&self, code: &str) -> Result<Jurisdiction, StoreError> {
        let mut j = Jurisdiction::for_code(code);
        let rows = self
            .pools
            .rows(
                "SELECT key, value, reason, set_at FROM jurisdiction_overrides WHERE code = $1",
                args![j.code.as_str()],
            )
            .await?;
        apply_overrides(&mut j, &rows)?;
        Ok(j)
    }

    /// Every shipped jurisdiction, with the deployment's overrides.
    pub async fn jurisdictions(&self) -> Result<Vec<Jurisdiction>, StoreError> {
        let mut out = Vec::new();
        for j in Jurisdiction::builtin() {
            out.push(self.jurisdiction(&j.code).await?);
        }
        Ok(out)
    }

    /// Overrides one rule value of a jurisdiction (administrators), with a reason of at least
    /// 20 characters; audited, and shown beside the value from then on.
    pub async fn override_rule(
        &self,
        actor: &Actor,
        code: &str,
        key: pelita_domain::justice::OverrideKey,
        value: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        // Who may override is the write policy's (administration), checked in the writer.
        // Checked on a copy first: a refused value changes nothing.
        Jurisdiction::for_code(code).apply(key, value, reason)?;
        self.submit(
            actor,
            JusticeCommand::OverrideRule(
                code.into(),
                key,
                value.trim().into(),
                reason.trim().into(),
            ),
        )
        .await?;
        Ok(())
    }

    /// The jurisdiction of the agency holding a case.
    pub async fn jurisdiction_of(&self, case_id: &str) -> Result<Jurisdiction, StoreError> {
        let code = self
            .pools
            .row(
                "SELECT a.jurisdiction FROM cases c JOIN agencies a ON a.id = c.agency_id \
                 WHERE c.id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .text(0)?;
        self.jurisdiction(&code).await
    }
}

impl Write<'_> {
    /// A jurisdiction's rules with the deployment's overrides (its time zone among them).
    pub(super) async fn jurisdiction(&mut self, code: &str) -> Result<Jurisdiction, StoreError> {
        let mut j = Jurisdiction::for_code(code);
        let overrides = self
            .tx
            .rows(
                "SELECT key, value, reason, set_at FROM jurisdiction_overrides WHERE code = $1",
                args![j.code.as_str()],
            )
            .await?;
        apply_overrides(&mut j, &overrides)?;
        Ok(j)
    }

    pub(crate) async fn override_rule(
        &mut self,
        code: &str,
        key: pelita_domain::justice::OverrideKey,
        value: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        let updated = self
            .tx
            .exec(
                "UPDATE jurisdiction_overrides SET value = $3, reason = $4, set_by = $5, set_at = $6 \
                 WHERE code = $1 AND key = $2",
                args![code, key.as_str(), value, reason, self.actor.id.as_str(), self.now],
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO jurisdiction_overrides (code, key, value, reason, set_by, set_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    args![
                        code,
                        key.as_str(),
                        value,
                        reason,
                        self.actor.id.as_str(),
                        self.now
                    ],
                )
                .await?;
        }
        self.audit(
            "jurisdiction.override",
            code,
            json!({"key": key.as_str(), "value": value, "reason": reason}),
        )
        .await?;
        Ok(())
    }
}

/// Applies stored overrides (key, value, reason, set at) to a jurisdiction.
fn apply_overrides(j: &mut Jurisdiction, rows: &[Row]) -> Result<(), StoreError> {
    for r in rows {
        let Some(key) = pelita_domain::justice::OverrideKey::parse(&r.text(0)?) else {
            continue;
        };
        let why = format!("{} ({})", r.text(2)?, from_micros(r.i64(3)?).date_naive());
        j.apply(key, &r.text(1)?, &why)
            .map_err(|_| StoreError::Corrupt)?;
    }
    Ok(())
}

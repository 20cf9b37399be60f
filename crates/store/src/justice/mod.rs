//! Child justice in the store: proceedings (opened only past the minimum-age gate, formal only
//! after a diversion assessment) and the detention register with its statutory clocks. The
//! rules are the domain's (`pelita_domain::justice`), checked in the writer's transaction
//! against the child's recorded age and the jurisdiction of the agency holding the case.
//!
//! Rooms: [`jurisdiction`] (rules and their overrides), [`proceedings`] (and diversion),
//! [`detention`] (the register, family contact), [`sealing`] (expungement and the court
//! orders that open sealed records), [`reports`] (the social inquiry), [`indicators`].

mod detention;
mod indicators;
mod jurisdiction;
mod proceedings;
mod reports;
mod sealing;

pub use detention::{ContactKind, DetentionChange, DetentionDetails, DetentionRecord, EndReason};
pub use proceedings::{AgreementEvent, ProceedingRecord};
pub use reports::SocialInquiry;
pub use sealing::SealState;

use pelita_domain::identity::ChildIdentity;
use pelita_domain::justice::Jurisdiction;
use pelita_domain::justice::proceeding::{self, DiversionAssessment, NewDetention, NewProceeding};
use pelita_domain::text::NoteText;

use crate::crypto::ChildKey;
use crate::db::args;
use crate::writer::{Reply, Write};
use crate::{Readable, Store, StoreError, from_micros};

/// The writes of child justice.
pub(crate) enum JusticeCommand {
    /// A jurisdiction's rule value overridden: (code, key, value, reason).
    OverrideRule(String, pelita_domain::justice::OverrideKey, String, String),
    OpenProceeding(String, Box<NewProceeding>, Reply<String>),
    RecordDiversion(String, Box<DiversionAssessment>),
    GoFormal(String),
    SetAgreement(String, Box<proceeding::Agreement>),
    AgreementEvent(String, AgreementEvent, chrono::NaiveDate),
    StartDetention(String, Box<NewDetention>, Reply<String>),
    ChangeDetention(String, DetentionChange),
    RecordFamilyContact(String, chrono::NaiveDate, ContactKind),
    /// Expunge a case's justice records, on the court order given.
    Expunge(String, NoteText),
    /// Open a case's sealed justice records, on the court order given.
    OpenSealed(String, NoteText),
}

impl JusticeCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        use JusticeCommand as C;
        match self {
            C::OverrideRule(code, key, value, reason) => {
                w.override_rule(code, *key, value, reason).await?
            }
            C::OpenProceeding(case, p, reply) => reply.keep(w.open_proceeding(case, p).await?),
            C::RecordDiversion(id, a) => w.record_diversion(id, a).await?,
            C::GoFormal(id) => w.go_formal(id).await?,
            C::SetAgreement(id, a) => w.set_agreement(id, a).await?,
            C::AgreementEvent(id, e, on) => w.agreement_event(id, *e, *on).await?,
            C::StartDetention(case, d, reply) => reply.keep(w.start_detention(case, d).await?),
            C::ChangeDetention(id, c) => w.change_detention(id, c).await?,
            C::RecordFamilyContact(case, on, kind) => {
                w.record_family_contact(case, *on, *kind).await?
            }
            C::Expunge(case, order) => w.expunge_justice(case, order).await?,
            C::OpenSealed(case, order) => w.open_sealed_justice(case, order).await?,
        }
        Ok(())
    }
}

pub(super) fn date(s: Option<String>) -> Result<Option<chrono::NaiveDate>, StoreError> {
    s.map(|d| d.parse().map_err(|_| StoreError::Corrupt))
        .transpose()
}

pub(super) fn open_json<T: serde::de::DeserializeOwned>(
    key: &Result<ChildKey, i64>,
    aad: &str,
    sealed: Vec<u8>,
) -> Result<Readable<T>, StoreError> {
    Ok(match key {
        Ok(k) => Readable::Present(
            serde_json::from_slice(&k.open(aad, &sealed)?).map_err(|_| StoreError::Corrupt)?,
        ),
        Err(at) => Readable::Erased {
            at: from_micros(*at),
        },
    })
}
#[derive(Debug, Clone, Copy)]
pub enum JusticeTable {
    Proceeding,
    Detention,
}

impl Store {
    /// The key of a case's justice records: `Err(at)` when they were expunged (or the child
    /// erased) at `at`, `Err(0)` when the case has none.
    pub(crate) async fn justice_key(
        &self,
        case_id: &str,
        child: &Result<ChildKey, i64>,
    ) -> Result<Result<ChildKey, i64>, StoreError> {
        if let Err(at) = child {
            return Ok(Err(*at));
        }
        let row = self
            .pools
            .row(
                "SELECT wrapped_key, expunged_at FROM justice_keys WHERE case_id = $1",
                args![case_id],
            )
            .await?;
        Ok(match row {
            None => Err(0),
            Some(r) => match r.opt_bytes(0)? {
                Some(w) => Ok(self
                    .keys
                    .unwrap_child_key(&format!("justice/{case_id}"), &w)?),
                None => Err(r.opt_i64(1)?.unwrap_or(0)),
            },
        })
    }

    /// The case a proceeding or a detention belongs to, for the access check.
    pub async fn justice_case(&self, table: JusticeTable, id: &str) -> Result<String, StoreError> {
        let sql = match table {
            JusticeTable::Proceeding => "SELECT case_id FROM proceedings WHERE id = $1",
            JusticeTable::Detention => "SELECT case_id FROM detentions WHERE id = $1",
        };
        self.pools
            .row(sql, args![id])
            .await?
            .ok_or(StoreError::NotFound)?
            .text(0)
    }
}

impl Write<'_> {
    /// The key of the case's justice records, made on first use (and again after an
    /// expungement: what follows is a new record).
    pub(super) async fn justice_key(&mut self, case_id: &str) -> Result<ChildKey, StoreError> {
        let aad = format!("justice/{case_id}");
        let row = self
            .tx
            .row(
                "SELECT wrapped_key FROM justice_keys WHERE case_id = $1",
                args![case_id],
            )
            .await?;
        if let Some(w) = row.as_ref().map(|r| r.opt_bytes(0)).transpose()?.flatten() {
            return self.keys.unwrap_child_key(&aad, &w);
        }
        let (key, wrapped) = self.keys.new_child_key(&aad);
        let sql = if row.is_some() {
            "UPDATE justice_keys SET wrapped_key = $2 WHERE case_id = $1"
        } else {
            "INSERT INTO justice_keys (case_id, wrapped_key) VALUES ($1, $2)"
        };
        self.tx.exec(sql, args![case_id, wrapped]).await?;
        Ok(key)
    }

    /// The case's justice key, the child's recorded age, and the case's jurisdiction.
    pub(super) async fn justice_context(
        &mut self,
        case_id: &str,
    ) -> Result<(ChildKey, pelita_domain::age::Age, Jurisdiction), StoreError> {
        let (_, child_id, key) = self.load_case(case_id).await?;
        let row = self
            .tx
            .row(
                "SELECT ch.identity_sealed, a.jurisdiction FROM children ch, cases c \
                 JOIN agencies a ON a.id = c.agency_id WHERE ch.id = $1 AND c.id = $2",
                args![child_id.as_str(), case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let identity: ChildIdentity =
            serde_json::from_slice(&key.open("identity", &row.bytes(0)?)?)
                .map_err(|_| StoreError::Corrupt)?;
        let justice = self.justice_key(case_id).await?;
        let j = self.jurisdiction(&row.text(1)?).await?;
        Ok((justice, identity.age, j))
    }
}

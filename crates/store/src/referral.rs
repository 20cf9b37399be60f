//! Referrals between agencies: created against the consent ledger (or a supervisor's
//! override), answered by the receiving agency, completed with feedback. An accepted referral
//! is what makes a reader "referred" to a case, for the sections it shared.

use chrono::{DateTime, Utc};
use pelita_domain::agency::Sector;
use pelita_domain::consent::Purpose;
use pelita_domain::error::DomainError;
use pelita_domain::policy::Section;
use pelita_domain::referral::{self, ReferralStatus};
use pelita_domain::text::NoteText;
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Readable, Reader, Store, StoreError, from_micros};

/// What a referrer asks for.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub to_agency: String,
    pub sections: Vec<Section>,
    pub reason: NoteText,
    /// A supervisor's written reason to go ahead without the ledger's agreement.
    pub override_justification: Option<NoteText>,
}

#[derive(Debug, Clone)]
pub struct ReferralRecord {
    pub id: String,
    pub case_id: String,
    /// The case's reference, for the receiving agency's list.
    pub reference: String,
    pub to_agency: String,
    pub sections: Vec<Section>,
    pub status: ReferralStatus,
    pub reason: Readable<NoteText>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub override_by: Option<String>,
    pub override_justification: Option<Readable<NoteText>>,
    pub answered_by: Option<String>,
    pub answer: Option<Readable<NoteText>>,
    pub feedback: Option<Readable<NoteText>>,
}

impl ReferralRecord {
    /// Staff of the receiving agency answer and complete it; security services never.
    pub fn may_answer(&self, reader: &Reader) -> bool {
        reader.agency_id.as_deref() == Some(self.to_agency.as_str())
            && reader.role.works_with_children()
    }
}

const COLUMNS: &str = "r.id, r.case_id, r.to_agency, r.sections, r.status, r.reason_sealed, \
     r.created_by, r.created_at, r.override_by, r.override_sealed, r.answered_by, \
     r.answer_sealed, r.feedback_sealed, ch.id, ch.wrapped_key, ch.erased_at, c.reference";

fn sections_text(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn open(
    key: &Result<ChildKey, i64>,
    id: &str,
    field: &str,
    sealed: Option<Vec<u8>>,
) -> Result<Option<Readable<NoteText>>, StoreError> {
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    Ok(Some(match key {
        Ok(k) => {
            let plain = k.open(&format!("referral/{id}/{field}"), &sealed)?;
            let text = String::from_utf8(plain).map_err(|_| StoreError::Corrupt)?;
            Readable::Present(NoteText::parse(&text).map_err(|_| StoreError::Corrupt)?)
        }
        Err(at) => Readable::Erased {
            at: from_micros(*at),
        },
    }))
}

/// The writes of referrals.
pub(crate) enum ReferralCommand {
    Refer(String, Box<NewReferral>, Reply<String>),
    Move(
        String,
        pelita_domain::referral::ReferralStatus,
        Option<NoteText>,
    ),
}

impl ReferralCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            ReferralCommand::Refer(case, r, reply) => reply.keep(w.refer(case, r).await?),
            ReferralCommand::Move(id, to, text) => w.move_referral(id, *to, text.as_ref()).await?,
        }
        Ok(())
    }
}

impl Store {
    fn referral_from(&self, r: &Row) -> Result<ReferralRecord, StoreError> {
        let id = r.text(0)?;
        let child = r.text(13)?;
        let key = match (r.opt_bytes(14)?, r.opt_i64(15)?) {
            (Some(w), _) => Ok(self.keys.unwrap_child_key(&child, &w)?),
            (None, at) => Err(at.unwrap_or(0)),
        };
        Ok(ReferralRecord {
            case_id: r.text(1)?,
            reference: r.text(16)?,
            to_agency: r.text(2)?,
            sections: r.text(3)?.split(',').filter_map(Section::parse).collect(),
            status: ReferralStatus::parse(&r.text(4)?).ok_or(StoreError::Corrupt)?,
            reason: match (&key, r.opt_bytes(5)?) {
                (Err(at), _) => Readable::Erased {
                    at: from_micros(*at),
                },
                (Ok(_), sealed) => open(&key, &id, "reason", sealed)?.ok_or(StoreError::Corrupt)?,
            },
            created_by: r.text(6)?,
            created_at: from_micros(r.i64(7)?),
            override_by: r.opt_text(8)?,
            override_justification: open(&key, &id, "override", r.opt_bytes(9)?)?,
            answered_by: r.opt_text(10)?,
            answer: open(&key, &id, "answer", r.opt_bytes(11)?)?,
            feedback: open(&key, &id, "feedback", r.opt_bytes(12)?)?,
            id,
        })
    }

    async fn referrals_where(
        &self,
        clause: &str,
        arg: &str,
    ) -> Result<Vec<ReferralRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM referrals r JOIN cases c ON c.id = r.case_id \
             JOIN children ch ON ch.id = c.child_id WHERE {clause} ORDER BY r.created_at, r.id"
        );
        self.pools
            .rows(&sql, args![arg])
            .await?
            .iter()
            .map(|r| self.referral_from(r))
            .collect()
    }

    /// The referrals of a case, oldest first (for its lead worker and supervisor).
    pub async fn referrals_of_case(
        &self,
        case_id: &str,
    ) -> Result<Vec<ReferralRecord>, StoreError> {
        self.referrals_where("r.case_id = $1", case_id).await
    }

    /// Referrals to an agency that are waiting for an answer or in progress: its tasks.
    pub async fn referrals_to(&self, agency_id: &str) -> Result<Vec<ReferralRecord>, StoreError> {
        self.referrals_where(
            "r.to_agency = $1 AND r.status IN ('pending', 'accepted')",
            agency_id,
        )
        .await
    }

    pub async fn referral(&self, id: &str) -> Result<ReferralRecord, StoreError> {
        self.referrals_where("r.id = $1", id)
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Refers a case to another agency. Refused: no sections, a section that cannot be
    /// shared, the case's own agency or a security service as receiver, and — unless a
    /// supervisor overrides it in writing — a ledger that does not allow referral to the
    /// receiver's sector.
    pub async fn refer(
        &self,
        actor: &Actor,
        case_id: &str,
        r: NewReferral,
    ) -> Result<String, StoreError> {
        let meta = self.case_meta(case_id).await?;
        let to = self
            .agencies()
            .await?
            .into_iter()
            .find(|a| a.id == r.to_agency)
            .ok_or(StoreError::NotFound)?;
        if to.id == meta.agency_id || to.sector == Sector::Security {
            return Err(DomainError::Invalid { field: "to_agency" }.into());
        }
        // Only what the receiving sector's profession reads, whatever was ticked.
        if r.sections.is_empty()
            || !r
                .sections
                .iter()
                .all(|s| pelita_domain::policy::write::may_share(to.sector, *s))
        {
            return Err(DomainError::Invalid { field: "sections" }.into());
        }
        let ledger = self
            .consent_status(case_id, Purpose::Referral(to.sector))
            .await?;
        let used = referral::consent_gate(
            &ledger,
            actor.role(),
            r.override_justification.as_ref().map(|j| j.as_str()),
        )?
        .is_some();
        // A justification given when the ledger already agreed is not an override.
        let r = NewReferral {
            override_justification: if used { r.override_justification } else { None },
            ..r
        };
        self.ask(actor, |reply| {
            ReferralCommand::Refer(case_id.into(), Box::new(r), reply)
        })
        .await
    }

    /// Accepts, declines (a reason is required) or completes (feedback is required) a referral.
    pub async fn move_referral(
        &self,
        actor: &Actor,
        referral_id: &str,
        to: ReferralStatus,
        text: Option<NoteText>,
    ) -> Result<(), StoreError> {
        if matches!(to, ReferralStatus::Declined | ReferralStatus::Completed) && text.is_none() {
            return Err(DomainError::ReasonRequired.into());
        }
        self.submit(actor, ReferralCommand::Move(referral_id.into(), to, text))
            .await?;
        Ok(())
    }
}

impl Write<'_> {
    pub(crate) async fn refer(
        &mut self,
        case_id: &str,
        r: &NewReferral,
    ) -> Result<String, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let id = new_id();
        let seal = |field: &str, t: &NoteText| {
            key.seal(&format!("referral/{id}/{field}"), t.as_str().as_bytes())
        };
        let overridden = r.override_justification.is_some();
        self.tx
            .exec(
                "INSERT INTO referrals (id, case_id, to_agency, sections, status, reason_sealed, \
                 created_by, created_at, override_by, override_sealed) \
                 VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9)",
                args![
                    id.as_str(),
                    case_id,
                    r.to_agency.as_str(),
                    sections_text(&r.sections),
                    seal("reason", &r.reason),
                    self.actor.id.as_str(),
                    self.now,
                    overridden.then(|| self.actor.id.clone()),
                    r.override_justification
                        .as_ref()
                        .map(|j| seal("override", j))
                ],
            )
            .await?;
        self.audit(
            "referral.create",
            case_id,
            json!({"referral": id, "to_agency": r.to_agency, "sections": sections_text(&r.sections),
                   "consent": if overridden { "overridden by supervisor" } else { "ledger" }}),
        )
        .await?;
        Ok(id)
    }

    pub(crate) async fn move_referral(
        &mut self,
        referral_id: &str,
        to: ReferralStatus,
        text: Option<&NoteText>,
    ) -> Result<(), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT case_id, status FROM referrals WHERE id = $1",
                args![referral_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let case_id = row.text(0)?;
        let from = ReferralStatus::parse(&row.text(1)?).ok_or(StoreError::Corrupt)?;
        if !from.can_move_to(to) {
            return Err(DomainError::InvalidTransition {
                from: from.as_str(),
                to: to.as_str(),
            }
            .into());
        }
        let (_, _, key) = self.load_case(&case_id).await?;
        let (column, field, at) = match to {
            ReferralStatus::Completed => ("feedback_sealed", "feedback", "completed_at"),
            _ => ("answer_sealed", "answer", "answered_at"),
        };
        let sealed = text.map(|t| {
            key.seal(
                &format!("referral/{referral_id}/{field}"),
                t.as_str().as_bytes(),
            )
        });
        let answered_by = (to != ReferralStatus::Completed).then(|| self.actor.id.clone());
        self.tx
            .exec(
                &format!(
                    "UPDATE referrals SET status = $1, {column} = $2, {at} = $3, \
                     answered_by = coalesce($4, answered_by) WHERE id = $5"
                ),
                args![to.as_str(), sealed, self.now, answered_by, referral_id],
            )
            .await?;
        self.audit(
            "referral.move",
            &case_id,
            json!({"referral": referral_id, "from": from.as_str(), "to": to.as_str()}),
        )
        .await?;
        Ok(())
    }
}

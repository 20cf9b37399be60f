//! Criminal proceedings against a child, and diversion away from them.

use chrono::{DateTime, Utc};
use pelita_domain::justice::proceeding::{
    self, DiversionAssessment, DiversionOutcome, Forum, NewProceeding, Offence,
};
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::writer::{Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

use super::{JusticeCommand, date, open_json};

#[derive(Debug, Clone, PartialEq)]
pub struct ProceedingRecord {
    pub id: String,
    pub forum: Forum,
    /// `open`, `diversion` (an agreement is in place) or `formal`.
    pub status: String,
    pub offence: Readable<Offence>,
    pub legal_aid: bool,
    pub parents_notified: bool,
    pub diversion: Option<Readable<DiversionAssessment>>,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    pub agreement: Option<Readable<proceeding::Agreement>>,
    pub completed_on: Option<chrono::NaiveDate>,
    pub breach_on: Option<chrono::NaiveDate>,
    /// When the law requires action on the breach.
    pub breach_action_due: Option<chrono::NaiveDate>,
}

/// What became of a diversion agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementEvent {
    Completed,
    Breached,
}

const PROCEEDING_COLUMNS: &str = "id, forum, status, offence_sealed, legal_aid, parents_notified, \
     diversion_sealed, opened_by, opened_at, agreement_sealed, completed_on, breach_on, \
     breach_action_due";

impl Store {
    /// Opens criminal proceedings. Refused for a child who is or could be below the minimum
    /// age at the alleged offence, whatever the caller's role.
    pub async fn open_proceeding(
        &self,
        actor: &Actor,
        case_id: &str,
        p: NewProceeding,
    ) -> Result<String, StoreError> {
        self.ask(actor, |reply| {
            JusticeCommand::OpenProceeding(case_id.into(), Box::new(p), reply)
        })
        .await
    }

    pub async fn record_diversion(
        &self,
        actor: &Actor,
        proceeding_id: &str,
        a: DiversionAssessment,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            JusticeCommand::RecordDiversion(proceeding_id.into(), Box::new(a)),
        )
        .await?;
        Ok(())
    }

    /// Records the diversion agreement of proceedings whose assessment reached one.
    pub async fn set_agreement(
        &self,
        actor: &Actor,
        proceeding_id: &str,
        a: proceeding::Agreement,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            JusticeCommand::SetAgreement(proceeding_id.into(), Box::new(a)),
        )
        .await?;
        Ok(())
    }

    /// The agreement was kept to the end, or breached on a date (the law's time to act runs
    /// from then).
    pub async fn agreement_event(
        &self,
        actor: &Actor,
        proceeding_id: &str,
        event: AgreementEvent,
        on: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        pelita_domain::dates::check_date(on, pelita_domain::dates::latest_today(self.now()))?;
        self.submit(
            actor,
            JusticeCommand::AgreementEvent(proceeding_id.into(), event, on),
        )
        .await?;
        Ok(())
    }

    /// Moves proceedings to the formal track: only after a diversion assessment that allows it.
    pub async fn go_formal(&self, actor: &Actor, proceeding_id: &str) -> Result<(), StoreError> {
        self.submit(actor, JusticeCommand::GoFormal(proceeding_id.into()))
            .await?;
        Ok(())
    }

    pub(crate) async fn proceedings(
        &self,
        case_id: &str,
        key: &Result<ChildKey, i64>,
    ) -> Result<Vec<ProceedingRecord>, StoreError> {
        let sql = format!(
            "SELECT {PROCEEDING_COLUMNS} FROM proceedings WHERE case_id = $1 ORDER BY opened_at"
        );
        self.pools
            .rows(&sql, args![case_id])
            .await?
            .iter()
            .map(|r| {
                let id = r.text(0)?;
                Ok(ProceedingRecord {
                    forum: Forum::parse(&r.text(1)?).ok_or(StoreError::Corrupt)?,
                    status: r.text(2)?,
                    offence: open_json(key, &format!("proceeding/{id}/offence"), r.bytes(3)?)?,
                    legal_aid: r.i64(4)? != 0,
                    parents_notified: r.i64(5)? != 0,
                    diversion: r
                        .opt_bytes(6)?
                        .map(|s| open_json(key, &format!("proceeding/{id}/diversion"), s))
                        .transpose()?,
                    opened_by: r.text(7)?,
                    opened_at: from_micros(r.i64(8)?),
                    agreement: r
                        .opt_bytes(9)?
                        .map(|s| open_json(key, &format!("proceeding/{id}/agreement"), s))
                        .transpose()?,
                    completed_on: date(r.opt_text(10)?)?,
                    breach_on: date(r.opt_text(11)?)?,
                    breach_action_due: date(r.opt_text(12)?)?,
                    id,
                })
            })
            .collect()
    }
}

impl Write<'_> {
    pub(crate) async fn open_proceeding(
        &mut self,
        case_id: &str,
        p: &NewProceeding,
    ) -> Result<String, StoreError> {
        let (key, age, j) = self.justice_context(case_id).await?;
        proceeding::check_open(&j, &age, p, from_micros(self.now).date_naive())?;
        let id = new_id();
        self.tx
            .exec(
                "INSERT INTO proceedings (id, case_id, forum, status, offence_on, max_penalty_years, \
                 repeat_offence, legal_aid, parents_notified, offence_sealed, opened_by, opened_at) \
                 VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11)",
                args![
                    id.as_str(),
                    case_id,
                    p.forum.as_str(),
                    p.offence.on.to_string(),
                    p.offence.max_penalty_years.map(i64::from),
                    i64::from(p.offence.repeat),
                    i64::from(p.legal_aid),
                    i64::from(p.parents_notified),
                    key.seal(
                        &format!("proceeding/{id}/offence"),
                        &serde_json::to_vec(&p.offence).expect("offences serialise")
                    ),
                    self.actor.id.as_str(),
                    self.now
                ],
            )
            .await?;
        if p.forum.raises_alert() {
            // Anything but a court for children: the case's supervisors learn at once.
            self.tx
                .exec(
                    "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) \
                     SELECT $1 || u.id, u.id, c.id, 'forum', $2, $3 FROM cases c \
                     JOIN users u ON u.agency_id = c.agency_id \
                     WHERE c.id = $4 AND u.role = 'supervisor' AND u.disabled = 0",
                    args![
                        id.as_str(),
                        json!({"by": self.actor.id, "forum": p.forum.as_str()}).to_string(),
                        self.now,
                        case_id
                    ],
                )
                .await?;
        }
        self.audit(
            "proceeding.open",
            case_id,
            json!({"proceeding": id, "forum": p.forum.as_str(), "jurisdiction": j.code,
                   "legal_aid": p.legal_aid, "parents_notified": p.parents_notified}),
        )
        .await?;
        Ok(id)
    }

    async fn proceeding_row(&mut self, id: &str) -> Result<(String, Row), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT case_id, status, offence_sealed, diversion_sealed, breach_on FROM proceedings \
                 WHERE id = $1",
                args![id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((row.text(0)?, row))
    }

    pub(crate) async fn record_diversion(
        &mut self,
        id: &str,
        a: &DiversionAssessment,
    ) -> Result<(), StoreError> {
        let (case_id, row) = self.proceeding_row(id).await?;
        if row.text(1)? == "formal" {
            return Err(StoreError::Conflict("the proceedings are already formal"));
        }
        let (key, _, j) = self.justice_context(&case_id).await?;
        let offence: Offence =
            serde_json::from_slice(&key.open(&format!("proceeding/{id}/offence"), &row.bytes(2)?)?)
                .map_err(|_| StoreError::Corrupt)?;
        let eligibility = proceeding::diversion_eligibility(&j, &offence);
        proceeding::check_diversion(eligibility.as_ref(), a, from_micros(self.now).date_naive())?;
        let status = if a.outcome == DiversionOutcome::Agreed {
            "diversion"
        } else {
            "open"
        };
        let outcome = match a.outcome {
            DiversionOutcome::Agreed => "agreed",
            DiversionOutcome::NotAgreed => "not_agreed",
            DiversionOutcome::NotEligible => "not_eligible",
        };
        self.tx
            .exec(
                "UPDATE proceedings SET status = $1, diversion_outcome = $2, diversion_sealed = $3 \
                 WHERE id = $4",
                args![
                    status,
                    outcome,
                    key.seal(
                        &format!("proceeding/{id}/diversion"),
                        &serde_json::to_vec(a).expect("assessments serialise")
                    ),
                    id
                ],
            )
            .await?;
        self.audit(
            "proceeding.diversion",
            &case_id,
            json!({"proceeding": id, "outcome": outcome}),
        )
        .await?;
        Ok(())
    }

    pub(crate) async fn set_agreement(
        &mut self,
        id: &str,
        a: &proceeding::Agreement,
    ) -> Result<(), StoreError> {
        pelita_domain::dates::check_from(a.until)?;
        let (case_id, row) = self.proceeding_row(id).await?;
        if row.text(1)? != "diversion" {
            return Err(StoreError::Conflict(
                "an agreement follows a diversion assessment that reached one",
            ));
        }
        let key = self.justice_key(&case_id).await?;
        self.tx
            .exec(
                "UPDATE proceedings SET agreement_sealed = $1, agreement_until = $2 WHERE id = $3",
                args![
                    key.seal(
                        &format!("proceeding/{id}/agreement"),
                        &serde_json::to_vec(a).expect("agreements serialise")
                    ),
                    a.until.to_string(),
                    id
                ],
            )
            .await?;
        self.audit(
            "proceeding.agreement",
            &case_id,
            json!({"proceeding": id, "until": a.until.to_string()}),
        )
        .await?;
        Ok(())
    }

    pub(crate) async fn agreement_event(
        &mut self,
        id: &str,
        event: AgreementEvent,
        on: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        let (case_id, row) = self.proceeding_row(id).await?;
        if row.text(1)? != "diversion" || row.opt_text(4)?.is_some() {
            return Err(StoreError::Conflict("no agreement in force"));
        }
        let what = match event {
            AgreementEvent::Completed => {
                self.tx
                    .exec(
                        "UPDATE proceedings SET status = 'diverted', completed_on = $1 WHERE id = $2",
                        args![on.to_string(), id],
                    )
                    .await?;
                "completed"
            }
            AgreementEvent::Breached => {
                let (_, _, j) = self.justice_context(&case_id).await?;
                let due = proceeding::breach_action_due(&j, on).map(|d| d.to_string());
                self.tx
                    .exec(
                        "UPDATE proceedings SET breach_on = $1, breach_action_due = $2 WHERE id = $3",
                        args![on.to_string(), due, id],
                    )
                    .await?;
                "breached"
            }
        };
        self.audit(
            "proceeding.agreement_event",
            &case_id,
            json!({"proceeding": id, "event": what, "on": on.to_string()}),
        )
        .await?;
        Ok(())
    }

    pub(crate) async fn go_formal(&mut self, id: &str) -> Result<(), StoreError> {
        let (case_id, row) = self.proceeding_row(id).await?;
        let (key, _, j) = self.justice_context(&case_id).await?;
        let offence: Offence =
            serde_json::from_slice(&key.open(&format!("proceeding/{id}/offence"), &row.bytes(2)?)?)
                .map_err(|_| StoreError::Corrupt)?;
        let assessment: Option<DiversionAssessment> = row
            .opt_bytes(3)?
            .map(|s| key.open(&format!("proceeding/{id}/diversion"), &s))
            .transpose()?
            .map(|p| serde_json::from_slice(&p).map_err(|_| StoreError::Corrupt))
            .transpose()?;
        let eligibility = proceeding::diversion_eligibility(&j, &offence);
        let breached = row.opt_text(4)?.is_some();
        proceeding::check_formal(eligibility.as_ref(), assessment.as_ref(), breached)?;
        self.tx
            .exec(
                "UPDATE proceedings SET status = 'formal' WHERE id = $1",
                args![id],
            )
            .await?;
        self.audit("proceeding.formal", &case_id, json!({"proceeding": id}))
            .await?;
        Ok(())
    }
}

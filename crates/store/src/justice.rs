//! Child justice in the store: proceedings (opened only past the minimum-age gate, formal only
//! after a diversion assessment) and the detention register with its statutory clocks. The
//! rules are the domain's (`pelita_domain::justice`), checked in the writer's transaction
//! against the child's recorded age and the jurisdiction of the agency holding the case.

use chrono::{DateTime, Utc};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::justice::clock::{self, Change};
use pelita_domain::justice::proceeding::{
    self, DiversionAssessment, DiversionOutcome, Forum, NewDetention, NewProceeding, Offence,
};
use pelita_domain::justice::{Jurisdiction, Stage};
use pelita_domain::text::NoteText;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::writer::{Command, Done, Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

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

/// What the register keeps sealed about an episode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetentionDetails {
    pub order: String,
    pub legal_basis: String,
    pub alternatives: String,
    pub best_interests: String,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetentionRecord {
    pub id: String,
    pub case_id: String,
    pub jurisdiction: String,
    pub stage: Stage,
    pub started_at: DateTime<Utc>,
    pub first_detention_at: DateTime<Utc>,
    pub separated_from_adults: bool,
    pub parents_notified: bool,
    /// The sealed record; `None` where it was not opened (the task lists need only times).
    pub details: Option<Readable<DetentionDetails>>,
    pub extended_at: Option<DateTime<Utc>>,
    pub last_review_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
}

impl DetentionRecord {
    pub fn times(&self) -> pelita_domain::justice::clock::Times {
        pelita_domain::justice::clock::Times {
            episode_start: self.started_at,
            first_detention: self.first_detention_at,
            last_review: self.last_review_at,
            extended: self.extended_at.is_some(),
            ended: self.ended_at,
        }
    }
}

/// How a detention episode ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    Released,
    /// Moved to the next stage (a new episode follows) or to another place.
    Transferred,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Released => "released",
            EndReason::Transferred => "transferred",
        }
    }
}

/// A change to an open episode.
#[derive(Debug, Clone)]
pub enum DetentionChange {
    /// An extension, with the order that grants it (or the reasons, where the law says so).
    Extend(NoteText),
    /// The legality of the detention was reviewed.
    Review,
    End(EndReason),
}

const PROCEEDING_COLUMNS: &str = "id, forum, status, offence_sealed, legal_aid, parents_notified, \
     diversion_sealed, opened_by, opened_at, agreement_sealed, completed_on, breach_on, \
     breach_action_due";
const DETENTION_COLUMNS: &str = "id, case_id, jurisdiction, stage, started_at, first_detention_at, \
     separated, parents_notified, record_sealed, extended_at, last_review_at, ended_at, end_reason";

fn date(s: Option<String>) -> Result<Option<chrono::NaiveDate>, StoreError> {
    s.map(|d| d.parse().map_err(|_| StoreError::Corrupt))
        .transpose()
}

fn open_json<T: serde::de::DeserializeOwned>(
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

pub(crate) fn detention_from(
    r: &Row,
    key: &Result<ChildKey, i64>,
) -> Result<DetentionRecord, StoreError> {
    let mut d = detention_from_times(r)?;
    d.details = Some(open_json(key, &format!("detention/{}", d.id), r.bytes(8)?)?);
    Ok(d)
}

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
            Command::OverrideRule(code.into(), key, value.trim().into(), reason.trim().into()),
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

    /// Expunges the case's justice records on a court order: the justice key is destroyed
    /// (crypto-erasure), proceedings, detention episodes and justice notes are deleted and, on
    /// SQLite, overwritten. Audited with counts only.
    pub async fn expunge_justice(
        &self,
        actor: &Actor,
        case_id: &str,
        order: NoteText,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::ExpungeJustice(case_id.into(), order))
            .await?;
        self.pools.truncate_wal();
        Ok(())
    }

    /// Opens criminal proceedings. Refused for a child who is or could be below the minimum
    /// age at the alleged offence, whatever the caller's role.
    pub async fn open_proceeding(
        &self,
        actor: &Actor,
        case_id: &str,
        p: NewProceeding,
    ) -> Result<String, StoreError> {
        match self
            .submit(actor, Command::OpenProceeding(case_id.into(), Box::new(p)))
            .await?
        {
            Done::Id(id) => Ok(id),
            _ => unreachable!("writer answers OpenProceeding with an id"),
        }
    }

    pub async fn record_diversion(
        &self,
        actor: &Actor,
        proceeding_id: &str,
        a: DiversionAssessment,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            Command::RecordDiversion(proceeding_id.into(), Box::new(a)),
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
            Command::SetAgreement(proceeding_id.into(), Box::new(a)),
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
        pelita_domain::dates::check_date(on, self.now().date_naive())?;
        self.submit(
            actor,
            Command::AgreementEvent(proceeding_id.into(), event, on),
        )
        .await?;
        Ok(())
    }

    /// Moves proceedings to the formal track: only after a diversion assessment that allows it.
    pub async fn go_formal(&self, actor: &Actor, proceeding_id: &str) -> Result<(), StoreError> {
        self.submit(actor, Command::GoFormal(proceeding_id.into()))
            .await?;
        Ok(())
    }

    /// Registers a detention episode. Refused for a child who could be under the minimum age
    /// of criminal responsibility or of detention.
    pub async fn start_detention(
        &self,
        actor: &Actor,
        case_id: &str,
        d: NewDetention,
    ) -> Result<String, StoreError> {
        match self
            .submit(actor, Command::StartDetention(case_id.into(), Box::new(d)))
            .await?
        {
            Done::Id(id) => Ok(id),
            _ => unreachable!("writer answers StartDetention with an id"),
        }
    }

    pub async fn change_detention(
        &self,
        actor: &Actor,
        detention_id: &str,
        c: DetentionChange,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::ChangeDetention(detention_id.into(), c))
            .await?;
        Ok(())
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

    pub(crate) async fn detentions(
        &self,
        case_id: &str,
        key: &Result<ChildKey, i64>,
    ) -> Result<Vec<DetentionRecord>, StoreError> {
        let sql = format!(
            "SELECT {DETENTION_COLUMNS} FROM detentions WHERE case_id = $1 ORDER BY started_at"
        );
        self.pools
            .rows(&sql, args![case_id])
            .await?
            .iter()
            .map(|r| detention_from(r, key))
            .collect()
    }

    /// Open detention episodes of the cases a user holds (assigned or on the team) and, for a
    /// supervisor, of every case of the agency: their clocks are the user's tasks. Times only:
    /// the sealed details are not opened.
    pub async fn open_detentions_for(
        &self,
        user_id: &str,
        supervisor_of: Option<&str>,
    ) -> Result<Vec<(DetentionRecord, String, pelita_domain::case::PriorityLevel)>, StoreError>
    {
        let cols = DETENTION_COLUMNS
            .split(", ")
            .map(|c| format!("d.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {cols}, c.reference, c.priority FROM detentions d JOIN cases c ON c.id = d.case_id \
             WHERE d.ended_at IS NULL AND (c.assigned_to = $1 \
             OR c.id IN (SELECT case_id FROM case_team WHERE user_id = $1) OR c.agency_id = $2)"
        );
        self.pools
            .rows(&sql, args![user_id, supervisor_of.unwrap_or("")])
            .await?
            .iter()
            .map(|r| {
                Ok((
                    detention_from_times(r)?,
                    r.text(13)?,
                    pelita_domain::case::PriorityLevel::parse(&r.text(14)?)
                        .ok_or(StoreError::Corrupt)?,
                ))
            })
            .collect()
    }
}

/// An episode's times and flags, without opening its sealed record.
fn detention_from_times(r: &Row) -> Result<DetentionRecord, StoreError> {
    let opt_time = |i: usize| -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(r.opt_i64(i)?.map(from_micros))
    };
    Ok(DetentionRecord {
        id: r.text(0)?,
        case_id: r.text(1)?,
        jurisdiction: r.text(2)?,
        stage: Stage::parse(&r.text(3)?).ok_or(StoreError::Corrupt)?,
        started_at: from_micros(r.i64(4)?),
        first_detention_at: from_micros(r.i64(5)?),
        separated_from_adults: r.i64(6)? != 0,
        parents_notified: r.i64(7)? != 0,
        details: None,
        extended_at: opt_time(9)?,
        last_review_at: opt_time(10)?,
        ended_at: opt_time(11)?,
        end_reason: r.opt_text(12)?,
    })
}

#[derive(Debug, Clone, Copy)]
pub enum JusticeTable {
    Proceeding,
    Detention,
}

impl Write<'_> {
    /// The key of the case's justice records, made on first use (and again after an
    /// expungement: what follows is a new record).
    async fn justice_key(&mut self, case_id: &str) -> Result<ChildKey, StoreError> {
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

    pub(crate) async fn expunge_justice(
        &mut self,
        case_id: &str,
        order: &NoteText,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }

    /// The case's justice key, the child's recorded age, and the case's jurisdiction.
    async fn justice_context(
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

    /// A jurisdiction's rules with the deployment's overrides (its time zone among them).
    async fn jurisdiction(&mut self, code: &str) -> Result<Jurisdiction, StoreError> {
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

    pub(crate) async fn open_proceeding(
        &mut self,
        case_id: &str,
        p: &NewProceeding,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Id(id))
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
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }

    pub(crate) async fn set_agreement(
        &mut self,
        id: &str,
        a: &proceeding::Agreement,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }

    pub(crate) async fn agreement_event(
        &mut self,
        id: &str,
        event: AgreementEvent,
        on: chrono::NaiveDate,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }

    pub(crate) async fn go_formal(&mut self, id: &str) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }

    pub(crate) async fn start_detention(
        &mut self,
        case_id: &str,
        d: &NewDetention,
    ) -> Result<Done, StoreError> {
        let (key, age, j) = self.justice_context(case_id).await?;
        // The most serious offence recorded on the child's proceedings (those not ended by a
        // completed diversion).
        let penalty = self
            .tx
            .row(
                "SELECT max(max_penalty_years) FROM proceedings WHERE case_id = $1 \
                 AND status <> 'diverted'",
                args![case_id],
            )
            .await?
            .and_then(|r| r.opt_i64(0).ok().flatten())
            .and_then(|p| u32::try_from(p).ok());
        proceeding::check_detention(&j, &age, d, penalty, from_micros(self.now))?;
        let started = d.started_at.timestamp_micros();
        let first = self
            .tx
            .row(
                "SELECT min(started_at) FROM detentions WHERE case_id = $1",
                args![case_id],
            )
            .await?
            .and_then(|r| r.opt_i64(0).ok().flatten())
            .map_or(started, |f| f.min(started));
        let id = new_id();
        let details = DetentionDetails {
            order: d.order.to_string(),
            legal_basis: d.legal_basis.as_str().to_owned(),
            alternatives: d.alternatives.as_str().to_owned(),
            best_interests: d.best_interests.as_str().to_owned(),
            place: d.place.as_str().to_owned(),
        };
        self.tx
            .exec(
                "INSERT INTO detentions (id, case_id, jurisdiction, stage, started_at, \
                 first_detention_at, separated, parents_notified, record_sealed, recorded_by, \
                 recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                args![
                    id.as_str(),
                    case_id,
                    j.code.as_str(),
                    d.stage.as_str(),
                    started,
                    first,
                    i64::from(d.separated_from_adults),
                    i64::from(d.parents_notified),
                    key.seal(
                        &format!("detention/{id}"),
                        &serde_json::to_vec(&details).expect("details serialise")
                    ),
                    self.actor.id.as_str(),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "detention.start",
            case_id,
            json!({"detention": id, "stage": d.stage.as_str(), "jurisdiction": j.code,
                   "separated_from_adults": d.separated_from_adults,
                   "parents_notified": d.parents_notified}),
        )
        .await?;
        Ok(Done::Id(id))
    }

    pub(crate) async fn change_detention(
        &mut self,
        id: &str,
        c: &DetentionChange,
    ) -> Result<Done, StoreError> {
        let row = self
            .tx
            .row(
                &format!("SELECT {DETENTION_COLUMNS} FROM detentions WHERE id = $1"),
                args![id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let d = detention_from_times(&row)?;
        let case_id = d.case_id.clone();
        if d.ended_at.is_some() {
            return Err(StoreError::Conflict("this detention episode has ended"));
        }
        if matches!(c, DetentionChange::Extend(_)) && d.extended_at.is_some() {
            return Err(StoreError::Conflict("this episode was already extended"));
        }
        // Checked at the moment of recording: an extension recorded after the limit, or
        // anything but release once a release is due, is refused.
        let j = self.jurisdiction(&d.jurisdiction).await?;
        let change = match c {
            DetentionChange::Extend(_) => Change::Extend,
            DetentionChange::Review => Change::Review,
            DetentionChange::End(EndReason::Transferred) => Change::Transfer,
            DetentionChange::End(EndReason::Released) => Change::Release,
        };
        let now = from_micros(self.now);
        clock::check_change(&j, d.stage, &d.times(), change, now)?;
        let mut detail = json!({"detention": id});
        let what = match c {
            DetentionChange::Extend(order) => {
                let key = self.justice_key(&case_id).await?;
                self.tx
                    .exec(
                        "UPDATE detentions SET extended_at = $1, extension_sealed = $2 WHERE id = $3",
                        args![
                            self.now,
                            key.seal(&format!("detention/{id}/extension"), order.as_str().as_bytes()),
                            id
                        ],
                    )
                    .await?;
                // The record says the order came before the limit it extends.
                if let Some(limit) = clock::extension_deadline(&j, d.stage, &d.times())? {
                    detail["ordered_before"] = json!(limit.to_rfc3339());
                }
                "extend"
            }
            DetentionChange::Review => {
                self.tx
                    .exec(
                        "UPDATE detentions SET last_review_at = $1 WHERE id = $2",
                        args![self.now, id],
                    )
                    .await?;
                "review"
            }
            DetentionChange::End(reason) => {
                self.tx
                    .exec(
                        "UPDATE detentions SET ended_at = $1, end_reason = $2 WHERE id = $3",
                        args![self.now, reason.as_str(), id],
                    )
                    .await?;
                reason.as_str()
            }
        };
        detail["change"] = json!(what);
        self.audit("detention.change", &case_id, detail).await?;
        Ok(Done::Unit)
    }
}

/// How a detained child kept in touch with the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Visit,
    Call,
    Letter,
}

impl ContactKind {
    pub const ALL: [ContactKind; 3] = [ContactKind::Visit, ContactKind::Call, ContactKind::Letter];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Visit => "visit",
            ContactKind::Call => "call",
            ContactKind::Letter => "letter",
        }
    }

    pub fn parse(s: &str) -> Option<ContactKind> {
        ContactKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl Store {
    /// Records a family contact (not in the future).
    pub async fn record_family_contact(
        &self,
        actor: &Actor,
        case_id: &str,
        on: chrono::NaiveDate,
        kind: ContactKind,
    ) -> Result<(), StoreError> {
        pelita_domain::dates::check_date(on, self.now().date_naive())?;
        self.submit(
            actor,
            Command::RecordFamilyContact(case_id.into(), on, kind),
        )
        .await?;
        Ok(())
    }

    /// A case's family contacts, latest first: (date, kind).
    pub async fn family_contacts(
        &self,
        case_id: &str,
    ) -> Result<Vec<(chrono::NaiveDate, String)>, StoreError> {
        self.pools
            .rows(
                "SELECT contact_on, kind FROM family_contacts WHERE case_id = $1 \
                 ORDER BY contact_on DESC LIMIT 100",
                args![case_id],
            )
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.text(0)?.parse().map_err(|_| StoreError::Corrupt)?,
                    r.text(1)?,
                ))
            })
            .collect()
    }

    /// The child-justice indicators over an agency's cases, or over the deployment: computed
    /// from stages, times, separation, contact dates and diversion outcomes, never from sealed
    /// content.
    pub async fn justice_indicators(
        &self,
        agency: Option<&str>,
    ) -> Result<pelita_domain::justice::indicators::Indicators, StoreError> {
        use pelita_domain::justice::indicators::{self, EpisodeFacts, ProceedingFacts};
        let scope = "($1 = '' OR c.agency_id = $1)";
        let a = agency.unwrap_or("");
        let episodes = self
            .pools
            .rows(
                &format!(
                    "SELECT d.case_id, d.jurisdiction, d.stage, d.started_at, d.first_detention_at, \
                     d.last_review_at, d.extended_at, d.ended_at, d.separated, \
                     (SELECT max(f.contact_on) FROM family_contacts f WHERE f.case_id = d.case_id) \
                     FROM detentions d JOIN cases c ON c.id = d.case_id WHERE {scope}"
                ),
                args![a],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(EpisodeFacts {
                    case_id: r.text(0)?,
                    jurisdiction: r.text(1)?,
                    stage: Stage::parse(&r.text(2)?).ok_or(StoreError::Corrupt)?,
                    times: pelita_domain::justice::clock::Times {
                        episode_start: from_micros(r.i64(3)?),
                        first_detention: from_micros(r.i64(4)?),
                        last_review: r.opt_i64(5)?.map(from_micros),
                        extended: r.opt_i64(6)?.is_some(),
                        ended: r.opt_i64(7)?.map(from_micros),
                    },
                    separated_from_adults: r.i64(8)? != 0,
                    last_family_contact: r
                        .opt_text(9)?
                        .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
                        .map(pelita_domain::task::end_of),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let proceedings = self
            .pools
            .rows(
                &format!(
                    "SELECT p.case_id, p.status FROM proceedings p JOIN cases c ON c.id = p.case_id \
                     WHERE {scope}"
                ),
                args![a],
            )
            .await?
            .iter()
            .map(|r| {
                let status = r.text(1)?;
                Ok(ProceedingFacts {
                    case_id: r.text(0)?,
                    diverted: status == "diversion" || status == "diverted",
                    formal: status == "formal",
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(indicators::compute(
            &self.jurisdictions().await?,
            &episodes,
            &proceedings,
            self.now(),
        ))
    }
}

impl Write<'_> {
    pub(crate) async fn record_family_contact(
        &mut self,
        case_id: &str,
        on: chrono::NaiveDate,
        kind: ContactKind,
    ) -> Result<Done, StoreError> {
        self.load_case(case_id).await?;
        self.tx
            .exec(
                "INSERT INTO family_contacts (id, case_id, contact_on, kind, recorded_by, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    new_id(),
                    case_id,
                    on.to_string(),
                    kind.as_str(),
                    self.actor.id.as_str(),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "justice.family_contact",
            case_id,
            json!({"on": on.to_string(), "kind": kind.as_str()}),
        )
        .await?;
        Ok(Done::Unit)
    }
}

/// What a social inquiry report for the court may say (Beijing r.16): summaries, never the
/// narratives, raw answers or notes of the sections the reader cannot open.
#[derive(Debug, Clone)]
pub struct SocialInquiry {
    pub reference: String,
    pub victim_since: Option<DateTime<Utc>>,
    pub circumstances: Option<pelita_domain::case::Circumstances>,
    /// The child's latest assessment (the web reduces it to per-domain summaries).
    pub assessment: Option<crate::AssessmentRecord>,
    pub plan: Option<(bool, pelita_domain::plan::Plan)>,
    pub living: Option<pelita_domain::family::Living>,
    pub caregivers: usize,
    pub interviews: usize,
    pub detentions: Vec<DetentionRecord>,
    pub proceedings: Vec<ProceedingRecord>,
}

impl Store {
    /// The material of a social inquiry report, through a grant for the justice section: the
    /// one path by which a justice reader learns of the assessment and the plan, as summaries
    /// (the narrative is dropped here). The read is logged as a justice read.
    pub async fn social_inquiry(
        &self,
        grant: &pelita_domain::policy::Grant,
    ) -> Result<SocialInquiry, StoreError> {
        use pelita_domain::policy::Section;
        Store::expect(grant, Section::Justice)?;
        let case_id = grant.case_id();
        if !self.justice_seal(case_id).await?.readable(self.now()) {
            return Err(StoreError::Conflict("the justice records are sealed"));
        }
        self.log_access(&[grant]).await?;
        let meta = self.case_meta(case_id).await?;
        let key = self.case_key(case_id).await?;
        let circumstances = match self.circumstances(case_id).await? {
            Readable::Present(Some(mut c)) => {
                c.narrative = None;
                Some(c)
            }
            _ => None,
        };
        let assessment = self
            .assessments(case_id, &key, Section::Psychosocial)
            .await?
            .pop();
        let plan = match self.plan(case_id, &key).await? {
            Some(crate::PlanRecord {
                plan: Readable::Present(p),
                approved,
                ..
            }) => Some((approved, p)),
            _ => None,
        };
        let (living, caregivers) = match self.household(case_id, &key).await? {
            Some(crate::HouseholdRecord {
                household: Readable::Present(h),
                ..
            }) => (h.living, h.caregivers().count()),
            _ => (None, 0),
        };
        let jkey = self.justice_key(case_id, &key).await?;
        Ok(SocialInquiry {
            reference: meta.reference.to_string(),
            victim_since: match meta.victim {
                pelita_domain::case::VictimStatus::Recognised { since } => Some(since),
                pelita_domain::case::VictimStatus::NotRecorded => None,
            },
            circumstances,
            assessment,
            plan,
            living,
            caregivers,
            interviews: self.interviews(case_id).await?.len(),
            detentions: self.detentions(case_id, &jkey).await?,
            proceedings: self.proceedings(case_id, &jkey).await?,
        })
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
        self.submit(actor, Command::OpenSealedJustice(case_id.into(), order))
            .await?;
        Ok(())
    }
}

impl Write<'_> {
    pub(crate) async fn open_sealed_justice(
        &mut self,
        case_id: &str,
        order: &NoteText,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
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

impl Write<'_> {
    pub(crate) async fn override_rule(
        &mut self,
        code: &str,
        key: pelita_domain::justice::OverrideKey,
        value: &str,
        reason: &str,
    ) -> Result<Done, StoreError> {
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
        Ok(Done::Unit)
    }
}

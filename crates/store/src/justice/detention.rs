//! The detention register with its statutory clocks, and the family contact of a detained
//! child.

use chrono::{DateTime, Utc};
use pelita_domain::justice::Stage;
use pelita_domain::justice::clock::{self, Change};
use pelita_domain::justice::proceeding::{self, NewDetention};
use pelita_domain::text::NoteText;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::writer::{Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

use super::{JusticeCommand, open_json};

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

const DETENTION_COLUMNS: &str = "id, case_id, jurisdiction, stage, started_at, first_detention_at, \
     separated, parents_notified, record_sealed, extended_at, last_review_at, ended_at, end_reason";

pub(crate) fn detention_from(
    r: &Row,
    key: &Result<ChildKey, i64>,
) -> Result<DetentionRecord, StoreError> {
    let mut d = detention_from_times(r)?;
    d.details = Some(open_json(key, &format!("detention/{}", d.id), r.bytes(8)?)?);
    Ok(d)
}

impl Store {
    /// Registers a detention episode. Refused for a child who could be under the minimum age
    /// of criminal responsibility or of detention.
    pub async fn start_detention(
        &self,
        actor: &Actor,
        case_id: &str,
        d: NewDetention,
    ) -> Result<String, StoreError> {
        self.ask(actor, |reply| {
            JusticeCommand::StartDetention(case_id.into(), Box::new(d), reply)
        })
        .await
    }

    pub async fn change_detention(
        &self,
        actor: &Actor,
        detention_id: &str,
        c: DetentionChange,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            JusticeCommand::ChangeDetention(detention_id.into(), c),
        )
        .await?;
        Ok(())
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

impl Write<'_> {
    pub(crate) async fn start_detention(
        &mut self,
        case_id: &str,
        d: &NewDetention,
    ) -> Result<String, StoreError> {
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
        Ok(id)
    }

    pub(crate) async fn change_detention(
        &mut self,
        id: &str,
        c: &DetentionChange,
    ) -> Result<(), StoreError> {
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
        Ok(())
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
        pelita_domain::dates::check_date(on, pelita_domain::dates::latest_today(self.now()))?;
        self.submit(
            actor,
            JusticeCommand::RecordFamilyContact(case_id.into(), on, kind),
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
}

impl Write<'_> {
    pub(crate) async fn record_family_contact(
        &mut self,
        case_id: &str,
        on: chrono::NaiveDate,
        kind: ContactKind,
    ) -> Result<(), StoreError> {
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
        Ok(())
    }
}

//! The consent ledger: entries added through the writer, read through a grant for the
//! participation section, evaluated by the domain's rules.

use chrono::{DateTime, NaiveDate, Utc};
use pelita_domain::consent::{self, AgeRules, Decision, Entry, Giver, Purpose, Round, Status};
use pelita_domain::policy::{Grant, Section};
use pelita_domain::text::NoteText;
use serde_json::json;

use crate::db::args;
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

/// One ledger entry as recorded.
#[derive(Debug, Clone)]
pub struct ConsentRecord {
    pub id: String,
    pub entry: Entry,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    /// How it was explained and who was present, when noted.
    pub note: Option<Readable<NoteText>>,
}

fn date(s: &str) -> Result<NaiveDate, StoreError> {
    s.parse().map_err(|_| StoreError::Corrupt)
}

/// The writes of consent.
pub(crate) enum ConsentCommand {
    Record(
        String,
        Box<pelita_domain::consent::Entry>,
        Option<NoteText>,
        Reply<String>,
    ),
    /// Entries of one conversation (`consent::Round`): all recorded, or none.
    RecordMany(String, Vec<Entry>, Option<NoteText>, Reply<Vec<String>>),
}

impl ConsentCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            ConsentCommand::Record(case, entry, note, reply) => {
                reply.keep(w.record_consent(case, entry, note.as_ref()).await?)
            }
            ConsentCommand::RecordMany(case, entries, note, reply) => {
                let mut ids = Vec::with_capacity(entries.len());
                // One command, so one savepoint: an entry refused undoes those before it.
                for e in entries {
                    ids.push(w.record_consent(case, e, note.as_ref()).await?);
                }
                reply.keep(ids)
            }
        }
        Ok(())
    }
}

impl Store {
    /// Adds an entry to a case's consent ledger. Refused: a date in the future, an expiry before
    /// the date, a withdrawal of nothing given.
    pub async fn record_consent(
        &self,
        actor: &Actor,
        case_id: &str,
        entry: Entry,
        note: Option<NoteText>,
    ) -> Result<String, StoreError> {
        self.ask(actor, |reply| {
            ConsentCommand::Record(case_id.into(), Box::new(entry), note, reply)
        })
        .await
    }

    /// Records one conversation about consent (several purposes; the child's and a
    /// caregiver's decisions, one day, expiry and note): an entry per purpose and person, each
    /// with its audit event, in one transaction. Refused as a whole by any rule an entry
    /// breaks (`Round::entries`, and each entry's own in the writer): nothing is recorded.
    /// Answers the entries' ids in the round's order.
    pub async fn record_consent_round(
        &self,
        actor: &Actor,
        case_id: &str,
        round: &Round,
        note: Option<NoteText>,
    ) -> Result<Vec<String>, StoreError> {
        let entries = round.entries(self.now().date_naive())?;
        self.ask(actor, |reply| {
            ConsentCommand::RecordMany(case_id.into(), entries, note, reply)
        })
        .await
    }

    /// The ledger of the granted case, oldest first; the read is logged.
    pub async fn read_consents(&self, grant: &Grant) -> Result<Vec<ConsentRecord>, StoreError> {
        Store::expect(grant, Section::Participation)?;
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.consents(grant.case_id(), &key).await
    }

    /// The consent and assent ages of the jurisdiction of an agency.
    pub async fn age_rules(&self, agency_id: &str) -> Result<AgeRules, StoreError> {
        let country = self
            .pools
            .row(
                "SELECT jurisdiction FROM agencies WHERE id = $1",
                args![agency_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .text(0)?;
        Ok(AgeRules::for_jurisdiction(&country))
    }

    /// Whether the ledger allows `purpose` today: the check referrals and sharing make. It
    /// reveals no content, only who has or has not agreed.
    pub async fn consent_status(
        &self,
        case_id: &str,
        purpose: Purpose,
    ) -> Result<Status, StoreError> {
        let (_, mut statuses) = self.consent_statuses(case_id, &[purpose]).await?;
        Ok(statuses.remove(0))
    }

    /// [`Store::consent_status`] for several purposes, reading the case, the child's age and
    /// the ledger once; with the age rules of the case's jurisdiction that decided them.
    pub async fn consent_statuses(
        &self,
        case_id: &str,
        purposes: &[Purpose],
    ) -> Result<(AgeRules, Vec<Status>), StoreError> {
        let today = self.now().date_naive();
        let meta = self.case_meta(case_id).await?;
        let rules = self.age_rules(&meta.agency_id).await?;
        let age = match self.child(&meta.child_id).await?.identity {
            Readable::Present(i) => i.age.age_on(today),
            Readable::Erased { .. } => return Err(StoreError::Erased),
        };
        let key = self.case_key(case_id).await?;
        let entries: Vec<Entry> = self
            .consents(case_id, &key)
            .await?
            .into_iter()
            .map(|r| r.entry)
            .collect();
        let statuses = purposes
            .iter()
            .map(|p| consent::evaluate(rules, age, *p, &entries, today))
            .collect();
        Ok((rules, statuses))
    }

    /// The ledger of a case, opened with the child's key (read once by the caller).
    pub(crate) async fn consents(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<Vec<ConsentRecord>, StoreError> {
        let rows = self
            .pools
            .rows(
                "SELECT id, purpose, giver, decision, given_on, expires_on, recorded_by, \
                 recorded_at, note_sealed FROM consents WHERE case_id = $1 \
                 ORDER BY recorded_at, id",
                args![case_id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let id = r.text(0)?;
                let note = match (key, r.opt_bytes(8)?) {
                    (_, None) => None,
                    (Ok(k), Some(sealed)) => {
                        let plain = k.open(&format!("consent/{id}"), &sealed)?;
                        let text = String::from_utf8(plain).map_err(|_| StoreError::Corrupt)?;
                        Some(Readable::Present(
                            NoteText::parse(&text).map_err(|_| StoreError::Corrupt)?,
                        ))
                    }
                    (Err(at), Some(_)) => Some(Readable::Erased {
                        at: from_micros(*at),
                    }),
                };
                Ok(ConsentRecord {
                    entry: Entry {
                        purpose: Purpose::parse(&r.text(1)?).ok_or(StoreError::Corrupt)?,
                        giver: Giver::parse(&r.text(2)?).ok_or(StoreError::Corrupt)?,
                        decision: Decision::parse(&r.text(3)?).ok_or(StoreError::Corrupt)?,
                        on: date(&r.text(4)?)?,
                        expires: r.opt_text(5)?.as_deref().map(date).transpose()?,
                    },
                    id,
                    recorded_by: r.text(6)?,
                    recorded_at: from_micros(r.i64(7)?),
                    note,
                })
            })
            .collect()
    }
}

impl Write<'_> {
    pub(crate) async fn record_consent(
        &mut self,
        case_id: &str,
        e: &Entry,
        note: Option<&NoteText>,
    ) -> Result<String, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        e.check(from_micros(self.now).date_naive())?;
        if e.decision == Decision::Withdrawn {
            let givers: Vec<&str> = match e.giver {
                Giver::Child => vec!["child"],
                Giver::Caregiver | Giver::Guardian => vec!["caregiver", "guardian"],
            };
            let given = self
                .tx
                .row(
                    "SELECT count(*) FROM consents WHERE case_id = $1 AND purpose = $2 \
                     AND decision = 'given' AND giver IN ($3, $4)",
                    args![
                        case_id,
                        e.purpose.key(),
                        givers[0],
                        *givers.last().expect("one giver at least")
                    ],
                )
                .await?
                .map_or(Ok(0), |r| r.i64(0))?;
            if given == 0 {
                return Err(StoreError::Conflict("nothing was given to withdraw"));
            }
        }
        let id = new_id();
        let sealed = note.map(|n| key.seal(&format!("consent/{id}"), n.as_str().as_bytes()));
        self.tx
            .exec(
                "INSERT INTO consents (id, case_id, purpose, giver, decision, given_on, \
                 expires_on, recorded_by, recorded_at, note_sealed) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                args![
                    id.as_str(),
                    case_id,
                    e.purpose.key(),
                    e.giver.as_str(),
                    e.decision.as_str(),
                    e.on.to_string(),
                    e.expires.map(|x| x.to_string()),
                    self.actor.id.as_str(),
                    self.now,
                    sealed
                ],
            )
            .await?;
        self.audit(
            "consent.record",
            case_id,
            json!({"entry": id, "purpose": e.purpose.key(), "giver": e.giver.as_str(),
                   "decision": e.decision.as_str()}),
        )
        .await?;
        Ok(id)
    }
}

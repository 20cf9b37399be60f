//! Assessments: answers checked against their instrument, sealed, read through a grant for
//! the psychosocial section.

use chrono::{DateTime, NaiveDate, Utc};
use pelita_domain::assessment::{self, Answers, Instrument};
use pelita_domain::error::DomainError;
use pelita_domain::policy::{Grant, Section};
use pelita_domain::text::NoteText;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::db::args;
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

/// Whether the child agreed to the assessment, in the child's own words recorded elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assent {
    Given,
    Refused,
    /// Too young to be asked formally, or not able to be asked; the reason goes in "present".
    NotAsked,
}

impl Assent {
    pub fn as_str(self) -> &'static str {
        match self {
            Assent::Given => "given",
            Assent::Refused => "refused",
            Assent::NotAsked => "not_asked",
        }
    }
    pub fn parse(s: &str) -> Option<Assent> {
        [Assent::Given, Assent::Refused, Assent::NotAsked]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

#[derive(Debug, Clone)]
pub struct NewAssessment {
    pub on: NaiveDate,
    /// The language the assessment was held in (a tag such as `id`, `bn`).
    pub language: String,
    pub assent: Assent,
    /// Who was present (a caregiver, an interpreter), and anything about the setting.
    pub present: Option<NoteText>,
    pub answers: Answers,
}

#[derive(Debug, Clone)]
pub struct AssessmentRecord {
    pub id: String,
    pub instrument: String,
    pub version: u32,
    pub on: NaiveDate,
    pub language: String,
    pub assent: Assent,
    pub assessor: String,
    pub recorded_at: DateTime<Utc>,
    pub present: Option<Readable<NoteText>>,
    pub answers: Readable<Answers>,
}

/// Who interviewed the child and when: what the repeat-interview guard shows to anyone about
/// to assess, without any answer.
#[derive(Debug, Clone)]
pub struct InterviewRecord {
    pub on: NaiveDate,
    pub interviewer: String,
    pub purpose: pelita_domain::interview::Purpose,
    /// An assessment (psychosocial) rather than another interview.
    pub assessment: bool,
}

/// Every interview of the child, over all the child's cases: assessments and other interviews.
pub(crate) const CHILD_INTERVIEWS: &str = "SELECT a.assessed_on, a.assessor, 'assessment:' || a.section FROM assessments a \
     JOIN cases c ON c.id = a.case_id WHERE c.child_id = (SELECT child_id FROM cases WHERE id = $1) \
     UNION ALL SELECT i.held_on, i.interviewer, i.purpose FROM interviews i \
     JOIN cases c ON c.id = i.case_id WHERE c.child_id = (SELECT child_id FROM cases WHERE id = $1) \
     ORDER BY 1 DESC";

/// The writes of assessments.
pub(crate) enum AssessmentCommand {
    Record(
        String,
        String,
        u32,
        pelita_domain::policy::Section,
        Box<NewAssessment>,
        Reply<String>,
    ),
}

impl AssessmentCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            AssessmentCommand::Record(case, instrument, version, section, a, reply) => reply.keep(
                w.record_assessment(case, instrument, *version, *section, a)
                    .await?,
            ),
        }
        Ok(())
    }
}

impl Store {
    /// Records an assessment. Refused: answers that do not fit the instrument, a date in the
    /// future, a refused assent with answers (a child who says no is not assessed).
    pub async fn record_assessment(
        &self,
        actor: &Actor,
        case_id: &str,
        instrument: &Instrument,
        a: NewAssessment,
    ) -> Result<String, StoreError> {
        let today = pelita_domain::dates::latest_today(self.now());
        pelita_domain::dates::check_date(a.on, today)?;
        let answers = assessment::validate(instrument, a.answers, today)?;
        if a.assent == Assent::Refused && !answers.is_empty() {
            return Err(DomainError::Invalid { field: "assent" }.into());
        }
        let a = NewAssessment { answers, ..a };
        self.ask(actor, |reply| {
            AssessmentCommand::Record(
                case_id.into(),
                instrument.id.clone(),
                instrument.version,
                instrument.section,
                Box::new(a),
                reply,
            )
        })
        .await
    }

    /// The case's assessments of a section (psychosocial: the child's; family: the family's),
    /// oldest first, through a grant for that section.
    pub async fn read_assessments(
        &self,
        grant: &Grant,
    ) -> Result<Vec<AssessmentRecord>, StoreError> {
        if !matches!(grant.section(), Section::Psychosocial | Section::Family) {
            Store::expect(grant, Section::Psychosocial)?;
        }
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.assessments(grant.case_id(), &key, grant.section())
            .await
    }

    pub(crate) async fn assessments(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
        section: Section,
    ) -> Result<Vec<AssessmentRecord>, StoreError> {
        let rows = self
            .pools
            .rows(
                "SELECT id, instrument, version, assessed_on, language, assent, assessor, \
                 recorded_at, present_sealed, answers_sealed FROM assessments \
                 WHERE case_id = $1 AND section = $2 ORDER BY assessed_on, recorded_at",
                args![case_id, section.as_str()],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let id = r.text(0)?;
                let open = |field: &str,
                            sealed: Option<Vec<u8>>|
                 -> Result<Option<Readable<Vec<u8>>>, StoreError> {
                    Ok(match (key, sealed) {
                        (_, None) => None,
                        (Ok(k), Some(s)) => Some(Readable::Present(
                            k.open(&format!("assessment/{id}/{field}"), &s)?,
                        )),
                        (Err(at), Some(_)) => Some(Readable::Erased {
                            at: from_micros(*at),
                        }),
                    })
                };
                let present = match open("present", r.opt_bytes(8)?)? {
                    Some(Readable::Present(b)) => Some(Readable::Present(
                        NoteText::parse(&String::from_utf8(b).map_err(|_| StoreError::Corrupt)?)
                            .map_err(|_| StoreError::Corrupt)?,
                    )),
                    Some(Readable::Erased { at }) => Some(Readable::Erased { at }),
                    None => None,
                };
                let answers = match open("answers", r.opt_bytes(9)?)? {
                    Some(Readable::Present(b)) => Readable::Present(
                        serde_json::from_slice(&b).map_err(|_| StoreError::Corrupt)?,
                    ),
                    Some(Readable::Erased { at }) => Readable::Erased { at },
                    None => match &key {
                        Err(at) => Readable::Erased {
                            at: from_micros(*at),
                        },
                        Ok(_) => return Err(StoreError::Corrupt),
                    },
                };
                Ok(AssessmentRecord {
                    instrument: r.text(1)?,
                    version: u32::try_from(r.i64(2)?).map_err(|_| StoreError::Corrupt)?,
                    on: r.text(3)?.parse().map_err(|_| StoreError::Corrupt)?,
                    language: r.text(4)?,
                    assent: Assent::parse(&r.text(5)?).ok_or(StoreError::Corrupt)?,
                    assessor: r.text(6)?,
                    recorded_at: from_micros(r.i64(7)?),
                    present,
                    answers,
                    id,
                })
            })
            .collect()
    }

    /// Every interview of the child (across the child's cases), newest first: dates,
    /// assessors and instruments only. For the repeat-interview guard.
    pub async fn interviews(&self, case_id: &str) -> Result<Vec<InterviewRecord>, StoreError> {
        use pelita_domain::interview::Purpose;
        self.pools
            .rows(CHILD_INTERVIEWS, args![case_id])
            .await?
            .iter()
            .map(|r| {
                let what = r.text(2)?;
                let (assessment, purpose) = match what.strip_prefix("assessment:") {
                    Some(section) => (true, section),
                    None => (false, what.as_str()),
                };
                Ok(InterviewRecord {
                    on: r.text(0)?.parse().map_err(|_| StoreError::Corrupt)?,
                    interviewer: r.text(1)?,
                    assessment,
                    purpose: Purpose::parse(purpose).ok_or(StoreError::Corrupt)?,
                })
            })
            .collect()
    }
}

impl Write<'_> {
    pub(crate) async fn record_assessment(
        &mut self,
        case_id: &str,
        instrument: &str,
        version: u32,
        section: Section,
        a: &NewAssessment,
    ) -> Result<String, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let id = new_id();
        let answers = serde_json::to_vec(&a.answers).expect("answers serialise");
        self.tx
            .exec(
                "INSERT INTO assessments (id, case_id, instrument, version, assessed_on, language, \
                 assent, assessor, recorded_at, present_sealed, answers_sealed, section) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                args![
                    id.as_str(),
                    case_id,
                    instrument,
                    i64::from(version),
                    a.on.to_string(),
                    a.language.as_str(),
                    a.assent.as_str(),
                    self.actor.id.as_str(),
                    self.now,
                    a.present
                        .as_ref()
                        .map(|p| key
                            .seal(&format!("assessment/{id}/present"), p.as_str().as_bytes())),
                    key.seal(&format!("assessment/{id}/answers"), &answers),
                    section.as_str()
                ],
            )
            .await?;
        self.audit(
            "assessment.record",
            case_id,
            json!({"assessment": id, "instrument": instrument, "version": version,
                   "assent": a.assent.as_str(), "answered": a.answers.len()}),
        )
        .await?;
        if section == Section::Psychosocial {
            self.follow_records(case_id, "assessment.record").await?;
        }
        Ok(id)
    }
}

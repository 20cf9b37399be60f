//! Interviews other than assessments, recorded under the repeat-interview guard: another
//! interview of the child within the deployment's window needs a written reason (checked in the
//! writer's transaction, against every assessment and interview of the child).

use chrono::NaiveDate;
use pelita_domain::interview::{self, Purpose};
use pelita_domain::text::NoteText;
use serde_json::json;

use crate::assessment::CHILD_INTERVIEWS;
use crate::db::args;
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Store, StoreError};

#[derive(Debug, Clone)]
pub struct NewInterview {
    pub held_on: NaiveDate,
    pub purpose: Purpose,
    pub present: Option<NoteText>,
    /// Why the child must be interviewed again so soon (required within the window).
    pub reason: Option<NoteText>,
}

/// The writes of interviews.
pub(crate) enum InterviewCommand {
    /// An interview, with the repeat-interview window in days.
    Record(String, Box<NewInterview>, i64, Reply<String>),
}

impl InterviewCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            InterviewCommand::Record(case, i, days, reply) => {
                reply.keep(w.record_interview(case, i, *days).await?)
            }
        }
        Ok(())
    }
}

impl Store {
    /// Records an interview held or planned on `held_on` (at most a year ahead).
    pub async fn record_interview(
        &self,
        actor: &Actor,
        case_id: &str,
        i: NewInterview,
        window_days: i64,
    ) -> Result<String, StoreError> {
        if i.held_on > self.now().date_naive() + chrono::Days::new(366) {
            return Err(pelita_domain::DomainError::Invalid { field: "held_on" }.into());
        }
        pelita_domain::dates::check_from(i.held_on)?;
        self.ask(actor, |reply| {
            InterviewCommand::Record(case_id.into(), Box::new(i), window_days, reply)
        })
        .await
    }
}

impl Write<'_> {
    pub(crate) async fn record_interview(
        &mut self,
        case_id: &str,
        i: &NewInterview,
        window_days: i64,
    ) -> Result<String, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let previous: Vec<NaiveDate> = self
            .tx
            .rows(CHILD_INTERVIEWS, args![case_id])
            .await?
            .iter()
            .map(|r| r.text(0)?.parse().map_err(|_| StoreError::Corrupt))
            .collect::<Result<_, _>>()?;
        interview::check_repeat(&previous, i.held_on, window_days, i.reason.as_ref())?;
        let repeat = interview::recent(&previous, i.held_on, window_days).is_some();
        let id = new_id();
        let seal = |field: &str, t: &Option<NoteText>| {
            t.as_ref()
                .map(|t| key.seal(&format!("interview/{id}/{field}"), t.as_str().as_bytes()))
        };
        self.tx
            .exec(
                "INSERT INTO interviews (id, case_id, held_on, interviewer, purpose, present_sealed, \
                 reason_sealed, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                args![
                    id.as_str(),
                    case_id,
                    i.held_on.to_string(),
                    self.actor.id.as_str(),
                    i.purpose.as_str(),
                    seal("present", &i.present),
                    // The reason is kept only when it was needed.
                    if repeat { seal("reason", &i.reason) } else { None },
                    self.now
                ],
            )
            .await?;
        self.audit(
            "interview.record",
            case_id,
            json!({"interview": id, "purpose": i.purpose.as_str(), "repeat": repeat,
                   "previous": previous.len()}),
        )
        .await?;
        Ok(id)
    }
}

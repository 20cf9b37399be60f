//! The repeat-interview guard on the case page: every interview of the child so far (over all
//! the child's cases), who held it and when — what it was for only to those who may read that
//! section — and the form to record another, which asks why when the last one was recent.

use axum::extract::Path;
use axum::response::Response;
use chrono::NaiveDate;
use pelita_domain::interview::Purpose;
use pelita_domain::policy::write::Change;
use pelita_store::{CaseMeta, NewInterview};
use serde::Deserialize;

use super::form::{CaseForm, CaseOf, Needs, OrRefuse, Refused, Saved};
use super::opt_note;
use crate::auth::Ctx;
use crate::view::Form;

pub struct InterviewsView {
    pub count_text: String,
    pub rows: Vec<(String, String, String)>,
    /// Shown when the last interview is within the deployment's window.
    pub warning: Option<String>,
    pub purposes: Vec<(&'static str, String)>,
    pub today: String,
    pub window_hint: String,
    /// After a refusal: shown open with what was typed.
    pub open: bool,
    pub held_on: String,
    pub purpose: String,
    pub present: String,
    pub reason: String,
}

/// The purposes this reader may record an interview for (and see).
fn purposes(ctx: &Ctx, meta: &CaseMeta) -> Vec<Purpose> {
    Purpose::ALL
        .into_iter()
        .filter(|p| super::may_change(ctx, meta, Change::Interview(p.section())))
        .collect()
}

/// Each interview as (date, interviewer, what for) — who and what for only where the reader
/// reads the section it belongs to: the dates are for the repeat guard, the rest need-to-know.
pub async fn rows(
    ctx: &Ctx,
    meta: &CaseMeta,
    history: &[pelita_store::InterviewRecord],
) -> Vec<(String, String, String)> {
    let t = &ctx.t;
    let mut rows = Vec::with_capacity(history.len());
    for i in history {
        // Who interviewed can tell what for (a police officer, a psychologist): both are the
        // section's.
        if !meta.reads_in_full(&ctx.reader(), i.purpose.section()) {
            let restricted = t.get("interview-restricted");
            rows.push((t.date(i.on), restricted.clone(), restricted));
            continue;
        }
        let who = ctx
            .store
            .user(&i.interviewer)
            .await
            .map(|u| u.display_name)
            .unwrap_or_else(|_| i.interviewer.clone());
        let what = if i.assessment {
            t.get("interview-assessment")
        } else {
            t.pick("interview-purpose", i.purpose.as_str())
        };
        rows.push((t.date(i.on), who, what));
    }
    rows
}

pub async fn view(
    ctx: &Ctx,
    meta: &CaseMeta,
    posted: Option<&super::Posted>,
) -> Option<InterviewsView> {
    let t = &ctx.t;
    let mine = purposes(ctx, meta);
    if mine.is_empty() {
        return None;
    }
    let history = ctx.store.interviews(&meta.id).await.unwrap_or_default();
    let rows = rows(ctx, meta, &history).await;
    let today = super::zone::today(ctx).await;
    let window = ctx.config.repeat_interview_days;
    let dates: Vec<NaiveDate> = history.iter().map(|i| i.on).collect();
    let warning = pelita_domain::interview::recent(&dates, today, window).map(|(days, count)| {
        t.with_args(
            "interview-repeat-warning",
            &[("days", days.into()), ("count", count.into())],
        )
    });
    Some(InterviewsView {
        count_text: t.count("interview-count", history.len()),
        rows,
        warning,
        purposes: mine
            .iter()
            .map(|p| (p.as_str(), t.pick("interview-purpose", p.as_str())))
            .collect(),
        open: posted.is_some(),
        held_on: posted.map_or_else(|| today.to_string(), |p| p.one("held_on")),
        purpose: posted.map(|p| p.one("purpose")).unwrap_or_default(),
        present: posted.map(|p| p.one("present")).unwrap_or_default(),
        reason: posted.map(|p| p.one("reason")).unwrap_or_default(),
        today: today.to_string(),
        window_hint: t.with_args("interview-reason-hint", &[("days", window.into())]),
    })
}

#[derive(Deserialize)]
pub struct InterviewForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    present: String,
    #[serde(default)]
    reason: String,
}

pub async fn record(ctx: Ctx, Path(id): Path<String>, Form(f): Form<InterviewForm>) -> Response {
    let t = &ctx.t;
    let typed = [
        ("held_on", &f.held_on),
        ("purpose", &f.purpose),
        ("present", &f.present),
        ("reason", &f.reason),
    ]
    .map(|(k, v)| (k.to_owned(), v.clone()));
    // Who may record an interview depends on what it is for (the section it belongs to).
    let needs = match Purpose::parse(&f.purpose) {
        Some(p) => Ok((Needs::Change(Change::Interview(p.section())), p)),
        None => Err(Refused::key(t, "error-invalid")),
    };
    CaseForm::needing(&ctx, &f.csrf, CaseOf::Case(&id), needs)
        .keeping(super::Posted::new("interview", &typed))
        .run_with(async |meta, purpose| {
            let i = NewInterview {
                held_on: NaiveDate::parse_from_str(f.held_on.trim(), "%Y-%m-%d")
                    .map_err(|_| Refused::key(t, "error-impossible-date"))?,
                purpose,
                present: opt_note(&f.present).or_refuse(t)?,
                reason: opt_note(&f.reason).or_refuse(t)?,
            };
            ctx.store
                .record_interview(ctx.actor(), &meta.id, i, ctx.config.repeat_interview_days)
                .await
                .map_err(|e| Refused::store(t, e))?;
            Ok(Saved::at(format!("/cases/{}#interviews", meta.id)))
        })
        .await
}

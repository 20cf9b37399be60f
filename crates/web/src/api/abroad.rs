//! Children abroad and repatriation over the API: `GET /api/v1/cases/{id}/abroad`,
//! `PUT …/origin`, `POST …/repatriation` (open, optionally with a travelling family member's
//! case), `GET …/repatriation/status`, `POST …/repatriation/steps|arrival|placement`,
//! `POST …/best-interests`, `POST …/reception`, `POST …/reception/{stay}/reviews|release`,
//! `GET /api/v1/indicators/repatriation`. Reads and writes need the circumstances section; the
//! status needs only the status section, so a security liaison sees the phase and nothing more.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change as CaseChange;
use pelita_domain::repatriation::best_interests;
use pelita_domain::repatriation::origin::Origin;
use pelita_domain::repatriation::reception::{Admission, Release, Review};
use pelita_domain::repatriation::workflow::{Placement, Step};
use pelita_domain::text::NoteText;
use pelita_store::{AbroadRecord, Readable, RepatriationChange as Change};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, problem, store_problem};
use crate::AppState;

fn readable<T: serde::Serialize>(r: &Readable<T>) -> Value {
    match r {
        Readable::Present(x) => json!(x),
        Readable::Erased { .. } => json!({"erased": true}),
    }
}

/// The record as JSON; also what the page's tests compare against.
pub fn record_json(r: &AbroadRecord) -> Value {
    json!({
        "origin": r.origin.as_ref().map(|o| json!({
            "record": readable(&o.origin), "updated_by": o.updated_by,
            "updated_at": o.updated_at.to_rfc3339(),
        })),
        "repatriation": r.file.as_ref().map(|f| json!({
            "phase": f.progress.standing().as_str(),
            "ended_on": f.progress.ended,
            "end_reason": f.end_reason.as_ref().map(readable),
            "placement": f.placement.map(|p| p.as_str()),
            "steps": Step::ALL.iter().map(|s| json!({
                "step": s.as_str(), "phase": s.phase().as_str(), "marked": s.marked(),
                "done_on": f.progress.done.get(s),
            })).collect::<Vec<_>>(),
            "outstanding": f.progress.outstanding().iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "group": f.group,
            "notes": readable(&f.notes),
        })),
        "best_interests": r.best_interests.iter().map(|b| json!({
            "id": b.id, "record": readable(&b.record), "recorded_by": b.recorded_by,
        })).collect::<Vec<_>>(),
        "reception_stays": r.stays.iter().map(|s| json!({
            "id": s.id, "stay": readable(&s.stay), "next_review": s.next_review,
        })).collect::<Vec<_>>(),
    })
}

pub async fn get(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Circumstances, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    let mut r = match s.store.read_abroad(&g).await {
        Ok(r) => r,
        Err(e) => return store_problem(e),
    };
    // Siblings by case id only to a reader of their status, as on the page; the others are
    // counted.
    let mut hidden = 0;
    if let Some(f) = r.file.as_mut() {
        let reader = pelita_store::Reader::from(&u);
        let (seen, rest) = crate::pages::abroad::visible_group(&s.store, &reader, &f.group).await;
        f.group = seen.into_iter().map(|m| m.id).collect();
        hidden = rest;
    }
    let mut v = record_json(&r);
    if let Some(rep) = v.get_mut("repatriation").and_then(Value::as_object_mut) {
        rep.insert("group_hidden".into(), json!(hidden));
    }
    Json(v).into_response()
}

pub async fn status(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Status, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match s.store.repatriation_status(&g).await {
        Ok(None) => problem(StatusCode::NOT_FOUND, "not-found", "No repatriation"),
        Ok(Some(st)) => Json(json!({"phase": st.standing.as_str()})).into_response(),
        Err(e) => store_problem(e),
    }
}

async fn apply(
    s: &AppState,
    (u, actor): (&pelita_store::User, &pelita_store::Actor),
    id: &str,
    c: Change,
) -> Response {
    if let Err(r) = may_change(s, u, id, CaseChange::Repatriation).await {
        return r;
    }
    match s.store.change_repatriation(actor, id, c).await {
        Ok(Some(new)) => (StatusCode::CREATED, Json(json!({"id": new}))).into_response(),
        Ok(None) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

pub async fn origin(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(o): ApiJson<Origin>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::SaveOrigin(o)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    /// The case of a family member travelling with the child, whose group the child joins.
    #[serde(default)]
    with: Option<String>,
}

pub async fn open(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<OpenBody>,
) -> Response {
    // Joining a group says something about the other child: only whoever may change that
    // case may link to it.
    if let Some(other) = &b.with
        && let Err(r) = may_change(&s, &u, other, CaseChange::Repatriation).await
    {
        return r;
    }
    apply(&s, (&u, &actor), &id, Change::Open { with: b.with }).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepBody {
    step: String,
    on: NaiveDate,
    #[serde(default)]
    note: Option<NoteText>,
}

pub async fn step(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<StepBody>,
) -> Response {
    let Some(step) = Step::parse(&b.step) else {
        return problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid", "Unknown step");
    };
    let change = Change::Mark {
        step,
        on: b.on,
        note: b.note,
    };
    apply(&s, (&u, &actor), &id, change).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnBody {
    on: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndBody {
    on: NaiveDate,
    reason: NoteText,
}

pub async fn end(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<EndBody>,
) -> Response {
    let change = Change::End {
        on: b.on,
        reason: b.reason,
    };
    apply(&s, (&u, &actor), &id, change).await
}

pub async fn resume(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Resume).await
}

pub async fn arrival(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<OnBody>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Arrive(b.on)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementBody {
    placement: Placement,
    on: NaiveDate,
}

pub async fn placement(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<PlacementBody>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Place(b.placement, b.on)).await
}

pub async fn best_interests(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<best_interests::Record>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::BestInterests(b)).await
}

pub async fn admit(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<Admission>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Admit(a)).await
}

pub async fn review(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path((id, stay)): Path<(String, String)>,
    ApiJson(review): ApiJson<Review>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Review { stay, review }).await
}

pub async fn release(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path((id, stay)): Path<(String, String)>,
    ApiJson(release): ApiJson<Release>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Release { stay, release }).await
}

/// The indicators of domain-rules §7.4 for children abroad and returned.
pub async fn indicators(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let scope = match super::indicator_scope(&u) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match s.store.repatriation_indicators(scope).await {
        Ok(i) => Json(json!(i)).into_response(),
        Err(e) => store_problem(e),
    }
}

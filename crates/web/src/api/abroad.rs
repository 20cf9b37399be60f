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
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, problem, store_problem};
use crate::AppState;

fn readable<T: serde::Serialize>(r: &Readable<T>) -> Value {
    match r {
        Readable::Present(x) => json!(x),
        Readable::Erased { .. } => json!({"erased": true}),
    }
}

/// A child's record abroad, as the API answers it. Sealed parts (`Readable`) are their JSON,
/// or `{"erased": true}` once erased.
#[derive(Serialize, ToSchema)]
pub struct AbroadAnswer {
    #[schema(inline, required = true)]
    origin: Option<OriginAnswer>,
    #[schema(inline, required = true)]
    repatriation: Option<RepatriationAnswer>,
    #[schema(inline)]
    best_interests: Vec<BestInterestsAnswer>,
    #[schema(inline)]
    reception_stays: Vec<StayAnswer>,
}

#[derive(Serialize, ToSchema)]
pub struct OriginAnswer {
    record: Value,
    updated_by: String,
    /// RFC 3339.
    updated_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct RepatriationAnswer {
    #[schema(value_type = super::schema::RepatriationPhase, inline)]
    phase: &'static str,
    ended_on: Option<String>,
    end_reason: Option<Value>,
    placement: Option<&'static str>,
    #[schema(inline)]
    steps: Vec<StepAnswer>,
    outstanding: Vec<&'static str>,
    /// Travelling siblings' cases the reader may see.
    group: Vec<String>,
    notes: Value,
    /// Travelling siblings the reader may not see, counted.
    group_hidden: usize,
}

#[derive(Serialize, ToSchema)]
pub struct StepAnswer {
    step: &'static str,
    phase: &'static str,
    marked: bool,
    done_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct BestInterestsAnswer {
    id: String,
    record: Value,
    recorded_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct StayAnswer {
    id: String,
    stay: Value,
    next_review: Option<String>,
}

/// The record as the API answers it, siblings the reader may not see counted in `hidden`.
fn record_answer(r: &AbroadRecord, hidden: usize) -> AbroadAnswer {
    AbroadAnswer {
        origin: r.origin.as_ref().map(|o| OriginAnswer {
            record: readable(&o.origin),
            updated_by: o.updated_by.clone(),
            updated_at: o.updated_at.to_rfc3339(),
        }),
        repatriation: r.file.as_ref().map(|f| RepatriationAnswer {
            phase: f.progress.standing().as_str(),
            ended_on: f.progress.ended.map(|d| d.to_string()),
            end_reason: f.end_reason.as_ref().map(readable),
            placement: f.placement.map(|p| p.as_str()),
            steps: Step::ALL
                .iter()
                .map(|s| StepAnswer {
                    step: s.as_str(),
                    phase: s.phase().as_str(),
                    marked: s.marked(),
                    done_on: f.progress.done.get(s).map(|d| d.to_string()),
                })
                .collect(),
            outstanding: f
                .progress
                .outstanding()
                .iter()
                .map(|s| s.as_str())
                .collect(),
            group: f.group.clone(),
            notes: readable(&f.notes),
            group_hidden: hidden,
        }),
        best_interests: r
            .best_interests
            .iter()
            .map(|b| BestInterestsAnswer {
                id: b.id.clone(),
                record: readable(&b.record),
                recorded_by: b.recorded_by.clone(),
            })
            .collect(),
        reception_stays: r
            .stays
            .iter()
            .map(|s| StayAnswer {
                id: s.id.clone(),
                stay: readable(&s.stay),
                next_review: s.next_review.map(|d| d.to_string()),
            })
            .collect(),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/abroad",
    operation_id = "getCasesByIdAbroad",
    summary = "Travel, origin, repatriation, best-interests records and reception stays of the child (circumstances section); the read is logged. Travelling siblings are listed by case id only to readers of their status; the rest are counted in repatriation.group_hidden",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(AbroadAnswer)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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
    Json(record_answer(&r, hidden)).into_response()
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/repatriation/status",
    operation_id = "getCasesByIdRepatriationStatus",
    summary = "The repatriation's phase only (status section: what a security liaison may see; not where the child is placed)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Phase)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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
        Ok(Some(st)) => Json(Phase {
            phase: st.standing.as_str(),
        })
        .into_response(),
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
        Ok(Some(new)) => super::answer::created(new),
        Ok(None) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/origin",
    operation_id = "putCasesByIdOrigin",
    request_body = Origin,
    summary = "Replace the travel and origin record (lead worker or supervisor). The child's role is 'no active role' unless a finding with its source says otherwise",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn origin(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(o): ApiJson<Origin>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::SaveOrigin(o)).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    /// The case of a family member travelling with the child, whose group the child joins.
    #[schema(max_length = 100)]
    #[serde(default)]
    with: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation",
    operation_id = "postCasesByIdRepatriation",
    request_body = inline(OpenBody),
    summary = "Open the child's repatriation, optionally in the travelling group of a family member's case; every step and decision stays this child's own",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepBody {
    #[schema(max_length = 40)]
    step: String,
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: NaiveDate,
    #[schema(value_type = super::schema::MaybeNote, inline)]
    #[serde(default)]
    note: Option<NoteText>,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation/steps",
    operation_id = "postCasesByIdRepatriationSteps",
    request_body = inline(StepBody),
    summary = "Mark a step done (family_unity, consent_and_views, health_check, first_psychosocial, documentation); the others follow from their own records; a border step waits for the arrival",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OnBody {
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: NaiveDate,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndBody {
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: NaiveDate,
    #[schema(value_type = super::schema::Note, inline)]
    reason: NoteText,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation/end",
    operation_id = "postCasesByIdRepatriationEnd",
    request_body = inline(EndBody),
    summary = "Record that the child's repatriation is no longer pursued (before the arrival only), with the reason; the arrival and further steps are refused until it resumes",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation/resume",
    operation_id = "postCasesByIdRepatriationResume",
    summary = "Pursue the child's repatriation again after it was recorded as not pursued",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn resume(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Resume).await
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation/arrival",
    operation_id = "postCasesByIdRepatriationArrival",
    request_body = inline(OnBody),
    summary = "Record the arrival: refused without a case conference's repatriation decision for this child on or before that day",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn arrival(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<OnBody>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Arrive(b.on)).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacementBody {
    #[schema(value_type = super::schema::Placement, inline)]
    placement: Placement,
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: NaiveDate,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/repatriation/placement",
    operation_id = "postCasesByIdRepatriationPlacement",
    request_body = inline(PlacementBody),
    summary = "Place the child with a family, in family-based care or in the community after arrival",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn placement(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<PlacementBody>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Place(b.placement, b.on)).await
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/best-interests",
    operation_id = "postCasesByIdBestInterests",
    request_body = best_interests::Record,
    summary = "Record a best-interests assessment or a panel determination (needed before repatriation and separation decisions)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Created", body = inline(super::answer::Created)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn best_interests(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<best_interests::Record>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::BestInterests(b)).await
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/reception",
    operation_id = "postCasesByIdReception",
    request_body = Admission,
    summary = "Admit the child to a reception centre after arrival, with a review schedule and a planned release",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Created", body = inline(super::answer::Created)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn admit(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<Admission>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Admit(a)).await
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/reception/{stay}/reviews",
    operation_id = "postCasesByIdReceptionByStayReviews",
    request_body = inline(Review),
    summary = "Record a scheduled review of a stay, with the planned release it leaves",
    params(("id" = String, Path, max_length = 100), ("stay" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn review(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path((id, stay)): Path<(String, String)>,
    ApiJson(review): ApiJson<Review>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Review { stay, review }).await
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/reception/{stay}/release",
    operation_id = "postCasesByIdReceptionByStayRelease",
    request_body = inline(Release),
    summary = "Release the child from the centre to a family, family-based care or the community",
    params(("id" = String, Path, max_length = 100), ("stay" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn release(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path((id, stay)): Path<(String, String)>,
    ApiJson(release): ApiJson<Release>,
) -> Response {
    apply(&s, (&u, &actor), &id, Change::Release { stay, release }).await
}

/// The indicators of domain-rules §7.4 for children abroad and returned.
#[utoipa::path(
    get,
    path = "/api/v1/indicators/repatriation",
    operation_id = "getIndicatorsRepatriation",
    summary = "Indicators for children who travelled or were born abroad (domain-rules 7.4), from flags and dates only: % with identity or nationality documented, % with birth registration, days from arrival to family or community placement (mean, median), % with a best-interests assessment before any decision on separation from a parent. A supervisor sees the agency's; researchers, auditors and administrators the deployment's",
    responses(
        (status = 200, description = "OK", body = inline(pelita_domain::repatriation::indicators::Indicators)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn indicators(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let scope = match super::indicator_scope(&u) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match s.store.repatriation_indicators(scope).await {
        Ok(i) => Json(i).into_response(),
        Err(e) => store_problem(e),
    }
}

/// Where a repatriation stands, and nothing more.
#[derive(Serialize, ToSchema)]
pub struct Phase {
    #[schema(value_type = super::schema::RepatriationPhase, inline)]
    phase: &'static str,
}

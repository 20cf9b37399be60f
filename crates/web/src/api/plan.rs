//! The reintegration plan over the API: `GET`/`PUT /api/v1/cases/{id}/plan`,
//! `POST …/plan/approve`, the status of its actions `POST …/plan/actions`, and follow-ups.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::plan::{ActionStatus, Plan};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_store::{Readable, Reader};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, problem, store_problem};
use crate::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/plan",
    operation_id = "getCasesByIdPlan",
    summary = "The case's individual reintegration plan (plan section) and whether it is approved",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(PlanAnswer)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn get_plan(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Plan, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match s.store.read_plan(&g).await {
        Ok(None) => problem(StatusCode::NOT_FOUND, "not-found", "No plan yet"),
        Ok(Some(r)) => Json(PlanAnswer {
            status: if r.approved {
                PlanStatus::Approved
            } else {
                PlanStatus::Draft
            },
            plan: match r.plan {
                Readable::Present(p) => json!(p),
                Readable::Erased { .. } => json!({"erased": true}),
            },
            updated_by: r.updated_by,
            updated_at: r.updated_at.to_rfc3339(),
            approved_by: r.approved_by,
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/plan",
    operation_id = "putCasesByIdPlan",
    request_body = Plan,
    summary = "Save the plan as a draft (lead worker or supervisor); an approved plan that changes needs approval again",
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
pub async fn put_plan(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<Plan>,
) -> Response {
    if let Err(r) = may_change(&s, &u, &id, Change::Plan).await {
        return r;
    }

    match s.store.save_plan(&actor, &id, p).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/plan/approve",
    operation_id = "postCasesByIdPlanApprove",
    summary = "Approve the plan: a supervisor only, only after an assessment and with the child's views (or why they could not be given); refusals say which rule",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Approved"),
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
pub async fn approve(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
) -> Response {
    let meta = match s.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    if !meta.may_change(&Reader::from(&u), Change::ApprovePlan) {
        return super::forbidden_change();
    }

    match s.store.approve_plan(&actor, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

/// The case's follow-ups after closure (plan section).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/followups",
    operation_id = "getCasesByIdFollowups",
    summary = "Follow-ups after closure (3, 6 and 12 months) with their outcome measures (plan section)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Followups)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn followups(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Plan, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match s.store.read_followups(&g).await {
        Ok(list) => Json(Followups {
            followups: list
                .iter()
                .map(|f| Followup {
                    id: f.id.clone(),
                    due_on: f.due_on.to_string(),
                    done_on: f.done_on.map(|d| d.to_string()),
                    recorded_by: f.recorded_by.clone(),
                    outcome: match &f.outcome {
                        Some(Readable::Present(o)) => json!(o),
                        Some(Readable::Erased { .. }) => json!({"erased": true}),
                        None => json!(null),
                    },
                })
                .collect(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

/// Records a follow-up's outcome measures (the case's lead worker or a supervisor).
#[utoipa::path(
    post,
    path = "/api/v1/followups/{id}",
    operation_id = "postFollowupsById",
    request_body = inline(pelita_domain::followup::Outcome),
    summary = "Record a follow-up's outcome measures, including the child's own view (the case's lead worker or a supervisor); recorded once",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Recorded"),
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
pub async fn record_followup(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(fid): Path<String>,
    ApiJson(o): ApiJson<pelita_domain::followup::Outcome>,
) -> Response {
    let case_id = match s.store.followup_case(&fid).await {
        Ok(c) => c,
        Err(e) => return store_problem(e),
    };
    let meta = match s.store.case_meta(&case_id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    if !meta.may_change(&Reader::from(&u), Change::Plan) {
        return super::forbidden_change();
    }

    match s.store.record_followup(&actor, &fid, o).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionChange {
    #[schema(minimum = 0, maximum = 1000)]
    goal: usize,
    #[schema(minimum = 0, maximum = 1000)]
    action: usize,
    #[schema(inline)]
    status: ActionStatus,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/plan/actions",
    operation_id = "postCasesByIdPlanActions",
    request_body = inline(ActionChange),
    summary = "Move one plan action to a new status (lead worker or supervisor); the plan's approval stands",
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
pub async fn action_status(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(a): ApiJson<ActionChange>,
) -> Response {
    if let Err(r) = may_change(&s, &u, &id, Change::Conference).await {
        return r;
    }
    match s
        .store
        .set_action_status(&actor, &id, a.goal, a.action, a.status)
        .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

/// A case's plan: `{"erased": true}` once erased.
#[derive(Serialize, ToSchema)]
pub struct PlanAnswer {
    status: PlanStatus,
    plan: Value,
    updated_by: String,
    updated_at: String,
    approved_by: Option<String>,
}

/// A plan is a draft until a supervisor approves it.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Approved,
}

/// A case's follow-ups.
#[derive(Serialize, ToSchema)]
pub struct Followups {
    followups: Vec<Followup>,
}

/// A follow-up: due, or done with its outcome (`{"erased": true}` once erased).
#[derive(Serialize, ToSchema)]
pub struct Followup {
    id: String,
    due_on: String,
    done_on: Option<String>,
    recorded_by: Option<String>,
    outcome: Value,
}

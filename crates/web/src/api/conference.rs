//! Case conferences over the API: `GET`/`POST /api/v1/cases/{id}/conferences`.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pelita_domain::conference::Conference;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_store::Readable;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, store_problem};
use crate::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/conferences",
    operation_id = "getCasesByIdConferences",
    summary = "The case's conferences, latest first (plan section): participants, minutes, the child's views, decisions with their best-interests justification and dissent, tasks",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Conferences)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Plan, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match s.store.read_conferences(&g).await {
        Ok(list) => Json(Conferences {
            conferences: list
                .iter()
                .map(|c| ConferenceAnswer {
                    id: c.id.clone(),
                    held_on: c.held_on.to_string(),
                    record: match &c.record {
                        Readable::Present(r) => json!(r),
                        Readable::Erased { .. } => json!({"erased": true}),
                    },
                    recorded_by: c.recorded_by.clone(),
                    recorded_at: c.recorded_at.to_rfc3339(),
                })
                .collect(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/conferences",
    operation_id = "postCasesByIdConferences",
    request_body = Conference,
    summary = "Record a case conference and create its follow-up tasks (lead worker or supervisor). Refused with the reason: placement, detention recommendation, repatriation or separation from a parent without a child-protection lead among the participants; decisions without the child's views; dissent by someone not listed; fewer than two participants; a date in the future",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "OK", body = inline(super::answer::Created)),
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
pub async fn record(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(c): ApiJson<Conference>,
) -> Response {
    if let Err(r) = may_change(&s, &u, &id, Change::Conference).await {
        return r;
    }
    match s
        .store
        .record_conference(&actor, &id, c, &s.config.response_times)
        .await
    {
        Ok(cid) => super::answer::created(cid),
        Err(e) => store_problem(e),
    }
}

/// A case's conferences.
#[derive(Serialize, ToSchema)]
pub struct Conferences {
    conferences: Vec<ConferenceAnswer>,
}

/// A conference: its record is `{"erased": true}` once erased.
#[derive(Serialize, ToSchema)]
pub struct ConferenceAnswer {
    id: String,
    held_on: String,
    record: Value,
    recorded_by: String,
    recorded_at: String,
}

//! The household over the API: `GET`/`PUT /api/v1/cases/{id}/household`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::family::Household;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_store::Readable;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, problem, store_problem};
use crate::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/household",
    operation_id = "getCasesByIdHousehold",
    summary = "The child's household and family members (family section)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(HouseholdAnswer)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn household(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Family, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match s.store.read_household(&g).await {
        Ok(None) => problem(
            StatusCode::NOT_FOUND,
            "not-found",
            "No household recorded yet",
        ),
        Ok(Some(h)) => Json(HouseholdAnswer {
            household: match h.household {
                Readable::Present(h) => json!(h),
                Readable::Erased { .. } => json!({"erased": true}),
            },
            updated_by: h.updated_by,
            updated_at: h.updated_at.to_rfc3339(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/household",
    operation_id = "putCasesByIdHousehold",
    request_body = Household,
    summary = "Replace the household record (lead worker or supervisor); a caregiver cannot also be barred from contact",
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
pub async fn put_household(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(h): ApiJson<Household>,
) -> Response {
    if let Err(r) = may_change(&s, &u, &id, Change::Household).await {
        return r;
    }
    match s.store.save_household(&actor, &id, h).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

/// A case's household: `{"erased": true}` once erased.
#[derive(Serialize, ToSchema)]
pub struct HouseholdAnswer {
    household: Value,
    updated_by: String,
    updated_at: String,
}

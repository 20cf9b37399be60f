//! Case conferences over the API: `GET`/`POST /api/v1/cases/{id}/conferences`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::conference::Conference;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_store::Readable;
use serde_json::json;

use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, store_problem};
use crate::AppState;

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
        Ok(list) => Json(json!({"conferences": list.iter().map(|c| json!({
            "id": c.id,
            "held_on": c.held_on.to_string(),
            "record": match &c.record {
                Readable::Present(r) => json!(r),
                Readable::Erased { .. } => json!({"erased": true}),
            },
            "recorded_by": c.recorded_by,
            "recorded_at": c.recorded_at.to_rfc3339(),
        })).collect::<Vec<_>>()}))
        .into_response(),
        Err(e) => store_problem(e),
    }
}

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
        Ok(cid) => (StatusCode::CREATED, Json(json!({"id": cid}))).into_response(),
        Err(e) => store_problem(e),
    }
}

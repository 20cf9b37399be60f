//! "My work" over the API: `GET /api/v1/tasks`, `POST /api/v1/tasks/{id}/done` (the page:
//! `pages/work.rs`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::case::PriorityLevel;
use pelita_domain::justice::AtExpiry;
use pelita_domain::task::{TaskKind, Urgency};
use serde::Serialize;
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiUser, ApiWriter, store_problem};
use crate::AppState;

/// The caller's work, overdue first.
#[derive(Serialize, ToSchema)]
pub struct Tasks {
    #[schema(inline)]
    tasks: Vec<Task>,
}

#[derive(Serialize, ToSchema)]
pub struct Task {
    #[schema(inline)]
    kind: TaskKind,
    id: String,
    case_id: String,
    reference: String,
    #[schema(inline)]
    priority: PriorityLevel,
    /// RFC 3339.
    due: String,
    #[schema(schema_with = super::schema::urgency)]
    urgency: &'static str,
    text: Option<String>,
    /// What the law requires when a detention clock runs out.
    #[schema(schema_with = super::schema::at_expiry)]
    at_expiry: Option<AtExpiry>,
}

#[utoipa::path(
    get,
    path = "/api/v1/tasks",
    operation_id = "getTasks",
    summary = "What is due from the caller, overdue first: conference tasks, first assessments (due by the case's priority: high 24 h, medium 3 days, low 7 days unless configured), plan reviews and follow-ups due within 14 days, referrals waiting for an answer",
    responses(
        (status = 200, description = "OK", body = inline(Tasks)),
        (status = 401, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn tasks(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let now = s.store.now();
    match s
        .store
        .my_tasks(
            &u.id,
            u.agency_id.as_deref(),
            u.role.works_with_children(),
            u.role == pelita_domain::role::Role::Supervisor,
            &s.config.response_times,
        )
        .await
    {
        Ok(list) => Json(Tasks {
            // Only the tasks the reader's work is (as My work shows them).
            tasks: list
                .into_iter()
                .filter(|t| t.kind.is_for(u.role))
                .map(|t| Task {
                    kind: t.kind,
                    urgency: Urgency::of(t.due, now).as_str(),
                    due: t.due.to_rfc3339(),
                    id: t.id,
                    case_id: t.case_id,
                    reference: t.reference,
                    priority: t.priority,
                    text: t.text,
                    at_expiry: t.at_expiry,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/tasks/{id}/done",
    operation_id = "postTasksByIdDone",
    summary = "Mark a conference task done (its assignee, or a supervisor of the case's agency)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Done"),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 409, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn task_done(
    State(s): State<AppState>,
    ApiWriter(_, actor): ApiWriter,
    Path(id): Path<String>,
) -> Response {
    match s.store.complete_task(&actor, &id).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

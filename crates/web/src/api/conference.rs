//! Case conferences, tasks and the household over the API:
//! `GET`/`POST /api/v1/cases/{id}/conferences`, `GET /api/v1/tasks`,
//! `POST /api/v1/tasks/{id}/done`, `GET`/`PUT /api/v1/cases/{id}/household`,
//! `POST /api/v1/cases/{id}/plan/actions`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::conference::Conference;
use pelita_domain::family::Household;
use pelita_domain::plan::ActionStatus;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_domain::task::Urgency;
use pelita_store::{Readable, Reader};
use serde::Deserialize;
use serde_json::json;

use super::{ApiJson, ApiUser, ApiWriter, may_change, meta_and_grant, problem, store_problem};
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
        Ok(list) => Json(json!({"tasks": list.iter().map(|t| json!({
            "kind": t.kind.as_str(),
            "id": t.id,
            "case_id": t.case_id,
            "reference": t.reference,
            "priority": t.priority.as_str(),
            "due": t.due.to_rfc3339(),
            "urgency": Urgency::of(t.due, now).as_str(),
            "text": t.text,
            "at_expiry": t.at_expiry.map(|a| a.as_str()),
        })).collect::<Vec<_>>()}))
        .into_response(),
        Err(e) => store_problem(e),
    }
}

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
        Ok(Some(h)) => Json(json!({
            "household": match h.household {
                Readable::Present(h) => json!(h),
                Readable::Erased { .. } => json!({"erased": true}),
            },
            "updated_by": h.updated_by,
            "updated_at": h.updated_at.to_rfc3339(),
        }))
        .into_response(),
        Err(e) => store_problem(e),
    }
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionChange {
    goal: usize,
    action: usize,
    status: ActionStatus,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewBody {
    held_on: chrono::NaiveDate,
    purpose: pelita_domain::interview::Purpose,
    #[serde(default)]
    present: Option<pelita_domain::text::NoteText>,
    #[serde(default)]
    reason: Option<pelita_domain::text::NoteText>,
}

/// Every interview of the child (all the child's cases), for those who may record one; who and
/// what for only where the caller reads the interview's section in full.
pub async fn interviews(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let meta = match meta_and_grant(&s, &u, &id, Section::Status, None).await {
        Ok((m, _)) => m,
        Err(r) => return r,
    };
    let reader = Reader::from(&u);
    if !meta.sees_interviews(&reader) {
        return super::forbidden_change();
    }
    match s.store.interviews(&id).await {
        Ok(list) => Json(json!({"count": list.len(), "interviews": list.iter().map(|i| {
            let visible = meta.reads_in_full(&reader, i.purpose.section());
            json!({
                "on": i.on.to_string(),
                "interviewer": visible.then_some(&i.interviewer),
                "purpose": visible.then(|| if i.assessment { "assessment" } else { i.purpose.as_str() }),
            })
        }).collect::<Vec<_>>()}))
        .into_response(),
        Err(e) => store_problem(e),
    }
}

/// Records an interview; within the repeat window a `reason` is required (422
/// `repeat-interview-reason-required`).
pub async fn record_interview(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<InterviewBody>,
) -> Response {
    let meta = match s.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    if !meta.may_change(&Reader::from(&u), Change::Interview(b.purpose.section())) {
        return super::forbidden_change();
    }
    let i = pelita_store::NewInterview {
        held_on: b.held_on,
        purpose: b.purpose,
        present: b.present,
        reason: b.reason,
    };
    match s
        .store
        .record_interview(&actor, &id, i, s.config.repeat_interview_days)
        .await
    {
        Ok(iid) => (StatusCode::CREATED, Json(json!({"id": iid}))).into_response(),
        Err(e) => store_problem(e),
    }
}

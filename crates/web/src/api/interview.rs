//! Interviews over the API: `GET`/`POST /api/v1/cases/{id}/interviews`.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_store::Reader;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, meta_and_grant, store_problem};
use crate::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewBody {
    #[schema(value_type = super::schema::RecordDate, inline)]
    held_on: chrono::NaiveDate,
    #[schema(inline)]
    purpose: pelita_domain::interview::Purpose,
    #[schema(value_type = super::schema::MaybeNote, inline)]
    #[serde(default)]
    present: Option<pelita_domain::text::NoteText>,
    #[schema(value_type = super::schema::MaybeNote, inline)]
    #[serde(default)]
    reason: Option<pelita_domain::text::NoteText>,
}

/// Every interview of the child (all the child's cases), for those who may record one; who and
/// what for only where the caller reads the interview's section in full.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/interviews",
    operation_id = "getCasesByIdInterviews",
    summary = "Every interview of the child over all the child's cases (assessments and other interviews): when and by whom; the purpose only where the caller may read its section",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Interviews)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
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
        Ok(list) => Json(Interviews {
            count: list.len(),
            interviews: list
                .iter()
                .map(|i| {
                    let visible = meta.reads_in_full(&reader, i.purpose.section());
                    Interview {
                        on: i.on.to_string(),
                        interviewer: visible.then(|| i.interviewer.clone()),
                        purpose: visible.then(|| {
                            if i.assessment {
                                "assessment"
                            } else {
                                i.purpose.as_str()
                            }
                        }),
                    }
                })
                .collect(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

/// Records an interview; within the repeat window a `reason` is required (422
/// `repeat-interview-reason-required`).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/interviews",
    operation_id = "postCasesByIdInterviews",
    request_body = inline(InterviewBody),
    summary = "Record an interview held or planned (at most a year ahead). Within the deployment's repeat-interview window (30 days by default) of another interview of the child, a written reason is required",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Recorded", body = inline(super::answer::Created)),
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
        Ok(iid) => super::answer::created(iid),
        Err(e) => store_problem(e),
    }
}

/// The child's interviews, over all the child's cases.
#[derive(Serialize, ToSchema)]
pub struct Interviews {
    count: usize,
    interviews: Vec<Interview>,
}

/// An interview: when, and for readers of its purpose's section, by whom and why.
#[derive(Serialize, ToSchema)]
pub struct Interview {
    on: String,
    /// Who interviewed the child: only for readers of the section the interview's purpose belongs to
    #[schema(required = true)]
    interviewer: Option<String>,
    #[schema(value_type = Option<String>, required = true)]
    purpose: Option<&'static str>,
}

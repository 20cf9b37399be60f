//! Assessments over the API: `GET` and `POST /api/v1/cases/{id}/assessments`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::assessment::{self, Answers};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_domain::text::NoteText;
use pelita_store::{Assent, NewAssessment, Readable, Reader};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::schema::AssessedSection;
use super::{ApiJson, ApiUser, ApiWriter, domain_problem, meta_and_grant, problem, store_problem};
use crate::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/assessments",
    operation_id = "getCasesByIdAssessments",
    summary = "The case's assessments (psychosocial section), oldest first, each with its answers and per-domain summary of strengths and needs; no overall score (section=family: the family assessments)",
    params(("id" = String, Path, max_length = 100), ("section" = inline(Option<AssessedSection>), Query)),
    responses(
        (status = 200, description = "OK", body = inline(Assessments)),
        (status = 400, response = Problem),
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
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    // `?section=family` for the family assessments; the child's (psychosocial) otherwise.
    // Read by hand so that every malformed query gets a problem document.
    let asked: Vec<&str> = query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.strip_prefix("section="))
        .collect();
    let section = match asked.as_slice() {
        ["family"] => Section::Family,
        [] | ["psychosocial"] => Section::Psychosocial,
        _ => {
            return problem(
                StatusCode::BAD_REQUEST,
                "invalid",
                "section is psychosocial or family",
            );
        }
    };
    let g = match meta_and_grant(&s, &u, &id, section, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    let records = match s.store.read_assessments(&g).await {
        Ok(r) => r,
        Err(e) => return store_problem(e),
    };
    let list = records
        .iter()
        .map(|r| {
            let inst = s
                .config
                .instruments
                .iter()
                .find(|i| i.id == r.instrument && i.version == r.version);
            let (answers, summary) = match (&r.answers, inst) {
                (Readable::Present(a), Some(i)) => (json!(a), json!(assessment::summarise(i, a))),
                (Readable::Present(a), None) => (json!(a), json!(null)),
                (Readable::Erased { .. }, _) => (json!({"erased": true}), json!(null)),
            };
            Assessment {
                id: r.id.clone(),
                instrument: r.instrument.clone(),
                version: r.version,
                on: r.on.to_string(),
                language: r.language.clone(),
                assent: r.assent.as_str(),
                assessor: r.assessor.clone(),
                present: match &r.present {
                    Some(Readable::Present(p)) => json!(p.as_str()),
                    Some(Readable::Erased { .. }) => json!({"erased": true}),
                    None => json!(null),
                },
                answers,
                summary,
            }
        })
        .collect();
    Json(Assessments { assessments: list }).into_response()
}

/// The assessments of a section.
#[derive(Serialize, ToSchema)]
pub struct Assessments {
    assessments: Vec<Assessment>,
}

/// An assessment; its answers are `{"erased": true}` once erased, its summary null then or
/// when the instrument is no longer configured.
#[derive(Serialize, ToSchema)]
pub struct Assessment {
    id: String,
    instrument: String,
    version: u32,
    on: String,
    language: String,
    #[schema(value_type = super::schema::Assent, inline)]
    assent: &'static str,
    assessor: String,
    present: Value,
    #[schema(value_type = Object)]
    answers: Value,
    summary: Value,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessBody {
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: String,
    #[schema(value_type = super::schema::Language, inline)]
    #[serde(default)]
    language: Option<String>,
    #[schema(value_type = super::schema::Assent, inline)]
    assent: String,
    #[schema(value_type = super::schema::Note, inline)]
    #[serde(default)]
    present: Option<String>,
    #[schema(value_type = super::schema::AnswerMap, inline)]
    #[serde(default)]
    answers: Answers,
    /// The instrument's id (its newest version is used); the resilience and needs assessment
    /// when absent.
    #[schema(max_length = 100)]
    #[serde(default)]
    instrument: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/assessments",
    operation_id = "postCasesByIdAssessments",
    request_body = inline(AssessBody),
    summary = "Record an assessment with the current resilience and needs instrument. Answers are checked against it (types, skip logic); a child who does not assent is not assessed",
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
pub async fn record(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AssessBody>,
) -> Response {
    let meta = match s.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    let inst = match b.instrument.as_deref() {
        None => s.config.current_instrument(),
        Some(i) => match s.config.newest(i) {
            Some(i) => i,
            None => return problem(StatusCode::NOT_FOUND, "not-found", "No such instrument"),
        },
    };
    if !meta.may_change(&Reader::from(&u), Change::Assessment(inst.section)) {
        return super::forbidden_change();
    }
    let Ok(on) = chrono::NaiveDate::parse_from_str(&b.on, "%Y-%m-%d") else {
        return domain_problem(&pelita_domain::DomainError::ImpossibleDate);
    };
    let Some(assent) = Assent::parse(&b.assent) else {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "Unknown assent",
        );
    };
    let present = match b
        .present
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(p) => match NoteText::parse(p) {
            Ok(n) => Some(n),
            Err(e) => return domain_problem(&e),
        },
    };
    let language = b
        .language
        .filter(|l| crate::i18n::LANGUAGES.iter().any(|x| x.0 == l))
        .unwrap_or_else(|| "en".into());

    let a = NewAssessment {
        on,
        language,
        assent,
        present,
        answers: b.answers,
    };
    match s.store.record_assessment(&actor, &id, inst, a).await {
        Ok(aid) => super::answer::created(aid),
        Err(e) => store_problem(e),
    }
}

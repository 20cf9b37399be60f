//! The JSON API under `/api/v1`: personal access tokens, the same policy and audit as the pages,
//! errors as `application/problem+json`, unknown fields refused.

// Validation helpers return the finished problem response as their error: one per request,
// so its size does not matter.
#![allow(clippy::result_large_err)]

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use pelita_domain::DomainError;
use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::case::{Association, Circumstances, GroupKind, Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames, Sex};
use pelita_domain::policy::write::Change;
use pelita_domain::policy::{self, Refusal, Section};
use pelita_domain::role::Role;
use pelita_domain::terminology::Guard;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{CaseMeta, Readable, Reader, Registration, StoreError, TokenScope, User};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::AppState;

mod abroad;
mod answer;
mod assessment;
mod conference;
mod consent;
mod doc;
mod family;
mod interview;
mod justice;
mod plan;
mod referral;
mod schema;
mod task;

pub use doc::openapi_document;
use doc::{Limited, Problem};
use schema::SectionName;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/me", get(me))
        .route("/cases", get(cases))
        .route("/cases/{id}", get(case))
        .route("/cases/{id}/sections/{section}", get(section))
        .route("/cases/{id}/sections/{section}/open", post(open_section))
        .route("/cases/{id}/notes", post(add_note))
        .route(
            "/cases/{id}/circumstances",
            axum::routing::put(record_circumstances),
        )
        .route(
            "/cases/{id}/consents",
            get(consent::list).post(consent::record),
        )
        .route(
            "/cases/{id}/referrals",
            get(referral::of_case).post(referral::create),
        )
        .route(
            "/cases/{id}/assessments",
            get(assessment::list).post(assessment::record),
        )
        .route("/cases/{id}/plan", get(plan::get_plan).put(plan::put_plan))
        .route("/cases/{id}/plan/approve", post(plan::approve))
        .route("/cases/{id}/followups", get(plan::followups))
        .route(
            "/cases/{id}/conferences",
            get(conference::list).post(conference::record),
        )
        .route(
            "/cases/{id}/household",
            get(family::household).put(family::put_household),
        )
        .route("/cases/{id}/plan/actions", post(plan::action_status))
        .route("/tasks", get(task::tasks))
        .route("/cases/{id}/justice", get(justice::get))
        .route("/cases/{id}/proceedings", post(justice::open))
        .route("/proceedings/{id}/diversion", post(justice::diversion))
        .route("/proceedings/{id}/formal", post(justice::formal))
        .route("/proceedings/{id}/agreement", post(justice::agreement))
        .route(
            "/proceedings/{id}/agreement/event",
            post(justice::agreement_event),
        )
        .route("/cases/{id}/detentions", post(justice::detain))
        .route("/detentions/{id}/change", post(justice::change))
        .route("/cases/{id}/justice/expunge", post(justice::expunge))
        .route("/cases/{id}/justice/open", post(justice::open_sealed))
        .route("/cases/{id}/family-contacts", post(justice::family_contact))
        .route("/indicators/justice", get(justice::indicators))
        .route("/indicators/repatriation", get(abroad::indicators))
        .route("/cases/{id}/abroad", get(abroad::get))
        .route("/cases/{id}/origin", axum::routing::put(abroad::origin))
        .route("/cases/{id}/repatriation", post(abroad::open))
        .route("/cases/{id}/repatriation/status", get(abroad::status))
        .route("/cases/{id}/repatriation/steps", post(abroad::step))
        .route("/cases/{id}/repatriation/arrival", post(abroad::arrival))
        .route("/cases/{id}/repatriation/end", post(abroad::end))
        .route("/cases/{id}/repatriation/resume", post(abroad::resume))
        .route(
            "/cases/{id}/repatriation/placement",
            post(abroad::placement),
        )
        .route("/cases/{id}/best-interests", post(abroad::best_interests))
        .route("/cases/{id}/reception", post(abroad::admit))
        .route("/cases/{id}/reception/{stay}/reviews", post(abroad::review))
        .route(
            "/cases/{id}/reception/{stay}/release",
            post(abroad::release),
        )
        .route(
            "/cases/{id}/interviews",
            get(interview::interviews).post(interview::record_interview),
        )
        .route("/tasks/{id}/done", post(task::task_done))
        .route("/followups/{id}", post(plan::record_followup))
        .route("/referrals", get(referral::inbox))
        .route("/referrals/{id}/move", post(referral::answer))
        .route("/children", post(register))
        .route("/search", post(search))
        .fallback(|| async { problem(StatusCode::NOT_FOUND, "not-found", "No such endpoint") })
}

/// An RFC 9457 problem document.
pub fn problem(status: StatusCode, code: &str, title: &str) -> Response {
    problem_with(status, code, title, json!({}))
}

pub(crate) fn problem_with(status: StatusCode, code: &str, title: &str, extra: Value) -> Response {
    let mut body = json!({
        "type": format!("https://pelita.example/problems/{code}"),
        "title": title,
        "status": status.as_u16(),
        "code": code,
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

fn domain_problem(e: &DomainError) -> Response {
    problem(StatusCode::UNPROCESSABLE_ENTITY, e.code(), &e.to_string())
}

fn store_problem(e: StoreError) -> Response {
    match e {
        StoreError::Domain(d) => domain_problem(&d),
        StoreError::NotFound => problem(StatusCode::NOT_FOUND, "not-found", "Not found"),
        StoreError::Erased => problem(StatusCode::GONE, "erased", "This child's data was erased"),
        StoreError::Conflict(c) => problem(StatusCode::CONFLICT, "conflict", c),
        StoreError::Forbidden => problem(StatusCode::FORBIDDEN, "forbidden", "Not allowed"),
        // Said once in the log by the writer; not again for every refused write.
        StoreError::Halted => problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "writes-halted",
            "Writes are stopped after a storage error; restart Pelita. Whether the last writes \
             were saved is unknown until it has been checked",
        ),
        other => {
            tracing::error!(error = %other, "API request failed");
            problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong; nothing was saved",
            )
        }
    }
}

/// The user behind a bearer token.
pub struct ApiUser(User);

/// The user behind a bearer token that may write, and who acts (made by the store).
pub struct ApiWriter(User, pelita_store::Actor);

impl<S> FromRequestParts<S> for ApiWriter
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<ApiWriter, Response> {
        let bearer = token_user(parts, &AppState::from_ref(state)).await?;
        if bearer.scope != TokenScope::ReadWrite {
            return Err(problem(
                StatusCode::FORBIDDEN,
                "read-only-token",
                "This token may only read",
            ));
        }
        let actor = bearer.actor().clone();
        Ok(ApiWriter(bearer.user, actor))
    }
}

async fn token_user(parts: &Parts, state: &AppState) -> Result<pelita_store::Bearer, Response> {
    let unauthorised = || {
        let mut r = problem(
            StatusCode::UNAUTHORIZED,
            "unauthorised",
            "A valid bearer token is required",
        );
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, "Bearer".parse().expect("valid"));
        r
    };
    let token = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer)
        .filter(|t| !t.is_empty() && t.len() < 200)
        .ok_or_else(unauthorised)?;
    match state.store.token_user(token).await {
        Ok(Some(u)) => Ok(u),
        Ok(None) => Err(unauthorised()),
        Err(e) => Err(store_problem(e)),
    }
}

/// The token of a `Bearer` credential. The scheme is case-insensitive (RFC 9110 §11.1):
/// `bearer` and `BEARER` are the same scheme.
fn bearer(authorization: &str) -> Option<&str> {
    let (scheme, token) = authorization.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

impl<S> FromRequestParts<S> for ApiUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<ApiUser, Response> {
        Ok(ApiUser(
            token_user(parts, &AppState::from_ref(state)).await?.user,
        ))
    }
}

/// JSON bodies whose every failure is a problem document.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<ApiJson<T>, Response> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Send application/json",
            )),
            Err(JsonRejection::BytesRejection(_)) => Err(problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                "The body is too large",
            )),
            Err(JsonRejection::JsonSyntaxError(e)) => Err(problem_with(
                StatusCode::BAD_REQUEST,
                "malformed-json",
                "The body is not valid JSON",
                json!({"detail": e.body_text()}),
            )),
            Err(e) => Err(match unknown_field(&e.body_text()) {
                Some(field) => problem_with(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown-field",
                    &format!("{field} is not a field of this body"),
                    json!({"field": field}),
                ),
                None => problem_with(
                    StatusCode::BAD_REQUEST,
                    "invalid-body",
                    "The body does not match the schema",
                    json!({"detail": where_in_body(&e.body_text())}),
                ),
            }),
        }
    }
}

/// The field serde refused as unknown, with where it was (`birth.admin`), from the rejection's
/// text: "…target type: birth: unknown field `admin`, expected …". Every body type refuses
/// unknown fields, so a misspelt or smuggled field is never silently dropped.
/// Where a body failed to match, without what it held: serde's own message repeats the client's
/// values ("invalid type: string \"Siti Aminah\"", "unknown variant `…`"), and a problem
/// document names fields, not values (invariant 7). Keeps the field's path, a missing field's
/// name and the position.
fn where_in_body(text: &str) -> String {
    let text = text
        .strip_prefix("Failed to deserialize the JSON body into the target type: ")
        .unwrap_or(text);
    let position = text
        .rfind(" at line ")
        .map(|i| &text[i + 1..])
        .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == ' '));
    let (path, message) = match text.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (Some(p), m),
        _ => (None, text),
    };
    let what = match message.split_once("missing field `") {
        Some((_, rest)) => format!("missing field {}", rest.split('`').next().unwrap_or("")),
        None => "a value of the wrong type or outside the allowed values".to_owned(),
    };
    let mut out = match path {
        Some(p) => format!("{p}: {what}"),
        None => what,
    };
    if let Some(p) = position {
        out.push(' ');
        out.push_str(p);
    }
    out.chars().filter(|c| !c.is_control()).take(300).collect()
}

fn unknown_field(text: &str) -> Option<String> {
    let (before, after) = text.split_once("unknown field `")?;
    let name = after.split('`').next()?;
    let path = before
        .trim_end()
        .trim_end_matches(':')
        .rsplit(": ")
        .next()
        .filter(|p| !p.is_empty() && *p != "." && !p.contains(' '));
    // The path ends at the unknown field itself, except inside a tagged enum.
    let field = match path {
        Some(p) if p == name || p.ends_with(&format!(".{name}")) => p.to_owned(),
        Some(p) => format!("{p}.{name}"),
        None => name.to_owned(),
    };
    // The name is the client's own text: keep it short and printable.
    Some(
        field
            .chars()
            .filter(|c| !c.is_control())
            .take(100)
            .collect(),
    )
}

#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "getOpenapiJson",
    summary = "This document",
    responses(
        (status = 200, description = "The OpenAPI document", body = Object),
        Limited,
    ),
)]
async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        doc::DOCUMENT.as_str(),
    )
        .into_response()
}

#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "getMe",
    summary = "The token's user",
    responses(
        (status = 200, description = "OK", body = inline(Me)),
        (status = 401, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn me(ApiUser(u): ApiUser) -> Response {
    Json(Me {
        role: u.role.as_str().to_owned(),
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        agency_id: u.agency_id,
    })
    .into_response()
}

/// The token's user.
#[derive(Serialize, ToSchema)]
pub struct Me {
    id: String,
    username: String,
    display_name: String,
    role: String,
    agency_id: Option<String>,
}

/// A case's status: as listed it names the child (null once erased), read alone it says how
/// often the case was reopened.
#[derive(Serialize, ToSchema)]
pub struct CaseSummary {
    id: String,
    reference: String,
    status: String,
    #[schema(inline)]
    priority: PriorityLevel,
    victim_recognised: bool,
    assigned_to: Option<String>,
    updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    name: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = u32)]
    reopened: Option<u32>,
}

impl From<&CaseMeta> for CaseSummary {
    fn from(m: &CaseMeta) -> Self {
        CaseSummary {
            id: m.id.clone(),
            reference: m.reference.to_string(),
            status: m.status.as_str().to_owned(),
            priority: m.priority,
            victim_recognised: m.victim.is_recognised(),
            assigned_to: m.assigned_to.clone(),
            updated_at: m.updated_at.to_rfc3339(),
            name: None,
            reopened: None,
        }
    }
}

/// `GET /api/v1/cases`.
#[derive(Serialize, ToSchema)]
pub struct Cases {
    cases: Vec<CaseSummary>,
}

#[utoipa::path(
    get,
    path = "/api/v1/cases",
    operation_id = "getCases",
    summary = "Open cases assigned to me, most urgent first",
    responses(
        (status = 200, description = "OK", body = inline(Cases)),
        (status = 401, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn cases(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    match s.store.read_my_work(&Reader::from(&u), 500).await {
        Ok(items) => {
            let cases = items
                .iter()
                .map(|w| CaseSummary {
                    name: Some(match &w.identity {
                        Readable::Present(i) => Some(i.names.display()),
                        Readable::Erased { .. } => None,
                    }),
                    ..CaseSummary::from(&w.meta)
                })
                .collect();
            Json(Cases { cases }).into_response()
        }
        Err(e) => store_problem(e),
    }
}

/// Whose indicators a user may see: a supervisor their agency's; researchers, auditors and
/// administrators the deployment's (`None`). Aggregates only.
pub(crate) fn indicator_scope(u: &User) -> Result<Option<&str>, Response> {
    crate::pages::indicators::scope(u).ok_or_else(|| {
        problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Indicators are for supervisors (their agency), researchers, auditors and administrators",
        )
    })
}

/// The write policy for this change, before the body is parsed (the store decides again, in
/// its transaction).
pub(crate) async fn may_change(
    s: &AppState,
    u: &pelita_store::User,
    id: &str,
    change: Change,
) -> Result<CaseMeta, Response> {
    let meta = s.store.case_meta(id).await.map_err(store_problem)?;
    if meta.may_change(&Reader::from(u), change) {
        Ok(meta)
    } else {
        Err(forbidden_change())
    }
}

/// The refusal of a change the write policy does not allow.
pub(crate) fn forbidden_change() -> Response {
    problem(
        StatusCode::FORBIDDEN,
        "forbidden",
        "Your role and relationship to this case do not allow this change",
    )
}

async fn meta_and_grant(
    s: &AppState,
    u: &User,
    id: &str,
    section: Section,
    why: Option<&str>,
) -> Result<(CaseMeta, policy::Grant), Response> {
    let meta = s.store.case_meta(id).await.map_err(store_problem)?;
    let reader = Reader::from(u);
    let decided = meta.authorize(&reader, section, why);
    if decided.is_err()
        && let Err(e) = s.store.record_refusal(&reader, id, section).await
    {
        tracing::warn!(error = %e, "a refused read could not be recorded");
    }
    match decided {
        Ok(g) => Ok((meta, g)),
        Err(Refusal::Denied) => Err(problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Your role and relationship to this case do not include this section",
        )),
        Err(Refusal::JustificationRequired) => Err(problem(
            StatusCode::FORBIDDEN,
            "justification-required",
            "This section opens only with a written justification (POST …/open)",
        )),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    operation_id = "getCasesById",
    summary = "A case's status section",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = CaseSummary),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn case(State(s): State<AppState>, ApiUser(u): ApiUser, Path(id): Path<String>) -> Response {
    let (meta, g) = match meta_and_grant(&s, &u, &id, Section::Status, None).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match s.store.read_case(&g).await {
        Ok(r) => {
            // The status only: the priority's reason is free text of the plan section, read
            // (and logged) with it at …/sections/plan.
            Json(CaseSummary {
                reopened: Some(r.case.reopened),
                ..CaseSummary::from(&meta)
            })
            .into_response()
        }
        Err(e) => store_problem(e),
    }
}

/// One section of a case: what it holds depends on the section (its status, the identity or
/// circumstances, or only notes), `erased` when its record was erased.
#[derive(Serialize, ToSchema)]
pub struct SectionAnswer {
    case_id: String,
    #[schema(value_type = String)]
    section: &'static str,
    minimal: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = bool)]
    erased: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Object)]
    identity: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    circumstances: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Vec<SectionNote>)]
    notes: Option<Vec<SectionNote>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = String)]
    status: Option<&'static str>,
    /// With the plan section: why the case has its priority
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    priority_reason: Option<Option<String>>,
}

/// A note of a section; its text is null once erased.
#[derive(Serialize, ToSchema)]
pub struct SectionNote {
    id: String,
    author: String,
    created_at: String,
    text: Option<String>,
}

async fn section_body(s: &AppState, g: &policy::Grant) -> Result<SectionAnswer, StoreError> {
    let mut v = SectionAnswer {
        case_id: g.case_id().to_owned(),
        section: g.section().as_str(),
        minimal: g.minimal(),
        erased: None,
        identity: None,
        circumstances: None,
        notes: None,
        status: None,
        priority_reason: None,
    };
    if g.section() == Section::Status {
        let r = s.store.read_case(g).await?;
        v.status = Some(r.case.status.as_str());
        return Ok(v);
    }
    // One read of the section and its notes: one access-log row (and for break-glass one
    // alert), as on the case page.
    let read = s.store.read_sections(std::slice::from_ref(g)).await?;
    match (g.section(), read.identity, read.circumstances) {
        (Section::Identity, Some(Readable::Present(i)), _) => {
            v.identity = Some(serde_json::to_value(&i).unwrap_or_default())
        }
        (Section::Circumstances, _, Some(Readable::Present(c))) => {
            v.circumstances = Some(serde_json::to_value(&c).unwrap_or_default())
        }
        (Section::Identity, Some(Readable::Erased { .. }), _)
        | (Section::Circumstances, _, Some(Readable::Erased { .. })) => v.erased = Some(true),
        _ => {}
    }
    if g.section() == Section::Plan {
        v.priority_reason = Some(read.priority_reason);
    }
    let notes = read
        .notes
        .into_iter()
        .map(|n| SectionNote {
            text: n.body.present().map(|b| b.as_str().to_owned()),
            id: n.id,
            author: n.author,
            created_at: n.created_at.to_rfc3339(),
        })
        .collect();
    v.notes = Some(notes);
    Ok(v)
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/sections/{section}",
    operation_id = "getCasesByIdSectionsBySection",
    summary = "One section of a case, when the policy allows it",
    params(("id" = String, Path, max_length = 100), ("section" = inline(SectionName), Path)),
    responses(
        (status = 200, description = "OK", body = inline(SectionAnswer)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn section(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, section)): Path<(String, String)>,
) -> Response {
    let Some(section) = Section::parse(&section) else {
        return problem(StatusCode::NOT_FOUND, "not-found", "No such section");
    };
    let g = match meta_and_grant(&s, &u, &id, section, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match section_body(&s, &g).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenBody {
    #[schema(value_type = schema::Justification, inline)]
    justification: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/sections/{section}/open",
    operation_id = "postCasesByIdSectionsBySectionOpen",
    request_body = inline(OpenBody),
    summary = "Break-glass: open a section with a written justification (logged; the supervisor is alerted)",
    params(("id" = String, Path, max_length = 100), ("section" = inline(SectionName), Path)),
    responses(
        (status = 200, description = "OK", body = inline(SectionAnswer)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn open_section(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, section)): Path<(String, String)>,
    ApiJson(b): ApiJson<OpenBody>,
) -> Response {
    let Some(section) = Section::parse(&section) else {
        return problem(StatusCode::NOT_FOUND, "not-found", "No such section");
    };
    if pelita_domain::policy::break_glass_justification(&b.justification).is_none() {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "The justification is not valid",
        );
    }
    let g = match meta_and_grant(&s, &u, &id, section, Some(&b.justification)).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    match section_body(&s, &g).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteBody {
    #[schema(value_type = schema::WrittenSection, inline)]
    section: String,
    #[schema(value_type = schema::Note, inline)]
    text: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/notes",
    operation_id = "postCasesByIdNotes",
    request_body = inline(NoteBody),
    summary = "Add a case note to a section; the terminology guard's findings come back",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "OK", body = inline(answer::NoteAdded)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 408, response = Problem),
        (status = 410, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn add_note(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NoteBody>,
) -> Response {
    let Some(section) = Section::parse(&b.section).filter(|s| *s != Section::Status) else {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "Unknown section",
        );
    };
    let meta = match s.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    if !meta.may_change(&Reader::from(&u), Change::Note(section)) {
        return forbidden_change();
    }
    let body = match NoteText::parse(&b.text) {
        Ok(t) => t,
        Err(e) => return domain_problem(&e),
    };
    // Suggestions in the writer's interface language, where their list knows the words.
    let language = s.store.user_language(&u.id).await.ok().flatten();
    let findings = Guard::builtin().check_in(body.as_str(), language.as_deref());

    match s.store.add_note(&actor, &id, section, body).await {
        Ok(note) => (
            StatusCode::CREATED,
            Json(answer::NoteAdded {
                id: note,
                terminology: findings,
            }),
        )
            .into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Registration)]
pub struct RegisterBody {
    #[schema(schema_with = pelita_domain::openapi::name_text)]
    given: String,
    #[serde(default)]
    #[schema(schema_with = pelita_domain::openapi::loose_name_text)]
    given_latin: Option<String>,
    #[serde(default)]
    #[schema(schema_with = pelita_domain::openapi::loose_name_text)]
    family: Option<String>,
    #[serde(default)]
    #[schema(schema_with = pelita_domain::openapi::loose_name_text)]
    family_latin: Option<String>,
    #[serde(default)]
    #[schema(schema_with = schema::aliases)]
    aliases: Vec<String>,
    #[schema(schema_with = schema::sex)]
    sex: String,
    birth: BirthDate,
    #[serde(default)]
    #[schema(schema_with = schema::evidence)]
    evidence: Option<String>,
    #[schema(schema_with = schema::priority)]
    priority: String,
    #[schema(schema_with = schema::priority_reason)]
    priority_reason: String,
    #[serde(default)]
    #[schema(schema_with = schema::association)]
    association: Option<String>,
}

fn name(raw: &str) -> Result<NameText, Response> {
    NameText::parse(raw).map_err(|e| domain_problem(&e))
}

fn opt_name(raw: &Option<String>) -> Result<Option<NameText>, Response> {
    raw.as_deref()
        .filter(|r| !r.trim().is_empty())
        .map(name)
        .transpose()
}

fn registration(b: &RegisterBody, u: &User, today: NaiveDate) -> Result<Registration, Response> {
    let agency = u.agency_id.clone().ok_or_else(|| {
        problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Only agency staff register children",
        )
    })?;
    let invalid = |field: &str| {
        problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            &format!("{field} is not valid"),
        )
    };
    let sex = Sex::parse(&b.sex).ok_or_else(|| invalid("sex"))?;
    let birth = b.birth.validated(today).map_err(|e| domain_problem(&e))?;
    let evidence = match b.evidence.as_deref() {
        Some("document") => EvidenceKind::Document,
        Some("assessment") => EvidenceKind::Assessment,
        None | Some("declaration") => EvidenceKind::Declaration,
        Some(_) => return Err(invalid("evidence")),
    };
    let level = PriorityLevel::parse(&b.priority).ok_or_else(|| invalid("priority"))?;
    let priority = Priority::new(level, &b.priority_reason).map_err(|e| domain_problem(&e))?;
    let association = match b.association.as_deref() {
        None => None,
        Some("recruited") => Some(Association::Recruited),
        Some("through_family") => Some(Association::ThroughFamily),
        Some("travelled_with_family") => Some(Association::TravelledWithFamily),
        Some("born_abroad") => Some(Association::BornAbroad),
        Some("other") => Some(Association::Other),
        Some(_) => return Err(invalid("association")),
    };
    if b.aliases.len() > 20 {
        return Err(invalid("aliases"));
    }
    let names = PersonNames {
        given: NamePart {
            text: name(&b.given)?,
            latin: opt_name(&b.given_latin)?,
        },
        family: match opt_name(&b.family)? {
            Some(text) => Some(NamePart {
                text,
                latin: opt_name(&b.family_latin)?,
            }),
            None => None,
        },
        other: Vec::new(),
        aliases: b
            .aliases
            .iter()
            .map(|a| name(a).map(NamePart::new))
            .collect::<Result<_, _>>()?,
    };
    Ok(Registration {
        agency_id: agency,
        identity: ChildIdentity {
            names,
            sex,
            age: Age::with(birth, evidence, &u.id, today),
        },
        priority,
        assigned_to: (u.role == Role::CaseWorker).then(|| u.id.clone()),
        circumstances: association.map(|association| Circumstances {
            association,
            group: GroupKind::Unknown,
            channels: Vec::new(),
            narrative: None,
        }),
    })
}

#[utoipa::path(
    post,
    path = "/api/v1/children",
    operation_id = "postChildren",
    request_body = RegisterBody,
    summary = "Register a child; opens a case at the token user's agency",
    responses(
        (status = 201, description = "OK", body = inline(answer::Registered)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 408, response = Problem),
        (status = 409, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn register(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    ApiJson(b): ApiJson<RegisterBody>,
) -> Response {
    if !pelita_domain::policy::write::may_register(u.role) {
        return problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Only case workers and supervisors register children",
        );
    }
    let r = match registration(&b, &u, pelita_domain::dates::latest_today(s.store.now())) {
        Ok(r) => r,
        Err(res) => return res,
    };

    match s.store.register_child(&actor, r).await {
        Ok(r) => (
            StatusCode::CREATED,
            Json(answer::Registered {
                case_id: r.case_id,
                child_id: r.child_id,
                reference: r.reference.to_string(),
            }),
        )
            .into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchBody {
    /// A name in any script, or a case reference.
    #[schema(max_length = 200)]
    query: String,
    /// What the searcher knows of the child: each hint orders children whose names fit
    /// equally well, and a record that contradicts it falls lower.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "female")]
    sex: Option<String>,
    /// Age in years (up to 30) or year of birth.
    #[serde(default)]
    age: Option<u32>,
    /// The country whose agency holds the case (two letters).
    #[serde(default)]
    #[schema(max_length = 2, example = "ID")]
    country: Option<String>,
}

impl SearchBody {
    /// The hints, or the field that is not one.
    fn hints(&self, today: NaiveDate) -> Result<pelita_domain::search::Hints, &'static str> {
        use pelita_domain::search::Hints;
        Ok(Hints {
            sex: Hints::parse_sex(self.sex.as_deref().unwrap_or("")).map_err(|_| "sex")?,
            age: match self.age {
                Some(n) => Hints::parse_age(&n.to_string(), today).map_err(|_| "age")?,
                None => None,
            },
            place: Hints::parse_place(self.country.as_deref().unwrap_or(""))
                .map_err(|_| "country")?,
        })
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/search",
    operation_id = "postSearch",
    request_body = inline(SearchBody),
    summary = "Children whose names match, across spelling variants and scripts, or the case a reference names: among those the token user may see, ranked with the hints, each with why it matched",
    responses(
        (status = 200, description = "OK", body = inline(SearchAnswer)),
        (status = 400, response = Problem),
        (status = 401, response = Problem),
        (status = 408, response = Problem),
        (status = 413, response = Problem),
        (status = 415, response = Problem),
        (status = 422, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
async fn search(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<SearchBody>,
) -> Response {
    if b.query.chars().count() > 200 {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too-long",
            "The query is too long",
        );
    }
    let hints = match b.hints(s.store.now().date_naive()) {
        Ok(h) => h,
        Err(field) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                &format!("{field} is not valid"),
            );
        }
    };
    match s
        .store
        .find_children(&Reader::from(&u), &b.query, &hints, 20)
        .await
    {
        Ok(f) => Json(SearchAnswer {
            results: f
                .found
                .into_iter()
                .map(|m| Found {
                    reasons: m.reasons.iter().map(|r| r.code()).collect(),
                    case_id: m.case_id,
                    reference: m.reference,
                    name: m.name,
                    score: m.score,
                })
                .collect(),
            more: f.more,
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

/// Children found, among the cases whose identity the caller may read (by reference: the
/// case, if the caller may open it).
#[derive(Serialize, ToSchema)]
pub struct SearchAnswer {
    results: Vec<Found>,
    /// More children fit as well as the last ones compared: a longer name or a hint narrows.
    more: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Found {
    case_id: String,
    reference: String,
    /// Absent where the caller opens the case but may not read the child's identity.
    name: Option<String>,
    /// How alike the names are, 0 to 1.
    score: f64,
    /// Why the child came up: `reference`, `name-same|variant|old-spelling|prefix|similar`,
    /// `sex-same|differs`, `age-same|differs`, `place-same|differs`.
    reasons: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CircumstancesBody {
    #[schema(value_type = pelita_domain::case::Association, inline)]
    association: String,
}

/// Records how the child came to be associated, for a case registered without it: the child
/// is a recognised victim from then on. Once recorded, 409.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/circumstances",
    operation_id = "putCasesByIdCircumstances",
    request_body = inline(CircumstancesBody),
    summary = "Record how the child came to be associated with a group, for a case registered without it: the child is recognised as a victim from then on (the lead worker or a supervisor)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Recorded; the child is a recognised victim"),
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
async fn record_circumstances(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CircumstancesBody>,
) -> Response {
    let meta = match may_change(&s, &u, &id, Change::Circumstances).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    if meta.victim.is_recognised() {
        return problem(
            StatusCode::CONFLICT,
            "already-recorded",
            "The circumstances are already recorded: the child is a recognised victim",
        );
    }
    let Some(association) = Association::parse(&b.association) else {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "association is not valid",
        );
    };
    let c = Circumstances {
        association,
        group: pelita_domain::case::GroupKind::Unknown,
        channels: Vec::new(),
        narrative: None,
    };
    match s.store.record_circumstances(&actor, &id, c).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

#[cfg(test)]
mod where_in_body_tests {
    use super::where_in_body;

    #[test]
    fn a_refused_body_is_described_by_its_fields_never_its_values() {
        let said = where_in_body(
            "Failed to deserialize the JSON body into the target type: identity.names.given: \
             invalid type: string \"Siti Aminah\", expected a sequence at line 1 column 40",
        );
        assert_eq!(
            said,
            "identity.names.given: a value of the wrong type or outside the allowed values \
             at line 1 column 40"
        );
        let said = where_in_body(
            "Failed to deserialize the JSON body into the target type: sex: unknown variant \
             `Perempuan Rahasia`, expected one of `female`, `male` at line 1 column 9",
        );
        assert!(
            !said.contains("Perempuan") && said.starts_with("sex: "),
            "{said}"
        );
        assert_eq!(
            where_in_body(
                "Failed to deserialize the JSON body into the target type: missing field `agency_id` at line 1 column 2"
            ),
            "missing field agency_id at line 1 column 2"
        );
    }
}

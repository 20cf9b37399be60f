//! Referrals over the API: a case's referrals and new ones (its lead worker and supervisor),
//! the receiving agency's inbox, and answers.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_domain::referral::ReferralStatus;
use pelita_domain::text::NoteText;
use pelita_store::{NewReferral, Readable, Reader, ReferralRecord};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, domain_problem, problem, store_problem};
use crate::AppState;

fn text(r: &Option<Readable<NoteText>>) -> Value {
    match r {
        Some(Readable::Present(n)) => json!(n.as_str()),
        Some(Readable::Erased { .. }) => json!({"erased": true}),
        None => Value::Null,
    }
}

/// A referral; its texts are null when absent, `{"erased": true}` once erased.
#[derive(Serialize, ToSchema)]
pub struct Referral {
    id: String,
    case_id: String,
    to_agency: String,
    #[schema(value_type = Vec<super::schema::WrittenSection>, inline)]
    sections: Vec<&'static str>,
    #[schema(value_type = super::schema::ReferralState, inline)]
    status: &'static str,
    reason: Value,
    created_by: String,
    created_at: String,
    consent_overridden_by: Option<String>,
    override_justification: Value,
    answered_by: Option<String>,
    answer: Value,
    feedback: Value,
}

/// The referrals of a case, or of an agency's inbox.
#[derive(Serialize, ToSchema)]
pub struct Referrals {
    referrals: Vec<Referral>,
}

fn referral_json(r: &ReferralRecord) -> Referral {
    Referral {
        id: r.id.clone(),
        case_id: r.case_id.clone(),
        to_agency: r.to_agency.clone(),
        sections: r.sections.iter().map(|s| s.as_str()).collect(),
        status: r.status.as_str(),
        reason: text(&Some(r.reason.clone())),
        created_by: r.created_by.clone(),
        created_at: r.created_at.to_rfc3339(),
        consent_overridden_by: r.override_by.clone(),
        override_justification: text(&r.override_justification),
        answered_by: r.answered_by.clone(),
        answer: text(&r.answer),
        feedback: text(&r.feedback),
    }
}

fn forbidden() -> Response {
    problem(
        StatusCode::FORBIDDEN,
        "forbidden",
        "Only the case's lead worker and supervisors refer it",
    )
}

/// The case's lead worker and supervisors manage its referrals.
async fn may_refer(s: &AppState, reader: &Reader, id: &str) -> Result<(), Response> {
    let meta = s.store.case_meta(id).await.map_err(store_problem)?;
    if meta.may_change(reader, Change::Refer) {
        Ok(())
    } else {
        Err(forbidden())
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/referrals",
    operation_id = "getCasesByIdReferrals",
    summary = "The referrals of a case, for its lead worker, team and supervisors",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Referrals)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn of_case(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = may_refer(&s, &Reader::from(&u), &id).await {
        return r;
    }
    match s.store.referrals_of_case(&id).await {
        Ok(list) => Json(Referrals {
            referrals: list.iter().map(referral_json).collect(),
        })
        .into_response(),
        Err(e) => store_problem(e),
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferBody {
    #[schema(max_length = 100)]
    to_agency: String,
    #[schema(value_type = Vec<super::schema::WrittenSection>, inline)]
    sections: Vec<String>,
    #[schema(value_type = super::schema::Note, inline)]
    reason: String,
    #[schema(value_type = super::schema::Note, inline)]
    #[serde(default)]
    override_justification: Option<String>,
}

fn note(raw: Option<&str>) -> Result<Option<NoteText>, Response> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NoteText::parse(s).map(Some).map_err(|e| domain_problem(&e)),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/referrals",
    operation_id = "postCasesByIdReferrals",
    request_body = inline(ReferBody),
    summary = "Refer a case to another agency, sharing only the chosen sections. Refused unless the consent ledger allows referral to the receiver's sector, or a supervisor gives an override justification (kept and audited). Never to security services",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Sent", body = inline(super::answer::Created)),
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
pub async fn create(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReferBody>,
) -> Response {
    if let Err(r) = may_refer(&s, &Reader::from(&u), &id).await {
        return r;
    }
    let mut sections = Vec::new();
    for raw in &b.sections {
        match Section::parse(raw) {
            Some(sec) => sections.push(sec),
            None => {
                return problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid",
                    "Unknown section",
                );
            }
        }
    }
    let reason = match note(Some(&b.reason)) {
        Ok(Some(r)) => r,
        Ok(None) => {
            return domain_problem(&pelita_domain::DomainError::Required { field: "reason" });
        }
        Err(r) => return r,
    };
    let override_justification = match note(b.override_justification.as_deref()) {
        Ok(o) => o,
        Err(r) => return r,
    };

    let r = NewReferral {
        to_agency: b.to_agency,
        sections,
        reason,
        override_justification,
    };
    match s.store.refer(&actor, &id, r).await {
        Ok(rid) => super::answer::created(rid),
        Err(pelita_store::StoreError::NotFound) => problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "No such case or receiving agency",
        ),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/referrals",
    operation_id = "getReferrals",
    summary = "Referrals to the caller's agency that wait for an answer or are in progress",
    responses(
        (status = 200, description = "OK", body = inline(Referrals)),
        (status = 401, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn inbox(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let reader = Reader::from(&u);
    let list = match &u.agency_id {
        Some(a) => match s.store.referrals_to(a).await {
            Ok(l) => l,
            Err(e) => return store_problem(e),
        },
        None => Vec::new(),
    };
    let referrals = list
        .iter()
        .filter(|r| r.may_answer(&reader))
        .map(referral_json)
        .collect();
    Json(Referrals { referrals }).into_response()
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    #[schema(value_type = super::schema::ReferralMove, inline)]
    to: String,
    #[schema(value_type = super::schema::Note, inline)]
    #[serde(default)]
    text: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/move",
    operation_id = "postReferralsByIdMove",
    request_body = inline(MoveBody),
    summary = "Accept or decline (a reason is required) a referral to your agency, or complete it (feedback is required)",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Done"),
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
pub async fn answer(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(rid): Path<String>,
    ApiJson(b): ApiJson<MoveBody>,
) -> Response {
    let r = match s.store.referral(&rid).await {
        Ok(r) => r,
        Err(e) => return store_problem(e),
    };
    if !r.may_answer(&Reader::from(&u)) {
        return problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Only the receiving agency answers a referral",
        );
    }
    let Some(to) = ReferralStatus::parse(&b.to) else {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "Unknown status",
        );
    };
    let text = match note(b.text.as_deref()) {
        Ok(t) => t,
        Err(r) => return r,
    };

    match s.store.move_referral(&actor, &rid, to, text).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => store_problem(e),
    }
}

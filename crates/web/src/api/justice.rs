//! Child justice over the API: `GET /api/v1/cases/{id}/justice`, `POST …/proceedings`,
//! `POST /api/v1/proceedings/{id}/diversion`, `POST /api/v1/proceedings/{id}/formal`,
//! `POST …/detentions`, `POST /api/v1/detentions/{id}/change`. Every write needs the justice
//! section allowed; the minimum-age gate and the diversion-first rule hold for every role.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::DomainError;
use pelita_domain::justice::proceeding::{DiversionAssessment, NewDetention, NewProceeding};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change as CaseChange;
use pelita_store::{DetentionChange, EndReason, JusticeTable, Readable, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, meta_and_grant, problem, problem_with, store_problem};
use crate::AppState;

async fn may_write(s: &AppState, u: &pelita_store::User, case_id: &str) -> Result<(), Response> {
    super::may_change(s, u, case_id, CaseChange::Justice)
        .await
        .map(|_| ())
}

/// A refusal; below the minimum age it names the protection pathway instead.
async fn refused(s: &AppState, case_id: &str, e: StoreError) -> Response {
    if let StoreError::Domain(DomainError::BelowMinimumAge) = e {
        let j = s
            .store
            .jurisdiction_of(case_id)
            .await
            .unwrap_or_else(|_| pelita_domain::justice::Jurisdiction::for_code("INTL"));
        return problem_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            "below-minimum-age",
            &DomainError::BelowMinimumAge.to_string(),
            json!({"macr": j.macr.value, "pathway": j.protection_pathway.text,
                   "source": j.protection_pathway.source}),
        );
    }
    store_problem(e)
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/justice",
    operation_id = "getCasesByIdJustice",
    summary = "The case's jurisdiction rules (with sources and certainty), proceedings, and detention register with each statutory clock evaluated now (justice section); while sealed (the case closed, or the child 18) and not opened by a court order, sealed is true and the lists are empty",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(JusticeAnswer)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 404, response = Problem),
        (status = 410, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Justice, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    let sections = match s.store.read_sections(&[g]).await {
        Ok(r) => r,
        Err(e) => return store_problem(e),
    };
    let sealed = sections.justice.is_none();
    let (proceedings, detentions) = sections.justice.unwrap_or_default();
    let j = match s.store.jurisdiction_of(&id).await {
        Ok(j) => j,
        Err(e) => return store_problem(e),
    };
    let tz = j.tz().unwrap_or(chrono_tz::UTC);
    let now = s.store.now();
    Json(JusticeAnswer {
        sealed,
        jurisdiction: json!({"code": j.code, "name": j.name, "time_zone": j.time_zone,
                         "macr": j.macr, "qualified_until": j.qualified_until,
                         "detention_min_age": j.detention_min_age,
                         "protection_pathway": j.protection_pathway}),
        proceedings: proceedings.iter().map(|p| json!({
            "id": p.id, "forum": p.forum.as_str(), "status": p.status,
            "offence": match &p.offence { Readable::Present(o) => json!(o), Readable::Erased { .. } => json!({"erased": true}) },
            "legal_aid": p.legal_aid, "parents_notified": p.parents_notified,
            "diversion": match &p.diversion {
                Some(Readable::Present(a)) => json!(a),
                Some(Readable::Erased { .. }) => json!({"erased": true}),
                None => json!(null),
            },
            "opened_at": p.opened_at.to_rfc3339(),
            "agreement": match &p.agreement {
                Some(Readable::Present(a)) => json!(a),
                Some(Readable::Erased { .. }) => json!({"erased": true}),
                None => json!(null),
            },
            "completed_on": p.completed_on.map(|d| d.to_string()),
            "breach_on": p.breach_on.map(|d| d.to_string()),
            "breach_action_due": p.breach_action_due.map(|d| d.to_string()),
        })).collect(),
        detentions: detentions.iter().map(|d| {
            let clocks: Vec<Value> = j.clocks_for_episode(d.stage, &d.times()).map(|rule| {
                let c = rule.evaluate(tz, &d.times(), now);
                json!({"rule": rule.rule, "due": c.due.to_rfc3339(), "state": c.state.as_str(),
                       "at_expiry": rule.at_expiry.as_str(), "source": rule.source,
                       "certainty": rule.certainty.as_str()})
            }).collect();
            json!({
                "id": d.id, "stage": d.stage.as_str(), "started_at": d.started_at.to_rfc3339(),
                "separated_from_adults": d.separated_from_adults, "parents_notified": d.parents_notified,
                "details": match &d.details { Some(Readable::Present(x)) => json!(x), Some(Readable::Erased { .. }) => json!({"erased": true}), None => json!(null) },
                "extended_at": d.extended_at.map(|t| t.to_rfc3339()),
                "last_review_at": d.last_review_at.map(|t| t.to_rfc3339()),
                "ended_at": d.ended_at.map(|t| t.to_rfc3339()), "end_reason": d.end_reason,
                "clocks": clocks,
            })
        }).collect(),
    })
    .into_response()
}

/// A case's justice section: the jurisdiction's rules, proceedings and detentions (empty while
/// sealed).
#[derive(Serialize, ToSchema)]
pub struct JusticeAnswer {
    sealed: bool,
    #[schema(value_type = Object)]
    jurisdiction: Value,
    proceedings: Vec<Value>,
    detentions: Vec<Value>,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/proceedings",
    operation_id = "postCasesByIdProceedings",
    request_body = NewProceeding,
    summary = "Open criminal proceedings. Refused (422 below-minimum-age, with the jurisdiction's protection pathway) for a child who is or could be below the minimum age of criminal responsibility at the alleged offence, whatever the caller's role. Anything but a court for children alerts the case's supervisors",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Created", body = inline(super::answer::Created)),
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
pub async fn open(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(p): ApiJson<NewProceeding>,
) -> Response {
    if let Err(r) = may_write(&s, &u, &id).await {
        return r;
    }
    match s.store.open_proceeding(&actor, &id, p).await {
        Ok(pid) => super::answer::created(pid),
        Err(e) => refused(&s, &id, e).await,
    }
}

async fn case_of(
    s: &AppState,
    u: &pelita_store::User,
    table: JusticeTable,
    id: &str,
) -> Result<String, Response> {
    let case_id = s
        .store
        .justice_case(table, id)
        .await
        .map_err(store_problem)?;
    may_write(s, u, &case_id).await?;
    Ok(case_id)
}

#[utoipa::path(
    post,
    path = "/api/v1/proceedings/{id}/diversion",
    operation_id = "postProceedingsByIdDiversion",
    request_body = inline(DiversionAssessment),
    summary = "Record the diversion assessment (before formal proceedings)",
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
pub async fn diversion(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(pid): Path<String>,
    ApiJson(a): ApiJson<DiversionAssessment>,
) -> Response {
    let case_id = match case_of(&s, &u, JusticeTable::Proceeding, &pid).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match s.store.record_diversion(&actor, &pid, a).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &case_id, e).await,
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/proceedings/{id}/formal",
    operation_id = "postProceedingsByIdFormal",
    summary = "Move to formal proceedings: refused (422 diversion-first) without a diversion assessment, where the law makes the attempt mandatory and it was not made, or while a diversion agreement stands",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Moved"),
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
pub async fn formal(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(pid): Path<String>,
) -> Response {
    let case_id = match case_of(&s, &u, JusticeTable::Proceeding, &pid).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match s.store.go_formal(&actor, &pid).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &case_id, e).await,
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/detentions",
    operation_id = "postCasesByIdDetentions",
    request_body = NewDetention,
    summary = "Register a detention episode (Havana r.20–21): order, legal basis, alternatives considered, best-interests justification, place, separation from adults, parents notified. Refused for a child who could be below the minimum age of criminal responsibility or of detention",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 201, description = "Created", body = inline(super::answer::Created)),
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
pub async fn detain(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(d): ApiJson<NewDetention>,
) -> Response {
    if let Err(r) = may_write(&s, &u, &id).await {
        return r;
    }
    match s.store.start_detention(&actor, &id, d).await {
        Ok(did) => super::answer::created(did),
        Err(e) => refused(&s, &id, e).await,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    #[schema(value_type = super::schema::DetentionChange, inline)]
    change: String,
    #[schema(value_type = super::schema::MaybeNote, inline)]
    #[serde(default)]
    order: Option<pelita_domain::text::NoteText>,
}

#[utoipa::path(
    post,
    path = "/api/v1/detentions/{id}/change",
    operation_id = "postDetentionsByIdChange",
    request_body = inline(Change),
    summary = "Extend (with the order), record a review of legality, release, or transfer an open episode",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Changed"),
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
pub async fn change(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(did): Path<String>,
    ApiJson(c): ApiJson<Change>,
) -> Response {
    let case_id = match case_of(&s, &u, JusticeTable::Detention, &did).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let change = match (c.change.as_str(), c.order) {
        ("extend", Some(o)) => DetentionChange::Extend(o),
        ("extend", None) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "required",
                "An extension needs its order",
            );
        }
        ("review", _) => DetentionChange::Review,
        ("release", _) => DetentionChange::End(EndReason::Released),
        ("transfer", _) => DetentionChange::End(EndReason::Transferred),
        _ => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "change is extend, review, release or transfer",
            );
        }
    };
    match s.store.change_detention(&actor, &did, change).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &case_id, e).await,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Expunge {
    #[schema(value_type = super::schema::Note, inline)]
    order: pelita_domain::text::NoteText,
}

/// A court order on the justice records (a supervisor or a justice officer): expunge, or open
/// sealed records for 30 days.
async fn court_order(
    s: &AppState,
    (u, actor): (&pelita_store::User, &pelita_store::Actor),
    id: &str,
    order: pelita_domain::text::NoteText,
    expunge: bool,
) -> Response {
    let change = if expunge {
        CaseChange::Expunge
    } else {
        CaseChange::CourtOrder
    };
    if let Err(r) = super::may_change(s, u, id, change).await {
        return r;
    }
    let done = if expunge {
        s.store.expunge_justice(actor, id, order).await
    } else {
        s.store.open_sealed_justice(actor, id, order).await
    };
    match done {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(s, id, e).await,
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/justice/expunge",
    operation_id = "postCasesByIdJusticeExpunge",
    request_body = inline(Expunge),
    summary = "Expunge the case's justice records on a court order (a supervisor or a justice officer): the justice section's key is destroyed (crypto-erasure), proceedings, detention episodes and justice notes are deleted; audited with counts only",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Expunged"),
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
pub async fn expunge(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Expunge>,
) -> Response {
    court_order(&s, (&u, &actor), &id, b.order, true).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: chrono::NaiveDate,
    #[schema(value_type = super::schema::ContactKind, inline)]
    kind: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/family-contacts",
    operation_id = "postCasesByIdFamilyContacts",
    request_body = inline(Contact),
    summary = "Record a family contact of a detained child (Havana r.60–61): date and kind",
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
pub async fn family_contact(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(c): ApiJson<Contact>,
) -> Response {
    if let Err(r) = may_write(&s, &u, &id).await {
        return r;
    }
    let Some(kind) = pelita_store::ContactKind::parse(&c.kind) else {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "kind is visit, call or letter",
        );
    };
    match s.store.record_family_contact(&actor, &id, c.on, kind).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &id, e).await,
    }
}

/// The child-justice indicators: a supervisor sees the agency's, researchers, auditors and
/// administrators the deployment's. Aggregates only.
#[utoipa::path(
    get,
    path = "/api/v1/indicators/justice",
    operation_id = "getIndicatorsJustice",
    summary = "Child-justice indicators from the register's facts (no sealed content): children in detention and in pre-sentence detention, pre-sentence days (mean, median), % diverted, % custodial sentences, % not wholly separated from adults, % with family contact in the last 3 months, % of episodes that reached a statutory limit without release. A supervisor sees the agency's; researchers, auditors and administrators the deployment's",
    responses(
        (status = 200, description = "OK", body = inline(pelita_domain::justice::indicators::Indicators)),
        (status = 401, response = Problem),
        (status = 403, response = Problem),
        (status = 500, response = Problem),
        Limited,
    ),
    security(("bearer" = [])),
)]
pub async fn indicators(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let scope = match super::indicator_scope(&u) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match s.store.justice_indicators(scope).await {
        Ok(i) => Json(i).into_response(),
        Err(e) => store_problem(e),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/justice/open",
    operation_id = "postCasesByIdJusticeOpen",
    request_body = inline(Expunge),
    summary = "Record the court order that opens sealed justice records (the case closed, or the child 18) for 30 days (a supervisor or a justice officer); audited",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 204, description = "Opened"),
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
pub async fn open_sealed(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Expunge>,
) -> Response {
    court_order(&s, (&u, &actor), &id, b.order, false).await
}

#[utoipa::path(
    post,
    path = "/api/v1/proceedings/{id}/agreement",
    operation_id = "postProceedingsByIdAgreement",
    request_body = inline(pelita_domain::justice::proceeding::Agreement),
    summary = "Record the diversion agreement (conditions, who monitors, until when) of proceedings whose diversion assessment reached one",
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
pub async fn agreement(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(pid): Path<String>,
    ApiJson(a): ApiJson<pelita_domain::justice::proceeding::Agreement>,
) -> Response {
    let case_id = match case_of(&s, &u, JusticeTable::Proceeding, &pid).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match s.store.set_agreement(&actor, &pid, a).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &case_id, e).await,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementEventBody {
    #[schema(value_type = super::schema::AgreementEvent, inline)]
    event: String,
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: chrono::NaiveDate,
}

#[utoipa::path(
    post,
    path = "/api/v1/proceedings/{id}/agreement/event",
    operation_id = "postProceedingsByIdAgreementEvent",
    request_body = inline(AgreementEventBody),
    summary = "The agreement was completed, or breached on a date: a breach is a task for the case's holders, due when the jurisdiction requires action (Indonesia: 7 days), and lets formal proceedings resume",
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
pub async fn agreement_event(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(pid): Path<String>,
    ApiJson(b): ApiJson<AgreementEventBody>,
) -> Response {
    let case_id = match case_of(&s, &u, JusticeTable::Proceeding, &pid).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let event = match b.event.as_str() {
        "completed" => pelita_store::AgreementEvent::Completed,
        "breached" => pelita_store::AgreementEvent::Breached,
        _ => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "event is completed or breached",
            );
        }
    };
    match s.store.agreement_event(&actor, &pid, event, b.on).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused(&s, &case_id, e).await,
    }
}

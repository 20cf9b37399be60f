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
use serde::Deserialize;
use serde_json::{Value, json};

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
    Json(json!({
        "sealed": sealed,
        "jurisdiction": {"code": j.code, "name": j.name, "time_zone": j.time_zone,
                         "macr": j.macr, "qualified_until": j.qualified_until,
                         "detention_min_age": j.detention_min_age,
                         "protection_pathway": j.protection_pathway},
        "proceedings": proceedings.iter().map(|p| json!({
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
        })).collect::<Vec<_>>(),
        "detentions": detentions.iter().map(|d| {
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
        }).collect::<Vec<_>>(),
    }))
    .into_response()
}

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
        Ok(pid) => (StatusCode::CREATED, Json(json!({"id": pid}))).into_response(),
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
        Ok(did) => (StatusCode::CREATED, Json(json!({"id": did}))).into_response(),
        Err(e) => refused(&s, &id, e).await,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    change: String,
    #[serde(default)]
    order: Option<pelita_domain::text::NoteText>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expunge {
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

pub async fn expunge(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Expunge>,
) -> Response {
    court_order(&s, (&u, &actor), &id, b.order, true).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    on: chrono::NaiveDate,
    kind: String,
}

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
pub async fn indicators(State(s): State<AppState>, ApiUser(u): ApiUser) -> Response {
    let scope = match super::indicator_scope(&u) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match s.store.justice_indicators(scope).await {
        Ok(i) => Json(json!(i)).into_response(),
        Err(e) => store_problem(e),
    }
}

pub async fn open_sealed(
    State(s): State<AppState>,
    ApiWriter(u, actor): ApiWriter,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Expunge>,
) -> Response {
    court_order(&s, (&u, &actor), &id, b.order, false).await
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementEventBody {
    event: String,
    on: chrono::NaiveDate,
}

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

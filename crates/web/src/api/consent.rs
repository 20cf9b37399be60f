//! The consent ledger over the API: `GET` and `POST /api/v1/cases/{id}/consents`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::consent::{self, AgeRules, ChildVoice, Decision, Giver, Party, Standing};
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_domain::text::NoteText;
use pelita_store::{Readable, Reader, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::doc::{Limited, Problem};
use super::{ApiJson, ApiUser, ApiWriter, domain_problem, meta_and_grant, problem, store_problem};
use crate::AppState;
use crate::pages::consent::{parse_entry, purposes};

/// A case's consent ledger: the age rules, where each purpose stands, and every entry.
#[derive(Serialize, ToSchema)]
pub struct Ledger {
    #[schema(inline)]
    rules: AgeRules,
    #[schema(inline)]
    standing: Vec<PurposeStanding>,
    #[schema(inline)]
    entries: Vec<LedgerEntry>,
}

#[derive(Serialize, ToSchema)]
pub struct PurposeStanding {
    /// `Purpose::key`.
    purpose: String,
    allows: bool,
    #[schema(inline)]
    child_voice: ChildVoice,
    #[schema(inline)]
    parties: Vec<PartyStanding>,
}

#[derive(Serialize, ToSchema)]
pub struct PartyStanding {
    #[schema(inline)]
    party: Party,
    #[schema(schema_with = pelita_domain::openapi::consent_standing)]
    standing: Standing,
}

#[derive(Serialize, ToSchema)]
pub struct LedgerEntry {
    id: String,
    /// `Purpose::key`.
    purpose: String,
    #[schema(inline)]
    giver: Giver,
    #[schema(inline)]
    decision: Decision,
    on: String,
    expires: Option<String>,
    recorded_by: String,
    recorded_at: String,
    /// The note, `{"erased": true}` once erased, or null.
    note: Value,
}

#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/consents",
    operation_id = "getCasesByIdConsents",
    summary = "The consent ledger of a case (participation section): where each purpose stands today for the child and the caregiver, by the child's age, and every entry",
    params(("id" = String, Path, max_length = 100)),
    responses(
        (status = 200, description = "OK", body = inline(Ledger)),
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
) -> Response {
    let g = match meta_and_grant(&s, &u, &id, Section::Participation, None).await {
        Ok((_, g)) => g,
        Err(r) => return r,
    };
    let ledger = match s.store.read_consents(&g).await {
        Ok(l) => l,
        Err(e) => return store_problem(e),
    };
    // Assessment always (it comes first in the journey), and every purpose with an entry.
    let wanted: Vec<consent::Purpose> = purposes()
        .into_iter()
        .filter(|p| {
            *p == consent::Purpose::Assessment || ledger.iter().any(|r| r.entry.purpose == *p)
        })
        .collect();
    let (rules, statuses) = match s.store.consent_statuses(&id, &wanted).await {
        Ok(x) => x,
        Err(e) => return store_problem(e),
    };
    let standing = wanted
        .iter()
        .zip(statuses)
        .map(|(p, st)| PurposeStanding {
            purpose: p.key(),
            allows: st.allows(),
            child_voice: st.voice,
            parties: st
                .parties
                .iter()
                .map(|&(party, standing)| PartyStanding { party, standing })
                .collect(),
        })
        .collect();
    let entries = ledger
        .iter()
        .map(|r| LedgerEntry {
            id: r.id.clone(),
            purpose: r.entry.purpose.key(),
            giver: r.entry.giver,
            decision: r.entry.decision,
            on: r.entry.on.to_string(),
            expires: r.entry.expires.map(|d| d.to_string()),
            recorded_by: r.recorded_by.clone(),
            recorded_at: r.recorded_at.to_rfc3339(),
            note: match &r.note {
                Some(Readable::Present(n)) => json!(n.as_str()),
                Some(Readable::Erased { .. }) => json!({"erased": true}),
                None => Value::Null,
            },
        })
        .collect();
    Json(Ledger {
        rules,
        standing,
        entries,
    })
    .into_response()
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentBody {
    #[schema(value_type = super::schema::ConsentPurpose, inline)]
    purpose: String,
    #[schema(value_type = pelita_domain::consent::Giver, inline)]
    giver: String,
    #[schema(value_type = pelita_domain::consent::Decision, inline)]
    decision: String,
    #[schema(value_type = super::schema::RecordDate, inline)]
    on: String,
    #[schema(value_type = super::schema::RecordDate, inline)]
    #[serde(default)]
    expires: Option<String>,
    #[schema(value_type = super::schema::LooseNote, inline)]
    #[serde(default)]
    note: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/consents",
    operation_id = "postCasesByIdConsents",
    request_body = inline(ConsentBody),
    summary = "Add an entry to the consent ledger. Entries are never changed; a withdrawal is an entry of its own. Refused: a date in the future, an expiry before the date, withdrawing what was never given",
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
    ApiJson(b): ApiJson<ConsentBody>,
) -> Response {
    let meta = match s.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return store_problem(e),
    };
    if !meta.may_change(&Reader::from(&u), Change::Consent) {
        return super::forbidden_change();
    }
    let entry = match parse_entry(
        &b.purpose,
        &b.giver,
        &b.decision,
        &b.on,
        b.expires.as_deref().unwrap_or(""),
    ) {
        Ok(e) => e,
        Err(_) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "purpose, giver, decision and dates (YYYY-MM-DD) must be valid",
            );
        }
    };
    let note = match b.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        None => None,
        Some(n) => match NoteText::parse(n) {
            Ok(n) => Some(n),
            Err(e) => return domain_problem(&e),
        },
    };

    match s.store.record_consent(&actor, &id, entry, note).await {
        Ok(entry) => super::answer::created(entry),
        Err(StoreError::Conflict(_)) => problem(
            StatusCode::CONFLICT,
            "nothing-to-withdraw",
            "There is no consent from this person for this purpose to withdraw",
        ),
        Err(e) => store_problem(e),
    }
}

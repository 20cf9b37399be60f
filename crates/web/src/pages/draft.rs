//! Drafts of long forms (the assessment, the plan, the conference record): while a person
//! types, the page's script (`static/forms.js`) saves the form's fields here every 15 seconds
//! after a change — on the server, sealed, for that person, case and form, never in the
//! browser (devices are shared) — and when the form is opened again a draft is offered back.
//! Saving the form for real deletes it (`pages::resume::forms` calls [`saved`]). Without
//! JavaScript none of this runs and the forms work as before.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_store::{Actor, Store, StoreError};
use serde_json::json;

use super::posted_one;
use crate::auth::Ctx;
use crate::error;
use crate::view::Form;

/// The forms that keep a draft: the name a form opts in with (`data-draft="…"`), and where
/// under `/cases/{id}/` it posts.
const FORMS: [(&str, &str); 3] = [
    ("assessment", "assessments"),
    ("plan", "plan"),
    ("conference", "conferences"),
];

fn known(form: &str) -> Option<&'static str> {
    FORMS.iter().find(|(f, _)| *f == form).map(|(f, _)| *f)
}

/// After a form was saved (answered 303) at `path`: the person's draft of it is done with.
pub async fn saved(store: &Store, actor: &Actor, path: &str) {
    let mut parts = path.trim_start_matches('/').split('/');
    let (Some("cases"), Some(case), Some(tail), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let Some((form, _)) = FORMS.iter().find(|(_, p)| *p == tail) else {
        return;
    };
    // Most saves have no draft: a read, not a write, finds out.
    if let Ok(Some(_)) = store.draft(actor, case, form).await
        && let Err(e) = store.discard_draft(actor, case, form, true).await
    {
        tracing::warn!(error = %e, "the draft of a saved form could not be deleted");
    }
}

#[derive(serde::Deserialize)]
pub struct Which {
    #[serde(default)]
    draft: String,
}

/// The signed-in person's draft of a form on a case, to offer back (`null` when there is
/// none), with the words the script shows about drafts in the reader's language.
pub async fn show(ctx: Ctx, Path(id): Path<String>, Query(q): Query<Which>) -> Response {
    let t = &ctx.t;
    let Some(form) = known(&q.draft) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let draft = match ctx.store.draft(ctx.actor(), &id, form).await {
        Ok(Some(d)) => {
            let when = t.local_datetime(d.saved_at, super::zone::zone(&ctx).await);
            json!({"offer": t.with("draft-offer", &[("when", when)]), "fields": d.fields})
        }
        Ok(None) => serde_json::Value::Null,
        Err(e) => return failed(&ctx, e),
    };
    let labels: serde_json::Map<String, serde_json::Value> = [
        ("restore", "draft-restore"),
        ("discard", "draft-discard"),
        ("saved", "draft-saved"),
        ("failed", "draft-not-saved"),
        ("signed_out", "draft-signed-out"),
    ]
    .into_iter()
    .map(|(k, key)| (k.to_owned(), t.get(key).into()))
    .collect();
    axum::Json(json!({"draft": draft, "labels": labels})).into_response()
}

/// Saves the signed-in person's draft: the form's fields as posted, with its CSRF token and
/// the form's name (`draft`).
pub async fn save(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let form = match posted_form(&ctx, &body) {
        Ok(f) => f,
        Err(refused) => return *refused,
    };
    let fields: Vec<(String, String)> = body
        .into_iter()
        .filter(|(k, _)| k != "csrf" && k != "draft")
        .collect();
    match ctx.store.save_draft(ctx.actor(), &id, form, &fields).await {
        Ok(()) => axum::Json(json!({"status": ctx.t.get("draft-saved")})).into_response(),
        Err(e) => failed(&ctx, e),
    }
}

/// Discards the signed-in person's draft of a form on a case.
pub async fn discard(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let form = match posted_form(&ctx, &body) {
        Ok(f) => f,
        Err(refused) => return *refused,
    };
    match ctx.store.discard_draft(ctx.actor(), &id, form, false).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => failed(&ctx, e),
    }
}

/// The form a posted draft is of, once its CSRF token is checked (first, before anything is
/// looked at); otherwise the refusal.
fn posted_form(ctx: &Ctx, body: &[(String, String)]) -> Result<&'static str, Box<Response>> {
    if !ctx.csrf_ok(posted_one(body, "csrf")) {
        return Err(Box::new(ctx.csrf_failed()));
    }
    known(posted_one(body, "draft")).ok_or_else(|| {
        Box::new(error::page(
            &ctx.t,
            StatusCode::NOT_FOUND,
            "error-not-found",
        ))
    })
}

/// A draft not saved or read, said in the reader's language for the script to show.
fn failed(ctx: &Ctx, e: StoreError) -> Response {
    let status = match &e {
        StoreError::Domain(pelita_domain::DomainError::TooLong { .. }) => {
            StatusCode::PAYLOAD_TOO_LARGE
        }
        StoreError::NotFound => StatusCode::NOT_FOUND,
        StoreError::Erased => StatusCode::GONE,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    };
    if status == StatusCode::SERVICE_UNAVAILABLE {
        tracing::warn!(error = %e, "a draft could not be saved or read");
    }
    let body = json!({"status": ctx.t.get("draft-not-saved")});
    (status, axum::Json(body)).into_response()
}

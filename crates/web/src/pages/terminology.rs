//! The terminology guard while a person types: the page's script (`static/forms.js`) sends a
//! free-text field's words here a moment after typing stops, and shows the findings beside
//! the field and again by the form's save button, in the reader's language. The words are
//! checked and forgotten: never stored, never logged.

use axum::response::{IntoResponse, Response};
use pelita_domain::terminology::Guard;
use serde_json::json;

use crate::auth::Ctx;
use crate::view::Form;

/// The most of a field the guard reads (the longest free-text field the forms accept).
const MAX_CHARS: usize = 20_000;

#[derive(serde::Deserialize)]
pub struct Typed {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// The guard's findings in `text`, as sentences in the reader's language, and the heading the
/// script shows them under by the save button.
pub async fn check(ctx: Ctx, Form(f): Form<Typed>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let text: String = f.text.chars().take(MAX_CHARS).collect();
    let warnings = super::guard_warnings(&ctx.t, Guard::builtin(), &text);
    axum::Json(json!({
        "warnings": warnings,
        "title": ctx.t.get("guard-live-title"),
    }))
    .into_response()
}

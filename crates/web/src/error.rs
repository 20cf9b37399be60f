//! Error pages and problem documents. Messages come from the translations and never carry
//! personal data; causes go to the log without it.

use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pelita_domain::DomainError;
use pelita_store::StoreError;

use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    t: &'a Tr,
    message: String,
}

/// An error page in the reader's language.
pub fn page(t: &Tr, status: StatusCode, key: &str) -> Response {
    let body = ErrorPage {
        t,
        message: t.get(key),
    }
    .render()
    .unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

pub async fn not_found(headers: HeaderMap) -> Response {
    let t = Tr::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    page(&t, StatusCode::NOT_FOUND, "error-not-found")
}

/// The translation key for a refusal by a domain rule.
pub fn domain_key(e: &DomainError) -> String {
    format!("error-{}", e.code())
}

/// A store failure as a page: refusals name the rule, anything else is logged and shown as a
/// generic error (nothing was saved).
pub fn store(t: &Tr, e: StoreError) -> Response {
    match e {
        StoreError::Domain(d) => page(t, StatusCode::UNPROCESSABLE_ENTITY, &domain_key(&d)),
        StoreError::NotFound => page(t, StatusCode::NOT_FOUND, "error-not-found"),
        StoreError::Erased => page(t, StatusCode::GONE, "erased"),
        StoreError::Conflict(_) => page(t, StatusCode::CONFLICT, "error-invalid"),
        StoreError::Forbidden => page(t, StatusCode::FORBIDDEN, "error-forbidden"),
        StoreError::Halted => page(t, StatusCode::SERVICE_UNAVAILABLE, "error-halted"),
        other => {
            tracing::error!(error = %other, "request failed");
            page(t, StatusCode::INTERNAL_SERVER_ERROR, "error-generic")
        }
    }
}

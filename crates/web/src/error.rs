//! Error pages and problem documents. Messages come from the translations and never carry
//! personal data; causes go to the log without it.

use askama::Template;
use axum::body::HttpBody;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
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

/// Every refusal explains itself. An error answer without a body — 405 from routing; 408,
/// 413, 429 and 503 from the limits at the edges (`serve`) — gets a problem document under
/// `/api` and a page in the reader's language elsewhere, keeping its headers (`Allow`,
/// `Retry-After`).
pub async fn explain(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || res.headers().contains_key(header::CONTENT_TYPE)
        || res.body().size_hint().exact() != Some(0)
    {
        return res;
    }
    let (code, title, key) = meaning(status);
    let filled = if api {
        crate::api::problem(status, code, title)
    } else {
        page(&Tr::negotiate(lang.as_deref()), status, key)
    };
    let (mut parts, _) = res.into_parts();
    let (filled, body) = filled.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.extend(filled.headers);
    Response::from_parts(parts, body)
}

/// The problem code, its title and the page's message for a bare status.
fn meaning(status: StatusCode) -> (&'static str, &'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("not-found", "Not found", "error-not-found"),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method-not-allowed",
            "This endpoint does not accept this method (see Allow)",
            "error-method-not-allowed",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "request-timeout",
            "The request did not arrive in time; nothing was saved",
            "error-timeout",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => ("too-large", "The body is too large", "error-too-large"),
        StatusCode::TOO_MANY_REQUESTS => (
            "too-many-requests",
            "Too many requests from this address; nothing was saved (see Retry-After)",
            "error-too-many-requests",
        ),
        StatusCode::SERVICE_UNAVAILABLE => (
            "busy",
            "Pelita is busy; nothing was saved (see Retry-After)",
            "error-busy",
        ),
        s if s.is_server_error() => (
            "internal",
            "Something went wrong; nothing was saved",
            "error-generic",
        ),
        _ => ("invalid", "The request is not valid", "error-invalid"),
    }
}

/// A path that does not decode to UTF-8 names nothing here: 404 like any other unknown path
/// (a path parameter's extractor would answer a plain-text 400).
pub async fn utf8_path(req: Request, next: Next) -> Response {
    if percent_encoding::percent_decode_str(req.uri().path())
        .decode_utf8()
        .is_err()
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    next.run(req).await
}

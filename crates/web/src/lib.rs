//! Pelita over HTTP: server-rendered pages (every form works without JavaScript), a JSON API
//! under `/api/v1`, sessions and tokens, six languages.
//!
//! Handlers are thin: authenticate (→ a `Reader`), parse input into domain types, ask the
//! policy for a grant, call the store, render.

mod api;
pub use api::openapi_document;
mod auth;
pub use auth::SESSION_COOKIE;
mod error;
pub mod i18n;
mod pages;
mod serve;
pub use serve::{Limits, Rate, serve};
mod view;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use pelita_store::Store;
use serde_json::json;

/// Deployment choices that change how people sign in.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Require a second factor for every role that reads sensitive sections.
    pub second_factor: bool,
    /// Sessions end after this long without a request.
    pub idle: Duration,
    /// Sessions end this long after sign-in, whatever happens.
    pub absolute: Duration,
    /// Demonstration deployment: a banner says so on every page.
    pub demo: bool,
    /// Served over TLS (directly or behind a proxy): send HSTS.
    pub tls: bool,
    /// Assessment instruments in use: the default, and any versions the deployment added.
    pub instruments: Vec<pelita_domain::assessment::Instrument>,
    /// Warn before another interview of a child within this many days of the last.
    pub repeat_interview_days: i64,
    /// How long tasks may wait, by the case's priority.
    pub response_times: pelita_domain::task::ResponseTimes,
}

impl WebConfig {
    /// The instrument a new assessment uses, and plans name their domains after: the newest
    /// version of Pelita's resilience and needs assessment.
    pub fn current_instrument(&self) -> &pelita_domain::assessment::Instrument {
        self.newest("resilience-needs")
            .unwrap_or(&self.instruments[0])
    }

    /// The newest version of an instrument.
    pub fn newest(&self, id: &str) -> Option<&pelita_domain::assessment::Instrument> {
        self.instruments
            .iter()
            .filter(|i| i.id == id)
            .max_by_key(|i| i.version)
    }

    /// The newest version of the first instrument for a section (the family assessment).
    pub fn instrument_for(
        &self,
        section: pelita_domain::policy::Section,
    ) -> Option<&pelita_domain::assessment::Instrument> {
        let id = &self.instruments.iter().find(|i| i.section == section)?.id;
        self.newest(id)
    }
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            second_factor: true,
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
            demo: false,
            tls: false,
            instruments: pelita_domain::assessment::Instrument::defaults(),
            repeat_interview_days: 30,
            response_times: pelita_domain::task::ResponseTimes::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> AppState {
        AppState {
            store,
            config: Arc::new(config),
        }
    }
}

/// Forms and JSON bodies larger than this are refused with 413.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn router(state: AppState) -> Router {
    let tls = state.config.tls;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/static/app.css", get(css))
        .route("/static/htmx.min.js", get(htmx))
        .route("/static/skip.js", get(skip))
        .route("/", get(|| async { axum::response::Redirect::to("/work") }))
        .route("/signin", get(auth::signin_page).post(auth::signin))
        .route("/signin/totp", get(auth::totp_page).post(auth::totp_verify))
        .route("/totp/enrol", get(auth::enrol_page).post(auth::enrol))
        .route("/signout", post(auth::signout))
        .route("/work", get(pages::work::page))
        .route(
            "/register",
            get(pages::register::page).post(pages::register::submit),
        )
        .route("/cases/{id}", get(pages::case::page))
        .route("/cases/{id}/viewers", get(pages::case::viewers))
        .route("/cases/{id}/open", post(pages::case::open_section))
        .route("/cases/{id}/notes", post(pages::case::add_note))
        .route("/cases/{id}/consents", post(pages::consent::record))
        .route("/alerts/read", post(pages::work::alerts_read))
        .route("/cases/{id}/plan", post(pages::plan::save))
        .route("/cases/{id}/plan/approve", post(pages::plan::approve))
        .route("/followups/{id}", post(pages::plan::record_followup))
        .route("/cases/{id}/plan/actions", post(pages::plan::update_action))
        .route("/cases/{id}/conferences", post(pages::conference::record))
        .route(
            "/cases/{id}/conferences/staff",
            post(pages::conference::staff),
        )
        .route("/cases/{id}/household", post(pages::family::save))
        .route("/cases/{id}/interviews", post(pages::interview::record))
        .route("/cases/{id}/proceedings", post(pages::justice::open))
        .route("/proceedings/{id}", post(pages::justice::proceeding_step))
        .route(
            "/proceedings/{id}/agreement",
            post(pages::justice::agreement),
        )
        .route("/cases/{id}/detentions", post(pages::justice::detain))
        .route("/detentions/{id}", post(pages::justice::change))
        .route("/cases/{id}/justice/expunge", post(pages::justice::expunge))
        .route("/cases/{id}/report", get(pages::report::page))
        .route("/indicators", get(pages::indicators::page))
        .route(
            "/cases/{id}/abroad",
            get(pages::abroad::page).post(pages::abroad::post),
        )
        .route("/cases/{id}/abroad/open", post(pages::abroad::open))
        .route(
            "/cases/{id}/justice/open",
            post(pages::justice::open_sealed),
        )
        .route(
            "/cases/{id}/family-contacts",
            post(pages::justice::family_contact),
        )
        .route("/tasks/{id}/done", post(pages::work::task_done))
        .route(
            "/cases/{id}/assessments",
            get(pages::assessment::form).post(pages::assessment::record),
        )
        .route("/cases/{id}/referrals", post(pages::referral::create))
        .route("/referrals/{id}/move", post(pages::referral::answer))
        .route("/cases/{id}/identity", post(pages::case::edit_identity))
        .route(
            "/cases/{id}/circumstances",
            post(pages::case::record_circumstances),
        )
        .route("/cases/{id}/move", post(pages::case::move_case))
        .route(
            "/search",
            get(pages::search::page).post(pages::search::search),
        )
        .route("/profile", get(pages::profile::page))
        .route("/profile/password", post(pages::profile::password))
        .route("/profile/sessions", post(pages::profile::end_others))
        .route("/profile/language", post(pages::profile::language))
        .route("/admin", get(pages::admin::page))
        .route("/admin/users", post(pages::admin::create_user))
        .route("/admin/users/disable", post(pages::admin::disable_user))
        .route("/admin/agencies", post(pages::admin::create_agency))
        .route("/admin/jurisdictions", post(pages::admin::override_rule))
        .route("/audit", get(pages::audit::page))
        .route("/resume/{id}", get(pages::resume::page))
        .route("/resume/{id}/discard", post(pages::resume::discard))
        .route(
            "/cases/{id}/drafts",
            get(pages::draft::show).post(pages::draft::save),
        )
        .route("/cases/{id}/drafts/discard", post(pages::draft::discard))
        .route("/terminology", post(pages::terminology::check))
        .route("/static/forms.js", get(forms_js))
        .nest("/api/v1", api::router())
        .fallback(error::not_found)
        .with_state(state.clone())
        // Around every page's form: kept when its session has expired (`pages::resume`).
        .layer(axum::middleware::from_fn_with_state(
            state,
            pages::resume::forms,
        ))
        .layer(axum::middleware::from_fn(error::utf8_path))
        .layer(axum::middleware::from_fn(error::explain))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(axum::middleware::from_fn(move |req, next| {
            security_headers(req, next, tls)
        }))
}

/// Liveness, database reachability and whether the writer still writes; names no one. A
/// writer halted after a storage error answers 503 until Pelita is restarted, so a load
/// balancer or an operator's monitor sees it at once (reads would still answer).
async fn healthz(State(state): State<AppState>) -> Response {
    let writer = state.store.writer_state();
    let database = match state.store.ping().await {
        Ok(()) => "ok",
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            "unreachable"
        }
    };
    let body = json!({
        "status": if database == "ok" && writer == pelita_store::WriterState::Running { "ok" } else { "error" },
        "database": database,
        "writer": writer.as_str(),
    });
    if body["status"] == "ok" {
        axum::Json(body).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response()
    }
}

async fn css() -> Response {
    static_asset(include_str!("../static/app.css"), "text/css; charset=utf-8")
}

async fn htmx() -> Response {
    static_asset(
        include_str!("../static/htmx.min.js"),
        "text/javascript; charset=utf-8",
    )
}

/// Skip logic for forms with conditional questions (the assessment).
async fn skip() -> Response {
    static_asset(
        include_str!("../static/skip.js"),
        "text/javascript; charset=utf-8",
    )
}

/// Drafts kept as they are typed, and the terminology guard while typing.
async fn forms_js() -> Response {
    static_asset(
        include_str!("../static/forms.js"),
        "text/javascript; charset=utf-8",
    )
}

fn static_asset(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

/// Content Security Policy: no inline script or style, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Headers every response carries. Anything not explicitly cacheable is `no-store`: pages hold
/// personal data.
pub(crate) async fn security_headers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
    tls: bool,
) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

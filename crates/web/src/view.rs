//! What every page shares: the navigation bar and small formatting helpers.

use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use pelita_domain::age::{Age, BirthDate};
use pelita_domain::role::Role;
use pelita_store::Session;

use crate::i18n::{LANGUAGES, Tr};

/// The bar at the top of every signed-in page.
pub struct Nav {
    pub name: String,
    pub role: Role,
    pub csrf: String,
    pub demo: bool,
    pub languages: Vec<(&'static str, &'static str)>,
}

impl Nav {
    pub fn new(s: &Session, demo: bool) -> Nav {
        Nav {
            name: s.user.display_name.clone(),
            role: s.user.role,
            csrf: s.csrf.clone(),
            demo,
            languages: LANGUAGES.iter().map(|l| (l.0, l.1)).collect(),
        }
    }

    pub fn reads_cases(&self) -> bool {
        !matches!(
            self.role,
            Role::Administrator | Role::Researcher | Role::Auditor
        )
    }
    pub fn is_admin(&self) -> bool {
        self.role == Role::Administrator
    }
    pub fn is_auditor(&self) -> bool {
        self.role == Role::Auditor
    }
    /// Supervisors, researchers, auditors and administrators see the indicators.
    pub fn sees_indicators(&self) -> bool {
        matches!(
            self.role,
            Role::Supervisor | Role::Researcher | Role::Auditor | Role::Administrator
        )
    }
    pub fn registers(&self) -> bool {
        matches!(self.role, Role::CaseWorker | Role::Supervisor)
    }
}

pub fn render(t: impl Template) -> Response {
    match t.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "error").into_response()
        }
    }
}

pub fn redirect(to: &str) -> Response {
    (
        axum::http::StatusCode::SEE_OTHER,
        [(header::LOCATION, to.to_owned())],
    )
        .into_response()
}

/// "14–15 years" with the precision, as the header shows it.
pub fn age_text(t: &Tr, age: &Age, today: chrono::NaiveDate) -> String {
    let range = age.age_on(today);
    if range.max.is_none() && range.min == 0 {
        return t.get("age-unknown");
    }
    t.with("age-years", &[("range", range.to_string())])
}

pub fn precision_key(b: &BirthDate) -> String {
    let p = match b {
        BirthDate::Exact { .. } => "exact",
        BirthDate::Month { .. } => "month",
        BirthDate::Year { .. } => "year",
        BirthDate::Estimated { .. } => "estimated",
        BirthDate::Unknown => "unknown",
    };
    format!("precision-{p}")
}

/// Constant-time comparison for tokens.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A form body; a body that cannot be read (too large, not form-encoded, invalid UTF-8) gets an
/// error page in the reader's language instead of a bare message.
pub struct Form<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for Form<T>
where
    axum::Form<T>:
        axum::extract::FromRequest<S, Rejection = axum::extract::rejection::FormRejection>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Form<T>, Response> {
        let lang = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(Form(v)),
            Err(e) => {
                let t = Tr::negotiate(lang.as_deref());
                let status = e.status();
                let key = if status == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    "error-too-large"
                } else {
                    "error-invalid"
                };
                Err(crate::error::page(&t, status, key))
            }
        }
    }
}

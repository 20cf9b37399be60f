//! Sign-in, sessions and the second factor.
//!
//! Session tokens (256 random bits) live in a `__Host-` cookie (HttpOnly, Secure,
//! SameSite=Strict) and only their keyed hash in the database. Sign-in always starts a new
//! session (rotation). Failed sign-ins lock a username for a while whether or not it exists, and
//! the answer and the work done are the same in both cases.

use crate::view::Form;
use askama::Template;
use axum::extract::{FromRef, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use pelita_domain::role::Role;
use pelita_store::{Reader, Session, Store, User};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::view::{self, Nav, redirect, same};
use crate::{AppState, error};

pub const SESSION_COOKIE: &str = "__Host-pelita";
/// Before sign-in there is no session to hold a CSRF token: a cookie carries it instead
/// (double submit), and SameSite=Strict keeps other sites from sending it.
pub const PRE_COOKIE: &str = "__Host-pelita-pre";

fn cookie(name: &str, value: &str, max_age: Option<i64>) -> String {
    let age = max_age
        .map(|s| format!("; Max-Age={s}"))
        .unwrap_or_default();
    format!("{name}={value}; Path=/; HttpOnly; Secure; SameSite=Strict{age}")
}

pub fn read_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

/// Roles that read sensitive sections must use a second factor (unless the deployment turned
/// it off).
pub fn needs_second_factor(role: Role) -> bool {
    !matches!(role, Role::Researcher)
}

/// A signed-in person, for pages. Redirects to sign-in when there is no valid session.
pub struct Ctx {
    pub session: Session,
    pub token: String,
    pub t: Tr,
    pub demo: bool,
    pub store: Store,
    pub config: std::sync::Arc<crate::WebConfig>,
}

impl Ctx {
    pub fn reader(&self) -> Reader {
        Reader::from(&self.session.user)
    }
    pub fn nav(&self) -> Nav {
        Nav::new(&self.session, self.demo)
    }
    pub fn user(&self) -> &User {
        &self.session.user
    }
    /// Who acts in this request, as the store made them from the session.
    pub fn actor(&self) -> &pelita_store::Actor {
        self.session.actor()
    }
    /// Checks a form's CSRF token against the session's.
    pub fn csrf_ok(&self, token: &str) -> bool {
        same(token, &self.session.csrf)
    }
    pub fn csrf_failed(&self) -> Response {
        error::page(&self.t, StatusCode::FORBIDDEN, "error-csrf")
    }
}

/// What a session token came to.
pub enum SessionCheck {
    Valid(Session),
    /// Ended just now by its idle or absolute timeout: the person is known, so a form they
    /// were posting can be kept for them (`pages::resume`).
    Expired(Session),
    /// No such session, or its account is disabled.
    Invalid,
}

/// Looks up a session and checks its timeouts; ends it when expired.
pub async fn check_session(state: &AppState, token: &str) -> SessionCheck {
    let Some(s) = state.store.session(token).await.ok().flatten() else {
        return SessionCheck::Invalid;
    };
    let now = state.store.now();
    let idle = chrono::Duration::from_std(state.config.idle).unwrap_or_default();
    let absolute = chrono::Duration::from_std(state.config.absolute).unwrap_or_default();
    let timed_out = now - s.last_seen > idle || now - s.created_at > absolute;
    if s.user.disabled || timed_out {
        let actor = s.actor().clone();
        let _ = state.store.end_session(&actor, token).await;
        return if s.user.disabled {
            SessionCheck::Invalid
        } else {
            SessionCheck::Expired(s)
        };
    }
    if now - s.last_seen > chrono::Duration::seconds(60) {
        let _ = state.store.touch_session(token).await;
    }
    SessionCheck::Valid(s)
}

/// A session that is valid now, or none.
pub async fn valid_session(state: &AppState, token: &str) -> Option<Session> {
    match check_session(state, token).await {
        SessionCheck::Valid(s) => Some(s),
        _ => None,
    }
}

/// A session already checked for this request (by `pages::resume::forms`), so `Ctx` does not
/// look it up twice.
#[derive(Clone)]
pub struct Checked(pub Session);

/// Where to go after sign-in, when it is a page of this site: a path with one leading slash,
/// printable ASCII (the rest stays percent-encoded), and not the sign-in pages themselves.
pub fn local_next(next: &str) -> Option<&str> {
    let local = next.len() <= 1024
        && next.starts_with('/')
        && !next.starts_with("//")
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let loops = ["/signin", "/totp/", "/signout", "/static/", "/api/"]
        .iter()
        .any(|p| next.starts_with(p));
    (local && !loops).then_some(next)
}

/// The sign-in page, saying the session ended when it did, and where to return afterwards
/// (only a local page other than My work, the default).
pub fn signin_url(expired: bool, next: Option<&str>) -> String {
    let mut query = Vec::new();
    if expired {
        query.push("expired=1".to_owned());
    }
    if let Some(next) = next.and_then(local_next).filter(|n| *n != "/work") {
        query.push(format!("next={}", encode(next)));
    }
    if query.is_empty() {
        "/signin".to_owned()
    } else {
        format!("/signin?{}", query.join("&"))
    }
}

/// A path as a query value: what would end or change the value is escaped; slashes and the
/// characters of ids stay as they are, so the address reads as the page it leads to.
fn encode(s: &str) -> String {
    const VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, VALUE).to_string()
}

/// `path` with `?next=` when there is somewhere to return to.
fn with_next(path: &str, next: &str) -> String {
    match local_next(next) {
        Some(n) => format!("{path}?next={}", encode(n)),
        None => path.to_owned(),
    }
}

/// Where a person lands once fully signed in: the page they were sent from (a form kept for
/// them only if it is theirs and still waiting), else a form kept for them, else My work.
async fn landing(state: &AppState, s: &Session, next: &str) -> String {
    let store = &state.store;
    if let Some(n) = local_next(next) {
        match n.strip_prefix("/resume/") {
            None => return n.to_owned(),
            Some(id) if matches!(store.kept_submission(s.actor(), id).await, Ok(Some(_))) => {
                return n.to_owned();
            }
            Some(_) => {}
        }
    }
    match store.latest_kept(s.actor()).await {
        Ok(Some(id)) => format!("/resume/{id}"),
        _ => "/work".to_owned(),
    }
}

impl<S> FromRequestParts<S> for Ctx
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Ctx, Response> {
        let state = AppState::from_ref(state);
        let token = read_cookie(&parts.headers, SESSION_COOKIE).map(str::to_owned);
        // A page asked for comes back after sign-in; a form is kept by `pages::resume`.
        let here = (parts.method == axum::http::Method::GET)
            .then(|| parts.uri.path_and_query().map(|p| p.as_str().to_owned()))
            .flatten();
        let signin = |expired| redirect(&signin_url(expired, here.as_deref()));
        let Some(token) = token else {
            return Err(signin(false));
        };
        let session = match parts.extensions.remove::<Checked>() {
            Some(Checked(s)) => s,
            None => match valid_session(&state, &token).await {
                Some(s) => s,
                None => return Err(signin(true)),
            },
        };
        if !session.second_factor {
            return Err(redirect("/signin/totp"));
        }
        // One read: the reader's language and the zone every time on the page is shown in.
        let (language, zone) = state
            .store
            .reader_settings(&session.user.id)
            .await
            .unwrap_or_default();
        let t = match language {
            Some(tag) => Tr::new(&tag),
            None => Tr::negotiate(accept_language(&parts.headers)),
        }
        .in_zone(zone.unwrap_or(chrono_tz::UTC));
        Ok(Ctx {
            session,
            token,
            t,
            demo: state.config.demo,
            store: state.store.clone(),
            config: state.config.clone(),
        })
    }
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SigninPage {
    t: Tr,
    csrf: String,
    message: Option<String>,
    username: String,
    demo: bool,
    /// Where to go after sign-in (a local path), or blank.
    next: String,
}

#[derive(Deserialize)]
pub struct SigninQuery {
    expired: Option<String>,
    #[serde(default)]
    next: String,
}

fn signin_response(
    t: Tr,
    demo: bool,
    message: Option<String>,
    (username, next): (String, &str),
    status: StatusCode,
) -> Response {
    let csrf = pelita_store::random_token();
    let page = SigninPage {
        t,
        csrf: csrf.clone(),
        message,
        username,
        demo,
        next: local_next(next).unwrap_or_default().to_owned(),
    };
    let mut res = view::render(page);
    *res.status_mut() = status;
    res.headers_mut().append(
        header::SET_COOKIE,
        cookie(PRE_COOKIE, &csrf, Some(3600))
            .parse()
            .expect("valid cookie"),
    );
    res
}

pub async fn signin_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<SigninQuery>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    // A form kept for later says so: what was typed is waiting, not lost.
    let kept = local_next(&q.next).is_some_and(|n| n.starts_with("/resume/"));
    let message = q.expired.map(|_| {
        t.get(if kept {
            "session-expired-kept"
        } else {
            "session-expired"
        })
    });
    signin_response(
        t,
        state.config.demo,
        message,
        (String::new(), &q.next),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct SigninForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

/// A hash of a password no one has, verified when the username does not exist, so that both
/// answers take the same time.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| pelita_store::hash_password("pelita dummy password for timing"));

pub async fn signin(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<SigninForm>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    let demo = state.config.demo;
    let pre = read_cookie(&headers, PRE_COOKIE).unwrap_or("");
    if pre.is_empty() || !same(pre, &f.csrf) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-csrf");
    }
    let username = f.username.trim().to_owned();
    let failed = |t: Tr| {
        let msg = t.get("signin-failed");
        signin_response(
            t,
            demo,
            Some(msg),
            (username.clone(), &f.next),
            StatusCode::UNAUTHORIZED,
        )
    };
    if username.is_empty() || username.chars().count() > 64 || f.password.chars().count() > 128 {
        return failed(t);
    }
    let store = &state.store;
    let locked = match store.login_state(&username).await {
        Ok((_, locked)) => locked.is_some(),
        Err(e) => return error::store(&t, e),
    };
    let user = store.user_by_username(&username).await.ok().flatten();
    let hash = user
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| DUMMY_HASH.clone());
    let password = f.password.clone();
    let ok = tokio::task::spawn_blocking(move || pelita_store::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let user = match user {
        Some((u, _)) if ok && !locked && !u.disabled => u,
        _ => {
            if let Err(e) = store.record_login_failure(&username).await {
                return error::store(&t, e);
            }
            return failed(t);
        }
    };
    let second_factor_done = !(state.config.second_factor && needs_second_factor(user.role));
    let (token, _) = match store.start_session(&user, second_factor_done).await {
        Ok(x) => x,
        Err(e) => return error::store(&t, e),
    };
    let next = if !second_factor_done {
        with_next("/signin/totp", &f.next)
    } else {
        match store.session(&token).await {
            Ok(Some(s)) => landing(&state, &s, &f.next).await,
            _ => "/work".to_owned(),
        }
    };
    let mut res = redirect(&next);
    let h = res.headers_mut();
    h.append(
        header::SET_COOKIE,
        cookie(SESSION_COOKIE, &token, None)
            .parse()
            .expect("cookie"),
    );
    h.append(
        header::SET_COOKIE,
        cookie(PRE_COOKIE, "", Some(0)).parse().expect("cookie"),
    );
    res
}

/// A session that has passed the password but not yet the second factor.
async fn half_session(state: &AppState, headers: &HeaderMap) -> Option<(String, Session)> {
    let token = read_cookie(headers, SESSION_COOKIE)?.to_owned();
    let s = valid_session(state, &token).await?;
    Some((token, s))
}

#[derive(Template)]
#[template(path = "totp.html")]
struct TotpPage {
    t: Tr,
    csrf: String,
    message: Option<String>,
    next: String,
}

/// Where to go once the second factor is passed, carried through its pages.
#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

fn next_field(next: &str) -> String {
    local_next(next).unwrap_or_default().to_owned()
}

pub async fn totp_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<NextQuery>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    let Some((_, s)) = half_session(&state, &headers).await else {
        return redirect("/signin");
    };
    if s.second_factor {
        return redirect(&landing(&state, &s, &q.next).await);
    }
    match state.store.totp(&s.user.id).await {
        Ok(None) => redirect(&with_next("/totp/enrol", &q.next)),
        Ok(Some(_)) => view::render(TotpPage {
            t,
            csrf: s.csrf,
            message: None,
            next: next_field(&q.next),
        }),
        Err(e) => error::store(&t, e),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    next: String,
}

fn totp_for(secret: Vec<u8>, account: &str) -> Option<totp_rs::Totp> {
    totp_rs::Builder::new()
        .with_secret(secret)
        .with_account_name(account.to_owned())
        .with_issuer(Some("Pelita"))
        .build()
        .ok()
}

/// The time step a code matches, within one step of `now`.
fn matching_step(totp: &totp_rs::Totp, code: &str, now: chrono::DateTime<Utc>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp.check(&code, now.timestamp().max(0) as u64)
        .map(|s| s as i64)
}

pub async fn totp_verify(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    let Some((token, s)) = half_session(&state, &headers).await else {
        return redirect("/signin");
    };
    if !same(&f.csrf, &s.csrf) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-csrf");
    }
    let actor = s.actor().clone();
    let secret = match state.store.totp(&s.user.id).await {
        Ok(Some((secret, _))) => secret,
        Ok(None) => return redirect(&with_next("/totp/enrol", &f.next)),
        Err(e) => return error::store(&t, e),
    };
    let accepted = match totp_for(secret, &s.user.username)
        .and_then(|tt| matching_step(&tt, &f.code, state.store.now()))
    {
        // A code is accepted once: a replay within its window fails.
        Some(step) => state
            .store
            .use_totp_step(&actor, &s.user.id, step)
            .await
            .unwrap_or(false),
        None => false,
    };
    if !accepted {
        if let Err(e) = state.store.record_login_failure(&s.user.username).await {
            tracing::warn!(error = %e, "a failed sign-in could not be counted");
        }
        let msg = t.get("totp-failed");
        let mut res = view::render(TotpPage {
            t,
            csrf: s.csrf,
            message: Some(msg),
            next: next_field(&f.next),
        });
        *res.status_mut() = StatusCode::UNAUTHORIZED;
        return res;
    }
    match state.store.pass_second_factor(&actor, &token).await {
        Ok(()) => redirect(&landing(&state, &s, &f.next).await),
        Err(e) => error::store(&t, e),
    }
}

#[derive(Template)]
#[template(path = "enrol.html")]
struct EnrolPage {
    t: Tr,
    csrf: String,
    secret: String,
    qr_svg: String,
    message: Option<String>,
    next: String,
}

fn enrol_page_for(
    t: Tr,
    s: &Session,
    secret: Vec<u8>,
    (message, next): (Option<String>, &str),
) -> Response {
    let Some(totp) = totp_for(secret.clone(), &s.user.username) else {
        return error::page(&t, StatusCode::INTERNAL_SERVER_ERROR, "error-generic");
    };
    let url = totp.to_url().unwrap_or_default();
    let qr_svg = qrcode::QrCode::new(url.as_bytes())
        .map(|q| {
            q.render::<qrcode::render::svg::Color>()
                .min_dimensions(220, 220)
                .build()
        })
        .unwrap_or_default();
    let b32 = totp_rs::Secret::from(secret).to_base32();
    view::render(EnrolPage {
        t,
        csrf: s.csrf.clone(),
        secret: b32,
        qr_svg,
        message,
        next: next_field(next),
    })
}

pub async fn enrol_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<NextQuery>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    let Some((_, s)) = half_session(&state, &headers).await else {
        return redirect("/signin");
    };
    if s.second_factor {
        return redirect(&landing(&state, &s, &q.next).await);
    }
    if let Ok(Some(_)) = state.store.totp(&s.user.id).await {
        return redirect(&with_next("/signin/totp", &q.next));
    }
    let mut secret = vec![0u8; 20];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    enrol_page_for(t, &s, secret, (None, &q.next))
}

pub async fn enrol(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    let Some((token, s)) = half_session(&state, &headers).await else {
        return redirect("/signin");
    };
    if !same(&f.csrf, &s.csrf) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-csrf");
    }
    // Enrolment replaces nothing: an enrolled user signs in with their code.
    if let Ok(Some(_)) = state.store.totp(&s.user.id).await {
        return redirect(&with_next("/signin/totp", &f.next));
    }
    let Ok(secret) = totp_rs::Secret::try_from_base32(f.secret.trim()) else {
        return error::page(&t, StatusCode::BAD_REQUEST, "error-invalid");
    };
    let secret: Vec<u8> = secret.as_ref().to_vec();
    if secret.len() < 16 {
        return error::page(&t, StatusCode::BAD_REQUEST, "error-invalid");
    }
    let actor = s.actor().clone();
    let step = totp_for(secret.clone(), &s.user.username)
        .and_then(|tt| matching_step(&tt, &f.code, state.store.now()));
    let Some(step) = step else {
        let msg = t.get("totp-failed");
        return enrol_page_for(t, &s, secret, (Some(msg), &f.next));
    };
    let saved = async {
        state.store.set_totp(&actor, &s.user.id, &secret).await?;
        state.store.use_totp_step(&actor, &s.user.id, step).await?;
        state.store.pass_second_factor(&actor, &token).await
    };
    match saved.await {
        Ok(()) => redirect(&landing(&state, &s, &f.next).await),
        Err(e) => error::store(&t, e),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn signout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(f): Form<CsrfForm>,
) -> Response {
    let t = Tr::negotiate(accept_language(&headers));
    if let Some((token, s)) = half_session(&state, &headers).await {
        if !same(&f.csrf, &s.csrf) {
            return error::page(&t, StatusCode::FORBIDDEN, "error-csrf");
        }
        let actor = s.actor().clone();
        let _ = state.store.end_session(&actor, &token).await;
    }
    let mut res = redirect("/signin");
    res.headers_mut().append(
        header::SET_COOKIE,
        cookie(SESSION_COOKIE, "", Some(0)).parse().expect("cookie"),
    );
    res.into_response()
}

#[cfg(test)]
mod tests {
    use super::{local_next, signin_url};

    /// After sign-in a person goes back only to a page of this site, never to sign-in itself.
    #[test]
    fn only_local_pages_are_returned_to() {
        for ok in ["/cases/abc", "/work?status=open&page=2", "/resume/a-b_c"] {
            assert_eq!(local_next(ok), Some(ok));
        }
        for bad in [
            "",
            "cases/abc",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "/cases/a b",
            "/cases/\u{e9}",
            "/signin?next=/work",
            "/signout",
            "/totp/enrol",
            "/api/v1/me",
            "/static/app.css",
        ] {
            assert_eq!(local_next(bad), None, "{bad}");
        }
        assert_eq!(local_next(&format!("/{}", "a".repeat(1024))), None);
    }

    #[test]
    fn the_signin_address_names_where_to_return() {
        assert_eq!(signin_url(false, None), "/signin");
        assert_eq!(signin_url(true, Some("/work")), "/signin?expired=1");
        assert_eq!(
            signin_url(false, Some("/work?q=a&b=c")),
            "/signin?next=/work%3Fq%3Da%26b%3Dc"
        );
        assert_eq!(
            signin_url(true, Some("/resume/Ab-_9")),
            "/signin?expired=1&next=/resume/Ab-_9"
        );
        assert_eq!(
            signin_url(true, Some("//evil.example")),
            "/signin?expired=1"
        );
    }

    /// A request acts only as the store made it from a session or a token: no page or API
    /// handler acts as the operator, or as an account it names. (`Actor` cannot be built by
    /// hand at all; these are the store's two ways to make one without a credential.)
    #[test]
    fn requests_act_only_as_the_session_or_token_made_them() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("source folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source");
                    // Unit tests may set up as the operator; the code they test may not.
                    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                    for forbidden in ["Actor::operator", ".act_as("] {
                        if code.contains(forbidden) {
                            found.push(format!("{}: {forbidden}", path.display()));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.is_empty(), "{found:?}");
        // The walk reads the handlers: it would see a call if there were one.
        let api = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api/mod.rs"),
        )
        .expect("api source");
        assert!(api.contains("bearer.actor()"));
    }
}

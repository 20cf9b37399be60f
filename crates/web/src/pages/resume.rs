//! A form posted after its session expired is not lost: it is kept, sealed, for the person
//! whose session it was ([`pelita_store::Kept`]), and after they sign in again (and pass the
//! second factor) a page offers it back — one tap sends it, with a fresh CSRF token, to where
//! it was posted, whose handler saves it or shows it again as any refused form. Another person
//! signing in on the same device never sees it.
//!
//! [`forms`] runs before every page's POST handler: it keeps the form of an expired session,
//! and after a POST of a valid session deletes the kept form it resent (`?resumed=`) and the
//! draft of a long form that was saved (`pages::draft`).

use askama::Template;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use pelita_store::{Actor, JusticeTable, Session, Store};

use super::posted_one;
use crate::auth::{self, Checked, Ctx, SESSION_COOKIE, SessionCheck};
use crate::i18n::Tr;
use crate::view::{self, Form, Nav, redirect, same};
use crate::{AppState, error};

/// Whether a POST to `path` is a form of casework to keep: not signing in or out, not the API,
/// not what the page's script sends while someone types (drafts, the terminology guard), and
/// not a profile or administration form — those carry passwords, which are never kept — nor
/// the discarding of a kept form.
fn is_form(path: &str) -> bool {
    let not = [
        "/signin",
        "/totp/",
        "/signout",
        "/profile/",
        "/admin/",
        "/api/",
        "/terminology",
        "/static/",
        "/resume/",
    ];
    let drafts = path.starts_with("/cases/") && path.contains("/drafts");
    !drafts && !not.iter().any(|p| path.starts_with(p))
}

/// The query parameter a kept form is sent back with, naming it.
const RESUMED: &str = "resumed";

/// Around every page's POST: keeps the form of a session that just expired, and tidies after
/// a form of a valid one.
pub async fn forms(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let form = req.method() == Method::POST
        && req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
        && is_form(req.uri().path());
    let token = auth::read_cookie(req.headers(), SESSION_COOKIE).map(str::to_owned);
    let (true, Some(token)) = (form, token) else {
        return next.run(req).await;
    };
    match auth::check_session(&state, &token).await {
        SessionCheck::Expired(s) => keep(&state, &s, req).await,
        SessionCheck::Valid(s) => {
            let actor = s.second_factor.then(|| s.actor().clone());
            let uri = req.uri().clone();
            req.extensions_mut().insert(Checked(s));
            let res = next.run(req).await;
            if let Some(actor) = actor {
                after(&state.store, &actor, &uri, res.status()).await;
            }
            res
        }
        SessionCheck::Invalid => next.run(req).await,
    }
}

/// Keeps the form for the person whose session expired, and sends them to sign in with its
/// opaque id. Only a form this session served (its CSRF token) is kept: a forged one would
/// otherwise come back to them to send with a fresh token.
async fn keep(state: &AppState, s: &Session, req: Request) -> Response {
    let expired = redirect(&auth::signin_url(true, None));
    if !s.second_factor {
        return expired;
    }
    let path = req.uri().path().to_owned();
    let Ok(axum::Form(body)) = axum::Form::<Vec<(String, String)>>::from_request(req, &()).await
    else {
        return expired;
    };
    if !same(posted_one(&body, "csrf"), &s.csrf) {
        return expired;
    }
    let fields: Vec<(String, String)> = body.into_iter().filter(|(k, _)| k != "csrf").collect();
    let case = case_named(&state.store, &path).await;
    match state
        .store
        .keep_submission(s.actor(), case.as_deref(), &path, fields)
        .await
    {
        Ok(id) => redirect(&auth::signin_url(true, Some(&format!("/resume/{id}")))),
        Err(e) => {
            tracing::warn!(error = %e, "a form posted after its session expired was not kept");
            expired
        }
    }
}

/// The case a form's path names, by the case or by one of its records: its kept form is
/// sealed with that child's key, so erasing the child reaches it.
async fn case_named(store: &Store, path: &str) -> Option<String> {
    let mut parts = path.trim_start_matches('/').split('/');
    let (kind, id) = (parts.next()?, parts.next()?);
    match kind {
        "cases" => Some(id.to_owned()),
        "proceedings" => store.justice_case(JusticeTable::Proceeding, id).await.ok(),
        "detentions" => store.justice_case(JusticeTable::Detention, id).await.ok(),
        "followups" => store.followup_case(id).await.ok(),
        "referrals" => store.referral(id).await.ok().map(|r| r.case_id),
        _ => None,
    }
}

/// After a valid session's form: a kept form sent again is deleted once its handler answered
/// it (saved, or shown again with what was typed — not on an error page, from which the
/// person may come back to it); a long form saved deletes its draft.
async fn after(store: &Store, actor: &Actor, uri: &Uri, status: StatusCode) {
    let resumed = uri.query().and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix(RESUMED)?.strip_prefix('='))
    });
    if let Some(id) = resumed
        && (status.is_success() || status.is_redirection())
        && let Err(e) = store.drop_kept(actor, id, true).await
    {
        tracing::warn!(error = %e, "a kept form that was sent again could not be deleted");
    }
    if status == StatusCode::SEE_OTHER {
        super::draft::saved(store, actor, uri.path()).await;
    }
}

#[derive(Template)]
#[template(path = "resume.html")]
struct ResumePage {
    t: Tr,
    nav: Nav,
    id: String,
    /// Where the form goes: its path, naming the kept form.
    action: String,
    fields: Vec<(String, String)>,
    /// What was written in words (free text), to recognise it by.
    typed: Vec<String>,
    /// When it was kept, in the reader's words.
    intro: String,
    /// The case page the form came from, when it names a case.
    case: Option<String>,
}

/// The form kept for the signed-in person, offered back.
pub async fn page(ctx: Ctx, Path(id): Path<String>) -> Response {
    let kept = match ctx.store.kept_submission(ctx.actor(), &id).await {
        Ok(Some(k)) => k,
        Ok(None) => return error::page(&ctx.t, StatusCode::NOT_FOUND, "resume-gone"),
        Err(e) => return error::store(&ctx.t, e),
    };
    let typed = kept
        .fields
        .iter()
        .map(|(_, v)| v.trim())
        .filter(|v| v.contains(char::is_whitespace))
        .map(str::to_owned)
        .collect();
    let zone = super::zone::zone(&ctx).await;
    view::render(ResumePage {
        nav: ctx.nav(),
        action: format!("{}?{RESUMED}={}", kept.path, kept.id),
        intro: ctx.t.with(
            "resume-intro",
            &[("when", ctx.t.local_datetime(kept.kept_at, zone))],
        ),
        case: kept.case_id.map(|c| format!("/cases/{c}")),
        fields: kept.fields,
        typed,
        id: kept.id,
        t: ctx.t,
    })
}

#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// Discards the form kept for the signed-in person.
pub async fn discard(ctx: Ctx, Path(id): Path<String>, Form(f): Form<CsrfOnly>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    match ctx.store.drop_kept(ctx.actor(), &id, false).await {
        Ok(_) => redirect("/work"),
        Err(e) => error::store(&ctx.t, e),
    }
}

#[cfg(test)]
mod tests {
    use super::is_form;

    #[test]
    fn casework_forms_are_kept_and_passwords_never() {
        for kept in [
            "/cases/a/notes",
            "/cases/a/assessments",
            "/register",
            "/proceedings/p",
        ] {
            assert!(is_form(kept), "{kept}");
        }
        for not in [
            "/signin",
            "/signin/totp",
            "/totp/enrol",
            "/signout",
            "/profile/password",
            "/admin/users",
            "/api/v1/cases",
            "/terminology",
            "/cases/a/drafts",
            "/cases/a/drafts/discard",
            "/resume/k/discard",
        ] {
            assert!(!is_form(not), "{not}");
        }
    }
}

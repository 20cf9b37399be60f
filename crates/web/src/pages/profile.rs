//! The profile: password, language, active sessions.

use crate::view::Form;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::i18n::{LANGUAGES, Tr};
use crate::view::{self, Nav};

pub struct SessionRow {
    pub label: String,
    pub started: String,
    pub last_seen: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    t: Tr,
    nav: Nav,
    sessions: Vec<SessionRow>,
    message: Option<String>,
    error: Option<String>,
}

async fn render(
    ctx: &Ctx,
    message: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let t = ctx.t.clone();
    let current = ctx.store.session_label(&ctx.token);
    let sessions = ctx
        .store
        .sessions_of(&ctx.user().id)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(label, started, seen)| SessionRow {
            current: label == current,
            label,
            started: t.datetime(started),
            last_seen: t.datetime(seen),
        })
        .collect();
    let mut res = view::render(ProfilePage {
        t,
        nav: ctx.nav(),
        sessions,
        message,
        error,
    });
    *res.status_mut() = status;
    res
}

pub async fn page(ctx: Ctx) -> Response {
    render(&ctx, None, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    csrf: String,
}

pub async fn password(ctx: Ctx, Form(f): Form<PasswordForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let t = ctx.t.clone();
    if let Err(e) = pelita_domain::password::check(&f.new) {
        return render(
            &ctx,
            None,
            Some(t.get(&format!("error-{}", e.code()))),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let Ok(Some((_, hash))) = ctx.store.user_by_username(&ctx.user().username).await else {
        return crate::error::page(&t, StatusCode::INTERNAL_SERVER_ERROR, "error-generic");
    };
    let (current, new) = (f.current.clone(), f.new.clone());
    let result = tokio::task::spawn_blocking(move || {
        pelita_store::verify_password(&current, &hash).then(|| pelita_store::hash_password(&new))
    })
    .await
    .ok()
    .flatten();
    let Some(new_hash) = result else {
        if let Err(e) = ctx.store.record_login_failure(&ctx.user().username).await {
            tracing::warn!(error = %e, "a failed password check could not be counted");
        }
        return render(
            &ctx,
            None,
            Some(t.get("error-password-wrong")),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.actor().clone();
    if let Err(e) = ctx
        .store
        .set_password(&actor, &ctx.user().id, new_hash, Some(&ctx.token))
        .await
    {
        return crate::error::store(&t, e);
    }
    render(&ctx, Some(t.get("password-changed")), None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct Plain {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    language: String,
}

pub async fn end_others(ctx: Ctx, Form(f): Form<Plain>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    if let Err(e) = ctx.store.end_other_sessions(ctx.actor(), &ctx.token).await {
        return crate::error::store(&ctx.t, e);
    }
    render(
        &ctx,
        Some(ctx.t.get("other-sessions-ended")),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn language(ctx: Ctx, Form(f): Form<Plain>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    if !LANGUAGES.iter().any(|l| l.0 == f.language) {
        return crate::error::page(&ctx.t, StatusCode::BAD_REQUEST, "error-invalid");
    }
    if let Err(e) = ctx
        .store
        .set_language(ctx.actor(), &ctx.user().id, &f.language)
        .await
    {
        return crate::error::store(&ctx.t, e);
    }
    view::redirect("/profile")
}

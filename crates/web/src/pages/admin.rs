//! Administration: users, roles and agencies. Administrators see no case content. Changes to
//! accounts are high-impact: each asks for the administrator's own password again.

use std::collections::HashMap;

use crate::view::Form;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::agency::Sector;
use pelita_domain::role::Role;
use pelita_store::{NewAgency, NewUser};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav};

pub struct UserRow {
    pub id: String,
    pub username: String,
    pub name: String,
    pub role: String,
    pub agency: String,
    pub disabled: bool,
}

/// A translation on the page: its language, how many messages it has, and how many a native
/// reviewer has confirmed (or that it is the source language).
pub struct TranslationRow {
    pub tag: &'static str,
    pub name: &'static str,
    pub messages: usize,
    pub confirmed: Option<String>,
}

/// A jurisdiction on the page: code, name, and each rule value with its source.
type JurisdictionRow = (String, String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    t: Tr,
    nav: Nav,
    users: Vec<UserRow>,
    agencies: Vec<(String, String, String, String, String)>,
    roles: Vec<(&'static str, String)>,
    sectors: Vec<(&'static str, String)>,
    message: Option<String>,
    error: Option<String>,
    /// Each jurisdiction: (code, name, its rule values with their sources).
    jurisdictions: Vec<JurisdictionRow>,
    override_keys: Vec<(&'static str, String)>,
    translations: Vec<TranslationRow>,
}

async fn render(
    ctx: &Ctx,
    message: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let t = ctx.t.clone();
    let agencies = ctx.store.agencies().await.unwrap_or_default();
    let codes: HashMap<String, String> = agencies
        .iter()
        .map(|a| (a.id.clone(), a.code.clone()))
        .collect();
    let users = ctx
        .store
        .users()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|u| UserRow {
            agency: u
                .agency_id
                .as_ref()
                .and_then(|a| codes.get(a))
                .cloned()
                .unwrap_or_default(),
            role: t.get(&format!("role-{}", u.role.as_str())),
            id: u.id,
            username: u.username,
            name: u.display_name,
            disabled: u.disabled,
        })
        .collect();
    let agencies = agencies
        .into_iter()
        .map(|a| {
            (
                a.id,
                a.code,
                a.name,
                t.get(&format!("sector-{}", a.sector.as_str())),
                a.jurisdiction,
            )
        })
        .collect();
    let roles = Role::ALL
        .into_iter()
        .map(|r| (r.as_str(), t.get(&format!("role-{}", r.as_str()))))
        .collect();
    let sectors = Sector::ALL
        .into_iter()
        .map(|s| (s.as_str(), t.get(&format!("sector-{}", s.as_str()))))
        .collect();
    let jurisdictions = ctx
        .store
        .jurisdictions()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|j| {
            let src = |v: String, source: &str, c: pelita_domain::justice::Certainty| {
                format!("{v} — {source} ({})", t.pick("certainty", c.as_str()))
            };
            let mut rules = vec![(
                t.get("override-key-macr"),
                src(j.macr.value.to_string(), &j.macr.source, j.macr.certainty),
            )];
            if let Some(q) = &j.qualified_until {
                rules.push((
                    t.get("override-key-qualified_until"),
                    src(q.value.to_string(), &q.source, q.certainty),
                ));
            }
            if let Some(m) = &j.detention_min_age {
                rules.push((
                    t.get("override-key-detention_min_age"),
                    src(m.value.to_string(), &m.source, m.certainty),
                ));
            }
            rules.push((t.get("override-key-time_zone"), j.time_zone.clone()));
            (j.code, j.name, rules)
        })
        .collect();
    let override_keys = pelita_domain::justice::OverrideKey::ALL
        .iter()
        .map(|k| (k.as_str(), t.get(&format!("override-key-{}", k.as_str()))))
        .collect();
    let translations = crate::i18n::review_status()
        .into_iter()
        .map(|r| TranslationRow {
            tag: r.tag,
            name: r.name,
            messages: r.messages,
            confirmed: (!r.source).then(|| {
                t.with_args(
                    "admin-confirmed-count",
                    &[
                        ("confirmed", r.confirmed.into()),
                        ("messages", r.messages.into()),
                    ],
                )
            }),
        })
        .collect();
    let mut res = view::render(AdminPage {
        translations,
        jurisdictions,
        override_keys,
        t,
        nav: ctx.nav(),
        users,
        agencies,
        roles,
        sectors,
        message,
        error,
    });
    *res.status_mut() = status;
    res
}

fn forbidden(ctx: &Ctx) -> Option<Response> {
    (ctx.user().role != Role::Administrator)
        .then(|| crate::error::page(&ctx.t, StatusCode::FORBIDDEN, "error-forbidden"))
}

pub async fn page(ctx: Ctx) -> Response {
    if let Some(r) = forbidden(&ctx) {
        return r;
    }
    render(&ctx, None, None, StatusCode::OK).await
}

/// Re-authentication: the administrator's own password, checked again.
async fn reauthenticated(ctx: &Ctx, password: &str) -> bool {
    let Ok(Some((_, hash))) = ctx.store.user_by_username(&ctx.user().username).await else {
        return false;
    };
    let password = password.to_owned();
    let ok = tokio::task::spawn_blocking(move || pelita_store::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    if ok {
        let _ = ctx
            .store
            .mark_reauthenticated(ctx.actor(), &ctx.token)
            .await;
    } else {
        if let Err(e) = ctx.store.record_login_failure(&ctx.user().username).await {
            tracing::warn!(error = %e, "a failed password check could not be counted");
        }
    }
    ok
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserForm {
    username: String,
    display_name: String,
    role: String,
    agency: String,
    password: String,
    admin_password: String,
    user_id: String,
    action: String,
    csrf: String,
}

async fn bad(ctx: &Ctx, key: &str) -> Response {
    render(
        ctx,
        None,
        Some(ctx.t.get(key)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn create_user(ctx: Ctx, Form(f): Form<UserForm>) -> Response {
    if let Some(r) = forbidden(&ctx) {
        return r;
    }
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let Some(role) = Role::parse(&f.role) else {
        return bad(&ctx, "error-invalid").await;
    };
    if let Err(e) = pelita_domain::password::check(&f.password) {
        return bad(&ctx, &format!("error-{}", e.code())).await;
    }
    let agency_id = Some(f.agency.clone()).filter(|a| !a.is_empty());
    if agency_id.is_none()
        && !matches!(role, Role::Administrator | Role::Auditor | Role::Researcher)
    {
        return bad(&ctx, "error-required").await;
    }
    if !reauthenticated(&ctx, &f.admin_password).await {
        return bad(&ctx, "error-password-wrong").await;
    }
    let password = f.password.clone();
    let hash = tokio::task::spawn_blocking(move || pelita_store::hash_password(&password))
        .await
        .unwrap_or_default();
    let new = NewUser {
        username: f.username.clone(),
        display_name: f.display_name.clone(),
        role,
        agency_id,
        password_hash: hash,
    };
    match ctx.store.create_user(ctx.actor(), new).await {
        Ok(_) => render(&ctx, Some(ctx.t.get("user-created")), None, StatusCode::OK).await,
        Err(pelita_store::StoreError::Domain(d)) => bad(&ctx, &crate::error::domain_key(&d)).await,
        Err(pelita_store::StoreError::Conflict(c)) => {
            render(
                &ctx,
                None,
                Some(ctx.t.with("error-conflict", &[("detail", c.to_owned())])),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

pub async fn disable_user(ctx: Ctx, Form(f): Form<UserForm>) -> Response {
    if let Some(r) = forbidden(&ctx) {
        return r;
    }
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    if !reauthenticated(&ctx, &f.admin_password).await {
        return render(
            &ctx,
            None,
            Some(ctx.t.get("error-password-wrong")),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let actor = ctx.actor().clone();
    let done = match f.action.as_str() {
        "reset_second_factor" => ctx.store.reset_second_factor(&actor, &f.user_id).await,
        "set_role" => match Role::parse(&f.role) {
            Some(role) => ctx.store.set_role(&actor, &f.user_id, role).await,
            None => return bad(&ctx, "error-invalid").await,
        },
        _ => ctx.store.set_disabled(&actor, &f.user_id, true).await,
    };
    match done {
        Ok(()) => render(&ctx, None, None, StatusCode::OK).await,
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AgencyForm {
    code: String,
    name: String,
    sector: String,
    jurisdiction: String,
    csrf: String,
}

pub async fn create_agency(ctx: Ctx, Form(f): Form<AgencyForm>) -> Response {
    if let Some(r) = forbidden(&ctx) {
        return r;
    }
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let Some(sector) = Sector::parse(&f.sector) else {
        return render(
            &ctx,
            None,
            Some(ctx.t.get("error-invalid")),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let jurisdiction: String = f.jurisdiction.trim().chars().take(10).collect();
    let new = NewAgency {
        code: f.code.clone(),
        name: f.name.clone(),
        sector,
        jurisdiction,
    };
    match ctx.store.create_agency(ctx.actor(), new).await {
        Ok(_) => {
            render(
                &ctx,
                Some(ctx.t.get("agency-created")),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(pelita_store::StoreError::Domain(d)) => {
            render(
                &ctx,
                None,
                Some(ctx.t.get(&crate::error::domain_key(&d))),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(pelita_store::StoreError::Conflict(c)) => {
            render(
                &ctx,
                None,
                Some(ctx.t.with("error-conflict", &[("detail", c.to_owned())])),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

#[derive(Deserialize)]
pub struct OverrideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    reason: String,
}

/// Overrides a jurisdiction's rule value with a reason (audited, shown beside the value).
pub async fn override_rule(ctx: Ctx, Form(f): Form<OverrideForm>) -> Response {
    if let Some(r) = forbidden(&ctx) {
        return r;
    }
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let refused = |key: &str| {
        let msg = ctx.t.get(key);
        async { render(&ctx, None, Some(msg), StatusCode::UNPROCESSABLE_ENTITY).await }
    };
    let Some(key) = pelita_domain::justice::OverrideKey::parse(&f.key) else {
        return refused("error-invalid").await;
    };
    match ctx
        .store
        .override_rule(ctx.actor(), &f.code, key, &f.value, &f.reason)
        .await
    {
        Ok(()) => {
            render(
                &ctx,
                Some(ctx.t.get("override-saved")),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(pelita_store::StoreError::Domain(pelita_domain::DomainError::ReasonRequired)) => {
            refused("error-override-reason").await
        }
        Err(pelita_store::StoreError::Domain(d)) => refused(&crate::error::domain_key(&d)).await,
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

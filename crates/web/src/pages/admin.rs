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
    let mut res = view::render(AdminPage {
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
            .mark_reauthenticated(&ctx.reader().actor(), &ctx.token)
            .await;
    } else {
        let _ = ctx.store.record_login_failure(&ctx.user().username).await;
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
    match ctx.store.create_user(&ctx.reader().actor(), new).await {
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
    let actor = ctx.reader().actor();
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
    match ctx.store.create_agency(&ctx.reader().actor(), new).await {
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

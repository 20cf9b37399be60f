//! The auditor's view: the audit chain's state, the latest events, the access log and the
//! refused reads.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::role::Role;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav};

pub struct EventRow {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    t: Tr,
    nav: Nav,
    chain: String,
    events: Vec<EventRow>,
    access: Vec<EventRow>,
    /// Refused reads, newest first: probing shows here (and alerts the auditors).
    refusals: Vec<EventRow>,
}

pub async fn page(ctx: Ctx) -> Response {
    let t = ctx.t.clone();
    if ctx.user().role != Role::Auditor {
        return crate::error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let chain = match ctx.store.verify_audit(&|_, _| {}).await {
        Ok(r) => match r.first_break {
            None => t.with_args("audit-chain-ok", &[("events", r.events.into())]),
            Some(b) => t.with("audit-chain-broken", &[("detail", b.to_string())]),
        },
        Err(e) => return crate::error::store(&t, e),
    };
    let events = ctx
        .store
        .audit_events(200)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|e| EventRow {
            when: t.datetime(chrono::DateTime::from_timestamp_micros(e.at).unwrap_or_default()),
            actor: e.actor,
            action: e.action,
            subject: e.subject,
            detail: e.detail,
        })
        .collect();
    let access = ctx
        .store
        .access_log(200)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|a| EventRow {
            when: t.datetime(a.at),
            actor: a.reader,
            action: a.section,
            subject: a.case_id,
            detail: a.justification.unwrap_or_default(),
        })
        .collect();
    let refusals = ctx
        .store
        .refusals(200)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|(at, reader, case_id, section)| EventRow {
            when: t.datetime(at),
            actor: reader,
            action: section,
            subject: case_id,
            detail: String::new(),
        })
        .collect();
    view::render(AuditPage {
        t,
        nav: ctx.nav(),
        chain,
        events,
        access,
        refusals,
    })
}

//! "My work": the cases assigned to me, most urgent first, and my alerts.

use askama::Template;
use axum::response::Response;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav, age_text};

pub struct Row {
    pub id: String,
    pub reference: String,
    pub name: String,
    pub age: String,
    pub status: String,
    pub priority: String,
    pub priority_level: &'static str,
    pub updated: String,
    pub victim: bool,
}

/// Tasks drawn on the page; the rest are counted (the API lists them all).
const TASKS_SHOWN: usize = 50;

/// One task in "my work".
pub struct TaskRow {
    pub kind: String,
    /// Where the task is done: the case, or the part of it the task is about.
    pub href: String,
    pub reference: String,
    pub due: String,
    pub urgency: &'static str,
    pub urgency_text: String,
    pub priority_level: &'static str,
    pub text: String,
    /// A stored task the reader can mark done.
    pub done_id: Option<String>,
}

pub fn task_rows(
    t: &Tr,
    tasks: &[pelita_store::TaskItem],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<TaskRow> {
    use pelita_domain::task::{TaskKind, Urgency};
    tasks
        .iter()
        .map(|x| {
            let urgency = Urgency::of(x.due, now);
            TaskRow {
                kind: t.pick("task-kind", x.kind.as_str()),
                href: match x.kind {
                    TaskKind::ReceptionReview => format!("/cases/{}/abroad#reception", x.case_id),
                    _ => format!("/cases/{}", x.case_id),
                },
                reference: x.reference.clone(),
                due: t.datetime(x.due),
                urgency: urgency.as_str(),
                urgency_text: t.pick("task-urgency", urgency.as_str()),
                priority_level: x.priority.as_str(),
                text: match x.at_expiry {
                    Some(a) => t.pick("detention-expiry", a.as_str()),
                    None => x.text.clone().unwrap_or_default(),
                },
                done_id: (x.kind == TaskKind::Conference).then(|| x.id.clone()),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "work.html")]
struct WorkPage {
    t: Tr,
    nav: Nav,
    tasks: Vec<TaskRow>,
    more_tasks: Option<String>,
    rows: Vec<Row>,
    count_text: String,
    alerts: Vec<(String, String, String)>,
    inbox: Vec<super::referral::ReferralView>,
}

pub async fn page(ctx: Ctx) -> Response {
    let t = ctx.t.clone();
    let items = match ctx.store.read_my_work(&ctx.reader(), 500).await {
        Ok(i) => i,
        Err(e) => return crate::error::store(&t, e),
    };
    let today = ctx.store.now().date_naive();
    let rows = items
        .iter()
        .map(|w| Row {
            id: w.meta.id.clone(),
            reference: w.meta.reference.to_string(),
            name: super::display(&w.identity, &t),
            age: w
                .identity
                .clone()
                .present()
                .map(|i| age_text(&t, &i.age, today))
                .unwrap_or_default(),
            status: t.get(&format!("status-{}", w.meta.status.as_str())),
            priority: t.get(&format!("priority-{}", w.meta.priority.as_str())),
            priority_level: w.meta.priority.as_str(),
            updated: t.date(w.meta.updated_at.date_naive()),
            victim: w.meta.victim.is_recognised(),
        })
        .collect::<Vec<_>>();
    let mut alerts = Vec::new();
    for a in ctx.store.alerts(&ctx.user().id).await.unwrap_or_default() {
        let d: serde_json::Value = serde_json::from_str(&a.detail).unwrap_or_default();
        let who = match d["by"].as_str() {
            Some(id) => ctx
                .store
                .user(id)
                .await
                .map(|u| u.display_name)
                .unwrap_or_else(|_| id.to_owned()),
            None => String::new(),
        };
        let text = match a.kind.as_str() {
            "changed" => {
                let what = t.pick("alert-what", d["what"].as_str().unwrap_or("case"));
                t.with("alert-changed", &[("who", who), ("what", what)])
            }
            "task" => t.with("alert-task", &[("who", who)]),
            "forum" => t.with(
                "alert-forum",
                &[
                    ("who", who),
                    (
                        "forum",
                        t.pick("forum", d["forum"].as_str().unwrap_or("adult_court")),
                    ),
                ],
            ),
            "refusals" => {
                let reader = d["reader"].as_str().unwrap_or_default();
                let who = match ctx.store.user(reader).await {
                    Ok(u) => u.display_name,
                    Err(_) => reader.to_owned(),
                };
                t.with(
                    "alert-refusals",
                    &[
                        ("who", who),
                        ("count", d["refusals"].to_string()),
                        ("minutes", d["minutes"].to_string()),
                    ],
                )
            }
            _ => t.get("alert-break-glass"),
        };
        alerts.push((
            t.datetime(a.created_at),
            text,
            a.case_id.unwrap_or_default(),
        ));
    }
    let count_text = t.count("mywork-count", rows.len());
    let user = ctx.user();
    let tasks = match ctx
        .store
        .my_tasks(
            &user.id,
            user.agency_id.as_deref(),
            user.role.works_with_children(),
            user.role == pelita_domain::role::Role::Supervisor,
            &ctx.config.response_times,
        )
        .await
    {
        Ok(list) => list,
        Err(e) => return crate::error::store(&t, e),
    };
    // The most urgent first; a long tail is counted, not drawn.
    let more_tasks = tasks.len().saturating_sub(TASKS_SHOWN);
    let tasks = task_rows(&t, &tasks[..tasks.len().min(TASKS_SHOWN)], ctx.store.now());
    let more_tasks = (more_tasks > 0).then(|| t.count("tasks-more", more_tasks));
    // Referrals to my agency, waiting for an answer or in progress: the receiving side's tasks.
    let mut inbox = Vec::new();
    if let Some(agency) = ctx.user().agency_id.clone() {
        let agencies = super::referral::agency_names(&ctx).await;
        for r in ctx.store.referrals_to(&agency).await.unwrap_or_default() {
            if !r.may_answer(&ctx.reader()) {
                continue;
            }
            inbox.push(super::referral::view(&ctx, &r, &agencies));
        }
    }
    view::render(WorkPage {
        nav: ctx.nav(),
        t,
        tasks,
        more_tasks,
        rows,
        count_text,
        alerts,
        inbox,
    })
}

#[derive(serde::Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    csrf: String,
}

/// "Mark as read": the alerts leave my work.
pub async fn alerts_read(ctx: Ctx, crate::view::Form(f): crate::view::Form<ReadForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    match ctx.store.mark_alerts_read(ctx.actor()).await {
        Ok(()) => view::redirect("/work"),
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

/// "Done": a conference task leaves my work.
pub async fn task_done(
    ctx: Ctx,
    axum::extract::Path(id): axum::extract::Path<String>,
    crate::view::Form(f): crate::view::Form<ReadForm>,
) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    match ctx.store.complete_task(ctx.actor(), &id).await {
        Ok(()) => view::redirect("/work#tasks"),
        Err(e) => crate::error::store(&ctx.t, e),
    }
}

//! "My work", a workbench: counts that lead somewhere, the tasks that are mine (naming the
//! child where I may read the name), a supervisor's queue, alerts gathered by case, referrals
//! to answer, and my cases filtered, sorted and paged — every time in the agency's time zone.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use pelita_domain::case::{CaseStatus, PriorityLevel};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::justice::clock::State;
use pelita_domain::role::Role;
use pelita_domain::task::{TaskKind, Urgency};
use pelita_store::{CASES_PER_PAGE, CaseFilter, CaseSort, Readable, TaskItem};

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav, age_text};

pub struct Row {
    pub id: String,
    pub reference: String,
    pub name: String,
    pub age: String,
    pub status: String,
    pub status_key: &'static str,
    pub priority: String,
    pub priority_level: &'static str,
    pub updated: String,
    pub victim: bool,
}

/// Tasks drawn on the page unless all are asked for; the rest are counted, with a link.
const TASKS_SHOWN: usize = 10;
/// Tasks drawn when all are asked for; the API lists every one.
const TASKS_ALL: usize = 200;
/// Cases whose changes My work shows before "show all".
const ALERT_GROUPS_SHOWN: usize = 5;

/// One task in "my work".
pub struct TaskRow {
    /// The action ("First assessment").
    pub kind: String,
    /// The child's name where the reader may read it, else empty.
    pub child: String,
    /// Where the task is done: the case, or the part of it the task is about.
    pub href: String,
    pub reference: String,
    pub due: String,
    /// "1 day 4 hours left", "3 hours late".
    pub countdown: String,
    pub urgency: &'static str,
    pub urgency_text: String,
    pub priority_level: &'static str,
    pub text: String,
    /// A detention clock's state, as the clock names it: "deadline near", or at the
    /// deadline what the law requires.
    pub clock: Option<(&'static str, String)>,
    /// A stored task the reader can mark done.
    pub done_id: Option<String>,
}

/// Kinds whose deadline is a day (a review date, a follow-up), not an instant.
fn by_day(kind: TaskKind) -> bool {
    matches!(
        kind,
        TaskKind::PlanReview
            | TaskKind::FollowUp
            | TaskKind::ReceptionReview
            | TaskKind::DiversionBreach
    )
}

/// A time where the agency works, without naming the zone (the page names it once).
pub fn local(t: &Tr, at: DateTime<Utc>, tz: Tz) -> String {
    let l = at.with_timezone(&tz);
    format!("{} {}", t.date(l.date_naive()), l.format("%H:%M"))
}

/// How long until (or since) a deadline: "1 day 4 hours", "3 hours", "20 minutes".
pub fn span(t: &Tr, d: TimeDelta) -> String {
    let d = d.abs();
    let (days, hours, minutes) = (d.num_days(), d.num_hours() % 24, d.num_minutes() % 60);
    let n = |x: i64| usize::try_from(x).unwrap_or(0);
    if days > 0 && hours > 0 {
        format!(
            "{} {}",
            t.count("work-days", n(days)),
            t.count("work-hours", n(hours))
        )
    } else if days > 0 {
        t.count("work-days", n(days))
    } else if hours > 0 {
        t.count("work-hours", n(hours))
    } else {
        t.count("work-minutes", n(minutes.max(1)))
    }
}

/// "1 day 4 hours left" or "3 hours late".
pub fn countdown(t: &Tr, due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let time = span(t, due - now);
    if due > now {
        t.with("work-left", &[("time", time)])
    } else {
        t.with("work-late", &[("time", time)])
    }
}

pub fn task_rows(
    t: &Tr,
    tasks: &[TaskItem],
    names: &HashMap<String, Readable<ChildIdentity>>,
    now: DateTime<Utc>,
    tz: Tz,
) -> Vec<TaskRow> {
    tasks
        .iter()
        .map(|x| {
            let urgency = Urgency::of(x.due, now);
            let clock = x.at_expiry.map(|a| {
                // The clock's own state: past its deadline, what the law requires; before it,
                // "deadline near" (only clocks near or past their deadline are tasks).
                if x.due <= now {
                    (
                        State::Expired.as_str(),
                        t.pick("detention-expiry", a.as_str()),
                    )
                } else {
                    (
                        State::Warning.as_str(),
                        t.pick("clock-state", State::Warning.as_str()),
                    )
                }
            });
            TaskRow {
                kind: t.pick("task-kind", x.kind.as_str()),
                child: names
                    .get(&x.case_id)
                    .map(|i| super::display(i, t))
                    .unwrap_or_default(),
                href: match x.kind {
                    TaskKind::ReceptionReview => format!("/cases/{}/abroad#reception", x.case_id),
                    _ => format!("/cases/{}", x.case_id),
                },
                reference: x.reference.clone(),
                due: if by_day(x.kind) {
                    t.date(x.due.date_naive())
                } else {
                    local(t, x.due, tz)
                },
                countdown: countdown(t, x.due, now),
                urgency: urgency.as_str(),
                urgency_text: t.pick("task-urgency", urgency.as_str()),
                priority_level: x.priority.as_str(),
                text: if x.at_expiry.is_some() {
                    String::new()
                } else {
                    x.text.clone().unwrap_or_default()
                },
                clock,
                done_id: (x.kind == TaskKind::Conference).then(|| x.id.clone()),
            }
        })
        .collect()
}

/// A count at the top of the page, and where it leads.
pub struct Count {
    pub text: String,
    pub href: String,
    pub n: usize,
    pub urgent: bool,
}

/// Alerts about one case, summarised.
pub struct AlertView {
    pub case_id: Option<String>,
    pub summary: String,
    /// What happened, each different thing once (with how many times).
    pub lines: Vec<String>,
}

pub struct PlanView {
    pub case_id: String,
    pub reference: String,
    pub child: String,
    pub worker: String,
    pub since: String,
}

pub struct WorkerView {
    pub name: String,
    pub role: String,
    pub cases_text: String,
    pub overdue: bool,
    pub overdue_text: String,
    /// The most overdue, a few.
    pub tasks: Vec<TaskRow>,
}

/// An option of a filter: value, label, selected.
pub type Choice = (String, String, bool);

#[derive(Template)]
#[template(path = "work.html")]
struct WorkPage {
    t: Tr,
    nav: Nav,
    zone: String,
    counts: Vec<Count>,
    /// What a role without casework does here, with where to go.
    intro: Option<(String, String, String)>,
    casework: bool,
    tasks: Vec<TaskRow>,
    more_tasks: Option<String>,
    task_filter: Option<String>,
    supervisor: bool,
    plans: Vec<PlanView>,
    team: Vec<WorkerView>,
    alerts: Vec<AlertView>,
    /// How many cases' changes are not shown, and where to see them all.
    alerts_more: Option<(String, String)>,
    inbox: Vec<super::referral::ReferralView>,
    rows: Vec<Row>,
    count_text: String,
    statuses: Vec<Choice>,
    priorities: Vec<Choice>,
    /// Offered only where the deployment's agencies work under more than one jurisdiction.
    jurisdictions: Vec<Choice>,
    dues: Vec<Choice>,
    sorts: Vec<Choice>,
    filtered: bool,
    /// Whether the reader holds any case (the filters are offered only then).
    any_case: bool,
    pager: Option<(String, Option<String>, Option<String>)>,
    /// A refused answer to a referral, shown again as it was typed.
    kept: super::form::Kept,
}

/// The query of "my work": filters of the case list and of the tasks, the order, the page.
/// Unknown values are ignored (the unfiltered list), never an error.
#[derive(serde::Deserialize, Default, Clone)]
pub struct WorkQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    priority: String,
    /// A jurisdiction's code: cases held by its agencies.
    #[serde(default)]
    jurisdiction: String,
    /// `overdue` or `today`: tasks so due, and the cases they are about.
    #[serde(default)]
    due: String,
    /// A kind of task (`detention`, `referral_answer` …).
    #[serde(default)]
    kind: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
    /// `all`: every task, not only the most urgent.
    #[serde(default)]
    tasks: String,
    /// `all`: the changes to every case, not only the latest few.
    #[serde(default)]
    alerts: String,
}

impl WorkQuery {
    fn with(&self, key: &str, value: &str) -> String {
        let mut q = self.clone();
        match key {
            "page" => q.page = value.into(),
            "alerts" => q.alerts = value.into(),
            _ => unreachable!("only the page and the alerts shown are changed by a link"),
        }
        let pairs = [
            ("status", &q.status),
            ("priority", &q.priority),
            ("jurisdiction", &q.jurisdiction),
            ("due", &q.due),
            ("kind", &q.kind),
            ("sort", &q.sort),
            ("page", &q.page),
            ("tasks", &q.tasks),
            ("alerts", &q.alerts),
        ];
        let s: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect();
        let to = if key == "alerts" { "alerts" } else { "cases" };
        format!("/work?{}#{to}", s.join("&"))
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Whether a task is due by the end of today where the agency works (and not yet overdue).
fn due_today(due: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> bool {
    due > now && due.with_timezone(&tz).date_naive() <= now.with_timezone(&tz).date_naive()
}

pub async fn page(ctx: Ctx, Query(q): Query<WorkQuery>) -> Response {
    render(&ctx, q, super::form::Kept::default()).await
}

/// My work again after a refused form of its own (an answer to a referral): the form filled
/// as it was, with its message beside the field.
pub(super) async fn refused(ctx: &Ctx, kept: super::form::Kept) -> Response {
    render(ctx, WorkQuery::default(), kept).await
}

async fn render(ctx: &Ctx, q: WorkQuery, kept: super::form::Kept) -> Response {
    let t = ctx.t.clone();
    let user = ctx.user().clone();
    let reader = ctx.reader();
    let now = ctx.store.now();
    let tz = super::zone::zone(ctx).await;
    let supervisor = user.role == Role::Supervisor;
    let casework = user.role.works_with_children();

    // My tasks, only of the kinds my role does.
    let all_tasks: Vec<TaskItem> = if casework {
        match ctx
            .store
            .my_tasks(
                &user.id,
                user.agency_id.as_deref(),
                true,
                supervisor,
                &ctx.config.response_times,
            )
            .await
        {
            Ok(list) => list
                .into_iter()
                .filter(|x| x.kind.is_for(user.role))
                .collect(),
            Err(e) => return crate::error::store(&t, e),
        }
    } else {
        Vec::new()
    };
    let due_filter = match q.due.as_str() {
        "overdue" | "today" => Some(q.due.as_str()),
        _ => None,
    };
    let kind_filter = all_tasks
        .iter()
        .map(|x| x.kind)
        .find(|k| k.as_str() == q.kind);
    let wanted = |x: &TaskItem| {
        (match due_filter {
            Some("overdue") => x.due <= now,
            Some(_) => due_today(x.due, now, tz),
            None => true,
        }) && kind_filter.is_none_or(|k| x.kind == k)
    };
    let tasks: Vec<&TaskItem> = all_tasks.iter().filter(|x| wanted(x)).collect();

    // The supervisor's queue.
    let queue = if supervisor {
        match ctx
            .store
            .supervisor_queue(&reader, &ctx.config.response_times)
            .await
        {
            Ok(q) => Some(q),
            Err(e) => return crate::error::store(&t, e),
        }
    } else {
        None
    };

    // Alerts by case.
    let mut groups = ctx.store.alert_groups(&user.id).await.unwrap_or_default();
    // The latest few cases' changes; the rest behind one link, so tasks stay near the top.
    let alerts_hidden = if q.alerts == "all" {
        0
    } else {
        groups.len().saturating_sub(ALERT_GROUPS_SHOWN)
    };
    groups.truncate(groups.len() - alerts_hidden);

    // One read of the names the page shows: my cases' page, and the cases of the tasks,
    // plans and alerts drawn.
    let limit = if q.tasks == "all" {
        TASKS_ALL
    } else {
        TASKS_SHOWN
    };
    let shown = &tasks[..tasks.len().min(limit)];
    let mut also: Vec<String> = shown.iter().map(|x| x.case_id.clone()).collect();
    also.extend(groups.iter().filter_map(|g| g.case_id.clone()));
    if let Some(queue) = &queue {
        also.extend(queue.plans.iter().map(|p| p.case_id.clone()));
    }
    let status = CaseStatus::ALL
        .into_iter()
        .filter(|s| s.is_open())
        .find(|s| s.as_str() == q.status);
    let priority = PriorityLevel::parse(&q.priority);
    let sort = CaseSort::parse(&q.sort).unwrap_or_default();
    let page_no: u32 = q.page.parse::<u32>().unwrap_or(1).max(1);
    // The deployment's jurisdictions (those its agencies work under); a code not among them
    // filters nothing.
    let mut codes: Vec<String> = ctx
        .store
        .agencies()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.jurisdiction)
        .collect();
    codes.sort();
    codes.dedup();
    let jurisdiction = codes.iter().find(|c| **c == q.jurisdiction).cloned();
    let filter = CaseFilter {
        status,
        priority,
        jurisdiction: jurisdiction.clone(),
        only: due_filter.map(|_| {
            let mut ids: Vec<String> = tasks.iter().map(|x| x.case_id.clone()).collect();
            ids.sort();
            ids.dedup();
            ids
        }),
        sort,
        page: page_no - 1,
    };
    let bench = match ctx.store.read_workbench(&reader, &filter, &also).await {
        Ok(b) => b,
        Err(e) => return crate::error::store(&t, e),
    };
    let name_of = |case: &str| {
        bench
            .names
            .get(case)
            .map(|i| super::display(i, &t))
            .unwrap_or_default()
    };

    // Counts that lead somewhere.
    let mut counts = Vec::new();
    if casework {
        let overdue = all_tasks.iter().filter(|x| x.due <= now).count();
        let today = all_tasks
            .iter()
            .filter(|x| due_today(x.due, now, tz))
            .count();
        counts.push(Count {
            text: t.count("work-count-overdue", overdue),
            href: "/work?due=overdue#tasks".into(),
            n: overdue,
            urgent: true,
        });
        counts.push(Count {
            text: t.count("work-count-today", today),
            href: "/work?due=today#tasks".into(),
            n: today,
            urgent: false,
        });
        let referrals = all_tasks
            .iter()
            .filter(|x| x.kind == TaskKind::ReferralAnswer)
            .count();
        counts.push(Count {
            text: t.count("work-count-referrals", referrals),
            href: "/work?kind=referral_answer#tasks".into(),
            n: referrals,
            urgent: false,
        });
        if let Some(queue) = &queue {
            counts.push(Count {
                text: t.count("work-count-approvals", queue.plans.len()),
                href: "/work#queue".into(),
                n: queue.plans.len(),
                urgent: false,
            });
        }
        if TaskKind::Detention.is_for(user.role) {
            let clocks = all_tasks
                .iter()
                .filter(|x| x.kind == TaskKind::Detention)
                .count();
            counts.push(Count {
                text: t.count("work-count-detention", clocks),
                href: "/work?kind=detention#tasks".into(),
                n: clocks,
                urgent: true,
            });
        }
    }

    // A count of nothing leads nowhere.
    counts.retain(|c| c.n > 0);
    let more_tasks = tasks.len().saturating_sub(limit);
    let shown: Vec<TaskItem> = shown.iter().map(|x| (*x).clone()).collect();
    let task_rows_v = task_rows(&t, &shown, &bench.names, now, tz);
    let more_tasks = (more_tasks > 0).then(|| t.count("tasks-more", more_tasks));
    let task_filter = match (due_filter, kind_filter) {
        (Some(d), _) => Some(t.pick("work-due", d)),
        (None, Some(k)) => Some(t.pick("task-kind", k.as_str())),
        _ => None,
    };

    // Alerts, one summary per case.
    let mut people: HashMap<String, String> = HashMap::new();
    let mut alerts = Vec::new();
    let today_local = now.with_timezone(&tz).date_naive();
    for g in &groups {
        let mut who: Vec<String> = Vec::new();
        let mut lines: Vec<(String, usize)> = Vec::new();
        for a in &g.alerts {
            let d: serde_json::Value = serde_json::from_str(&a.detail).unwrap_or_default();
            let by = d["by"]
                .as_str()
                .or(d["reader"].as_str())
                .unwrap_or_default();
            let name = if by.is_empty() {
                String::new()
            } else if by.starts_with("system:") {
                t.get("work-the-system")
            } else if let Some(n) = people.get(by) {
                n.clone()
            } else {
                let n = match ctx.store.user(by).await {
                    Ok(u) => u.display_name,
                    Err(_) => t.get("work-someone"),
                };
                people.insert(by.to_owned(), n.clone());
                n
            };
            if !name.is_empty() && !who.contains(&name) {
                who.push(name.clone());
            }
            let text = match a.kind.as_str() {
                "changed" => {
                    let what = t.pick("alert-what", d["what"].as_str().unwrap_or("case"));
                    t.with("alert-changed", &[("who", name), ("what", what)])
                }
                "task" => t.with("alert-task", &[("who", name)]),
                "forum" => t.with(
                    "alert-forum",
                    &[
                        ("who", name),
                        (
                            "forum",
                            t.pick("forum", d["forum"].as_str().unwrap_or("adult_court")),
                        ),
                    ],
                ),
                "refusals" => t.with(
                    "alert-refusals",
                    &[
                        ("who", name),
                        ("count", d["refusals"].to_string()),
                        ("minutes", d["minutes"].to_string()),
                    ],
                ),
                _ => t.get("alert-break-glass"),
            };
            match lines.iter_mut().find(|(l, _)| *l == text) {
                Some((_, n)) => *n += 1,
                None => lines.push((text, 1)),
            }
        }
        let latest = g.alerts.first().map(|a| a.created_at).unwrap_or(now);
        let day = latest.with_timezone(&tz).date_naive();
        let when = if day == today_local {
            t.get("work-today")
        } else {
            t.with("work-on-day", &[("date", t.date(day))])
        };
        let summary = match &g.case_id {
            Some(case) => {
                let child = match name_of(case) {
                    n if n.is_empty() => g.reference.clone().unwrap_or_default(),
                    n => n,
                };
                let changes = t.count("work-alert-changes", g.alerts.len());
                if who.is_empty() {
                    t.with(
                        "work-alert-summary-nobody",
                        &[("changes", changes), ("child", child), ("when", when)],
                    )
                } else {
                    t.with(
                        "work-alert-summary",
                        &[
                            ("changes", changes),
                            ("child", child),
                            ("who", who.join(", ")),
                            ("when", when),
                        ],
                    )
                }
            }
            None => local(&t, latest, tz),
        };
        alerts.push(AlertView {
            case_id: g.case_id.clone(),
            summary,
            lines: lines
                .into_iter()
                .map(|(l, n)| if n > 1 { format!("{l} (×{n})") } else { l })
                .collect(),
        });
    }

    // Referrals to my agency, waiting for an answer or in progress: the receiving side's work.
    let mut inbox = Vec::new();
    if let Some(agency) = user.agency_id.clone() {
        let agencies = super::referral::agency_names(ctx).await;
        for r in ctx.store.referrals_to(&agency).await.unwrap_or_default() {
            if !r.may_answer(&reader) {
                continue;
            }
            inbox.push(super::referral::view(ctx, &r, &agencies));
        }
    }

    // The supervisor's queue, for the page.
    let (plans, team) = match &queue {
        Some(queue) => (
            queue
                .plans
                .iter()
                .map(|p| PlanView {
                    case_id: p.case_id.clone(),
                    reference: p.reference.clone(),
                    child: name_of(&p.case_id),
                    worker: p.worker.clone().unwrap_or_default(),
                    since: t.date(p.since.with_timezone(&tz).date_naive()),
                })
                .collect(),
            queue
                .team
                .iter()
                .map(|w| WorkerView {
                    name: w.name.clone(),
                    role: t.pick("role", w.role.as_str()),
                    cases_text: t.count(
                        "work-team-cases",
                        usize::try_from(w.open_cases).unwrap_or(0),
                    ),
                    overdue: !w.overdue.is_empty(),
                    overdue_text: t.count("work-count-overdue", w.overdue.len()),
                    tasks: task_rows(
                        &t,
                        &w.overdue[..w.overdue.len().min(3)],
                        &bench.names,
                        now,
                        tz,
                    ),
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };

    // My cases, this page.
    let today = now.with_timezone(&tz).date_naive();
    let rows = bench
        .cases
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
            status_key: w.meta.status.as_str(),
            priority: t.get(&format!("priority-{}", w.meta.priority.as_str())),
            priority_level: w.meta.priority.as_str(),
            updated: t.date(w.meta.updated_at.with_timezone(&tz).date_naive()),
            victim: w.meta.victim.is_recognised(),
        })
        .collect::<Vec<_>>();
    let total = usize::try_from(bench.total).unwrap_or(0);
    let filtered =
        status.is_some() || priority.is_some() || jurisdiction.is_some() || due_filter.is_some();
    let any_case = filtered || total > 0;
    let count_text = if filtered {
        t.count("work-cases-match", total)
    } else {
        t.count("mywork-count", total)
    };
    let pages = total.div_ceil(CASES_PER_PAGE as usize).max(1);
    let page_no = (page_no as usize).min(pages);
    let pager = (pages > 1).then(|| {
        (
            t.with_args(
                "work-page-of",
                &[("page", page_no.into()), ("pages", pages.into())],
            ),
            (page_no > 1).then(|| q.with("page", &(page_no - 1).to_string())),
            (page_no < pages).then(|| q.with("page", &(page_no + 1).to_string())),
        )
    });
    let choice = |v: &str, label: String, sel: bool| (v.to_owned(), label, sel);
    let mut statuses = vec![choice("", t.get("work-any"), status.is_none())];
    statuses.extend(
        CaseStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(|s| choice(s.as_str(), t.pick("status", s.as_str()), status == Some(s))),
    );
    let jurisdictions = if codes.len() > 1 {
        let mut all = vec![choice("", t.get("work-any"), jurisdiction.is_none())];
        all.extend(codes.iter().map(|c| {
            choice(
                c,
                t.get(&format!("country-{c}")),
                jurisdiction.as_deref() == Some(c.as_str()),
            )
        }));
        all
    } else {
        Vec::new()
    };
    let mut priorities = vec![choice("", t.get("work-any"), priority.is_none())];
    priorities.extend(
        [
            PriorityLevel::High,
            PriorityLevel::Medium,
            PriorityLevel::Low,
        ]
        .into_iter()
        .map(|p| {
            choice(
                p.as_str(),
                t.pick("priority", p.as_str()),
                priority == Some(p),
            )
        }),
    );
    let mut dues = vec![choice("", t.get("work-any"), due_filter.is_none())];
    dues.extend(
        ["overdue", "today"]
            .into_iter()
            .map(|d| choice(d, t.pick("work-due", d), due_filter == Some(d))),
    );
    let sorts = CaseSort::ALL
        .into_iter()
        .map(|s| choice(s.as_str(), t.pick("work-sort", s.as_str()), sort == s))
        .collect();

    let intro = match user.role {
        Role::SecurityLiaison => Some(("work-intro-liaison", "/search", "work-intro-liaison-go")),
        Role::Researcher => Some((
            "work-intro-researcher",
            "/indicators",
            "work-intro-researcher-go",
        )),
        Role::Auditor => Some(("work-intro-auditor", "/audit", "work-intro-auditor-go")),
        Role::Administrator => Some(("work-intro-admin", "/admin", "work-intro-admin-go")),
        _ => None,
    }
    .map(|(text, href, go)| (t.get(text), href.to_owned(), t.get(go)));

    view::render(WorkPage {
        nav: ctx.nav(),
        zone: t.with("work-zone", &[("zone", tz.name().to_owned())]),
        counts,
        intro,
        casework,
        tasks: task_rows_v,
        more_tasks,
        task_filter,
        supervisor,
        plans,
        team,
        alerts,
        alerts_more: (alerts_hidden > 0).then(|| {
            (
                t.count("work-alerts-more", alerts_hidden),
                q.with("alerts", "all"),
            )
        }),
        inbox,
        rows,
        count_text,
        statuses,
        priorities,
        jurisdictions,
        dues,
        sorts,
        filtered,
        any_case,
        pager,
        kept,
        t,
    })
}

#[derive(serde::Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    csrf: String,
    /// Only this case's alerts; all of them without it.
    #[serde(default)]
    case: String,
}

/// "Mark as read": the alerts — of one case, or all — leave my work.
pub async fn alerts_read(ctx: Ctx, crate::view::Form(f): crate::view::Form<ReadForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let done = if f.case.is_empty() {
        ctx.store.mark_alerts_read(ctx.actor()).await
    } else {
        ctx.store.mark_case_alerts_read(ctx.actor(), &f.case).await
    };
    match done {
        Ok(()) => view::redirect("/work#alerts"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_countdown_names_days_and_hours_left_or_late() {
        let t = Tr::new("en");
        let now: DateTime<Utc> = "2026-12-07T12:00:00Z".parse().unwrap();
        let due = now + TimeDelta::hours(28);
        assert_eq!(countdown(&t, due, now), "1 day 4 hours left");
        assert_eq!(
            countdown(&t, now - TimeDelta::hours(3), now),
            "3 hours late"
        );
        assert_eq!(
            countdown(&t, now + TimeDelta::minutes(20), now),
            "20 minutes left"
        );
    }

    #[test]
    fn a_deadline_is_shown_in_the_agency_s_time_without_utc() {
        let t = Tr::new("en");
        let at: DateTime<Utc> = "2026-12-08T17:00:00Z".parse().unwrap();
        let s = local(&t, at, chrono_tz::Asia::Jakarta);
        assert_eq!(s, "9 December 2026 00:00");
        assert!(!s.contains("UTC"));
    }
}

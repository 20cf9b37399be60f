//! Case conferences on the case page (plan section): the record of each — who took part, the
//! minutes, the child's views, decisions with their best-interests justification and any
//! dissent — and the form that records one with its follow-up tasks.

use std::collections::HashMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use pelita_domain::case::PriorityLevel;
use pelita_domain::conference::{
    Conference, Decision, DecisionKind, Dissent, Participant, ParticipantRole,
};
use pelita_domain::plan::Views;
use pelita_domain::policy::write::Change;
use pelita_domain::task::NewTask;
use pelita_domain::text::NameText;
use pelita_store::{ConferenceRecord, Readable};

use super::form::{CaseForm, CaseOf, OrRefuse, Refused, Saved};
use super::{opt_note, posted as all, posted_one as one};
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::Form;

/// Rows the form offers: enough for a multi-agency meeting; the API takes more.
pub const PARTICIPANT_ROWS: usize = 8;
pub const TASK_ROWS: usize = 3;

pub struct DecisionView {
    pub kind: String,
    pub text: String,
    pub best_interests: String,
    pub dissent: Vec<String>,
}

pub struct ConferenceItem {
    pub held_on: String,
    pub participants: Vec<String>,
    pub minutes: String,
    pub child_views: String,
    pub decisions: Vec<DecisionView>,
    pub tasks: Vec<String>,
    pub erased: bool,
}

pub struct ConferencesView {
    pub items: Vec<ConferenceItem>,
    /// The form, for those who may record one: roles, decision kinds, possible assignees.
    pub form: Option<ConferenceForm>,
}

pub struct ConferenceForm {
    pub today: String,
    pub roles: Vec<(&'static str, String)>,
    pub kinds: Vec<(&'static str, String)>,
    pub assignees: Vec<(String, String)>,
    pub rows: Vec<ParticipantRow>,
    pub task_rows: Vec<TaskFormRow>,
    /// Shown open, with what was typed, after a refusal.
    pub open: bool,
    pub held_on: String,
    pub minutes: String,
    pub child_views: String,
    pub child_why_not: String,
    pub kind: String,
    pub decision: String,
    pub best_interests: String,
    pub dissent_by: String,
    pub dissent: String,
}

pub struct ParticipantRow {
    pub i: usize,
    pub name: String,
    pub org: String,
    pub role: String,
}

pub struct TaskFormRow {
    pub i: usize,
    pub text: String,
    pub assignee: String,
    pub priority: String,
    pub due: String,
}

fn item(t: &Tr, r: &ConferenceRecord, users: &HashMap<String, String>) -> ConferenceItem {
    let Readable::Present(c) = &r.record else {
        return ConferenceItem {
            held_on: t.date(r.held_on),
            participants: vec![],
            minutes: t.get("erased"),
            child_views: String::new(),
            decisions: vec![],
            tasks: vec![],
            erased: true,
        };
    };
    ConferenceItem {
        held_on: t.date(c.held_on),
        participants: c
            .participants
            .iter()
            .map(|p| {
                let role = t.pick("conference-role", p.role.as_str());
                match &p.organisation {
                    Some(o) => format!("{} ({role}, {o})", p.name),
                    None => format!("{} ({role})", p.name),
                }
            })
            .collect(),
        minutes: c.minutes.as_str().to_owned(),
        child_views: super::plan::views_text(t, &c.child_views),
        decisions: c
            .decisions
            .iter()
            .map(|d| DecisionView {
                kind: t.pick("conference-kind", d.kind.as_str()),
                text: d.text.as_str().to_owned(),
                best_interests: d.best_interests.as_str().to_owned(),
                dissent: d
                    .dissent
                    .iter()
                    .map(|x| format!("{}: {}", x.by, x.reason.as_str()))
                    .collect(),
            })
            .collect(),
        tasks: c
            .tasks
            .iter()
            .map(|task| {
                let who = users
                    .get(&task.assignee)
                    .cloned()
                    .unwrap_or_else(|| task.assignee.clone());
                format!(
                    "{} — {who} ({})",
                    task.text.as_str(),
                    t.get(&format!("priority-{}", task.priority.as_str()))
                )
            })
            .collect(),
        erased: false,
    }
}

/// Whom the form offers for a task: the case's lead and team first, then colleagues of its
/// agencies, at most [`pelita_store::STAFF_OFFERED`] (a search field narrows the rest, so a
/// case page never lists a deployment's thousands of accounts); after a refusal, the person
/// chosen stays offered.
async fn assignees(ctx: &Ctx, case_id: &str, chosen: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ctx
        .store
        .conference_staff(case_id, "")
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let missing: Vec<String> = chosen
        .iter()
        .filter(|c| !c.is_empty() && !out.iter().any(|(id, _)| id == *c))
        .cloned()
        .collect();
    if !missing.is_empty() {
        for (id, name) in ctx.store.display_names(&missing).await.unwrap_or_default() {
            out.push((id, name));
        }
    }
    out
}

pub async fn view(
    ctx: &Ctx,
    case_id: &str,
    records: &[ConferenceRecord],
    can_record: bool,
    posted: Option<&super::Posted>,
) -> ConferencesView {
    let t = &ctx.t;
    // Only the accounts the records name: never every user of the deployment.
    let mut named: Vec<String> = records
        .iter()
        .filter_map(|r| match &r.record {
            Readable::Present(c) => Some(c.tasks.iter().map(|t| t.assignee.clone())),
            Readable::Erased { .. } => None,
        })
        .flatten()
        .collect();
    named.sort();
    named.dedup();
    let users = ctx.store.display_names(&named).await.unwrap_or_default();
    let typed = |name: &str, i: usize| posted.map(|p| p.nth(name, i)).unwrap_or_default();
    let today = super::zone::today(ctx).await.to_string();
    let form = if can_record {
        let chosen: Vec<String> = (0..TASK_ROWS).map(|i| typed("t_assignee", i)).collect();
        Some(ConferenceForm {
            open: posted.is_some(),
            held_on: posted.map_or_else(|| today.clone(), |p| p.one("held_on")),
            minutes: typed("minutes", 0),
            child_views: typed("child_views", 0),
            child_why_not: typed("child_why_not", 0),
            kind: typed("decision_kind", 0),
            decision: typed("decision", 0),
            best_interests: typed("best_interests", 0),
            dissent_by: typed("dissent_by", 0),
            dissent: typed("dissent", 0),
            today,
            roles: ParticipantRole::ALL
                .iter()
                .map(|r| (r.as_str(), t.pick("conference-role", r.as_str())))
                .collect(),
            kinds: DecisionKind::ALL
                .iter()
                .map(|k| (k.as_str(), t.pick("conference-kind", k.as_str())))
                .collect(),
            assignees: assignees(ctx, case_id, &chosen).await,
            rows: (0..PARTICIPANT_ROWS)
                .map(|i| ParticipantRow {
                    i,
                    name: typed("p_name", i),
                    org: typed("p_org", i),
                    role: typed("p_role", i),
                })
                .collect(),
            task_rows: (0..TASK_ROWS)
                .map(|i| TaskFormRow {
                    i,
                    text: typed("t_text", i),
                    assignee: typed("t_assignee", i),
                    priority: posted
                        .map_or_else(|| "medium".to_owned(), |p| p.nth("t_priority", i)),
                    due: typed("t_due", i),
                })
                .collect(),
        })
    } else {
        None
    };
    ConferencesView {
        items: records.iter().map(|r| item(t, r, &users)).collect(),
        form,
    }
}

/// The options of a task's person chooser for what was typed in its search field (htmx):
/// the case's staff whose name or username holds it. Only for those who may record a
/// conference on the case.
pub async fn staff(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    if !ctx.csrf_ok(one(&body, "csrf")) {
        return ctx.csrf_failed();
    }
    let Ok(meta) = ctx.store.case_meta(&id).await else {
        return error::page(&ctx.t, StatusCode::NOT_FOUND, "error-not-found");
    };
    if !may_record(&ctx, &meta) {
        return error::page(&ctx.t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    // Each row's field has a name of its own; htmx posts only the one typed in.
    let typed: String = body
        .iter()
        .find(|(k, _)| k.starts_with("staff_q"))
        .map(|(_, v)| v.trim().chars().take(100).collect())
        .unwrap_or_default();
    let people = ctx
        .store
        .conference_staff(&meta.id, &typed)
        .await
        .unwrap_or_default();
    let options = StaffOptions {
        people: people.into_iter().map(|u| (u.id, u.display_name)).collect(),
        none: ctx.t.get("conference-staff-none"),
    };
    crate::view::render(options)
}

/// A chooser's options, escaped by askama like every page.
#[derive(askama::Template)]
#[template(
    source = "{% for (id, name) in people %}<option value=\"{{ id }}\">{{ name }}</option>{% endfor %}{% if people.is_empty() %}<option value=\"\" disabled>{{ none }}</option>{% endif %}",
    ext = "html"
)]
struct StaffOptions {
    people: Vec<(String, String)>,
    none: String,
}

/// The conference the form describes; blank rows are skipped. The message key of the first
/// problem otherwise.
fn parse(body: &[(String, String)]) -> Result<Conference, String> {
    let held_on = NaiveDate::parse_from_str(one(body, "held_on"), "%Y-%m-%d")
        .map_err(|_| "error-impossible-date".to_owned())?;
    let mut participants = Vec::new();
    let (names, orgs, roles) = (all(body, "p_name"), all(body, "p_org"), all(body, "p_role"));
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let role = roles
            .get(i)
            .and_then(|r| ParticipantRole::parse(r))
            .ok_or("error-invalid")?;
        let organisation = match orgs.get(i).copied().unwrap_or("") {
            "" => None,
            o => Some(NameText::parse(o).map_err(|e| error::domain_key(&e))?),
        };
        participants.push(Participant {
            name: NameText::parse(name).map_err(|e| error::domain_key(&e))?,
            organisation,
            role,
        });
    }
    let minutes = opt_note(one(body, "minutes"))?.ok_or("error-conference-minutes")?;
    let child_views = Views::from_parts(
        opt_note(one(body, "child_views"))?,
        opt_note(one(body, "child_why_not"))?,
    );
    let mut decisions = Vec::new();
    if let Some(text) = opt_note(one(body, "decision"))? {
        let kind = DecisionKind::parse(one(body, "decision_kind")).ok_or("error-invalid")?;
        let best_interests =
            opt_note(one(body, "best_interests"))?.ok_or("error-best-interests-required")?;
        let mut dissent = Vec::new();
        if let Some(reason) = opt_note(one(body, "dissent"))? {
            dissent.push(Dissent {
                by: NameText::parse(one(body, "dissent_by"))
                    .map_err(|_| "error-invalid-dissent".to_owned())?,
                reason,
            });
        }
        decisions.push(Decision {
            kind,
            text,
            best_interests,
            dissent,
        });
    }
    let mut tasks = Vec::new();
    let (texts, who, prio, due) = (
        all(body, "t_text"),
        all(body, "t_assignee"),
        all(body, "t_priority"),
        all(body, "t_due"),
    );
    for (i, text) in texts.iter().enumerate() {
        let Some(text) = opt_note(text)? else {
            continue;
        };
        let due_on = match due.get(i).copied().unwrap_or("") {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| "error-impossible-date".to_owned())?,
            ),
        };
        tasks.push(NewTask {
            text,
            assignee: who.get(i).copied().unwrap_or("").to_owned(),
            priority: prio
                .get(i)
                .and_then(|p| PriorityLevel::parse(p))
                .ok_or("error-invalid")?,
            due_on,
        });
    }
    Ok(Conference {
        held_on,
        participants,
        minutes,
        child_views,
        decisions,
        tasks,
    })
}

/// Who records conferences: those who may change the case's plan section.
pub fn may_record(ctx: &Ctx, meta: &pelita_store::CaseMeta) -> bool {
    super::may_change(ctx, meta, Change::Conference)
}

pub async fn record(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    CaseForm::new(
        &ctx,
        one(&body, "csrf"),
        CaseOf::Case(&id),
        Change::Conference,
    )
    .keeping(super::Posted::new("conference", &body))
    .run(async |meta| {
        let c = parse(&body).or_refuse(t)?;
        ctx.store
            .record_conference(ctx.actor(), &meta.id, c, &ctx.config.response_times)
            .await
            .map_err(|e| Refused::store(t, e))?;
        Ok(Saved::at(format!("/cases/{}#conferences", meta.id)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pages::form_body as body;

    #[test]
    fn rows_pair_up_by_position_and_blank_rows_are_skipped() {
        let c = parse(&body(&[
            ("held_on", "2026-11-20"),
            ("p_name", "Sari"),
            ("p_org", "DSS"),
            ("p_role", "case_worker"),
            ("p_name", ""),
            ("p_org", ""),
            ("p_role", "other"),
            ("p_name", "Ayu"),
            ("p_org", ""),
            ("p_role", "child_protection_lead"),
            ("minutes", "Met"),
            ("child_views", "Wants to go home"),
            ("decision", "Return home"),
            ("decision_kind", "placement"),
            ("best_interests", "Family-based care"),
            ("t_text", "Visit"),
            ("t_assignee", "u1"),
            ("t_priority", "high"),
            ("t_due", ""),
            ("t_text", ""),
            ("t_assignee", "u1"),
            ("t_priority", "low"),
            ("t_due", ""),
        ]))
        .unwrap();
        assert_eq!(c.participants.len(), 2);
        assert_eq!(c.participants[1].role, ParticipantRole::ChildProtectionLead);
        assert_eq!(c.participants[1].organisation, None);
        assert_eq!(c.decisions[0].kind, DecisionKind::Placement);
        assert_eq!(c.tasks.len(), 1);
        assert_eq!(c.tasks[0].priority, PriorityLevel::High);
    }

    #[test]
    fn a_decision_without_its_best_interests_is_refused_with_that_reason() {
        let e = parse(&body(&[
            ("held_on", "2026-11-20"),
            ("minutes", "Met"),
            ("decision", "Return home"),
            ("decision_kind", "placement"),
            ("best_interests", "   "),
        ]));
        assert_eq!(e.unwrap_err(), "error-best-interests-required");
    }
}

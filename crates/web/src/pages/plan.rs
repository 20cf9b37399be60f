//! The reintegration plan on the case page: goals and actions, the child's and the
//! caregiver's views, review date, and the supervisor's approval.

use std::collections::HashMap;

use axum::extract::Path;
use axum::response::Response;

use pelita_domain::agency::Sector;
use pelita_domain::assessment::pick;
use pelita_domain::followup::Outcome;
use pelita_domain::plan::{Action, ActionStatus, Goal, GoalKind, Plan, Views};
use pelita_domain::policy::write::Change;
use pelita_store::{PlanRecord, Readable, StoreError};
use serde::Deserialize;

use super::form::{CaseForm, CaseOf, Needs, OrRefuse, Refused, Saved, Wrong};
use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::Form;

pub struct ActionView {
    pub text: String,
    pub status: &'static str,
    pub status_text: String,
    pub activity: String,
}

pub struct GoalView {
    pub domain: String,
    pub kind: String,
    pub text: String,
    pub actions: Vec<ActionView>,
}

pub struct PlanView {
    pub exists: bool,
    pub approved: bool,
    pub goals: Vec<GoalView>,
    pub child_views: String,
    pub caregiver_views: String,
    pub review_on: String,
    pub can_edit: bool,
    pub can_approve: bool,
    pub domains: Vec<(String, String)>,
    pub statuses: Vec<(&'static str, String)>,
    pub activities: Vec<(&'static str, String)>,
    pub agencies: Vec<(String, String)>,
    pub child_raw: (String, String),
    pub caregiver_raw: (String, String),
    pub review_raw: String,
    pub followups: Vec<FollowUpView>,
    /// The follow-up to record next, when the reader may record it.
    pub next_followup: Option<String>,
}

pub struct FollowUpView {
    pub due: String,
    pub done: String,
    pub summary: String,
}

fn yes_no(t: &Tr, v: Option<bool>) -> String {
    match v {
        Some(true) => t.get("answer-yes"),
        Some(false) => t.get("answer-no"),
        None => "—".into(),
    }
}

fn outcome_text(t: &Tr, o: &Outcome) -> String {
    let mut parts = vec![
        format!(
            "{}: {}",
            t.get("followup-family"),
            yes_no(t, o.living_with_family_or_family_based_care)
        ),
        format!(
            "{}: {}",
            t.get("followup-school"),
            yes_no(t, o.in_school_or_training)
        ),
        format!(
            "{}: {}",
            t.get("followup-support"),
            yes_no(t, o.access_to_health_and_psychosocial_support)
        ),
        format!(
            "{}: {}",
            t.get("followup-acceptance"),
            o.community_acceptance.map_or("—".into(), |a| a.to_string())
        ),
        format!(
            "{}: {}",
            t.get("followup-no-reassociation"),
            yes_no(t, o.no_re_association)
        ),
    ];
    if let Some(v) = &o.child_view {
        parts.push(format!("{}: {}", t.get("followup-child-view"), v.as_str()));
    }
    parts.join(" · ")
}

pub fn views_text(t: &Tr, v: &Views) -> String {
    match v {
        Views::Missing => t.get("plan-views-missing"),
        Views::Recorded(n) => n.as_str().to_owned(),
        Views::NotPossible(n) => {
            t.with("plan-views-not-possible", &[("why", n.as_str().to_owned())])
        }
    }
}

fn raw(v: &Views) -> (String, String) {
    match v {
        Views::Recorded(n) => (n.as_str().to_owned(), String::new()),
        Views::NotPossible(n) => (String::new(), n.as_str().to_owned()),
        Views::Missing => (String::new(), String::new()),
    }
}

pub async fn view(
    ctx: &Ctx,
    case_id: &str,
    record: Option<PlanRecord>,
    agencies: &HashMap<String, (String, Sector)>,
    can_edit: bool,
    can_approve: bool,
) -> PlanView {
    let t = &ctx.t;
    let instrument = &ctx.config.current_instrument();
    let domain_title = |key: &str| {
        instrument
            .domains
            .iter()
            .find(|d| d.key == key)
            .map_or(key.to_owned(), |d| pick(&d.title, t.tag).to_owned())
    };
    let (plan, approved) = match record {
        Some(PlanRecord {
            plan: Readable::Present(p),
            approved,
            ..
        }) => (Some(p), approved),
        _ => (None, false),
    };
    let mut agency_list: Vec<(String, String)> = agencies
        .iter()
        .map(|(id, (name, _))| (id.clone(), name.clone()))
        .collect();
    agency_list.sort_by(|a, b| a.1.cmp(&b.1));
    let records = ctx.store.followups(case_id).await.unwrap_or_default();
    let next_followup = records
        .iter()
        .find(|f| f.done_on.is_none())
        .filter(|_| can_edit)
        .map(|f| f.id.clone());
    let followups = records
        .iter()
        .map(|f| FollowUpView {
            due: t.date(f.due_on),
            done: f.done_on.map(|d| t.date(d)).unwrap_or_default(),
            summary: match &f.outcome {
                Some(Readable::Present(o)) => outcome_text(t, o),
                Some(Readable::Erased { .. }) => t.get("erased"),
                None => String::new(),
            },
        })
        .collect();
    PlanView {
        followups,
        next_followup,
        exists: plan.is_some(),
        approved,
        goals: plan
            .iter()
            .flat_map(|p| p.goals.iter())
            .map(|g| GoalView {
                domain: domain_title(&g.domain),
                kind: t.pick(
                    "plan-kind",
                    match g.kind {
                        GoalKind::Reintegration => "reintegration",
                        GoalKind::Disengagement => "disengagement",
                    },
                ),
                text: g.text.as_str().to_owned(),
                actions: g
                    .actions
                    .iter()
                    .map(|a| {
                        let who = agencies
                            .get(&a.agency)
                            .map(|x| x.0.clone())
                            .unwrap_or_default();
                        let due = a.due.map(|d| t.date(d)).unwrap_or_default();
                        ActionView {
                            text: format!("{} — {who} {due}", a.text.as_str()),
                            status: a.status.as_str(),
                            status_text: t.pick("action-status", a.status.as_str()),
                            activity: a
                                .activity
                                .map(|x| t.pick("activity", x.as_str()))
                                .unwrap_or_default(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        child_views: plan
            .as_ref()
            .map(|p| views_text(t, &p.child_views))
            .unwrap_or_default(),
        caregiver_views: plan
            .as_ref()
            .map(|p| views_text(t, &p.caregiver_views))
            .unwrap_or_default(),
        review_on: plan
            .as_ref()
            .and_then(|p| p.review_on)
            .map(|d| t.date(d))
            .unwrap_or_default(),
        can_edit,
        can_approve,
        domains: instrument
            .domains
            .iter()
            .map(|d| (d.key.clone(), pick(&d.title, t.tag).to_owned()))
            .collect(),
        statuses: ActionStatus::ALL
            .iter()
            .map(|x| (x.as_str(), t.pick("action-status", x.as_str())))
            .collect(),
        activities: pelita_domain::family::Activity::ALL
            .iter()
            .map(|x| (x.as_str(), t.pick("activity", x.as_str())))
            .collect(),
        agencies: agency_list,
        child_raw: plan
            .as_ref()
            .map(|p| raw(&p.child_views))
            .unwrap_or_default(),
        caregiver_raw: plan
            .as_ref()
            .map(|p| raw(&p.caregiver_views))
            .unwrap_or_default(),
        review_raw: plan
            .as_ref()
            .and_then(|p| p.review_on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanForm {
    child_views: String,
    child_why_not: String,
    caregiver_views: String,
    caregiver_why_not: String,
    review_on: String,
    goal_domain: String,
    goal_kind: String,
    goal_text: String,
    action_text: String,
    action_agency: String,
    action_due: String,
    action_activity: String,
}

/// Saves the views and review date, and adds a goal (with a first action) when one is given.
pub async fn save(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let f: PlanForm = super::Posted::new("plan", &body).read();
    CaseForm::posted(&ctx, "plan", &body, CaseOf::Case(&id), Change::Plan)
        .run(async |meta| {
            let plan = edited(&ctx, &meta.id, &f).await.or_refuse(t)?;
            ctx.store
                .save_plan(ctx.actor(), &meta.id, plan)
                .await
                .map_err(|e| Refused::store(t, e))?;
            Ok(Saved::at(format!("/cases/{}#section-plan", meta.id)))
        })
        .await
}

/// The recorded plan with the form's changes, or what is wrong and where.
async fn edited(ctx: &Ctx, id: &str, f: &PlanForm) -> Result<Plan, Wrong> {
    let current = ctx.store.read_plan_for_edit(id).await.ok().flatten();
    let mut plan = current.unwrap_or(Plan {
        goals: Vec::new(),
        child_views: Views::Missing,
        caregiver_views: Views::Missing,
        review_on: None,
    });
    let parsed = (|| -> Result<(), Wrong> {
        let n = super::opt_note_at;
        plan.child_views = Views::from_parts(
            n(&f.child_views, "child_views")?,
            n(&f.child_why_not, "child_why_not")?,
        );
        plan.caregiver_views = Views::from_parts(
            n(&f.caregiver_views, "caregiver_views")?,
            n(&f.caregiver_why_not, "caregiver_why_not")?,
        );
        plan.review_on = super::opt_date_at(&f.review_on, "review_on")?;
        let action = n(&f.action_text, "action_text")?;
        let goal = n(&f.goal_text, "goal_text")?;
        // An action serves a goal: typed without one, it is not dropped in silence.
        if action.is_some() && goal.is_none() {
            return Err(Wrong::key("goal_text", "error-plan-action-without-goal"));
        }
        if let Some(text) = goal {
            let kind = if f.goal_kind == "disengagement" {
                GoalKind::Disengagement
            } else {
                GoalKind::Reintegration
            };
            if !ctx
                .config
                .current_instrument()
                .domains
                .iter()
                .any(|d| d.key == f.goal_domain)
            {
                return Err(Wrong::key("goal_domain", "error-choose-option"));
            }
            let mut actions = Vec::new();
            if let Some(a) = action {
                // Who carries it out is chosen, never assumed.
                if f.action_agency.trim().is_empty() {
                    return Err(Wrong::key("action_agency", "plan-action-agency-required"));
                }
                actions.push(Action {
                    text: a,
                    agency: f.action_agency.clone(),
                    person: None,
                    due: super::opt_date_at(&f.action_due, "action_due")?,
                    status: ActionStatus::Planned,
                    activity: match f.action_activity.as_str() {
                        "" => None,
                        x => Some(
                            pelita_domain::family::Activity::parse(x)
                                .ok_or(Wrong::key("action_activity", "error-choose-option"))?,
                        ),
                    },
                });
            }
            plan.goals.push(Goal {
                domain: f.goal_domain.clone(),
                kind,
                text,
                actions,
            });
        }
        Ok(())
    })();
    parsed.map(|()| plan)
}

/// Moves one action to a new status (the lead worker or a supervisor); the approval stands.
pub async fn update_action(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let index = |name| super::posted_one(&body, name).parse::<usize>().ok();
    let (goal, action) = (index("goal"), index("action"));
    // The form of that one action (`action-<goal>-<action>`), shown again where it sits.
    let name = format!(
        "action-{}-{}",
        super::posted_one(&body, "goal"),
        super::posted_one(&body, "action")
    );
    CaseForm::posted(&ctx, &name, &body, CaseOf::Case(&id), Change::Plan)
        .run(async |meta| {
            let (Some(goal), Some(action)) = (goal, action) else {
                return Err(Refused::Page(
                    axum::http::StatusCode::BAD_REQUEST,
                    "error-invalid",
                ));
            };
            let status = ActionStatus::parse(super::posted_one(&body, "status"))
                .ok_or_else(|| Refused::key(t, "error-choose-option"))?;
            ctx.store
                .set_action_status(ctx.actor(), &meta.id, goal, action, status)
                .await
                .map_err(|e| Refused::store(t, e))?;
            Ok(Saved::at(format!("/cases/{}#plan", meta.id)))
        })
        .await
}

pub async fn approve(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    // Approval is a supervisor's: the lead worker who asks is told who approves.
    let needs = Needs::Decision {
        change: Change::ApprovePlan,
        asker: Change::Plan,
    };
    let csrf = super::posted_one(&body, "csrf");
    CaseForm::needing(&ctx, csrf, CaseOf::Case(&id), Ok((needs, ())))
        .keeping(super::Posted::new("approve", &body))
        .run(
            async |meta| match ctx.store.approve_plan(ctx.actor(), &meta.id).await {
                Ok(()) => Ok(Saved::at(format!("/cases/{}#section-plan", meta.id))),
                Err(StoreError::NotFound) => Err(Refused::key(t, "plan-none")),
                Err(e) => Err(Refused::store(t, e)),
            },
        )
        .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowUpForm {
    family: String,
    school: String,
    support: String,
    acceptance: String,
    no_reassociation: String,
    child_view: String,
}

fn tri(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// Records a follow-up's outcome measures (the lead worker or a supervisor of the case).
pub async fn record_followup(
    ctx: Ctx,
    Path(fid): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let f: FollowUpForm = super::Posted::new("followup", &body).read();
    CaseForm::posted(
        &ctx,
        "followup",
        &body,
        CaseOf::FollowUp(&fid),
        Change::Plan,
    )
    .run(async |meta| {
        let outcome = Outcome {
            living_with_family_or_family_based_care: tri(&f.family),
            in_school_or_training: tri(&f.school),
            access_to_health_and_psychosocial_support: tri(&f.support),
            community_acceptance: f.acceptance.parse().ok().filter(|a: &u8| *a <= 3),
            no_re_association: tri(&f.no_reassociation),
            child_view: super::opt_note_at(&f.child_view, "child_view").or_refuse(t)?,
        };
        ctx.store
            .record_followup(ctx.actor(), &fid, outcome)
            .await
            .map_err(|e| Refused::store(t, e))?;
        Ok(Saved::at(format!("/cases/{}#section-plan", meta.id)))
    })
    .await
}

//! The case page: a clear header, then only the sections the reader may see. Sections the
//! policy opens with a justification show a form instead; the rest say they are restricted.

use std::collections::HashMap;

use crate::view::Form;
use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::case::CaseStatus;
use pelita_domain::identity::ChildIdentity;
use pelita_domain::policy::write::{Change, Standing};
use pelita_domain::policy::{Decision, Section};
use pelita_domain::terminology::Guard;
use pelita_domain::text::NoteText;
use pelita_store::{CaseMeta, Readable};

use super::form::{AtField, CaseForm, CaseOf, Kept, Needs, OrRefuse, Refused, Saved};
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::{self, Nav, age_text, precision_key};

pub struct NoteView {
    pub author: String,
    pub when: String,
    pub text: String,
    pub warnings: Vec<String>,
}

pub struct SectionView {
    pub key: &'static str,
    pub title: String,
    /// "shown", "justify" or "restricted".
    pub state: &'static str,
    pub lines: Vec<(String, String)>,
    pub notes: Vec<NoteView>,
    /// Shown, with nothing recorded: collapsed to its heading's line (its forms stay).
    pub empty: bool,
}

/// One step of the journey's progress bar: its name and "done", "current" or "todo".
pub struct StepView {
    pub name: String,
    pub state: &'static str,
}

/// A link of the section menu: the anchor, the title, and a word on what is there.
pub struct MenuItem {
    pub anchor: String,
    pub title: String,
    pub hint: String,
}

/// An event of the child's journey on the timeline.
pub struct TimelineItem {
    pub when: String,
    pub what: String,
    pub kind: &'static str,
}

/// Who viewed the case, one row per person.
pub struct ViewerRow {
    pub who: String,
    pub views: String,
    pub last: String,
    pub sections: String,
    pub justified: bool,
}

/// The identity form's current values, when the reader may edit them.
pub struct IdentityEdit {
    pub given: String,
    pub given_latin: String,
    pub family: String,
    pub family_latin: String,
    pub sex: &'static str,
}

pub struct HistoryRow {
    pub when: String,
    pub who: String,
    pub action: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    t: Tr,
    nav: Nav,
    id: String,
    reference: String,
    name: Option<String>,
    age: Option<String>,
    precision: Option<String>,
    presumed_child: bool,
    victim: bool,
    /// The repatriation's phase: status-level, so a security liaison sees it.
    repatriation: Option<String>,
    priority: String,
    priority_level: &'static str,
    priority_reason: String,
    assigned: String,
    sections: Vec<SectionView>,
    note_sections: Vec<(&'static str, String)>,
    moves: Vec<(&'static str, String)>,
    can_write: bool,
    edit: Option<IdentityEdit>,
    /// The form that records circumstances for a case registered without them.
    record_circumstances: bool,
    history: Vec<HistoryRow>,
    viewers: Option<Vec<ViewerRow>>,
    /// People beyond the rows shown.
    viewers_more: String,
    journey: Vec<StepView>,
    /// The stored status when the records moved the journey past it.
    recorded_status: Option<String>,
    next: Option<(String, &'static str)>,
    menu: Vec<MenuItem>,
    timeline: Vec<TimelineItem>,
    consent: Option<super::consent::ConsentView>,
    assessments: Option<super::assessment::SummaryTable>,
    family_assessments: Option<super::assessment::SummaryTable>,
    plan: Option<super::plan::PlanView>,
    conferences: Option<super::conference::ConferencesView>,
    household: Option<super::family::HouseholdView>,
    interviews: Option<super::interview::InterviewsView>,
    justice: Option<super::justice::JusticeView>,
    referrals: Vec<super::referral::ReferralView>,
    referral_form: Option<super::referral::ReferralForm>,
    /// A refused form: shown open, filled, with its message beside the field.
    kept: Kept,
}

async fn user_name(ctx: &Ctx, cache: &mut HashMap<String, String>, id: &str) -> String {
    if let Some(n) = cache.get(id) {
        return n.clone();
    }
    let name = match ctx.store.user(id).await {
        Ok(u) => u.display_name,
        Err(_) => id
            .strip_prefix("system:")
            .map(|s| format!("Pelita ({s})"))
            .unwrap_or_else(|| id.to_owned()),
    };
    cache.insert(id.to_owned(), name.clone());
    name
}

fn identity_lines(t: &Tr, i: &ChildIdentity) -> Vec<(String, String)> {
    let mut lines = vec![(t.get("given-name"), i.names.given.text.to_string())];
    if let Some(l) = &i.names.given.latin {
        lines.push((t.get("latin-transliteration"), l.to_string()));
    }
    if let Some(f) = &i.names.family {
        lines.push((t.get("family-name"), f.text.to_string()));
        if let Some(l) = &f.latin {
            lines.push((t.get("latin-transliteration"), l.to_string()));
        }
    }
    for a in i.names.other.iter().chain(&i.names.aliases) {
        lines.push((t.get("aliases"), a.forms().collect::<Vec<_>>().join(" / ")));
    }
    lines.push((t.get("sex"), t.get(&format!("sex-{}", i.sex.as_str()))));
    for e in &i.age.evidence {
        let kind = match e.kind {
            pelita_domain::age::EvidenceKind::Document => "evidence-document",
            pelita_domain::age::EvidenceKind::Assessment => "evidence-assessment",
            pelita_domain::age::EvidenceKind::Declaration => "evidence-declaration",
        };
        let value = match e.birth {
            pelita_domain::age::BirthDate::Exact { date } => t.date(date),
            pelita_domain::age::BirthDate::Month { year, month } => {
                format!("{} {year}", t.get(&format!("month-{month}")))
            }
            pelita_domain::age::BirthDate::Year { year } => year.to_string(),
            pelita_domain::age::BirthDate::Estimated { age, margin, on } => {
                format!("{age} ± {margin} ({})", t.date(on))
            }
            pelita_domain::age::BirthDate::Unknown => t.get("precision-unknown"),
        };
        lines.push((format!("{} — {}", t.get("birth"), t.get(kind)), value));
    }
    lines
}

/// A section's heading and whether the reader may see it; the grant when they may.
fn section_access(
    ctx: &Ctx,
    meta: &CaseMeta,
    section: Section,
    why: Option<&str>,
) -> (SectionView, Option<pelita_domain::policy::Grant>) {
    let mut v = SectionView {
        key: section.as_str(),
        title: ctx.t.get(&format!("section-{}", section.as_str())),
        state: "restricted",
        lines: Vec::new(),
        notes: Vec::new(),
        empty: false,
    };
    let decision = super::decision(ctx, meta, section);
    if decision == Decision::Deny {
        return (v, None);
    }
    match super::grant(ctx, meta, section, why) {
        Ok(g) => {
            v.state = "shown";
            (v, Some(g))
        }
        Err(_) => {
            if decision == Decision::WithJustification {
                v.state = "justify";
            }
            (v, None)
        }
    }
}

/// Fills the shown sections from one read of every granted section.
async fn fill_sections(
    ctx: &Ctx,
    views: &mut [SectionView],
    read: pelita_store::SectionsRead,
    authors: &mut HashMap<String, String>,
) -> Option<ChildIdentity> {
    let t = &ctx.t;
    let mut header = None;
    for v in views.iter_mut().filter(|v| v.state == "shown") {
        match v.key {
            "identity" => match &read.identity {
                Some(Readable::Present(i)) => {
                    v.lines = identity_lines(t, i);
                    header = Some(i.clone());
                }
                Some(Readable::Erased { .. }) => v.lines.push((String::new(), t.get("erased"))),
                None => {}
            },
            "circumstances" => match &read.circumstances {
                Some(Readable::Present(Some(c))) => {
                    v.lines.push((
                        t.get("association"),
                        t.get(&format!("association-{}", serde_plain(&c.association))),
                    ));
                    if let Some(n) = &c.narrative {
                        v.lines.push((t.get("notes"), n.as_str().to_owned()));
                    }
                }
                Some(Readable::Erased { .. }) => v.lines.push((String::new(), t.get("erased"))),
                _ => {}
            },
            _ => {}
        }
    }
    let guard = Guard::builtin();
    for n in read.notes {
        let Some(v) = views.iter_mut().find(|v| v.key == n.section.as_str()) else {
            continue;
        };
        let text = match n.body {
            Readable::Present(b) => b.as_str().to_owned(),
            Readable::Erased { .. } => t.get("erased"),
        };
        let warnings = super::guard_warnings(t, guard, &text);
        v.notes.push(NoteView {
            author: user_name(ctx, authors, &n.author).await,
            when: t.datetime(n.created_at),
            text,
            warnings,
        });
    }
    header
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The case page again after a refused form (`form::CaseForm`): the form open, with what was
/// typed and its message beside the field.
pub(super) async fn refused(ctx: &Ctx, case_id: &str, kept: Kept) -> Response {
    render(ctx, case_id, None, kept).await
}

async fn render(ctx: &Ctx, case_id: &str, opened: Option<(Section, &str)>, kept: Kept) -> Response {
    let t = ctx.t.clone();
    let meta = match ctx.store.case_meta(case_id).await {
        Ok(m) => m,
        Err(e) => return error::store(&t, e),
    };
    let Ok(status_grant) = super::grant(ctx, &meta, Section::Status, None) else {
        super::refused(ctx, &meta, Section::Status).await;
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    };
    // A section asked for with a reason and still refused is a refused read too.
    if let Some((s, why)) = opened
        && super::grant(ctx, &meta, s, Some(why)).is_err()
    {
        super::refused(ctx, &meta, s).await;
    }
    let repatriation = match ctx.store.repatriation_status(&status_grant).await {
        Ok(Some(r)) => Some(t.pick("repatriation-phase", r.standing.as_str())),
        Ok(None) => None,
        Err(e) => return error::store(&t, e),
    };
    let rel = meta.relationship(&ctx.reader());
    let mut names = HashMap::new();
    let mut sections = Vec::new();
    let mut grants = Vec::new();
    for s in Section::ALL {
        let why = opened.filter(|o| o.0 == s).map(|o| o.1);
        let (view, grant) = section_access(ctx, &meta, s, why);
        sections.push(view);
        grants.extend(grant);
    }
    let read = match ctx.store.read_sections(&grants).await {
        Ok(r) => r,
        Err(e) => return error::store(&t, e),
    };
    let ledger = read.consents.clone();
    let assessed = read.assessments.clone();
    let family_assessed = read.family_assessments.clone();
    let justice_read = read.justice.clone();
    let justice_seal = read.justice_seal;
    let plan_read = read.plan.clone();
    let conferences_read = read.conferences.clone();
    let household_read = read.household.clone();
    let priority_reason = read.priority_reason.clone().unwrap_or_default();
    let header_identity = fill_sections(ctx, &mut sections, read, &mut names).await;
    let today = super::zone::today(ctx).await;
    let consent = match ledger {
        Some(ledger) => {
            let mut recorders = Vec::with_capacity(ledger.len());
            for r in &ledger {
                recorders.push(user_name(ctx, &mut names, &r.recorded_by).await);
            }
            // Without the identity section the age is unknown to this reader: the protective
            // reading applies.
            let age = header_identity
                .as_ref()
                .map_or(pelita_domain::age::AgeRange::UNKNOWN, |i| {
                    i.age.age_on(today)
                });
            Some(super::consent::view(
                &t,
                &ledger,
                recorders,
                age,
                ctx.store
                    .age_rules(&meta.agency_id)
                    .await
                    .unwrap_or(pelita_domain::consent::AgeRules::DEFAULT),
                today,
                super::decision(ctx, &meta, Section::Participation) == Decision::Allow,
            ))
        }
        None => None,
    };
    let assigned = match &meta.assigned_to {
        Some(u) => user_name(ctx, &mut names, u).await,
        None => t.get("unassigned"),
    };
    // Running the case (its lead worker, a supervisor): status, referrals, history.
    let write = super::may_change(ctx, &meta, Change::Status);
    let note_sections = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Status && super::may_change(ctx, &meta, Change::Note(*s)))
        .map(|s| (s.as_str(), t.get(&format!("section-{}", s.as_str()))))
        .collect();
    let moves: Vec<(&'static str, String)> = CaseStatus::ALL
        .into_iter()
        .filter(|s| meta.status.can_move_to(*s))
        .map(|s| (s.as_str(), t.get(&format!("status-{}", s.as_str()))))
        .collect();
    // What the journey may use: only records of sections this reader reads.
    let first_assessment = assessed
        .as_ref()
        .map(|list| list.iter().map(|a| a.on).min());
    let plan_facts = plan_read.as_ref().map(|p| p.as_ref().map(plan_facts));
    let mut tables = Vec::new();
    for (records, section) in [
        (assessed, Section::Psychosocial),
        (family_assessed, Section::Family),
    ] {
        let (Some(records), Some(base)) = (records, ctx.config.instrument_for(section)) else {
            tables.push(None);
            continue;
        };
        let mut assessors = Vec::with_capacity(records.len());
        for r in &records {
            assessors.push(user_name(ctx, &mut names, &r.assessor).await);
        }
        tables.push(Some(super::assessment::summaries(
            &t,
            &ctx.config,
            base,
            &meta.id,
            &records,
            assessors,
            super::decision(ctx, &meta, section) == Decision::Allow,
        )));
    }
    let family_assessments = tables.pop().flatten();
    let assessments = tables.pop().flatten();
    // Agency names for the plan's actions and the referrals, read once.
    let agencies = if write || plan_read.is_some() {
        super::referral::agency_names(ctx).await
    } else {
        Default::default()
    };
    let plan = match plan_read {
        Some(record) => Some(
            super::plan::view(
                ctx,
                &meta.id,
                record,
                &agencies,
                super::may_change(ctx, &meta, Change::Plan),
                super::may_change(ctx, &meta, Change::ApprovePlan),
            )
            .await,
        ),
        None => None,
    };
    let conferences = match conferences_read {
        Some(list) => Some(
            super::conference::view(
                ctx,
                &meta.id,
                &list,
                super::conference::may_record(ctx, &meta),
                kept.posted("conference"),
            )
            .await,
        ),
        None => None,
    };
    let interviews = super::interview::view(ctx, &meta, kept.posted("interview")).await;
    // A justice reader sees the section even while it is sealed (the notice and the order).
    let justice = if justice_read.is_some()
        || super::decision(ctx, &meta, Section::Justice) == Decision::Allow
    {
        match super::justice::view(ctx, &meta, justice_read.as_ref(), justice_seal).await {
            Ok(view) => Some(view),
            Err(e) => return error::store(&t, e),
        }
    } else {
        None
    };
    let household = household_read.map(|h| {
        super::family::view(
            &t,
            h,
            super::family::may_edit(ctx, &meta),
            kept.posted("household"),
        )
    });
    let (mut referrals, mut referral_form) = (Vec::new(), None);
    if write {
        for r in ctx
            .store
            .referrals_of_case(&meta.id)
            .await
            .unwrap_or_default()
        {
            referrals.push(super::referral::view(ctx, &r, &agencies));
        }
        referral_form = Some(super::referral::form(ctx, &meta.agency_id, &agencies));
    }
    // The history is for those working on the case, and shows each of them only the events
    // of sections they read in full (policy::history); the timeline is drawn from the same
    // events.
    let mut history = Vec::new();
    let mut timeline = Vec::new();
    let mut registered_at = None;
    let reads_in_full = |s: Section| super::decision(ctx, &meta, s) == Decision::Allow;
    if matches!(
        meta.standing(&ctx.reader()),
        Standing::Lead | Standing::Team | Standing::Supervisor | Standing::Receiving
    ) {
        for e in ctx
            .store
            .history(&meta.id, &meta.child_id)
            .await
            .unwrap_or_default()
        {
            let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap_or_default();
            let visible = match pelita_domain::policy::history::section_of(&e.action, &detail) {
                Some(section) => reads_in_full(section),
                None => Section::ALL.into_iter().all(reads_in_full),
            };
            if !visible {
                continue;
            }
            let at = micros_to_time(e.at);
            if e.action == "child.register" {
                registered_at = Some(at);
            }
            if let Some(kind) = milestone(&e.action, &detail) {
                timeline.push(TimelineItem {
                    when: t.date(at.with_timezone(&t.zone()).date_naive()),
                    what: t.get(&format!("timeline-{kind}")),
                    kind,
                });
            }
            let what = history_text(ctx, &mut names, &e.action, &detail).await;
            history.push(HistoryRow {
                when: t.datetime(at),
                who: user_name(ctx, &mut names, &e.actor).await,
                action: what,
            });
        }
    }
    // Oldest first, as a journey is told.
    timeline.reverse();
    let (viewers, viewers_more) = if pelita_domain::policy::sees_who_viewed(rel) {
        let entries = ctx
            .store
            .access_log_for_case(&meta.id)
            .await
            .unwrap_or_default();
        let (rows, all) = summarise_viewers(ctx, &mut names, entries, 0, VIEWERS_SHOWN).await;
        let more = all.saturating_sub(VIEWERS_SHOWN);
        (
            Some(rows),
            if more > 0 {
                t.count("viewers-more", more)
            } else {
                String::new()
            },
        )
    } else {
        (None, String::new())
    };
    // The journey's stage and next step, from what this reader may know.
    let records = pelita_domain::journey::Records {
        status: meta.status,
        priority: meta.priority,
        registered_at,
        first_assessment,
        plan: plan_facts,
        detention_due: justice.as_ref().and_then(|j| j.next_deadline),
    };
    let stage = pelita_domain::journey::stage(&records);
    let journey = pelita_domain::journey::Stage::ALL
        .into_iter()
        .map(|s| StepView {
            name: t.get(&format!("status-{}", s.as_str())),
            state: match s.cmp(&stage) {
                std::cmp::Ordering::Less => "done",
                std::cmp::Ordering::Equal => "current",
                std::cmp::Ordering::Greater => "todo",
            },
        })
        .collect();
    let recorded_status = (pelita_domain::journey::Stage::of_status(meta.status) != stage
        || meta.status == CaseStatus::Transferred)
        .then(|| t.get(&format!("status-{}", meta.status.as_str())));
    let next = pelita_domain::journey::next_step(&records, &ctx.config.response_times)
        .map(|n| next_text(&t, n, ctx.store.now()));
    // A move the reader's records contradict is not offered: no "Assessed" while they see no
    // assessment, no "Planned" while they see no approved plan.
    let moves = moves
        .into_iter()
        .filter(|(k, _)| match *k {
            "assessed" => !matches!(records.first_assessment, Some(None)),
            "planned" | "in_progress" => !matches!(
                records.plan,
                Some(None)
                    | Some(Some(pelita_domain::journey::PlanFacts {
                        approved: false,
                        ..
                    }))
            ),
            _ => true,
        })
        .collect();
    // Shown sections with nothing in them collapse to one line.
    for v in sections.iter_mut().filter(|v| v.state == "shown") {
        let records_empty = match v.key {
            "psychosocial" => assessments.as_ref().is_none_or(|a| a.dates.is_empty()),
            "family" => {
                family_assessments
                    .as_ref()
                    .is_none_or(|a| a.dates.is_empty())
                    && household
                        .as_ref()
                        .is_none_or(|h| h.members.is_empty() && h.living.is_empty() && !h.erased)
            }
            "justice" => justice.as_ref().is_none_or(|j| {
                j.proceedings.is_empty()
                    && j.detentions.is_empty()
                    && !j.sealed
                    && j.contacts.is_empty()
            }),
            "plan" => {
                plan.as_ref().is_none_or(|p| !p.exists)
                    && conferences.as_ref().is_none_or(|c| c.items.is_empty())
            }
            "participation" => consent.as_ref().is_none_or(|c| c.rows.is_empty()),
            _ => true,
        };
        v.empty = records_empty && v.lines.is_empty() && v.notes.is_empty();
    }
    let mut menu: Vec<MenuItem> = sections
        .iter()
        .filter(|v| v.key != "status" && v.state != "restricted")
        .map(|v| MenuItem {
            anchor: format!("section-{}", v.key),
            title: v.title.clone(),
            hint: match (v.state, v.empty, v.key) {
                ("justify", _, _) => t.get("menu-justify"),
                (_, true, _) => t.get("menu-empty"),
                (_, false, "plan") => plan
                    .as_ref()
                    .filter(|p| p.exists)
                    .map(|p| {
                        t.get(if p.approved {
                            "plan-approved"
                        } else {
                            "plan-draft"
                        })
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            },
        })
        .collect();
    for (shown, anchor, key) in [
        (referral_form.is_some(), "referrals", "referrals-heading"),
        (interviews.is_some(), "interviews", "interview-heading"),
        (!timeline.is_empty(), "timeline", "timeline-heading"),
        (!history.is_empty(), "history", "history"),
        (viewers.is_some(), "viewers", "who-viewed"),
    ] {
        if shown {
            menu.push(MenuItem {
                anchor: anchor.to_owned(),
                title: t.get(key),
                hint: String::new(),
            });
        }
    }
    let page = CasePage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        reference: meta.reference.to_string(),
        name: header_identity.as_ref().map(|i| i.names.display()),
        age: header_identity
            .as_ref()
            .map(|i| age_text(&t, &i.age, today)),
        precision: header_identity
            .as_ref()
            .filter(|i| i.age.best() != pelita_domain::age::BirthDate::Unknown)
            .map(|i| t.get(&precision_key(&i.age.best()))),
        presumed_child: header_identity.as_ref().is_some_and(|i| {
            i.age.is_child_on(today)
                && !matches!(
                    i.age.status(today),
                    pelita_domain::age::AgeStatus::Documented
                )
        }),
        victim: meta.victim.is_recognised(),
        repatriation,
        priority: t.get(&format!("priority-{}", meta.priority.as_str())),
        priority_level: meta.priority.as_str(),
        priority_reason,
        assigned,
        sections,
        note_sections,
        moves,
        can_write: write,
        record_circumstances: !meta.victim.is_recognised()
            && super::may_change(ctx, &meta, Change::Circumstances),
        edit: header_identity
            .as_ref()
            .filter(|_| super::may_change(ctx, &meta, Change::Identity))
            .map(|i| IdentityEdit {
                given: i.names.given.text.to_string(),
                given_latin: i
                    .names
                    .given
                    .latin
                    .as_ref()
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                family: i
                    .names
                    .family
                    .as_ref()
                    .map(|f| f.text.to_string())
                    .unwrap_or_default(),
                family_latin: i
                    .names
                    .family
                    .as_ref()
                    .and_then(|f| f.latin.as_ref())
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                sex: i.sex.as_str(),
            }),
        history,
        viewers,
        viewers_more,
        journey,
        recorded_status,
        next,
        menu,
        timeline,
        consent,
        assessments,
        plan,
        conferences,
        household,
        family_assessments,
        interviews,
        justice,
        referrals,
        referral_form,
        kept,
        t,
    };
    view::render(page)
}

/// The plan as the journey needs it.
fn plan_facts(r: &pelita_store::PlanRecord) -> pelita_domain::journey::PlanFacts {
    let plan = match &r.plan {
        Readable::Present(p) => Some(p),
        Readable::Erased { .. } => None,
    };
    pelita_domain::journey::PlanFacts {
        approved: r.approved,
        review_on: plan.and_then(|p| p.review_on),
        acting: plan.is_some_and(|p| {
            p.goals.iter().flat_map(|g| &g.actions).any(|a| {
                matches!(
                    a.status,
                    pelita_domain::plan::ActionStatus::InProgress
                        | pelita_domain::plan::ActionStatus::Done
                )
            })
        }),
    }
}

/// The events of the history that are steps of the child's journey, by their kind on the
/// timeline.
fn milestone(action: &str, detail: &serde_json::Value) -> Option<&'static str> {
    let to = detail.get("to").and_then(|v| v.as_str());
    Some(match action {
        "child.register" => "registered",
        "assessment.record" => "assessed",
        "conference.record" => "conference",
        "plan.approve" => "plan",
        "referral.create" => "referral",
        "detention.start" => "detention",
        "detention.change"
            if detail
                .get("change")
                .and_then(|v| v.as_str())
                .is_some_and(|c| c.starts_with("release")) =>
        {
            "release"
        }
        "repatriation.open" => "repatriation",
        "repatriation.arrival" => "arrival",
        "reception.admit" => "reception",
        "case.move" if matches!(to, Some("closed" | "transferred")) => "closed",
        _ => return None,
    })
}

/// The message naming what an audited action did, in the reader's words.
fn history_key(action: &str) -> &'static str {
    match action {
        "child.register" => "history-child-register",
        "child.update_identity" => "history-child-update_identity",
        "child.erase" => "history-child-erase",
        "case.record_circumstances" => "history-case-record_circumstances",
        "case.move" => "history-case-move",
        "case.priority" => "history-case-priority",
        "case.assign" => "history-case-assign",
        "case.team_add" => "history-case-team_add",
        "case.handed_over_by" => "history-case-handed_over_by",
        "case.note" => "history-case-note",
        "access.break_glass" => "history-access-break_glass",
        "assessment.record" => "history-assessment-record",
        "interview.record" => "history-interview-record",
        "consent.record" => "history-consent-record",
        "referral.create" => "history-referral-create",
        "referral.move" => "history-referral-move",
        "plan.save" => "history-plan-save",
        "plan.approve" => "history-plan-approve",
        "plan.action" => "history-plan-action",
        "followup.record" => "history-followup-record",
        "conference.record" => "history-conference-record",
        "task.complete" => "history-task-complete",
        "household.save" => "history-household-save",
        "proceeding.open" => "history-proceeding-open",
        "proceeding.diversion" => "history-proceeding-diversion",
        "proceeding.formal" => "history-proceeding-formal",
        "proceeding.agreement" => "history-proceeding-agreement",
        "proceeding.agreement_event" => "history-proceeding-agreement_event",
        "detention.start" => "history-detention-start",
        "detention.change" => "history-detention-change",
        "justice.family_contact" => "history-justice-family_contact",
        "justice.open_sealed" => "history-justice-open_sealed",
        "justice.expunge" => "history-justice-expunge",
        "origin.save" => "history-origin-save",
        "repatriation.open" => "history-repatriation-open",
        "repatriation.step" => "history-repatriation-step",
        "repatriation.placement" => "history-repatriation-placement",
        "repatriation.arrival" => "history-repatriation-arrival",
        "repatriation.end" => "history-repatriation-end",
        "repatriation.resume" => "history-repatriation-resume",
        "reception.admit" => "history-reception-admit",
        "reception.review" => "history-reception-review",
        "reception.release" => "history-reception-release",
        a if a.starts_with("best_interests.") => "history-best_interests",
        _ => "history-other",
    }
}

/// An event of the history as a sentence: no action keys, no internal ids; people by their
/// names, sections and statuses in the reader's language.
async fn history_text(
    ctx: &Ctx,
    names: &mut HashMap<String, String>,
    action: &str,
    detail: &serde_json::Value,
) -> String {
    let t = &ctx.t;
    let key = history_key(action);
    let field = |k: &str| detail.get(k).and_then(|v| v.as_str()).unwrap_or_default();
    let status = |s: &str| {
        CaseStatus::parse(s)
            .map(|s| t.get(&format!("status-{}", s.as_str())))
            .unwrap_or_default()
    };
    let section = |s: &str| {
        Section::parse(s)
            .map(|s| t.get(&format!("section-{}", s.as_str())))
            .unwrap_or_default()
    };
    match action {
        "case.move" => t.with(
            key,
            &[("from", status(field("from"))), ("to", status(field("to")))],
        ),
        "case.priority" => {
            let level = |s: &str| {
                pelita_domain::case::PriorityLevel::parse(s)
                    .map(|p| t.get(&format!("priority-{}", p.as_str())))
                    .unwrap_or_default()
            };
            t.with(
                key,
                &[("from", level(field("from"))), ("to", level(field("to")))],
            )
        }
        "case.note" | "access.break_glass" => {
            t.with(key, &[("section", section(field("section")))])
        }
        "case.assign" | "case.team_add" => {
            let who = detail
                .get("to")
                .or_else(|| detail.get("user"))
                .and_then(|v| v.as_str());
            let name = match who {
                Some(id) => user_name(ctx, names, id).await,
                None => t.get("unassigned"),
            };
            t.with(key, &[("name", name)])
        }
        "child.update_identity" => {
            let fields: Vec<String> = detail
                .get("fields")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|f| {
                    Some(t.get(match f.as_str()? {
                        "identity.given" => "given-name",
                        "identity.family" => "family-name",
                        "identity.sex" => "sex",
                        "identity.aliases" | "identity.other_names" | "identity.names" => "aliases",
                        "identity.age" | "identity.age_evidence" => "age",
                        _ => return None,
                    }))
                })
                .collect();
            t.with(key, &[("fields", fields.join(", "))])
        }
        _ => t.get(key),
    }
}

/// The access log as one row per person (their views, the last, the sections), the most
/// recent first, at most [`VIEWERS_SHOWN`] people; and how many more there are.
/// The people who read the case, most recent first: `take` of them from the `skip`th, and how
/// many there are in all.
async fn summarise_viewers(
    ctx: &Ctx,
    names: &mut HashMap<String, String>,
    entries: Vec<pelita_store::AccessEntry>,
    skip: usize,
    take: usize,
) -> (Vec<ViewerRow>, usize) {
    let t = &ctx.t;
    // Entries come newest first: a person's first entry is their last view.
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, (usize, chrono::DateTime<chrono::Utc>, Vec<String>, bool)> =
        HashMap::new();
    for e in entries {
        let row = by.entry(e.reader.clone()).or_insert_with(|| {
            order.push(e.reader.clone());
            (0, e.at, Vec::new(), false)
        });
        row.0 += 1;
        if !row.2.contains(&e.section) {
            row.2.push(e.section.clone());
        }
        row.3 |= e.justification.is_some();
    }
    let all = order.len();
    let mut rows = Vec::new();
    for reader in order.into_iter().skip(skip).take(take) {
        let (count, last, sections, justified) = by.remove(&reader).unwrap_or_default();
        rows.push(ViewerRow {
            who: user_name(ctx, names, &reader).await,
            views: t.count("viewers-views", count),
            last: t.datetime(last),
            sections: sections
                .iter()
                .map(|s| t.get(&format!("section-{s}")))
                .collect::<Vec<_>>()
                .join(", "),
            justified,
        });
    }
    (rows, all)
}

/// People shown in "who viewed this case".
const VIEWERS_SHOWN: usize = 10;
/// People per page of "who viewed" in full.
const VIEWERS_PER_PAGE: usize = 50;

#[derive(Template)]
#[template(path = "viewers.html")]
struct ViewersPage {
    t: Tr,
    nav: crate::view::Nav,
    id: String,
    child: String,
    rows: Vec<ViewerRow>,
    /// Links to the previous and next pages, where there are.
    prev: Option<String>,
    next: Option<String>,
    showing: String,
}

#[derive(serde::Deserialize)]
pub struct ViewersQuery {
    #[serde(default)]
    page: String,
}

/// Everyone who read the case, paged: for those who supervise it, as on the case page.
pub async fn viewers(
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ViewersQuery>,
) -> Response {
    let t = ctx.t.clone();
    let meta = match ctx.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return error::store(&t, e),
    };
    if !pelita_domain::policy::sees_who_viewed(meta.relationship(&ctx.reader())) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let entries = match ctx.store.access_log_for_case(&meta.id).await {
        Ok(e) => e,
        Err(e) => return error::store(&t, e),
    };
    let page = q.page.parse::<usize>().unwrap_or(1).max(1);
    let mut names = HashMap::new();
    let skip = (page - 1) * VIEWERS_PER_PAGE;
    let (rows, all) = summarise_viewers(&ctx, &mut names, entries, skip, VIEWERS_PER_PAGE).await;
    let link = |p: usize| format!("/cases/{}/viewers?page={p}", meta.id);
    let child = super::visible_name(&ctx, &meta)
        .await
        .unwrap_or_else(|| meta.reference.to_string());
    view::render(ViewersPage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        child,
        showing: t.with_args(
            "viewers-showing",
            &[
                // One left-to-right run, so a range reads right in Dhivehi too.
                (
                    "range",
                    format!("{}–{}", (skip + 1).min(all), skip + rows.len()).into(),
                ),
                ("all", all.into()),
            ],
        ),
        prev: (page > 1).then(|| link(page - 1)),
        next: (skip + rows.len() < all).then(|| link(page + 1)),
        rows,
        t,
    })
}

/// A span of time as days and hours in the reader's language.
fn span(t: &Tr, l: pelita_domain::journey::Left) -> String {
    match (l.days, l.hours) {
        (0, 0) => t.get("journey-under-hour"),
        (0, h) => t.count("journey-hours", h as usize),
        (d, 0) => t.count("journey-days", d as usize),
        (d, h) => t.with(
            "journey-days-hours",
            &[
                ("days", t.count("journey-days", d as usize)),
                ("hours", t.count("journey-hours", h as usize)),
            ],
        ),
    }
}

/// The next step as a sentence, and how pressing it is ("overdue", "soon" or "later").
fn next_text(
    t: &Tr,
    next: pelita_domain::journey::Next,
    now: chrono::DateTime<chrono::Utc>,
) -> (String, &'static str) {
    use pelita_domain::journey::{Next, days_until, is_pressing, left};
    let timed = |due, ahead: &str, behind: &str| {
        let l = left(due, now);
        let urgency = if l.overdue {
            "overdue"
        } else if is_pressing(due, now) {
            "soon"
        } else {
            "later"
        };
        let key = if l.overdue { behind } else { ahead };
        (t.with(key, &[("left", span(t, l))]), urgency)
    };
    match next {
        Next::Detention { due } => timed(due, "next-detention-left", "next-detention-over"),
        Next::FirstAssessment { due: Some(due) } => {
            timed(due, "next-assessment-left", "next-assessment-over")
        }
        Next::FirstAssessment { due: None } => (t.get("next-assessment"), "later"),
        Next::WritePlan => (t.get("next-plan-write"), "later"),
        Next::ApprovePlan => (t.get("next-plan-approve"), "later"),
        Next::PlanReview { on } => {
            let days = days_until(on, now.date_naive());
            match days {
                0 => (t.get("next-review-today"), "soon"),
                d if d > 0 => (
                    t.with(
                        "next-review-in",
                        &[("left", t.count("journey-days", d as usize))],
                    ),
                    if d == 1 { "soon" } else { "later" },
                ),
                d => (
                    t.with(
                        "next-review-over",
                        &[("left", t.count("journey-days", (-d) as usize))],
                    ),
                    "overdue",
                ),
            }
        }
    }
}

fn micros_to_time(us: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_micros(us).unwrap_or_default()
}

pub async fn page(ctx: Ctx, Path(id): Path<String>) -> Response {
    render(&ctx, &id, None, Kept::default()).await
}

/// Break-glass: opens one section with a written justification, logged and alerted. A
/// justification refused keeps what was typed, beside the field, in that section's form.
pub async fn open_section(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    if !ctx.csrf_ok(super::posted_one(&body, "csrf")) {
        return ctx.csrf_failed();
    }
    let Some(section) = Section::parse(super::posted_one(&body, "section")) else {
        return error::page(&ctx.t, StatusCode::BAD_REQUEST, "error-invalid");
    };
    let Some(why) = super::justification(super::posted_one(&body, "justification")) else {
        let form = format!("open-{}", section.as_str());
        let kept = Kept::new(
            Some(super::Posted::new(&form, &body)),
            Some(super::form::Problem {
                field: Some("justification".into()),
                message: ctx.t.get("error-justification"),
            }),
        );
        return render(&ctx, &id, None, kept).await;
    };
    render(&ctx, &id, Some((section, &why)), Kept::default()).await
}

pub async fn add_note(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let needs = match Section::parse(super::posted_one(&body, "section")) {
        None => Err(Refused::Page(StatusCode::BAD_REQUEST, "error-invalid")),
        Some(Section::Status) => Err(Refused::FORBIDDEN),
        Some(s) => Ok((Needs::Change(Change::Note(s)), s)),
    };
    CaseForm::needing(
        &ctx,
        super::posted_one(&body, "csrf"),
        CaseOf::Case(&id),
        needs,
    )
    .keeping(super::Posted::new("note", &body))
    .run_with(async |meta, section| {
        let text = NoteText::parse(super::posted_one(&body, "text"))
            .map_err(|e| Refused::rule(t, &e).at("text"))?;
        ctx.store
            .add_note(ctx.actor(), &meta.id, section, text)
            .await
            .map_err(Refused::Store)?;
        Ok(Saved::at(format!("/cases/{}", meta.id)))
    })
    .await
}

pub async fn move_case(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let posted = |name| super::posted_one(&body, name);
    // Closing is a supervisor's decision: the lead worker who asks is told who decides.
    let needs = match CaseStatus::parse(posted("to")) {
        None => Err(Refused::Page(StatusCode::BAD_REQUEST, "error-invalid")),
        Some(to @ CaseStatus::Closed) => Ok((
            Needs::Decision {
                change: Change::Close,
                asker: Change::Status,
            },
            to,
        )),
        Some(to) => Ok((Needs::Change(Change::Status), to)),
    };
    CaseForm::needing(&ctx, posted("csrf"), CaseOf::Case(&id), needs)
        .keeping(super::Posted::new("move", &body))
        .run_with(async |meta, to| {
            let reason = match posted("reason") {
                "" => None,
                r => Some(
                    pelita_domain::text::clean("reason", r, MAX_MOVE_REASON, false)
                        .map_err(|e| Refused::rule(t, &e).at("reason"))?,
                ),
            };
            ctx.store
                .move_case(ctx.actor(), &meta.id, to, reason)
                .await
                .map_err(|e| {
                    let field = match &e {
                        pelita_store::StoreError::Domain(
                            pelita_domain::DomainError::ReasonRequired,
                        ) => "reason",
                        _ => "to",
                    };
                    Refused::store(t, e).at(field)
                })?;
            Ok(Saved::at(format!("/cases/{}", meta.id)))
        })
        .await
}

/// Longest reason for a move of the case the form takes (its field's `maxlength`).
const MAX_MOVE_REASON: usize = 500;

/// The identity form's fields in the order they are shown: a refusal is placed beside the
/// first that is wrong.
const IDENTITY_FIELDS: [&str; 11] = [
    "given",
    "given_latin",
    "family",
    "family_latin",
    "alias",
    "sex",
    "precision",
    "evidence",
    "birth_date",
    "birth_year",
    "birth_month",
];

/// Corrects the child's names and sex, and adds age evidence to the log (the log keeps every
/// claim; disagreeing claims make the age disputed, and the youngest claim then counts).
pub async fn edit_identity(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let typed = super::Posted::new("identity", &body);
    let f: super::register::RegisterForm = typed.read();
    CaseForm::posted(&ctx, "identity", &body, CaseOf::Case(&id), Change::Identity)
        .run(async |meta| {
            let grant = super::grant(&ctx, &meta, Section::Identity, None)
                .map_err(|_| Refused::FORBIDDEN)?;
            let current = match ctx.store.read_identity(&grant).await {
                Ok(Readable::Present(i)) => i,
                Ok(Readable::Erased { .. }) => {
                    return Err(Refused::Page(StatusCode::GONE, "erased"));
                }
                Err(e) => return Err(Refused::Store(e)),
            };
            let today = super::zone::today(&ctx).await;
            let (names, sex, age) =
                super::register::identity_changes(&f, t, today).map_err(|mut errors| {
                    let field = IDENTITY_FIELDS
                        .into_iter()
                        .chain(["est_age", "est_margin"])
                        .find(|f| errors.contains_key(f))
                        .unwrap_or("given");
                    let message = errors
                        .remove(field)
                        .unwrap_or_else(|| t.get("errors-above"));
                    Refused::message(message).at(field)
                })?;
            let mut updated = current.clone();
            updated.names.given = names.given;
            updated.names.family = names.family;
            for alias in names.aliases {
                if !updated.names.aliases.contains(&alias) {
                    updated.names.aliases.push(alias);
                }
            }
            updated.sex = sex;
            if let Some((birth, kind)) = age {
                updated.age.evidence.push(pelita_domain::age::AgeEvidence {
                    kind,
                    birth,
                    recorded_by: ctx.user().id.clone(),
                    recorded_on: today,
                    source: String::new(),
                });
            }
            if updated != current {
                ctx.store
                    .update_identity(ctx.actor(), &meta.child_id, updated)
                    .await
                    .map_err(Refused::Store)?;
            }
            Ok(Saved::at(format!("/cases/{}", meta.id)))
        })
        .await
}

/// Records how the child came to be associated, for a case registered without it: from then
/// on the child is a recognised victim (and the lead worker is told when someone else did it).
pub async fn record_circumstances(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    CaseForm::posted(
        &ctx,
        "circumstances",
        &body,
        CaseOf::Case(&id),
        Change::Circumstances,
    )
    .run(async |meta| {
        if meta.victim.is_recognised() {
            return Err(Refused::key(t, "circumstances-already"));
        }
        let association =
            pelita_domain::case::Association::parse(super::posted_one(&body, "association"))
                .ok_or("error-choose-option")
                .at("association")
                .or_refuse(t)?;
        let c = pelita_domain::case::Circumstances {
            association,
            group: pelita_domain::case::GroupKind::Unknown,
            channels: Vec::new(),
            narrative: None,
        };
        ctx.store
            .record_circumstances(ctx.actor(), &meta.id, c)
            .await
            .map_err(Refused::Store)?;
        Ok(Saved::at(format!(
            "/cases/{}#section-circumstances",
            meta.id
        )))
    })
    .await
}

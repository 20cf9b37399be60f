//! The justice section of the case page: the jurisdiction's rules with their sources,
//! proceedings (opened only past the minimum-age gate; the diversion assessment before formal
//! proceedings) and the detention register with its statutory clocks.

use axum::extract::Path;
use axum::response::Response;
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use pelita_domain::justice::clock::State;
use pelita_domain::justice::proceeding::{
    self, DiversionAssessment, DiversionOutcome, Forum, NewDetention, NewProceeding, Offence,
};
use pelita_domain::justice::{Jurisdiction, Stage};
use pelita_domain::policy::write::Change;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{
    CaseMeta, DetentionChange, DetentionRecord, EndReason, ProceedingRecord, Readable, StoreError,
};

use super::form::{AtField, CaseForm, CaseOf, OrRefuse, Outcome, Refused, Saved, Wrong};
use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::Form;

pub struct ClockView {
    pub label: String,
    pub due: String,
    pub state: &'static str,
    pub state_text: String,
    pub source: String,
}

pub struct DetentionView {
    pub id: String,
    pub stage: String,
    pub started: String,
    pub details: Vec<(String, String)>,
    pub clocks: Vec<ClockView>,
    pub open: bool,
    pub ended: String,
    /// A clock ran out on a limit after which the law requires release.
    pub release_required: bool,
    pub can_extend: bool,
}

pub struct ProceedingView {
    pub id: String,
    pub forum: String,
    pub forum_alert: bool,
    pub status: String,
    pub status_key: String,
    pub offence: String,
    pub facts: Vec<String>,
    pub diversion: Option<String>,
    pub eligibility: Option<String>,
    /// The agreement's conditions, monitor and end, when one is recorded.
    pub agreement: Option<String>,
    /// What became of it (completed, or breached with the time to act).
    pub outcome: Option<String>,
    /// An agreement can be recorded (the assessment reached one, none yet).
    pub can_agree: bool,
    /// The agreement is in force: kept to the end, or breached.
    pub in_force: bool,
}

pub struct JusticeView {
    pub jurisdiction: String,
    pub rules: Vec<String>,
    pub proceedings: Vec<ProceedingView>,
    pub detentions: Vec<DetentionView>,
    pub can_edit: bool,
    /// Supervisors and justice officers expunge, on a court order.
    pub can_expunge: bool,
    pub forums: Vec<(&'static str, String)>,
    pub stages: Vec<(&'static str, String)>,
    pub now_local: String,
    pub today: String,
    /// Family contact while detained (Havana r.60), latest first.
    pub contacts: Vec<String>,
    /// Sealed (the case closed, or the child 18) and not opened by a court order: nothing of
    /// the records is shown; a supervisor or a justice officer may record the order.
    pub sealed: bool,
    /// Opened by a court order, until this time.
    pub opened_until: Option<String>,
    /// The nearest deadline of an open episode's clocks, for the case page's next step.
    pub next_deadline: Option<chrono::DateTime<Utc>>,
}

fn yes_no(t: &Tr, b: bool) -> String {
    t.get(if b { "answer-yes" } else { "answer-no" })
}

fn certainty(t: &Tr, source: &str, c: pelita_domain::justice::Certainty) -> String {
    format!("{source} ({})", t.pick("certainty", c.as_str()))
}

fn proceeding_view(t: &Tr, j: &Jurisdiction, p: &ProceedingRecord) -> ProceedingView {
    let (offence, facts, eligibility) = match &p.offence {
        Readable::Present(o) => {
            let mut facts = vec![format!("{}: {}", t.get("justice-offence-on"), t.date(o.on))];
            if let Some(y) = o.max_penalty_years {
                facts.push(t.with_args("justice-penalty-years", &[("years", y.into())]));
            }
            if o.repeat {
                facts.push(t.get("justice-repeat"));
            }
            let eligibility = proceeding::diversion_eligibility(j, o).map(|e| {
                let key = if e.required {
                    "justice-diversion-required"
                } else if e.excluded {
                    "justice-diversion-excluded"
                } else {
                    "justice-diversion-possible"
                };
                let mut line = t.with(key, &[("source", e.source)]);
                if let Some(by) = e.by {
                    line.push(' ');
                    line.push_str(&t.with("justice-diversion-by", &[("by", by)]));
                }
                line
            });
            (o.description.as_str().to_owned(), facts, eligibility)
        }
        Readable::Erased { .. } => (t.get("erased"), vec![], None),
    };
    let mut facts = facts;
    facts.push(format!(
        "{}: {}",
        t.get("justice-legal-aid"),
        yes_no(t, p.legal_aid)
    ));
    facts.push(format!(
        "{}: {}",
        t.get("justice-parents-notified"),
        yes_no(t, p.parents_notified)
    ));
    ProceedingView {
        id: p.id.clone(),
        forum: t.pick("forum", p.forum.as_str()),
        forum_alert: p.forum.raises_alert(),
        status: t.pick("proceeding-status", &p.status),
        status_key: p.status.clone(),
        offence,
        facts,
        diversion: p.diversion.as_ref().map(|d| match d {
            Readable::Present(a) => format!(
                "{} — {}: {}",
                t.date(a.on),
                t.pick(
                    "diversion-outcome",
                    match a.outcome {
                        DiversionOutcome::Agreed => "agreed",
                        DiversionOutcome::NotAgreed => "not_agreed",
                        DiversionOutcome::NotEligible => "not_eligible",
                    }
                ),
                a.note.as_str()
            ),
            Readable::Erased { .. } => t.get("erased"),
        }),
        eligibility,
        agreement: p.agreement.as_ref().map(|a| match a {
            Readable::Present(a) => t.with(
                "agreement-summary",
                &[
                    ("conditions", a.conditions.as_str().to_owned()),
                    ("monitor", a.monitor.as_str().to_owned()),
                    ("until", t.date(a.until)),
                ],
            ),
            Readable::Erased { .. } => t.get("erased"),
        }),
        outcome: match (p.completed_on, p.breach_on) {
            (Some(on), _) => Some(t.with("agreement-completed-on", &[("on", t.date(on))])),
            (None, Some(on)) => Some(match p.breach_action_due {
                Some(due) => t.with(
                    "agreement-breached-due",
                    &[
                        ("on", t.date(on)),
                        ("due", t.date(due)),
                        (
                            "source",
                            j.diversion
                                .as_ref()
                                .map(|d| d.source.clone())
                                .unwrap_or_default(),
                        ),
                    ],
                ),
                None => t.with("agreement-breached-on", &[("on", t.date(on))]),
            }),
            (None, None) => None,
        },
        can_agree: p.status == "diversion" && p.agreement.is_none(),
        in_force: p.status == "diversion" && p.agreement.is_some() && p.breach_on.is_none(),
    }
}

fn detention_view(
    t: &Tr,
    j: &Jurisdiction,
    d: &DetentionRecord,
    now: chrono::DateTime<Utc>,
) -> DetentionView {
    let tz = j.tz().unwrap_or(chrono_tz::UTC);
    let mut release_required = false;
    let clocks = j
        .clocks_for_episode(d.stage, &d.times())
        .map(|rule| {
            let c = rule.evaluate(tz, &d.times(), now);
            if c.state == State::Expired
                && rule.at_expiry == pelita_domain::justice::AtExpiry::ReleaseRequired
            {
                release_required = true;
            }
            ClockView {
                label: t.pick("clock-rule", &rule.rule),
                due: t.local_datetime(c.due, tz),
                state: c.state.as_str(),
                state_text: match c.state {
                    State::Expired => t.pick("detention-expiry", rule.at_expiry.as_str()),
                    other => t.pick("clock-state", other.as_str()),
                },
                source: certainty(t, &rule.source, rule.certainty),
            }
        })
        .collect();
    let details = match &d.details {
        Some(Readable::Present(x)) => vec![
            (t.get("detention-order"), x.order.clone()),
            (t.get("detention-legal-basis"), x.legal_basis.clone()),
            (t.get("detention-alternatives"), x.alternatives.clone()),
            (t.get("detention-best-interests"), x.best_interests.clone()),
            (t.get("detention-place"), x.place.clone()),
            (
                t.get("detention-separated"),
                yes_no(t, d.separated_from_adults),
            ),
            (
                t.get("justice-parents-notified"),
                yes_no(t, d.parents_notified),
            ),
        ],
        Some(Readable::Erased { .. }) | None => vec![(t.get("erased"), String::new())],
    };
    DetentionView {
        id: d.id.clone(),
        stage: t.pick("stage", d.stage.as_str()),
        started: t.local_datetime(d.started_at, tz),
        details,
        clocks,
        open: d.ended_at.is_none(),
        ended: d
            .ended_at
            .map(|e| {
                format!(
                    "{} — {}",
                    t.local_datetime(e, tz),
                    t.pick(
                        "detention-end",
                        d.end_reason.as_deref().unwrap_or("released")
                    )
                )
            })
            .unwrap_or_default(),
        release_required,
        // An extension is ordered before the limit; after it, only release is offered.
        can_extend: d.extended_at.is_none()
            && pelita_domain::justice::clock::extension_deadline(j, d.stage, &d.times())
                .ok()
                .flatten()
                .is_some_and(|limit| now < limit),
    }
}

/// The case's jurisdiction with its overrides. Never another's rules in its place: a page that
/// cannot read them says so rather than showing (or entering times in) the wrong law.
async fn jurisdiction(ctx: &Ctx, case_id: &str) -> Result<Jurisdiction, StoreError> {
    ctx.store.jurisdiction_of(case_id).await
}

/// Expungement is for a supervisor or a justice officer who may read the section.
pub fn may_expunge(ctx: &Ctx, meta: &CaseMeta) -> bool {
    super::may_change(ctx, meta, Change::Expunge)
}

pub fn may_edit(ctx: &Ctx, meta: &CaseMeta) -> bool {
    super::may_change(ctx, meta, Change::Justice)
}

pub async fn view(
    ctx: &Ctx,
    meta: &CaseMeta,
    read: Option<&(Vec<ProceedingRecord>, Vec<DetentionRecord>)>,
    seal: Option<pelita_store::SealState>,
) -> Result<JusticeView, StoreError> {
    let t = &ctx.t;
    let empty = (Vec::new(), Vec::new());
    let (proceedings, detentions) = match read {
        Some((p, d)) => (p.as_slice(), d.as_slice()),
        None => (empty.0.as_slice(), empty.1.as_slice()),
    };
    let sealed = read.is_none();
    let j = jurisdiction(ctx, &meta.id).await?;
    // Family contacts are justice records: sealed with the rest.
    let contacts = if sealed {
        Vec::new()
    } else {
        ctx.store
            .family_contacts(&meta.id)
            .await?
            .into_iter()
            .map(|(on, kind)| format!("{} — {}", t.date(on), t.pick("contact", &kind)))
            .collect()
    };
    let tz = j.tz().unwrap_or(chrono_tz::UTC);
    let now = ctx.store.now();
    let mut rules = vec![t.with_args(
        "justice-macr",
        &[
            ("age", j.macr.value.into()),
            (
                "source",
                certainty(t, &j.macr.source, j.macr.certainty).into(),
            ),
        ],
    )];
    if let Some(q) = &j.qualified_until {
        rules.push(t.with_args(
            "justice-qualified",
            &[
                ("age", q.value.into()),
                ("source", certainty(t, &q.source, q.certainty).into()),
            ],
        ));
    }
    if let Some(m) = &j.detention_min_age {
        rules.push(t.with_args(
            "justice-detention-age",
            &[
                ("age", m.value.into()),
                ("source", certainty(t, &m.source, m.certainty).into()),
            ],
        ));
    }
    let next_deadline = detentions
        .iter()
        .filter(|d| d.ended_at.is_none())
        .flat_map(|d| {
            j.clocks_for_episode(d.stage, &d.times())
                .map(|rule| rule.evaluate(tz, &d.times(), now).due)
                .collect::<Vec<_>>()
        })
        .min();
    Ok(JusticeView {
        next_deadline,
        jurisdiction: format!("{} — {}", j.name, tz.name()),
        rules,
        proceedings: proceedings
            .iter()
            .map(|p| proceeding_view(t, &j, p))
            .collect(),
        detentions: detentions
            .iter()
            .rev()
            .map(|d| detention_view(t, &j, d, now))
            .collect(),
        can_edit: may_edit(ctx, meta) && !sealed,
        can_expunge: may_expunge(ctx, meta)
            && (sealed || !(proceedings.is_empty() && detentions.is_empty())),
        sealed,
        opened_until: seal
            .and_then(|s| s.sealed.then_some(s.opened_until).flatten())
            .filter(|u| *u > ctx.store.now())
            .map(|u| t.datetime(u)),
        forums: Forum::ALL
            .iter()
            .map(|f| (f.as_str(), t.pick("forum", f.as_str())))
            .collect(),
        stages: j
            .stages()
            .into_iter()
            .map(|s| (s.as_str(), t.pick("stage", s.as_str())))
            .collect(),
        contacts,
        now_local: now.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string(),
        today: now.with_timezone(&tz).date_naive().to_string(),
    })
}

/// The pathway the jurisdiction offers a child below the minimum age, as the refusal says it.
async fn below_macr_message(ctx: &Ctx, case_id: &str) -> String {
    let Ok(j) = jurisdiction(ctx, case_id).await else {
        // The refusal stands; only the pathway cannot be named.
        return ctx.t.get("error-below-minimum-age");
    };
    format!(
        "{} {}",
        ctx.t.get("error-below-minimum-age"),
        ctx.t.with(
            "justice-pathway",
            &[
                ("pathway", j.protection_pathway.text.clone()),
                ("source", j.protection_pathway.source.clone()),
            ],
        )
    )
}

/// A justice write refused: below the minimum age the refusal names the jurisdiction's
/// pathway; a rule that concerns one field is beside it (a date the rules refuse beside
/// `date`, the form's date field); another rule its own message; anything else its own page.
async fn refusal(ctx: &Ctx, case_id: &str, e: StoreError, date: &str) -> Refused {
    use pelita_domain::DomainError as D;
    let t = &ctx.t;
    let d = match e {
        StoreError::Domain(d) => d,
        e => return Refused::store(t, e),
    };
    match d {
        D::BelowMinimumAge => Refused::message(below_macr_message(ctx, case_id).await),
        D::DateInFuture | D::DateTooEarly | D::ImpossibleDate => Refused::rule(t, &d).at(date),
        D::Invalid { field: "outcome" } => {
            Refused::key(t, "error-diversion-not-eligible").at("outcome")
        }
        D::Required {
            field: "max_penalty_years",
        }
        | D::Invalid {
            field: "max_penalty_years",
        } => Refused::key(t, "error-detention-penalty"),
        D::Invalid { field: "extension" } => Refused::key(t, "error-extension-late").at("change"),
        D::Invalid { field: "change" } => Refused::key(t, "error-release-only").at("change"),
        d => Refused::rule(t, &d),
    }
}

/// After a justice write: back to the section, or the refusal with its reason (a date's
/// beside the form's field `date`).
async fn done<T>(ctx: &Ctx, case_id: &str, r: Result<T, StoreError>, date: &str) -> Outcome {
    match r {
        Ok(_) => Ok(Saved::at(format!("/cases/{case_id}#justice"))),
        Err(e) => Err(refusal(ctx, case_id, e, date).await),
    }
}

fn posted(body: &[(String, String)], name: &str) -> String {
    super::posted_one(body, name).to_owned()
}

fn note(body: &[(String, String)], name: &'static str) -> Result<NoteText, Wrong> {
    super::note_at(super::posted_one(body, name), name)
}

fn date(body: &[(String, String)], name: &'static str) -> Result<NaiveDate, Wrong> {
    super::date_at(super::posted_one(body, name), name)
}

/// A choice among the options the form offers, or the refusal beside its field.
fn choice<T>(
    body: &[(String, String)],
    name: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, Wrong> {
    parse(super::posted_one(body, name)).ok_or(Wrong::key(name, "error-choose-option"))
}

/// A safeguard answered yes or no on purpose: never assumed met (legal aid, parents told,
/// separation from adults), so a form left as it came is refused beside the question.
fn answered(body: &[(String, String)], name: &'static str) -> Result<bool, Wrong> {
    choice(body, name, |v| match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    })
}

/// A form of the justice section, kept under `name` when refused: the token, the case
/// (named by the form's record, looked up only after the token), the write table's justice
/// change.
fn form<'a>(
    ctx: &'a Ctx,
    name: &str,
    body: &'a [(String, String)],
    case: CaseOf<'a>,
) -> CaseForm<'a> {
    CaseForm::posted(ctx, name, body, case, Change::Justice)
}

pub async fn open(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    form(&ctx, "proceeding", &body, CaseOf::Case(&id))
        .run(async |meta| {
            let parsed = (|| -> Result<NewProceeding, Wrong> {
                Ok(NewProceeding {
                    forum: choice(&body, "forum", Forum::parse)?,
                    offence: Offence {
                        description: note(&body, "offence")?,
                        on: date(&body, "offence_on")?,
                        max_penalty_years: match posted(&body, "penalty").as_str() {
                            "" => None,
                            y => Some(
                                y.parse()
                                    .map_err(|_| Wrong::key("penalty", "error-penalty-years"))?,
                            ),
                        },
                        repeat: posted(&body, "repeat") == "yes",
                    },
                    legal_aid: answered(&body, "legal_aid")?,
                    parents_notified: answered(&body, "parents_notified")?,
                })
            })();
            let p = parsed.or_refuse(t)?;
            let r = ctx.store.open_proceeding(ctx.actor(), &meta.id, p).await;
            done(&ctx, &meta.id, r, "offence_on").await
        })
        .await
}

/// Diversion assessment, or the move to formal proceedings, on one proceeding.
pub async fn proceeding_step(
    ctx: Ctx,
    Path(pid): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let formal = posted(&body, "step") == "formal";
    let name = format!("{}-{pid}", if formal { "formal" } else { "diversion" });
    form(&ctx, &name, &body, CaseOf::Proceeding(&pid))
        .run(async |meta| {
            let actor = ctx.actor();
            let r = if formal {
                ctx.store.go_formal(actor, &pid).await
            } else {
                let parsed = (|| -> Result<DiversionAssessment, Wrong> {
                    Ok(DiversionAssessment {
                        on: date(&body, "on")?,
                        outcome: choice(&body, "outcome", DiversionOutcome::parse)?,
                        note: note(&body, "note")?,
                    })
                })();
                let a = parsed.or_refuse(t)?;
                ctx.store.record_diversion(actor, &pid, a).await
            };
            done(&ctx, &meta.id, r, "on").await
        })
        .await
}

pub async fn detain(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    form(&ctx, "detention", &body, CaseOf::Case(&id))
        .run(async |meta| {
            let j = jurisdiction(&ctx, &meta.id).await.map_err(Refused::Store)?;
            let tz = j.tz().unwrap_or(chrono_tz::UTC);
            let parsed = (|| -> Result<NewDetention, Wrong> {
                let not_a_time = || Wrong::key("started_at", "error-not-a-time");
                // The time as the register states it, where the child is held.
                let local =
                    NaiveDateTime::parse_from_str(&posted(&body, "started_at"), "%Y-%m-%dT%H:%M")
                        .map_err(|_| not_a_time())?;
                let started_at = tz
                    .from_local_datetime(&local)
                    .earliest()
                    .ok_or_else(not_a_time)?
                    .with_timezone(&Utc);
                Ok(NewDetention {
                    stage: choice(&body, "stage", Stage::parse)?,
                    started_at,
                    order: NameText::parse(&posted(&body, "order")).at("order")?,
                    legal_basis: note(&body, "legal_basis")?,
                    alternatives: note(&body, "alternatives")?,
                    best_interests: note(&body, "best_interests")?,
                    place: note(&body, "place")?,
                    separated_from_adults: answered(&body, "separated")?,
                    parents_notified: answered(&body, "parents_notified")?,
                })
            })();
            let d = parsed.or_refuse(t)?;
            let r = ctx.store.start_detention(ctx.actor(), &meta.id, d).await;
            done(&ctx, &meta.id, r, "started_at").await
        })
        .await
}

pub async fn change(
    ctx: Ctx,
    Path(did): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    form(
        &ctx,
        &format!("detention-{did}"),
        &body,
        CaseOf::Detention(&did),
    )
    .run(async |meta| {
        let order = super::opt_note_at(super::posted_one(&body, "order"), "order");
        let c = match super::posted_one(&body, "change") {
            "extend" => match order.or_refuse(t)? {
                Some(o) => DetentionChange::Extend(o),
                None => return Err(Refused::key(t, "error-extension-order").at("order")),
            },
            "review" => DetentionChange::Review,
            "release" => DetentionChange::End(EndReason::Released),
            "transfer" => DetentionChange::End(EndReason::Transferred),
            "" => return Err(Refused::key(t, "detention-change-required").at("change")),
            _ => return Err(Refused::key(t, "error-choose-option").at("change")),
        };
        let r = ctx.store.change_detention(ctx.actor(), &did, c).await;
        done(&ctx, &meta.id, r, "change").await
    })
    .await
}

/// What a court order recorded in Pelita does to a case's justice records.
#[derive(Clone, Copy)]
enum CourtOrder {
    /// Destroys the section's key and the records.
    Expunge,
    /// Opens sealed records for 30 days.
    OpenSealed,
}

/// A court order on the justice records, by a supervisor or a justice officer.
async fn court_order(
    ctx: Ctx,
    id: String,
    body: Vec<(String, String)>,
    what: CourtOrder,
) -> Response {
    let t = &ctx.t;
    let name = match what {
        CourtOrder::Expunge => "expunge",
        CourtOrder::OpenSealed => "open-sealed",
    };
    CaseForm::posted(&ctx, name, &body, CaseOf::Case(&id), Change::Expunge)
        .run(async |meta| {
            let order = super::opt_note_at(super::posted_one(&body, "order"), "order");
            let Some(order) = order.or_refuse(t)? else {
                return Err(Refused::key(t, "error-court-order").at("order"));
            };
            let actor = ctx.actor();
            let r = match what {
                CourtOrder::Expunge => ctx.store.expunge_justice(actor, &meta.id, order).await,
                CourtOrder::OpenSealed => {
                    ctx.store.open_sealed_justice(actor, &meta.id, order).await
                }
            };
            done(&ctx, &meta.id, r, "order").await
        })
        .await
}

/// Expunges the justice records on a court order: the section's key is destroyed.
pub async fn expunge(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    court_order(ctx, id, body, CourtOrder::Expunge).await
}

/// Records a family contact of a detained child.
pub async fn family_contact(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    form(&ctx, "contact", &body, CaseOf::Case(&id))
        .run(async |meta| {
            let on = date(&body, "on").or_refuse(t)?;
            let kind = choice(&body, "kind", pelita_store::ContactKind::parse).or_refuse(t)?;
            let r = ctx
                .store
                .record_family_contact(ctx.actor(), &meta.id, on, kind)
                .await;
            done(&ctx, &meta.id, r, "on").await
        })
        .await
}

/// Records the court order that opens sealed justice records, for 30 days.
pub async fn open_sealed(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    court_order(ctx, id, body, CourtOrder::OpenSealed).await
}

/// The diversion agreement, and what became of it.
pub async fn agreement(
    ctx: Ctx,
    Path(pid): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let event = posted(&body, "event");
    let name = if event.is_empty() {
        format!("agreement-{pid}")
    } else {
        format!("agreement-event-{pid}")
    };
    form(&ctx, &name, &body, CaseOf::Proceeding(&pid))
        .run(async |meta| {
            let actor = ctx.actor();
            let (r, when) = match event.as_str() {
                "" => {
                    let parsed = (|| -> Result<proceeding::Agreement, Wrong> {
                        Ok(proceeding::Agreement {
                            conditions: note(&body, "conditions")?,
                            monitor: note(&body, "monitor")?,
                            until: date(&body, "until")?,
                        })
                    })();
                    let a = parsed.or_refuse(t)?;
                    (ctx.store.set_agreement(actor, &pid, a).await, "until")
                }
                event => {
                    let on = date(&body, "on").or_refuse(t)?;
                    let e = if event == "breached" {
                        pelita_store::AgreementEvent::Breached
                    } else {
                        pelita_store::AgreementEvent::Completed
                    };
                    (ctx.store.agreement_event(actor, &pid, e, on).await, "on")
                }
            };
            done(&ctx, &meta.id, r, when).await
        })
        .await
}

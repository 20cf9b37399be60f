//! Assessments on the pages: the form (with the repeat-interview guard above it) and the
//! per-domain summaries in the psychosocial section of the case page.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::DomainError;
use pelita_domain::assessment::{self, AnswerType, Answers, Instrument, ItemKind, pick};
use pelita_domain::policy::write::Change;
use pelita_domain::text::NoteText;
use pelita_store::{Assent, AssessmentRecord, NewAssessment, Readable, StoreError};

use super::Posted;
use super::form::{CaseForm, CaseOf, Needs, Page, Refused, Saved};
use crate::WebConfig;
use crate::auth::Ctx;
use crate::error;
use crate::i18n::{LANGUAGES, Tr};
use crate::view::{self, Form, Nav};

pub struct ItemView {
    pub key: String,
    pub text: String,
    pub kind: &'static str,
    pub answer: &'static str,
    /// The answers offered as a row of buttons (scale, yes/no, choice): value and label.
    pub choices: Vec<(String, String)>,
    /// "Answer only if …": the rule in words, for a browser that runs no script.
    pub condition: String,
    /// The field whose answer shows this question and that answer (the script hides the
    /// question otherwise; the server leaves out an answer to a skipped question).
    pub show_if: Option<(String, String)>,
    /// What was typed, when the form comes back refused.
    pub value: String,
    /// Why the form was refused, when it was for this question.
    pub error: Option<String>,
}

pub struct DomainView {
    pub title: String,
    pub items: Vec<ItemView>,
}

#[derive(Template)]
#[template(path = "assessment.html")]
struct FormPage {
    t: Tr,
    nav: Nav,
    id: String,
    reference: String,
    /// The child's name where the reader may see it, else empty (the reference is the heading).
    child: String,
    title: String,
    version: u32,
    instrument_id: String,
    interviews: Vec<(String, String, String)>,
    warning: Option<String>,
    languages: Vec<(&'static str, &'static str, bool)>,
    today: String,
    domains: Vec<DomainView>,
    /// The fields around the questions, as typed when the form comes back refused.
    on: String,
    language: String,
    assent: String,
    present: String,
    /// The refusal: the field it concerns (None: the whole form) and its message.
    refusal: Option<(Option<String>, String)>,
}

impl FormPage {
    /// The refusal's message when it concerns `field`.
    fn error(&self, field: &str) -> Option<String> {
        match &self.refusal {
            Some((Some(f), m)) if f == field => Some(m.clone()),
            _ => None,
        }
    }
}

/// One domain in one assessment: strengths present, needs present, answered, asked.
pub type Cell = (usize, usize, usize, usize);

/// A table of per-domain summaries, one column per assessment: the change over time.
pub struct SummaryTable {
    pub dates: Vec<String>,
    /// Domain title, then per assessment (strengths, needs, answered, asked).
    pub rows: Vec<(String, Vec<Cell>)>,
    /// Per domain, with two assessments or more: the change as a small chart (its text
    /// alternative, and the SVG shapes drawn from numbers only).
    pub charts: Vec<Option<(String, String)>>,
    pub assessors: Vec<String>,
    pub can_assess: bool,
    /// Where a new assessment with this table's instrument starts.
    pub new_href: String,
}

impl SummaryTable {
    pub fn has_chart(&self) -> bool {
        self.charts.iter().any(Option::is_some)
    }
}

fn instrument<'a>(s: &'a WebConfig, id: &str, version: u32) -> Option<&'a Instrument> {
    s.instruments
        .iter()
        .find(|i| i.id == id && i.version == version)
}

pub fn summaries(
    t: &Tr,
    s: &WebConfig,
    base: &Instrument,
    case_id: &str,
    records: &[AssessmentRecord],
    assessors: Vec<String>,
    can_assess: bool,
) -> SummaryTable {
    let lang = t.tag;
    let mut rows: Vec<(String, Vec<Cell>)> = base
        .domains
        .iter()
        .map(|d| (pick(&d.title, lang).to_owned(), Vec::new()))
        .collect();
    for r in records {
        let answers = match &r.answers {
            Readable::Present(a) => a.clone(),
            Readable::Erased { .. } => Answers::new(),
        };
        let sums = instrument(s, &r.instrument, r.version)
            .map(|i| assessment::summarise(i, &answers))
            .unwrap_or_default();
        for (row, d) in rows.iter_mut().zip(&base.domains) {
            let cell = sums
                .iter()
                .find(|x| x.domain == d.key)
                .map_or((0, 0, 0, 0), |x| {
                    (x.strengths.len(), x.needs.len(), x.answered, x.asked)
                });
            row.1.push(cell);
        }
    }
    // Oldest first, whatever order the records came in.
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|i| records[*i].on);
    let charts = rows
        .iter()
        .map(|(_, cells)| {
            let series: Vec<Cell> = order.iter().map(|i| cells[*i]).collect();
            chart(t, &series)
        })
        .collect();
    SummaryTable {
        new_href: format!("/cases/{case_id}/assessments?instrument={}", base.id),
        dates: records.iter().map(|r| t.date(r.on)).collect(),
        charts,
        rows,
        assessors,
        can_assess,
    }
}

/// Strengths (solid line) and needs (dashed) over the assessments, oldest first, scaled to the
/// most questions asked: a glance at the change in one domain. None with fewer than two.
pub fn chart(t: &Tr, series: &[Cell]) -> Option<(String, String)> {
    let (first, last) = (series.first()?, series.last()?);
    if series.len() < 2 {
        return None;
    }
    const W: f64 = 96.0;
    const H: f64 = 28.0;
    const PAD: f64 = 3.0;
    let max = series.iter().map(|c| c.3).max().unwrap_or(1).max(1) as f64;
    let step = (W - 2.0 * PAD) / (series.len() - 1) as f64;
    let points = |pick: fn(&Cell) -> usize| -> String {
        series
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let x = PAD + step * i as f64;
                let y = H - PAD - pick(c) as f64 / max * (H - 2.0 * PAD);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let svg = format!(
        "<polyline class=\"strengths\" fill=\"none\" stroke-width=\"2\" points=\"{}\"/>\
         <polyline class=\"needs\" fill=\"none\" stroke-width=\"2\" stroke-dasharray=\"4 2\" points=\"{}\"/>",
        points(|c| c.0),
        points(|c| c.1)
    );
    let label = t.with_args(
        "assessment-chart",
        &[
            ("strengths_from", first.0.into()),
            ("strengths_to", last.0.into()),
            ("needs_from", first.1.into()),
            ("needs_to", last.1.into()),
        ],
    );
    Some((label, svg))
}

/// The instrument a request names (its newest version), or the resilience and needs assessment.
fn chosen<'a>(s: &'a WebConfig, id: Option<&str>) -> Option<&'a Instrument> {
    match id.filter(|i| !i.is_empty()) {
        Some(id) => s.newest(id),
        None => Some(s.current_instrument()),
    }
}

/// The form's fields as the store takes them, or what a refusal concerns — "on", "assent",
/// "present", a question's key, or None for the whole form — and its message. The store
/// checks the same rules again; this finds the field to show the message beside.
fn parse(
    t: &Tr,
    inst: &Instrument,
    f: &BTreeMap<String, String>,
    today: chrono::NaiveDate,
) -> Result<NewAssessment, (Option<String>, String)> {
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    let at = |field: &str, e: &DomainError| (Some(field.to_owned()), message(t, e));
    let on = chrono::NaiveDate::parse_from_str(get("on"), "%Y-%m-%d")
        .map_err(|_| at("on", &DomainError::ImpossibleDate))?;
    pelita_domain::dates::check_date(on, today).map_err(|e| at("on", &e))?;
    let assent = Assent::parse(get("assent")).ok_or_else(|| {
        (
            Some("assent".to_owned()),
            t.get("assessment-assent-required"),
        )
    })?;
    let present = match get("present").trim() {
        "" => None,
        x => Some(NoteText::parse(x).map_err(|e| at("present", &e))?),
    };
    // Without a script every question is on the form; what was typed into a question the
    // answers skip is left out rather than refused.
    let typed: Answers = f
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("a.").map(|k| (k.to_owned(), v.clone())))
        .collect();
    let answers = assessment::check(inst, assessment::asked_only(inst, typed), today)
        .map_err(|r| (r.item, message(t, &r.error)))?;
    if assent == Assent::Refused && !answers.is_empty() {
        return Err((
            Some("assent".to_owned()),
            t.get("assessment-refused-assent"),
        ));
    }
    let language = LANGUAGES
        .iter()
        .find(|l| l.0 == get("language"))
        .map_or("en", |l| l.0)
        .to_owned();
    Ok(NewAssessment {
        on,
        language,
        assent,
        present,
        answers,
    })
}

/// A rule's message in the reader's language, with the limit where it has one.
fn message(t: &Tr, e: &DomainError) -> String {
    match e {
        DomainError::TooLong { max, .. } => {
            t.with_args("error-too-long", &[("max", (*max).into())])
        }
        other => t.get(&error::domain_key(other)),
    }
}

/// The answers offered as buttons for an item, value and label ("" is "not answered").
fn choices(t: &Tr, answer: AnswerType, options: &[String]) -> Vec<(String, String)> {
    let values: Vec<String> = match answer {
        AnswerType::Scale => ["0", "1", "2", "3"].map(str::to_owned).to_vec(),
        AnswerType::YesNo => ["yes", "no"].map(str::to_owned).to_vec(),
        AnswerType::Choice => options.to_vec(),
        AnswerType::Date | AnswerType::Text => return Vec::new(),
    };
    let label = |v: &str| match answer {
        AnswerType::Scale => v.to_owned(),
        _ => t.pick("answer", v),
    };
    std::iter::once((String::new(), t.get("assessment-no-answer")))
        .chain(values.iter().map(|v| (v.clone(), label(v))))
        .collect()
}

async fn render(
    ctx: &Ctx,
    case_id: &str,
    instrument: Option<&str>,
    typed: Option<(Posted, String)>,
) -> Response {
    let s = &*ctx.config;
    let t = ctx.t.clone();
    let meta = match ctx.store.case_meta(case_id).await {
        Ok(m) => m,
        Err(e) => return error::store(&t, e),
    };
    let Some(inst) = chosen(s, instrument) else {
        return error::page(&t, StatusCode::NOT_FOUND, "error-not-found");
    };
    if !super::may_change(ctx, &meta, Change::Assessment(inst.section)) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let today = super::zone::today(ctx).await;
    let mut warning = None;
    let history = ctx.store.interviews(case_id).await.unwrap_or_default();
    let interviews = super::interview::rows(ctx, &meta, &history).await;
    if let Some(last) = history.first() {
        let days = (today - last.on).num_days();
        if days < s.repeat_interview_days {
            warning = Some(t.with_args(
                "assessment-repeat-warning",
                &[("days", days.into()), ("count", history.len().into())],
            ));
        }
    }
    // A refused form: what was typed, and the field the refusal concerns (found by the same
    // parse that refused it; a refusal of the store's own is shown for the whole form).
    let (kept, refusal): (BTreeMap<String, String>, _) = match typed {
        Some((posted, message)) => {
            let kept: BTreeMap<String, String> = posted.body.into_iter().collect();
            let field = parse(&t, inst, &kept, today).err().and_then(|(f, _)| f);
            (kept, Some((field, message)))
        }
        None => (BTreeMap::new(), None),
    };
    let lang = t.tag.to_owned();
    let question = |key: &str| {
        inst.domains
            .iter()
            .flat_map(|d| d.items.iter())
            .find(|x| x.key == key)
            .map(|x| pick(&x.text, &lang).to_owned())
    };
    let domains = inst
        .domains
        .iter()
        .map(|d| DomainView {
            title: pick(&d.title, &lang).to_owned(),
            items: d
                .items
                .iter()
                .map(|i| ItemView {
                    key: i.key.clone(),
                    text: pick(&i.text, &lang).to_owned(),
                    kind: match i.kind {
                        ItemKind::Strength => "strength",
                        ItemKind::Need => "need",
                    },
                    answer: match i.answer {
                        AnswerType::Scale => "scale",
                        AnswerType::Choice => "choice",
                        AnswerType::YesNo => "yes_no",
                        AnswerType::Date => "date",
                        AnswerType::Text => "text",
                    },
                    choices: choices(&t, i.answer, &i.options),
                    condition: i
                        .show_if
                        .as_ref()
                        .and_then(|c| {
                            question(&c.item).map(|q| {
                                t.with(
                                    "assessment-only-if",
                                    &[("question", q), ("answer", t.pick("answer", &c.equals))],
                                )
                            })
                        })
                        .unwrap_or_default(),
                    show_if: i
                        .show_if
                        .as_ref()
                        .map(|c| (format!("a.{}", c.item), c.equals.clone())),
                    value: kept
                        .get(&format!("a.{}", i.key))
                        .cloned()
                        .unwrap_or_default(),
                    error: match &refusal {
                        Some((Some(f), m)) if *f == i.key => Some(m.clone()),
                        _ => None,
                    },
                })
                .collect(),
        })
        .collect();
    let kept_or = |field: &str, default: &str| {
        kept.get(field)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    };
    view::render(FormPage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        reference: meta.reference.to_string(),
        child: super::visible_name(ctx, &meta).await.unwrap_or_default(),
        title: pick(&inst.title, &lang).to_owned(),
        version: inst.version,
        instrument_id: inst.id.clone(),
        interviews,
        warning,
        languages: LANGUAGES.to_vec(),
        on: kept_or("on", &today.to_string()),
        language: kept_or("language", t.tag),
        assent: kept_or("assent", ""),
        present: kept_or("present", ""),
        today: today.to_string(),
        domains,
        refusal,
        t,
    })
}

#[derive(serde::Deserialize)]
pub struct Which {
    #[serde(default)]
    instrument: Option<String>,
}

pub async fn form(
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<Which>,
) -> Response {
    render(&ctx, &id, q.instrument.as_deref(), None).await
}

/// The form again after a refusal (`form::CaseForm`): every answer as it was typed, the
/// message beside the question or field it concerns.
pub(super) async fn refused(
    ctx: &Ctx,
    case_id: &str,
    instrument: Option<&str>,
    message: String,
    typed: Option<Posted>,
) -> Response {
    let typed = typed.unwrap_or_else(|| Posted::new("assessment", &[]));
    render(ctx, case_id, instrument, Some((typed, message))).await
}

pub async fn record(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let typed = Posted::new("assessment", &body);
    let f: BTreeMap<String, String> = body.into_iter().collect();
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("");
    // Who may record it depends on the instrument's section.
    let inst = chosen(&ctx.config, Some(get("instrument")));
    // (The instrument goes on owned: a borrowed one trips rustc's check that the handler's
    // future is Send through an async closure.)
    let needs = match inst {
        Some(inst) => Ok((
            Needs::Change(Change::Assessment(inst.section)),
            inst.clone(),
        )),
        None => Err(Refused::Page(StatusCode::NOT_FOUND, "error-not-found")),
    };
    CaseForm::needing(&ctx, get("csrf"), CaseOf::Case(&id), needs)
        .on(Page::Assessment(inst.map(|i| i.id.clone())))
        .keeping(typed)
        .run_with(async |meta, inst| {
            let today = super::zone::today(&ctx).await;
            let a = parse(t, &inst, &f, today).map_err(|(_, m)| Refused::message(m))?;
            match ctx
                .store
                .record_assessment(ctx.actor(), &meta.id, &inst, a)
                .await
            {
                Ok(_) => Ok(Saved::at(format!(
                    "/cases/{}#section-{}",
                    meta.id,
                    inst.section.as_str()
                ))),
                Err(StoreError::Domain(DomainError::Invalid { field: "assent" })) => {
                    Err(Refused::key(t, "assessment-refused-assent"))
                }
                Err(e) => Err(Refused::store(t, e)),
            }
        })
        .await
}

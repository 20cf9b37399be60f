//! Assessments on the pages: the form (with the repeat-interview guard above it) and the
//! per-domain summaries in the psychosocial section of the case page.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::assessment::{self, AnswerType, Answers, Instrument, ItemKind, pick};
use pelita_domain::policy::write::Change;
use pelita_store::{Assent, AssessmentRecord, NewAssessment, Readable, StoreError};

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
    pub options: Vec<String>,
    /// "Answer only if …", for skip logic without JavaScript.
    pub condition: String,
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
    title: String,
    instrument: String,
    instrument_id: String,
    interviews: Vec<(String, String, String)>,
    warning: Option<String>,
    languages: Vec<(&'static str, &'static str, bool)>,
    lang: String,
    today: String,
    domains: Vec<DomainView>,
    message: Option<String>,
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

async fn render(
    ctx: &Ctx,
    case_id: &str,
    instrument: Option<&str>,
    message: Option<String>,
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
    let today = ctx.store.now().date_naive();
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
    let lang = t.tag.to_owned();
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
                    options: i.options.clone(),
                    condition: i
                        .show_if
                        .as_ref()
                        .and_then(|c| {
                            inst.domains
                                .iter()
                                .flat_map(|d| d.items.iter())
                                .find(|x| x.key == c.item)
                                .map(|x| {
                                    t.with(
                                        "assessment-only-if",
                                        &[
                                            ("question", pick(&x.text, &lang).to_owned()),
                                            ("answer", t.pick("answer", &c.equals)),
                                        ],
                                    )
                                })
                        })
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    view::render(FormPage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        reference: meta.reference.to_string(),
        title: pick(&inst.title, &lang).to_owned(),
        instrument: format!("{} v{}", inst.id, inst.version),
        instrument_id: inst.id.clone(),
        interviews,
        warning,
        languages: LANGUAGES.to_vec(),
        lang,
        today: today.to_string(),
        domains,
        message,
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

/// The form again after a refusal (`form::CaseForm`), with its message.
pub(super) async fn refused(
    ctx: &Ctx,
    case_id: &str,
    instrument: Option<&str>,
    message: String,
) -> Response {
    render(ctx, case_id, instrument, Some(message)).await
}

pub async fn record(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
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
        .run_with(async |meta, inst| {
            // Without JavaScript every question is on the form; answers to questions that the
            // answers themselves skip are left out rather than refused.
            let mut answers: Answers = f
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("a.").map(|k| (k.to_owned(), v.clone())))
                .collect();
            let skipped: Vec<String> = inst
                .domains
                .iter()
                .flat_map(|d| d.items.iter())
                .filter(|i| !assessment::visible(i, &answers))
                .map(|i| i.key.clone())
                .collect();
            answers.retain(|k, _| !skipped.contains(k));
            let on = chrono::NaiveDate::parse_from_str(get("on"), "%Y-%m-%d")
                .map_err(|_| Refused::key(t, "error-impossible-date"))?;
            let assent =
                Assent::parse(get("assent")).ok_or_else(|| Refused::key(t, "error-required"))?;
            let present = super::opt_note(get("present")).map_err(|k| Refused::key(t, k))?;
            let language = LANGUAGES
                .iter()
                .find(|l| l.0 == get("language"))
                .map_or("en", |l| l.0)
                .to_owned();
            let a = NewAssessment {
                on,
                language,
                assent,
                present,
                answers,
            };
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
                Err(StoreError::Domain(pelita_domain::DomainError::Invalid {
                    field: "assent",
                })) => Err(Refused::key(t, "assessment-refused-assent")),
                Err(e) => Err(Refused::store(t, e)),
            }
        })
        .await
}

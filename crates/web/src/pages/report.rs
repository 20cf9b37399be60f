//! The social inquiry report for the court (Beijing r.16): generated from the assessment, the
//! plan and the child's circumstances, presenting the child as a victim of recruitment and
//! exploitation; readable by those who may read the justice section, without the narratives,
//! raw answers or notes; checked by the terminology guard; printable from the browser.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::assessment::{self, pick};
use pelita_domain::policy::Section;
use pelita_domain::terminology::Guard;
use pelita_store::Readable;

use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::{self, Nav};

pub struct DomainLine {
    pub title: String,
    pub strengths: String,
    pub needs: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    t: Tr,
    nav: Nav,
    id: String,
    reference: String,
    prepared: String,
    victim: Option<String>,
    association: Vec<String>,
    assessed_on: Option<String>,
    domains: Vec<DomainLine>,
    plan: Option<(String, Vec<String>)>,
    family: Vec<String>,
    interviews: String,
    justice: Vec<String>,
    /// Stigmatising words the guard found in the report's free text, with the alternatives.
    guard: Vec<String>,
}

pub async fn page(ctx: Ctx, Path(id): Path<String>) -> Response {
    let t = ctx.t.clone();
    let meta = match ctx.store.case_meta(&id).await {
        Ok(m) => m,
        Err(e) => return error::store(&t, e),
    };
    let Ok(grant) = super::grant(&ctx, &meta, Section::Justice, None) else {
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    };
    let r = match ctx.store.social_inquiry(&grant).await {
        Ok(r) => r,
        Err(e) => return error::store(&t, e),
    };
    // Days as the case's jurisdiction counts them: the case page and the court read the same
    // date for the same instant (a detention begun at 23:00 UTC began the next day in Jakarta).
    let tz = match ctx.store.jurisdiction_of(&meta.id).await {
        Ok(j) => j.tz().unwrap_or(chrono_tz::UTC),
        Err(e) => return error::store(&t, e),
    };
    let day = |at: chrono::DateTime<chrono::Utc>| t.date(at.with_timezone(&tz).date_naive());
    let lang = t.tag;
    let mut free_text: Vec<String> = Vec::new();
    let association = r
        .circumstances
        .iter()
        .map(|c| {
            let key = serde_json::json!(c.association);
            t.pick("association", key.as_str().unwrap_or("other"))
        })
        .collect();
    let inst = ctx.config.current_instrument();
    let (assessed_on, domains) = match &r.assessment {
        Some(a) => {
            let sums = match (&a.answers, ctx.config.newest(&a.instrument)) {
                (Readable::Present(ans), Some(i)) => assessment::summarise(i, ans),
                _ => Vec::new(),
            };
            let item = |key: &str| {
                inst.domains
                    .iter()
                    .flat_map(|d| d.items.iter())
                    .find(|i| i.key == key)
                    .map_or(key.to_owned(), |i| pick(&i.text, lang).to_owned())
            };
            let lines = inst
                .domains
                .iter()
                .filter_map(|d| {
                    let s = sums.iter().find(|s| s.domain == d.key)?;
                    let list = |keys: &[String]| {
                        if keys.is_empty() {
                            "—".to_owned()
                        } else {
                            keys.iter().map(|k| item(k)).collect::<Vec<_>>().join("; ")
                        }
                    };
                    Some(DomainLine {
                        title: pick(&d.title, lang).to_owned(),
                        strengths: list(&s.strengths),
                        needs: list(&s.needs),
                    })
                })
                .collect();
            (Some(t.date(a.on)), lines)
        }
        None => (None, Vec::new()),
    };
    let plan = r.plan.as_ref().map(|(approved, p)| {
        let goals = p
            .goals
            .iter()
            .map(|g| {
                free_text.push(g.text.as_str().to_owned());
                let domain = inst
                    .domains
                    .iter()
                    .find(|d| d.key == g.domain)
                    .map_or(g.domain.clone(), |d| pick(&d.title, lang).to_owned());
                let activities: Vec<String> = g
                    .actions
                    .iter()
                    .filter_map(|a| a.activity)
                    .map(|a| t.pick("activity", a.as_str()))
                    .collect();
                if activities.is_empty() {
                    format!("{domain}: {}", g.text.as_str())
                } else {
                    format!("{domain}: {} ({})", g.text.as_str(), activities.join(", "))
                }
            })
            .collect();
        (
            t.get(if *approved {
                "plan-approved"
            } else {
                "plan-draft"
            }),
            goals,
        )
    });
    let mut family = Vec::new();
    if let Some(l) = r.living {
        family.push(format!(
            "{}: {}",
            t.get("household-living"),
            t.pick("living", l.as_str())
        ));
    }
    family.push(t.with_args("report-caregivers", &[("count", r.caregivers.into())]));
    let mut justice = Vec::new();
    for p in &r.proceedings {
        justice.push(format!(
            "{} — {}",
            t.pick("forum", p.forum.as_str()),
            t.pick("proceeding-status", &p.status)
        ));
    }
    for d in &r.detentions {
        let days = (d.ended_at.unwrap_or_else(|| ctx.store.now()) - d.started_at).num_days();
        justice.push(t.with_args(
            "report-detention",
            &[
                ("stage", t.pick("stage", d.stage.as_str()).into()),
                ("from", day(d.started_at).into()),
                ("days", days.into()),
            ],
        ));
    }
    let guard = free_text
        .iter()
        .flat_map(|text| Guard::builtin().check_in(text, Some(t.tag)))
        .map(|f| {
            format!(
                "“{}” {} {}",
                f.matched,
                t.arrow(),
                f.alternatives.join(" / ")
            )
        })
        .collect();
    view::render(ReportPage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        reference: r.reference,
        prepared: t.with(
            "report-prepared",
            &[
                ("date", day(ctx.store.now())),
                ("who", ctx.user().display_name.clone()),
            ],
        ),
        victim: r
            .victim_since
            .map(|s| t.with("report-victim", &[("since", day(s))])),
        association,
        assessed_on,
        domains,
        plan,
        family,
        interviews: t.count("interview-count", r.interviews),
        justice,
        guard,
        t,
    })
}

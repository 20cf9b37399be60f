//! Registering a child: validated on the server, field by field, in the user's language, and
//! checked against children already on record before anything is saved.

use std::collections::HashMap;

use crate::view::Form;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use pelita_domain::DomainError;
use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::case::{Association, Circumstances, GroupKind, Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames, Sex};
use pelita_domain::text::NameText;
use pelita_store::Registration;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub given: String,
    pub given_latin: String,
    pub family: String,
    pub family_latin: String,
    pub alias: String,
    pub sex: String,
    pub precision: String,
    pub birth_date: String,
    pub birth_year: String,
    pub birth_month: String,
    pub est_age: String,
    pub est_margin: String,
    pub evidence: String,
    pub priority: String,
    pub priority_reason: String,
    pub recruitment: String,
    pub association: String,
    pub action: String,
    pub csrf: String,
}

pub struct Match {
    /// `None` for a case held where the reader may not see it.
    pub case_id: Option<String>,
    pub reference: String,
    pub name: Option<String>,
    pub likely: bool,
    /// Why it came up ("same name · same sex · age fits").
    pub why: Vec<String>,
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    t: Tr,
    nav: Nav,
    f: RegisterForm,
    errors: HashMap<&'static str, String>,
    matches: Option<Vec<Match>>,
}

impl RegisterPage {
    fn err(&self, field: &str) -> String {
        self.errors.get(field).cloned().unwrap_or_default()
    }
    fn has(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }
    fn sel(&self, value: &str, current: &str) -> bool {
        value == current
    }
    /// Possible matches held where the reader may not see them, counted apart.
    fn elsewhere(&self) -> usize {
        self.matches
            .iter()
            .flatten()
            .filter(|m| m.case_id.is_none())
            .count()
    }
}

pub async fn page(ctx: Ctx) -> Response {
    let f = RegisterForm {
        precision: "exact".into(),
        priority: "medium".into(),
        evidence: "declaration".into(),
        ..Default::default()
    };
    view::render(RegisterPage {
        t: ctx.t.clone(),
        nav: ctx.nav(),
        f,
        errors: HashMap::new(),
        matches: None,
    })
}

struct Errors<'a> {
    t: &'a Tr,
    map: HashMap<&'static str, String>,
}

impl Errors<'_> {
    fn domain(&mut self, field: &'static str, e: &DomainError) {
        let msg = match e {
            DomainError::TooLong { max, .. } => self
                .t
                .with_args("error-too-long", &[("max", (*max).into())]),
            other => self.t.get(&crate::error::domain_key(other)),
        };
        self.map.entry(field).or_insert(msg);
    }
    fn key(&mut self, field: &'static str, key: &str) {
        let msg = self.t.get(key);
        self.map.entry(field).or_insert(msg);
    }
}

fn optional_name(raw: &str, field: &'static str, errs: &mut Errors) -> Option<NameText> {
    if raw.trim().is_empty() {
        return None;
    }
    NameText::parse(raw)
        .map_err(|e| errs.domain(field, &e))
        .ok()
}

fn number(raw: &str, field: &'static str, errs: &mut Errors) -> Option<u32> {
    match raw.trim().parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            errs.key(
                field,
                if raw.trim().is_empty() {
                    "error-required"
                } else {
                    "error-invalid"
                },
            );
            None
        }
    }
}

/// Names and sex from the form.
fn names(f: &RegisterForm, errs: &mut Errors) -> Option<(PersonNames, Sex)> {
    let given = NameText::parse(&f.given)
        .map_err(|e| errs.domain("given", &e))
        .ok();
    let given_latin = optional_name(&f.given_latin, "given_latin", errs);
    let family = optional_name(&f.family, "family", errs);
    let family_latin = optional_name(&f.family_latin, "family_latin", errs);
    let alias = optional_name(&f.alias, "alias", errs);
    // No sex is assumed: the worker chooses one, "not recorded" included.
    let sex = match f.sex.trim() {
        "" => {
            errs.key("sex", "register-sex-required");
            None
        }
        x => Sex::parse(x).or_else(|| {
            errs.key("sex", "error-invalid");
            None
        }),
    };
    let part = |text: NameText, latin: Option<NameText>| NamePart { text, latin };
    let sex = sex?;
    Some((
        PersonNames {
            given: part(given?, given_latin),
            family: family.map(|f| part(f, family_latin)),
            other: Vec::new(),
            aliases: alias.map(NamePart::new).into_iter().collect(),
        },
        sex,
    ))
}

/// The date of birth with its precision, and where it comes from.
fn birth(
    f: &RegisterForm,
    errs: &mut Errors,
    today: NaiveDate,
) -> Option<(BirthDate, EvidenceKind)> {
    let birth = match f.precision.as_str() {
        "exact" => NaiveDate::parse_from_str(f.birth_date.trim(), "%Y-%m-%d")
            .map(|date| BirthDate::Exact { date })
            .map_err(|_| {
                let key = if f.birth_date.trim().is_empty() {
                    "error-required"
                } else {
                    "error-impossible-date"
                };
                errs.key("birth_date", key)
            })
            .ok(),
        "month" => match (
            number(&f.birth_year, "birth_year", errs),
            number(&f.birth_month, "birth_month", errs),
        ) {
            (Some(y), Some(m)) => Some(BirthDate::Month {
                year: y as i32,
                month: m,
            }),
            _ => None,
        },
        "year" => {
            number(&f.birth_year, "birth_year", errs).map(|y| BirthDate::Year { year: y as i32 })
        }
        "estimated" => {
            let margin = if f.est_margin.trim().is_empty() {
                "1"
            } else {
                &f.est_margin
            };
            match (
                number(&f.est_age, "est_age", errs),
                number(margin, "est_margin", errs),
            ) {
                (Some(age), Some(margin)) => Some(BirthDate::Estimated {
                    age,
                    margin,
                    on: today,
                }),
                _ => None,
            }
        }
        "unknown" => Some(BirthDate::Unknown),
        _ => {
            errs.key("precision", "error-invalid");
            None
        }
    };
    let birth = birth.and_then(|b| {
        b.validated(today)
            .map_err(|e| {
                let field = match (f.precision.as_str(), &e) {
                    ("exact", _) => "birth_date",
                    // The message belongs beside the margin when the margin is what is wrong.
                    ("estimated", pelita_domain::DomainError::Invalid { field: "margin" }) => {
                        "est_margin"
                    }
                    ("estimated", _) => "est_age",
                    _ => "birth_year",
                };
                errs.domain(field, &e)
            })
            .ok()
    });
    let evidence = match f.evidence.as_str() {
        "document" => EvidenceKind::Document,
        "assessment" => EvidenceKind::Assessment,
        "declaration" | "" => EvidenceKind::Declaration,
        _ => {
            errs.key("evidence", "error-invalid");
            EvidenceKind::Declaration
        }
    };
    Some((birth?, evidence))
}

/// Corrected names and sex, and a new piece of age evidence.
pub(super) type IdentityChanges = (PersonNames, Sex, Option<(BirthDate, EvidenceKind)>);

/// Names and sex, and a new piece of age evidence when a precision is chosen, for editing a
/// child's identity.
pub(super) fn identity_changes(
    f: &RegisterForm,
    t: &Tr,
    today: NaiveDate,
) -> Result<IdentityChanges, HashMap<&'static str, String>> {
    let mut errs = Errors {
        t,
        map: HashMap::new(),
    };
    let names = names(f, &mut errs);
    let age = if f.precision.is_empty() {
        None
    } else {
        birth(f, &mut errs, today)
    };
    match names {
        Some((n, s)) if errs.map.is_empty() => Ok((n, s, age)),
        _ => Err(errs.map),
    }
}

/// Turns the form into a registration, or the errors to show beside each field.
fn parse(
    f: &RegisterForm,
    t: &Tr,
    today: NaiveDate,
    worker: &str,
    agency: &str,
) -> Result<Registration, HashMap<&'static str, String>> {
    let mut errs = Errors {
        t,
        map: HashMap::new(),
    };
    let names = names(f, &mut errs);
    let birth = birth(f, &mut errs, today);
    let level = PriorityLevel::parse(&f.priority).unwrap_or_else(|| {
        errs.key("priority", "error-invalid");
        PriorityLevel::Medium
    });
    let priority = Priority::new(level, &f.priority_reason)
        .map_err(|e| errs.domain("priority_reason", &e))
        .ok();
    let circumstances = if f.recruitment.is_empty() {
        None
    } else {
        let association = match f.association.as_str() {
            "recruited" => Association::Recruited,
            "through_family" => Association::ThroughFamily,
            "travelled_with_family" => Association::TravelledWithFamily,
            "born_abroad" => Association::BornAbroad,
            "other" => Association::Other,
            _ => {
                errs.key("association", "error-invalid");
                Association::Other
            }
        };
        Some(Circumstances {
            association,
            group: GroupKind::Unknown,
            channels: Vec::new(),
            narrative: None,
        })
    };
    let (Some((names, sex)), Some((birth, evidence)), Some(priority)) = (names, birth, priority)
    else {
        return Err(errs.map);
    };
    if !errs.map.is_empty() {
        return Err(errs.map);
    }
    Ok(Registration {
        agency_id: agency.to_owned(),
        identity: ChildIdentity {
            names,
            sex,
            age: Age::with(birth, evidence, worker, today),
        },
        priority,
        assigned_to: None,
        circumstances,
    })
}

/// Children on record with similar names: those this reader may see, with their names and
/// why they came up, then those held elsewhere by reference only (counted apart).
async fn matches(ctx: &Ctx, r: &Registration) -> Vec<Match> {
    let names = &r.identity.names;
    let written: Vec<&str> = std::iter::once(names.given.text.as_str())
        .chain(names.family.iter().map(|p| p.text.as_str()))
        .collect();
    let latin: Vec<&str> = std::iter::once(&names.given)
        .chain(names.family.iter())
        .filter_map(|p| p.latin.as_ref().map(|l| l.as_str()))
        .collect();
    let age = r.identity.age.age_on(super::zone::today(ctx).await);
    let hints = pelita_domain::search::Hints {
        sex: pelita_domain::search::Hints::parse_sex(r.identity.sex.as_str()).unwrap_or(None),
        age: (age != pelita_domain::age::AgeRange::UNKNOWN).then_some(age),
        place: None,
    };
    let found = ctx
        .store
        .duplicates(
            &ctx.reader(),
            &[written.join(" "), latin.join(" ")],
            &hints,
            10,
        )
        .await
        .unwrap_or_default();
    let shown = found.visible.into_iter().map(|m| (m, true));
    let elsewhere = found.elsewhere.into_iter().map(|m| (m, false));
    shown
        .chain(elsewhere)
        .map(|(m, visible)| Match {
            why: super::search::why(&ctx.t, &m.reasons),
            case_id: visible.then_some(m.case_id),
            reference: m.reference,
            name: m.name,
            // Likely: the same name (or a spelling of it), a sex and an age that fit.
            likely: m.score >= 0.93 && m.compatible,
        })
        .collect()
}

pub async fn submit(ctx: Ctx, Form(f): Form<RegisterForm>) -> Response {
    let t = ctx.t.clone();
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    if !ctx.nav().registers() {
        return crate::error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let Some(agency) = ctx.user().agency_id.clone() else {
        return crate::error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    };
    let today = super::zone::today(&ctx).await;
    let mut registration = match parse(&f, &t, today, &ctx.user().id, &agency) {
        Ok(r) => r,
        Err(errors) => {
            let mut res = view::render(RegisterPage {
                t,
                nav: ctx.nav(),
                f,
                errors,
                matches: None,
            });
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return res;
        }
    };
    let found = matches(&ctx, &registration).await;
    // Check first; save only once the worker has seen the matches (or there are none).
    if f.action == "check" || (f.action != "save_anyway" && !found.is_empty()) {
        return view::render(RegisterPage {
            t,
            nav: ctx.nav(),
            f,
            errors: HashMap::new(),
            matches: Some(found),
        });
    }
    if ctx.user().role == pelita_domain::role::Role::CaseWorker {
        registration.assigned_to = Some(ctx.user().id.clone());
    }
    match ctx.store.register_child(ctx.actor(), registration).await {
        Ok(r) => view::redirect(&format!("/cases/{}", r.case_id)),
        Err(e) => crate::error::store(&t, e),
    }
}

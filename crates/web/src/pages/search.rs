//! Search by name, in any script, or by case reference; the facts the searcher knows (sex, age
//! or year of birth, country) order children whose names fit equally well, and each result
//! says why it came up. The query travels in a POST body, never in the URL.

use std::collections::HashMap;

use crate::view::Form;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::search::{Hints, Reason};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav};

/// Results shown per search.
const SHOWN: usize = 20;

pub struct Hit {
    pub case_id: String,
    pub reference: String,
    /// `None` where the reader opens the case but may not read the child's name.
    pub name: Option<String>,
    pub why: Vec<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    t: Tr,
    nav: Nav,
    f: SearchForm,
    places: Vec<(String, String)>,
    errors: HashMap<&'static str, String>,
    hits: Option<Vec<Hit>>,
    more: bool,
}

impl SearchPage {
    fn err(&self, field: &str) -> String {
        self.errors.get(field).cloned().unwrap_or_default()
    }
    fn has(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }
    fn sel(&self, value: &str, current: &str) -> bool {
        value == current
    }
}

/// The countries of the deployment's agencies, for the place a searcher may name.
async fn places(ctx: &Ctx) -> Vec<(String, String)> {
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
    codes
        .into_iter()
        .map(|c| {
            let label = ctx.t.pick("country", &c);
            (c, label)
        })
        .collect()
}

pub async fn page(ctx: Ctx) -> Response {
    view::render(SearchPage {
        t: ctx.t.clone(),
        nav: ctx.nav(),
        places: places(&ctx).await,
        f: SearchForm::default(),
        errors: HashMap::new(),
        hits: None,
        more: false,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchForm {
    q: String,
    sex: String,
    age: String,
    place: String,
    csrf: String,
}

/// The reasons a child came up, in the reader's words.
pub fn why(t: &Tr, reasons: &[Reason]) -> Vec<String> {
    reasons
        .iter()
        .map(|r| t.get(&format!("search-why-{}", r.code())))
        .collect()
}

/// The hints as typed; the message beside each field that is not one.
fn hints(
    f: &SearchForm,
    t: &Tr,
    today: chrono::NaiveDate,
) -> Result<Hints, HashMap<&'static str, String>> {
    let mut errors = HashMap::new();
    let mut hints = Hints::default();
    match Hints::parse_sex(&f.sex) {
        Ok(s) => hints.sex = s,
        Err(_) => {
            errors.insert("sex", t.get("error-invalid"));
        }
    }
    match Hints::parse_age(&f.age, today) {
        Ok(a) => hints.age = a,
        Err(_) => {
            errors.insert("age", t.get("search-age-invalid"));
        }
    }
    match Hints::parse_place(&f.place) {
        Ok(p) => hints.place = p,
        Err(_) => {
            errors.insert("place", t.get("error-invalid"));
        }
    }
    if errors.is_empty() {
        Ok(hints)
    } else {
        Err(errors)
    }
}

pub async fn search(ctx: Ctx, Form(mut f): Form<SearchForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    f.q = f.q.chars().take(200).collect();
    let t = ctx.t.clone();
    let today = ctx.store.now().date_naive();
    let (hits, more, errors) = match hints(&f, &t, today) {
        Err(errors) => (None, false, errors),
        Ok(hints) => {
            let found = ctx
                .store
                .find_children(&ctx.reader(), &f.q, &hints, SHOWN)
                .await
                .unwrap_or_default();
            let hits = found
                .found
                .into_iter()
                .map(|h| Hit {
                    why: why(&t, &h.reasons),
                    case_id: h.case_id,
                    reference: h.reference,
                    name: h.name,
                })
                .collect();
            (Some(hits), found.more, HashMap::new())
        }
    };
    let refused = !errors.is_empty();
    let mut res = view::render(SearchPage {
        t,
        nav: ctx.nav(),
        places: places(&ctx).await,
        f,
        errors,
        hits,
        more,
    });
    if refused {
        *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    res
}

//! Search by name, in any script. The query travels in a POST body, never in the URL.

use crate::view::Form;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::{self, Nav};

pub struct Hit {
    pub case_id: String,
    pub reference: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    t: Tr,
    nav: Nav,
    query: String,
    hits: Option<Vec<Hit>>,
}

pub async fn page(ctx: Ctx) -> Response {
    view::render(SearchPage {
        t: ctx.t.clone(),
        nav: ctx.nav(),
        query: String::new(),
        hits: None,
    })
}

#[derive(Deserialize)]
pub struct SearchForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    csrf: String,
}

/// Children found, limited to those whose identity this reader may see.
pub async fn visible_hits(ctx: &Ctx, q: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for m in ctx.store.search_names(q, 20).await.unwrap_or_default() {
        let Some(case_id) = m.case_id else { continue };
        let Ok(meta) = ctx.store.case_meta(&case_id).await else {
            continue;
        };
        if let Some(name) = super::visible_name(ctx, &meta).await {
            hits.push(Hit {
                case_id,
                reference: meta.reference.to_string(),
                name,
            });
        }
    }
    hits
}

pub async fn search(ctx: Ctx, Form(f): Form<SearchForm>) -> Response {
    if !ctx.csrf_ok(&f.csrf) {
        return ctx.csrf_failed();
    }
    let q: String = f.q.chars().take(200).collect();
    let hits = visible_hits(&ctx, &q).await;
    view::render(SearchPage {
        t: ctx.t.clone(),
        nav: ctx.nav(),
        query: q,
        hits: Some(hits),
    })
}

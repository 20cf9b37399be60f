//! Indicators (`/indicators`): the child-justice register's and the repatriation's, as
//! aggregates only. A supervisor sees their agency's; researchers, auditors and administrators
//! the deployment's. No figure names a child or opens a sealed record.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::role::Role;
use pelita_store::User;
use serde_json::Value;

use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::{self, Nav};

/// Whose indicators a user may see: `Some(Some(agency))` for a supervisor, `Some(None)` (the
/// whole deployment) for researchers, auditors and administrators, `None` for everyone else.
pub fn scope(u: &User) -> Option<Option<&str>> {
    match u.role {
        Role::Supervisor => u.agency_id.as_deref().map(Some),
        Role::Researcher | Role::Auditor | Role::Administrator => Some(None),
        _ => None,
    }
}

/// Fields in reading order; `pct_` fields are percentages, `days_` ones days.
const REPATRIATION: &[&str] = &[
    "children",
    "pct_identity_or_nationality_documented",
    "pct_birth_registered",
    "arrived",
    "placed_in_family_or_community",
    "days_arrival_to_placement_mean",
    "days_arrival_to_placement_median",
    "separation_decisions",
    "pct_assessed_before_separation_decision",
];
const JUSTICE: &[&str] = &[
    "children_in_detention",
    "children_in_pre_sentence_detention",
    "pre_sentence_days_mean",
    "pre_sentence_days_median",
    "pct_diverted",
    "pct_custodial_sentences",
    "pct_not_separated_from_adults",
    "pct_family_contact_3_months",
    "pct_limit_reached_without_release",
];

pub struct Table {
    pub key: &'static str,
    pub title: String,
    pub rows: Vec<(&'static str, String, String)>,
}

#[derive(Template)]
#[template(path = "indicators.html")]
struct IndicatorsPage {
    t: Tr,
    nav: Nav,
    scope: String,
    tables: Vec<Table>,
}

fn figure(t: &Tr, field: &str, v: &Value) -> String {
    match v.as_f64() {
        None => t.get("indicator-none"),
        Some(x) if field.starts_with("pct_") => format!("{x:.1} %"),
        Some(x) if v.is_f64() => format!("{x:.1}"),
        Some(x) => format!("{x}"),
    }
}

fn table(t: &Tr, key: &'static str, fields: &[&'static str], v: &Value) -> Table {
    Table {
        key,
        title: t.get(&format!("indicators-{key}")),
        rows: fields
            .iter()
            .map(|f| (*f, t.get(&format!("indicator-{f}")), figure(t, f, &v[*f])))
            .collect(),
    }
}

pub async fn page(ctx: Ctx) -> Response {
    let t = ctx.t.clone();
    let Some(agency) = scope(ctx.user()) else {
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    };
    let (repatriation, justice) = match (
        ctx.store.repatriation_indicators(agency).await,
        ctx.store.justice_indicators(agency).await,
    ) {
        (Ok(r), Ok(j)) => (r, j),
        (Err(e), _) | (_, Err(e)) => return error::store(&t, e),
    };
    let scope = match agency {
        Some(_) => t.get("indicators-scope-agency"),
        None => t.get("indicators-scope-all"),
    };
    view::render(IndicatorsPage {
        nav: ctx.nav(),
        scope,
        tables: vec![
            table(
                &t,
                "repatriation",
                REPATRIATION,
                &serde_json::to_value(repatriation).unwrap_or_default(),
            ),
            table(
                &t,
                "justice",
                JUSTICE,
                &serde_json::to_value(justice).unwrap_or_default(),
            ),
        ],
        t,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_both_indicator_sets_is_shown() {
        let r =
            serde_json::to_value(pelita_domain::repatriation::indicators::compute(&[])).unwrap();
        let mut keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut shown = REPATRIATION.to_vec();
        shown.sort_unstable();
        assert_eq!(keys, shown, "a new repatriation indicator needs a row");
        let j = serde_json::to_value(pelita_domain::justice::indicators::compute(
            &[],
            &[],
            &[],
            chrono::Utc::now(),
        ))
        .unwrap();
        let mut keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut shown = JUSTICE.to_vec();
        shown.sort_unstable();
        assert_eq!(keys, shown, "a new justice indicator needs a row");
    }
}

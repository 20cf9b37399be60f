//! The OpenAPI document of `/api/v1`, written from the handlers' own `#[utoipa::path]`
//! annotations (path, method, operation id, parameters, every status a route answers), so a
//! route cannot change without its document. Links for the stateful tests follow from the
//! paths (`LINKS`). Bodies come from their types (`ToSchema`: the body structs, `answer.rs`,
//! `schema.rs`, the domain's own derives with `pelita_domain::openapi`): nothing is written
//! by hand. A type whose serde shape is custom has its schema written beside it in code.

use std::sync::LazyLock;

use serde_json::{Map, Value, json};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{RefOr, Response};
use utoipa::{Modify, OpenApi, ToResponse, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pelita API",
        version = "1",
        description = "Case management for children associated with armed and terrorist groups. Every read goes through the access policy (docs/access-policy.md) and sensitive reads are logged. Personal data never travels in URLs."
    ),
    servers((url = "/")),
    paths(
        super::openapi,
        super::me,
        super::cases,
        super::case,
        super::section,
        super::open_section,
        super::add_note,
        super::consent::list,
        super::consent::record,
        super::register,
        super::search,
        super::referral::of_case,
        super::referral::create,
        super::referral::inbox,
        super::referral::answer,
        super::assessment::list,
        super::assessment::record,
        super::plan::get_plan,
        super::plan::put_plan,
        super::plan::approve,
        super::plan::followups,
        super::plan::record_followup,
        super::conference::list,
        super::conference::record,
        super::family::household,
        super::family::put_household,
        super::plan::action_status,
        super::task::tasks,
        super::task::task_done,
        super::interview::interviews,
        super::interview::record_interview,
        super::justice::get,
        super::justice::open,
        super::justice::diversion,
        super::justice::formal,
        super::justice::detain,
        super::justice::change,
        super::justice::expunge,
        super::justice::family_contact,
        super::justice::indicators,
        super::justice::open_sealed,
        super::justice::agreement,
        super::justice::agreement_event,
        super::abroad::get,
        super::abroad::origin,
        super::abroad::open,
        super::abroad::status,
        super::abroad::step,
        super::abroad::arrival,
        super::abroad::placement,
        super::abroad::best_interests,
        super::abroad::admit,
        super::abroad::review,
        super::abroad::release,
        super::abroad::indicators,
        super::abroad::end,
        super::abroad::resume,
        super::record_circumstances
    ),
    components(schemas(ProblemDocument), responses(Problem, Limited)),
    modifiers(&Bearer)
)]
struct ApiDoc;

/// The document served at `/api/v1/openapi.json`.
pub fn openapi_document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the document serialises");
    add_links(&mut doc);
    name_tags(&mut doc);
    doc
}

/// The document as served, written once.
pub(super) static DOCUMENT: LazyLock<String> = LazyLock::new(|| openapi_document().to_string());

/// A problem document (RFC 9457): every refusal of the API.
pub struct Problem;

/// What a problem document holds (`api::problem_with` writes it); extension members, such as
/// a refused field's name, may come beside these.
#[derive(ToSchema)]
#[schema(as = Problem)]
#[expect(dead_code, reason = "the schema of a body written as JSON")]
struct ProblemDocument {
    r#type: String,
    title: String,
    status: u16,
    code: String,
    #[schema(required = false)]
    detail: String,
}

impl<'r> ToResponse<'r> for Problem {
    fn response() -> (&'r str, RefOr<Response>) {
        response(
            "Problem",
            json!({
                "description": "A problem document (RFC 9457)",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            }),
        )
    }
}

/// Refusals at the edge (`serve.rs`): any route may answer them.
pub struct Limited;

impl<'r> ToResponse<'r> for Limited {
    fn response() -> (&'r str, RefOr<Response>) {
        response(
            "Limited",
            json!({
                "description": "Refused at the edge: 429 when this client sends too fast, 503 when too many requests are in flight; nothing was done. Retry-After says when to try again.",
                "headers": {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer", "minimum": 1}}},
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            }),
        )
    }
}

impl utoipa::IntoResponses for Limited {
    fn responses() -> std::collections::BTreeMap<String, RefOr<Response>> {
        let r = || RefOr::Ref(utoipa::openapi::Ref::from_response_name("Limited"));
        [("429".to_owned(), r()), ("503".to_owned(), r())].into()
    }
}

fn response(name: &str, v: Value) -> (&str, RefOr<Response>) {
    (
        name,
        RefOr::T(serde_json::from_value(v).expect("a response object")),
    )
}

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut http = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("A personal access token from `pelita token create`."))
            .build();
        http.bearer_format = None;
        components.add_security_scheme("bearer", SecurityScheme::Http(http));
    }
}

/// Tags by the module that answers (`abroad`, `justice`, …: the pages' names); `case` for
/// those in `api/mod.rs`.
fn name_tags(doc: &mut Value) {
    let ops = doc["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|p| p.values_mut())
        .flat_map(|i| i.as_object_mut().into_iter().flat_map(|i| i.values_mut()));
    for op in ops {
        if let Some(tags) = op.get_mut("tags").and_then(Value::as_array_mut) {
            for tag in tags.iter_mut() {
                let module = tag
                    .as_str()
                    .and_then(|t| t.rsplit("::").next())
                    .unwrap_or("");
                *tag = json!(if module == "super" { "case" } else { module });
            }
        }
    }
}

/// Where the stateful tests go from an answer.
///
/// An operation that makes something, the path prefix its id opens, and the path parameters
/// it fills (from the answer, or from the request that made it).
struct Link {
    maker: &'static str,
    prefix: &'static str,
    fills: &'static [(&'static str, &'static str)],
}

const LINKS: &[Link] = &[
    Link {
        maker: "postChildren",
        prefix: "/api/v1/cases/{id}",
        fills: &[("id", "$response.body#/case_id")],
    },
    Link {
        maker: "postCasesByIdReferrals",
        prefix: "/api/v1/referrals/{id}",
        fills: &[("id", "$response.body#/id")],
    },
    Link {
        maker: "postCasesByIdProceedings",
        prefix: "/api/v1/proceedings/{id}",
        fills: &[("id", "$response.body#/id")],
    },
    Link {
        maker: "postCasesByIdDetentions",
        prefix: "/api/v1/detentions/{id}",
        fills: &[("id", "$response.body#/id")],
    },
    Link {
        maker: "postCasesByIdReception",
        prefix: "/api/v1/cases/{id}/reception/{stay}",
        fills: &[("id", "$request.path.id"), ("stay", "$response.body#/id")],
    },
];

/// Links from each maker's 201 to every operation under its prefix, except those under
/// another maker's longer prefix.
fn add_links(doc: &mut Value) {
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for Link {
        maker,
        prefix,
        fills,
    } in LINKS
    {
        let mut links = Map::new();
        for (path, item) in &paths {
            let under = path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            // An operation under a longer prefix needs what that one makes (a stay of a case).
            let deeper = LINKS
                .iter()
                .any(|l| l.prefix.len() > prefix.len() && path.starts_with(l.prefix));
            if !under || deeper {
                continue;
            }
            for op in item.as_object().into_iter().flat_map(|i| i.values()) {
                let Some(id) = op["operationId"].as_str() else {
                    continue;
                };
                let parameters: Map<String, Value> = fills
                    .iter()
                    .map(|(name, from)| (format!("path.{name}"), json!(from)))
                    .collect();
                links.insert(
                    id.to_owned(),
                    json!({"operationId": id, "parameters": parameters}),
                );
            }
        }
        let created = doc["paths"]
            .as_object_mut()
            .into_iter()
            .flat_map(|p| p.values_mut())
            .flat_map(|i| i.as_object_mut().into_iter().flat_map(|i| i.values_mut()))
            .find(|op| op["operationId"] == *maker)
            .map(|op| &mut op["responses"]["201"]);
        match created {
            Some(r) if r.is_object() => r["links"] = Value::Object(links),
            _ => panic!("{maker} answers no 201 to link from"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The router's routes and methods, from `api/mod.rs`, are the document's, both ways: a
    /// route without its annotation, or an annotation without its route, fails here.
    #[test]
    fn the_document_has_every_route_and_only_the_routes() {
        let doc = super::openapi_document();
        assert_eq!(doc["openapi"], "3.1.0");
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .map(move |method| (path.clone(), method.clone()))
            })
            .collect();
        let method = regex::Regex::new(r"\b(get|post|put|patch|delete)\(").unwrap();
        let source = include_str!("mod.rs");
        let router = &source[source.find("pub fn router()").unwrap()..];
        let router = &router[..router.find(".fallback(").unwrap()];
        let served: BTreeSet<(String, String)> = router
            .split(".route(")
            .skip(1)
            .flat_map(|route| {
                let path = format!("/api/v1{}", route.split('"').nth(1).unwrap());
                method
                    .captures_iter(route)
                    .map(move |c| (path.clone(), c[1].to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        // The router was read (not an empty set compared with an empty document).
        assert!(served.contains(&("/api/v1/children".to_owned(), "post".to_owned())));
        assert_eq!(documented, served);
    }

    /// The links the stateful tests follow: from a registered child to each operation on its
    /// case, but not to those that need a reception stay.
    #[test]
    fn links_lead_from_what_is_made_to_what_it_opens() {
        let doc = super::openapi_document();
        let links = &doc["paths"]["/api/v1/children"]["post"]["responses"]["201"]["links"];
        assert_eq!(
            links["getCasesByIdSectionsBySection"]["parameters"]["path.id"],
            "$response.body#/case_id"
        );
        assert!(links.get("postCasesByIdReceptionByStayReviews").is_none());
        let stay = &doc["paths"]["/api/v1/cases/{id}/reception"]["post"]["responses"]["201"]["links"]
            ["postCasesByIdReceptionByStayRelease"]["parameters"];
        assert_eq!(stay["path.id"], "$request.path.id");
        assert_eq!(stay["path.stay"], "$response.body#/id");
    }
}

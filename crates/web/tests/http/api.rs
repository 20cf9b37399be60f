//! The JSON API's refusals as problem documents, and the OpenAPI document.

use crate::fixture::*;

/// The OpenAPI document, read in this one place: both tests below go through it.
fn openapi_document() -> serde_json::Value {
    pelita_web::openapi_document()
}

#[tokio::test]
async fn the_api_refuses_bad_requests_with_problem_documents() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("rina", Role::CaseWorker, "DSS")
        .build()
        .await;
    let u = app.user_id("rina");
    let t = app.token(&u).await;
    let (s, v, kind) = app.call("GET", "/api/v1/me", None, None).await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::UNAUTHORIZED,
            "application/problem+json",
            Some("unauthorised")
        )
    );
    assert_eq!(app.get("/api/v1/me", &t).await.1["username"], "rina");
    let (s, v, kind) = app.post("/api/v1/search", &t, "{not json").await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            "application/problem+json",
            Some("malformed-json")
        )
    );
    let (s, v, _) = app
        .post("/api/v1/search", &t, json!({"query": "x", "extra": 1}))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown-field"))
    );
    let big = json!({"query": "x".repeat(pelita_web::BODY_LIMIT)}).to_string();
    assert_eq!(
        app.post("/api/v1/search", &t, big).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let child = json!({"given": "ޢާއިޝަތު", "sex": "female", "birth": {"precision": "exact", "date": "2027-01-01"}, "priority": "low", "priority_reason": "routine"});
    let (s, v, _) = app.post("/api/v1/children", &t, &child).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date-in-future"))
    );
    let child = json!({"given": "ޢާއިޝަތު", "sex": "female", "birth": {"precision": "month", "year": 2013, "month": 5}, "priority": "low", "priority_reason": "routine", "association": "born_abroad"});
    let (s, v, _) = app.post("/api/v1/children", &t, &child).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v, _) = app
        .post("/api/v1/search", &t, json!({"query": "ޢާއިޝަތު"}))
        .await;
    assert_eq!(
        (s, v["results"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(1))
    );
    assert_eq!(
        app.get("/api/v1/cases/nope", &t).await.0,
        StatusCode::NOT_FOUND
    );
    // A read-only token reads and searches but does not write.
    let ro = app
        .store
        .create_token(&operator(), &u, "ro", pelita_store::TokenScope::Read, None)
        .await
        .unwrap();
    assert_eq!(app.get("/api/v1/cases", &ro).await.0, StatusCode::OK);
    let (s, v, _) = app.post("/api/v1/children", &ro, child).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("read-only-token"))
    );

    // The OpenAPI document describes every route the API serves.
    let (s, doc, _) = app.call("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc, openapi_document(), "the API serves the document");
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let source = include_str!("../../src/api/mod.rs");
    let routes: Vec<&str> = source
        .split(".route(")
        .skip(1)
        .map(|rest| rest.split('"').nth(1).unwrap())
        .collect();
    assert!(routes.contains(&"/cases/{id}/consents"), "{routes:?}");
    for route in routes {
        assert!(
            paths.contains(&format!("/api/v1{route}").as_str()),
            "{route} is not in openapi.json"
        );
    }
}

/// Issue 13 item 15: the API takes nothing it does not know, no record dated before 2000 at
/// any door, and every refusal explains itself as the rest of the API does.
#[tokio::test]
async fn the_api_refuses_unknown_fields_and_early_dates_and_explains_every_refusal() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .build()
        .await;
    let (home, lead) = (app.agency_id("HOME"), app.user_id("lead"));
    let t = app.token(&lead).await;
    let case = app.child(&home, &lead, "Amina").await;

    // An unknown field inside a birth date (the tag of a unit variant hid it from serde).
    let child = json!({"given": "Siti", "sex": "female", "birth": {"precision": "unknown", "admin": true},
                       "priority": "low", "priority_reason": "routine"});
    let (s, v, kind) = app.post("/api/v1/children", &t, &child).await;
    assert_eq!(
        (s, kind.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "application/problem+json")
    );
    assert_eq!(
        (v["code"].as_str(), v["field"].as_str()),
        (Some("unknown-field"), Some("birth.admin")),
        "{v}"
    );
    let (s, v, _) = app
        .post("/api/v1/search", &t, json!({"query": "x", "extra": 1}))
        .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("extra")),
        "{v}"
    );

    // 0001-01-01 and 1999-12-31 at every door where a record's date comes in.
    let early = |b: Value| b.to_string();
    let doors: Vec<(String, String)> = vec![
        (
            format!("/api/v1/cases/{case}/interviews"),
            early(json!({"held_on": "0001-01-01", "purpose": "psychosocial"})),
        ),
        (
            format!("/api/v1/cases/{case}/assessments"),
            early(json!({"on": "1999-12-31", "assent": "given"})),
        ),
        (
            format!("/api/v1/cases/{case}/consents"),
            early(
                json!({"purpose": "assessment", "giver": "child", "decision": "given", "on": "0001-01-01"}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/conferences"),
            early(
                json!({"held_on": "0001-01-01", "participants": [{"name": "Rina", "role": "case_worker"}, {"name": "Ayu", "role": "child_protection_lead"}],
                      "minutes": "Met", "child_views": {"state": "missing"}}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/family-contacts"),
            early(json!({"on": "0001-01-01", "kind": "visit"})),
        ),
        (
            format!("/api/v1/cases/{case}/proceedings"),
            early(
                json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                      "offence": {"description": "Carried messages", "on": "0001-01-01", "max_penalty_years": 8}}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/detentions"),
            early(
                json!({"stage": "investigation", "started_at": "1999-06-01T08:00:00Z", "order": "SP.Han/12/XI/2026",
                      "legal_basis": "UU SPPA art. 32", "alternatives": "Return home: the father is in the network",
                      "best_interests": "Safety", "place": "LPKS", "separated_from_adults": true, "parents_notified": true}),
            ),
        ),
    ];
    for (path, body) in doors {
        let (s, v, _) = app.post(&path, &t, body).await;
        assert_eq!(
            (s, v["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("date-too-early")),
            "{path}: {v}"
        );
    }
    let plan = json!({"goals": [], "child_views": {"state": "missing"}, "caregiver_views": {"state": "missing"}, "review_on": "0001-01-01"});
    let (s, v, _) = app
        .put(&format!("/api/v1/cases/{case}/plan"), &t, plan)
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date-too-early")),
        "plan: {v}"
    );

    // 405: a problem document under /api/v1 (with Allow), a page elsewhere.
    let (s, h, body) = app
        .send(
            Request::builder()
                .method("DELETE")
                .uri("/api/v1/cases")
                .header(header::AUTHORIZATION, format!("Bearer {t}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(h["content-type"][0], "application/problem+json");
    assert!(h["allow"][0].contains("GET"));
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["code"],
        "method-not-allowed"
    );
    let (s, h, body) = app
        .send(
            Request::builder()
                .method("PUT")
                .uri("/signin")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        h["content-type"][0].starts_with("text/html")
            && body.contains("does not accept that kind of request")
    );

    // A path that is not UTF-8: the same 404 as any unknown path, never text/plain.
    let (s, v, kind) = app.get("/api/v1/cases/%FF%FE", &t).await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::NOT_FOUND,
            "application/problem+json",
            Some("not-found")
        )
    );
    let (s, h, _) = app
        .send(
            Request::builder()
                .uri("/cases/%C0")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(h["content-type"][0].starts_with("text/html"));

    // The Authorization scheme is case-insensitive (RFC 9110 §11.1).
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let req = Request::builder()
            .uri("/api/v1/me")
            .header(header::AUTHORIZATION, format!("{scheme} {t}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.send(req).await.0, StatusCode::OK, "{scheme}");
    }
    let req = Request::builder()
        .uri("/api/v1/me")
        .header(header::AUTHORIZATION, format!("Basic {t}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(req).await.0, StatusCode::UNAUTHORIZED);
}

/// The OpenAPI document's dates admit only real calendar dates; a record's from 2000, a date
/// of birth (or a remembered travel date) from 1900.
#[test]
fn openapi_dates_admit_only_real_dates_and_records_from_2000() {
    let doc = openapi_document();
    fn dates<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
        match v {
            Value::Object(m) => {
                if m.get("format").and_then(Value::as_str) == Some("date") {
                    out.push((path.clone(), v));
                }
                for (k, x) in m {
                    dates(x, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| dates(x, format!("{path}/{i}"), out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    dates(&doc, String::new(), &mut found);
    assert!(found.len() > 25, "{}", found.len());
    for (path, schema) in found {
        let re = regex::Regex::new(
            schema["pattern"]
                .as_str()
                .unwrap_or_else(|| panic!("{path} has no pattern")),
        )
        .unwrap();
        for bad in [
            "0000-00-00",
            "0001-01-01",
            "2026-00-10",
            "2026-13-01",
            "2026-04-31",
            "2026-02-29",
            "2100-02-29",
            "2026-1-1",
            "1899-12-31",
        ] {
            assert!(!re.is_match(bad), "{path} admits {bad}");
        }
        for good in ["2000-02-29", "2024-02-29", "2026-11-28", "2026-12-31"] {
            assert!(re.is_match(good), "{path} refuses {good}");
        }
        let birth = path.contains("BirthDate") || path.contains("PartialDate");
        assert_eq!(re.is_match("1999-12-31"), birth, "{path}: 1999-12-31");
        assert_eq!(re.is_match("1904-02-29"), birth, "{path}: 1904-02-29");
    }
}

//! The case itself: identity corrections and circumstances recorded after registration.

use crate::fixture::*;

#[tokio::test]
async fn the_lead_worker_corrects_identity_and_adds_age_evidence_others_cannot() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("SMP", Sector::Education)
        .user("lead", Role::CaseWorker, "HOME")
        .user("teacher", Role::Education, "SMP")
        .case("Amina", "lead")
        .team("Amina", "teacher")
        .build()
        .await;
    let case = app.case_id("Amina");

    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/identity");
    // A document says the child is 19; the child declared born in 2011 — the age is disputed
    // and the youngest claim counts: still treated as a child.
    let (s, _, _) = b
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("given", "Aminah"),
                ("given_latin", ""),
                ("family", "Putri"),
                ("sex", "female"),
                ("precision", "exact"),
                ("birth_date", "2007-01-01"),
                ("evidence", "document"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Aminah Putri"));
    assert!(
        page.contains("14–19 years"),
        "disputed ages span every claim"
    );
    assert!(page.contains("Treated as a child"));
    assert!(
        page.contains("identity.given") && page.contains("identity.age_evidence"),
        "field-level history"
    );

    let (s, _, page) = b
        .post(
            &path,
            &[("csrf", &csrf), ("given", "   "), ("sex", "female")],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("This field is required."));

    let mut t = app.signed_in("teacher").await;
    let csrf = t.csrf().await;
    let (s, _, _) = t
        .post(&path, &[("csrf", &csrf), ("given", "X"), ("sex", "male")])
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a teacher edited the child's identity"
    );
}

/// A child registered before the circumstances were known is recognised as a victim once they
/// are recorded — by the lead worker, not by a team member — and only once.
#[tokio::test]
async fn circumstances_recorded_after_registration_recognise_the_child_as_a_victim() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("SKUL", Sector::Education)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .user("teacher", Role::Education, "SKUL")
        .build()
        .await;
    let (lead, sup, teacher) = (
        app.user_id("lead"),
        app.user_id("sup"),
        app.user_id("teacher"),
    );
    let token = app.token(&lead).await;
    let child = json!({"given": "Putri", "sex": "female",
                       "birth": {"precision": "year", "year": 2013},
                       "priority": "medium", "priority_reason": "needs school re-entry"});
    let (s, v, _) = app.post("/api/v1/children", &token, child).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let case = v["case_id"].as_str().unwrap().to_owned();
    app.store
        .add_team_member(&operator(), &case, &teacher)
        .await
        .unwrap();
    let (_, v, _) = app.get(&format!("/api/v1/cases/{case}"), &token).await;
    assert_eq!(v["victim_recognised"], json!(false), "{v}");
    let path = format!("/api/v1/cases/{case}/circumstances");
    let body = json!({"association": "recruited"}).to_string();
    let (s, _, _) = app
        .put(&path, &app.token(&teacher).await, body.clone())
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = app
        .put(&path, &token, json!({"association": "abducted"}))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    // The supervisor records them; the lead worker is told.
    let (s, v, _) = app.put(&path, &app.token(&sup).await, body.clone()).await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let (_, v, _) = app.get(&format!("/api/v1/cases/{case}"), &token).await;
    assert_eq!(v["victim_recognised"], json!(true), "{v}");
    assert!(
        app.store
            .alerts(&lead)
            .await
            .unwrap()
            .iter()
            .any(|a| a.detail.contains("circumstances"))
    );
    let (s, _, _) = app.put(&path, &token, body).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let events = app.store.audit_events(50).await.unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "case.record_circumstances" && e.subject == case)
    );
}

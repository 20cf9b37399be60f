//! Referrals through the consent gate, answered by the receiving agency.

use crate::fixture::*;

/// A referral goes only with the consent ledger's agreement or a supervisor's written
/// override; the receiving agency sees nothing before it accepts, and then only the sections
/// shared (and its role may read); it answers and reports back.
#[tokio::test]
async fn a_referral_shares_only_consented_sections_with_the_agency_that_accepts_it() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("CLINIC", Sector::Health)
        .agency("POL", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .user("nurse", Role::Health, "CLINIC")
        .case("Amina", "lead")
        .build()
        .await;
    let (home, clinic, police, lead, sup, nurse, case) = (
        app.agency_id("HOME"),
        app.agency_id("CLINIC"),
        app.agency_id("POL"),
        app.user_id("lead"),
        app.user_id("sup"),
        app.user_id("nurse"),
        app.case_id("Amina"),
    );
    let (lt, st, nt) = (
        app.token(&lead).await,
        app.token(&sup).await,
        app.token(&nurse).await,
    );
    let refer = |token: &str, to: &str, over: Option<&str>| {
        let mut body = json!({"to_agency": to, "sections": ["health", "identity"],
                              "reason": "Needs a follow-up of an untreated injury"});
        if let Some(o) = over {
            body["override_justification"] = json!(o);
        }
        let (token, path) = (token.to_owned(), format!("/api/v1/cases/{case}/referrals"));
        let app = &app;
        async move { app.post(&path, &token, body).await }
    };
    // No consent yet: refused, and a case worker cannot override.
    let (s, v, _) = refer(&lt, &clinic, None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("consent-required"))
    );
    let why = "Injury needs treatment this week; caregiver cannot be reached";
    let (s, v, _) = refer(&lt, &clinic, Some(why)).await;
    assert_eq!(v["code"], "override-not-allowed", "{s}");
    // Never to security services, consent or not.
    let (s, _, _) = refer(&st, &police, Some(why)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, list, _) = app
        .get(&format!("/api/v1/cases/{case}/referrals"), &lt)
        .await;
    assert_eq!(
        list["referrals"].as_array().unwrap().len(),
        0,
        "a refused step saves nothing"
    );

    // The child assents and the caregiver consents to a referral to health services.
    for giver in ["child", "caregiver"] {
        let (s, _, _) = app
            .post(
                &format!("/api/v1/cases/{case}/consents"),
                &lt,
                json!({"purpose": "referral:health", "giver": giver, "decision": "given",
                        "on": "2026-11-27"})
                .to_string(),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
    }
    let (s, v, _) = refer(&lt, &clinic, None).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let rid = v["id"].as_str().unwrap().to_owned();

    // Before accepting, the clinic sees the referral in its inbox but nothing of the case.
    let section = |token: String, name: &'static str| {
        let path = format!("/api/v1/cases/{case}/sections/{name}");
        let app = &app;
        async move { app.get(&path, &token).await.0 }
    };
    assert_eq!(section(nt.clone(), "health").await, StatusCode::FORBIDDEN);
    let (_, inbox, _) = app.get("/api/v1/referrals", &nt).await;
    assert_eq!(inbox["referrals"][0]["id"], rid.as_str());
    // Only the receiving agency answers.
    let mv = |token: String, body: Value| {
        let path = format!("/api/v1/referrals/{rid}/move");
        let app = &app;
        async move { app.post(&path, &token, body).await.0 }
    };
    assert_eq!(
        mv(lt.clone(), json!({"to": "accepted"})).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        mv(nt.clone(), json!({"to": "accepted"})).await,
        StatusCode::NO_CONTENT
    );

    // Accepted: the shared sections open, as far as the nurse's role reads them; the plan is
    // not shared although a health worker's role could read it.
    assert_eq!(section(nt.clone(), "health").await, StatusCode::OK);
    assert_eq!(section(nt.clone(), "identity").await, StatusCode::OK);
    assert_eq!(section(nt.clone(), "plan").await, StatusCode::FORBIDDEN);
    assert_eq!(
        section(nt.clone(), "psychosocial").await,
        StatusCode::FORBIDDEN
    );
    // Feedback is required to complete it.
    assert_eq!(
        mv(nt.clone(), json!({"to": "completed"})).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        mv(
            nt.clone(),
            json!({"to": "completed", "text": "Wound treated; follow-up in two weeks"})
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        mv(nt.clone(), json!({"to": "accepted"})).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Another child, no consent: a supervisor overrides in writing; the override is kept.
    let other = app.child(&home, &lead, "Nur").await;
    let (s, v, _) = app
        .post(
            &format!("/api/v1/cases/{other}/referrals"),
            &st,
            json!({"to_agency": clinic, "sections": ["health"], "reason": "Urgent care",
                    "override_justification": why})
            .to_string(),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, list, _) = app
        .get(&format!("/api/v1/cases/{other}/referrals"), &st)
        .await;
    assert_eq!(list["referrals"][0]["consent_overridden_by"], sup.as_str());
    assert_eq!(list["referrals"][0]["override_justification"], why);

    // The pages: the lead worker sees the referrals on the case; the nurse's work lists the
    // pending one with a form to answer it.
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Wound treated; follow-up in two weeks") && page.contains("Completed"));
    let mut n = app.signed_in("nurse").await;
    let (_, _, work) = n.get("/work").await;
    assert!(work.contains("Referrals to your agency") && work.contains("Urgent care"));
    // The lead worker was told when the clinic answered and when the supervisor referred
    // another of the lead's cases; not about the lead's own changes.
    let (_, _, work) = b.get("/work").await;
    assert!(work.contains("nurse changed a case assigned to you: a referral answered."));
    assert!(work.contains("sup changed a case assigned to you: a referral sent."));
    assert!(!work.contains("lead changed a case"));
    // Read, they leave my work.
    let csrf = b.csrf().await;
    let (s, _, _) = b.post("/alerts/read", &[("csrf", &csrf)]).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, work) = b.get("/work").await;
    assert!(!work.contains("changed a case assigned to you"));
}

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
    // The history says what changed in words, never as the audit log's keys.
    assert!(
        page.contains("identity: Given name(s), Family name, Age"),
        "field-level history in words: {}",
        &page[page.find(r#"id="history""#).unwrap_or(0)..]
    );
    for raw in ["identity.given", "child.update_identity", "child.register"] {
        assert!(!page.contains(raw), "the history shows {raw}");
    }

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

/// The case page opens with the journey: the stage as a progress bar and the next step, due by
/// the case's priority from registration; a case left unassessed says so when it is late.
#[tokio::test]
async fn the_header_shows_the_journey_stage_and_the_next_step() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        page.contains(r#"<li class="current" aria-current="step"><span>Registered</span></li>"#),
        "the journey's current step"
    );
    assert!(page.contains(r#"<li class="todo"><span>Assessed</span></li>"#));
    // High priority: the first assessment is due 24 hours after registration.
    assert!(
        page.contains("First assessment due in 1 day"),
        "next step: {}",
        &page[page.find("journey").unwrap_or(0)..][..600.min(page.len())]
    );
    app.clock.set(now() + chrono::TimeDelta::hours(27));
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(r#"class="next overdue""#));
    assert!(page.contains("First assessment overdue by 3 hours"));
    // The section menu leads to each section the reader reads.
    assert!(page.contains(r##"href="#section-plan""##));
    assert!(page.contains(r##"href="#section-participation""##));
}

/// A section with nothing in it is one line, its heading's; a section with content does not
/// say "Nothing recorded yet." above it.
#[tokio::test]
async fn an_empty_section_is_one_line_and_a_full_one_never_says_nothing_recorded() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    let health = section(&page, "health");
    assert!(
        health.contains(r#"class="section shown empty""#),
        "{health}"
    );
    assert!(
        health.contains(r#"Health <span class="line-note">Nothing recorded yet.</span></h2>"#),
        "{health}"
    );
    assert!(!page.contains(r#"<p class="muted">Nothing recorded yet.</p>"#));
    let identity = section(&page, "identity");
    assert!(identity.contains(r#"class="section shown""#), "{identity}");
    assert!(!identity.contains("Nothing recorded yet."));
    // A note makes the section whole again.
    let csrf = b.csrf().await;
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", &csrf),
                ("section", "health"),
                ("text", "Seen by the nurse today"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    let health = section(&page, "health");
    assert!(!health.contains("Nothing recorded yet."), "{health}");
    assert!(health.contains("Seen by the nurse today"));
    // The history tells it in words.
    assert!(page.contains("Added a note to Health"));
    assert!(page.contains("Registered the child"));
    assert!(!page.contains("case.note") && !page.contains("<code>"));
}

/// The text of one section of the case page.
fn section<'a>(page: &'a str, key: &str) -> &'a str {
    let start = page
        .find(&format!(r#"id="section-{key}""#))
        .unwrap_or_else(|| panic!("no section {key}"));
    let start = page[..start].rfind("<section").unwrap();
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

/// A security liaison reads the status alone: the header shows the stored stage, and nothing
/// of the sections — no next step, no timeline, no history, no menu of sections they do not
/// read.
#[tokio::test]
async fn a_liaisons_header_shows_no_section_content() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("DESK", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("liaison", Role::SecurityLiaison, "DESK")
        .case("Amina", "lead")
        .handed_over("Amina", "liaison")
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("liaison").await;
    let (s, _, page) = b.get(&format!("/cases/{case}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(r#"aria-current="step"><span>Registered</span>"#));
    for hidden in [
        r#"id="next-step""#,
        "First assessment",
        "no safe caregiver",
        r##"href="#section-plan""##,
        r#"id="timeline""#,
        r#"id="history""#,
        r#"id="move-to""#,
    ] {
        assert!(!page.contains(hidden), "a liaison sees {hidden}");
    }
}

/// A probation officer leading a case is not offered "Planned" while there is no approved
/// plan; a justice officer on the team is offered no status move at all.
#[tokio::test]
async fn status_moves_follow_the_write_table_and_the_records() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("BAPAS", Sector::Justice)
        .user("lead", Role::CaseWorker, "HOME")
        .user("probation", Role::Justice, "BAPAS")
        .case("Amina", "lead")
        .case("Budi", "probation")
        .team("Amina", "probation")
        .build()
        .await;
    let budi = app.case_id("Budi");
    // The assessment carries the case to "assessed" by itself.
    app.store
        .record_assessment(
            &operator(),
            &budi,
            &pelita_domain::assessment::Instrument::default_instrument(),
            pelita_store::NewAssessment {
                on: now().date_naive(),
                language: "id".into(),
                assent: pelita_store::Assent::Given,
                present: None,
                answers: Default::default(),
            },
        )
        .await
        .unwrap();
    let mut b = app.signed_in("probation").await;
    let (_, _, page) = b.get(&format!("/cases/{budi}")).await;
    assert!(
        page.contains(r#"id="move-to""#),
        "the lead may move the case"
    );
    assert!(
        !page.contains(r#"<option value="planned">"#),
        "Planned offered without a plan"
    );
    // Asked anyway (an old page, a crafted form), the store refuses it with the rule.
    let csrf = b.csrf().await;
    let (status, _, refused) = b
        .post(
            &format!("/cases/{budi}/move"),
            &[("csrf", &csrf), ("to", "planned")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the page again, with the rule");
    assert!(
        refused.contains("once its plan is approved"),
        "the rule is named"
    );
    let meta = app.store.case_meta(&budi).await.unwrap();
    assert_eq!(meta.status, pelita_domain::case::CaseStatus::Assessed);
    let (_, _, page) = b.get(&format!("/cases/{}", app.case_id("Amina"))).await;
    assert!(
        !page.contains(r#"id="move-to""#),
        "a team member moves the status"
    );
}

/// Every time on the case page is where the worker works: a note written at 20:00 UTC shows
/// as the next morning in Jakarta (WIB), and nowhere says UTC.
#[tokio::test]
async fn the_case_page_shows_times_in_the_workers_zone() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 28, 20, 0, 0).unwrap());
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", &csrf),
                ("section", "psychosocial"),
                ("text", "Slept well at the centre"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("29 November 2026 03:00 WIB"), "{page}");
    assert!(!page.contains("UTC"), "never UTC to a user");
}

//! Child justice: the minimum-age gate, detention clocks, reports, sealing, overrides, diversion.

use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::case::{Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, PersonNames, Sex};
use pelita_domain::text::NameText;
use pelita_store::Registration;

use crate::fixture::*;

#[tokio::test]
async fn no_role_opens_proceedings_below_the_minimum_age_and_detention_clocks_demand_release() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection) // Indonesia: MACR 12
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "lead") // born 2011: 14 or 15
        .build()
        .await;
    let (home, lead, sup, older) = (
        app.agency_id("HOME"),
        app.user_id("lead"),
        app.user_id("sup"),
        app.case_id("Amina"),
    );
    let young = app
        .store
        .register_child(
            &operator(),
            Registration {
                agency_id: home.clone(),
                identity: ChildIdentity {
                    names: PersonNames::simple(NameText::parse("Putri").unwrap(), None),
                    sex: Sex::Female,
                    age: Age::with(
                        BirthDate::Year { year: 2014 },
                        EvidenceKind::Declaration,
                        "lead",
                        now().date_naive(),
                    ),
                },
                priority: Priority::new(PriorityLevel::High, "detained by police").unwrap(),
                assigned_to: Some(lead.clone()),
                circumstances: None,
            },
        )
        .await
        .unwrap()
        .case_id;
    // Born in 2014, the child could be 11 at an offence in June 2026: every role is refused,
    // over the API and in the browser, and the protection pathway is named.
    let proceeding = |forum: &str, penalty: u32| {
        json!({"forum": forum, "legal_aid": true, "parents_notified": true,
               "offence": {"description": "Carried messages", "on": "2026-06-15",
                           "max_penalty_years": penalty}})
        .to_string()
    };
    for who in [&lead, &sup] {
        let token = app.token(who).await;
        let (s, v, _) = app
            .post(
                &format!("/api/v1/cases/{young}/proceedings"),
                &token,
                proceeding("children_court", 5),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(v["code"], "below-minimum-age");
        assert!(v["pathway"].as_str().unwrap().contains("6 months"));
    }
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let (s, _, page) = b
        .post(
            &format!("/cases/{young}/proceedings"),
            &[
                ("csrf", &csrf),
                ("forum", "children_court"),
                ("offence", "Carried messages"),
                ("offence_on", "2026-06-15"),
                ("penalty", "5"),
                ("legal_aid", "yes"),
                ("parents_notified", "yes"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("could be, below the minimum age") && page.contains("LPKS"));
    assert!(page.contains("No proceedings recorded."));

    // The older child: proceedings open (before an adult court: the supervisor is alerted);
    // formal proceedings wait for the diversion assessment, which must be an attempt here.
    let token = app.token(&lead).await;
    let (s, v, _) = app
        .post(
            &format!("/api/v1/cases/{older}/proceedings"),
            &token,
            proceeding("adult_court", 5),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let pid = v["id"].as_str().unwrap().to_owned();
    assert!(
        app.store
            .alerts(&sup)
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "forum")
    );
    let formal = format!("/api/v1/proceedings/{pid}/formal");
    let (s, v, _) = app.call("POST", &formal, Some(&token), None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("diversion-first"))
    );
    let diversion = |outcome: &str| {
        json!({"on": "2026-11-20", "outcome": outcome, "note": "Family conference"}).to_string()
    };
    let dpath = format!("/api/v1/proceedings/{pid}/diversion");
    app.post(&dpath, &token, diversion("not_eligible")).await;
    let (s, _, _) = app.call("POST", &formal, Some(&token), None).await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "under 7 years: the attempt is mandatory"
    );
    app.post(&dpath, &token, diversion("not_agreed")).await;
    let (s, _, _) = app.call("POST", &formal, Some(&token), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);

    // Investigation detention registered 8 days ago in Jakarta: past the 7-day limit, release
    // is required — on the case page, and in the supervisor's work; released, it says the
    // limit was reached first.
    let started = (now() - chrono::TimeDelta::days(8))
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let detention_form = [
        ("csrf", csrf.as_str()),
        ("stage", "investigation"),
        ("started_at", &started),
        ("order", "SP.Han/12/XI/2026"),
        ("legal_basis", "UU SPPA art. 32"),
        (
            "alternatives",
            "Return to the parents: the father is in the network",
        ),
        (
            "best_interests",
            "Away from the network while the investigation lasts",
        ),
        ("place", "LPAS Jakarta"),
        ("separated", "yes"),
        ("parents_notified", "yes"),
    ];
    // Indonesia detains a child only for an offence punishable by 7 years or more (SPPA art.
    // 32(2)): with the 5-year offence alone, the detention is refused and nothing is saved.
    let (s, _, page) = b
        .post(&format!("/cases/{older}/detentions"), &detention_form)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(!page.contains("Release is required by law now"));
    let (s, _, _) = app
        .post(
            &format!("/api/v1/cases/{older}/proceedings"),
            &token,
            proceeding("children_court", 7),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _, _) = b
        .post(&format!("/cases/{older}/detentions"), &detention_form)
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{older}")).await;
    assert!(page.contains("Release is required by law now"));
    let mut sv = app.signed_in("sup").await;
    let (_, _, work) = sv.get("/work").await;
    assert!(work.contains("Detention clock") && work.contains("release required"));
    let did = page
        .split("action=\"/detentions/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let (s, _, _) = b
        .post(
            &format!("/detentions/{did}"),
            &[("csrf", &csrf), ("change", "release")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{older}")).await;
    assert!(!page.contains("Release is required by law now"));
    assert!(page.contains("limit reached before release"));
    // Family contact while detained, and the indicators: aggregates for the supervisor and
    // researchers, nothing for a case worker.
    let (s, _, _) = b
        .post(
            &format!("/cases/{older}/family-contacts"),
            &[("csrf", &csrf), ("on", "2026-11-27"), ("kind", "visit")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let researcher = app.user("researcher", Role::Researcher, None).await;
    let (s, v, _) = app
        .get("/api/v1/indicators/justice", &app.token(&researcher).await)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["children_in_detention"], 0, "released above");
    assert_eq!(v["pct_limit_reached_without_release"], 100.0);
    let (s, _, _) = app.get("/api/v1/indicators/justice", &token).await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Expungement: not by the case worker; the supervisor does it on a court order, and the
    // justice records are gone from the page and the API.
    let (s, _, _) = app
        .post(
            &format!("/api/v1/cases/{older}/justice/expunge"),
            &token,
            json!({"order": "Court order 44/2026"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = app
        .post(
            &format!("/api/v1/cases/{older}/justice/expunge"),
            &app.token(&sup).await,
            json!({"order": "Court order 44/2026"}),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = app
        .get(&format!("/api/v1/cases/{older}/justice"), &token)
        .await;
    assert_eq!(v["proceedings"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["detentions"].as_array().map(Vec::len), Some(0));
    // The young child cannot be detained either.
    let (s, _, page) = b
        .post(
            &format!("/cases/{young}/detentions"),
            &[
                ("csrf", &csrf),
                ("stage", "investigation"),
                ("started_at", &started),
                ("order", "SP.Han/13/XI/2026"),
                ("legal_basis", "x"),
                ("alternatives", "x"),
                ("best_interests", "x"),
                ("place", "x"),
                ("separated", "yes"),
                ("parents_notified", "yes"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("could be, below the minimum age"));
}

#[tokio::test]
async fn the_social_inquiry_report_presents_the_child_as_a_victim_with_summaries_only() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("BAPAS", Sector::Justice)
        .user("lead", Role::CaseWorker, "HOME")
        .user("officer", Role::Justice, "BAPAS")
        .case("Amina", "lead")
        .team("Amina", "officer")
        .build()
        .await;
    let (home, case) = (app.agency_id("HOME"), app.case_id("Amina"));
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    b.post(
        &format!("/cases/{case}/assessments"),
        &[
            ("csrf", &csrf),
            ("on", "2026-11-27"),
            ("language", "en"),
            ("assent", "given"),
            ("a.in_school", "no"),
            ("a.goal", "To become a nurse — private words of the child"),
        ],
    )
    .await;
    let stigmatising = stigmatising();
    b.post(
        &format!("/cases/{case}/plan"),
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school"),
            ("goal_domain", "education"),
            ("goal_kind", "reintegration"),
            ("goal_text", stigmatising),
            ("action_text", "Enrol"),
            ("action_agency", &home),
            ("action_activity", "school_re_entry"),
        ],
    )
    .await;
    // The probation officer (no psychosocial section) reads the report: victim first, the
    // assessment as summaries, the plan, and the guard's warning on the stigmatising word —
    // never the child's own words from the assessment.
    let mut o = app.signed_in("officer").await;
    let (s, _, report) = o.get(&format!("/cases/{case}/report")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(report.contains("recognised as a victim since"));
    assert!(
        report.contains("What the child wants for the next year, in their words"),
        "a strength, named by its item"
    );
    assert!(report.contains("school re-entry"));
    assert!(report.contains("terminology guard found wording"));
    assert!(!report.contains("private words of the child"));
    let (s, _, _) = o.get(&format!("/cases/{case}/assessments")).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "the assessment itself stays closed to justice"
    );
    // Those who may not read the justice section do not get the report.
    let school = app.agency("SMP", Sector::Education).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    app.store
        .add_team_member(&operator(), &case, &teacher)
        .await
        .unwrap();
    let mut tb = app.signed_in("teacher").await;
    let (s, _, _) = tb.get(&format!("/cases/{case}/report")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn justice_records_are_sealed_at_closure_and_open_only_on_a_court_order() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (lead, sup, case) = (
        app.user_id("lead"),
        app.user_id("sup"),
        app.case_id("Amina"),
    );
    let token = app.token(&lead).await;
    let body = json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                      "offence": {"description": "Carried messages for the group",
                                  "on": "2026-06-15", "max_penalty_years": 8}})
    .to_string();
    let (s, _, _) = app
        .post(&format!("/api/v1/cases/{case}/proceedings"), &token, body)
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let url = format!("/api/v1/cases/{case}/justice");
    let (_, v, _) = app.get(&url, &token).await;
    assert_eq!(
        (
            v["sealed"].as_bool(),
            v["proceedings"].as_array().map(Vec::len)
        ),
        (Some(false), Some(1))
    );
    app.store
        .move_case(
            &app.store.act_as(&sup).await.unwrap(),
            &case,
            pelita_domain::case::CaseStatus::Closed,
            Some("Back with her family".into()),
        )
        .await
        .unwrap();
    // Closed: sealed, for the lead worker too; the page says so and shows nothing of it.
    let (_, v, _) = app.get(&url, &token).await;
    assert_eq!(
        (
            v["sealed"].as_bool(),
            v["proceedings"].as_array().map(Vec::len)
        ),
        (Some(true), Some(0))
    );
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("id=\"justice-sealed\"") && !page.contains("Carried messages"));
    let (s, _, _) = b.get(&format!("/cases/{case}/report")).await;
    assert_ne!(s, StatusCode::OK, "no report from sealed records");
    // The lead worker cannot open them; the supervisor records the court order, and they open.
    let open = format!("/api/v1/cases/{case}/justice/open");
    let order = json!({"order": "Court order 51/2026 for the appeal hearing"}).to_string();
    let (s, _, _) = app.post(&open, &token, order.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = app.post(&open, &app.token(&sup).await, order).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = app.get(&url, &token).await;
    assert_eq!(v["proceedings"].as_array().map(Vec::len), Some(1));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Opened by a court order until"));
}

#[tokio::test]
async fn an_administrator_overrides_a_rule_value_with_a_reason_and_the_gate_follows_it() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection) // Indonesia: MACR 12
        .user("lead", Role::CaseWorker, "HOME")
        .user("admin", Role::Administrator, None)
        .case("Amina", "lead") // born 2011
        .build()
        .await;
    let (lead, case) = (app.user_id("lead"), app.case_id("Amina"));
    let mut a = app.signed_in("admin").await;
    let csrf = a.csrf().await;
    let form = |reason: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("code", "ID".to_owned()),
            ("key", "macr".to_owned()),
            ("value", "16".to_owned()),
            ("reason", reason.to_owned()),
        ]
    };
    let short = form("law changed");
    let short = pairs(&short);
    let (s, _, page) = a.post("/admin/jurisdictions", &short).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("at least 20 characters"));
    let why = "Test of a statutory change: MACR raised to 16 on 1 November 2026";
    let good = form(why);
    let good = pairs(&good);
    let (s, _, page) = a.post("/admin/jurisdictions", &good).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(why) && page.contains("set by this deployment&#39;s administrator"));
    // The gate now refuses the 14-to-15-year-old, over the API, naming no other rule.
    let token = app.token(&lead).await;
    let (s, v, _) = app
        .post(
            &format!("/api/v1/cases/{case}/proceedings"),
            &token,
            json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                   "offence": {"description": "x", "on": "2026-06-15"}})
            .to_string(),
        )
        .await;
    assert_eq!(
        (s, v["macr"].as_u64()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some(16))
    );
    // Only administrators override; the change is audited.
    let mut b = app.signed_in("lead").await;
    let lcsrf = b.csrf().await;
    let (s, _, _) = b
        .post(
            "/admin/jurisdictions",
            &[
                ("csrf", &lcsrf),
                ("code", "ID"),
                ("key", "macr"),
                ("value", "9"),
                ("reason", why),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(
        app.store
            .audit_events(5)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "jurisdiction.override")
    );
}

#[tokio::test]
async fn a_breached_diversion_agreement_is_a_task_due_within_the_legal_time_and_lets_proceedings_resume()
 {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection) // Indonesia
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (lead, case) = (app.user_id("lead"), app.case_id("Amina"));
    let token = app.token(&lead).await;
    let call = |method: &'static str, path: String, body: Option<Value>| {
        let token = token.clone();
        let app = &app;
        async move {
            app.call(method, &path, Some(&token), body.map(|b| b.to_string()))
                .await
        }
    };
    let (_, v, _) = call(
        "POST",
        format!("/api/v1/cases/{case}/proceedings"),
        Some(
            json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                    "offence": {"description": "Carried messages", "on": "2026-06-15",
                                "max_penalty_years": 5}}),
        ),
    )
    .await;
    let pid = v["id"].as_str().unwrap().to_owned();
    // Indonesia: diversion is offered within 7 days of the start — a task until it is.
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    let offer = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "diversion_offer")
        .cloned()
        .unwrap();
    assert!(
        offer["due"]
            .as_str()
            .unwrap()
            .starts_with("2026-12-05T09:00")
    );
    call(
        "POST",
        format!("/api/v1/proceedings/{pid}/diversion"),
        Some(json!({"on": "2026-11-01", "outcome": "agreed", "note": "Family conference"})),
    )
    .await;
    let formal = format!("/api/v1/proceedings/{pid}/formal");
    let (s, _, _) = call("POST", formal.clone(), None).await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the agreement keeps her out"
    );
    let (s, _, _) = call(
        "POST",
        format!("/api/v1/proceedings/{pid}/agreement"),
        Some(
            json!({"conditions": "School every day; weekly meeting with the community counsellor",
                    "monitor": "Probation officer, BAPAS Jakarta", "until": "2027-02-01"}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _, _) = call(
        "POST",
        format!("/api/v1/proceedings/{pid}/agreement/event"),
        Some(json!({"event": "breached", "on": "2026-11-27"})),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    // SPPA art. 14(4): act within 7 days of the breach.
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    let breach = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "diversion_breach")
        .cloned()
        .unwrap();
    assert!(breach["due"].as_str().unwrap().starts_with("2026-12-04"));
    assert!(
        !v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "diversion_offer"),
        "offered: no longer a task"
    );
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("action is required by 4 December 2026 (UU SPPA"));
    let (s, _, _) = call("POST", formal, None).await;
    assert_eq!(
        s,
        StatusCode::NO_CONTENT,
        "the breach lets the proceedings resume"
    );
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    assert!(
        !v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "diversion_breach")
    );
}

/// The report counts days as the case's jurisdiction does: at 20:00 UTC it is already the
/// next day in Jakarta, and the report (its date, the victim status) says so, as the case
/// page does — a court must not read a day earlier than the caseworker.
#[tokio::test]
async fn the_report_dates_in_the_jurisdictions_zone() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .build()
        .await;
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 28, 20, 0, 0).unwrap());
    let case = app
        .child(&app.agency_id("HOME"), &app.user_id("lead"), "Amina")
        .await;
    let mut b = app.signed_in("lead").await;
    let (s, _, report) = b.get(&format!("/cases/{case}/report")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(report.contains("Prepared on 29 November 2026"), "{report}");
    assert!(
        report.contains("recognised as a victim since 29 November 2026"),
        "{report}"
    );
}

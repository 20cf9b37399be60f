//! Children abroad: origin, best interests, panels, repatriation and reception stays.

use crate::fixture::*;

#[tokio::test]
async fn siblings_born_abroad_are_repatriated_one_by_one_on_their_own_best_interests() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("DESK", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("liaison", Role::SecurityLiaison, "DESK")
        .user("sup", Role::Supervisor, "HOME")
        .case("Aminath", "lead")
        .case("Hassan", "lead")
        .handed_over("Aminath", "liaison")
        .build()
        .await;
    let (home, lead, liaison, sister, brother) = (
        app.agency_id("HOME"),
        app.user_id("lead"),
        app.user_id("liaison"),
        app.case_id("Aminath"),
        app.case_id("Hassan"),
    );
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let page = format!("/cases/{sister}/abroad");
    let (s, _, html) = b.get(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("No repatriation has been opened"));
    let post = |pairs: Vec<(&'static str, String)>| pairs;
    let send = async |b: &mut Browser<'_>, path: &str, pairs: Vec<(&'static str, String)>| {
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        b.post(path, &all).await
    };
    let (s, h, _) = send(&mut b, &page, post(vec![("action", "open".into())])).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(location(&h), page);
    let sister_ref = app
        .store
        .case_meta(&sister)
        .await
        .unwrap()
        .reference
        .to_string();
    let (s, _, _) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        vec![("action", "open".into()), ("with", sister_ref.clone())],
    )
    .await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "the brother joins his sister's group"
    );

    // Born abroad; a finding about her role without a source is refused and saves nothing.
    let origin = |finding: &str| {
        vec![
            ("action", "origin".to_owned()),
            ("nationality", "confirmed".into()),
            ("nationality_country", "MV".into()),
            ("birth_registration", "registered".into()),
            ("born_country", "SY".into()),
            ("born_place", "ال هول".into()),
            ("finding", finding.into()),
            ("finding_source", "".into()),
            ("v_method", "dna".into()),
            ("v_result", "confirmed".into()),
            ("v_by", "Police forensic laboratory".into()),
            ("v_on", "2026-01-05".into()),
        ]
    };
    let (s, _, html) = send(&mut b, &page, origin("carried messages")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("needs its source"), "the refusal says why");
    assert!(
        html.contains("value=\"carried messages\"")
            && html.contains("value=\"Police forensic laboratory\""),
        "what was typed is shown again"
    );
    let token = app.token(&lead).await;
    let (_, v, _) = app
        .get(&format!("/api/v1/cases/{sister}/abroad"), &token)
        .await;
    assert!(v["origin"].is_null(), "nothing was saved");
    let (s, _, _) = send(&mut b, &page, origin("")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, html) = b.get(&page).await;
    assert!(html.contains("No active role") && html.contains("ال هول") && html.contains("DNA"));

    // A sentence the terminology guard flags, from its own samples.
    let stigmatising = stigmatising();
    // The conference cannot decide her repatriation before her best-interests assessment.
    let conference = |kind: &str| {
        json!({
            "held_on": "2026-11-20",
            "participants": [{"name": "Ayu", "role": "child_protection_lead"},
                             {"name": "Sari", "role": "case_worker"}],
            "minutes": "Return discussed",
            "child_views": {"state": "recorded", "text": "I want to go to school"},
            "decisions": [{"kind": kind, "text": "Return", "best_interests": "Family unity and safety"}],
        })
        .to_string()
    };
    let confs = format!("/api/v1/cases/{sister}/conferences");
    let (s, v, _) = app.post(&confs, &token, conference("repatriation")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "best-interests-assessment-required");
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "bia".into()),
            ("depth", "comprehensive".into()),
            ("on", "2026-11-18".into()),
            ("views", "wants to live with her grandmother".into()),
            (
                "findings",
                format!("healthy, close to her brother. {stigmatising}"),
            ),
            ("recommendation", "return with her brother".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, html) = b.get(&page).await;
    assert!(
        html.contains("Consider other wording"),
        "the guard's warning stands beside the assessment"
    );
    let (s, _, _) = app.post(&confs, &token, conference("repatriation")).await;
    assert_eq!(s, StatusCode::CREATED);
    // Separation from the mother needs a panel, not only the assessment.
    let (s, v, _) = app
        .post(&confs, &token, conference("separation_from_parent"))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "panel-determination-required");
    let mut panel = vec![
        ("action", "panel".to_owned()),
        ("question", "separation_from_parent".into()),
        ("on", "2026-11-19".into()),
        ("views", "wants to stay with her brother".into()),
        (
            "reasoning",
            "the mother faces charges; the grandmother keeps the siblings together".into(),
        ),
        ("outcome", "kinship care with the grandmother".into()),
        ("review_on", "2027-05-19".into()),
    ];
    for who in ["Aisha", "Ibrahim"] {
        panel.extend([
            ("p_name", who.to_owned()),
            ("p_org", "NRC".into()),
            ("p_role", "psychologist".into()),
            ("p_undertaking", "yes".into()),
        ]);
    }
    let (s, _, html) = send(&mut b, &page, panel.clone()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("at least three members"));
    assert!(
        html.contains(
            "the mother faces charges; the grandmother keeps the siblings together</textarea>"
        ) && html.contains("value=\"Ibrahim\""),
        "the panel's reasoning and members are kept for the third member to be added"
    );
    panel.extend([
        ("p_name", "Mariyam".to_owned()),
        ("p_org", "DJJ".into()),
        ("p_role", "probation".into()),
        ("p_undertaking", "yes".into()),
        ("dissent_by", "Ibrahim".into()),
        ("dissent", "prefers a review in three months".into()),
    ]);
    let (s, _, _) = send(&mut b, &page, panel).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = app
        .post(&confs, &token, conference("separation_from_parent"))
        .await;
    assert_eq!(s, StatusCode::CREATED);

    // Her decision does not carry her brother across the border.
    let arrive = |on: &str| vec![("action", "arrival".to_owned()), ("on", on.to_owned())];
    let (s, _, html) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        arrive("2026-11-25"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("a sibling"), "{html}");
    // His return is not pursued for now (API), then resumed (page).
    let (s, _, _) = app
        .post(
            &format!("/api/v1/cases/{brother}/repatriation/end"),
            &token,
            json!({"on": "2026-11-24", "reason": "Identity not verified before the flight"})
                .to_string(),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = app
        .get(&format!("/api/v1/cases/{brother}/abroad"), &token)
        .await;
    assert_eq!(v["repatriation"]["phase"], "not_pursued");
    assert_eq!(
        v["repatriation"]["end_reason"],
        "Identity not verified before the flight"
    );
    let (_, _, html) = b.get(&format!("/cases/{brother}/abroad")).await;
    assert!(html.contains("Not pursued since") && !html.contains("value=\"end\""));
    let (s, _, _) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        vec![("action", "resume".into())],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, v, _) = app
        .get(
            &format!("/api/v1/cases/{brother}/repatriation/status"),
            &token,
        )
        .await;
    assert_eq!(v["phase"], "before_border");
    let (s, _, _) = send(&mut b, &page, arrive("2026-11-25")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "admit".into()),
            ("centre", "National Reintegration Centre".into()),
            ("block", "families".into()),
            ("on", "2026-11-25".into()),
            ("every", "30".into()),
            ("planned", "2027-05-25".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, v, _) = app
        .get(&format!("/api/v1/cases/{sister}/abroad"), &token)
        .await;
    assert_eq!(v["repatriation"]["phase"], "after_border");
    let stay = v["reception_stays"][0]["id"].as_str().unwrap().to_owned();
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "release".into()),
            ("stay", stay),
            ("on", "2026-11-27".into()),
            ("to", "family_based_care".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    // The liaison sees the phase on the case page, and cannot open the record.
    let mut l = app.signed_in("liaison").await;
    let (_, _, html) = l.get(&format!("/cases/{sister}")).await;
    assert!(html.contains("id=\"repatriation-status\">After the border<"));
    assert!(
        !html.contains("family-based care"),
        "the liaison learns the phase, not where the child lives"
    );
    assert!(!html.contains("Police forensic laboratory") && !html.contains("grandmother"));
    assert_eq!(l.get(&page).await.0, StatusCode::FORBIDDEN);
    let lt = app.token(&liaison).await;
    let (s, v, _) = app
        .get(&format!("/api/v1/cases/{sister}/repatriation/status"), &lt)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["phase"], "after_border");
    let (s, _, _) = app
        .get(&format!("/api/v1/cases/{sister}/abroad"), &lt)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Another worker of the agency opens the record only with a written justification, which
    // is logged.
    let colleague = app.user("colleague", Role::CaseWorker, Some(&home)).await;
    let mut c = app.signed_in("colleague").await;
    let (s, _, html) = c.get(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("name=\"justification\"") && !html.contains("Police forensic laboratory")
    );
    let ccsrf = c.csrf().await;
    let open = format!("{page}/open");
    let (_, _, html) = c
        .post(&open, &[("csrf", &ccsrf), ("justification", "short")])
        .await;
    assert!(
        !html.contains("Police forensic laboratory"),
        "too short a reason opens nothing"
    );
    let (s, _, html) = c
        .post(
            &open,
            &[
                ("csrf", &ccsrf),
                ("justification", "Covering for the lead worker on leave"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Police forensic laboratory"));
    assert!(
        app.store
            .access_log_for_case(&sister)
            .await
            .unwrap()
            .iter()
            .any(|e| e.reader == colleague
                && e.section == "circumstances"
                && e.justification.as_deref() == Some("Covering for the lead worker on leave")),
        "the break-glass read is logged with its reason"
    );

    // A psychologist of another agency on the sister's team only: her record, but not her
    // brother's case.
    let clinic = app.agency("CLINIC", Sector::Health).await;
    let psy = app.user("psy", Role::Psychologist, Some(&clinic)).await;
    app.store
        .add_team_member(&operator(), &sister, &psy)
        .await
        .unwrap();
    let pt = app.token(&psy).await;
    let (s, v, _) = app
        .get(&format!("/api/v1/cases/{sister}/abroad"), &pt)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["repatriation"]["group"], json!([]));
    assert_eq!(v["repatriation"]["group_hidden"], 1);

    // The indicators, for the supervisor's agency.
    let st = app
        .token(
            &app.store
                .users()
                .await
                .unwrap()
                .into_iter()
                .find(|u| u.username == "sup")
                .unwrap()
                .id,
        )
        .await;
    let (s, v, _) = app.get("/api/v1/indicators/repatriation", &st).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["children"], 2);
    assert_eq!(v["pct_identity_or_nationality_documented"], 50.0);
    assert_eq!(v["days_arrival_to_placement_median"], 2.0);
    assert_eq!(v["pct_assessed_before_separation_decision"], 100.0);
    let (s, _, _) = app.get("/api/v1/indicators/repatriation", &token).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a case worker sees records, not indicators"
    );
}

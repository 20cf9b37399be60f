//! Case conferences, their tasks in my work, and the household.

use crate::fixture::*;

#[tokio::test]
async fn a_case_conference_decides_with_a_child_protection_lead_and_its_tasks_reach_my_work() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("colleague", Role::CaseWorker, "HOME")
        .user("outsider", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (lead, colleague, outsider, case) = (
        app.user_id("lead"),
        app.user_id("colleague"),
        app.user_id("outsider"),
        app.case_id("Amina"),
    );
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/conferences");
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("held_on", "2026-11-27"),
        ("p_name", "Sari"),
        ("p_org", "HOME"),
        ("p_role", "case_worker"),
        ("p_name", "Dr Rahman"),
        ("p_org", ""),
        ("p_role", "psychologist"),
        ("minutes", "Reviewed the assessment and the aunt's offer"),
        ("child_views", "I want to live with my aunt"),
        ("decision_kind", "placement"),
        ("decision", "Placement with the maternal aunt"),
        ("best_interests", "Family-based care, near her school"),
        ("dissent_by", "Dr Rahman"),
        ("dissent", "Too early: the aunt's home is not yet assessed"),
        ("t_text", "Visit the aunt's home"),
        ("t_assignee", colleague.as_str()),
        ("t_priority", "high"),
        ("t_due", ""),
    ];
    // A placement without a child-protection lead present is refused, and nothing is saved.
    let (s, _, page) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("need a child-protection lead among the participants"));
    assert!(page.contains("No case conference has been recorded."));
    assert!(
        page.contains("Placement with the maternal aunt</textarea>")
            && page.contains("value=\"Dr Rahman\"")
            && page.contains("<option value=\"high\" selected>"),
        "the refused conference is shown again with what was typed"
    );
    fields.extend([
        ("p_name", "Ayu"),
        ("p_org", "HOME"),
        ("p_role", "child_protection_lead"),
    ]);
    let (s, _, _) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    for shown in [
        "Placement with the maternal aunt",
        "Family-based care, near her school",
        "Too early: the aunt",
        "Ayu (child-protection lead, HOME)",
    ] {
        assert!(page.contains(shown), "{shown}");
    }

    // The task is in the colleague's work, due within 24 hours (high priority), with an alert;
    // marked done, it leaves.
    let mut c = app.signed_in("colleague").await;
    let ccsrf = c.csrf().await;
    let (_, _, work) = c.get("/work").await;
    assert!(work.contains("Conference task") && work.contains("Visit the aunt"));
    assert!(work.contains("due within 24 hours"));
    assert!(work.contains("gave you a task from a case conference"));
    let tid = work
        .split("action=\"/tasks/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_owned();
    let mut o = app.signed_in("outsider").await;
    let ocsrf = o.csrf().await;
    let (s, _, _) = o
        .post(&format!("/tasks/{tid}/done"), &[("csrf", &ocsrf)])
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "only the assignee marks a task done"
    );
    let (s, _, _) = c
        .post(&format!("/tasks/{tid}/done"), &[("csrf", &ccsrf)])
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, work) = c.get("/work").await;
    assert!(!work.contains("Visit the aunt"));
    // The lead worker's first assessment of this high-priority case is due within a day.
    let (_, _, work) = b.get("/work").await;
    assert!(work.contains("First assessment"));

    // Over the API: the same rule, and only the lead worker or a supervisor records.
    let body = |kind: &str, lead: bool| {
        let mut participants = vec![
            json!({"name": "Sari", "role": "case_worker"}),
            json!({"name": "Dr Rahman", "role": "psychologist"}),
        ];
        if lead {
            participants.push(json!({"name": "Ayu", "role": "child_protection_lead"}));
        }
        json!({
            "held_on": "2026-11-27", "participants": participants, "minutes": "Met",
            "child_views": {"state": "recorded", "text": "I want to go home"},
            "decisions": [{"kind": kind, "text": "Return", "best_interests": "Family unity"}],
        })
        .to_string()
    };
    let url = format!("/api/v1/cases/{case}/conferences");
    let token = app.token(&lead).await;
    let (s, v, _) = app.post(&url, &token, body("repatriation", false)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "child-protection-lead-required");
    let (s, _, _) = app.post(&url, &token, body("care_plan", false)).await;
    assert_eq!(s, StatusCode::CREATED, "a care-plan decision needs no lead");
    let other = app.token(&outsider).await;
    let (s, _, _) = app.post(&url, &other, body("care_plan", true)).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v, _) = app.get(&url, &token).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["conferences"].as_array().unwrap().len(), 2);
    let (_, v, _) = app.get("/api/v1/tasks", &token).await;
    assert_eq!(v["tasks"][0]["kind"], "assessment");

    // The household: a caregiver barred from contact is refused; a valid household shows.
    let hpath = format!("/cases/{case}/household");
    let member = |no_contact: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("living", "with_relatives".to_owned()),
            ("m_name", "Siti".to_owned()),
            ("m_kinship", "aunt_or_uncle".to_owned()),
            ("m_caregiver", "yes".to_owned()),
            ("m_lives", "yes".to_owned()),
            ("m_no_contact", no_contact.to_owned()),
            ("m_note", String::new()),
        ]
    };
    let bad = member("yes");
    let bad = pairs(&bad);
    let (s, _, page) = b.post(&hpath, &bad).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("cannot also be barred from contact")
            && page.contains("No family members recorded.")
    );
    assert!(
        page.contains("id=\"form-household\" open><summary>") && page.contains("value=\"Siti\""),
        "the refused household is shown open with what was typed"
    );
    let good = member("no");
    let good = pairs(&good);
    let (s, _, _) = b.post(&hpath, &good).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        page.contains("Siti") && page.contains("aunt or uncle") && page.contains("with relatives")
    );
}

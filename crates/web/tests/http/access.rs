//! The read policy: every role × section × relationship, the case page per reader, and the trace every read or refusal leaves.

use pelita_domain::policy::{self, Decision};

use crate::fixture::*;

/// Every role × section × reachable relationship through the API, against the policy table
/// (which `docs/access-policy.md` is generated from and checked against) — reading the section,
/// and writing a note in it against the write table.
#[tokio::test]
async fn the_access_policy_holds_for_every_role_section_and_relationship_over_http() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("OTHER", Sector::Health)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .case("Putri", "lead")
        .build()
        .await;
    let (home, other, case, liaison_case) = (
        app.agency_id("HOME"),
        app.agency_id("OTHER"),
        app.case_id("Amina"),
        app.case_id("Putri"),
    );
    app.store
        .add_note(
            &operator(),
            &case,
            Section::Health,
            pelita_domain::text::NoteText::parse("vaccinations due").unwrap(),
        )
        .await
        .unwrap();
    let (mut checked, mut written) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for role in Role::ALL {
        // The same role in four positions: on the case's team, in its agency, elsewhere, and
        // (for the liaison) having handed the child over.
        let r = role.as_str();
        let on_team = app.user(&format!("{r}.team"), role, Some(&home)).await;
        app.store
            .add_team_member(&operator(), &case, &on_team)
            .await
            .unwrap();
        let same = app.user(&format!("{r}.same"), role, Some(&home)).await;
        let elsewhere = app.user(&format!("{r}.else"), role, Some(&other)).await;
        let handed = app.user(&format!("{r}.handed"), role, Some(&other)).await;
        app.store
            .set_handed_over_by(&operator(), &liaison_case, &handed)
            .await
            .unwrap();
        for (user, case_id) in [
            (&on_team, &case),
            (&same, &case),
            (&elsewhere, &case),
            (&handed, &liaison_case),
        ] {
            let token = app.token(user).await;
            let meta = app.store.case_meta(case_id).await.unwrap();
            let reader = Reader {
                id: user.clone(),
                role,
                agency_id: app.store.user(user).await.unwrap().agency_id,
            };
            let rel = meta.relationship(&reader);
            for section in Section::ALL {
                let expected = policy::decide(role, section, rel);
                seen.insert((role, section, rel));
                let path = format!("/api/v1/cases/{case_id}/sections/{}", section.as_str());
                let (s, v, _) = app.get(&path, &token).await;
                let got = match (s, v["code"].as_str()) {
                    (StatusCode::OK, _) if v["minimal"] == json!(true) => Decision::AllowMinimal,
                    (StatusCode::OK, _) => Decision::Allow,
                    (StatusCode::FORBIDDEN, Some("justification-required")) => {
                        Decision::WithJustification
                    }
                    (StatusCode::FORBIDDEN, Some("forbidden")) => Decision::Deny,
                    other => panic!("{role} {section:?} {rel:?}: unexpected {other:?} {v}"),
                };
                assert_eq!(
                    got,
                    expected,
                    "{role} / {} / {}",
                    section.as_str(),
                    rel.as_str()
                );
                if expected == Decision::WithJustification {
                    let body =
                        json!({"justification": "child in hospital, lead unreachable"}).to_string();
                    let (s, _, _) = app.post(&format!("{path}/open"), &token, body).await;
                    assert_eq!(
                        s,
                        StatusCode::OK,
                        "break-glass refused for {role} {section:?}"
                    );
                }
                if got == Decision::AllowMinimal {
                    assert!(
                        v["identity"]["names"].get("aliases").is_none()
                            || v["identity"]["names"]["aliases"] == json!([])
                    );
                }
                // And the write table, for a note in the section.
                if section != Section::Status {
                    let standing = meta.standing(&reader);
                    let may = policy::write::may_change(
                        role,
                        policy::write::Change::Note(section),
                        standing,
                    );
                    let body = json!({"section": section.as_str(), "text": "Seen at school"});
                    let (s, v, _) = app
                        .post(&format!("/api/v1/cases/{case_id}/notes"), &token, body)
                        .await;
                    let wrote = match s {
                        StatusCode::CREATED => true,
                        StatusCode::FORBIDDEN => false,
                        other => panic!("{role} note {section:?}: unexpected {other} {v}"),
                    };
                    assert_eq!(
                        wrote,
                        may,
                        "{role} / note: {} / {}",
                        section.as_str(),
                        standing.as_str()
                    );
                    written += usize::from(wrote);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, Role::ALL.len() * 4 * Section::ALL.len());
    assert!(written > 0, "some notes were allowed");
    // Every relationship but "referred" (which needs referrals) was reached by some role.
    for rel in [
        "assigned",
        "supervisor",
        "same_agency",
        "handed_over_by",
        "none",
    ] {
        assert!(
            seen.iter().any(|(_, _, r)| r.as_str() == rel),
            "{rel} never reached"
        );
    }
    // Sensitive reads were logged, break-glass ones with their reason.
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert!(log.iter().any(|e| e.justification.is_some()));
    assert!(log.iter().all(|e| e.section != "status"));
}

#[tokio::test]
async fn the_justice_officer_and_the_liaison_see_only_their_sections_on_the_case_page() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("BAPAS", Sector::Justice)
        .agency("DESK", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("probation", Role::Justice, "BAPAS")
        .user("liaison", Role::SecurityLiaison, "DESK")
        .case("Amina Rahmawati", "lead")
        .team("Amina Rahmawati", "probation")
        .handed_over("Amina Rahmawati", "liaison")
        .build()
        .await;
    let (justice, case) = (app.user_id("probation"), app.case_id("Amina Rahmawati"));

    let mut j = app.signed_in("probation").await;
    let (s, _, page) = j.get(&format!("/cases/{case}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Amina Rahmawati"));
    assert!(page.contains("id=\"section-justice\""));
    let restricted = |page: &str, key: &str| {
        let start = page.find(&format!("id=\"section-{key}\"")).unwrap();
        page[start..]
            .split("</section>")
            .next()
            .unwrap()
            .contains("Restricted")
    };
    assert!(
        restricted(&page, "psychosocial")
            && restricted(&page, "circumstances")
            && restricted(&page, "health")
    );
    assert!(!restricted(&page, "justice") && !restricted(&page, "plan"));
    // One page view logs each sensitive section shown, once: identity, justice, plan.
    let mut viewed: Vec<String> = app
        .store
        .access_log_for_case(&case)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.reader == justice)
        .map(|e| e.section)
        .collect();
    viewed.sort();
    assert_eq!(viewed, ["identity", "justice", "plan"]);

    let mut l = app.signed_in("liaison").await;
    let (s, _, page) = l.get(&format!("/cases/{case}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Amina Rahmawati"),
        "minimal identity shows the name"
    );
    for key in [
        "contact",
        "circumstances",
        "psychosocial",
        "health",
        "education",
        "family",
        "justice",
        "plan",
        "participation",
    ] {
        assert!(restricted(&page, key), "the liaison sees {key}");
    }
    // A researcher sees no record at all.
    app.user("res", Role::Researcher, None).await;
    let mut r = app.signed_in("res").await;
    assert_eq!(
        r.get(&format!("/cases/{case}")).await.0,
        StatusCode::FORBIDDEN
    );
}

/// What each reader learns: the history shows events of the sections the reader may read, the
/// priority's reason is the plan section's, interviews name the interviewer only to readers
/// of their section, the case list is logged, a break-glass read is logged and alerted once,
/// and a pattern of refused reads reaches the auditors.
#[tokio::test]
async fn each_reader_learns_only_their_sections_and_every_read_or_refusal_leaves_a_trace() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("SKUL", Sector::Education)
        .agency("DESK", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("colleague", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .user("auditor", Role::Auditor, None)
        .user("teacher", Role::Education, "SKUL")
        .user("liaison", Role::SecurityLiaison, "DESK")
        .case("Amina", "lead")
        .team("Amina", "teacher")
        .handed_over("Amina", "liaison")
        .build()
        .await;
    let (lead, colleague, auditor, teacher, liaison, case) = (
        app.user_id("lead"),
        app.user_id("colleague"),
        app.user_id("auditor"),
        app.user_id("teacher"),
        app.user_id("liaison"),
        app.case_id("Amina"),
    );
    let (lt, tt, xt, ct) = (
        app.token(&lead).await,
        app.token(&teacher).await,
        app.token(&liaison).await,
        app.token(&colleague).await,
    );
    // A justice interview, by the lead worker.
    let body = json!({"held_on": "2026-11-20", "purpose": "justice",
                      "reason": "The prosecutor asked for it"});
    let (s, v, _) = app
        .post(&format!("/api/v1/cases/{case}/interviews"), &lt, body)
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // History: the lead worker sees the interview; the teacher on the team does not.
    let page_of = |who: &'static str| {
        let app = &app;
        let case = case.clone();
        async move {
            let mut b = app.signed_in(who).await;
            b.get(&format!("/cases/{case}")).await.2
        }
    };
    assert!(page_of("lead").await.contains("Recorded an interview"));
    let teacher_page = page_of("teacher").await;
    assert!(!teacher_page.contains("Recorded an interview"));
    // The priority's reason is the plan section's: the teacher reads it, the liaison does not.
    assert!(teacher_page.contains("no safe caregiver"));
    let liaison_page = page_of("liaison").await;
    assert!(liaison_page.contains("Amina") && !liaison_page.contains("no safe caregiver"));

    // The priority's reason: the plan section's, so not the liaison's; read and logged with it,
    // never with the status.
    let (_, v, _) = app.get(&format!("/api/v1/cases/{case}"), &xt).await;
    assert_eq!(v["priority_reason"], Value::Null);
    let plan = format!("/api/v1/cases/{case}/sections/plan");
    let (s, _, _) = app.get(&plan, &xt).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, v, _) = app.get(&plan, &lt).await;
    assert_eq!(v["priority_reason"], "no safe caregiver");
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert!(log.iter().any(|e| e.reader == lead && e.section == "plan"));

    // Interviews: the liaison sees none; the teacher sees the date, not who or what for.
    let ipath = format!("/api/v1/cases/{case}/interviews");
    let (s, _, _) = app.get(&ipath, &xt).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v, _) = app.get(&ipath, &tt).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["interviews"][0]["on"], "2026-11-20");
    assert_eq!(v["interviews"][0]["interviewer"], Value::Null);
    assert_eq!(v["interviews"][0]["purpose"], Value::Null);
    let (_, v, _) = app.get(&ipath, &lt).await;
    assert_eq!(v["interviews"][0]["interviewer"], lead.as_str());

    // The case list names the children it lists: each name shown is a logged read.
    let before = app.store.access_log_for_case(&case).await.unwrap().len();
    let (_, v, _) = app.get("/api/v1/cases", &lt).await;
    assert_eq!(v["cases"][0]["name"], "Amina", "{v}");
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert_eq!(log.len(), before + 1);
    assert_eq!(log[0].section, "identity");

    // Break-glass by a colleague of the agency: logged once, the supervisor alerted once.
    let why = "Amina's aunt called the office about her; lead is away";
    for section in ["circumstances", "psychosocial"] {
        let (s, _, _) = app
            .post(
                &format!("/api/v1/cases/{case}/sections/{section}/open"),
                &ct,
                json!({"justification": why}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{section}");
    }
    let log = app.store.access_log_for_case(&case).await.unwrap();
    let glass: Vec<_> = log.iter().filter(|e| e.reader == colleague).collect();
    assert_eq!(glass.len(), 2, "{glass:?}");
    assert!(
        glass
            .iter()
            .all(|e| e.justification.as_deref() == Some(why)),
        "{glass:?}"
    );
    let sup = app
        .store
        .user_by_username("sup")
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    let alerts = app.store.alerts(&sup).await.unwrap();
    assert_eq!(alerts.iter().filter(|a| a.kind == "break_glass").count(), 2);

    // Probing: refused reads are kept, and twenty in ten minutes alert the auditors once.
    for i in 0..pelita_domain::policy::PROBING_REFUSALS + 2 {
        let section = Section::ALL[(2 + i as usize) % 9 + 2].as_str();
        let (s, _, _) = app
            .get(&format!("/api/v1/cases/{case}/sections/{section}"), &xt)
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
    let refusals = app.store.refusals(100).await.unwrap();
    assert_eq!(
        refusals.iter().filter(|r| r.1 == liaison).count() as i64,
        // and the plan section asked for above
        pelita_domain::policy::PROBING_REFUSALS + 3
    );
    let alerts = app.store.alerts(&auditor).await.unwrap();
    assert_eq!(
        alerts.iter().filter(|a| a.kind == "refusals").count(),
        1,
        "{alerts:?}"
    );
    // The auditor sees the pattern in My work and the refused reads on the audit page.
    let mut ab = app.signed_in("auditor").await;
    let (_, _, work) = ab.get("/work").await;
    assert!(
        work.contains("was refused 20 reads in 10 minutes"),
        "{work}"
    );
    let (_, _, audit) = ab.get("/audit").await;
    assert!(audit.contains("Refused reads") && audit.contains(&liaison));
}

/// "Who viewed" on the case page names the ten most recent readers and links to everyone,
/// paged, for those who supervise the case only.
#[tokio::test]
async fn who_viewed_in_full_is_paged_for_the_supervisor_only() {
    let mut f = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "lead");
    let readers: Vec<String> = (0..12).map(|i| format!("colleague{i}")).collect();
    for r in &readers {
        f = f.user(r, Role::CaseWorker, "HOME").team("Amina", r);
    }
    let app = f.build().await;
    let case = app.case_id("Amina");
    for r in &readers {
        let mut b = app.signed_in(r).await;
        let (s, _, _) = b.get(&format!("/cases/{case}")).await;
        assert_eq!(s, StatusCode::OK);
    }
    let mut sup = app.signed_in("sup").await;
    let (_, _, page) = sup.get(&format!("/cases/{case}")).await;
    assert!(page.contains(&format!(r#"href="/cases/{case}/viewers""#)));
    let (s, _, all) = sup.get(&format!("/cases/{case}/viewers")).await;
    assert_eq!(s, StatusCode::OK);
    // The twelve colleagues and the supervisor herself, who just read the case.
    assert!(all.contains("People 1–13 of 13"), "{all}");
    assert_eq!(all.matches(r#"<bdi class="who">"#).count(), 13);
    let mut lead = app.signed_in("lead").await;
    let (s, _, _) = lead.get(&format!("/cases/{case}/viewers")).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "the lead worker does not supervise"
    );
}

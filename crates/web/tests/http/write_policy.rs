//! The write table over HTTP: who changes what, in every standing.

use crate::fixture::*;

/// The paths a review found open: a team member acting as the case's lead worker — referring,
/// planning, changing the child's identity or the case's status — and a referral answered by
/// the agency that made it. Each is refused, and the lead worker still does them.
#[tokio::test]
async fn team_members_do_not_run_the_case_and_referrals_share_what_the_receiver_reads() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("CLNC", Sector::Health)
        .agency("SKUL", Sector::Education)
        .agency("BAPAS", Sector::Justice)
        .user("lead", Role::CaseWorker, "HOME")
        .user("teacher", Role::Education, "SKUL")
        .user("nurse", Role::Health, "CLNC")
        .user("probation", Role::Justice, "BAPAS")
        .case("Amina", "lead")
        .build()
        .await;
    let (clinic, lead, teacher, nurse, probation, case) = (
        app.agency_id("CLNC"),
        app.user_id("lead"),
        app.user_id("teacher"),
        app.user_id("nurse"),
        app.user_id("probation"),
        app.case_id("Amina"),
    );
    for u in [&teacher, &nurse, &probation] {
        app.store
            .add_team_member(&operator(), &case, u)
            .await
            .unwrap();
    }
    // The child and caregiver agreed to a referral to health services.
    for giver in ["child", "caregiver"] {
        let body = json!({"purpose": "referral:health", "giver": giver,
                          "decision": "given", "on": "2026-11-27"});
        let (s, _, _) = app
            .post(
                &format!("/api/v1/cases/{case}/consents"),
                &app.token(&lead).await,
                body,
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "consent by {giver}");
    }
    let refer = |who: String, to: String, sections: Value| {
        let app = &app;
        let case = case.clone();
        async move {
            let body = json!({"to_agency": to, "sections": sections,
                              "reason": "Needs a health check near home"});
            app.post(
                &format!("/api/v1/cases/{case}/referrals"),
                &app.token(&who).await,
                body,
            )
            .await
        }
    };
    // A teacher on the team does not refer, nor a health worker to their own clinic.
    let wide = json!(["circumstances", "psychosocial", "family", "justice"]);
    let (s, _, _) = refer(teacher.clone(), clinic.clone(), wide.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = refer(nurse.clone(), clinic.clone(), json!(["health"])).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // The lead worker refers, but only what a health service reads goes to a clinic.
    let (s, v, _) = refer(lead.clone(), clinic.clone(), wide).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid")),
        "{v}"
    );
    let (s, v, _) = refer(lead.clone(), clinic.clone(), json!(["health", "identity"])).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // Pages: identity, status and plan are the lead worker's and the supervisor's.
    let mut pages = Vec::new();
    for who in ["teacher", "nurse", "probation"] {
        let mut b = app.signed_in(who).await;
        let csrf = b.csrf().await;
        pages.push((who, b, csrf));
    }
    for (who, b, csrf) in &mut pages {
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/identity"),
                &[
                    ("csrf", csrf.as_str()),
                    ("given", "Amina"),
                    ("sex", "male"),
                    ("alias", "Mina"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} changed the identity");
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/move"),
                &[("csrf", csrf.as_str()), ("to", "assessed"), ("reason", "")],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} moved the status");
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/plan"),
                &[
                    ("csrf", csrf.as_str()),
                    ("goal_domain", "education"),
                    ("goal_kind", "reintegration"),
                    ("goal_text", "Back to school"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} saved the plan");
        // Their case page offers none of those forms.
        let (_, _, page) = b.get(&format!("/cases/{case}")).await;
        assert!(
            !page.contains(&format!("action=\"/cases/{case}/identity\"")),
            "{who}"
        );
        assert!(
            !page.contains(&format!("action=\"/cases/{case}/move\"")),
            "{who}"
        );
    }
    // Each professional still writes in their own section: the teacher an education note.
    let (_, b, csrf) = &mut pages[0];
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", csrf.as_str()),
                ("section", "education"),
                ("text", "Attends class three days a week"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", csrf.as_str()),
                ("section", "health"),
                ("text", "Seems tired"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // And the lead worker changes the status.
    let mut lb = app.signed_in("lead").await;
    let lcsrf = lb.csrf().await;
    let (s, _, _) = lb
        .post(
            &format!("/cases/{case}/move"),
            &[
                ("csrf", &lcsrf),
                ("to", "transferred"),
                ("reason", "Moved to her aunt in another district"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}

/// The write table walked over HTTP, cell by cell: every role in every standing it can have
/// (lead worker, team, supervisor, same agency, receiving agency, handed over by, none) tries
/// every kind of change through the page or API route that makes it, and is refused exactly
/// where `docs/access-policy.md` says. (Assignment and team changes have no route: the storage
/// suite walks them.) Allowed attempts may still meet a feature's own rule, never a refusal.
#[tokio::test]
async fn the_write_policy_holds_over_http_for_every_role_change_and_standing() {
    use pelita_domain::policy::write::{self, Change, Standing};
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let receiving = app.agency("RECV", Sector::ChildProtection).await;
    let elsewhere = app.agency("ELSE", Sector::ChildProtection).await;
    let clinic = app.agency("CLNC", Sector::Health).await;
    let school = app.agency("SKUL", Sector::Education).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let shared = pelita_store::shareable_with(Sector::ChildProtection);
    let mut changes: Vec<Change> = Change::all()
        .into_iter()
        .filter(|c| !matches!(c, Change::Team | Change::Close))
        .collect();
    changes.push(Change::Close);
    let (mut cells, mut reached) = (0, std::collections::HashSet::new());
    for role in Role::ALL {
        for standing in Standing::ALL {
            let at = match standing {
                Standing::Lead | Standing::Supervisor | Standing::SameAgency => &home,
                Standing::Receiving => &receiving,
                _ => &elsewhere,
            };
            let name = format!("{}.{}", role.as_str(), standing.as_str());
            let me = app.user(&name, role, Some(at)).await;
            let holder = if standing == Standing::Lead {
                &me
            } else {
                &lead
            };
            let case = app.child(&home, holder, "Amina").await;
            match standing {
                Standing::Team => app.store.add_team_member(&operator(), &case, &me).await,
                Standing::HandedOverBy => {
                    app.store.set_handed_over_by(&operator(), &case, &me).await
                }
                Standing::Receiving => {
                    let r = pelita_store::NewReferral {
                        to_agency: receiving.clone(),
                        sections: shared.clone(),
                        reason: pelita_domain::text::NoteText::parse("Family support").unwrap(),
                        override_justification: Some(
                            pelita_domain::text::NoteText::parse(
                                "Walk of the write policy: consent set aside",
                            )
                            .unwrap(),
                        ),
                    };
                    let id = app.store.refer(&operator(), &case, r).await.unwrap();
                    app.store
                        .move_referral(
                            &operator(),
                            &id,
                            pelita_domain::referral::ReferralStatus::Accepted,
                            None,
                        )
                        .await
                }
                _ => Ok(()),
            }
            .unwrap();
            for giver in [
                pelita_domain::consent::Giver::Child,
                pelita_domain::consent::Giver::Caregiver,
            ] {
                let entry = pelita_domain::consent::Entry {
                    purpose: pelita_domain::consent::Purpose::Referral(Sector::Health),
                    giver,
                    decision: pelita_domain::consent::Decision::Given,
                    on: now().date_naive(),
                    expires: None,
                };
                app.store
                    .record_consent(&operator(), &case, entry, None)
                    .await
                    .unwrap();
            }
            let reader = Reader {
                id: me.clone(),
                role,
                agency_id: Some(at.clone()),
            };
            if app.store.case_meta(&case).await.unwrap().standing(&reader) != standing {
                continue;
            }
            reached.insert(standing);
            let token = app.token(&me).await;
            let mut b = Browser::new(&app);
            b.sign_in(&name, PASSWORD).await;
            let csrf = b.csrf().await;
            for &change in &changes {
                let c = &case;
                let send = |method: &'static str, path: String, body: Value| {
                    let token = token.clone();
                    let app = &app;
                    async move {
                        app.call(method, &path, Some(&token), Some(body.to_string()))
                            .await
                    }
                };
                let page = |path: String, fields: Vec<(&'static str, String)>| {
                    let mut pairs: Vec<(&str, &str)> =
                        fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    pairs.push(("csrf", csrf.as_str()));
                    let form = pairs
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect::<Vec<_>>();
                    (path, form)
                };
                let day = "2026-11-27".to_owned();
                let (status, body) = match change {
                    Change::Identity
                    | Change::Status
                    | Change::Close
                    | Change::Plan
                    | Change::Conference
                    | Change::Household => {
                        let (path, form) = match change {
                            Change::Identity => page(
                                format!("/cases/{c}/identity"),
                                vec![("given", "Amina".into()), ("sex", "male".into())],
                            ),
                            Change::Status | Change::Close => page(
                                format!("/cases/{c}/move"),
                                vec![
                                    (
                                        "to",
                                        if change == Change::Close {
                                            "closed"
                                        } else {
                                            "assessed"
                                        }
                                        .into(),
                                    ),
                                    ("reason", "walk".into()),
                                ],
                            ),
                            Change::Plan => page(
                                format!("/cases/{c}/plan"),
                                vec![
                                    ("goal_domain", "education".into()),
                                    ("goal_kind", "reintegration".into()),
                                    ("goal_text", "Back to school".into()),
                                ],
                            ),
                            Change::Conference => page(
                                format!("/cases/{c}/conferences"),
                                vec![
                                    ("held_on", day.clone()),
                                    ("p_name", "Sari".into()),
                                    ("p_name", "Budi".into()),
                                    ("minutes", "Reviewed the week".into()),
                                ],
                            ),
                            Change::Household => page(
                                format!("/cases/{c}/household"),
                                vec![("living", "with_relatives".into())],
                            ),
                            other => panic!("{other:?}: give it its page form in this walk"),
                        };
                        let pairs: Vec<(&str, &str)> =
                            form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                        let (s, _, body) = b.post(&path, &pairs).await;
                        (s, body)
                    }
                    _ => {
                        let (method, path, body) = match change {
                            Change::Circumstances => (
                                "PUT",
                                format!("/api/v1/cases/{c}/circumstances"),
                                json!({"association": "recruited"}),
                            ),
                            Change::Note(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/notes"),
                                json!({"section": s.as_str(), "text": "seen today"}),
                            ),
                            Change::Consent => (
                                "POST",
                                format!("/api/v1/cases/{c}/consents"),
                                json!({"purpose": "research", "giver": "caregiver",
                                       "decision": "refused", "on": day}),
                            ),
                            Change::Refer => (
                                "POST",
                                format!("/api/v1/cases/{c}/referrals"),
                                json!({"to_agency": clinic, "sections": ["health"],
                                       "reason": "Needs a health check near home"}),
                            ),
                            Change::ConsentOverride => (
                                "POST",
                                format!("/api/v1/cases/{c}/referrals"),
                                json!({"to_agency": school, "sections": ["education"],
                                       "reason": "School re-entry",
                                       "override_justification": "School re-entry cannot wait for the caregiver"}),
                            ),
                            Change::Assessment(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/assessments"),
                                json!({"on": day, "assent": "given", "instrument":
                                       if s == Section::Family { "family-assessment" } else { "resilience-needs" }}),
                            ),
                            Change::ApprovePlan => {
                                ("POST", format!("/api/v1/cases/{c}/plan/approve"), json!({}))
                            }
                            Change::Interview(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/interviews"),
                                json!({"held_on": day, "reason": "asked by the court",
                                       "purpose": pelita_domain::interview::Purpose::ALL
                                           .into_iter().find(|p| p.section() == s).unwrap().as_str()}),
                            ),
                            Change::Justice => (
                                "POST",
                                format!("/api/v1/cases/{c}/family-contacts"),
                                json!({"on": day, "kind": "visit"}),
                            ),
                            Change::CourtOrder => (
                                "POST",
                                format!("/api/v1/cases/{c}/justice/open"),
                                json!({"order": "PN Jakarta 12/2026"}),
                            ),
                            Change::Expunge => (
                                "POST",
                                format!("/api/v1/cases/{c}/justice/expunge"),
                                json!({"order": "PN Jakarta 13/2026"}),
                            ),
                            Change::Repatriation => {
                                ("POST", format!("/api/v1/cases/{c}/repatriation"), json!({}))
                            }
                            other => panic!("{other:?}: give it its API request in this walk"),
                        };
                        let (s, v, _) = send(method, path, body).await;
                        (s, v.to_string())
                    }
                };
                let expected = write::may_change(role, change, standing)
                    && (standing != Standing::Receiving || shared.contains(&change.section()));
                let refused = status == StatusCode::FORBIDDEN
                    // A lead worker asking to close or approve is told who decides.
                    || body.contains("Only a supervisor may approve this.")
                    // The consent gate answers a non-supervisor's override itself.
                    || (change == Change::ConsentOverride && body.contains("override-not-allowed"));
                assert!(
                    status != StatusCode::INTERNAL_SERVER_ERROR,
                    "{role} {change:?} {standing:?}: {body}"
                );
                assert_eq!(
                    !refused,
                    expected,
                    "{role} / {} / {}: {status} {}",
                    change.label(),
                    standing.as_str(),
                    body.chars().take(300).collect::<String>()
                );
                cells += 1;
            }
        }
    }
    assert_eq!(reached.len(), Standing::ALL.len(), "{reached:?}");
    assert!(cells > 5 * Role::ALL.len() * changes.len(), "{cells}");
}

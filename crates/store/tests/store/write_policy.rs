//! The write table in the store, with real accounts, and the alerts a change leaves.

use crate::*;

both!(
    the_write_policy_holds_in_the_store_for_every_role_change_and_standing,
    every_change_by_someone_else_alerts_the_assigned_worker,
);

/// Every role × change × standing of the write table, through the store itself with real
/// accounts: the store refuses what the table refuses (whatever the caller claims), and lets
/// through what it allows (which may then meet the feature's own rules, but never a refusal of
/// permission). No page or API handler is involved.
async fn the_write_policy_holds_in_the_store_for_every_role_change_and_standing(env: &Env) {
    use pelita_domain::assessment::Instrument;
    use pelita_domain::conference::{Conference, Participant, ParticipantRole};
    use pelita_domain::consent::{Decision, Entry, Giver, Purpose};
    use pelita_domain::family::Household;
    use pelita_domain::plan::{Plan, Views};
    use pelita_domain::policy::write::{self, Change, Standing};
    use pelita_store::{NewAssessment, NewInterview, NewReferral, Reader, RepatriationChange};
    let agency = |code: &'static str, sector| async move {
        env.store
            .create_agency(
                &admin(),
                NewAgency {
                    code: code.into(),
                    name: code.into(),
                    sector,
                    jurisdiction: "ID".into(),
                },
            )
            .await
            .unwrap()
    };
    let home = agency("HOME", Sector::ChildProtection).await;
    let receiving = agency("RECV", Sector::ChildProtection).await;
    let elsewhere = agency("ELSE", Sector::ChildProtection).await;
    let clinic = agency("CLNC", Sector::Health).await;
    let school = agency("SKUL", Sector::Education).await;
    let user = |name: String, role: Role, agency: String| async move {
        env.store
            .create_user(
                &admin(),
                NewUser {
                    username: name.clone(),
                    display_name: name,
                    role,
                    agency_id: Some(agency),
                    password_hash: "not used".into(),
                },
            )
            .await
            .unwrap()
    };
    let lead = user("lead".into(), Role::CaseWorker, home.clone()).await;
    // The operator standing in for a supervisor: sets up referrals without asking the table.
    let operator = Actor::operator_in("setup", Role::Supervisor);
    let note = |s: &str| NoteText::parse(s).unwrap();
    let today = today().date_naive();
    let shared: Vec<Section> = pelita_store::shareable_with(Sector::ChildProtection);
    let instrument = |section| {
        Instrument::defaults()
            .into_iter()
            .find(|i| i.section == section)
            .unwrap()
    };
    let mut reached = std::collections::HashSet::new();
    let mut cells = 0;
    for role in Role::ALL {
        for standing in Standing::ALL {
            let at = match standing {
                Standing::Lead | Standing::Supervisor | Standing::SameAgency => home.clone(),
                Standing::Receiving => receiving.clone(),
                _ => elsewhere.clone(),
            };
            let me = user(format!("{role}.{}", standing.as_str()), role, at.clone()).await;
            let mut reg = registration(
                &home,
                identity("Amina", None, BirthDate::Year { year: 2012 }),
            );
            reg.assigned_to = Some(if standing == Standing::Lead {
                me.clone()
            } else {
                lead.clone()
            });
            let r = env.store.register_child(&admin(), reg).await.unwrap();
            let case = r.case_id.clone();
            match standing {
                Standing::Team => env.store.add_team_member(&admin(), &case, &me).await,
                Standing::HandedOverBy => env.store.set_handed_over_by(&admin(), &case, &me).await,
                Standing::Receiving => {
                    let id = env
                        .store
                        .refer(
                            &operator,
                            &case,
                            NewReferral {
                                to_agency: receiving.clone(),
                                sections: shared.clone(),
                                reason: note("Family support near the child's home"),
                                override_justification: Some(note(
                                    "Walk of the write policy: consent set aside",
                                )),
                            },
                        )
                        .await
                        .unwrap();
                    env.store
                        .move_referral(
                            &admin(),
                            &id,
                            pelita_domain::referral::ReferralStatus::Accepted,
                            None,
                        )
                        .await
                }
                _ => Ok(()),
            }
            .unwrap();
            // The child and caregiver agreed to a referral to health services: a referral
            // there meets only the write table.
            for giver in [Giver::Child, Giver::Caregiver] {
                let entry = Entry {
                    purpose: Purpose::Referral(Sector::Health),
                    giver,
                    decision: Decision::Given,
                    on: today,
                    expires: None,
                };
                env.store
                    .record_consent(&admin(), &case, entry, None)
                    .await
                    .unwrap();
            }
            let reader = Reader {
                id: me.clone(),
                role,
                agency_id: Some(at.clone()),
            };
            if env.store.case_meta(&case).await.unwrap().standing(&reader) != standing {
                // Unreachable for this role (a supervisor in the holding agency stands as its
                // supervisor, another role never does).
                continue;
            }
            reached.insert(standing);
            let actor = env.store.act_as(&me).await.unwrap();
            let mut changes = Change::all();
            // Closing last: the other changes are tried on an open case.
            changes.retain(|c| *c != Change::Close);
            changes.push(Change::Close);
            for change in changes {
                let s = &env.store;
                let result = match change {
                    Change::Identity => {
                        s.update_identity(
                            &actor,
                            &r.child_id,
                            identity("Amina", Some("R"), BirthDate::Year { year: 2012 }),
                        )
                        .await
                    }
                    Change::Circumstances => {
                        s.record_circumstances(&actor, &case, circumstances()).await
                    }
                    Change::Status => {
                        s.set_priority(
                            &actor,
                            &case,
                            Priority::new(PriorityLevel::High, "urgent medical follow-up").unwrap(),
                        )
                        .await
                    }
                    Change::Close => {
                        s.move_case(
                            &actor,
                            &case,
                            CaseStatus::Closed,
                            Some("reintegrated".into()),
                        )
                        .await
                    }
                    Change::Team => {
                        let keep = s.case_meta(&case).await.unwrap().assigned_to;
                        s.assign(&actor, &case, keep).await
                    }
                    Change::Note(section) => s
                        .add_note(&actor, &case, section, note("seen today"))
                        .await
                        .map(|_| ()),
                    Change::Consent => {
                        let entry = Entry {
                            purpose: Purpose::Research,
                            giver: Giver::Caregiver,
                            decision: Decision::Refused,
                            on: today,
                            expires: None,
                        };
                        s.record_consent(&actor, &case, entry, None)
                            .await
                            .map(|_| ())
                    }
                    Change::Refer | Change::ConsentOverride => {
                        let (to, section, justification) = if change == Change::Refer {
                            (&clinic, Section::Health, None)
                        } else {
                            (
                                &school,
                                Section::Education,
                                Some(note("School re-entry cannot wait for the caregiver")),
                            )
                        };
                        s.refer(
                            &actor,
                            &case,
                            NewReferral {
                                to_agency: to.clone(),
                                sections: vec![section],
                                reason: note("Needs the service near home"),
                                override_justification: justification,
                            },
                        )
                        .await
                        .map(|_| ())
                    }
                    Change::Assessment(section) => {
                        let a = NewAssessment {
                            on: today,
                            language: "id".into(),
                            assent: pelita_store::Assent::Given,
                            present: None,
                            answers: Default::default(),
                        };
                        s.record_assessment(&actor, &case, &instrument(section), a)
                            .await
                            .map(|_| ())
                    }
                    Change::Plan => {
                        let plan = Plan {
                            goals: vec![],
                            child_views: Views::Recorded(note("wants to go back to school")),
                            caregiver_views: Views::Missing,
                            review_on: None,
                        };
                        s.save_plan(&actor, &case, plan).await
                    }
                    Change::ApprovePlan => s.approve_plan(&actor, &case).await,
                    Change::Conference => {
                        let who = |n: &str| Participant {
                            name: name(n),
                            organisation: None,
                            role: ParticipantRole::CaseWorker,
                        };
                        let c = Conference {
                            held_on: today,
                            participants: vec![who("Sari"), who("Budi")],
                            minutes: note("Reviewed the week"),
                            child_views: Views::Missing,
                            decisions: vec![],
                            tasks: vec![],
                        };
                        let times = pelita_domain::task::ResponseTimes::default();
                        s.record_conference(&actor, &case, c, &times)
                            .await
                            .map(|_| ())
                    }
                    Change::Household => {
                        let h = Household {
                            living: None,
                            members: vec![],
                        };
                        s.save_household(&actor, &case, h).await
                    }
                    Change::Interview(section) => {
                        let purpose = pelita_domain::interview::Purpose::ALL
                            .into_iter()
                            .find(|p| p.section() == section)
                            .unwrap();
                        let i = NewInterview {
                            held_on: today,
                            purpose,
                            present: None,
                            reason: Some(note("the court asked for it this week")),
                        };
                        s.record_interview(&actor, &case, i, 30).await.map(|_| ())
                    }
                    Change::Justice => {
                        s.record_family_contact(
                            &actor,
                            &case,
                            today,
                            pelita_store::ContactKind::Visit,
                        )
                        .await
                    }
                    Change::CourtOrder => {
                        s.open_sealed_justice(&actor, &case, note("PN Jakarta 12/2026"))
                            .await
                    }
                    Change::Expunge => {
                        s.expunge_justice(&actor, &case, note("PN Jakarta 13/2026"))
                            .await
                    }
                    Change::Repatriation => s
                        .change_repatriation(&actor, &case, RepatriationChange::Open { with: None })
                        .await
                        .map(|_| ()),
                };
                let expected = write::may_change(role, change, standing)
                    && (standing != Standing::Receiving || shared.contains(&change.section()));
                let refused = match &result {
                    Err(StoreError::Forbidden) => true,
                    // The consent gate answers a non-supervisor's override before the store
                    // reaches the table, with its own refusal.
                    Err(StoreError::Domain(_)) if change == Change::ConsentOverride => {
                        role != Role::Supervisor
                    }
                    _ => false,
                };
                assert_eq!(
                    !refused,
                    expected,
                    "{role} / {} / {}: {result:?}",
                    change.label(),
                    standing.as_str()
                );
                cells += 1;
            }
        }
    }
    assert_eq!(reached.len(), Standing::ALL.len(), "{reached:?}");
    assert!(cells > Role::ALL.len() * 5 * Change::all().len(), "{cells}");

    // An actor cannot be built by hand (the `compile_fail` example on `Actor`); one the store
    // made goes stale. A supervisor moved to teaching keeps the actor made while a
    // supervisor, and it is refused: the store reads the role the account has now.
    let teacher = user("teacher".into(), Role::Supervisor, home.clone()).await;
    let stale = env.store.act_as(&teacher).await.unwrap();
    env.store
        .set_role(&admin(), &teacher, Role::Education)
        .await
        .unwrap();
    let mut reg = registration(
        &home,
        identity("Putri", None, BirthDate::Year { year: 2013 }),
    );
    reg.assigned_to = Some(lead.clone());
    let case = env
        .store
        .register_child(&admin(), reg)
        .await
        .unwrap()
        .case_id;
    env.store
        .add_team_member(&admin(), &case, &teacher)
        .await
        .unwrap();
    assert_eq!(stale.role(), Role::Supervisor);
    assert!(matches!(
        env.store
            .move_case(&stale, &case, CaseStatus::Closed, Some("stale".into()))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        env.store
            .add_note(&stale, &case, Section::Psychosocial, note("x"))
            .await,
        Err(StoreError::Forbidden)
    ));
    // What the teacher may change, the same actor still changes.
    env.store
        .add_note(&stale, &case, Section::Education, note("reading well"))
        .await
        .unwrap();
    // An id shaped like the operator's is no operator, and an unknown account is no actor.
    for id in ["system:test", "no-such-user"] {
        assert!(matches!(
            env.store.act_as(id).await,
            Err(StoreError::NotFound)
        ));
    }
    // A disabled account changes nothing, with an actor made before or after.
    let lead_actor = env.store.act_as(&lead).await.unwrap();
    env.store.set_disabled(&admin(), &lead, true).await.unwrap();
    assert!(matches!(
        env.store
            .add_note(&lead_actor, &case, Section::Plan, note("after leaving"))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        env.store.act_as(&lead).await,
        Err(StoreError::Forbidden)
    ));
}

/// Invariant 10: every change to a case by someone other than its assigned worker leaves that
/// worker an alert — of every kind, as each command declares what it changes — and a change
/// by the worker themself leaves none.
async fn every_change_by_someone_else_alerts_the_assigned_worker(env: &Env) {
    let agency = env.agency("DSS").await;
    let person = |name: &str, role| NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
        agency_id: Some(agency.clone()),
        password_hash: "not used".into(),
    };
    let lead = env
        .store
        .create_user(&admin(), person("lead", Role::CaseWorker))
        .await
        .unwrap();
    let sup = env
        .store
        .create_user(&admin(), person("sup", Role::Supervisor))
        .await
        .unwrap();
    let (lead, sup) = (
        env.store.act_as(&lead).await.unwrap(),
        env.store.act_as(&sup).await.unwrap(),
    );
    let mut reg = registration(
        &agency,
        identity("Nadia", None, BirthDate::Year { year: 2012 }),
    );
    reg.assigned_to = Some(lead.id().to_owned());
    let r = env.store.register_child(&lead, reg).await.unwrap();
    let whats = || async {
        env.store
            .alerts(lead.id())
            .await
            .unwrap()
            .iter()
            .map(|a| {
                serde_json::from_str::<serde_json::Value>(&a.detail).unwrap()["what"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect::<Vec<_>>()
    };
    // The lead's own change: no alert.
    env.store
        .add_note(
            &lead,
            &r.case_id,
            Section::Family,
            NoteText::parse("visit").unwrap(),
        )
        .await
        .unwrap();
    assert!(whats().await.is_empty());
    env.store
        .update_identity(
            &sup,
            &r.child_id,
            identity("Nadia", Some("Rahman"), BirthDate::Year { year: 2012 }),
        )
        .await
        .unwrap();
    let i = pelita_store::NewInterview {
        held_on: today().date_naive(),
        purpose: pelita_domain::interview::Purpose::Health,
        present: None,
        reason: None,
    };
    env.store
        .record_interview(&sup, &r.case_id, i, 30)
        .await
        .unwrap();
    env.store
        .assign(&sup, &r.case_id, Some(lead.id().to_owned()))
        .await
        .unwrap();
    env.store
        .set_priority(
            &sup,
            &r.case_id,
            Priority::new(PriorityLevel::High, "urgent medical follow-up").unwrap(),
        )
        .await
        .unwrap();
    let mut got = whats().await;
    got.sort();
    assert_eq!(got, ["identity", "interview", "priority", "team"]);
    // Reassigned: the worker who had the case learns it left her, the new one that it came.
    let next = env.account("next", Role::CaseWorker, &agency).await;
    env.store
        .assign(&sup, &r.case_id, Some(next.clone()))
        .await
        .unwrap();
    assert_eq!(whats().await.iter().filter(|w| *w == "team").count(), 2);
    assert_eq!(env.store.alerts(&next).await.unwrap().len(), 1);
}

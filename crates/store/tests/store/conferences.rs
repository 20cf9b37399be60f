//! Case conferences and the tasks they assign.

use crate::*;

both!(
    conferences_tasks_and_households,
    the_task_chooser_offers_the_cases_staff_not_the_deployments,
);

async fn conferences_tasks_and_households(env: &Env) {
    use pelita_domain::conference::{
        Conference, Decision, DecisionKind, Participant, ParticipantRole,
    };
    use pelita_domain::plan::Views;
    use pelita_domain::task::{NewTask, ResponseTimes, TaskKind};
    let agency = env.agency("DSS").await;
    let mut users = Vec::new();
    for who in ["sari", "budi"] {
        users.push(
            env.store
                .create_user(
                    &admin(),
                    NewUser {
                        username: who.into(),
                        display_name: who.into(),
                        role: Role::CaseWorker,
                        agency_id: Some(agency.clone()),
                        password_hash: pelita_store::hash_password("correct horse battery"),
                    },
                )
                .await
                .unwrap(),
        );
    }
    let sari = env.store.act_as(&users[0]).await.unwrap();
    let budi = env.store.act_as(&users[1]).await.unwrap();
    let mut reg = registration(
        &agency,
        identity("Amina", None, BirthDate::Year { year: 2012 }),
    );
    reg.assigned_to = Some(sari.id().to_owned());
    let case = env.store.register_child(&sari, reg).await.unwrap().case_id;
    let times = ResponseTimes::default();
    let tasks = |u: String| {
        let a = agency.clone();
        async move {
            env.store
                .my_tasks(&u, Some(&a), true, false, &times)
                .await
                .unwrap()
        }
    };
    // A new medium-priority case: its first assessment is due in 3 days.
    let first = tasks(sari.id().to_owned()).await;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].kind, TaskKind::Assessment);
    assert_eq!(first[0].due, today() + chrono::TimeDelta::days(3));

    let who = |n: &str, role| Participant {
        name: name(n),
        organisation: None,
        role,
    };
    let note = |s: &str| NoteText::parse(s).unwrap();
    let mut c = Conference {
        held_on: today().date_naive(),
        participants: vec![
            who("Sari", ParticipantRole::CaseWorker),
            who("Dr Rahman", ParticipantRole::Psychologist),
        ],
        minutes: note("Reviewed the assessment"),
        child_views: Views::Recorded(note("Wants to live with her aunt")),
        decisions: vec![Decision {
            kind: DecisionKind::Placement,
            text: note("Placement with the maternal aunt"),
            best_interests: note("Family-based care near her school"),
            dissent: vec![],
        }],
        tasks: vec![NewTask {
            text: note("Visit the aunt's home"),
            assignee: "nobody".into(),
            priority: PriorityLevel::High,
            due_on: None,
        }],
    };
    // A placement decided without a child-protection lead is refused; nothing is saved.
    let refused = env
        .store
        .record_conference(&sari, &case, c.clone(), &times)
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Domain(DomainError::ChildProtectionLeadRequired))
    ));
    c.participants
        .push(who("Ayu", ParticipantRole::ChildProtectionLead));
    // A task for someone who is not a user fails the whole record.
    assert!(
        env.store
            .record_conference(&sari, &case, c.clone(), &times)
            .await
            .is_err()
    );
    assert!(
        env.store
            .read_conferences(&grant(&case, Section::Plan))
            .await
            .unwrap()
            .is_empty()
    );
    c.tasks[0].assignee = budi.id().to_owned();
    env.store
        .record_conference(&sari, &case, c.clone(), &times)
        .await
        .unwrap();
    let held = env
        .store
        .read_conferences(&grant(&case, Section::Plan))
        .await
        .unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].record, Readable::Present(c.clone()));
    // Budi's task is due in 24 hours (high priority), with its text; Budi is alerted.
    let budi_tasks = tasks(budi.id().to_owned()).await;
    assert_eq!(budi_tasks.len(), 1);
    assert_eq!(budi_tasks[0].kind, TaskKind::Conference);
    assert_eq!(budi_tasks[0].due, today() + chrono::TimeDelta::hours(24));
    assert_eq!(budi_tasks[0].text.as_deref(), Some("Visit the aunt's home"));
    assert!(
        env.store
            .alerts(budi.id())
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "task")
    );
    // Only the assignee (or a supervisor of the agency) marks it done, once.
    let task = budi_tasks[0].id.clone();
    assert!(matches!(
        env.store.complete_task(&sari, &task).await,
        Err(StoreError::Forbidden)
    ));
    env.store.complete_task(&budi, &task).await.unwrap();
    // The case's worker learns the task was done (a change to her case by someone else).
    assert!(
        env.store
            .alerts(sari.id())
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "changed" && a.detail.contains(r#""what":"task""#))
    );
    assert!(env.store.complete_task(&budi, &task).await.is_err());
    assert!(tasks(budi.id().to_owned()).await.is_empty());

    // The household: sealed in the family section; a caregiver barred from contact is refused.
    use pelita_domain::family::{Household, Kinship, Living, Member};
    let mut h = Household {
        living: Some(Living::WithRelatives),
        members: vec![Member {
            name: name("Siti"),
            kinship: Kinship::AuntOrUncle,
            caregiver: true,
            lives_with_child: true,
            no_contact: true,
            note: None,
        }],
    };
    assert!(
        env.store
            .save_household(&sari, &case, h.clone())
            .await
            .is_err()
    );
    h.members[0].no_contact = false;
    env.store
        .save_household(&sari, &case, h.clone())
        .await
        .unwrap();
    let read = env
        .store
        .read_household(&grant(&case, Section::Family))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.household, Readable::Present(h));
    let actions: Vec<String> = env
        .store
        .audit_events(50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for a in ["conference.record", "task.complete", "household.save"] {
        assert!(actions.iter().any(|x| x == a), "{a} is audited");
    }
}

/// The chooser of a conference task's person: the case's agency, the agencies it was referred
/// to and its team — never another agency's staff, never an account that does not work with
/// children or is disabled — the lead and team first, narrowed by what was typed, and never
/// more than a phone can show.
async fn the_task_chooser_offers_the_cases_staff_not_the_deployments(env: &Env) {
    use pelita_domain::conference::{Conference, Participant, ParticipantRole};
    use pelita_domain::plan::Views;
    use pelita_domain::task::{NewTask, ResponseTimes};
    let agency = env.agency("DSS").await;
    let other = env.agency("OTHER").await;
    let health = env.agency_in("PKM", Sector::Health).await;
    let lead = env.account("lead", Role::CaseWorker, &agency).await;
    let sari = env.account("sari", Role::Psychologist, &agency).await;
    let admin_id = env.account("admin", Role::Administrator, &agency).await;
    let gone = env.account("gone", Role::CaseWorker, &agency).await;
    env.store.set_disabled(&admin(), &gone, true).await.unwrap();
    let nurse = env.account("nurse", Role::Health, &health).await;
    for i in 0..30 {
        env.account(&format!("far{i:02}"), Role::CaseWorker, &other)
            .await;
    }
    let case = env
        .case(&agency, "Ani", BirthDate::Year { year: 2012 })
        .await;
    env.store
        .assign(&worker(), &case, Some(lead.clone()))
        .await
        .unwrap();
    let team_far = env.account("zz-team", Role::CaseWorker, &other).await;
    env.store
        .add_team_member(&worker(), &case, &team_far)
        .await
        .unwrap();
    let ids = |v: Vec<pelita_store::User>| v.into_iter().map(|u| u.id).collect::<Vec<_>>();
    let offered = ids(env.store.conference_staff(&case, "").await.unwrap());
    // The lead and the team first, then the agency's staff by name.
    assert_eq!(offered, [lead.clone(), team_far.clone(), sari.clone()]);
    assert!(!offered.contains(&admin_id) && !offered.contains(&gone));
    assert!(
        !offered.contains(&nurse),
        "no referral to the health centre yet"
    );
    assert_eq!(
        ids(env.store.conference_staff(&case, "SAR").await.unwrap()),
        [sari]
    );
    // Another agency's staff are not found by name, nor is a wildcard one.
    for typed in ["far0", "%", "_"] {
        let found = env.store.conference_staff(&case, typed).await.unwrap();
        assert!(found.is_empty(), "{typed}");
    }
    // Many colleagues: the chooser shows at most a screenful and narrows by typing.
    for i in 0..30 {
        env.account(&format!("near{i:02}"), Role::CaseWorker, &agency)
            .await;
    }
    let many = env.store.conference_staff(&case, "").await.unwrap();
    assert_eq!(many.len() as i64, pelita_store::STAFF_OFFERED);
    assert_eq!(
        ids(env.store.conference_staff(&case, "near07").await.unwrap()).len(),
        1
    );
    // The writer holds to the same people: a task for another agency's worker is refused,
    // and nothing is recorded; for the team's member from that agency it is taken.
    let chair = env.store.act_as(&lead).await.unwrap();
    let far = env
        .store
        .user_by_username("far00")
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    let with_task = |assignee: &str| Conference {
        held_on: today().date_naive(),
        participants: vec![
            Participant {
                name: name("Lead"),
                organisation: None,
                role: ParticipantRole::CaseWorker,
            },
            Participant {
                name: name("Sari"),
                organisation: None,
                role: ParticipantRole::Psychologist,
            },
        ],
        minutes: NoteText::parse("Review of the school plan").unwrap(),
        child_views: Views::Recorded(NoteText::parse("Likes the new class").unwrap()),
        decisions: vec![],
        tasks: vec![NewTask {
            text: NoteText::parse("Meet the teacher").unwrap(),
            assignee: assignee.into(),
            priority: PriorityLevel::Medium,
            due_on: None,
        }],
    };
    let times = ResponseTimes::default();
    let refused = env
        .store
        .record_conference(&chair, &case, with_task(&far), &times)
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Domain(DomainError::Invalid {
                field: "assignee"
            }))
        ),
        "{refused:?}"
    );
    assert!(
        env.store
            .read_conferences(&grant(&case, Section::Plan))
            .await
            .unwrap()
            .is_empty()
    );
    env.store
        .record_conference(&chair, &case, with_task(&team_far), &times)
        .await
        .unwrap();
    let names = env
        .store
        .display_names(&[lead.clone(), team_far.clone()])
        .await
        .unwrap();
    assert_eq!(names[&lead], "lead");
    assert_eq!(names[&team_far], "zz-team");
}

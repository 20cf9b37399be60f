//! "My work" as a workbench: the supervisor's queue (their agency only), alerts dismissed one
//! case at a time (for that person only), the case list filtered and paged with only the names
//! shown logged.

use pelita_domain::plan::{Plan, Views};
use pelita_domain::task::{ResponseTimes, TaskKind};
use pelita_store::{CaseFilter, Reader};

use crate::*;

both!(
    a_supervisor_s_queue_holds_only_their_agency,
    dismissing_a_case_s_alerts_leaves_other_cases_and_other_people_alone,
    the_case_list_is_filtered_and_paged_and_logs_only_the_names_shown
);

fn reader(id: &str, role: Role, agency: &str) -> Reader {
    Reader {
        id: id.into(),
        role,
        agency_id: Some(agency.into()),
    }
}

async fn case_of_worker(env: &Env, agency: &str, worker: &str, given: &str) -> String {
    let mut reg = registration(
        agency,
        identity(given, None, BirthDate::Year { year: 2012 }),
    );
    reg.assigned_to = Some(worker.into());
    env.store
        .register_child(&admin(), reg)
        .await
        .unwrap()
        .case_id
}

fn draft() -> Plan {
    Plan {
        goals: vec![],
        child_views: Views::Missing,
        caregiver_views: Views::Missing,
        review_on: None,
    }
}

async fn a_supervisor_s_queue_holds_only_their_agency(env: &Env) {
    let (home, away) = (env.agency("HOME").await, env.agency("AWAY").await);
    let sup = env.account("sup", Role::Supervisor, &home).await;
    let lead = env.account("lead", Role::CaseWorker, &home).await;
    let other = env.account("other", Role::CaseWorker, &away).await;
    let ours = case_of_worker(env, &home, &lead, "Amina").await;
    let theirs = case_of_worker(env, &away, &other, "Budi").await;
    for case in [&ours, &theirs] {
        env.store.save_plan(&worker(), case, draft()).await.unwrap();
    }
    let times = ResponseTimes::default();
    // A week later the first assessment of the medium-priority case is overdue.
    env.clock.set(today() + chrono::TimeDelta::days(8));
    let q = env
        .store
        .supervisor_queue(&reader(&sup, Role::Supervisor, &home), &times)
        .await
        .unwrap();
    let plans: Vec<&str> = q.plans.iter().map(|p| p.case_id.as_str()).collect();
    assert_eq!(plans, [ours.as_str()], "only the plan of the agency's case");
    assert_eq!(q.plans[0].worker.as_deref(), Some("lead"));
    let team: Vec<(&str, i64)> = q
        .team
        .iter()
        .map(|w| (w.name.as_str(), w.open_cases))
        .collect();
    assert_eq!(team, [("lead", 1), ("sup", 0)], "the agency's people only");
    let overdue: Vec<(TaskKind, &str)> = q.team[0]
        .overdue
        .iter()
        .map(|t| (t.kind, t.case_id.as_str()))
        .collect();
    assert_eq!(overdue, [(TaskKind::Assessment, ours.as_str())]);
    // Anyone but a supervisor is refused, whatever role the caller claims for them.
    assert_forbidden(
        env.store
            .supervisor_queue(&reader(&lead, Role::CaseWorker, &home), &times)
            .await,
    );
    assert_forbidden(
        env.store
            .supervisor_queue(&reader(&lead, Role::Supervisor, &home), &times)
            .await,
    );
    // An approved plan leaves the queue.
    env.store
        .save_plan(&worker(), &ours, draft())
        .await
        .unwrap();
    env.tamper(&format!(
        "UPDATE plans SET status = 'approved' WHERE case_id = '{ours}'"
    ))
    .await;
    let q = env
        .store
        .supervisor_queue(&reader(&sup, Role::Supervisor, &home), &times)
        .await
        .unwrap();
    assert!(q.plans.is_empty());
}

async fn dismissing_a_case_s_alerts_leaves_other_cases_and_other_people_alone(env: &Env) {
    let home = env.agency("HOME").await;
    let sup = env.account("sup", Role::Supervisor, &home).await;
    let lead = env.account("lead", Role::CaseWorker, &home).await;
    let next = env.account("next", Role::CaseWorker, &home).await;
    let first = case_of_worker(env, &home, &lead, "Amina").await;
    let second = case_of_worker(env, &home, &lead, "Budi").await;
    let s = env.store.act_as(&sup).await.unwrap();
    let high = || Priority::new(PriorityLevel::High, "no safe caregiver").unwrap();
    env.store.set_priority(&s, &first, high()).await.unwrap();
    env.store.set_priority(&s, &second, high()).await.unwrap();
    // The first case goes to another worker, who is then told of a change to it.
    env.store
        .assign(&s, &first, Some(next.clone()))
        .await
        .unwrap();
    env.store
        .set_priority(
            &s,
            &first,
            Priority::new(PriorityLevel::Medium, "settled with her aunt").unwrap(),
        )
        .await
        .unwrap();
    let groups = env.store.alert_groups(&lead).await.unwrap();
    let cases: Vec<Option<&str>> = groups.iter().map(|g| g.case_id.as_deref()).collect();
    assert_eq!(cases.len(), 2, "{groups:?}");
    assert!(cases.contains(&Some(first.as_str())) && cases.contains(&Some(second.as_str())));
    let of_first = groups
        .iter()
        .find(|g| g.case_id.as_deref() == Some(first.as_str()))
        .unwrap();
    assert!(of_first.alerts.len() >= 2, "both changes, one group");
    assert!(of_first.reference.is_some());
    let next_before = env.store.alerts(&next).await.unwrap();
    assert!(
        next_before
            .iter()
            .any(|a| a.case_id.as_deref() == Some(first.as_str()))
    );

    let l = env.store.act_as(&lead).await.unwrap();
    env.store.mark_case_alerts_read(&l, &first).await.unwrap();
    let left: Vec<Option<String>> = env
        .store
        .alerts(&lead)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.case_id)
        .collect();
    assert!(!left.is_empty());
    assert!(
        left.iter().all(|c| c.as_deref() == Some(second.as_str())),
        "only the first case's alerts are read: {left:?}"
    );
    assert_eq!(
        env.store.alerts(&next).await.unwrap(),
        next_before,
        "another person's alerts about the same case stay"
    );
    assert!(env.audited().await.contains(&"alerts.read".to_owned()));
}

async fn the_case_list_is_filtered_and_paged_and_logs_only_the_names_shown(env: &Env) {
    let (home, away) = (env.agency("HOME").await, env.agency("AWAY").await);
    let lead = env.account("lead", Role::CaseWorker, &home).await;
    let other = env.account("other", Role::CaseWorker, &away).await;
    let mut cases = Vec::new();
    for i in 0..27u8 {
        let given = format!(
            "Anak{}",
            char::from(b'a' + i % 26)
                .to_string()
                .repeat(1 + usize::from(i / 26))
        );
        cases.push(case_of_worker(env, &home, &lead, &given).await);
    }
    let elsewhere = case_of_worker(env, &away, &other, "Citra").await;
    for c in &cases[..3] {
        env.store
            .set_priority(
                &worker(),
                c,
                Priority::new(PriorityLevel::High, "no safe caregiver").unwrap(),
            )
            .await
            .unwrap();
    }
    let me = reader(&lead, Role::CaseWorker, &home);
    let logged = || async {
        env.store
            .access_log(10_000)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.reader == lead && e.section == "identity")
            .count()
    };
    let first = env
        .store
        .read_workbench(
            &me,
            &CaseFilter::default(),
            std::slice::from_ref(&elsewhere),
        )
        .await
        .unwrap();
    assert_eq!((first.cases.len(), first.total), (25, 27));
    // The high-priority cases first.
    assert!(
        first.cases[..3]
            .iter()
            .all(|w| w.meta.priority == PriorityLevel::High)
    );
    // A case of another agency the reader does not hold is never named.
    assert!(!first.names.contains_key(&elsewhere));
    assert_eq!(logged().await, 25, "one read of identity per name shown");
    let second = env
        .store
        .read_workbench(
            &me,
            &CaseFilter {
                page: 1,
                ..CaseFilter::default()
            },
            &[],
        )
        .await
        .unwrap();
    assert_eq!(second.cases.len(), 2);
    // A case a task or an alert names, beyond the page shown, is named too.
    let beyond = second.cases[0].meta.id.clone();
    let named = env
        .store
        .read_workbench(&me, &CaseFilter::default(), std::slice::from_ref(&beyond))
        .await
        .unwrap();
    assert!(named.names.contains_key(&beyond));
    let mut all: Vec<String> = first
        .cases
        .iter()
        .chain(&second.cases)
        .map(|w| w.meta.id.clone())
        .collect();
    all.sort();
    let mut expected = cases.clone();
    expected.sort();
    assert_eq!(all, expected, "the two pages hold every case once");
    let high = env
        .store
        .read_workbench(
            &me,
            &CaseFilter {
                priority: Some(PriorityLevel::High),
                ..CaseFilter::default()
            },
            &[],
        )
        .await
        .unwrap();
    assert_eq!(high.total, 3);
    let only = env
        .store
        .read_workbench(
            &me,
            &CaseFilter {
                only: Some(vec![cases[5].clone(), elsewhere.clone()]),
                status: Some(CaseStatus::Registered),
                ..CaseFilter::default()
            },
            &[],
        )
        .await
        .unwrap();
    let ids: Vec<&str> = only.cases.iter().map(|w| w.meta.id.as_str()).collect();
    assert_eq!(
        ids,
        [cases[5].as_str()],
        "only held cases, even when asked for others"
    );
    // A case she works on in Malaysia (on its team): the jurisdiction filter tells it apart.
    let kl = env
        .store
        .create_agency(
            &admin(),
            pelita_store::NewAgency {
                code: "KL".into(),
                name: "Agency KL".into(),
                sector: Sector::ChildProtection,
                jurisdiction: "MY".into(),
            },
        )
        .await
        .unwrap();
    let kl_worker = env.account("aisyah", Role::CaseWorker, &kl).await;
    let abroad = case_of_worker(env, &kl, &kl_worker, "Nurul").await;
    env.store
        .add_team_member(&admin(), &abroad, &lead)
        .await
        .unwrap();
    let me = &me;
    let within = |j: &str| {
        let f = CaseFilter {
            jurisdiction: Some(j.into()),
            ..CaseFilter::default()
        };
        async move { env.store.read_workbench(me, &f, &[]).await.unwrap() }
    };
    let my = within("MY").await;
    assert_eq!(
        (my.total, my.cases[0].meta.id.as_str()),
        (1, abroad.as_str())
    );
    assert_eq!(within("ID").await.total, 27);
    assert_eq!(within("BD").await.total, 0);
}

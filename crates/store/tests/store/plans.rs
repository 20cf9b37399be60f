//! The reintegration plan: a draft any worker saves, an approval only a supervisor gives under
//! the domain's rule (an assessment of the child, the child's views, goals), and progress on
//! its actions.

use pelita_domain::assessment::Instrument;
use pelita_domain::plan::{Action, ActionStatus, Goal, GoalKind, Plan, Views};
use pelita_store::{Assent, NewAssessment};

use crate::*;

both!(a_plan_is_approved_by_a_supervisor_after_an_assessment_with_the_childs_views);

/// A status no record stands on, as any role asks it: refused with the rule, nothing moved.
async fn refused_without_records(env: &Env, case: &str, who: &Actor, to: CaseStatus) {
    let before = status_of(env, case).await;
    let refused = env.store.move_case(who, case, to, None).await;
    assert!(
        matches!(
            &refused,
            Err(StoreError::Domain(DomainError::StatusNeedsRecords { to: t })) if *t == to.as_str()
        ),
        "{to:?} from {before:?}: {refused:?}"
    );
    assert_eq!(status_of(env, case).await, before);
}

fn plan(agency: &str, child_views: Views) -> Plan {
    Plan {
        goals: vec![Goal {
            domain: "education".into(),
            kind: GoalKind::Reintegration,
            text: note("Back to school in January"),
            actions: vec![Action {
                text: note("Enrol at the village school"),
                agency: agency.into(),
                person: None,
                due: Some(d(2027, 1, 5)),
                status: ActionStatus::Planned,
                activity: None,
            }],
        }],
        child_views,
        caregiver_views: Views::Missing,
        review_on: Some(d(2027, 2, 28)),
    }
}

async fn a_plan_is_approved_by_a_supervisor_after_an_assessment_with_the_childs_views(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = env
        .case(&agency, "Amina", BirthDate::Year { year: 2012 })
        .await;
    let case = case.as_str();
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    let heard = Views::Recorded(note("I want to study to be a nurse"));
    let read = || async {
        env.store
            .read_plan(&grant(case, Section::Plan))
            .await
            .unwrap()
    };
    let approve = |who: Actor| async move {
        match env.store.approve_plan(&who, case).await {
            Err(StoreError::Domain(e)) => Err(e),
            Err(other) => panic!("{other:?}"),
            Ok(()) => Ok(()),
        }
    };
    assert_eq!(read().await, None);
    // The status follows the records: nobody may call the child assessed without an
    // assessment, nor planned without an approved plan — a supervisor neither.
    refused_without_records(env, case, &worker(), CaseStatus::Assessed).await;
    refused_without_records(env, case, &supervisor, CaseStatus::Assessed).await;
    assert!(matches!(
        env.store.approve_plan(&supervisor, case).await,
        Err(StoreError::NotFound)
    ));
    // A review date before 2000 is no date.
    let mut old = plan(&agency, heard.clone());
    old.review_on = Some(d(1999, 12, 31));
    assert!(env.store.save_plan(&worker(), case, old).await.is_err());
    assert_eq!(read().await, None, "nothing saved");

    env.store
        .save_plan(&worker(), case, plan(&agency, Views::Missing))
        .await
        .unwrap();
    let draft = read().await.unwrap();
    assert_eq!(draft.plan, Readable::Present(plan(&agency, Views::Missing)));
    assert!(!draft.approved);
    assert_eq!(draft.updated_by, "system:worker-1");

    // One reason at a time: a supervisor's, then an assessment of the child, then the views.
    assert_eq!(approve(worker()).await, Err(DomainError::SupervisorOnly));
    assert_eq!(
        approve(supervisor.clone()).await,
        Err(DomainError::AssessmentRequired)
    );
    // Neither a child who refused to be assessed nor the family's assessment counts.
    let assess = |instrument: Instrument, assent| async move {
        let a = NewAssessment {
            on: today().date_naive(),
            language: "id".into(),
            assent,
            present: None,
            answers: Default::default(),
        };
        env.store
            .record_assessment(&worker(), case, &instrument, a)
            .await
            .unwrap();
    };
    let family = Instrument::defaults()
        .into_iter()
        .find(|i| i.section == Section::Family)
        .unwrap();
    assess(Instrument::default_instrument(), Assent::Refused).await;
    assess(family, Assent::Given).await;
    assert_eq!(
        approve(supervisor.clone()).await,
        Err(DomainError::AssessmentRequired)
    );
    assert_eq!(status_of(env, case).await, CaseStatus::Registered);
    refused_without_records(env, case, &worker(), CaseStatus::Assessed).await;
    assess(Instrument::default_instrument(), Assent::Given).await;
    // The assessment carried the case to "assessed", audited as a move that follows it.
    assert_eq!(status_of(env, case).await, CaseStatus::Assessed);
    let moved = env.last_event().await;
    assert_eq!(moved.action, "case.move");
    assert!(
        moved.detail.contains("assessment.record"),
        "{}",
        moved.detail
    );
    // A saved, unapproved plan is no plan yet: "planned" waits for the approval.
    refused_without_records(env, case, &supervisor, CaseStatus::Planned).await;
    assert_eq!(
        approve(supervisor.clone()).await,
        Err(DomainError::ChildViewsRequired)
    );
    // No goals: nothing to approve.
    let empty = Plan {
        goals: vec![],
        ..plan(&agency, heard.clone())
    };
    env.store.save_plan(&worker(), case, empty).await.unwrap();
    assert_eq!(
        approve(supervisor.clone()).await,
        Err(DomainError::Required { field: "goals" })
    );
    assert!(
        !read().await.unwrap().approved,
        "every refusal changed nothing"
    );
    // Why the child's views could not be recorded is itself a record.
    let infant = Views::NotPossible(note("Too unwell to talk this week"));
    env.store
        .save_plan(&worker(), case, plan(&agency, infant))
        .await
        .unwrap();
    approve(supervisor.clone()).await.unwrap();
    assert_eq!(status_of(env, case).await, CaseStatus::Planned);
    env.store
        .save_plan(&worker(), case, plan(&agency, heard.clone()))
        .await
        .unwrap();
    assert!(
        !read().await.unwrap().approved,
        "a changed plan needs approval again"
    );
    // The approval lapsed, but the case does not go back; no move forward stands on it.
    assert_eq!(status_of(env, case).await, CaseStatus::Planned);
    refused_without_records(env, case, &worker(), CaseStatus::InProgress).await;
    approve(supervisor.clone()).await.unwrap();
    let approved = read().await.unwrap();
    assert!(approved.approved);
    assert_eq!(approved.approved_by.as_deref(), Some("system:supervisor-1"));

    // Progress on an action keeps the approval; an action that is not there is not found.
    env.store
        .set_action_status(&worker(), case, 0, 0, ActionStatus::InProgress)
        .await
        .unwrap();
    // An action under way carries the case to "in progress".
    assert_eq!(status_of(env, case).await, CaseStatus::InProgress);
    assert!(matches!(
        env.store
            .set_action_status(&worker(), case, 0, 1, ActionStatus::Done)
            .await,
        Err(StoreError::NotFound)
    ));
    let progressed = read().await.unwrap();
    assert!(progressed.approved);
    let Readable::Present(p) = progressed.plan else {
        panic!("the plan is readable")
    };
    assert_eq!(p.goals[0].actions[0].status, ActionStatus::InProgress);
    assert_eq!(env.store.read_plan_for_edit(case).await.unwrap(), Some(p));
    let actions = env.audited().await;
    for a in ["plan.save", "plan.approve", "plan.action"] {
        assert!(actions.iter().any(|x| x == a), "{a} is audited");
    }
    assert!(
        env.store
            .read_plan(&grant(case, Section::Health))
            .await
            .is_err(),
        "a health grant does not open the plan"
    );
}

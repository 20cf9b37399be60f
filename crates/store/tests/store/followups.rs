//! Follow-ups after closure: scheduled at 3, 6 and 12 months, each recorded once.

use pelita_domain::followup::Outcome;

use crate::*;

both!(follow_ups_fall_on_the_months_after_closure_and_are_recorded_once);

async fn follow_ups_fall_on_the_months_after_closure_and_are_recorded_once(env: &Env) {
    let agency = env.agency("DSS").await;
    // Closed on the last day of August: the months that have no 31st end on their last day.
    env.clock
        .set(Utc.with_ymd_and_hms(2026, 8, 31, 9, 0, 0).unwrap());
    let case = env
        .case(&agency, "Amina", BirthDate::Year { year: 2012 })
        .await;
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    env.store
        .move_case(
            &supervisor,
            &case,
            CaseStatus::Closed,
            Some("reunified".into()),
        )
        .await
        .unwrap();
    // Read on their own (the API), they need the plan's grant and are logged as its read.
    assert!(matches!(
        env.store
            .read_followups(&grant(&case, Section::Status))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let before = env.store.access_log_for_case(&case).await.unwrap().len();
    let followups = env
        .store
        .read_followups(&grant(&case, Section::Plan))
        .await
        .unwrap();
    let log = env.store.access_log_for_case(&case).await.unwrap();
    assert_eq!(log.len(), before + 1);
    assert!(log.iter().any(|e| e.section == "plan"));
    let ids =
        |l: &[pelita_store::FollowUpRecord]| l.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&followups),
        ids(&env.store.followups(&case).await.unwrap())
    );
    let due: Vec<_> = followups.iter().map(|f| f.due_on).collect();
    assert_eq!(due, [d(2026, 11, 30), d(2027, 2, 28), d(2027, 8, 31)]);
    assert!(followups.iter().all(|f| f.outcome.is_none()));
    let first = followups[0].id.clone();
    assert_eq!(env.store.followup_case(&first).await.unwrap(), case);

    // Community acceptance runs from 0 to 3: 4 is refused and nothing is recorded.
    let outcome = |acceptance| Outcome {
        community_acceptance: Some(acceptance),
        no_re_association: Some(true),
        child_view: Some(note("The neighbours greet me again")),
        ..Default::default()
    };
    assert!(matches!(
        env.store
            .record_followup(&worker(), &first, outcome(4))
            .await,
        Err(StoreError::Domain(DomainError::Invalid {
            field: "community_acceptance"
        }))
    ));
    assert!(
        env.store.followups(&case).await.unwrap()[0]
            .outcome
            .is_none()
    );
    env.store
        .record_followup(&worker(), &first, outcome(3))
        .await
        .unwrap();
    let read = env.store.followups(&case).await.unwrap();
    assert_eq!(read[0].outcome, Some(Readable::Present(outcome(3))));
    assert!(read[1].outcome.is_none(), "only the one recorded");
    assert!(
        env.store
            .record_followup(&worker(), &first, outcome(2))
            .await
            .is_err(),
        "a follow-up is recorded once"
    );
    assert_eq!(
        env.store.followups(&case).await.unwrap()[0].outcome,
        Some(Readable::Present(outcome(3)))
    );
    assert!(env.audited().await.iter().any(|a| a == "followup.record"));
}

//! Interviews and the repeat-interview rule.

use crate::*;

both!(interviews_count_every_contact_and_a_repeat_needs_a_reason,);

async fn interviews_count_every_contact_and_a_repeat_needs_a_reason(env: &Env) {
    use pelita_domain::interview::Purpose;
    use pelita_store::NewInterview;
    let agency = env.agency("DSS").await;
    let case = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Amina", None, BirthDate::Year { year: 2012 }),
            ),
        )
        .await
        .unwrap()
        .case_id;
    let interview = |days_ago: i64, purpose, reason: Option<&str>| NewInterview {
        held_on: today().date_naive() - chrono::Days::new(days_ago as u64),
        purpose,
        present: None,
        reason: reason.map(|r| NoteText::parse(r).unwrap()),
    };
    env.store
        .record_interview(&worker(), &case, interview(10, Purpose::Justice, None), 30)
        .await
        .unwrap();
    let again = env
        .store
        .record_interview(
            &worker(),
            &case,
            interview(0, Purpose::Psychosocial, None),
            30,
        )
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Domain(
            DomainError::RepeatInterviewReasonRequired
        ))
    ));
    assert_eq!(
        env.store.interviews(&case).await.unwrap().len(),
        1,
        "nothing saved"
    );
    env.store
        .record_interview(
            &worker(),
            &case,
            interview(0, Purpose::Psychosocial, Some("Crisis after the hearing")),
            30,
        )
        .await
        .unwrap();
    // Outside the window no reason is asked for.
    env.store
        .record_interview(&worker(), &case, interview(60, Purpose::Health, None), 30)
        .await
        .unwrap();
    let all = env.store.interviews(&case).await.unwrap();
    let purposes: Vec<_> = all.iter().map(|i| i.purpose).collect();
    assert_eq!(
        purposes,
        [Purpose::Psychosocial, Purpose::Justice, Purpose::Health],
        "newest first"
    );
    assert!(
        all.iter()
            .all(|i| !i.assessment && i.interviewer == "system:worker-1")
    );
}

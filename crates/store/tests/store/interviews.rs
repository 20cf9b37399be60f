//! Interviews and the repeat-interview rule.

use crate::*;

both!(
    interviews_count_every_contact_and_a_repeat_needs_a_reason,
    the_repeat_window_ends_on_its_last_day_and_counts_assessments,
);

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

/// The window is 30 days: 29 days after an interview a reason is still needed, 30 days after
/// it no longer is; an assessment of the child is an interview too.
async fn the_repeat_window_ends_on_its_last_day_and_counts_assessments(env: &Env) {
    use pelita_domain::assessment::Instrument;
    use pelita_domain::interview::Purpose;
    use pelita_store::{Assent, NewAssessment, NewInterview};
    let agency = env.agency("DSS").await;
    let case = env
        .case(&agency, "Amina", BirthDate::Year { year: 2012 })
        .await;
    let today = today().date_naive();
    let assessed_on = today - chrono::Days::new(30);
    env.store
        .record_assessment(
            &worker(),
            &case,
            &Instrument::default_instrument(),
            NewAssessment {
                on: assessed_on,
                language: "id".into(),
                assent: Assent::Given,
                present: None,
                answers: Default::default(),
            },
        )
        .await
        .unwrap();
    let interview = |on: NaiveDate| NewInterview {
        held_on: on,
        purpose: Purpose::Education,
        present: None,
        reason: None,
    };
    assert!(matches!(
        env.store
            .record_interview(
                &worker(),
                &case,
                interview(today - chrono::Days::new(1)),
                30
            )
            .await,
        Err(StoreError::Domain(
            DomainError::RepeatInterviewReasonRequired
        ))
    ));
    assert_eq!(env.store.interviews(&case).await.unwrap().len(), 1);
    env.store
        .record_interview(&worker(), &case, interview(today), 30)
        .await
        .unwrap();
    let all = env.store.interviews(&case).await.unwrap();
    assert_eq!(
        all.iter().map(|i| (i.on, i.assessment)).collect::<Vec<_>>(),
        [(today, false), (assessed_on, true)]
    );
    assert!(env.audited().await.iter().any(|a| a == "interview.record"));
}

//! Assessments: answers checked against their instrument (skip logic included), the child's
//! assent, the summaries per domain, and the family assessment kept in its own section.

use pelita_domain::assessment::{Answers, Instrument, summarise};
use pelita_store::{Assent, NewAssessment};

use crate::*;

both!(answers_fit_their_instrument_and_read_back_as_summaries_per_domain);

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn assessment(on: NaiveDate, assent: Assent, a: Answers) -> NewAssessment {
    NewAssessment {
        on,
        language: "id".into(),
        assent,
        present: Some(note("Her aunt, and an interpreter")),
        answers: a,
    }
}

async fn answers_fit_their_instrument_and_read_back_as_summaries_per_domain(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = env
        .case(&agency, "Amina", BirthDate::Year { year: 2012 })
        .await;
    let case = case.as_str();
    let child = Instrument::default_instrument();
    let family = Instrument::defaults()
        .into_iter()
        .find(|i| i.section == Section::Family)
        .unwrap();
    let today = today().date_naive();
    let tomorrow = today + chrono::Days::new(1);
    let record = |i: &Instrument, a: NewAssessment| {
        let i = i.clone();
        async move { env.store.record_assessment(&worker(), case, &i, a).await }
    };

    // Refused, and nothing written: an answer to a skipped item (the source of threats when
    // there are none), an item the instrument does not have, a scale past 3, a date answer or
    // an assessment dated tomorrow, answers from a child who did not assent.
    let before = env.store.counts().await.unwrap();
    for (bad, why) in [
        (
            assessment(
                today,
                Assent::Given,
                answers(&[("threats", "no"), ("threat_source", "group")]),
            ),
            DomainError::Invalid { field: "answers" },
        ),
        (
            assessment(
                today,
                Assent::Given,
                answers(&[("favourite_colour", "blue")]),
            ),
            DomainError::Invalid { field: "answers" },
        ),
        (
            assessment(today, Assent::Given, answers(&[("distress", "4")])),
            DomainError::Invalid { field: "answers" },
        ),
        (
            assessment(
                today,
                Assent::Given,
                answers(&[
                    ("in_school", "no"),
                    ("last_attended", &tomorrow.to_string()),
                ]),
            ),
            DomainError::DateInFuture,
        ),
        (
            assessment(tomorrow, Assent::Given, answers(&[("safe_place", "yes")])),
            DomainError::DateInFuture,
        ),
        (
            assessment(today, Assent::Refused, answers(&[("safe_place", "yes")])),
            DomainError::Invalid { field: "assent" },
        ),
    ] {
        match record(&child, bad).await {
            Err(StoreError::Domain(e)) => assert_eq!(e, why),
            other => panic!("expected {why:?}, got {other:?}"),
        }
    }
    assert_eq!(env.store.counts().await.unwrap(), before);
    assert!(env.store.interviews(case).await.unwrap().is_empty());

    // The threats answered "yes": their source is asked, and answered. A date answer of
    // today is taken; a blank answer is dropped, not read as "no".
    let given = answers(&[
        ("safe_place", "yes"),
        ("threats", "yes"),
        ("threat_source", "group"),
        ("distress", "2"),
        ("coping", "1"),
        ("in_school", "no"),
        ("last_attended", &today.to_string()),
        ("caregiver", "  "),
        ("goal", "To become a nurse"),
    ]);
    record(&child, assessment(today, Assent::Given, given.clone()))
        .await
        .unwrap();
    // A child who says no is not assessed, and the refusal itself is a record.
    record(&child, assessment(today, Assent::Refused, Answers::new()))
        .await
        .unwrap();
    record(
        &family,
        assessment(
            today,
            Assent::NotAsked,
            answers(&[
                ("fam_willing", "yes"),
                ("fam_stigma", "3"),
                ("fam_stigma_source", "Neighbours avoid the family"),
            ]),
        ),
    )
    .await
    .unwrap();

    let read = env
        .store
        .read_assessments(&grant(case, Section::Psychosocial))
        .await
        .unwrap();
    assert_eq!(read.len(), 2, "the family assessment is not the child's");
    let a = &read[0];
    assert_eq!(
        (
            a.instrument.as_str(),
            a.version,
            a.on,
            a.language.as_str(),
            a.assent
        ),
        ("resilience-needs", 1, today, "id", Assent::Given)
    );
    assert_eq!(a.assessor, "system:worker-1");
    assert_eq!(
        a.present,
        Some(Readable::Present(note("Her aunt, and an interpreter")))
    );
    let mut kept = given.clone();
    kept.remove("caregiver");
    assert_eq!(a.answers, Readable::Present(kept.clone()));
    assert_eq!(read[1].assent, Assent::Refused);

    // Summaries per domain, strengths beside needs, from what was read back.
    let summary = summarise(&child, &kept);
    let domain = |key: &str| summary.iter().find(|s| s.domain == key).unwrap().clone();
    let safety = domain("safety");
    assert_eq!(safety.strengths, ["safe_place"]);
    assert_eq!(safety.needs, ["threats", "threat_source"]);
    assert_eq!((safety.answered, safety.asked), (3, 3));
    let wellbeing = domain("wellbeing");
    assert_eq!(
        wellbeing.needs,
        ["distress"],
        "a scale of 2 is a need present"
    );
    assert!(
        wellbeing.strengths.is_empty(),
        "a scale of 1 is not a strength present"
    );
    assert_eq!((wellbeing.answered, wellbeing.asked), (2, 3));
    let family_domain = domain("family");
    assert_eq!(
        (family_domain.answered, family_domain.asked),
        (0, 2),
        "the blank answer is unanswered"
    );
    let education = domain("education");
    assert_eq!(education.needs, ["last_attended"]);

    // The family's assessment reads through a grant for the family section.
    let fam = env
        .store
        .read_assessments(&grant(case, Section::Family))
        .await
        .unwrap();
    assert_eq!(fam.len(), 1);
    assert_eq!(fam[0].instrument, "family-assessment");
    assert!(
        env.store
            .read_assessments(&grant(case, Section::Health))
            .await
            .is_err(),
        "a health grant opens no assessment"
    );
    // Every assessment is an interview of the child, for the repeat-interview guard.
    let interviews = env.store.interviews(case).await.unwrap();
    assert_eq!(interviews.len(), 3);
    assert!(interviews.iter().all(|i| i.assessment && i.on == today));
    let recorded = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "assessment.record")
        .count();
    assert_eq!(recorded, 3);
}

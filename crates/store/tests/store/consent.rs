//! The consent ledger.

use crate::*;

both!(consent_ledger_keeps_history_and_decides_by_age);

async fn consent_ledger_keeps_history_and_decides_by_age(env: &Env) {
    use pelita_domain::consent::{Decision, Entry, Giver, Party, Purpose, Standing};
    let agency = env.agency("DSS").await;
    // Born in 2014: 11 or 12 today, so the caregiver consents and the child assents.
    let r = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Siti", None, BirthDate::Year { year: 2014 }),
            ),
        )
        .await
        .unwrap();
    let entry = |giver, decision, on| Entry {
        purpose: Purpose::Assessment,
        giver,
        decision,
        on,
        expires: None,
    };
    let status = || env.store.consent_status(&r.case_id, Purpose::Assessment);
    assert_eq!(
        status().await.unwrap().blocking(),
        vec![
            (Party::Child, Standing::Missing),
            (Party::Caregiver, Standing::Missing)
        ]
    );
    let note = NoteText::parse("Explained in Bahasa Indonesia with her aunt present").unwrap();
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Caregiver, Decision::Given, d(2026, 11, 20)),
            Some(note.clone()),
        )
        .await
        .unwrap();
    assert!(
        !status().await.unwrap().allows(),
        "the child has not assented"
    );
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Child, Decision::Given, d(2026, 11, 21)),
            None,
        )
        .await
        .unwrap();
    assert!(status().await.unwrap().allows());
    // The child withdraws: the caregiver's consent does not outweigh it.
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Child, Decision::Withdrawn, d(2026, 11, 27)),
            None,
        )
        .await
        .unwrap();
    assert!(!status().await.unwrap().allows());
    // Refused, and nothing written: a date in the future; a withdrawal of nothing given; an
    // expiry before the date.
    let before = env.store.counts().await.unwrap();
    for bad in [
        entry(Giver::Child, Decision::Given, d(2026, 12, 1)),
        Entry {
            purpose: Purpose::Research,
            ..entry(Giver::Caregiver, Decision::Withdrawn, d(2026, 11, 27))
        },
        Entry {
            expires: Some(d(2026, 1, 1)),
            ..entry(Giver::Caregiver, Decision::Given, d(2026, 11, 27))
        },
    ] {
        assert!(
            env.store
                .record_consent(&worker(), &r.case_id, bad, None)
                .await
                .unwrap_err()
                .is_refusal()
        );
    }
    assert_eq!(env.store.counts().await.unwrap(), before);
    // The whole history, oldest first, read through a grant for participation.
    let ledger = env
        .store
        .read_consents(&grant(&r.case_id, Section::Participation))
        .await
        .unwrap();
    let decisions: Vec<_> = ledger
        .iter()
        .map(|c| (c.entry.giver, c.entry.decision))
        .collect();
    assert_eq!(
        decisions,
        vec![
            (Giver::Caregiver, Decision::Given),
            (Giver::Child, Decision::Given),
            (Giver::Child, Decision::Withdrawn)
        ]
    );
    assert_eq!(ledger[0].note, Some(Readable::Present(note)));
    // A grant for another section does not open the ledger.
    assert!(
        env.store
            .read_consents(&grant(&r.case_id, Section::Health))
            .await
            .is_err()
    );
}

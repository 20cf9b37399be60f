//! The consent ledger.

use crate::*;

both!(consent_ledger_keeps_history_and_decides_by_age);

/// Siti, born in 2014: 11 or 12 today, so the caregiver consents and the child assents.
async fn siti(env: &Env) -> pelita_store::Registered {
    let agency = env.agency("DSS").await;
    env.store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Siti", None, BirthDate::Year { year: 2014 }),
            ),
        )
        .await
        .unwrap()
}

async fn consent_ledger_keeps_history_and_decides_by_age(env: &Env) {
    use pelita_domain::consent::{Decision, Entry, Giver, Party, Purpose, Standing};
    let r = siti(env).await;
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

both!(a_consent_round_records_every_entry_in_one_transaction_or_none);

/// Several purposes, the child's and the caregiver's decisions, one day: an entry and an audit
/// event per purpose and person, committed together; any entry refused records none.
async fn a_consent_round_records_every_entry_in_one_transaction_or_none(env: &Env) {
    use pelita_domain::agency::Sector;
    use pelita_domain::consent::{Decision, Giver, Purpose, Round};
    let r = siti(env).await;
    let health = Purpose::Referral(Sector::Health);
    let round = Round {
        purposes: vec![Purpose::Assessment, health],
        child: Some(Decision::Given),
        caregiver: Some((Giver::Caregiver, Decision::Given)),
        on: d(2026, 11, 20),
        expires: Some(d(2027, 11, 20)),
    };
    let note = NoteText::parse("Explained with her aunt present").unwrap();
    let (_, _, seq) = env.store.counts().await.unwrap();
    let ids = env
        .store
        .record_consent_round(&worker(), &r.case_id, &round, Some(note.clone()))
        .await
        .unwrap();
    assert_eq!(ids.len(), 4);
    assert_eq!(
        env.store.counts().await.unwrap().2,
        seq + 4,
        "one audit event per entry"
    );
    for p in [Purpose::Assessment, health] {
        assert!(
            env.store
                .consent_status(&r.case_id, p)
                .await
                .unwrap()
                .allows()
        );
    }
    let participation = grant(&r.case_id, Section::Participation);
    let ledger = || env.store.read_consents(&participation);
    let got: Vec<_> = ledger()
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.entry.purpose, c.entry.giver, c.note))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                ids[0].clone(),
                Purpose::Assessment,
                Giver::Child,
                Some(Readable::Present(note.clone()))
            ),
            (
                ids[1].clone(),
                Purpose::Assessment,
                Giver::Caregiver,
                Some(Readable::Present(note.clone()))
            ),
            (
                ids[2].clone(),
                health,
                Giver::Child,
                Some(Readable::Present(note.clone()))
            ),
            (
                ids[3].clone(),
                health,
                Giver::Caregiver,
                Some(Readable::Present(note))
            ),
        ]
    );

    // The child withdraws from the assessment and from research, never given: the research
    // entry is refused in the writer, after the assessment's was written, and both are undone.
    let before = env.store.counts().await.unwrap();
    let withdraw = Round {
        purposes: vec![Purpose::Assessment, Purpose::Research],
        child: Some(Decision::Withdrawn),
        caregiver: None,
        on: d(2026, 11, 27),
        expires: None,
    };
    assert!(matches!(
        env.store
            .record_consent_round(&worker(), &r.case_id, &withdraw, None)
            .await,
        Err(StoreError::Conflict(_))
    ));
    // A rule of the round itself (an expiry before the day) is refused before the writer.
    let early = Round {
        expires: Some(d(2026, 11, 19)),
        ..round
    };
    assert!(
        env.store
            .record_consent_round(&worker(), &r.case_id, &early, None)
            .await
            .unwrap_err()
            .is_refusal()
    );
    assert_eq!(env.store.counts().await.unwrap(), before);
    assert_eq!(ledger().await.unwrap().len(), 4);
    assert!(
        env.store
            .consent_status(&r.case_id, Purpose::Assessment)
            .await
            .unwrap()
            .allows(),
        "the assessment's withdrawal was not kept"
    );
}

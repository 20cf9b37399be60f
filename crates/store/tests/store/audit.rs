//! The audit chain and the state checked against it.

use crate::*;

both!(
    audit_chain_names_the_first_bad_event,
    audit_verify_names_each_case_whose_state_contradicts_the_chain,
);

async fn audit_chain_names_the_first_bad_event(env: &Env) {
    let agency = env.agency("DSS").await;
    for i in 0..5 {
        let r = env
            .store
            .register_child(
                &worker(),
                registration(
                    &agency,
                    identity(&format!("Child{i}"), None, BirthDate::Unknown),
                ),
            )
            .await
            .unwrap();
        env.store
            .move_case(
                &worker(),
                &r.case_id,
                CaseStatus::Transferred,
                Some("moved away".into()),
            )
            .await
            .unwrap();
    }
    // 1 agency + 5 × (register + move) = 11 events.
    let ok = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!((ok.events, ok.first_break), (11, None));

    env.tamper(
        "UPDATE audit_events SET detail = replace(detail, 'transferred', 'transferrec') WHERE seq = 5",
    )
    .await;
    let r = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!(r.first_break, Some(ChainBreak::Altered { seq: 5 }));
    assert_eq!(r.events, 4);
    env.tamper(
        "UPDATE audit_events SET detail = replace(detail, 'transferrec', 'transferred') WHERE seq = 5",
    )
    .await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );

    env.tamper("DELETE FROM audit_events WHERE seq = 7").await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        Some(ChainBreak::Removed { from: 7, to: 7 })
    );
    // Re-inserting event 8's content as 7 (a reorder) is caught: it does not chain.
    env.tamper(
        "INSERT INTO audit_events (seq, at, actor, action, subject, detail, prev_hash, hash) \
         SELECT 7, at, actor, action, subject, detail, prev_hash, hash FROM audit_events WHERE seq = 8",
    )
    .await;
    let reordered = env
        .store
        .verify_audit(&|_, _| {})
        .await
        .unwrap()
        .first_break;
    assert_eq!(reordered, Some(ChainBreak::Altered { seq: 7 }));

    env.tamper("DELETE FROM audit_events WHERE seq >= 7").await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        Some(ChainBreak::Truncated { last: 6, head: 11 })
    );
}

/// What the triggers cannot stop — someone who may drop them — `pelita audit verify` names:
/// the chain stays intact, so the database is checked against the chain's facts.
async fn audit_verify_names_each_case_whose_state_contradicts_the_chain(env: &Env) {
    use pelita_store::Invariant;
    let agency = env.agency("DSS").await;
    let clinic = env
        .store
        .create_agency(
            &admin(),
            NewAgency {
                code: "PKM".into(),
                name: "Clinic".into(),
                sector: Sector::Health,
                jurisdiction: "ID".into(),
            },
        )
        .await
        .unwrap();
    let reg = |given: &str| registration(&agency, identity(given, None, BirthDate::Unknown));
    let mut at_registration = reg("Rakib");
    at_registration.circumstances = Some(circumstances());
    let victim = env
        .store
        .register_child(&worker(), at_registration)
        .await
        .unwrap();
    let later = env
        .store
        .register_child(&worker(), reg("Amina"))
        .await
        .unwrap();
    env.store
        .record_circumstances(&worker(), &later.case_id, circumstances())
        .await
        .unwrap();
    let moved = env
        .store
        .register_child(&worker(), reg("Siti"))
        .await
        .unwrap();
    assess(env, &moved.case_id).await;
    let supervisor = Actor::operator_in("supervisor", Role::Supervisor);
    let referral = env
        .store
        .refer(
            &supervisor,
            &moved.case_id,
            pelita_store::NewReferral {
                to_agency: clinic.clone(),
                sections: vec![Section::Health],
                reason: NoteText::parse("Needs a health check").unwrap(),
                override_justification: Some(
                    NoteText::parse("The injury cannot wait for the caregiver's answer").unwrap(),
                ),
            },
        )
        .await
        .unwrap();
    env.store
        .move_referral(
            &worker(),
            &referral,
            pelita_domain::referral::ReferralStatus::Accepted,
            None,
        )
        .await
        .unwrap();
    let erased = env
        .store
        .register_child(&worker(), reg("Nur"))
        .await
        .unwrap();
    env.store
        .erase_child(&worker(), &erased.child_id, "court order 12/2026")
        .await
        .unwrap();
    // Everything the store wrote agrees with its chain.
    assert_eq!(env.store.verify_state().await.unwrap(), vec![]);

    // Someone with the rights to drop the triggers does what they stopped.
    let (v, l, m) = (&victim.case_id, &later.case_id, &moved.case_id);
    if env.pg.is_some() {
        env.tamper("ALTER TABLE cases DISABLE TRIGGER USER").await;
        env.tamper(&format!(
            "CREATE TEMP TABLE keep AS {}; DELETE FROM cases WHERE id = '{v}'; \
             INSERT INTO cases ({CASE_COLUMNS}) SELECT * FROM keep",
            case_without_victim_status(v)
        ))
        .await;
    } else {
        for t in [
            "cases_never_replaced",
            "cases_never_deleted",
            "cases_keys_fixed",
            "cases_victim_status_permanent",
        ] {
            env.tamper(&format!("DROP TRIGGER {t}")).await;
        }
        env.tamper(&format!(
            "REPLACE INTO cases ({CASE_COLUMNS}) {}",
            case_without_victim_status(v)
        ))
        .await;
    }
    env.tamper(&format!(
        "UPDATE cases SET victim_since = NULL WHERE id = '{l}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE cases SET status = 'closed' WHERE id = '{m}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE referrals SET status = 'declined' WHERE id = '{referral}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE children SET wrapped_key = (SELECT wrapped_key FROM children WHERE id = '{}') \
         WHERE id = '{}'",
        victim.child_id, erased.child_id
    ))
    .await;
    env.tamper(&format!(
        "INSERT INTO cases ({CASE_COLUMNS}) SELECT 'unregistered', child_id, agency_id, \
         'DSS-1999-00009', status, priority, NULL, NULL, NULL, NULL, 0, 1, created_at, \
         updated_at FROM cases WHERE id = '{m}'"
    ))
    .await;
    // Now the victim's case is served as not a victim, and the chain is intact.
    assert!(!case_of(env, v).await.case.victim_status().is_recognised());
    let report = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!(report.first_break, None);
    let mut found: Vec<(Invariant, String, Option<String>)> = env
        .store
        .verify_state()
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.invariant, v.case_id, v.referral_id))
        .collect();
    found.sort();
    let mut expected = vec![
        (Invariant::VictimStatus, v.clone(), None),
        (Invariant::VictimStatus, l.clone(), None),
        (Invariant::CaseRegistered, "unregistered".to_owned(), None),
        (Invariant::CaseStatus, m.clone(), None),
        (Invariant::ReferralStatus, m.clone(), Some(referral.clone())),
        (Invariant::ErasureHolds, erased.case_id.clone(), None),
    ];
    expected.sort();
    assert_eq!(found, expected);
    let line = env.store.verify_state().await.unwrap()[0].to_string();
    assert!(line.contains(v) && line.contains("victim_status"), "{line}");

    // A case deleted outright (its rows below it first) is named as missing.
    let gone = env
        .store
        .register_child(&worker(), reg("Dewi"))
        .await
        .unwrap();
    env.tamper(&format!(
        "DELETE FROM case_team WHERE case_id = '{0}'; DELETE FROM cases WHERE id = '{0}'",
        gone.case_id
    ))
    .await;
    let found = env.store.verify_state().await.unwrap();
    assert!(
        found
            .iter()
            .any(|f| f.invariant == Invariant::CaseExists && f.case_id == gone.case_id),
        "{found:?}"
    );
}

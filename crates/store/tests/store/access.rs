//! Sensitive reads, their log, and break-glass.

use crate::*;

both!(
    sensitive_reads_are_logged_and_break_glass_alerts_the_supervisor,
    break_glass_reasons_are_sealed_and_erasure_reaches_them,
);

async fn sensitive_reads_are_logged_and_break_glass_alerts_the_supervisor(env: &Env) {
    let agency = env.agency("DSS").await;
    let user = |name: &str, role| NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
        agency_id: Some(agency.clone()),
        password_hash: "x".into(),
    };
    let sup = env
        .store
        .create_user(&admin(), user("sup", Role::Supervisor))
        .await
        .unwrap();
    let colleague = env
        .store
        .create_user(&admin(), user("col", Role::CaseWorker))
        .await
        .unwrap();
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Amina", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    // Status reads are not sensitive; identity reads are logged.
    case_of(env, &r.case_id).await;
    assert!(
        env.store
            .access_log_for_case(&r.case_id)
            .await
            .unwrap()
            .is_empty()
    );
    identity_of(env, &r.case_id).await;
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(
        (log.len(), log[0].section.as_str(), log[0].reader.as_str()),
        (1, "identity", "worker-1")
    );

    // A colleague at the same agency needs a justification for circumstances.
    let meta = env.store.case_meta(&r.case_id).await.unwrap();
    let reader = pelita_store::Reader {
        id: colleague.clone(),
        role: Role::CaseWorker,
        agency_id: Some(agency.clone()),
    };
    let rel = meta.relationship(&reader);
    assert_eq!(rel, Relationship::SameAgency);
    let refused = policy::authorize(
        &colleague,
        Role::CaseWorker,
        rel,
        &r.case_id,
        Section::Circumstances,
        None,
    );
    assert_eq!(refused, Err(policy::Refusal::JustificationRequired));
    let g = policy::authorize(
        &colleague,
        Role::CaseWorker,
        rel,
        &r.case_id,
        Section::Circumstances,
        Some("child at hospital, worker unreachable"),
    )
    .unwrap();
    env.store.read_circumstances(&g).await.unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(
        log[0].justification.as_deref(),
        Some("child at hospital, worker unreachable")
    );
    let alerts = env.store.alerts(&sup).await.unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, "break_glass");
    assert!(env.store.alerts(&colleague).await.unwrap().is_empty());
    // A grant for one section opens no other.
    assert!(env.store.read_identity(&g).await.is_err());
}

/// A break-glass reason often names the child or their situation: it is sealed with the
/// child's key (no plaintext in the file), erasure reaches it, and reasons an earlier release
/// kept in plain text are sealed when the store next opens.
async fn break_glass_reasons_are_sealed_and_erasure_reaches_them(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Zahra", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let why = "Zahra's grandmother phoned about Kertawijaya";
    let opened = policy::authorize(
        "auditor-1",
        Role::Auditor,
        Relationship::None,
        &r.case_id,
        Section::Health,
        Some(why),
    )
    .unwrap();
    env.store.read_sections(&[opened]).await.unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(log[0].justification.as_deref(), Some(why));
    if env.pg.is_none() {
        assert!(!contains(&sqlite_bytes(env), "Kertawijaya"));
    }
    // A reason an earlier release wrote in plain text is sealed at the next start.
    env.tamper(&format!(
        "INSERT INTO access_log (at, reader, case_id, section, justification) \
         VALUES (1, 'auditor-2', '{}', 'family', 'legacy reason about Kertawijaya')",
        r.case_id
    ))
    .await;
    let reopened = Store::open(StoreConfig {
        url: env.url.clone(),
        key: env.key.clone(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await
    .unwrap();
    let log = reopened.access_log_for_case(&r.case_id).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.justification.as_deref() == Some("legacy reason about Kertawijaya"))
    );
    let plaintext: i64 = if env.pg.is_some() {
        let mut c = sqlx::PgConnection::connect(&env.url).await.unwrap();
        sqlx::query_scalar("SELECT COUNT(*) FROM access_log WHERE justification IS NOT NULL")
            .fetch_one(&mut c)
            .await
            .unwrap()
    } else {
        let mut c = sqlx::SqliteConnection::connect(&env.url).await.unwrap();
        sqlx::query_scalar("SELECT COUNT(*) FROM access_log WHERE justification IS NOT NULL")
            .fetch_one(&mut c)
            .await
            .unwrap()
    };
    assert_eq!(plaintext, 0, "the plaintext column is cleared");
    reopened.close().await;
    // Erased, the reasons read as nothing: the key that sealed them is gone.
    env.store
        .erase_child(
            &admin(),
            &r.child_id,
            "the child's request, recorded on paper",
        )
        .await
        .unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert!(log.iter().all(|e| e.justification.is_none()), "{log:?}");
    if env.pg.is_none() {
        assert!(!contains(&sqlite_bytes(env), "Kertawijaya"));
    }
}

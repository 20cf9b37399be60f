//! Personal data sealed per child: erasure, and a wrong deployment key.

use crate::*;

both!(
    erasure_makes_the_child_unreadable_and_unfindable,
    wrong_key_is_refused,
);

async fn erasure_makes_the_child_unreadable_and_unfindable(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut id = identity(
        "Zulaikha",
        Some("Kertawijaya"),
        BirthDate::Exact {
            date: d(2012, 2, 29),
        },
    );
    id.names.aliases.push(NamePart::new(name("ফারজানা")));
    let r = env
        .store
        .register_child(&worker(), registration(&agency, id))
        .await
        .unwrap();
    env.store
        .record_circumstances(&worker(), &r.case_id, circumstances())
        .await
        .unwrap();
    env.store
        .add_note(
            &worker(),
            &r.case_id,
            Section::Family,
            NoteText::parse("Kertawijaya family visit").unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        env.store
            .search_names("Kertawijaya", 5)
            .await
            .unwrap()
            .len(),
        1
    );
    if env.pg.is_none() {
        // Names are ciphertext even before erasure.
        let bytes = sqlite_bytes(env);
        assert!(!contains(&bytes, "Kertawijaya") && !contains(&bytes, "ফারজানা"));
    }

    let bad = env.store.erase_child(&admin(), &r.child_id, " ").await;
    assert!(matches!(
        bad,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    assert_eq!(env.store.erasure(&r.child_id).await.unwrap(), None);
    env.store
        .erase_child(&admin(), &r.child_id, "court order 12/2026")
        .await
        .unwrap();
    // The operator's reason is kept, sealed, for an auditor to read back; not in plain text.
    let erasure = env.store.erasure(&r.child_id).await.unwrap().unwrap();
    assert_eq!(
        (erasure.by.as_str(), erasure.reason.as_deref()),
        (admin().id(), Some("court order 12/2026"))
    );
    if env.pg.is_none() {
        assert!(!contains(&sqlite_bytes(env), "court order 12/2026"));
    }
    assert!(identity_of(env, &r.case_id).await.is_erased());
    let circ = env
        .store
        .read_circumstances(&grant(&r.case_id, Section::Circumstances))
        .await;
    assert!(circ.unwrap().is_erased());
    let case = case_of(env, &r.case_id).await;
    assert!(
        case.case.victim_status().is_recognised(),
        "the case keeps its non-personal facts"
    );
    let notes = env
        .store
        .read_notes(&grant(&r.case_id, Section::Family))
        .await
        .unwrap();
    assert!(notes[0].body.is_erased());
    assert!(
        env.store
            .search_names("Kertawijaya", 5)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(env.store.search_names("ফারজানা", 5).await.unwrap().is_empty());
    assert!(matches!(
        env.store
            .add_note(
                &worker(),
                &r.case_id,
                Section::Family,
                NoteText::parse("more").unwrap()
            )
            .await,
        Err(StoreError::Erased)
    ));
    if env.pg.is_none() {
        let backup = env.dir.path().join("backup.db");
        env.store.backup_sqlite(&backup).await.unwrap();
        let bytes = [sqlite_bytes(env), std::fs::read(&backup).unwrap()].concat();
        for n in ["Zulaikha", "Kertawijaya", "ফারজানা"] {
            assert!(!contains(&bytes, n), "{n} found in the database or backup");
        }
        // The backup opens with the same key and its chain verifies.
        let copy = Store::open(StoreConfig {
            url: backup.to_str().unwrap().into(),
            key: env.key.clone(),
            readers: 1,
            clock: env.clock.clone(),
        })
        .await
        .unwrap();
        assert!(
            copy.read_identity(&grant(&r.case_id, Section::Identity))
                .await
                .unwrap()
                .is_erased()
        );
        assert_eq!(
            copy.verify_audit(&|_, _| {}).await.unwrap().first_break,
            None
        );
        copy.close().await;
    }
}

async fn wrong_key_is_refused(env: &Env) {
    let agency = env.agency("DSS").await;
    env.store
        .register_child(
            &worker(),
            registration(&agency, identity("Putri", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let other = Store::open(StoreConfig {
        url: env.url.clone(),
        key: DeploymentKey::generate(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await;
    assert!(matches!(other, Err(StoreError::WrongKey)));
    assert!(DeploymentKey::decode("not a key").is_err());
}

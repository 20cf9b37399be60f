//! Writes to an account: its password, language, role, standing, tokens and alerts — each by
//! the person themself or an administrator, as the write policy says, never by a colleague.

use crate::*;

both!(
    a_new_password_signs_in_and_the_old_one_no_longer_does,
    a_reader_works_in_her_agencys_zone_or_its_override,
    the_language_is_set_by_its_owner_or_an_administrator,
    marking_alerts_read_marks_only_the_readers_own,
    revoking_tokens_ends_only_that_persons_tokens,
    only_an_administrator_changes_a_role_and_it_applies_at_once,
    a_disabled_account_acts_nowhere_and_only_an_administrator_disables,
);

/// The password hash sign-in checks against (`user_by_username`).
async fn signs_in_with(env: &Env, username: &str, password: &str) -> bool {
    let (_, hash) = env.store.user_by_username(username).await.unwrap().unwrap();
    pelita_store::verify_password(password, &hash)
}

async fn a_new_password_signs_in_and_the_old_one_no_longer_does(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "nadia".into(),
                display_name: "Nadia".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency.clone()),
                password_hash: pelita_store::hash_password("first long passphrase"),
            },
        )
        .await
        .unwrap();
    assert!(signs_in_with(env, "nadia", "first long passphrase").await);

    let actor = env.store.act_as(&nadia).await.unwrap();
    // Signed in on her phone and at the office; she changes it at the office.
    let (phone, office) = (env.sign_in(&nadia).await, env.sign_in(&nadia).await);
    env.store
        .set_password(
            &actor,
            &nadia,
            pelita_store::hash_password("second long passphrase"),
            Some(&office),
        )
        .await
        .unwrap();
    assert!(
        env.store.session(&phone).await.unwrap().is_none(),
        "the old password's other sessions end with it"
    );
    assert!(env.store.session(&office).await.unwrap().is_some());
    assert!(!signs_in_with(env, "nadia", "first long passphrase").await);
    assert!(signs_in_with(env, "nadia", "second long passphrase").await);
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("user.password", nadia.as_str(), nadia.as_str())
    );
    assert!(!e.detail.contains("argon2"), "the hash is in the audit");

    // A colleague, however senior, cannot set it; nothing is written.
    let colleagues = [
        env.account("budi", Role::CaseWorker, &agency).await,
        env.account("sari", Role::Supervisor, &agency).await,
    ];
    let events = env.audited().await.len();
    for other in &colleagues {
        let other = env.store.act_as(other).await.unwrap();
        assert_forbidden(
            env.store
                .set_password(
                    &other,
                    &nadia,
                    pelita_store::hash_password("taken over"),
                    None,
                )
                .await,
        );
    }
    assert!(signs_in_with(env, "nadia", "second long passphrase").await);
    assert!(!signs_in_with(env, "nadia", "taken over").await);
    assert_eq!(env.audited().await.len(), events, "a refusal left a trace");

    // An administrator resets a forgotten one.
    let boss = env.account("boss", Role::Administrator, &agency).await;
    let boss = env.store.act_as(&boss).await.unwrap();
    env.store
        .set_password(
            &boss,
            &nadia,
            pelita_store::hash_password("set by admin"),
            None,
        )
        .await
        .unwrap();
    assert!(signs_in_with(env, "nadia", "set by admin").await);
    assert!(
        env.store.session(&office).await.unwrap().is_none(),
        "an administrator's reset ends every session"
    );
    assert_eq!(env.last_event().await.actor, boss.id());

    // A disabled account changes nothing, not even its own password.
    env.store
        .set_disabled(&admin(), &nadia, true)
        .await
        .unwrap();
    assert_forbidden(
        env.store
            .set_password(
                &actor,
                &nadia,
                pelita_store::hash_password("after leaving"),
                None,
            )
            .await,
    );
    assert!(signs_in_with(env, "nadia", "set by admin").await);
}

/// The language pages are shown in is the person's own choice (an administrator may set it
/// for them); the store keeps what it is given, and the web offers only its languages.
async fn the_language_is_set_by_its_owner_or_an_administrator(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let budi = env.account("budi", Role::Supervisor, &agency).await;
    assert_eq!(env.store.user_language(&nadia).await.unwrap(), None);

    let actor = env.store.act_as(&nadia).await.unwrap();
    env.store.set_language(&actor, &nadia, "id").await.unwrap();
    assert_eq!(
        env.store.user_language(&nadia).await.unwrap().as_deref(),
        Some("id")
    );
    assert_eq!(env.store.user_language(&budi).await.unwrap(), None);

    let budi_actor = env.store.act_as(&budi).await.unwrap();
    assert_forbidden(env.store.set_language(&budi_actor, &nadia, "dv").await);
    assert_eq!(
        env.store.user_language(&nadia).await.unwrap().as_deref(),
        Some("id")
    );

    let boss = env.account("boss", Role::Administrator, &agency).await;
    let boss = env.store.act_as(&boss).await.unwrap();
    env.store.set_language(&boss, &nadia, "ms").await.unwrap();
    assert_eq!(
        env.store.user_language(&nadia).await.unwrap().as_deref(),
        Some("ms")
    );
    // Each change is in the audit chain, by whom and for whom.
    let event = env.last_event().await;
    assert_eq!(
        (
            event.action.as_str(),
            event.actor.as_str(),
            event.subject.as_str()
        ),
        ("user.language", boss.id(), nadia.as_str())
    );
    // An account that does not exist is not found, not silently left alone.
    assert!(matches!(
        env.store.set_language(&admin(), "no-such-user", "bn").await,
        Err(StoreError::NotFound)
    ));
}

/// "Mark all read" clears the reader's alerts from their work, and nobody else's.
async fn marking_alerts_read_marks_only_the_readers_own(env: &Env) {
    let agency = env.agency("DSS").await;
    let lead = env.account("lead", Role::CaseWorker, &agency).await;
    let other = env.account("other", Role::CaseWorker, &agency).await;
    let sup = env.account("sup", Role::Supervisor, &agency).await;
    let sup = env.store.act_as(&sup).await.unwrap();
    // The supervisor changes each worker's case: each worker has an alert.
    for (worker, given) in [(&lead, "Nadia"), (&other, "Putri")] {
        let mut reg = registration(
            &agency,
            identity(given, None, BirthDate::Year { year: 2012 }),
        );
        reg.assigned_to = Some(worker.clone());
        let case = env
            .store
            .register_child(&admin(), reg)
            .await
            .unwrap()
            .case_id;
        env.store
            .set_priority(
                &sup,
                &case,
                Priority::new(PriorityLevel::High, "urgent medical follow-up").unwrap(),
            )
            .await
            .unwrap();
    }
    assert_eq!(env.store.alerts(&lead).await.unwrap().len(), 1);
    assert_eq!(env.store.alerts(&other).await.unwrap().len(), 1);

    let lead_actor = env.store.act_as(&lead).await.unwrap();
    env.store.mark_alerts_read(&lead_actor).await.unwrap();
    assert!(env.store.alerts(&lead).await.unwrap().is_empty());
    assert_eq!(
        env.store.alerts(&other).await.unwrap().len(),
        1,
        "another person's alert was marked read"
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("alerts.read", lead.as_str(), lead.as_str())
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["alerts"],
        1
    );
}

/// Revoking tokens ends every token of that person (owner or administrator only), leaves
/// their sessions and everyone else's tokens working, and does not stop new ones.
async fn revoking_tokens_ends_only_that_persons_tokens(env: &Env) {
    use pelita_store::TokenScope;
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let budi = env.account("budi", Role::Supervisor, &agency).await;
    let (nadia_actor, budi_actor) = (
        env.store.act_as(&nadia).await.unwrap(),
        env.store.act_as(&budi).await.unwrap(),
    );
    let token = |actor: Actor, id: String, label: &'static str| async move {
        env.store
            .create_token(&actor, &id, label, TokenScope::ReadWrite, None)
            .await
            .unwrap()
    };
    let scripts = [
        token(nadia_actor.clone(), nadia.clone(), "a").await,
        token(nadia_actor.clone(), nadia.clone(), "b").await,
    ];
    let budis = token(budi_actor.clone(), budi.clone(), "c").await;
    let session = env.sign_in(&nadia).await;
    let works =
        |secret: String| async move { env.store.token_user(&secret).await.unwrap().is_some() };

    assert_forbidden(env.store.revoke_tokens(&budi_actor, &nadia).await);
    for s in &scripts {
        assert!(works(s.clone()).await, "a refused revocation revoked");
    }

    env.store.revoke_tokens(&nadia_actor, &nadia).await.unwrap();
    for s in &scripts {
        assert!(!works(s.clone()).await, "a revoked token works");
    }
    assert!(
        works(budis.clone()).await,
        "another person's token was revoked"
    );
    assert!(env.store.session(&session).await.unwrap().is_some());
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("token.revoke", nadia.as_str(), nadia.as_str())
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["tokens"],
        2
    );
    let fresh = token(nadia_actor.clone(), nadia.clone(), "d").await;
    assert!(works(fresh).await);

    let boss = env.account("boss", Role::Administrator, &agency).await;
    let boss = env.store.act_as(&boss).await.unwrap();
    env.store.revoke_tokens(&boss, &budi).await.unwrap();
    assert!(!works(budis).await);
    assert_eq!(env.last_event().await.actor, boss.id());
}

/// Roles are the administrator's to change — not the person's own, not a supervisor's —
/// and a new role applies at once: sessions end, tokens and new actors carry it.
async fn only_an_administrator_changes_a_role_and_it_applies_at_once(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let sup = env.account("sup", Role::Supervisor, &agency).await;
    let nadia_actor = env.store.act_as(&nadia).await.unwrap();
    let session = env.sign_in(&nadia).await;
    let secret = env
        .store
        .create_token(
            &nadia_actor,
            &nadia,
            "script",
            pelita_store::TokenScope::Read,
            None,
        )
        .await
        .unwrap();

    let events = env.audited().await.len();
    assert_forbidden(
        env.store
            .set_role(&nadia_actor, &nadia, Role::Administrator)
            .await,
    );
    let sup_actor = env.store.act_as(&sup).await.unwrap();
    assert_forbidden(
        env.store
            .set_role(&sup_actor, &nadia, Role::Supervisor)
            .await,
    );
    assert_eq!(env.store.user(&nadia).await.unwrap().role, Role::CaseWorker);
    assert!(env.store.session(&session).await.unwrap().is_some());
    assert_eq!(env.audited().await.len(), events, "a refusal left a trace");

    let boss = env.account("boss", Role::Administrator, &agency).await;
    let boss = env.store.act_as(&boss).await.unwrap();
    env.store
        .set_role(&boss, &nadia, Role::Supervisor)
        .await
        .unwrap();
    assert_eq!(env.store.user(&nadia).await.unwrap().role, Role::Supervisor);
    assert!(
        env.store.session(&session).await.unwrap().is_none(),
        "a session goes on with the old role"
    );
    let bearer = env.store.token_user(&secret).await.unwrap().unwrap();
    assert_eq!(bearer.actor().role(), Role::Supervisor);
    assert_eq!(
        env.store.act_as(&nadia).await.unwrap().role(),
        Role::Supervisor
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("user.role", boss.id(), nadia.as_str())
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["role"],
        Role::Supervisor.as_str()
    );
    assert!(matches!(
        env.store
            .set_role(&boss, "no-such-user", Role::Supervisor)
            .await,
        Err(StoreError::NotFound)
    ));
}

/// Disabling is the administrator's alone. A disabled account's sessions and tokens stop at
/// once and it cannot act; enabling it again lets it act but brings back no old session or
/// token.
async fn a_disabled_account_acts_nowhere_and_only_an_administrator_disables(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let budi = env.account("budi", Role::Supervisor, &agency).await;
    let nadia_actor = env.store.act_as(&nadia).await.unwrap();
    let session = env.sign_in(&nadia).await;
    let budis = env.sign_in(&budi).await;
    let secret = env
        .store
        .create_token(
            &nadia_actor,
            &nadia,
            "script",
            pelita_store::TokenScope::ReadWrite,
            None,
        )
        .await
        .unwrap();

    let events = env.audited().await.len();
    let budi_actor = env.store.act_as(&budi).await.unwrap();
    assert_forbidden(env.store.set_disabled(&budi_actor, &nadia, true).await);
    // Nor may a person re-enable (or disable) themself.
    assert_forbidden(env.store.set_disabled(&nadia_actor, &nadia, true).await);
    assert!(!env.store.user(&nadia).await.unwrap().disabled);
    assert!(env.store.session(&session).await.unwrap().is_some());
    assert!(env.store.token_user(&secret).await.unwrap().is_some());
    assert_eq!(env.audited().await.len(), events, "a refusal left a trace");

    let boss = env.account("boss", Role::Administrator, &agency).await;
    let boss = env.store.act_as(&boss).await.unwrap();
    env.store.set_disabled(&boss, &nadia, true).await.unwrap();
    assert!(env.store.user(&nadia).await.unwrap().disabled);
    assert!(env.store.session(&session).await.unwrap().is_none());
    assert!(env.store.token_user(&secret).await.unwrap().is_none());
    assert_forbidden(env.store.act_as(&nadia).await);
    assert!(
        env.store.session(&budis).await.unwrap().is_some(),
        "another person's session ended"
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("user.disabled", boss.id(), nadia.as_str())
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["disabled"],
        true
    );

    env.store.set_disabled(&boss, &nadia, false).await.unwrap();
    let again = env.store.act_as(&nadia).await.unwrap();
    assert!(env.store.session(&session).await.unwrap().is_none());
    assert!(
        env.store.token_user(&secret).await.unwrap().is_none(),
        "enabling brought back a revoked token"
    );
    let fresh = env
        .store
        .create_token(&again, &nadia, "new", pelita_store::TokenScope::Read, None)
        .await
        .unwrap();
    assert!(env.store.token_user(&fresh).await.unwrap().is_some());
    let e = env.store.audit_events(2).await.unwrap().remove(1);
    assert_eq!(e.action, "user.disabled");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["disabled"],
        false
    );
}

/// Pages show times where the reader works: her agency's jurisdiction's zone, the
/// deployment's override of it once set, and none for an account of no agency.
async fn a_reader_works_in_her_agencys_zone_or_its_override(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    env.store
        .set_language(&admin(), &nadia, "bn")
        .await
        .unwrap();
    assert_eq!(
        env.store.reader_settings(&nadia).await.unwrap(),
        (Some("bn".into()), Some(chrono_tz::Asia::Jakarta))
    );
    env.store
        .override_rule(
            &admin(),
            "ID",
            pelita_domain::justice::OverrideKey::TimeZone,
            "Asia/Makassar",
            "The agency works in Sulawesi, on central Indonesian time",
        )
        .await
        .unwrap();
    assert_eq!(
        env.store.reader_settings(&nadia).await.unwrap().1,
        Some(chrono_tz::Asia::Makassar)
    );
    let boss = env.account("boss", Role::Administrator, &agency).await;
    assert_eq!(
        env.store.reader_settings(&boss).await.unwrap().1,
        Some(chrono_tz::Asia::Makassar)
    );
    let ops = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "ops".into(),
                display_name: "ops".into(),
                role: Role::Administrator,
                agency_id: None,
                password_hash: pelita_store::hash_password("a long passphrase"),
            },
        )
        .await
        .unwrap();
    assert_eq!(env.store.reader_settings(&ops).await.unwrap(), (None, None));
}

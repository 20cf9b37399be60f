//! Sign-in, lockout, sessions, the second factor and tokens.

use crate::*;

both!(
    sign_in_lockout_sessions_second_factor_and_tokens,
    touching_a_session_moves_only_its_last_seen,
    reauthenticating_moves_only_the_reauthentication_time,
    ending_other_sessions_keeps_this_one_and_other_peoples,
    resetting_the_second_factor_removes_the_secret_and_ends_every_session,
);

async fn sign_in_lockout_sessions_second_factor_and_tokens(env: &Env) {
    let agency = env.agency("DSS").await;
    let id = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "nadia".into(),
                display_name: "Nadia".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency),
                password_hash: "x".into(),
            },
        )
        .await
        .unwrap();
    let user = env.store.user(&id).await.unwrap();
    for _ in 0..pelita_store::MAX_FAILURES {
        env.store.record_login_failure("nadia").await.unwrap();
        env.store
            .record_login_failure("nobody-by-this-name")
            .await
            .unwrap();
    }
    let (failures, locked) = env.store.login_state("nadia").await.unwrap();
    assert_eq!(failures, pelita_store::MAX_FAILURES);
    assert!(locked.is_some());
    // Unknown accounts lock the same way: no way to tell which exist.
    assert!(
        env.store
            .login_state("nobody-by-this-name")
            .await
            .unwrap()
            .1
            .is_some()
    );
    env.clock
        .set(today() + chrono::Duration::minutes(pelita_store::LOCKOUT_MINUTES + 1));
    assert!(
        env.store.login_state("nadia").await.unwrap().1.is_none(),
        "the lock expires"
    );

    let (token, csrf) = env.store.start_session(&user, false).await.unwrap();
    assert!(token.len() >= 43 && csrf.len() >= 43, "256-bit tokens");
    assert_eq!(
        env.store.login_state("nadia").await.unwrap().0,
        0,
        "sign-in clears failures"
    );
    let s = env.store.session(&token).await.unwrap().unwrap();
    assert_eq!(
        (s.user.id.as_str(), s.csrf.as_str(), s.second_factor),
        (id.as_str(), csrf.as_str(), false)
    );
    let actor = env.store.act_as(&id).await.unwrap();
    env.store.pass_second_factor(&actor, &token).await.unwrap();
    assert!(
        env.store
            .session(&token)
            .await
            .unwrap()
            .unwrap()
            .second_factor
    );
    let (other, _) = env.store.start_session(&user, true).await.unwrap();
    env.store.end_other_sessions(&actor, &token).await.unwrap();
    assert!(env.store.session(&other).await.unwrap().is_none());
    assert!(env.store.session(&token).await.unwrap().is_some());

    // Second factor: the secret is sealed; a time step is accepted once.
    env.store
        .set_totp(&actor, &id, b"12345678901234567890")
        .await
        .unwrap();
    assert_eq!(
        env.store.totp(&id).await.unwrap().unwrap().0,
        b"12345678901234567890"
    );
    assert!(env.store.use_totp_step(&actor, &id, 100).await.unwrap());
    assert!(
        !env.store.use_totp_step(&actor, &id, 100).await.unwrap(),
        "replayed code accepted"
    );
    assert!(!env.store.use_totp_step(&actor, &id, 99).await.unwrap());

    let secret = env
        .store
        .create_token(
            &actor,
            &id,
            "script",
            pelita_store::TokenScope::Read,
            Some(today() + chrono::Duration::days(60)),
        )
        .await
        .unwrap();
    let bearer = env.store.token_user(&secret).await.unwrap().unwrap();
    assert_eq!(
        (bearer.user.id.as_str(), bearer.actor().id(), bearer.scope),
        (id.as_str(), id.as_str(), pelita_store::TokenScope::Read)
    );
    // Tokens expire, and can be revoked.
    env.clock.set(today() + chrono::Duration::days(61));
    assert!(
        env.store.token_user(&secret).await.unwrap().is_none(),
        "an expired token works"
    );
    env.clock.set(today());
    let other = env
        .store
        .create_token(&actor, &id, "x", pelita_store::TokenScope::ReadWrite, None)
        .await
        .unwrap();
    env.store.revoke_tokens(&actor, &id).await.unwrap();
    assert!(
        env.store.token_user(&other).await.unwrap().is_none(),
        "a revoked token works"
    );
    let secret = env
        .store
        .create_token(&actor, &id, "y", pelita_store::TokenScope::ReadWrite, None)
        .await
        .unwrap();
    assert!(
        env.store
            .token_user("pelita_guess")
            .await
            .unwrap()
            .is_none()
    );
    // Disabling the account ends its sessions and tokens at once.
    env.store.set_disabled(&admin(), &id, true).await.unwrap();
    assert!(env.store.session(&token).await.unwrap().is_none());
    assert!(env.store.token_user(&secret).await.unwrap().is_none());
    env.store.end_session(&actor, &token).await.unwrap();
}

/// Every request touches its session (the idle timeout counts from `last_seen`): only that
/// session's `last_seen` moves, and the audit chain does not grow by one event per request.
async fn touching_a_session_moves_only_its_last_seen(env: &Env) {
    let agency = env.agency("DSS").await;
    let id = env.account("nadia", Role::CaseWorker, &agency).await;
    let token = env.sign_in(&id).await;
    let other = env.sign_in(&id).await;
    let before = env.store.session(&token).await.unwrap().unwrap();
    let events = env.audited().await.len();

    let later = today() + chrono::Duration::minutes(10);
    env.clock.set(later);
    env.store.touch_session(&token).await.unwrap();

    let after = env.store.session(&token).await.unwrap().unwrap();
    assert_eq!((before.last_seen, after.last_seen), (today(), later));
    assert_eq!(
        (
            &after.user,
            &after.csrf,
            after.second_factor,
            after.created_at,
            after.reauth_at,
            &after.label
        ),
        (
            &before.user,
            &before.csrf,
            before.second_factor,
            before.created_at,
            before.reauth_at,
            &before.label
        )
    );
    let untouched = env.store.session(&other).await.unwrap().unwrap();
    assert_eq!(untouched.last_seen, today(), "another session was touched");
    assert_eq!(env.audited().await.len(), events, "a touch was audited");
}

/// Re-entering the password before administration moves `reauth_at` of that session only,
/// and is audited as the person's own.
async fn reauthenticating_moves_only_the_reauthentication_time(env: &Env) {
    let agency = env.agency("DSS").await;
    let id = env.account("nadia", Role::Administrator, &agency).await;
    let actor = env.store.act_as(&id).await.unwrap();
    let token = env.sign_in(&id).await;
    let other = env.sign_in(&id).await;
    let before = env.store.session(&token).await.unwrap().unwrap();

    let later = today() + chrono::Duration::minutes(30);
    env.clock.set(later);
    env.store
        .mark_reauthenticated(&actor, &token)
        .await
        .unwrap();

    let after = env.store.session(&token).await.unwrap().unwrap();
    assert_eq!((before.reauth_at, after.reauth_at), (today(), later));
    assert_eq!(
        (
            &after.user,
            &after.csrf,
            after.second_factor,
            after.created_at,
            after.last_seen
        ),
        (
            &before.user,
            &before.csrf,
            before.second_factor,
            before.created_at,
            before.last_seen
        )
    );
    let untouched = env.store.session(&other).await.unwrap().unwrap();
    assert_eq!(
        untouched.reauth_at,
        today(),
        "another session counts as reauthenticated"
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("session.reauthenticate", id.as_str(), id.as_str())
    );
}

/// "Sign out everywhere else" ends the person's other sessions, never the one they keep and
/// never anyone else's, whichever token is named as the one to keep.
async fn ending_other_sessions_keeps_this_one_and_other_peoples(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let budi = env.account("budi", Role::CaseWorker, &agency).await;
    let (here, phone, laptop) = (
        env.sign_in(&nadia).await,
        env.sign_in(&nadia).await,
        env.sign_in(&nadia).await,
    );
    let budis = env.sign_in(&budi).await;
    let nadia_actor = env.store.act_as(&nadia).await.unwrap();

    env.store
        .end_other_sessions(&nadia_actor, &here)
        .await
        .unwrap();
    assert!(env.store.session(&here).await.unwrap().is_some());
    for ended in [&phone, &laptop] {
        assert!(env.store.session(ended).await.unwrap().is_none());
    }
    assert_eq!(env.store.sessions_of(&nadia).await.unwrap().len(), 1);
    assert!(
        env.store.session(&budis).await.unwrap().is_some(),
        "another person's session ended"
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("session.end", nadia.as_str(), nadia.as_str())
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["sessions"],
        2
    );

    // Budi naming Nadia's session as the one to keep ends his own, not hers.
    let budi_actor = env.store.act_as(&budi).await.unwrap();
    env.store
        .end_other_sessions(&budi_actor, &here)
        .await
        .unwrap();
    assert!(env.store.session(&here).await.unwrap().is_some());
    assert!(env.store.session(&budis).await.unwrap().is_none());
}

/// A lost phone: only an administrator clears the second factor; the secret is gone, so the
/// person enrols again, and every session ends, so none goes on without the new factor.
async fn resetting_the_second_factor_removes_the_secret_and_ends_every_session(env: &Env) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::Supervisor, &agency).await;
    let boss = env.account("boss", Role::Administrator, &agency).await;
    let nadia_actor = env.store.act_as(&nadia).await.unwrap();
    env.store
        .set_totp(&nadia_actor, &nadia, b"12345678901234567890")
        .await
        .unwrap();
    let passed = env.sign_in(&nadia).await;
    let user = env.store.user(&nadia).await.unwrap();
    let (pending, _) = env.store.start_session(&user, false).await.unwrap();
    let boss_session = env.sign_in(&boss).await;

    // Not the person themself (a stolen session could then drop the factor), nor a colleague.
    let colleague = env.account("budi", Role::Supervisor, &agency).await;
    let events = env.audited().await.len();
    for who in [&nadia, &colleague] {
        let actor = env.store.act_as(who).await.unwrap();
        assert_forbidden(env.store.reset_second_factor(&actor, &nadia).await);
    }
    assert!(env.store.totp(&nadia).await.unwrap().is_some());
    assert!(env.store.session(&passed).await.unwrap().is_some());
    assert_eq!(env.audited().await.len(), events, "a refusal left a trace");

    let boss_actor = env.store.act_as(&boss).await.unwrap();
    env.store
        .reset_second_factor(&boss_actor, &nadia)
        .await
        .unwrap();
    assert!(env.store.totp(&nadia).await.unwrap().is_none());
    for ended in [&passed, &pending] {
        assert!(env.store.session(ended).await.unwrap().is_none());
    }
    assert!(
        env.store.session(&boss_session).await.unwrap().is_some(),
        "the administrator's own session ended"
    );
    let e = env.last_event().await;
    assert_eq!(
        (e.action.as_str(), e.actor.as_str(), e.subject.as_str()),
        ("user.totp_reset", boss.as_str(), nadia.as_str())
    );
    assert!(matches!(
        env.store
            .reset_second_factor(&boss_actor, "no-such-user")
            .await,
        Err(StoreError::NotFound)
    ));
}

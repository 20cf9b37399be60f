//! Sign-in, lockout, sessions, the second factor and tokens.

use crate::*;

both!(sign_in_lockout_sessions_second_factor_and_tokens);

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

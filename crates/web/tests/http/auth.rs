//! Sign-in, sessions, the second factor, CSRF tokens on every form, security headers.

use crate::fixture::*;

#[tokio::test]
async fn pages_need_a_session_and_every_form_needs_its_csrf_token() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = Browser::new(&app);
    let (s, h, _) = b.get("/work").await;
    assert_eq!(
        (s, location(&h).as_str()),
        (StatusCode::SEE_OTHER, "/signin")
    );
    let (s, to) = b.sign_in("sari", PASSWORD).await;
    assert_eq!((s, to.as_str()), (StatusCode::SEE_OTHER, "/work"));
    assert_eq!(b.get("/work").await.0, StatusCode::OK);

    let before = app.store.counts().await.unwrap();
    let forged = [
        ("given", "Anak"),
        ("priority_reason", "x"),
        ("precision", "unknown"),
        ("action", "save_anyway"),
        ("sex", "female"),
        ("priority", "low"),
    ];
    let (s, _, body) = b.post("/register", &forged).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(body.contains("This form expired"));
    let mut with_wrong = forged.to_vec();
    with_wrong.push(("csrf", "not-the-token"));
    assert_eq!(
        b.post("/register", &with_wrong).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.store.counts().await.unwrap(),
        before,
        "a forged form changed something"
    );

    // Sign-in itself is protected too.
    let mut other = Browser::new(&app);
    let (s, _, _) = other
        .post(
            "/signin",
            &[("username", "sari"), ("password", PASSWORD), ("csrf", "x")],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn sign_in_answers_alike_for_unknown_accounts_and_locks_after_repeated_failures() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = Browser::new(&app);
    let (s1, wrong) = b.sign_in("sari", "wrong password here").await;
    let (s2, unknown) = b.sign_in("nobody", "wrong password here").await;
    assert_eq!(
        (s1, s2),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    let strip = |s: &str| {
        s.replace(&field(s, "csrf"), "")
            .replace("value=\"sari\"", "")
            .replace("value=\"nobody\"", "")
    };
    assert_eq!(
        strip(&wrong),
        strip(&unknown),
        "the answers reveal which accounts exist"
    );
    for _ in 0..pelita_store::MAX_FAILURES {
        b.sign_in("sari", "wrong password here").await;
    }
    let (s, _) = b.sign_in("sari", PASSWORD).await;
    assert_eq!(
        s,
        StatusCode::UNAUTHORIZED,
        "the right password got through a lockout"
    );
    app.clock
        .set(now() + chrono::Duration::minutes(pelita_store::LOCKOUT_MINUTES + 1));
    assert_eq!(b.sign_in("sari", PASSWORD).await.0, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sessions_end_when_idle_and_at_sign_out_and_rotate_at_sign_in() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = app.signed_in("sari").await;
    let first = b.cookies["__Host-pelita"].clone();
    assert!(first.len() >= 43, "a 256-bit token");
    b.sign_in("sari", PASSWORD).await;
    assert_ne!(
        b.cookies["__Host-pelita"], first,
        "sign-in must issue a new session"
    );
    let (_, h, _) = b.get("/work").await;
    let cookie = h.get("set-cookie").cloned().unwrap_or_default();
    assert!(cookie.is_empty(), "no cookie churn on ordinary pages");

    app.clock.set(now() + chrono::Duration::minutes(31));
    let (s, h, _) = b.get("/work").await;
    assert_eq!(
        (s, location(&h).as_str()),
        (StatusCode::SEE_OTHER, "/signin?expired=1")
    );

    app.clock.set(now());
    b.sign_in("sari", PASSWORD).await;
    let token = b.cookies["__Host-pelita"].clone();
    let csrf = b.csrf().await;
    b.post("/signout", &[("csrf", &csrf)]).await;
    let mut replay = Browser::new(&app);
    replay.cookies.insert("__Host-pelita".into(), token);
    assert_eq!(
        replay.get("/work").await.0,
        StatusCode::SEE_OTHER,
        "a signed-out session still works"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = app.signed_in("sari").await;
    for path in ["/work", "/signin", "/api/v1/me", "/nope"] {
        let (_, h, _) = b.get(path).await;
        let get = |k: &str| {
            h.get(k)
                .and_then(|v| v.first())
                .cloned()
                .unwrap_or_default()
        };
        let csp = get("content-security-policy");
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(get("referrer-policy"), "no-referrer", "{path}");
        assert_eq!(get("cache-control"), "no-store", "{path}");
    }
    let (_, h, _) = b.get("/signin").await;
    let c = h["set-cookie"].join(" ");
    assert!(
        c.contains("__Host-")
            && c.contains("HttpOnly")
            && c.contains("Secure")
            && c.contains("SameSite=Strict")
    );
}

#[tokio::test]
async fn second_factor_is_enrolled_once_and_a_code_is_never_accepted_twice() {
    let app = Fixture::new()
        .second_factor()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = Browser::new(&app);
    let (_, to) = b.sign_in("sari", PASSWORD).await;
    assert_eq!(to, "/signin/totp");
    assert_eq!(
        location(&b.get("/work").await.1),
        "/signin/totp",
        "pages open before the second factor"
    );
    assert_eq!(location(&b.get("/signin/totp").await.1), "/totp/enrol");
    let (_, _, page) = b.get("/totp/enrol").await;
    assert!(page.contains("<svg"), "the QR code is inline SVG");
    let secret = field(&page, "secret");
    let csrf = field(&page, "csrf");
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(&secret).unwrap())
        .with_account_name("sari".to_string())
        .build()
        .unwrap();
    let code = |t: chrono::DateTime<Utc>| totp.generate(t.timestamp() as u64).to_string();
    let (s, h, _) = b
        .post(
            "/totp/enrol",
            &[("csrf", &csrf), ("secret", &secret), ("code", "000000")],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "a wrong code enrolled {h:?}");
    let (_, h, _) = b
        .post(
            "/totp/enrol",
            &[("csrf", &csrf), ("secret", &secret), ("code", &code(now()))],
        )
        .await;
    assert_eq!(location(&h), "/work");
    assert_eq!(b.get("/work").await.0, StatusCode::OK);

    // Next sign-in: the same code (same time step) is refused; the next step's code works.
    let mut again = app.signed_in("sari").await;
    let (_, _, page) = again.get("/signin/totp").await;
    let csrf = field(&page, "csrf");
    let (s, _, _) = again
        .post("/signin/totp", &[("csrf", &csrf), ("code", &code(now()))])
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "a replayed code was accepted");
    app.clock.set(now() + chrono::Duration::seconds(30));
    let (_, h, _) = again
        .post(
            "/signin/totp",
            &[
                ("csrf", &csrf),
                ("code", &code(now() + chrono::Duration::seconds(30))),
            ],
        )
        .await;
    assert_eq!(location(&h), "/work");
}

/// Every POST route the router serves — collected from its source, so a new route is covered
/// without editing this test — refuses a signed-in person's form without the session's CSRF
/// token, and changes nothing.
#[tokio::test]
async fn every_post_route_refuses_a_form_without_its_csrf_token() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "sup")
        .user("admin", Role::Administrator, None)
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("sup").await;
    // Administration's forms, as an administrator: the token is what refuses them there.
    let mut admin = app.signed_in("admin").await;
    let source = include_str!("../../src/lib.rs");
    let routes: Vec<&str> = source
        .split(".route(")
        .skip(1)
        .filter(|chunk| {
            let call = chunk.split(".route(").next().unwrap_or_default();
            call.contains("post(")
        })
        .map(|chunk| chunk.split('"').nth(1).unwrap())
        .collect();
    assert!(routes.len() > 30, "{routes:?}");
    let before = app.store.counts().await.unwrap();
    let events = app.store.audit_events(1000).await.unwrap().len();
    let mut wrong = Vec::new();
    for route in routes {
        let path = route.replace("{id}", &case);
        let fields = [
            ("section", "health"),
            ("text", "a forged note"),
            ("to", "closed"),
            ("reason", "forged"),
            ("justification", "a forged justification"),
        ];
        let who = if route.starts_with("/admin") {
            &mut admin
        } else {
            &mut b
        };
        let (s, _, body) = who.post(&path, &fields).await;
        if s != StatusCode::FORBIDDEN || !body.contains("This form expired") {
            wrong.push(format!("{route}: {s}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
    assert_eq!(app.store.counts().await.unwrap(), before);
    assert_eq!(app.store.audit_events(1000).await.unwrap().len(), events);
}

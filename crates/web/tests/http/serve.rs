//! Serving over TCP with limits at the edges, and a halted writer.

use pelita_web::AppState;

use crate::fixture::*;

/// A real server on a free port with these limits; it stops when the sender is dropped.
async fn listening(
    app: &App,
    limits: pelita_web::Limits,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let state = AppState::new(app.store.clone(), app.config.clone());
    tokio::spawn(pelita_web::serve(listener, state, limits, async {
        let _ = stopped.await;
    }));
    (addr, stop)
}

/// Limits small enough to reach in a test.
fn small_limits() -> pelita_web::Limits {
    pelita_web::Limits {
        header_timeout: std::time::Duration::from_secs(1),
        body_timeout: std::time::Duration::from_secs(1),
        max_connections: 64,
        max_in_flight: 64,
        per_client: None,
    }
}

/// Writes `request` on a new connection and reads until the server closes it; `None` when
/// it has not within `wait` (far longer than any limit under test).
async fn raw(addr: std::net::SocketAddr, request: &str, wait: u64) -> Option<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let read = s.read_to_end(&mut out);
    match tokio::time::timeout(std::time::Duration::from_secs(wait), read).await {
        Ok(_) => Some(String::from_utf8_lossy(&out).into_owned()),
        Err(_) => None,
    }
}

fn get(path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: pelita\r\nConnection: close\r\n\r\n")
}

/// Issue 13 item 14: a request whose head never ends is closed at the header limit; a body
/// that does not arrive in time is answered 408, explained.
#[tokio::test]
async fn unfinished_requests_are_not_held_open() {
    let app = App::new(false).await;
    let (addr, _stop) = listening(&app, small_limits()).await;
    let ok = raw(addr, &get("/healthz"), 10).await.unwrap();
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");

    // Half a head, then nothing: closed, with nothing sent, at the 1 s limit.
    let half = raw(
        addr,
        "GET /healthz HTTP/1.1\r\nHost: pelita\r\nX-Wait: ",
        10,
    )
    .await;
    assert_eq!(half.as_deref(), Some(""), "the connection is closed");
    // An idle connection is closed the same way.
    assert_eq!(raw(addr, "", 10).await.as_deref(), Some(""));

    // A head, and 5 of 100 bytes of body: 408, a problem document under /api, a page elsewhere.
    let post = |path: &str, kind: &str| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: pelita\r\nContent-Type: {kind}\r\nContent-Length: 100\r\n\r\n{{\"q\""
        )
    };
    let late = raw(addr, &post("/api/v1/search", "application/json"), 10)
        .await
        .expect("answered and closed within the limit");
    assert!(late.starts_with("HTTP/1.1 408"), "{late}");
    assert!(late.contains("application/problem+json") && late.contains("\"request-timeout\""));
    let late = raw(
        addr,
        &post("/signin", "application/x-www-form-urlencoded"),
        10,
    )
    .await
    .unwrap();
    assert!(late.starts_with("HTTP/1.1 408"), "{late}");
    assert!(late.contains("text/html") && late.contains("did not arrive in time"));
    assert!(late.contains("x-content-type-options: nosniff"));
}

/// A client sending faster than its rate is answered 429 with Retry-After; others are not.
#[tokio::test]
async fn a_flooding_client_is_answered_429_with_retry_after() {
    let app = App::new(false).await;
    let limits = pelita_web::Limits {
        per_client: Some(pelita_web::Rate {
            per_second: 1,
            burst: 3,
        }),
        ..small_limits()
    };
    let (addr, _stop) = listening(&app, limits).await;
    let mut answers = Vec::new();
    for _ in 0..6 {
        answers.push(raw(addr, &get("/api/v1/me"), 10).await.unwrap());
    }
    assert!(answers[..3].iter().all(|a| a.starts_with("HTTP/1.1 401")));
    let limited = &answers[5];
    assert!(limited.starts_with("HTTP/1.1 429"), "{limited}");
    assert!(
        limited.contains("\"too-many-requests\"") && limited.contains("application/problem+json")
    );
    let wait: u64 = limited
        .lines()
        .find_map(|l| l.strip_prefix("retry-after: "))
        .expect("Retry-After")
        .trim()
        .parse()
        .unwrap();
    assert!(wait >= 1);
    let page = raw(addr, &get("/signin"), 10).await.unwrap();
    assert!(
        page.starts_with("HTTP/1.1 429") && page.contains("text/html"),
        "{page}"
    );
}

/// Past the in-flight limit the answer is 503 at once; past the connection limit a
/// connection waits to be accepted until another one closes.
#[tokio::test]
async fn past_the_limits_requests_are_shed_and_connections_wait() {
    use tokio::io::AsyncWriteExt;
    let app = App::new(false).await;
    let limits = pelita_web::Limits {
        max_in_flight: 1,
        body_timeout: std::time::Duration::from_secs(30),
        ..small_limits()
    };
    let (addr, stop) = listening(&app, limits).await;
    // One request in flight, its body still arriving, holds the only place.
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(
        b"POST /api/v1/search HTTP/1.1\r\nHost: pelita\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    )
    .await
    .unwrap();
    let mut shed = None;
    for _ in 0..100 {
        let a = raw(addr, &get("/api/v1/me"), 10).await.unwrap();
        if a.starts_with("HTTP/1.1 503") {
            shed = Some(a);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let shed = shed.expect("a second request in flight is shed");
    assert!(
        shed.contains("retry-after: 1") && shed.contains("\"busy\""),
        "{shed}"
    );
    drop(slow);
    drop(stop);

    let limits = pelita_web::Limits {
        max_connections: 1,
        header_timeout: std::time::Duration::from_secs(30),
        ..small_limits()
    };
    let (addr, _stop) = listening(&app, limits).await;
    let idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let waiting = tokio::spawn(async move { raw(addr, &get("/healthz"), 20).await });
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "the second connection waits");
    drop(idle);
    let served = waiting
        .await
        .unwrap()
        .expect("served once the first closed");
    assert!(served.starts_with("HTTP/1.1 200"), "{served}");
}

/// Issue 13 item 16: after a storage error at commit the writer stops until restart. The write
/// that met it and every later one, through the API and the pages, answer 503 saying so (not
/// "nothing was saved", which is not known), `/healthz` says the writer halted, reads go on.
#[tokio::test]
async fn healthz_and_every_write_answer_503_once_the_writer_halted() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("rina", Role::CaseWorker, "DSS")
        .build()
        .await;
    let (agency, u) = (app.agency_id("DSS"), app.user_id("rina"));
    let t = app.token(&u).await;
    let case = app.child(&agency, &u, "Siti").await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in("rina", PASSWORD).await.0, StatusCode::SEE_OTHER);
    let csrf = b.csrf().await;
    let health = || async {
        let (s, h, body) = app
            .send(Request::get("/healthz").body(Body::empty()).unwrap())
            .await;
        let no_store = h["cache-control"].iter().any(|v| v.contains("no-store"));
        (s, serde_json::from_str::<Value>(&body).unwrap(), no_store)
    };
    assert_eq!(
        health().await,
        (
            StatusCode::OK,
            json!({"status": "ok", "database": "ok", "writer": "running"}),
            true
        )
    );

    // The next commit fails as a failed fsync does.
    app.store.fail_next_commits(1);
    let child = json!({"given": "Nur", "sex": "female", "birth": {"precision": "year", "year": 2013}, "priority": "low", "priority_reason": "routine"});
    for _ in 0..2 {
        let (s, v, kind) = app.post("/api/v1/children", &t, &child).await;
        assert_eq!(
            (s, kind.as_str(), v["code"].as_str()),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "application/problem+json",
                Some("writes-halted")
            ),
            "{v}"
        );
        assert!(v["title"].as_str().unwrap().contains("restart Pelita"));
    }
    let (s, _, page) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[("csrf", &csrf), ("section", "family"), ("text", "visit")],
        )
        .await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.contains("restart Pelita"), "{page}");
    assert!(!page.contains("Nothing was saved"));
    assert_eq!(
        health().await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "error", "database": "ok", "writer": "halted"}),
            true
        )
    );
    // Reads that need no log line go on.
    let (s, v, _) = app.get("/api/v1/me", &t).await;
    assert_eq!((s, v["username"].as_str()), (StatusCode::OK, Some("rina")));
}

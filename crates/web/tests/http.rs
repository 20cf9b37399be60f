//! The web application over HTTP, against a real SQLite store: sign-in, sessions, CSRF, the
//! access policy walked through the API, bad input, headers.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{TimeZone, Utc};
use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::agency::Sector;
use pelita_domain::case::{Association, Circumstances, GroupKind, Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, PersonNames, Sex};
use pelita_domain::policy::{self, Decision, Section};
use pelita_domain::role::Role;
use pelita_domain::text::NameText;
use pelita_store::{
    Actor, DeploymentKey, FixedClock, NewAgency, NewUser, Reader, Registration, Store, StoreConfig,
};
use pelita_web::{AppState, WebConfig, router};
use serde_json::{Value, json};
use tower::ServiceExt;

const PASSWORD: &str = "tiga kucing tidur di atap";

struct App {
    store: Store,
    clock: Arc<FixedClock>,
    config: WebConfig,
    _dir: tempfile::TempDir,
    hash: String,
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

impl App {
    async fn new(second_factor: bool) -> App {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new(now()));
        let store = Store::open(StoreConfig {
            url: dir.path().join("p.db").to_str().unwrap().into(),
            key: DeploymentKey::generate(),
            readers: 4,
            clock: clock.clone(),
        })
        .await
        .unwrap();
        let config = WebConfig {
            second_factor,
            ..WebConfig::default()
        };
        App {
            store,
            clock,
            config,
            _dir: dir,
            hash: pelita_store::hash_password(PASSWORD),
        }
    }

    async fn send(&self, req: Request<Body>) -> (StatusCode, HashMap<String, Vec<String>>, String) {
        let app = router(AppState::new(self.store.clone(), self.config.clone()));
        let res = app.oneshot(req).await.unwrap();
        let status = res.status();
        let mut headers: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in res.headers() {
            headers
                .entry(k.as_str().to_owned())
                .or_default()
                .push(v.to_str().unwrap_or("").to_owned());
        }
        let body = axum::body::to_bytes(res.into_body(), 10 << 20)
            .await
            .unwrap();
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    }

    async fn agency(&self, code: &str, sector: Sector) -> String {
        let a = NewAgency {
            code: code.into(),
            name: code.into(),
            sector,
            jurisdiction: "ID".into(),
        };
        self.store
            .create_agency(&Actor::operator("t"), a)
            .await
            .unwrap()
    }

    async fn user(&self, name: &str, role: Role, agency: Option<&str>) -> String {
        let u = NewUser {
            username: name.into(),
            display_name: name.into(),
            role,
            agency_id: agency.map(str::to_owned),
            password_hash: self.hash.clone(),
        };
        self.store
            .create_user(&Actor::operator("t"), u)
            .await
            .unwrap()
    }

    async fn token(&self, user: &str) -> String {
        self.store
            .create_token(
                &Actor::operator("t"),
                user,
                "test",
                pelita_store::TokenScope::ReadWrite,
                None,
            )
            .await
            .unwrap()
    }

    async fn child(&self, agency: &str, worker: &str, given: &str) -> String {
        let identity = ChildIdentity {
            names: PersonNames::simple(NameText::parse(given).unwrap(), None),
            sex: Sex::Female,
            age: Age::with(
                BirthDate::Year { year: 2011 },
                EvidenceKind::Declaration,
                worker,
                now().date_naive(),
            ),
        };
        let r = Registration {
            agency_id: agency.into(),
            identity,
            priority: Priority::new(PriorityLevel::High, "no safe caregiver").unwrap(),
            assigned_to: Some(worker.into()),
            circumstances: Some(Circumstances {
                association: Association::Recruited,
                group: GroupKind::Unknown,
                channels: vec![],
                narrative: None,
            }),
        };
        self.store
            .register_child(&Actor::operator("t"), r)
            .await
            .unwrap()
            .case_id
    }
}

/// A browser: keeps cookies between requests.
struct Browser<'a> {
    app: &'a App,
    cookies: HashMap<String, String>,
    lang: &'static str,
}

fn field(html: &str, name: &str) -> String {
    let needle = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no {name} field"))
        + needle.len();
    html[start..].split('"').next().unwrap().to_owned()
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl<'a> Browser<'a> {
    fn new(app: &'a App) -> Browser<'a> {
        Browser {
            app,
            cookies: HashMap::new(),
            lang: "en",
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn go(
        &mut self,
        req: axum::http::request::Builder,
        body: Body,
    ) -> (StatusCode, HashMap<String, Vec<String>>, String) {
        let req = req
            .header(header::COOKIE, self.cookie_header())
            .header(header::ACCEPT_LANGUAGE, self.lang)
            .body(body)
            .unwrap();
        let (s, h, b) = self.app.send(req).await;
        for c in h.get("set-cookie").into_iter().flatten() {
            let (kv, _) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = kv.split_once('=').unwrap();
            if v.is_empty() {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
        (s, h, b)
    }

    async fn get(&mut self, path: &str) -> (StatusCode, HashMap<String, Vec<String>>, String) {
        self.go(Request::get(path), Body::empty()).await
    }

    async fn post(
        &mut self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> (StatusCode, HashMap<String, Vec<String>>, String) {
        let req =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.go(req, Body::from(form(pairs))).await
    }

    async fn sign_in(&mut self, username: &str, password: &str) -> (StatusCode, String) {
        let (_, _, page) = self.get("/signin").await;
        let csrf = field(&page, "csrf");
        let (s, h, body) = self
            .post(
                "/signin",
                &[
                    ("username", username),
                    ("password", password),
                    ("csrf", &csrf),
                ],
            )
            .await;
        let location = h
            .get("location")
            .and_then(|l| l.first().cloned())
            .unwrap_or_default();
        (
            s,
            if s == StatusCode::SEE_OTHER {
                location
            } else {
                body
            },
        )
    }

    /// The CSRF token of the signed-in session, from any page.
    async fn csrf(&mut self) -> String {
        let (_, _, page) = self.get("/profile").await;
        field(&page, "csrf")
    }
}

fn location(h: &HashMap<String, Vec<String>>) -> String {
    h.get("location")
        .and_then(|l| l.first().cloned())
        .unwrap_or_default()
}

#[tokio::test]
async fn pages_need_a_session_and_every_form_needs_its_csrf_token() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("sari", Role::CaseWorker, Some(&agency)).await;
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
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("sari", Role::CaseWorker, Some(&agency)).await;
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
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("sari", Role::CaseWorker, Some(&agency)).await;
    let mut b = Browser::new(&app);
    b.sign_in("sari", PASSWORD).await;
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
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("sari", Role::CaseWorker, Some(&agency)).await;
    let mut b = Browser::new(&app);
    b.sign_in("sari", PASSWORD).await;
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
async fn registering_a_child_shows_near_identical_names_first_and_keeps_what_was_typed() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("rina", Role::CaseWorker, Some(&agency)).await;
    let mut b = Browser::new(&app);
    b.sign_in("rina", PASSWORD).await;
    let csrf = b.csrf().await;
    let base = vec![
        ("csrf", csrf.as_str()),
        ("given", "নুসরাত"),
        ("given_latin", "Nusrat"),
        ("family", "জাহান"),
        ("sex", "female"),
        ("precision", "year"),
        ("birth_year", "2012"),
        ("evidence", "declaration"),
        ("priority", "high"),
        ("priority_reason", "No safe caregiver"),
        ("recruitment", "on"),
        ("association", "recruited"),
    ];
    let mut save = base.clone();
    save.push(("action", "save"));
    let (s, h, _) = b.post("/register", &save).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let case_page = location(&h);
    let (_, _, page) = b.get(&case_page).await;
    assert!(page.contains("নুসরাত জাহান") && page.contains("Recognised as a victim"));

    // The same child typed again, with a variant spelling: the warning comes before saving.
    let mut again = base.clone();
    again[1] = ("given", "নুসরাত");
    again[2] = ("given_latin", "Nusraat");
    again.push(("action", "save"));
    let (s, _, page) = b.post("/register", &again).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Likely the same child"),
        "no duplicate warning"
    );
    assert!(page.contains("value=\"Nusraat\""), "typed values were lost");
    assert_eq!(
        app.store.counts().await.unwrap().0,
        1,
        "saved despite the warning"
    );
    again.pop();
    again.push(("action", "save_anyway"));
    assert_eq!(b.post("/register", &again).await.0, StatusCode::SEE_OTHER);
    assert_eq!(app.store.counts().await.unwrap().0, 2);
}

#[tokio::test]
async fn bad_input_gets_a_message_in_the_users_language_and_changes_nothing() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("rina", Role::CaseWorker, Some(&agency)).await;
    let mut b = Browser::new(&app);
    b.lang = "id";
    b.sign_in("rina", PASSWORD).await;
    let csrf = b.csrf().await;
    let long = "x".repeat(10_000);
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "birth_date",
            "2026-02-31",
            "<script>alert(1)</script>",
            "Tanggal ini tidak ada",
        ),
        ("birth_date", "2030-01-01", "Siti", "masa depan"),
        ("birth_date", "2012-01-01", &long, "terlalu panjang"),
        ("birth_date", "2012-01-01", "Ali\u{7}", "tidak diizinkan"),
    ];
    let before = app.store.counts().await.unwrap();
    for (k, v, given, expect) in cases {
        let (s, _, page) = b
            .post(
                "/register",
                &[
                    ("csrf", &csrf),
                    ("given", given),
                    ("sex", "male"),
                    ("precision", "exact"),
                    (k, v),
                    ("priority", "low"),
                    ("priority_reason", "routine"),
                    ("action", "save_anyway"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{given:.20}");
        assert!(
            page.contains(expect),
            "no Indonesian message for {v} / {given:.20}"
        );
        assert!(
            !page.contains("<script>alert(1)</script>"),
            "markup was not escaped"
        );
    }
    let (s, _, page) = b
        .post(
            "/register",
            &[
                ("csrf", &csrf),
                ("given", "<script>alert(1)</script>"),
                ("precision", "exact"),
                ("birth_date", "2026-02-31"),
                ("sex", "male"),
                ("priority", "low"),
                ("priority_reason", "routine"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || page.contains("&#60;script&#62;"),
        "typed value not kept, escaped"
    );
    assert_eq!(app.store.counts().await.unwrap(), before);

    // Bytes that are not UTF-8 are refused with a page in the user's language, nothing saved.
    let req = Request::post("/register")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let (s, _, page) = b
        .go(req, Body::from(format!("csrf={csrf}&given=%FF%FE")))
        .await;
    assert!(s.is_client_error(), "{s}");
    assert!(
        page.contains("<html lang=\"id\"")
            && (page.contains("tidak valid") || page.contains("Mohon perbaiki"))
    );

    let huge = "a".repeat(pelita_web::BODY_LIMIT + 10);
    assert_eq!(
        b.post("/register", &[("csrf", &csrf), ("given", &huge)])
            .await
            .0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

async fn api(
    app: &App,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<String>,
) -> (StatusCode, Value, String) {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let (s, h, b) = app
        .send(
            req.body(body.map(Body::from).unwrap_or_else(Body::empty))
                .unwrap(),
        )
        .await;
    let kind = h
        .get("content-type")
        .and_then(|v| v.first().cloned())
        .unwrap_or_default();
    (s, serde_json::from_str(&b).unwrap_or(Value::Null), kind)
}

#[tokio::test]
async fn the_api_refuses_bad_requests_with_problem_documents() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    let u = app.user("rina", Role::CaseWorker, Some(&agency)).await;
    let t = app.token(&u).await;
    let (s, v, kind) = api(&app, "GET", "/api/v1/me", None, None).await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::UNAUTHORIZED,
            "application/problem+json",
            Some("unauthorised")
        )
    );
    assert_eq!(
        api(&app, "GET", "/api/v1/me", Some(&t), None).await.1["username"],
        "rina"
    );
    let (s, v, kind) = api(
        &app,
        "POST",
        "/api/v1/search",
        Some(&t),
        Some("{not json".into()),
    )
    .await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::BAD_REQUEST,
            "application/problem+json",
            Some("malformed-json")
        )
    );
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/search",
        Some(&t),
        Some(json!({"query": "x", "extra": 1}).to_string()),
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown-field"))
    );
    let big = json!({"query": "x".repeat(pelita_web::BODY_LIMIT)}).to_string();
    assert_eq!(
        api(&app, "POST", "/api/v1/search", Some(&t), Some(big))
            .await
            .0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let child = json!({"given": "ޢާއިޝަތު", "sex": "female", "birth": {"precision": "exact", "date": "2027-01-01"}, "priority": "low", "priority_reason": "routine"});
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/children",
        Some(&t),
        Some(child.to_string()),
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date-in-future"))
    );
    let child = json!({"given": "ޢާއިޝަތު", "sex": "female", "birth": {"precision": "month", "year": 2013, "month": 5}, "priority": "low", "priority_reason": "routine", "association": "born_abroad"});
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/children",
        Some(&t),
        Some(child.to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/search",
        Some(&t),
        Some(json!({"query": "ޢާއިޝަތު"}).to_string()),
    )
    .await;
    assert_eq!(
        (s, v["results"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(1))
    );
    assert_eq!(
        api(&app, "GET", "/api/v1/cases/nope", Some(&t), None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    // A read-only token reads and searches but does not write.
    let ro = app
        .store
        .create_token(
            &Actor::operator("t"),
            &u,
            "ro",
            pelita_store::TokenScope::Read,
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        api(&app, "GET", "/api/v1/cases", Some(&ro), None).await.0,
        StatusCode::OK
    );
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/children",
        Some(&ro),
        Some(child.to_string()),
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("read-only-token"))
    );

    // The OpenAPI document describes every route the API serves.
    let (s, doc, _) = api(&app, "GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let source = include_str!("../src/api/mod.rs");
    let routes: Vec<&str> = source
        .split(".route(")
        .skip(1)
        .map(|rest| rest.split('"').nth(1).unwrap())
        .collect();
    assert!(routes.contains(&"/cases/{id}/consents"), "{routes:?}");
    for route in routes {
        assert!(
            paths.contains(&format!("/api/v1{route}").as_str()),
            "{route} is not in openapi.json"
        );
    }
}

/// Every role × section × reachable relationship through the API, against the policy table
/// (which `docs/access-policy.md` is generated from and checked against) — reading the section,
/// and writing a note in it against the write table.
#[tokio::test]
async fn the_access_policy_holds_for_every_role_section_and_relationship_over_http() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let other = app.agency("OTHER", Sector::Health).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let liaison_case = app.child(&home, &lead, "Putri").await;
    app.store
        .add_note(
            &Actor::operator("t"),
            &case,
            Section::Health,
            pelita_domain::text::NoteText::parse("vaccinations due").unwrap(),
        )
        .await
        .unwrap();
    let (mut checked, mut written) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for role in Role::ALL {
        // The same role in four positions: on the case's team, in its agency, elsewhere, and
        // (for the liaison) having handed the child over.
        let r = role.as_str();
        let on_team = app.user(&format!("{r}.team"), role, Some(&home)).await;
        app.store
            .add_team_member(&Actor::operator("t"), &case, &on_team)
            .await
            .unwrap();
        let same = app.user(&format!("{r}.same"), role, Some(&home)).await;
        let elsewhere = app.user(&format!("{r}.else"), role, Some(&other)).await;
        let handed = app.user(&format!("{r}.handed"), role, Some(&other)).await;
        app.store
            .set_handed_over_by(&Actor::operator("t"), &liaison_case, &handed)
            .await
            .unwrap();
        for (user, case_id) in [
            (&on_team, &case),
            (&same, &case),
            (&elsewhere, &case),
            (&handed, &liaison_case),
        ] {
            let token = app.token(user).await;
            let meta = app.store.case_meta(case_id).await.unwrap();
            let reader = Reader {
                id: user.clone(),
                role,
                agency_id: app.store.user(user).await.unwrap().agency_id,
            };
            let rel = meta.relationship(&reader);
            for section in Section::ALL {
                let expected = policy::decide(role, section, rel);
                seen.insert((role, section, rel));
                let path = format!("/api/v1/cases/{case_id}/sections/{}", section.as_str());
                let (s, v, _) = api(&app, "GET", &path, Some(&token), None).await;
                let got = match (s, v["code"].as_str()) {
                    (StatusCode::OK, _) if v["minimal"] == json!(true) => Decision::AllowMinimal,
                    (StatusCode::OK, _) => Decision::Allow,
                    (StatusCode::FORBIDDEN, Some("justification-required")) => {
                        Decision::WithJustification
                    }
                    (StatusCode::FORBIDDEN, Some("forbidden")) => Decision::Deny,
                    other => panic!("{role} {section:?} {rel:?}: unexpected {other:?} {v}"),
                };
                assert_eq!(
                    got,
                    expected,
                    "{role} / {} / {}",
                    section.as_str(),
                    rel.as_str()
                );
                if expected == Decision::WithJustification {
                    let body =
                        json!({"justification": "child in hospital, lead unreachable"}).to_string();
                    let (s, _, _) = api(
                        &app,
                        "POST",
                        &format!("{path}/open"),
                        Some(&token),
                        Some(body),
                    )
                    .await;
                    assert_eq!(
                        s,
                        StatusCode::OK,
                        "break-glass refused for {role} {section:?}"
                    );
                }
                if got == Decision::AllowMinimal {
                    assert!(
                        v["identity"]["names"].get("aliases").is_none()
                            || v["identity"]["names"]["aliases"] == json!([])
                    );
                }
                // And the write table, for a note in the section.
                if section != Section::Status {
                    let standing = meta.standing(&reader);
                    let may = policy::write::may_change(
                        role,
                        policy::write::Change::Note(section),
                        standing,
                    );
                    let body = json!({"section": section.as_str(), "text": "Seen at school"});
                    let (s, v, _) = api(
                        &app,
                        "POST",
                        &format!("/api/v1/cases/{case_id}/notes"),
                        Some(&token),
                        Some(body.to_string()),
                    )
                    .await;
                    let wrote = match s {
                        StatusCode::CREATED => true,
                        StatusCode::FORBIDDEN => false,
                        other => panic!("{role} note {section:?}: unexpected {other} {v}"),
                    };
                    assert_eq!(
                        wrote,
                        may,
                        "{role} / note: {} / {}",
                        section.as_str(),
                        standing.as_str()
                    );
                    written += usize::from(wrote);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, Role::ALL.len() * 4 * Section::ALL.len());
    assert!(written > 0, "some notes were allowed");
    // Every relationship but "referred" (which needs referrals) was reached by some role.
    for rel in [
        "assigned",
        "supervisor",
        "same_agency",
        "handed_over_by",
        "none",
    ] {
        assert!(
            seen.iter().any(|(_, _, r)| r.as_str() == rel),
            "{rel} never reached"
        );
    }
    // Sensitive reads were logged, break-glass ones with their reason.
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert!(log.iter().any(|e| e.justification.is_some()));
    assert!(log.iter().all(|e| e.section != "status"));
}

#[tokio::test]
async fn the_justice_officer_and_the_liaison_see_only_their_sections_on_the_case_page() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let bapas = app.agency("BAPAS", Sector::Justice).await;
    let desk = app.agency("DESK", Sector::Security).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let justice = app.user("probation", Role::Justice, Some(&bapas)).await;
    let liaison = app
        .user("liaison", Role::SecurityLiaison, Some(&desk))
        .await;
    let case = app.child(&home, &lead, "Amina Rahmawati").await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &justice)
        .await
        .unwrap();
    app.store
        .set_handed_over_by(&Actor::operator("t"), &case, &liaison)
        .await
        .unwrap();

    let mut j = Browser::new(&app);
    j.sign_in("probation", PASSWORD).await;
    let (s, _, page) = j.get(&format!("/cases/{case}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Amina Rahmawati"));
    assert!(page.contains("id=\"section-justice\""));
    let restricted = |page: &str, key: &str| {
        let start = page.find(&format!("id=\"section-{key}\"")).unwrap();
        page[start..]
            .split("</section>")
            .next()
            .unwrap()
            .contains("Restricted")
    };
    assert!(
        restricted(&page, "psychosocial")
            && restricted(&page, "circumstances")
            && restricted(&page, "health")
    );
    assert!(!restricted(&page, "justice") && !restricted(&page, "plan"));
    // One page view logs each sensitive section shown, once: identity, justice, plan.
    let mut viewed: Vec<String> = app
        .store
        .access_log_for_case(&case)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.reader == justice)
        .map(|e| e.section)
        .collect();
    viewed.sort();
    assert_eq!(viewed, ["identity", "justice", "plan"]);

    let mut l = Browser::new(&app);
    l.sign_in("liaison", PASSWORD).await;
    let (s, _, page) = l.get(&format!("/cases/{case}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Amina Rahmawati"),
        "minimal identity shows the name"
    );
    for key in [
        "contact",
        "circumstances",
        "psychosocial",
        "health",
        "education",
        "family",
        "justice",
        "plan",
        "participation",
    ] {
        assert!(restricted(&page, key), "the liaison sees {key}");
    }
    // A researcher sees no record at all.
    app.user("res", Role::Researcher, None).await;
    let mut r = Browser::new(&app);
    r.sign_in("res", PASSWORD).await;
    assert_eq!(
        r.get(&format!("/cases/{case}")).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn second_factor_is_enrolled_once_and_a_code_is_never_accepted_twice() {
    let app = App::new(true).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    app.user("sari", Role::CaseWorker, Some(&agency)).await;
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
    let mut again = Browser::new(&app);
    again.sign_in("sari", PASSWORD).await;
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

#[tokio::test]
async fn pages_render_in_every_language_and_dhivehi_is_right_to_left() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    let u = app.user("sari", Role::CaseWorker, Some(&agency)).await;
    let case = app.child(&agency, &u, "ޢާއިޝަތު").await;
    for (lang, dir) in [
        ("en", "ltr"),
        ("id", "ltr"),
        ("ms", "ltr"),
        ("bn", "ltr"),
        ("dv", "rtl"),
        ("fil", "ltr"),
    ] {
        let mut b = Browser::new(&app);
        b.lang = lang;
        b.sign_in("sari", PASSWORD).await;
        for path in [
            "/work".to_owned(),
            "/register".to_owned(),
            "/search".to_owned(),
            "/profile".to_owned(),
            format!("/cases/{case}"),
        ] {
            let (s, _, page) = b.get(&path).await;
            assert_eq!(s, StatusCode::OK, "{lang} {path}");
            assert!(
                page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{lang} {path}"
            );
            assert!(!page.contains("{ $"), "{lang} {path}: unresolved placeable");
            assert!(page.len() < 60_000, "{lang} {path}: {} bytes", page.len());
        }
    }
    // A chosen language wins over the browser's.
    let mut b = Browser::new(&app);
    b.sign_in("sari", PASSWORD).await;
    let csrf = b.csrf().await;
    b.post("/profile/language", &[("csrf", &csrf), ("language", "dv")])
        .await;
    let (_, _, page) = b.get("/work").await;
    assert!(page.contains("dir=\"rtl\""));
}

#[tokio::test]
async fn the_lead_worker_corrects_identity_and_adds_age_evidence_others_cannot() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let school = app.agency("SMP", Sector::Education).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    let case = app.child(&home, &lead, "Amina").await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &teacher)
        .await
        .unwrap();

    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/identity");
    // A document says the child is 19; the child declared born in 2011 — the age is disputed
    // and the youngest claim counts: still treated as a child.
    let (s, _, _) = b
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("given", "Aminah"),
                ("given_latin", ""),
                ("family", "Putri"),
                ("sex", "female"),
                ("precision", "exact"),
                ("birth_date", "2007-01-01"),
                ("evidence", "document"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Aminah Putri"));
    assert!(
        page.contains("14–19 years"),
        "disputed ages span every claim"
    );
    assert!(page.contains("Treated as a child"));
    assert!(
        page.contains("identity.given") && page.contains("identity.age_evidence"),
        "field-level history"
    );

    let (s, _, page) = b
        .post(
            &path,
            &[("csrf", &csrf), ("given", "   "), ("sex", "female")],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("This field is required."));

    let mut t = Browser::new(&app);
    t.sign_in("teacher", PASSWORD).await;
    let csrf = t.csrf().await;
    let (s, _, _) = t
        .post(&path, &[("csrf", &csrf), ("given", "X"), ("sex", "male")])
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a teacher edited the child's identity"
    );
}

#[tokio::test]
async fn administrators_change_roles_and_reset_a_lost_second_factor_after_confirming_their_password()
 {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    let sari = app.user("sari", Role::CaseWorker, Some(&agency)).await;
    app.user("admin", Role::Administrator, None).await;
    app.store
        .set_totp(&Actor::operator("t"), &sari, b"12345678901234567890")
        .await
        .unwrap();
    let mut s = Browser::new(&app);
    s.sign_in("sari", PASSWORD).await;
    let mut a = Browser::new(&app);
    a.sign_in("admin", PASSWORD).await;
    let csrf = a.csrf().await;
    let (status, _, _) = a
        .post(
            "/admin/users/disable",
            &[
                ("csrf", &csrf),
                ("user_id", &sari),
                ("action", "reset_second_factor"),
                ("admin_password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no re-authentication"
    );
    assert!(app.store.totp(&sari).await.unwrap().is_some());
    a.post(
        "/admin/users/disable",
        &[
            ("csrf", &csrf),
            ("user_id", &sari),
            ("action", "reset_second_factor"),
            ("admin_password", PASSWORD),
        ],
    )
    .await;
    assert!(app.store.totp(&sari).await.unwrap().is_none());
    assert_eq!(
        s.get("/work").await.0,
        StatusCode::SEE_OTHER,
        "sessions survive a reset"
    );
    a.post(
        "/admin/users/disable",
        &[
            ("csrf", &csrf),
            ("user_id", &sari),
            ("action", "set_role"),
            ("role", "supervisor"),
            ("admin_password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(app.store.user(&sari).await.unwrap().role, Role::Supervisor);
    // The administrator sees no case content.
    let case = app.child(&agency, &sari, "Amina").await;
    assert_eq!(
        a.get(&format!("/cases/{case}")).await.0,
        StatusCode::FORBIDDEN
    );
}

/// The consent ledger on the case page and over the API: the child's age decides who must
/// agree, the child's withdrawal counts, bad entries change nothing, and a reader without the
/// participation section neither sees nor writes it.
#[tokio::test]
async fn the_consent_ledger_records_who_agreed_and_shows_where_each_purpose_stands() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let police = app.agency("POL", Sector::Security).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let liaison = app
        .user("liaison", Role::SecurityLiaison, Some(&police))
        .await;
    // Born in 2011: 14 or 15 today, so the child assents and a caregiver consents.
    let case = app.child(&home, &lead, "Amina").await;
    app.store
        .set_handed_over_by(&Actor::operator("t"), &case, &liaison)
        .await
        .unwrap();

    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/consents");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("At this age the child assents"));
    assert!(page.contains("Nothing is recorded in the consent ledger yet."));
    let entry = |giver: &'static str, decision: &'static str, on: &'static str| {
        vec![
            ("purpose", "assessment"),
            ("giver", giver),
            ("decision", decision),
            ("on", on),
            ("note", "Explained with the aunt present"),
        ]
    };
    fn post<'a>(fields: Vec<(&'a str, &'a str)>, csrf: &'a str) -> Vec<(&'a str, &'a str)> {
        let mut fields = fields;
        fields.push(("csrf", csrf));
        fields
    }
    let (s, h, _) = b
        .post(
            &path,
            &post(entry("caregiver", "given", "2026-11-20"), &csrf),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{h:?}");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("A caregiver or guardian: agreed on 20"));
    assert!(page.contains("The child: not yet asked"));
    assert!(page.contains("Not agreed"));
    b.post(&path, &post(entry("child", "given", "2026-11-21"), &csrf))
        .await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Assessment</strong>: Agreed"), "both agreed");

    // Bad entries: a date in the future, an impossible date, withdrawing research consent
    // never given. Each gets a message and the ledger stays at two entries.
    for (fields, message) in [
        (
            entry("child", "refused", "2026-12-24"),
            "This date is in the future.",
        ),
        (
            entry("child", "refused", "2026-02-30"),
            "This date does not exist.",
        ),
        (
            vec![
                ("purpose", "research"),
                ("giver", "caregiver"),
                ("decision", "withdrawn"),
                ("on", "2026-11-27"),
            ],
            "There is no consent from this person for this purpose to withdraw.",
        ),
    ] {
        let (s, _, page) = b.post(&path, &post(fields, &csrf)).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains(message), "{message}");
    }
    let token = app.token(&lead).await;
    let (s, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1{}", &path[..]),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["entries"].as_array().unwrap().len(), 2);
    assert_eq!(v["standing"][0]["purpose"], "assessment");
    assert_eq!(v["standing"][0]["allows"], true);
    assert_eq!(v["standing"][0]["child_voice"], "assent");

    // The child withdraws over the API: the caregiver's consent does not outweigh it.
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1{path}"),
        Some(&token),
        Some(
            json!({"purpose": "assessment", "giver": "child", "decision": "withdrawn",
                   "on": "2026-11-28"})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, v, _) = api(&app, "GET", &format!("/api/v1{path}"), Some(&token), None).await;
    assert_eq!(v["standing"][0]["allows"], false);
    assert_eq!(v["entries"].as_array().unwrap().len(), 3, "history is kept");

    // The security liaison who handed the child over neither reads nor writes the ledger.
    let lt = app.token(&liaison).await;
    let (s, _, _) = api(&app, "GET", &format!("/api/v1{path}"), Some(&lt), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1{path}"),
        Some(&lt),
        Some(
            json!({"purpose": "assessment", "giver": "child", "decision": "given",
                   "on": "2026-11-28"})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let mut l = Browser::new(&app);
    l.sign_in("liaison", PASSWORD).await;
    let (_, _, page) = l.get(&format!("/cases/{case}")).await;
    assert!(!page.contains("consent-heading") && !page.contains("Consent and assent"));
}

/// A referral goes only with the consent ledger's agreement or a supervisor's written
/// override; the receiving agency sees nothing before it accepts, and then only the sections
/// shared (and its role may read); it answers and reports back.
#[tokio::test]
async fn a_referral_shares_only_consented_sections_with_the_agency_that_accepts_it() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let clinic = app.agency("CLINIC", Sector::Health).await;
    let police = app.agency("POL", Sector::Security).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let sup = app.user("sup", Role::Supervisor, Some(&home)).await;
    let nurse = app.user("nurse", Role::Health, Some(&clinic)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let (lt, st, nt) = (
        app.token(&lead).await,
        app.token(&sup).await,
        app.token(&nurse).await,
    );
    let refer = |token: &str, to: &str, over: Option<&str>| {
        let mut body = json!({"to_agency": to, "sections": ["health", "identity"],
                              "reason": "Needs a follow-up of an untreated injury"});
        if let Some(o) = over {
            body["override_justification"] = json!(o);
        }
        let (token, path) = (token.to_owned(), format!("/api/v1/cases/{case}/referrals"));
        let app = &app;
        async move { api(app, "POST", &path, Some(&token), Some(body.to_string())).await }
    };
    // No consent yet: refused, and a case worker cannot override.
    let (s, v, _) = refer(&lt, &clinic, None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("consent-required"))
    );
    let why = "Injury needs treatment this week; caregiver cannot be reached";
    let (s, v, _) = refer(&lt, &clinic, Some(why)).await;
    assert_eq!(v["code"], "override-not-allowed", "{s}");
    // Never to security services, consent or not.
    let (s, _, _) = refer(&st, &police, Some(why)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, list, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}/referrals"),
        Some(&lt),
        None,
    )
    .await;
    assert_eq!(
        list["referrals"].as_array().unwrap().len(),
        0,
        "a refused step saves nothing"
    );

    // The child assents and the caregiver consents to a referral to health services.
    for giver in ["child", "caregiver"] {
        let (s, _, _) = api(
            &app,
            "POST",
            &format!("/api/v1/cases/{case}/consents"),
            Some(&lt),
            Some(
                json!({"purpose": "referral:health", "giver": giver, "decision": "given",
                        "on": "2026-11-27"})
                .to_string(),
            ),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED);
    }
    let (s, v, _) = refer(&lt, &clinic, None).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let rid = v["id"].as_str().unwrap().to_owned();

    // Before accepting, the clinic sees the referral in its inbox but nothing of the case.
    let section = |token: String, name: &'static str| {
        let path = format!("/api/v1/cases/{case}/sections/{name}");
        let app = &app;
        async move { api(app, "GET", &path, Some(&token), None).await.0 }
    };
    assert_eq!(section(nt.clone(), "health").await, StatusCode::FORBIDDEN);
    let (_, inbox, _) = api(&app, "GET", "/api/v1/referrals", Some(&nt), None).await;
    assert_eq!(inbox["referrals"][0]["id"], rid.as_str());
    // Only the receiving agency answers.
    let mv = |token: String, body: Value| {
        let path = format!("/api/v1/referrals/{rid}/move");
        let app = &app;
        async move {
            api(app, "POST", &path, Some(&token), Some(body.to_string()))
                .await
                .0
        }
    };
    assert_eq!(
        mv(lt.clone(), json!({"to": "accepted"})).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        mv(nt.clone(), json!({"to": "accepted"})).await,
        StatusCode::NO_CONTENT
    );

    // Accepted: the shared sections open, as far as the nurse's role reads them; the plan is
    // not shared although a health worker's role could read it.
    assert_eq!(section(nt.clone(), "health").await, StatusCode::OK);
    assert_eq!(section(nt.clone(), "identity").await, StatusCode::OK);
    assert_eq!(section(nt.clone(), "plan").await, StatusCode::FORBIDDEN);
    assert_eq!(
        section(nt.clone(), "psychosocial").await,
        StatusCode::FORBIDDEN
    );
    // Feedback is required to complete it.
    assert_eq!(
        mv(nt.clone(), json!({"to": "completed"})).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        mv(
            nt.clone(),
            json!({"to": "completed", "text": "Wound treated; follow-up in two weeks"})
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        mv(nt.clone(), json!({"to": "accepted"})).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Another child, no consent: a supervisor overrides in writing; the override is kept.
    let other = app.child(&home, &lead, "Nur").await;
    let (s, v, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{other}/referrals"),
        Some(&st),
        Some(
            json!({"to_agency": clinic, "sections": ["health"], "reason": "Urgent care",
                    "override_justification": why})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (_, list, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{other}/referrals"),
        Some(&st),
        None,
    )
    .await;
    assert_eq!(list["referrals"][0]["consent_overridden_by"], sup.as_str());
    assert_eq!(list["referrals"][0]["override_justification"], why);

    // The pages: the lead worker sees the referrals on the case; the nurse's work lists the
    // pending one with a form to answer it.
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Wound treated; follow-up in two weeks") && page.contains("Completed"));
    let mut n = Browser::new(&app);
    n.sign_in("nurse", PASSWORD).await;
    let (_, _, work) = n.get("/work").await;
    assert!(work.contains("Referrals to your agency") && work.contains("Urgent care"));
    // The lead worker was told when the clinic answered and when the supervisor referred
    // another of the lead's cases; not about the lead's own changes.
    let (_, _, work) = b.get("/work").await;
    assert!(work.contains("nurse changed a case assigned to you: a referral answered."));
    assert!(work.contains("sup changed a case assigned to you: a referral sent."));
    assert!(!work.contains("lead changed a case"));
    // Read, they leave my work.
    let csrf = b.csrf().await;
    let (s, _, _) = b.post("/alerts/read", &[("csrf", &csrf)]).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, work) = b.get("/work").await;
    assert!(!work.contains("changed a case assigned to you"));
}

/// An assessment is recorded with the instrument's answers, shown per domain with no overall
/// score, and the repeat-interview guard warns before another interview too soon.
#[tokio::test]
async fn an_assessment_records_strengths_and_needs_per_domain_and_warns_before_a_repeat_interview()
{
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/assessments");
    let (s, _, form) = b.get(&path).await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains("No one has assessed this child yet."));
    assert!(form.contains("Community acceptance and stigma") && form.contains("no overall score"));
    let fields = [
        ("csrf", csrf.as_str()),
        ("on", "2026-11-27"),
        ("language", "id"),
        ("assent", "given"),
        ("present", "Her aunt and an interpreter"),
        ("a.safe_place", "yes"),
        ("a.threats", "no"),
        // Skipped by the answer above: left out, not refused.
        ("a.threat_source", "group"),
        ("a.distress", "3"),
        ("a.coping", "2"),
        ("a.goal", "To go back to school and become a nurse"),
    ];
    let (s, h, _) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{h:?}");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Assessments by domain"));
    assert!(
        page.contains("1 strengths · 0 needs (2/2)"),
        "safety: the skipped item is not asked"
    );
    assert!(page.contains("1 strengths · 1 needs (2/3)"), "wellbeing");
    // Bad input changes nothing: a refused assent with answers, a future date, a scale of 7.
    for (bad, message) in [
        (
            vec![("assent", "refused"), ("a.safe_place", "yes")],
            "The child did not agree",
        ),
        (
            vec![("assent", "given"), ("on", "2027-01-01")],
            "This date is in the future.",
        ),
        (
            vec![("assent", "given"), ("a.distress", "7")],
            "This value is not valid.",
        ),
    ] {
        let mut f: Vec<(&str, &str)> =
            vec![("csrf", &csrf), ("on", "2026-11-28"), ("language", "en")];
        f.extend(bad);
        let (s, _, page) = b.post(&path, &f).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains(message), "{message}");
    }
    let (_, _, form) = b.get(&path).await;
    assert!(
        form.contains("id=\"repeat-warning\""),
        "an interview yesterday: the guard warns"
    );
    assert!(form.contains("(1 so far)"));
    // A reassessment: the change per domain shows as a small chart with its text alternative.
    assert!(
        !page.contains("class=\"trend\""),
        "one assessment: no chart yet"
    );
    let (s, _, _) = b
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("on", "2026-11-28"),
                ("language", "id"),
                ("assent", "given"),
                ("a.safe_place", "yes"),
                ("a.threats", "no"),
                ("a.distress", "1"),
                ("a.coping", "3"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("class=\"trend\""));
    assert!(
        page.contains("Strengths 1 → 1, needs 0 → 0, from the first assessment to the latest."),
        "safety stayed the same"
    );
    // A teacher on the team does not assess (no psychosocial section for education).
    let school = app.agency("SMP", Sector::Education).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &teacher)
        .await
        .unwrap();
    let mut tb = Browser::new(&app);
    tb.sign_in("teacher", PASSWORD).await;
    let (s, _, _) = tb.get(&path).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

/// A plan is approved only by a supervisor, only after an assessment and only with the
/// child's views (or a record of why they could not be given); a refusal says why and
/// approves nothing.
#[tokio::test]
async fn a_plan_is_approved_only_after_an_assessment_and_with_the_childs_views() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    app.user("sup", Role::Supervisor, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let plan = format!("/cases/{case}/plan");
    let (s, _, _) = b
        .post(
            &plan,
            &[
                ("csrf", &csrf),
                ("goal_domain", "education"),
                ("goal_kind", "reintegration"),
                ("goal_text", "Back to school in January"),
                ("action_text", "Enrol at the junior secondary school"),
                ("action_agency", &home),
                ("action_due", "2027-01-05"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, page) = b.post(&format!("{plan}/approve"), &[("csrf", &csrf)]).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Only a supervisor may approve this."));

    let mut sup = Browser::new(&app);
    sup.sign_in("sup", PASSWORD).await;
    let scsrf = sup.csrf().await;
    let approve_path = format!("{plan}/approve");
    let (_, _, page) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert!(page.contains("cannot be approved before the child has been assessed"));
    assert!(page.contains("Draft, awaiting a supervisor"));
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/assessments"),
            &[
                ("csrf", &csrf),
                ("on", "2026-11-27"),
                ("language", "id"),
                ("assent", "given"),
                ("a.in_school", "no"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert!(
        page.contains("cannot be approved without the child&#39;s views")
            || page.contains("cannot be approved without the child's views")
    );
    b.post(
        &plan,
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school with my cousin"),
        ],
    )
    .await;
    let (s, _, _) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(">Approved<") && page.contains("Enrol at the junior secondary school"));
    // Progress on an action is recorded one action at a time; the approval stands.
    let (s, _, _) = b
        .post(
            &format!("{plan}/actions"),
            &[
                ("csrf", &csrf),
                ("goal", "0"),
                ("action", "0"),
                ("status", "in_progress"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(">Approved<") && page.contains("s-in_progress\">in progress<"));
    let (s, _, _) = b
        .post(
            &format!("{plan}/actions"),
            &[
                ("csrf", &csrf),
                ("goal", "3"),
                ("action", "0"),
                ("status", "done"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "no such action");
    // Changing an approved plan makes it a draft again.
    b.post(
        &plan,
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school"),
            ("review_on", "2027-03-01"),
        ],
    )
    .await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Draft, awaiting a supervisor"));

    // Closure: the lead worker cannot close; the supervisor closes with a reason, and three
    // follow-ups appear; the lead worker records the first, with the child's own view.
    let mv = format!("/cases/{case}/move");
    for to in ["planned", "in_progress"] {
        b.post(&mv, &[("csrf", &csrf), ("to", to), ("reason", "")])
            .await;
    }
    let (_, _, page) = b
        .post(
            &mv,
            &[
                ("csrf", &csrf),
                ("to", "closed"),
                ("reason", "Back with her family"),
            ],
        )
        .await;
    assert!(page.contains("Only a supervisor may approve this."));
    let (s, _, _) = sup
        .post(
            &mv,
            &[
                ("csrf", &scsrf),
                ("to", "closed"),
                ("reason", "Back with her family"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert_eq!(
        page.matches("Due 28 ").count(),
        3,
        "follow-ups at 3, 6 and 12 months"
    );
    let fid = page
        .split("action=\"/followups/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let (s, _, _) = b
        .post(
            &format!("/followups/{fid}"),
            &[
                ("csrf", &csrf),
                ("family", "yes"),
                ("school", "yes"),
                ("acceptance", "2"),
                ("child_view", "I like my new school"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("I like my new school"));
}

#[tokio::test]
async fn a_case_conference_decides_with_a_child_protection_lead_and_its_tasks_reach_my_work() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let colleague = app.user("colleague", Role::CaseWorker, Some(&home)).await;
    let outsider = app.user("outsider", Role::CaseWorker, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/conferences");
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("held_on", "2026-11-27"),
        ("p_name", "Sari"),
        ("p_org", "HOME"),
        ("p_role", "case_worker"),
        ("p_name", "Dr Rahman"),
        ("p_org", ""),
        ("p_role", "psychologist"),
        ("minutes", "Reviewed the assessment and the aunt's offer"),
        ("child_views", "I want to live with my aunt"),
        ("decision_kind", "placement"),
        ("decision", "Placement with the maternal aunt"),
        ("best_interests", "Family-based care, near her school"),
        ("dissent_by", "Dr Rahman"),
        ("dissent", "Too early: the aunt's home is not yet assessed"),
        ("t_text", "Visit the aunt's home"),
        ("t_assignee", colleague.as_str()),
        ("t_priority", "high"),
        ("t_due", ""),
    ];
    // A placement without a child-protection lead present is refused, and nothing is saved.
    let (s, _, page) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("need a child-protection lead among the participants"));
    assert!(page.contains("No case conference has been recorded."));
    assert!(
        page.contains("Placement with the maternal aunt</textarea>")
            && page.contains("value=\"Dr Rahman\"")
            && page.contains("<option value=\"high\" selected>"),
        "the refused conference is shown again with what was typed"
    );
    fields.extend([
        ("p_name", "Ayu"),
        ("p_org", "HOME"),
        ("p_role", "child_protection_lead"),
    ]);
    let (s, _, _) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    for shown in [
        "Placement with the maternal aunt",
        "Family-based care, near her school",
        "Too early: the aunt",
        "Ayu (child-protection lead, HOME)",
    ] {
        assert!(page.contains(shown), "{shown}");
    }

    // The task is in the colleague's work, due within 24 hours (high priority), with an alert;
    // marked done, it leaves.
    let mut c = Browser::new(&app);
    c.sign_in("colleague", PASSWORD).await;
    let ccsrf = c.csrf().await;
    let (_, _, work) = c.get("/work").await;
    assert!(work.contains("Conference task") && work.contains("Visit the aunt"));
    assert!(work.contains("due within 24 hours"));
    assert!(work.contains("gave you a task from a case conference"));
    let tid = work
        .split("action=\"/tasks/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_owned();
    let mut o = Browser::new(&app);
    o.sign_in("outsider", PASSWORD).await;
    let ocsrf = o.csrf().await;
    let (s, _, _) = o
        .post(&format!("/tasks/{tid}/done"), &[("csrf", &ocsrf)])
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "only the assignee marks a task done"
    );
    let (s, _, _) = c
        .post(&format!("/tasks/{tid}/done"), &[("csrf", &ccsrf)])
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, work) = c.get("/work").await;
    assert!(!work.contains("Visit the aunt"));
    // The lead worker's first assessment of this high-priority case is due within a day.
    let (_, _, work) = b.get("/work").await;
    assert!(work.contains("First assessment"));

    // Over the API: the same rule, and only the lead worker or a supervisor records.
    let body = |kind: &str, lead: bool| {
        let mut participants = vec![
            json!({"name": "Sari", "role": "case_worker"}),
            json!({"name": "Dr Rahman", "role": "psychologist"}),
        ];
        if lead {
            participants.push(json!({"name": "Ayu", "role": "child_protection_lead"}));
        }
        json!({
            "held_on": "2026-11-27", "participants": participants, "minutes": "Met",
            "child_views": {"state": "recorded", "text": "I want to go home"},
            "decisions": [{"kind": kind, "text": "Return", "best_interests": "Family unity"}],
        })
        .to_string()
    };
    let url = format!("/api/v1/cases/{case}/conferences");
    let token = app.token(&lead).await;
    let (s, v, _) = api(
        &app,
        "POST",
        &url,
        Some(&token),
        Some(body("repatriation", false)),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "child-protection-lead-required");
    let (s, _, _) = api(
        &app,
        "POST",
        &url,
        Some(&token),
        Some(body("care_plan", false)),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "a care-plan decision needs no lead");
    let other = app.token(&outsider).await;
    let (s, _, _) = api(
        &app,
        "POST",
        &url,
        Some(&other),
        Some(body("care_plan", true)),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v, _) = api(&app, "GET", &url, Some(&token), None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["conferences"].as_array().unwrap().len(), 2);
    let (_, v, _) = api(&app, "GET", "/api/v1/tasks", Some(&token), None).await;
    assert_eq!(v["tasks"][0]["kind"], "assessment");

    // The household: a caregiver barred from contact is refused; a valid household shows.
    let hpath = format!("/cases/{case}/household");
    let member = |no_contact: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("living", "with_relatives".to_owned()),
            ("m_name", "Siti".to_owned()),
            ("m_kinship", "aunt_or_uncle".to_owned()),
            ("m_caregiver", "yes".to_owned()),
            ("m_lives", "yes".to_owned()),
            ("m_no_contact", no_contact.to_owned()),
            ("m_note", String::new()),
        ]
    };
    let bad = member("yes");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, page) = b.post(&hpath, &bad).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("cannot also be barred from contact")
            && page.contains("No family members recorded.")
    );
    assert!(
        page.contains("<details class=\"edit\" open><summary>") && page.contains("value=\"Siti\""),
        "the refused household is shown open with what was typed"
    );
    let good = member("no");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, _) = b.post(&hpath, &good).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        page.contains("Siti") && page.contains("aunt or uncle") && page.contains("with relatives")
    );
}

#[tokio::test]
async fn every_interview_of_the_child_is_counted_and_another_one_soon_needs_a_reason() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let bapas = app.agency("BAPAS", Sector::Justice).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let officer = app.user("officer", Role::Justice, Some(&bapas)).await;
    let case = app.child(&home, &lead, "Amina").await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &officer)
        .await
        .unwrap();
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/interviews");
    let on = now().date_naive().to_string();
    let post = |purpose: &'static str, reason: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("held_on", on.clone()),
            ("purpose", purpose.to_owned()),
            ("present", "Her aunt".to_owned()),
            ("reason", reason.to_owned()),
        ]
    };
    let send = |v: Vec<(&'static str, String)>| v;
    let first = send(post("psychosocial", ""));
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, _) = b.post(&path, &first).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // The same day again, without a reason: refused, nothing saved.
    let (s, _, page) = b.post(&path, &first).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("The child was interviewed recently"));
    assert!(page.contains("The child has been interviewed once"));
    assert!(
        page.contains("<option value=\"psychosocial\" selected>")
            && page.contains(">Her aunt</textarea>"),
        "the refused interview is shown again with what was typed, for the reason to be added"
    );
    let second = post(
        "justice",
        "The prosecutor needs her statement before the hearing",
    );
    let second: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, _) = b.post(&path, &second).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("The child has been interviewed 2 times"));
    assert!(page.contains("The last interview was 0 days ago"));

    // The probation officer sees both, but what the psychosocial one was for stays hidden,
    // and may not record a psychosocial interview.
    let mut o = Browser::new(&app);
    o.sign_in("officer", PASSWORD).await;
    let ocsrf = o.csrf().await;
    let (_, _, page) = o.get(&format!("/cases/{case}")).await;
    assert!(page.contains("(purpose not shared with you)"));
    assert!(page.contains("police, prosecution or court"));
    let (s, _, _) = o
        .post(
            &path,
            &[
                ("csrf", &ocsrf),
                ("held_on", &on),
                ("purpose", "psychosocial"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let token = app.token(&officer).await;
    let (s, v, _) = api(
        &app,
        "GET",
        &path.replace("/cases", "/api/v1/cases"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["count"], 2);
    assert!(
        v["interviews"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["purpose"].is_null())
    );
}

#[tokio::test]
async fn the_family_is_assessed_in_the_family_section_and_that_does_not_stand_in_for_the_childs_assessment()
 {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    app.user("sup", Role::Supervisor, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let (s, _, form) = b
        .get(&format!(
            "/cases/{case}/assessments?instrument=family-assessment"
        ))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains("Family assessment") && form.contains("Community ties and stigma"));
    let (s, h, _) = b
        .post(
            &format!("/cases/{case}/assessments"),
            &[
                ("csrf", &csrf),
                ("instrument", "family-assessment"),
                ("on", "2026-11-27"),
                ("language", "en"),
                ("assent", "given"),
                ("a.fam_willing", "yes"),
                ("a.fam_stigma", "2"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(location(&h).ends_with("#section-family"));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Family assessments by domain"));
    assert!(
        page.contains("No one has assessed this child yet."),
        "the child's own table is empty"
    );
    // A plan with the child's views cannot be approved on a family assessment alone.
    b.post(
        &format!("/cases/{case}/plan"),
        &[
            ("csrf", &csrf),
            ("child_views", "I want to stay with my aunt"),
            ("goal_domain", "education"),
            ("goal_kind", "reintegration"),
            ("goal_text", "Back to school"),
        ],
    )
    .await;
    let mut sup = Browser::new(&app);
    sup.sign_in("sup", PASSWORD).await;
    let scsrf = sup.csrf().await;
    let (_, _, page) = sup
        .post(&format!("/cases/{case}/plan/approve"), &[("csrf", &scsrf)])
        .await;
    assert!(page.contains("cannot be approved before the child has been assessed"));
    // Over the API the two are apart as well.
    let token = app.token(&lead).await;
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}/assessments?section=family"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["assessments"][0]["instrument"], "family-assessment");
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}/assessments"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["assessments"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn no_role_opens_proceedings_below_the_minimum_age_and_detention_clocks_demand_release() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await; // Indonesia: MACR 12
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let sup = app.user("sup", Role::Supervisor, Some(&home)).await;
    let older = app.child(&home, &lead, "Amina").await; // born 2011: 14 or 15
    let young = app
        .store
        .register_child(
            &Actor::operator("t"),
            Registration {
                agency_id: home.clone(),
                identity: ChildIdentity {
                    names: PersonNames::simple(NameText::parse("Putri").unwrap(), None),
                    sex: Sex::Female,
                    age: Age::with(
                        BirthDate::Year { year: 2014 },
                        EvidenceKind::Declaration,
                        "lead",
                        now().date_naive(),
                    ),
                },
                priority: Priority::new(PriorityLevel::High, "detained by police").unwrap(),
                assigned_to: Some(lead.clone()),
                circumstances: None,
            },
        )
        .await
        .unwrap()
        .case_id;
    // Born in 2014, the child could be 11 at an offence in June 2026: every role is refused,
    // over the API and in the browser, and the protection pathway is named.
    let proceeding = |forum: &str, penalty: u32| {
        json!({"forum": forum, "legal_aid": true, "parents_notified": true,
               "offence": {"description": "Carried messages", "on": "2026-06-15",
                           "max_penalty_years": penalty}})
        .to_string()
    };
    for who in [&lead, &sup] {
        let token = app.token(who).await;
        let (s, v, _) = api(
            &app,
            "POST",
            &format!("/api/v1/cases/{young}/proceedings"),
            Some(&token),
            Some(proceeding("children_court", 5)),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(v["code"], "below-minimum-age");
        assert!(v["pathway"].as_str().unwrap().contains("6 months"));
    }
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let (s, _, page) = b
        .post(
            &format!("/cases/{young}/proceedings"),
            &[
                ("csrf", &csrf),
                ("forum", "children_court"),
                ("offence", "Carried messages"),
                ("offence_on", "2026-06-15"),
                ("penalty", "5"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("could be, below the minimum age") && page.contains("LPKS"));
    assert!(page.contains("No proceedings recorded."));

    // The older child: proceedings open (before an adult court: the supervisor is alerted);
    // formal proceedings wait for the diversion assessment, which must be an attempt here.
    let token = app.token(&lead).await;
    let (s, v, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{older}/proceedings"),
        Some(&token),
        Some(proceeding("adult_court", 5)),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let pid = v["id"].as_str().unwrap().to_owned();
    assert!(
        app.store
            .alerts(&sup)
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "forum")
    );
    let formal = format!("/api/v1/proceedings/{pid}/formal");
    let (s, v, _) = api(&app, "POST", &formal, Some(&token), None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("diversion-first"))
    );
    let diversion = |outcome: &str| {
        json!({"on": "2026-11-20", "outcome": outcome, "note": "Family conference"}).to_string()
    };
    let dpath = format!("/api/v1/proceedings/{pid}/diversion");
    api(
        &app,
        "POST",
        &dpath,
        Some(&token),
        Some(diversion("not_eligible")),
    )
    .await;
    let (s, _, _) = api(&app, "POST", &formal, Some(&token), None).await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "under 7 years: the attempt is mandatory"
    );
    api(
        &app,
        "POST",
        &dpath,
        Some(&token),
        Some(diversion("not_agreed")),
    )
    .await;
    let (s, _, _) = api(&app, "POST", &formal, Some(&token), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);

    // Investigation detention registered 8 days ago in Jakarta: past the 7-day limit, release
    // is required — on the case page, and in the supervisor's work; released, it says the
    // limit was reached first.
    let started = (now() - chrono::TimeDelta::days(8))
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let detention_form = [
        ("csrf", csrf.as_str()),
        ("stage", "investigation"),
        ("started_at", &started),
        ("order", "SP.Han/12/XI/2026"),
        ("legal_basis", "UU SPPA art. 32"),
        (
            "alternatives",
            "Return to the parents: the father is in the network",
        ),
        (
            "best_interests",
            "Away from the network while the investigation lasts",
        ),
        ("place", "LPAS Jakarta"),
        ("separated", "yes"),
        ("parents_notified", "yes"),
    ];
    // Indonesia detains a child only for an offence punishable by 7 years or more (SPPA art.
    // 32(2)): with the 5-year offence alone, the detention is refused and nothing is saved.
    let (s, _, page) = b
        .post(&format!("/cases/{older}/detentions"), &detention_form)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(!page.contains("Release is required by law now"));
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{older}/proceedings"),
        Some(&token),
        Some(proceeding("children_court", 7)),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _, _) = b
        .post(&format!("/cases/{older}/detentions"), &detention_form)
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{older}")).await;
    assert!(page.contains("Release is required by law now"));
    let mut sv = Browser::new(&app);
    sv.sign_in("sup", PASSWORD).await;
    let (_, _, work) = sv.get("/work").await;
    assert!(work.contains("Detention clock") && work.contains("release required"));
    let did = page
        .split("action=\"/detentions/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let (s, _, _) = b
        .post(
            &format!("/detentions/{did}"),
            &[("csrf", &csrf), ("change", "release")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{older}")).await;
    assert!(!page.contains("Release is required by law now"));
    assert!(page.contains("limit reached before release"));
    // Family contact while detained, and the indicators: aggregates for the supervisor and
    // researchers, nothing for a case worker.
    let (s, _, _) = b
        .post(
            &format!("/cases/{older}/family-contacts"),
            &[("csrf", &csrf), ("on", "2026-11-27"), ("kind", "visit")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let researcher = app.user("researcher", Role::Researcher, None).await;
    let (s, v, _) = api(
        &app,
        "GET",
        "/api/v1/indicators/justice",
        Some(&app.token(&researcher).await),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["children_in_detention"], 0, "released above");
    assert_eq!(v["pct_limit_reached_without_release"], 100.0);
    let (s, _, _) = api(
        &app,
        "GET",
        "/api/v1/indicators/justice",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Expungement: not by the case worker; the supervisor does it on a court order, and the
    // justice records are gone from the page and the API.
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{older}/justice/expunge"),
        Some(&token),
        Some(json!({"order": "Court order 44/2026"}).to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{older}/justice/expunge"),
        Some(&app.token(&sup).await),
        Some(json!({"order": "Court order 44/2026"}).to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{older}/justice"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["proceedings"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["detentions"].as_array().map(Vec::len), Some(0));
    // The young child cannot be detained either.
    let (s, _, page) = b
        .post(
            &format!("/cases/{young}/detentions"),
            &[
                ("csrf", &csrf),
                ("stage", "investigation"),
                ("started_at", &started),
                ("order", "SP.Han/13/XI/2026"),
                ("legal_basis", "x"),
                ("alternatives", "x"),
                ("best_interests", "x"),
                ("place", "x"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("could be, below the minimum age"));
}

#[tokio::test]
async fn the_social_inquiry_report_presents_the_child_as_a_victim_with_summaries_only() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let bapas = app.agency("BAPAS", Sector::Justice).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let officer = app.user("officer", Role::Justice, Some(&bapas)).await;
    let case = app.child(&home, &lead, "Amina").await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &officer)
        .await
        .unwrap();
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    b.post(
        &format!("/cases/{case}/assessments"),
        &[
            ("csrf", &csrf),
            ("on", "2026-11-27"),
            ("language", "en"),
            ("assent", "given"),
            ("a.in_school", "no"),
            ("a.goal", "To become a nurse — private words of the child"),
        ],
    )
    .await;
    // A sentence the guard flags, from its own samples (no such wording lives in this file).
    let stigmatising = include_str!("../../domain/terminology/samples.tsv")
        .lines()
        .find_map(|l| l.strip_prefix("en\tflag\t"))
        .unwrap();
    b.post(
        &format!("/cases/{case}/plan"),
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school"),
            ("goal_domain", "education"),
            ("goal_kind", "reintegration"),
            ("goal_text", stigmatising),
            ("action_text", "Enrol"),
            ("action_agency", &home),
            ("action_activity", "school_re_entry"),
        ],
    )
    .await;
    // The probation officer (no psychosocial section) reads the report: victim first, the
    // assessment as summaries, the plan, and the guard's warning on the stigmatising word —
    // never the child's own words from the assessment.
    let mut o = Browser::new(&app);
    o.sign_in("officer", PASSWORD).await;
    let (s, _, report) = o.get(&format!("/cases/{case}/report")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(report.contains("recognised as a victim since"));
    assert!(
        report.contains("What the child wants for the next year, in their words"),
        "a strength, named by its item"
    );
    assert!(report.contains("school re-entry"));
    assert!(report.contains("terminology guard found wording"));
    assert!(!report.contains("private words of the child"));
    let (s, _, _) = o.get(&format!("/cases/{case}/assessments")).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "the assessment itself stays closed to justice"
    );
    // Those who may not read the justice section do not get the report.
    let school = app.agency("SMP", Sector::Education).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &teacher)
        .await
        .unwrap();
    let mut tb = Browser::new(&app);
    tb.sign_in("teacher", PASSWORD).await;
    let (s, _, _) = tb.get(&format!("/cases/{case}/report")).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn justice_records_are_sealed_at_closure_and_open_only_on_a_court_order() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let sup = app.user("sup", Role::Supervisor, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let token = app.token(&lead).await;
    let body = json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                      "offence": {"description": "Carried messages for the group",
                                  "on": "2026-06-15", "max_penalty_years": 8}})
    .to_string();
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{case}/proceedings"),
        Some(&token),
        Some(body),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let url = format!("/api/v1/cases/{case}/justice");
    let (_, v, _) = api(&app, "GET", &url, Some(&token), None).await;
    assert_eq!(
        (
            v["sealed"].as_bool(),
            v["proceedings"].as_array().map(Vec::len)
        ),
        (Some(false), Some(1))
    );
    app.store
        .move_case(
            &app.store.act_as(&sup).await.unwrap(),
            &case,
            pelita_domain::case::CaseStatus::Closed,
            Some("Back with her family".into()),
        )
        .await
        .unwrap();
    // Closed: sealed, for the lead worker too; the page says so and shows nothing of it.
    let (_, v, _) = api(&app, "GET", &url, Some(&token), None).await;
    assert_eq!(
        (
            v["sealed"].as_bool(),
            v["proceedings"].as_array().map(Vec::len)
        ),
        (Some(true), Some(0))
    );
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("id=\"justice-sealed\"") && !page.contains("Carried messages"));
    let (s, _, _) = b.get(&format!("/cases/{case}/report")).await;
    assert_ne!(s, StatusCode::OK, "no report from sealed records");
    // The lead worker cannot open them; the supervisor records the court order, and they open.
    let open = format!("/api/v1/cases/{case}/justice/open");
    let order = json!({"order": "Court order 51/2026 for the appeal hearing"}).to_string();
    let (s, _, _) = api(&app, "POST", &open, Some(&token), Some(order.clone())).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = api(
        &app,
        "POST",
        &open,
        Some(&app.token(&sup).await),
        Some(order),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = api(&app, "GET", &url, Some(&token), None).await;
    assert_eq!(v["proceedings"].as_array().map(Vec::len), Some(1));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Opened by a court order until"));
}

#[tokio::test]
async fn an_administrator_overrides_a_rule_value_with_a_reason_and_the_gate_follows_it() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await; // Indonesia: MACR 12
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    app.user("admin", Role::Administrator, None).await;
    let case = app.child(&home, &lead, "Amina").await; // born 2011
    let mut a = Browser::new(&app);
    a.sign_in("admin", PASSWORD).await;
    let csrf = a.csrf().await;
    let form = |reason: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("code", "ID".to_owned()),
            ("key", "macr".to_owned()),
            ("value", "16".to_owned()),
            ("reason", reason.to_owned()),
        ]
    };
    let short = form("law changed");
    let short: Vec<(&str, &str)> = short.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, page) = a.post("/admin/jurisdictions", &short).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("at least 20 characters"));
    let why = "Test of a statutory change: MACR raised to 16 on 1 November 2026";
    let good = form(why);
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _, page) = a.post("/admin/jurisdictions", &good).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(why) && page.contains("set by this deployment&#39;s administrator"));
    // The gate now refuses the 14-to-15-year-old, over the API, naming no other rule.
    let token = app.token(&lead).await;
    let (s, v, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{case}/proceedings"),
        Some(&token),
        Some(
            json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                   "offence": {"description": "x", "on": "2026-06-15"}})
            .to_string(),
        ),
    )
    .await;
    assert_eq!(
        (s, v["macr"].as_u64()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some(16))
    );
    // Only administrators override; the change is audited.
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let lcsrf = b.csrf().await;
    let (s, _, _) = b
        .post(
            "/admin/jurisdictions",
            &[
                ("csrf", &lcsrf),
                ("code", "ID"),
                ("key", "macr"),
                ("value", "9"),
                ("reason", why),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(
        app.store
            .audit_events(5)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "jurisdiction.override")
    );
}

#[tokio::test]
async fn a_breached_diversion_agreement_is_a_task_due_within_the_legal_time_and_lets_proceedings_resume()
 {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await; // Indonesia
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let case = app.child(&home, &lead, "Amina").await;
    let token = app.token(&lead).await;
    let call = |method: &'static str, path: String, body: Option<Value>| {
        let token = token.clone();
        let app = &app;
        async move {
            api(
                app,
                method,
                &path,
                Some(&token),
                body.map(|b| b.to_string()),
            )
            .await
        }
    };
    let (_, v, _) = call(
        "POST",
        format!("/api/v1/cases/{case}/proceedings"),
        Some(
            json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                    "offence": {"description": "Carried messages", "on": "2026-06-15",
                                "max_penalty_years": 5}}),
        ),
    )
    .await;
    let pid = v["id"].as_str().unwrap().to_owned();
    // Indonesia: diversion is offered within 7 days of the start — a task until it is.
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    let offer = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "diversion_offer")
        .cloned()
        .unwrap();
    assert!(
        offer["due"]
            .as_str()
            .unwrap()
            .starts_with("2026-12-05T09:00")
    );
    call(
        "POST",
        format!("/api/v1/proceedings/{pid}/diversion"),
        Some(json!({"on": "2026-11-01", "outcome": "agreed", "note": "Family conference"})),
    )
    .await;
    let formal = format!("/api/v1/proceedings/{pid}/formal");
    let (s, _, _) = call("POST", formal.clone(), None).await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the agreement keeps her out"
    );
    let (s, _, _) = call(
        "POST",
        format!("/api/v1/proceedings/{pid}/agreement"),
        Some(
            json!({"conditions": "School every day; weekly meeting with the community counsellor",
                    "monitor": "Probation officer, BAPAS Jakarta", "until": "2027-02-01"}),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _, _) = call(
        "POST",
        format!("/api/v1/proceedings/{pid}/agreement/event"),
        Some(json!({"event": "breached", "on": "2026-11-27"})),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    // SPPA art. 14(4): act within 7 days of the breach.
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    let breach = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "diversion_breach")
        .cloned()
        .unwrap();
    assert!(breach["due"].as_str().unwrap().starts_with("2026-12-04"));
    assert!(
        !v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "diversion_offer"),
        "offered: no longer a task"
    );
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("action is required by 4 December 2026 (UU SPPA"));
    let (s, _, _) = call("POST", formal, None).await;
    assert_eq!(
        s,
        StatusCode::NO_CONTENT,
        "the breach lets the proceedings resume"
    );
    let (_, v, _) = call("GET", "/api/v1/tasks".into(), None).await;
    assert!(
        !v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "diversion_breach")
    );
}

#[tokio::test]
async fn siblings_born_abroad_are_repatriated_one_by_one_on_their_own_best_interests() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let desk = app.agency("DESK", Sector::Security).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let liaison = app
        .user("liaison", Role::SecurityLiaison, Some(&desk))
        .await;
    app.user("sup", Role::Supervisor, Some(&home)).await;
    let sister = app.child(&home, &lead, "Aminath").await;
    let brother = app.child(&home, &lead, "Hassan").await;
    app.store
        .set_handed_over_by(&Actor::operator("t"), &sister, &liaison)
        .await
        .unwrap();
    let mut b = Browser::new(&app);
    b.sign_in("lead", PASSWORD).await;
    let csrf = b.csrf().await;
    let page = format!("/cases/{sister}/abroad");
    let (s, _, html) = b.get(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("No repatriation has been opened"));
    let post = |pairs: Vec<(&'static str, String)>| pairs;
    let send = async |b: &mut Browser<'_>, path: &str, pairs: Vec<(&'static str, String)>| {
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        b.post(path, &all).await
    };
    let (s, h, _) = send(&mut b, &page, post(vec![("action", "open".into())])).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(location(&h), page);
    let sister_ref = app
        .store
        .case_meta(&sister)
        .await
        .unwrap()
        .reference
        .to_string();
    let (s, _, _) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        vec![("action", "open".into()), ("with", sister_ref.clone())],
    )
    .await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "the brother joins his sister's group"
    );

    // Born abroad; a finding about her role without a source is refused and saves nothing.
    let origin = |finding: &str| {
        vec![
            ("action", "origin".to_owned()),
            ("nationality", "confirmed".into()),
            ("nationality_country", "MV".into()),
            ("birth_registration", "registered".into()),
            ("born_country", "SY".into()),
            ("born_place", "ال هول".into()),
            ("finding", finding.into()),
            ("finding_source", "".into()),
            ("v_method", "dna".into()),
            ("v_result", "confirmed".into()),
            ("v_by", "Police forensic laboratory".into()),
            ("v_on", "2026-01-05".into()),
        ]
    };
    let (s, _, html) = send(&mut b, &page, origin("carried messages")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("needs its source"), "the refusal says why");
    assert!(
        html.contains("value=\"carried messages\"")
            && html.contains("value=\"Police forensic laboratory\""),
        "what was typed is shown again"
    );
    let token = app.token(&lead).await;
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{sister}/abroad"),
        Some(&token),
        None,
    )
    .await;
    assert!(v["origin"].is_null(), "nothing was saved");
    let (s, _, _) = send(&mut b, &page, origin("")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, html) = b.get(&page).await;
    assert!(html.contains("No active role") && html.contains("ال هول") && html.contains("DNA"));

    // A sentence the terminology guard flags, from its own samples.
    let stigmatising = include_str!("../../domain/terminology/samples.tsv")
        .lines()
        .find_map(|l| l.strip_prefix("en\tflag\t"))
        .unwrap();
    // The conference cannot decide her repatriation before her best-interests assessment.
    let conference = |kind: &str| {
        json!({
            "held_on": "2026-11-20",
            "participants": [{"name": "Ayu", "role": "child_protection_lead"},
                             {"name": "Sari", "role": "case_worker"}],
            "minutes": "Return discussed",
            "child_views": {"state": "recorded", "text": "I want to go to school"},
            "decisions": [{"kind": kind, "text": "Return", "best_interests": "Family unity and safety"}],
        })
        .to_string()
    };
    let confs = format!("/api/v1/cases/{sister}/conferences");
    let (s, v, _) = api(
        &app,
        "POST",
        &confs,
        Some(&token),
        Some(conference("repatriation")),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "best-interests-assessment-required");
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "bia".into()),
            ("depth", "comprehensive".into()),
            ("on", "2026-11-18".into()),
            ("views", "wants to live with her grandmother".into()),
            (
                "findings",
                format!("healthy, close to her brother. {stigmatising}"),
            ),
            ("recommendation", "return with her brother".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, html) = b.get(&page).await;
    assert!(
        html.contains("Consider other wording"),
        "the guard's warning stands beside the assessment"
    );
    let (s, _, _) = api(
        &app,
        "POST",
        &confs,
        Some(&token),
        Some(conference("repatriation")),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    // Separation from the mother needs a panel, not only the assessment.
    let (s, v, _) = api(
        &app,
        "POST",
        &confs,
        Some(&token),
        Some(conference("separation_from_parent")),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "panel-determination-required");
    let mut panel = vec![
        ("action", "panel".to_owned()),
        ("question", "separation_from_parent".into()),
        ("on", "2026-11-19".into()),
        ("views", "wants to stay with her brother".into()),
        (
            "reasoning",
            "the mother faces charges; the grandmother keeps the siblings together".into(),
        ),
        ("outcome", "kinship care with the grandmother".into()),
        ("review_on", "2027-05-19".into()),
    ];
    for who in ["Aisha", "Ibrahim"] {
        panel.extend([
            ("p_name", who.to_owned()),
            ("p_org", "NRC".into()),
            ("p_role", "psychologist".into()),
            ("p_undertaking", "yes".into()),
        ]);
    }
    let (s, _, html) = send(&mut b, &page, panel.clone()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("at least three members"));
    assert!(
        html.contains(
            "the mother faces charges; the grandmother keeps the siblings together</textarea>"
        ) && html.contains("value=\"Ibrahim\""),
        "the panel's reasoning and members are kept for the third member to be added"
    );
    panel.extend([
        ("p_name", "Mariyam".to_owned()),
        ("p_org", "DJJ".into()),
        ("p_role", "probation".into()),
        ("p_undertaking", "yes".into()),
        ("dissent_by", "Ibrahim".into()),
        ("dissent", "prefers a review in three months".into()),
    ]);
    let (s, _, _) = send(&mut b, &page, panel).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = api(
        &app,
        "POST",
        &confs,
        Some(&token),
        Some(conference("separation_from_parent")),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);

    // Her decision does not carry her brother across the border.
    let arrive = |on: &str| vec![("action", "arrival".to_owned()), ("on", on.to_owned())];
    let (s, _, html) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        arrive("2026-11-25"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("a sibling"), "{html}");
    // His return is not pursued for now (API), then resumed (page).
    let (s, _, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{brother}/repatriation/end"),
        Some(&token),
        Some(
            json!({"on": "2026-11-24", "reason": "Identity not verified before the flight"})
                .to_string(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{brother}/abroad"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["repatriation"]["phase"], "not_pursued");
    assert_eq!(
        v["repatriation"]["end_reason"],
        "Identity not verified before the flight"
    );
    let (_, _, html) = b.get(&format!("/cases/{brother}/abroad")).await;
    assert!(html.contains("Not pursued since") && !html.contains("value=\"end\""));
    let (s, _, _) = send(
        &mut b,
        &format!("/cases/{brother}/abroad"),
        vec![("action", "resume".into())],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{brother}/repatriation/status"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["phase"], "before_border");
    let (s, _, _) = send(&mut b, &page, arrive("2026-11-25")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "admit".into()),
            ("centre", "National Reintegration Centre".into()),
            ("block", "families".into()),
            ("on", "2026-11-25".into()),
            ("every", "30".into()),
            ("planned", "2027-05-25".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{sister}/abroad"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["repatriation"]["phase"], "after_border");
    let stay = v["reception_stays"][0]["id"].as_str().unwrap().to_owned();
    let (s, _, _) = send(
        &mut b,
        &page,
        vec![
            ("action", "release".into()),
            ("stay", stay),
            ("on", "2026-11-27".into()),
            ("to", "family_based_care".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);

    // The liaison sees the phase on the case page, and cannot open the record.
    let mut l = Browser::new(&app);
    l.sign_in("liaison", PASSWORD).await;
    let (_, _, html) = l.get(&format!("/cases/{sister}")).await;
    assert!(html.contains("id=\"repatriation-status\">After the border<"));
    assert!(
        !html.contains("family-based care"),
        "the liaison learns the phase, not where the child lives"
    );
    assert!(!html.contains("Police forensic laboratory") && !html.contains("grandmother"));
    assert_eq!(l.get(&page).await.0, StatusCode::FORBIDDEN);
    let lt = app.token(&liaison).await;
    let (s, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{sister}/repatriation/status"),
        Some(&lt),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["phase"], "after_border");
    let (s, _, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{sister}/abroad"),
        Some(&lt),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Another worker of the agency opens the record only with a written justification, which
    // is logged.
    let colleague = app.user("colleague", Role::CaseWorker, Some(&home)).await;
    let mut c = Browser::new(&app);
    c.sign_in("colleague", PASSWORD).await;
    let (s, _, html) = c.get(&page).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("name=\"justification\"") && !html.contains("Police forensic laboratory")
    );
    let ccsrf = c.csrf().await;
    let open = format!("{page}/open");
    let (_, _, html) = c
        .post(&open, &[("csrf", &ccsrf), ("justification", "short")])
        .await;
    assert!(
        !html.contains("Police forensic laboratory"),
        "too short a reason opens nothing"
    );
    let (s, _, html) = c
        .post(
            &open,
            &[
                ("csrf", &ccsrf),
                ("justification", "Covering for the lead worker on leave"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Police forensic laboratory"));
    assert!(
        app.store
            .access_log_for_case(&sister)
            .await
            .unwrap()
            .iter()
            .any(|e| e.reader == colleague
                && e.section == "circumstances"
                && e.justification.as_deref() == Some("Covering for the lead worker on leave")),
        "the break-glass read is logged with its reason"
    );

    // A psychologist of another agency on the sister's team only: her record, but not her
    // brother's case.
    let clinic = app.agency("CLINIC", Sector::Health).await;
    let psy = app.user("psy", Role::Psychologist, Some(&clinic)).await;
    app.store
        .add_team_member(&Actor::operator("t"), &sister, &psy)
        .await
        .unwrap();
    let pt = app.token(&psy).await;
    let (s, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{sister}/abroad"),
        Some(&pt),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["repatriation"]["group"], json!([]));
    assert_eq!(v["repatriation"]["group_hidden"], 1);

    // The indicators, for the supervisor's agency.
    let st = app
        .token(
            &app.store
                .users()
                .await
                .unwrap()
                .into_iter()
                .find(|u| u.username == "sup")
                .unwrap()
                .id,
        )
        .await;
    let (s, v, _) = api(
        &app,
        "GET",
        "/api/v1/indicators/repatriation",
        Some(&st),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["children"], 2);
    assert_eq!(v["pct_identity_or_nationality_documented"], 50.0);
    assert_eq!(v["days_arrival_to_placement_median"], 2.0);
    assert_eq!(v["pct_assessed_before_separation_decision"], 100.0);
    let (s, _, _) = api(
        &app,
        "GET",
        "/api/v1/indicators/repatriation",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a case worker sees records, not indicators"
    );
}

/// Issue 13 item 15: the API takes nothing it does not know, no record dated before 2000 at
/// any door, and every refusal explains itself as the rest of the API does.
#[tokio::test]
async fn the_api_refuses_unknown_fields_and_early_dates_and_explains_every_refusal() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let t = app.token(&lead).await;
    let case = app.child(&home, &lead, "Amina").await;

    // An unknown field inside a birth date (the tag of a unit variant hid it from serde).
    let child = json!({"given": "Siti", "sex": "female", "birth": {"precision": "unknown", "admin": true},
                       "priority": "low", "priority_reason": "routine"});
    let (s, v, kind) = api(
        &app,
        "POST",
        "/api/v1/children",
        Some(&t),
        Some(child.to_string()),
    )
    .await;
    assert_eq!(
        (s, kind.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "application/problem+json")
    );
    assert_eq!(
        (v["code"].as_str(), v["field"].as_str()),
        (Some("unknown-field"), Some("birth.admin")),
        "{v}"
    );
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/search",
        Some(&t),
        Some(json!({"query": "x", "extra": 1}).to_string()),
    )
    .await;
    assert_eq!(
        (s, v["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("extra")),
        "{v}"
    );

    // 0001-01-01 and 1999-12-31 at every door where a record's date comes in.
    let early = |b: Value| b.to_string();
    let doors: Vec<(String, String)> = vec![
        (
            format!("/api/v1/cases/{case}/interviews"),
            early(json!({"held_on": "0001-01-01", "purpose": "psychosocial"})),
        ),
        (
            format!("/api/v1/cases/{case}/assessments"),
            early(json!({"on": "1999-12-31", "assent": "given"})),
        ),
        (
            format!("/api/v1/cases/{case}/consents"),
            early(
                json!({"purpose": "assessment", "giver": "child", "decision": "given", "on": "0001-01-01"}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/conferences"),
            early(
                json!({"held_on": "0001-01-01", "participants": [{"name": "Rina", "role": "case_worker"}, {"name": "Ayu", "role": "child_protection_lead"}],
                      "minutes": "Met", "child_views": {"state": "missing"}}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/family-contacts"),
            early(json!({"on": "0001-01-01", "kind": "visit"})),
        ),
        (
            format!("/api/v1/cases/{case}/proceedings"),
            early(
                json!({"forum": "children_court", "legal_aid": true, "parents_notified": true,
                      "offence": {"description": "Carried messages", "on": "0001-01-01", "max_penalty_years": 8}}),
            ),
        ),
        (
            format!("/api/v1/cases/{case}/detentions"),
            early(
                json!({"stage": "investigation", "started_at": "1999-06-01T08:00:00Z", "order": "SP.Han/12/XI/2026",
                      "legal_basis": "UU SPPA art. 32", "alternatives": "Return home: the father is in the network",
                      "best_interests": "Safety", "place": "LPKS", "separated_from_adults": true, "parents_notified": true}),
            ),
        ),
    ];
    for (path, body) in doors {
        let (s, v, _) = api(&app, "POST", &path, Some(&t), Some(body)).await;
        assert_eq!(
            (s, v["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("date-too-early")),
            "{path}: {v}"
        );
    }
    let plan = json!({"goals": [], "child_views": {"state": "missing"}, "caregiver_views": {"state": "missing"}, "review_on": "0001-01-01"});
    let (s, v, _) = api(
        &app,
        "PUT",
        &format!("/api/v1/cases/{case}/plan"),
        Some(&t),
        Some(plan.to_string()),
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date-too-early")),
        "plan: {v}"
    );

    // 405: a problem document under /api/v1 (with Allow), a page elsewhere.
    let (s, h, body) = app
        .send(
            Request::builder()
                .method("DELETE")
                .uri("/api/v1/cases")
                .header(header::AUTHORIZATION, format!("Bearer {t}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(h["content-type"][0], "application/problem+json");
    assert!(h["allow"][0].contains("GET"));
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["code"],
        "method-not-allowed"
    );
    let (s, h, body) = app
        .send(
            Request::builder()
                .method("PUT")
                .uri("/signin")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        h["content-type"][0].starts_with("text/html")
            && body.contains("does not accept that kind of request")
    );

    // A path that is not UTF-8: the same 404 as any unknown path, never text/plain.
    let (s, v, kind) = api(&app, "GET", "/api/v1/cases/%FF%FE", Some(&t), None).await;
    assert_eq!(
        (s, kind.as_str(), v["code"].as_str()),
        (
            StatusCode::NOT_FOUND,
            "application/problem+json",
            Some("not-found")
        )
    );
    let (s, h, _) = app
        .send(
            Request::builder()
                .uri("/cases/%C0")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(h["content-type"][0].starts_with("text/html"));

    // The Authorization scheme is case-insensitive (RFC 9110 §11.1).
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let req = Request::builder()
            .uri("/api/v1/me")
            .header(header::AUTHORIZATION, format!("{scheme} {t}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.send(req).await.0, StatusCode::OK, "{scheme}");
    }
    let req = Request::builder()
        .uri("/api/v1/me")
        .header(header::AUTHORIZATION, format!("Basic {t}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(req).await.0, StatusCode::UNAUTHORIZED);
}

/// The OpenAPI document's dates admit only real calendar dates; a record's from 2000, a date
/// of birth (or a remembered travel date) from 1900.
#[test]
fn openapi_dates_admit_only_real_dates_and_records_from_2000() {
    let doc: Value = pelita_web::openapi_document();
    fn dates<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
        match v {
            Value::Object(m) => {
                if m.get("format").and_then(Value::as_str) == Some("date") {
                    out.push((path.clone(), v));
                }
                for (k, x) in m {
                    dates(x, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| dates(x, format!("{path}/{i}"), out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    dates(&doc, String::new(), &mut found);
    assert!(found.len() > 25, "{}", found.len());
    for (path, schema) in found {
        let re = regex::Regex::new(
            schema["pattern"]
                .as_str()
                .unwrap_or_else(|| panic!("{path} has no pattern")),
        )
        .unwrap();
        for bad in [
            "0000-00-00",
            "0001-01-01",
            "2026-00-10",
            "2026-13-01",
            "2026-04-31",
            "2026-02-29",
            "2100-02-29",
            "2026-1-1",
            "1899-12-31",
        ] {
            assert!(!re.is_match(bad), "{path} admits {bad}");
        }
        for good in ["2000-02-29", "2024-02-29", "2026-11-28", "2026-12-31"] {
            assert!(re.is_match(good), "{path} refuses {good}");
        }
        let birth = path.contains("BirthDate") || path.contains("PartialDate");
        assert_eq!(re.is_match("1999-12-31"), birth, "{path}: 1999-12-31");
        assert_eq!(re.is_match("1904-02-29"), birth, "{path}: 1904-02-29");
    }
}

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

/// The paths a review found open: a team member acting as the case's lead worker — referring,
/// planning, changing the child's identity or the case's status — and a referral answered by
/// the agency that made it. Each is refused, and the lead worker still does them.
#[tokio::test]
async fn team_members_do_not_run_the_case_and_referrals_share_what_the_receiver_reads() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let clinic = app.agency("CLNC", Sector::Health).await;
    let school = app.agency("SKUL", Sector::Education).await;
    let bapas = app.agency("BAPAS", Sector::Justice).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    let nurse = app.user("nurse", Role::Health, Some(&clinic)).await;
    let probation = app.user("probation", Role::Justice, Some(&bapas)).await;
    let case = app.child(&home, &lead, "Amina").await;
    for u in [&teacher, &nurse, &probation] {
        app.store
            .add_team_member(&Actor::operator("t"), &case, u)
            .await
            .unwrap();
    }
    // The child and caregiver agreed to a referral to health services.
    for giver in ["child", "caregiver"] {
        let body = json!({"purpose": "referral:health", "giver": giver,
                          "decision": "given", "on": "2026-11-27"});
        let (s, _, _) = api(
            &app,
            "POST",
            &format!("/api/v1/cases/{case}/consents"),
            Some(&app.token(&lead).await),
            Some(body.to_string()),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "consent by {giver}");
    }
    let refer = |who: String, to: String, sections: Value| {
        let app = &app;
        let case = case.clone();
        async move {
            let body = json!({"to_agency": to, "sections": sections,
                              "reason": "Needs a health check near home"});
            api(
                app,
                "POST",
                &format!("/api/v1/cases/{case}/referrals"),
                Some(&app.token(&who).await),
                Some(body.to_string()),
            )
            .await
        }
    };
    // A teacher on the team does not refer, nor a health worker to their own clinic.
    let wide = json!(["circumstances", "psychosocial", "family", "justice"]);
    let (s, _, _) = refer(teacher.clone(), clinic.clone(), wide.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = refer(nurse.clone(), clinic.clone(), json!(["health"])).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // The lead worker refers, but only what a health service reads goes to a clinic.
    let (s, v, _) = refer(lead.clone(), clinic.clone(), wide).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid")),
        "{v}"
    );
    let (s, v, _) = refer(lead.clone(), clinic.clone(), json!(["health", "identity"])).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // Pages: identity, status and plan are the lead worker's and the supervisor's.
    let mut pages = Vec::new();
    for who in ["teacher", "nurse", "probation"] {
        let mut b = Browser::new(&app);
        b.sign_in(who, PASSWORD).await;
        let csrf = b.csrf().await;
        pages.push((who, b, csrf));
    }
    for (who, b, csrf) in &mut pages {
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/identity"),
                &[
                    ("csrf", csrf.as_str()),
                    ("given", "Amina"),
                    ("sex", "male"),
                    ("alias", "Mina"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} changed the identity");
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/move"),
                &[("csrf", csrf.as_str()), ("to", "assessed"), ("reason", "")],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} moved the status");
        let (s, _, _) = b
            .post(
                &format!("/cases/{case}/plan"),
                &[
                    ("csrf", csrf.as_str()),
                    ("goal_domain", "education"),
                    ("goal_kind", "reintegration"),
                    ("goal_text", "Back to school"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{who} saved the plan");
        // Their case page offers none of those forms.
        let (_, _, page) = b.get(&format!("/cases/{case}")).await;
        assert!(
            !page.contains(&format!("action=\"/cases/{case}/identity\"")),
            "{who}"
        );
        assert!(
            !page.contains(&format!("action=\"/cases/{case}/move\"")),
            "{who}"
        );
    }
    // Each professional still writes in their own section: the teacher an education note.
    let (_, b, csrf) = &mut pages[0];
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", csrf.as_str()),
                ("section", "education"),
                ("text", "Attends class three days a week"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", csrf.as_str()),
                ("section", "health"),
                ("text", "Seems tired"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // And the lead worker changes the status.
    let mut lb = Browser::new(&app);
    lb.sign_in("lead", PASSWORD).await;
    let lcsrf = lb.csrf().await;
    let (s, _, _) = lb
        .post(
            &format!("/cases/{case}/move"),
            &[("csrf", &lcsrf), ("to", "assessed"), ("reason", "")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}

/// What each reader learns: the history shows events of the sections the reader may read, the
/// priority's reason is the plan section's, interviews name the interviewer only to readers
/// of their section, the case list is logged, a break-glass read is logged and alerted once,
/// and a pattern of refused reads reaches the auditors.
#[tokio::test]
async fn each_reader_learns_only_their_sections_and_every_read_or_refusal_leaves_a_trace() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let school = app.agency("SKUL", Sector::Education).await;
    let desk = app.agency("DESK", Sector::Security).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let colleague = app.user("colleague", Role::CaseWorker, Some(&home)).await;
    app.user("sup", Role::Supervisor, Some(&home)).await;
    let auditor = app.user("auditor", Role::Auditor, None).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    let liaison = app
        .user("liaison", Role::SecurityLiaison, Some(&desk))
        .await;
    let case = app.child(&home, &lead, "Amina").await;
    app.store
        .add_team_member(&Actor::operator("t"), &case, &teacher)
        .await
        .unwrap();
    app.store
        .set_handed_over_by(&Actor::operator("t"), &case, &liaison)
        .await
        .unwrap();
    let (lt, tt, xt, ct) = (
        app.token(&lead).await,
        app.token(&teacher).await,
        app.token(&liaison).await,
        app.token(&colleague).await,
    );
    // A justice interview, by the lead worker.
    let body = json!({"held_on": "2026-11-20", "purpose": "justice",
                      "reason": "The prosecutor asked for it"});
    let (s, v, _) = api(
        &app,
        "POST",
        &format!("/api/v1/cases/{case}/interviews"),
        Some(&lt),
        Some(body.to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    // History: the lead worker sees the interview; the teacher on the team does not.
    let page_of = |who: &'static str| {
        let app = &app;
        let case = case.clone();
        async move {
            let mut b = Browser::new(app);
            b.sign_in(who, PASSWORD).await;
            b.get(&format!("/cases/{case}")).await.2
        }
    };
    assert!(page_of("lead").await.contains("interview.record"));
    let teacher_page = page_of("teacher").await;
    assert!(!teacher_page.contains("interview.record"));
    // The priority's reason is the plan section's: the teacher reads it, the liaison does not.
    assert!(teacher_page.contains("no safe caregiver"));
    let liaison_page = page_of("liaison").await;
    assert!(liaison_page.contains("Amina") && !liaison_page.contains("no safe caregiver"));

    // The priority's reason: the plan section's, so not the liaison's; read and logged with it,
    // never with the status.
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}"),
        Some(&xt),
        None,
    )
    .await;
    assert_eq!(v["priority_reason"], Value::Null);
    let plan = format!("/api/v1/cases/{case}/sections/plan");
    let (s, _, _) = api(&app, "GET", &plan, Some(&xt), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, v, _) = api(&app, "GET", &plan, Some(&lt), None).await;
    assert_eq!(v["priority_reason"], "no safe caregiver");
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert!(log.iter().any(|e| e.reader == lead && e.section == "plan"));

    // Interviews: the liaison sees none; the teacher sees the date, not who or what for.
    let ipath = format!("/api/v1/cases/{case}/interviews");
    let (s, _, _) = api(&app, "GET", &ipath, Some(&xt), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v, _) = api(&app, "GET", &ipath, Some(&tt), None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["interviews"][0]["on"], "2026-11-20");
    assert_eq!(v["interviews"][0]["interviewer"], Value::Null);
    assert_eq!(v["interviews"][0]["purpose"], Value::Null);
    let (_, v, _) = api(&app, "GET", &ipath, Some(&lt), None).await;
    assert_eq!(v["interviews"][0]["interviewer"], lead.as_str());

    // The case list names the children it lists: each name shown is a logged read.
    let before = app.store.access_log_for_case(&case).await.unwrap().len();
    let (_, v, _) = api(&app, "GET", "/api/v1/cases", Some(&lt), None).await;
    assert_eq!(v["cases"][0]["name"], "Amina", "{v}");
    let log = app.store.access_log_for_case(&case).await.unwrap();
    assert_eq!(log.len(), before + 1);
    assert_eq!(log[0].section, "identity");

    // Break-glass by a colleague of the agency: logged once, the supervisor alerted once.
    let why = "Amina's aunt called the office about her; lead is away";
    for section in ["circumstances", "psychosocial"] {
        let (s, _, _) = api(
            &app,
            "POST",
            &format!("/api/v1/cases/{case}/sections/{section}/open"),
            Some(&ct),
            Some(json!({"justification": why}).to_string()),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{section}");
    }
    let log = app.store.access_log_for_case(&case).await.unwrap();
    let glass: Vec<_> = log.iter().filter(|e| e.reader == colleague).collect();
    assert_eq!(glass.len(), 2, "{glass:?}");
    assert!(
        glass
            .iter()
            .all(|e| e.justification.as_deref() == Some(why)),
        "{glass:?}"
    );
    let sup = app
        .store
        .user_by_username("sup")
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    let alerts = app.store.alerts(&sup).await.unwrap();
    assert_eq!(alerts.iter().filter(|a| a.kind == "break_glass").count(), 2);

    // Probing: refused reads are kept, and twenty in ten minutes alert the auditors once.
    for i in 0..pelita_domain::policy::PROBING_REFUSALS + 2 {
        let section = Section::ALL[(2 + i as usize) % 9 + 2].as_str();
        let (s, _, _) = api(
            &app,
            "GET",
            &format!("/api/v1/cases/{case}/sections/{section}"),
            Some(&xt),
            None,
        )
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
    let refusals = app.store.refusals(100).await.unwrap();
    assert_eq!(
        refusals.iter().filter(|r| r.1 == liaison).count() as i64,
        // and the plan section asked for above
        pelita_domain::policy::PROBING_REFUSALS + 3
    );
    let alerts = app.store.alerts(&auditor).await.unwrap();
    assert_eq!(
        alerts.iter().filter(|a| a.kind == "refusals").count(),
        1,
        "{alerts:?}"
    );
    // The auditor sees the pattern in My work and the refused reads on the audit page.
    let mut ab = Browser::new(&app);
    ab.sign_in("auditor", PASSWORD).await;
    let (_, _, work) = ab.get("/work").await;
    assert!(
        work.contains("was refused 20 reads in 10 minutes"),
        "{work}"
    );
    let (_, _, audit) = ab.get("/audit").await;
    assert!(audit.contains("Refused reads") && audit.contains(&liaison));
}

/// A child registered before the circumstances were known is recognised as a victim once they
/// are recorded — by the lead worker, not by a team member — and only once.
#[tokio::test]
async fn circumstances_recorded_after_registration_recognise_the_child_as_a_victim() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let school = app.agency("SKUL", Sector::Education).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let sup = app.user("sup", Role::Supervisor, Some(&home)).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    let token = app.token(&lead).await;
    let child = json!({"given": "Putri", "sex": "female",
                       "birth": {"precision": "year", "year": 2013},
                       "priority": "medium", "priority_reason": "needs school re-entry"});
    let (s, v, _) = api(
        &app,
        "POST",
        "/api/v1/children",
        Some(&token),
        Some(child.to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let case = v["case_id"].as_str().unwrap().to_owned();
    app.store
        .add_team_member(&Actor::operator("t"), &case, &teacher)
        .await
        .unwrap();
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["victim_recognised"], json!(false), "{v}");
    let path = format!("/api/v1/cases/{case}/circumstances");
    let body = json!({"association": "recruited"}).to_string();
    let (s, _, _) = api(
        &app,
        "PUT",
        &path,
        Some(&app.token(&teacher).await),
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = api(
        &app,
        "PUT",
        &path,
        Some(&token),
        Some(json!({"association": "abducted"}).to_string()),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    // The supervisor records them; the lead worker is told.
    let (s, v, _) = api(
        &app,
        "PUT",
        &path,
        Some(&app.token(&sup).await),
        Some(body.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let (_, v, _) = api(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(v["victim_recognised"], json!(true), "{v}");
    assert!(
        app.store
            .alerts(&lead)
            .await
            .unwrap()
            .iter()
            .any(|a| a.detail.contains("circumstances"))
    );
    let (s, _, _) = api(&app, "PUT", &path, Some(&token), Some(body)).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let events = app.store.audit_events(50).await.unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "case.record_circumstances" && e.subject == case)
    );
}

/// Issue 13 item 16: after a storage error at commit the writer stops until restart. The write
/// that met it and every later one, through the API and the pages, answer 503 saying so (not
/// "nothing was saved", which is not known), `/healthz` says the writer halted, reads go on.
#[tokio::test]
async fn healthz_and_every_write_answer_503_once_the_writer_halted() {
    let app = App::new(false).await;
    let agency = app.agency("DSS", Sector::ChildProtection).await;
    let u = app.user("rina", Role::CaseWorker, Some(&agency)).await;
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
        let (s, v, kind) = api(
            &app,
            "POST",
            "/api/v1/children",
            Some(&t),
            Some(child.to_string()),
        )
        .await;
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
    let (s, v, _) = api(&app, "GET", "/api/v1/me", Some(&t), None).await;
    assert_eq!((s, v["username"].as_str()), (StatusCode::OK, Some("rina")));
}

/// Every POST route the router serves — collected from its source, so a new route is covered
/// without editing this test — refuses a signed-in person's form without the session's CSRF
/// token, and changes nothing.
#[tokio::test]
async fn every_post_route_refuses_a_form_without_its_csrf_token() {
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let sup = app.user("sup", Role::Supervisor, Some(&home)).await;
    let case = app.child(&home, &sup, "Amina").await;
    app.user("admin", Role::Administrator, None).await;
    let mut b = Browser::new(&app);
    b.sign_in("sup", PASSWORD).await;
    // Administration's forms, as an administrator: the token is what refuses them there.
    let mut admin = Browser::new(&app);
    admin.sign_in("admin", PASSWORD).await;
    let source = include_str!("../src/lib.rs");
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

/// The write table walked over HTTP, cell by cell: every role in every standing it can have
/// (lead worker, team, supervisor, same agency, receiving agency, handed over by, none) tries
/// every kind of change through the page or API route that makes it, and is refused exactly
/// where `docs/access-policy.md` says. (Assignment and team changes have no route: the storage
/// suite walks them.) Allowed attempts may still meet a feature's own rule, never a refusal.
#[tokio::test]
async fn the_write_policy_holds_over_http_for_every_role_change_and_standing() {
    use pelita_domain::policy::write::{self, Change, Standing};
    let app = App::new(false).await;
    let home = app.agency("HOME", Sector::ChildProtection).await;
    let receiving = app.agency("RECV", Sector::ChildProtection).await;
    let elsewhere = app.agency("ELSE", Sector::ChildProtection).await;
    let clinic = app.agency("CLNC", Sector::Health).await;
    let school = app.agency("SKUL", Sector::Education).await;
    let lead = app.user("lead", Role::CaseWorker, Some(&home)).await;
    let operator = Actor::operator_in("setup", Role::Supervisor);
    let shared = pelita_store::shareable_with(Sector::ChildProtection);
    let mut changes: Vec<Change> = Change::all()
        .into_iter()
        .filter(|c| !matches!(c, Change::Team | Change::Close))
        .collect();
    changes.push(Change::Close);
    let (mut cells, mut reached) = (0, std::collections::HashSet::new());
    for role in Role::ALL {
        for standing in Standing::ALL {
            let at = match standing {
                Standing::Lead | Standing::Supervisor | Standing::SameAgency => &home,
                Standing::Receiving => &receiving,
                _ => &elsewhere,
            };
            let name = format!("{}.{}", role.as_str(), standing.as_str());
            let me = app.user(&name, role, Some(at)).await;
            let holder = if standing == Standing::Lead {
                &me
            } else {
                &lead
            };
            let case = app.child(&home, holder, "Amina").await;
            match standing {
                Standing::Team => {
                    app.store
                        .add_team_member(&Actor::operator("t"), &case, &me)
                        .await
                }
                Standing::HandedOverBy => {
                    app.store
                        .set_handed_over_by(&Actor::operator("t"), &case, &me)
                        .await
                }
                Standing::Receiving => {
                    let r = pelita_store::NewReferral {
                        to_agency: receiving.clone(),
                        sections: shared.clone(),
                        reason: pelita_domain::text::NoteText::parse("Family support").unwrap(),
                        override_justification: Some(
                            pelita_domain::text::NoteText::parse(
                                "Walk of the write policy: consent set aside",
                            )
                            .unwrap(),
                        ),
                    };
                    let id = app.store.refer(&operator, &case, r).await.unwrap();
                    app.store
                        .move_referral(
                            &Actor::operator("t"),
                            &id,
                            pelita_domain::referral::ReferralStatus::Accepted,
                            None,
                        )
                        .await
                }
                _ => Ok(()),
            }
            .unwrap();
            for giver in [
                pelita_domain::consent::Giver::Child,
                pelita_domain::consent::Giver::Caregiver,
            ] {
                let entry = pelita_domain::consent::Entry {
                    purpose: pelita_domain::consent::Purpose::Referral(Sector::Health),
                    giver,
                    decision: pelita_domain::consent::Decision::Given,
                    on: now().date_naive(),
                    expires: None,
                };
                app.store
                    .record_consent(&Actor::operator("t"), &case, entry, None)
                    .await
                    .unwrap();
            }
            let reader = Reader {
                id: me.clone(),
                role,
                agency_id: Some(at.clone()),
            };
            if app.store.case_meta(&case).await.unwrap().standing(&reader) != standing {
                continue;
            }
            reached.insert(standing);
            let token = app.token(&me).await;
            let mut b = Browser::new(&app);
            b.sign_in(&name, PASSWORD).await;
            let csrf = b.csrf().await;
            for &change in &changes {
                let c = &case;
                let send = |method: &'static str, path: String, body: Value| {
                    let token = token.clone();
                    let app = &app;
                    async move { api(app, method, &path, Some(&token), Some(body.to_string())).await }
                };
                let page = |path: String, fields: Vec<(&'static str, String)>| {
                    let mut pairs: Vec<(&str, &str)> =
                        fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    pairs.push(("csrf", csrf.as_str()));
                    let form = pairs
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect::<Vec<_>>();
                    (path, form)
                };
                let day = "2026-11-27".to_owned();
                let (status, body) = match change {
                    Change::Identity
                    | Change::Status
                    | Change::Close
                    | Change::Plan
                    | Change::Conference
                    | Change::Household => {
                        let (path, form) = match change {
                            Change::Identity => page(
                                format!("/cases/{c}/identity"),
                                vec![("given", "Amina".into()), ("sex", "male".into())],
                            ),
                            Change::Status | Change::Close => page(
                                format!("/cases/{c}/move"),
                                vec![
                                    (
                                        "to",
                                        if change == Change::Close {
                                            "closed"
                                        } else {
                                            "assessed"
                                        }
                                        .into(),
                                    ),
                                    ("reason", "walk".into()),
                                ],
                            ),
                            Change::Plan => page(
                                format!("/cases/{c}/plan"),
                                vec![
                                    ("goal_domain", "education".into()),
                                    ("goal_kind", "reintegration".into()),
                                    ("goal_text", "Back to school".into()),
                                ],
                            ),
                            Change::Conference => page(
                                format!("/cases/{c}/conferences"),
                                vec![
                                    ("held_on", day.clone()),
                                    ("p_name", "Sari".into()),
                                    ("p_name", "Budi".into()),
                                    ("minutes", "Reviewed the week".into()),
                                ],
                            ),
                            _ => page(
                                format!("/cases/{c}/household"),
                                vec![("living", "with_relatives".into())],
                            ),
                        };
                        let pairs: Vec<(&str, &str)> =
                            form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                        let (s, _, body) = b.post(&path, &pairs).await;
                        (s, body)
                    }
                    _ => {
                        let (method, path, body) = match change {
                            Change::Circumstances => (
                                "PUT",
                                format!("/api/v1/cases/{c}/circumstances"),
                                json!({"association": "recruited"}),
                            ),
                            Change::Note(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/notes"),
                                json!({"section": s.as_str(), "text": "seen today"}),
                            ),
                            Change::Consent => (
                                "POST",
                                format!("/api/v1/cases/{c}/consents"),
                                json!({"purpose": "research", "giver": "caregiver",
                                       "decision": "refused", "on": day}),
                            ),
                            Change::Refer => (
                                "POST",
                                format!("/api/v1/cases/{c}/referrals"),
                                json!({"to_agency": clinic, "sections": ["health"],
                                       "reason": "Needs a health check near home"}),
                            ),
                            Change::ConsentOverride => (
                                "POST",
                                format!("/api/v1/cases/{c}/referrals"),
                                json!({"to_agency": school, "sections": ["education"],
                                       "reason": "School re-entry",
                                       "override_justification": "School re-entry cannot wait for the caregiver"}),
                            ),
                            Change::Assessment(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/assessments"),
                                json!({"on": day, "assent": "given", "instrument":
                                       if s == Section::Family { "family-assessment" } else { "resilience-needs" }}),
                            ),
                            Change::ApprovePlan => {
                                ("POST", format!("/api/v1/cases/{c}/plan/approve"), json!({}))
                            }
                            Change::Interview(s) => (
                                "POST",
                                format!("/api/v1/cases/{c}/interviews"),
                                json!({"held_on": day, "reason": "asked by the court",
                                       "purpose": pelita_domain::interview::Purpose::ALL
                                           .into_iter().find(|p| p.section() == s).unwrap().as_str()}),
                            ),
                            Change::Justice => (
                                "POST",
                                format!("/api/v1/cases/{c}/family-contacts"),
                                json!({"on": day, "kind": "visit"}),
                            ),
                            Change::CourtOrder => (
                                "POST",
                                format!("/api/v1/cases/{c}/justice/open"),
                                json!({"order": "PN Jakarta 12/2026"}),
                            ),
                            Change::Expunge => (
                                "POST",
                                format!("/api/v1/cases/{c}/justice/expunge"),
                                json!({"order": "PN Jakarta 13/2026"}),
                            ),
                            _ => ("POST", format!("/api/v1/cases/{c}/repatriation"), json!({})),
                        };
                        let (s, v, _) = send(method, path, body).await;
                        (s, v.to_string())
                    }
                };
                let expected = write::may_change(role, change, standing)
                    && (standing != Standing::Receiving || shared.contains(&change.section()));
                let refused = status == StatusCode::FORBIDDEN
                    // A lead worker asking to close or approve is told who decides.
                    || body.contains("Only a supervisor may approve this.")
                    // The consent gate answers a non-supervisor's override itself.
                    || (change == Change::ConsentOverride && body.contains("override-not-allowed"));
                assert!(
                    status != StatusCode::INTERNAL_SERVER_ERROR,
                    "{role} {change:?} {standing:?}: {body}"
                );
                assert_eq!(
                    !refused,
                    expected,
                    "{role} / {} / {}: {status} {}",
                    change.label(),
                    standing.as_str(),
                    body.chars().take(300).collect::<String>()
                );
                cells += 1;
            }
        }
    }
    assert_eq!(reached.len(), Standing::ALL.len(), "{reached:?}");
    assert!(cells > 5 * Role::ALL.len() * changes.len(), "{cells}");
}

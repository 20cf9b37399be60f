//! One set-up for every test: an app on a fresh SQLite store with a deployment key, a browser
//! that keeps its cookies, the API called with a token, and [`Fixture`], which builds the
//! agencies, accounts and cases a test starts from in a few lines.

use std::collections::HashMap;
use std::fmt::Display;
use std::ops::Deref;
use std::sync::Arc;

pub use axum::body::Body;
pub use axum::http::{Request, StatusCode, header};
pub use chrono::{TimeZone, Utc};
pub use pelita_domain::agency::Sector;
pub use pelita_domain::policy::Section;
pub use pelita_domain::role::Role;
pub use pelita_store::{Actor, Reader};
pub use serde_json::{Value, json};

use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::case::{Association, Circumstances, GroupKind, Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, PersonNames, Sex};
use pelita_domain::text::NameText;
use pelita_store::{
    DeploymentKey, FixedClock, NewAgency, NewUser, Registration, Store, StoreConfig,
};
use pelita_web::{AppState, WebConfig, router};
use tower::ServiceExt;

pub const PASSWORD: &str = "tiga kucing tidur di atap";

/// The tests' "today": the store's clock starts here.
pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

/// Set-up done as the operator (no account, outside the write policy), never as a request.
pub fn operator() -> Actor {
    Actor::operator_in("setup", Role::Supervisor)
}

/// A status, the headers (each name with all its values) and the body of an answer.
pub type Answer = (StatusCode, HashMap<String, Vec<String>>, String);

/// A status, the body read as JSON (`Null` when it is not) and the content type.
pub type ApiAnswer = (StatusCode, Value, String);

pub struct App {
    pub store: Store,
    pub clock: Arc<FixedClock>,
    pub config: WebConfig,
    /// Built once: every layer is stateless, so each request meets the router a server has.
    router: axum::Router,
    _dir: tempfile::TempDir,
    hash: String,
}

impl App {
    pub async fn new(second_factor: bool) -> App {
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
            router: router(AppState::new(store.clone(), config.clone())),
            store,
            clock,
            config,
            _dir: dir,
            hash: pelita_store::hash_password(PASSWORD),
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Answer {
        let res = self.router.clone().oneshot(req).await.unwrap();
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

    /// The API as `token` calls it: `body` as JSON when there is one.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
    ) -> ApiAnswer {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        if body.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/json");
        }
        let (s, h, b) = self
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

    pub async fn get(&self, path: &str, token: &str) -> ApiAnswer {
        self.call("GET", path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: impl Display) -> ApiAnswer {
        self.call("POST", path, Some(token), Some(body.to_string()))
            .await
    }

    pub async fn put(&self, path: &str, token: &str, body: impl Display) -> ApiAnswer {
        self.call("PUT", path, Some(token), Some(body.to_string()))
            .await
    }

    pub async fn agency(&self, code: &str, sector: Sector) -> String {
        let a = NewAgency {
            code: code.into(),
            name: code.into(),
            sector,
            jurisdiction: "ID".into(),
        };
        self.store.create_agency(&operator(), a).await.unwrap()
    }

    pub async fn user(&self, name: &str, role: Role, agency: Option<&str>) -> String {
        let u = NewUser {
            username: name.into(),
            display_name: name.into(),
            role,
            agency_id: agency.map(str::to_owned),
            password_hash: self.hash.clone(),
        };
        self.store.create_user(&operator(), u).await.unwrap()
    }

    /// A read-write API token for the account `user`.
    pub async fn token(&self, user: &str) -> String {
        self.store
            .create_token(
                &operator(),
                user,
                "test",
                pelita_store::TokenScope::ReadWrite,
                None,
            )
            .await
            .unwrap()
    }

    /// A girl born in 2011 (14 or 15 today, by her declaration), recruited, high priority
    /// ("no safe caregiver"), registered at `agency` and assigned to `worker`; her case's id.
    pub async fn child(&self, agency: &str, worker: &str, given: &str) -> String {
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
            .register_child(&operator(), r)
            .await
            .unwrap()
            .case_id
    }

    /// A browser signed in as `username`, the sign-in checked.
    pub async fn signed_in(&self, username: &str) -> Browser<'_> {
        let mut b = Browser::new(self);
        let (s, to) = b.sign_in(username, PASSWORD).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{username} signs in: {to}");
        b
    }
}

/// What a test starts from, built in the order it is written:
///
/// ```ignore
/// let app = Fixture::new()
///     .agency("HOME", Sector::ChildProtection)
///     .user("lead", Role::CaseWorker, "HOME")
///     .case("Amina", "lead")
///     .build()
///     .await;
/// let mut b = app.signed_in("lead").await;
/// let case = app.case_id("Amina");
/// ```
#[derive(Default)]
pub struct Fixture {
    second_factor: bool,
    steps: Vec<Step>,
}

enum Step {
    Agency(String, Sector),
    User(String, Role, Option<String>),
    Case(String, String),
    Team(String, String),
    HandedOver(String, String),
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::default()
    }

    /// Sign-in asks for the second factor.
    pub fn second_factor(mut self) -> Fixture {
        self.second_factor = true;
        self
    }

    /// An agency in Indonesia, named by its code.
    pub fn agency(mut self, code: &str, sector: Sector) -> Fixture {
        self.steps.push(Step::Agency(code.into(), sector));
        self
    }

    /// An account with the password [`PASSWORD`], in the agency of that code (or `None`).
    pub fn user<'a>(
        mut self,
        name: &str,
        role: Role,
        agency: impl Into<Option<&'a str>>,
    ) -> Fixture {
        let agency = agency.into().map(str::to_owned);
        self.steps.push(Step::User(name.into(), role, agency));
        self
    }

    /// A child named `given` (see [`App::child`]), registered at `worker`'s agency and
    /// assigned to them.
    pub fn case(mut self, given: &str, worker: &str) -> Fixture {
        self.steps.push(Step::Case(given.into(), worker.into()));
        self
    }

    /// `user` joins the team of `given`'s case.
    pub fn team(mut self, given: &str, user: &str) -> Fixture {
        self.steps.push(Step::Team(given.into(), user.into()));
        self
    }

    /// `user` (a security liaison) handed `given` over.
    pub fn handed_over(mut self, given: &str, user: &str) -> Fixture {
        self.steps.push(Step::HandedOver(given.into(), user.into()));
        self
    }

    pub async fn build(self) -> Scene {
        let mut scene = Scene {
            app: App::new(self.second_factor).await,
            agencies: HashMap::new(),
            users: HashMap::new(),
            cases: HashMap::new(),
        };
        for step in self.steps {
            match step {
                Step::Agency(code, sector) => {
                    let id = scene.app.agency(&code, sector).await;
                    assert!(scene.agencies.insert(code, id).is_none());
                }
                Step::User(name, role, agency) => {
                    let agency = agency.map(|code| scene.agency_id(&code));
                    let id = scene.app.user(&name, role, agency.as_deref()).await;
                    assert!(scene.users.insert(name, (id, agency)).is_none());
                }
                Step::Case(given, worker) => {
                    let (worker, agency) = scene.users[&worker].clone();
                    let agency = agency.expect("a case worker has an agency");
                    let id = scene.app.child(&agency, &worker, &given).await;
                    assert!(scene.cases.insert(given, id).is_none());
                }
                Step::Team(given, user) => scene
                    .app
                    .store
                    .add_team_member(&operator(), &scene.case_id(&given), &scene.user_id(&user))
                    .await
                    .unwrap(),
                Step::HandedOver(given, user) => scene
                    .app
                    .store
                    .set_handed_over_by(&operator(), &scene.case_id(&given), &scene.user_id(&user))
                    .await
                    .unwrap(),
            }
        }
        scene
    }
}

/// A built [`Fixture`]: the app (it derefs to it) and the ids of what was made, by name.
pub struct Scene {
    pub app: App,
    agencies: HashMap<String, String>,
    users: HashMap<String, (String, Option<String>)>,
    cases: HashMap<String, String>,
}

impl Scene {
    pub fn agency_id(&self, code: &str) -> String {
        self.agencies[code].clone()
    }

    pub fn user_id(&self, name: &str) -> String {
        self.users[name].0.clone()
    }

    /// The case of the child registered with this given name.
    pub fn case_id(&self, given: &str) -> String {
        self.cases[given].clone()
    }
}

impl Deref for Scene {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

/// A browser: keeps cookies between requests.
pub struct Browser<'a> {
    app: &'a App,
    pub cookies: HashMap<String, String>,
    pub lang: &'static str,
}

/// The value of the form field `name` in `html`.
pub fn field(html: &str, name: &str) -> String {
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

/// Owned form fields as the pairs [`Browser::post`] takes.
pub fn pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a App) -> Browser<'a> {
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

    pub async fn go(&mut self, req: axum::http::request::Builder, body: Body) -> Answer {
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

    pub async fn get(&mut self, path: &str) -> Answer {
        self.go(Request::get(path), Body::empty()).await
    }

    pub async fn post(&mut self, path: &str, pairs: &[(&str, &str)]) -> Answer {
        let req =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.go(req, Body::from(form(pairs))).await
    }

    /// Signs in through the form; the status, and where it sends the browser (or the page).
    pub async fn sign_in(&mut self, username: &str, password: &str) -> (StatusCode, String) {
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
        (
            s,
            if s == StatusCode::SEE_OTHER {
                location(&h)
            } else {
                body
            },
        )
    }

    /// The CSRF token of the signed-in session, from any page.
    pub async fn csrf(&mut self) -> String {
        let (_, _, page) = self.get("/profile").await;
        field(&page, "csrf")
    }
}

pub fn location(h: &HashMap<String, Vec<String>>) -> String {
    h.get("location")
        .and_then(|l| l.first().cloned())
        .unwrap_or_default()
}

/// A sentence the terminology guard flags, from its own samples (no such wording lives in the
/// tests).
pub fn stigmatising() -> &'static str {
    include_str!("../../../domain/terminology/samples.tsv")
        .lines()
        .find_map(|l| l.strip_prefix("en\tflag\t"))
        .unwrap()
}

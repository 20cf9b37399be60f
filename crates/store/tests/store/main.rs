//! The storage test suite: one binary, one module per feature, every test on both backends.
//!
//! Each test is an `async fn(&Env)` in its feature's module and is named in that module's
//! `both!` list, which runs it on SQLite (a real file) and, when `PELITA_TEST_POSTGRES_URL` is
//! set, on a fresh PostgreSQL database on that server; with `PELITA_REQUIRE_POSTGRES` set (CI)
//! the PostgreSQL half fails instead of passing unrun. A test left out of its list is dead
//! code, which this crate denies: none is written and forgotten.
#![deny(dead_code)]

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use pelita_domain::DomainError;
use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::agency::Sector;
use pelita_domain::case::{
    Association, CaseStatus, Channel, Circumstances, GroupKind, Priority, PriorityLevel,
};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames, Sex};
use pelita_domain::policy::{self, Grant, Relationship, Section};
use pelita_domain::role::Role;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{
    Actor, ChainBreak, DeploymentKey, FixedClock, NewAgency, NewUser, Readable, Registration,
    Store, StoreConfig, StoreError,
};
use sqlx::{Connection, Executor};

/// Runs each named `async fn(&Env)` of the calling module on SQLite and on PostgreSQL, as
/// `<module>::<test>::sqlite` and `<module>::<test>::postgres`.
macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let env = $crate::Env::sqlite().await;
                super::$name(&env).await;
                env.finish().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(env) = $crate::Env::postgres().await else {
                    // CI asks for the PostgreSQL half: there it must not pass by not running.
                    assert!(
                        std::env::var_os("PELITA_REQUIRE_POSTGRES").is_none(),
                        "PELITA_REQUIRE_POSTGRES is set but PELITA_TEST_POSTGRES_URL is not"
                    );
                    eprintln!("PELITA_TEST_POSTGRES_URL not set: PostgreSQL half not run");
                    return;
                };
                super::$name(&env).await;
                env.finish().await;
            }
        }
    )*};
}

mod access;
mod accounts;
mod assessments;
mod audit;
mod cases;
mod conferences;
mod consent;
mod crash;
mod drafts;
mod family;
mod followups;
mod interviews;
mod justice;
mod plans;
mod referrals;
mod repatriation;
mod sealing;
mod search;
mod sessions;
mod workbench;
mod write_policy;
mod writer;

struct Env {
    store: Store,
    url: String,
    key: DeploymentKey,
    clock: Arc<FixedClock>,
    dir: tempfile::TempDir,
    pg: Option<(String, String)>, // (admin url, database name)
}

fn today() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 30, 0).unwrap()
}

impl Env {
    async fn sqlite() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("pelita.db").to_str().unwrap().to_owned();
        Env::open(url, dir, None).await
    }

    async fn postgres() -> Option<Env> {
        let admin = std::env::var("PELITA_TEST_POSTGRES_URL").ok()?;
        let name = format!("pelita_t_{}", uuid::Uuid::now_v7().simple());
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .expect("PELITA_TEST_POSTGRES_URL is set but the server is unreachable");
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        conn.close().await.unwrap();
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or(admin.clone());
        let url = format!("{base}/{name}");
        Some(Env::open(url, tempfile::tempdir().unwrap(), Some((admin, name))).await)
    }

    async fn open(url: String, dir: tempfile::TempDir, pg: Option<(String, String)>) -> Env {
        let key = DeploymentKey::generate();
        let clock = Arc::new(FixedClock::new(today()));
        let store = Store::open(StoreConfig {
            url: url.clone(),
            key: key.clone(),
            readers: 4,
            clock: clock.clone(),
        })
        .await
        .unwrap();
        Env {
            store,
            url,
            key,
            clock,
            dir,
            pg,
        }
    }

    async fn finish(self) {
        self.store.close().await;
        if let Some((admin, name)) = self.pg {
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            conn.execute(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .await
            .unwrap();
        }
    }

    /// Raw SQL around the store, as an attacker with database access would.
    async fn tamper(&self, sql: &str) {
        self.try_sql(sql).await.unwrap();
    }

    /// One or more statements, on a connection of their own.
    async fn try_sql(&self, sql: &str) -> Result<(), sqlx::Error> {
        let script = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()));
        if self.pg.is_some() {
            let mut c = sqlx::PgConnection::connect(&self.url).await?;
            c.execute(script).await.map(|_| ())
        } else {
            let mut c = sqlx::SqliteConnection::connect(&self.url).await?;
            c.execute(script).await.map(|_| ())
        }
    }

    /// An agency of `sector` in Indonesia.
    async fn agency_in(&self, code: &str, sector: Sector) -> String {
        self.store
            .create_agency(
                &admin(),
                NewAgency {
                    code: code.into(),
                    name: format!("Agency {code}"),
                    sector,
                    jurisdiction: "ID".into(),
                },
            )
            .await
            .unwrap()
    }

    /// A real account, for tests of who may do what: its actor is `env.store.act_as(&id)`.
    async fn account(&self, username: &str, role: Role, agency: &str) -> String {
        self.store
            .create_user(
                &admin(),
                NewUser {
                    username: username.into(),
                    display_name: username.into(),
                    role,
                    agency_id: Some(agency.into()),
                    password_hash: "not used".into(),
                },
            )
            .await
            .unwrap()
    }

    /// A session of the account `id`, past the second factor: its token.
    async fn sign_in(&self, id: &str) -> String {
        let user = self.store.user(id).await.unwrap();
        self.store.start_session(&user, true).await.unwrap().0
    }

    /// The newest audit event.
    async fn last_event(&self) -> pelita_store::AuditEvent {
        self.store.audit_events(1).await.unwrap().remove(0)
    }

    /// The audit actions recorded so far, newest first.
    async fn audited(&self) -> Vec<String> {
        self.store
            .audit_events(1000)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }

    /// A child registered by `worker()` into `agency`, assigned to nobody: its case id.
    async fn case(&self, agency: &str, given: &str, birth: BirthDate) -> String {
        self.store
            .register_child(
                &worker(),
                registration(agency, identity(given, None, birth)),
            )
            .await
            .unwrap()
            .case_id
    }

    async fn agency(&self, code: &str) -> String {
        self.agency_in(code, Sector::ChildProtection).await
    }
}

/// A write the store refused for want of permission.
#[track_caller]
fn assert_forbidden<T: std::fmt::Debug>(result: Result<T, StoreError>) {
    assert!(
        matches!(result, Err(StoreError::Forbidden)),
        "not refused: {result:?}"
    );
}

fn admin() -> Actor {
    Actor::operator("test")
}

/// The storage suite's tests of each feature's rules act as the operator with a role: the
/// write policy (who may change what) is walked on its own, with real accounts, in
/// `the_write_policy_holds_in_the_store_for_every_role_change_and_standing`.
fn worker() -> Actor {
    Actor::operator_in("worker-1", Role::CaseWorker)
}

/// What the assigned case worker may read.
fn grant(case_id: &str, section: Section) -> Grant {
    policy::authorize(
        "worker-1",
        Role::CaseWorker,
        Relationship::Assigned,
        case_id,
        section,
        None,
    )
    .unwrap()
}

async fn identity_of(env: &Env, case_id: &str) -> Readable<ChildIdentity> {
    env.store
        .read_identity(&grant(case_id, Section::Identity))
        .await
        .unwrap()
}

async fn case_of(env: &Env, case_id: &str) -> pelita_store::CaseRecord {
    env.store
        .read_case(&grant(case_id, Section::Status))
        .await
        .unwrap()
}

async fn status_of(env: &Env, case_id: &str) -> CaseStatus {
    case_of(env, case_id).await.case.status
}

/// A psychosocial assessment the child agreed to, recorded today by the worker: the record
/// that carries a case to "assessed".
async fn assess(env: &Env, case_id: &str) {
    let a = pelita_store::NewAssessment {
        on: today().date_naive(),
        language: "id".into(),
        assent: pelita_store::Assent::Given,
        present: None,
        answers: Default::default(),
    };
    env.store
        .record_assessment(
            &worker(),
            case_id,
            &pelita_domain::assessment::Instrument::default_instrument(),
            a,
        )
        .await
        .unwrap();
}

fn name(s: &str) -> NameText {
    NameText::parse(s).unwrap()
}

fn identity(given: &str, family: Option<&str>, birth: BirthDate) -> ChildIdentity {
    ChildIdentity {
        names: PersonNames::simple(name(given), family.map(name)),
        sex: Sex::Female,
        age: Age::with(
            birth,
            EvidenceKind::Declaration,
            "worker-1",
            today().date_naive(),
        ),
    }
}

fn registration(agency: &str, id: ChildIdentity) -> Registration {
    Registration {
        agency_id: agency.into(),
        identity: id,
        priority: Priority::new(PriorityLevel::Medium, "needs school re-entry").unwrap(),
        assigned_to: None,
        circumstances: None,
    }
}

fn circumstances() -> Circumstances {
    Circumstances {
        association: Association::Recruited,
        group: GroupKind::DesignatedTerrorist,
        channels: vec![Channel::OnlineMessaging],
        narrative: Some(NoteText::parse("Contacted through a messaging group at 13.").unwrap()),
    }
}

fn note(s: &str) -> NoteText {
    NoteText::parse(s).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The SQLite database file and its WAL, as raw bytes.
fn sqlite_bytes(env: &Env) -> Vec<u8> {
    let mut all = std::fs::read(&env.url).unwrap();
    if let Ok(wal) = std::fs::read(format!("{}-wal", env.url)) {
        all.extend(wal);
    }
    all
}

/// The columns of a case, for raw SQL that rebuilds one.
const CASE_COLUMNS: &str = "id, child_id, agency_id, reference, status, priority, \
     priority_sealed, assigned_to, victim_since, circumstances_sealed, reopened, version, \
     created_at, updated_at";

/// The same case with victim status cleared, as `SELECT`: for `REPLACE INTO cases …`.
fn case_without_victim_status(case_id: &str) -> String {
    let cols = CASE_COLUMNS.replace("victim_since", "CAST(NULL AS BIGINT)");
    format!("SELECT {cols} FROM cases WHERE id = '{case_id}'")
}

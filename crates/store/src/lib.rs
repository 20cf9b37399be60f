//! Pelita persistence: one [`Store`] over SQLite (embedded default) or PostgreSQL.
//!
//! Invariants kept here:
//! - every write goes through one writer task that commits batches (group commit) and appends
//!   an audit event in the same transaction; a reply means the write is durable;
//! - personal data is sealed with the child's data key before it reaches the database;
//! - name search uses keyed hashes, never plaintext;
//! - a database opened with the wrong deployment key is refused before anything is read.

mod access;
mod alerts;
mod assessment;
mod audit;
mod cases;
mod command;
mod conference;
mod consent;
mod crypto;
mod db;
mod drafts;
mod family;
mod followup;
mod interview;
mod journey;
mod justice;
mod migrate;
mod permit;
mod plan;
mod queue;
mod reads;
mod referral;
mod repatriation;
mod search;
mod sessions;
mod task;
mod users;
mod writer;

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use pelita_domain::DomainError;
use pelita_domain::agency::Sector;
use pelita_domain::case::{Case, CaseReference, Circumstances, Priority};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::role::Role;
use pelita_domain::text::NoteText;
use tokio::sync::{mpsc, oneshot};

pub use access::{AccessEntry, CaseMeta, Reader, SectionsRead, WorkItem};
pub use alerts::{Alert, AlertGroup};
pub use assessment::{Assent, AssessmentRecord, InterviewRecord, NewAssessment};
pub use audit::{AuditEvent, AuditReport, ChainBreak, Invariant, MAX_VIOLATIONS, StateViolation};
pub use cases::Erasure;
pub use conference::{ConferenceRecord, STAFF_OFFERED};
pub use consent::ConsentRecord;
pub use crypto::DeploymentKey;
pub use db::Kind;
pub use drafts::{DRAFT_DAYS, Draft, KEPT_HOURS, Kept, MAX_KEPT_BYTES, MAX_KEPT_PER_USER};
pub use family::HouseholdRecord;
pub use followup::FollowUpRecord;
pub use interview::NewInterview;
pub use justice::{
    AgreementEvent, ContactKind, DetentionChange, DetentionDetails, DetentionRecord, EndReason,
    JusticeTable, ProceedingRecord, SealState, SocialInquiry,
};
pub use permit::shareable_with;
pub use plan::PlanRecord;
pub use queue::{
    CASES_PER_PAGE, CaseFilter, CaseSort, PlanAwaiting, SupervisorQueue, Workbench, WorkerLoad,
};
pub use referral::{NewReferral, ReferralRecord};
pub use repatriation::{
    AbroadRecord, BestInterestsRecord, Change as RepatriationChange, OriginRecord,
    RepatriationFile, RepatriationStatus, StayRecord,
};
pub use search::{Duplicates, Findings, Found, NameMatch};
pub use sessions::{Bearer, LOCKOUT_MINUTES, MAX_FAILURES, Session, TokenScope};
pub use task::{HORIZON_DAYS, TaskItem};

use crate::command::Command;
use crate::crypto::Keys;
use crate::db::{Pools, args};
use crate::writer::{Queued, Reply};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the key is not a Pelita deployment key (expected a line starting pelita-key-1:)")]
    BadKeyFile,
    #[error("this database was created with a different deployment key; refusing to open it")]
    WrongKey,
    #[error("stored data failed its integrity check")]
    Corrupt,
    #[error("not found")]
    NotFound,
    #[error("this child's data was erased")]
    Erased,
    #[error("{0}")]
    Conflict(&'static str),
    #[error("not allowed")]
    Forbidden,
    #[error("the store is shutting down")]
    Closed,
    /// The writer stopped after a storage error at commit: the state of the database file is
    /// unknown, so nothing more is written until Pelita is restarted. Reads go on.
    #[error("writes are stopped after a storage error; restart Pelita")]
    Halted,
}

impl StoreError {
    /// True when the database refused a write because of a rule or a constraint, as opposed to
    /// being unreachable.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            StoreError::Domain(_)
                | StoreError::NotFound
                | StoreError::Conflict(_)
                | StoreError::Forbidden
        )
    }
}

/// Whether the store still writes (for health checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriterState {
    Running,
    /// Stopped after a storage error at commit, until restart: see [`StoreError::Halted`].
    Halted,
}

impl WriterState {
    pub fn as_str(self) -> &'static str {
        match self {
            WriterState::Running => "running",
            WriterState::Halted => "halted",
        }
    }
}

/// Where time comes from, so deadlines and ages are testable.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock tests can set and move.
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> FixedClock {
        FixedClock(Mutex::new(at))
    }
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

pub(crate) fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

pub(crate) fn from_micros(us: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(us).unwrap_or_default()
}

/// Who does something. Every write records its actor in the audit chain.
///
/// Only the store makes one: for a session or a token it checked ([`Session::actor`],
/// [`Bearer::actor`]), for an account it read ([`Store::act_as`], the operator's tools), or
/// for the operator ([`Actor::operator`], the command line). The fields are private so that
/// no handler can act as someone else, or as the operator, by building one:
///
/// ```compile_fail
/// use pelita_domain::role::Role;
/// let forged = pelita_store::Actor { id: "system:x".into(), role: Role::Administrator, operator: true };
/// ```
///
/// ```
/// let operator = pelita_store::Actor::operator("init");
/// assert!(operator.is_operator() && operator.id() == "system:init");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    id: String,
    role: Role,
    /// The command line or the system itself: no account and no case relationship, so the
    /// write policy does not apply. Not derived from the id: an account can never become it.
    operator: bool,
}

impl Actor {
    /// The command-line tool or the system itself, for work no user did (init, demo data).
    /// The web crate never calls this (a test in `pelita-web` keeps it so).
    pub fn operator(what: &str) -> Actor {
        Actor {
            id: format!("system:{what}"),
            role: Role::Administrator,
            operator: true,
        }
    }

    /// The operator in a role, for the rules a command applies itself (the demo's supervisor
    /// approves plans). Still no account: the write policy does not apply.
    pub fn operator_in(what: &str, role: Role) -> Actor {
        Actor {
            role,
            ..Actor::operator(what)
        }
    }

    /// An account's actor, as the store read it from a session, a token or `users`.
    pub(crate) fn account(id: &str, role: Role) -> Actor {
        Actor {
            id: id.to_owned(),
            role,
            operator: false,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The role the account had when the actor was made; the writer checks the role the
    /// account has now.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The command-line operator or the system itself: no account, no case relationship.
    pub fn is_operator(&self) -> bool {
        self.operator
    }
}

pub struct StoreConfig {
    /// `postgres://…` or a SQLite file path.
    pub url: String,
    pub key: DeploymentKey,
    /// Read connections.
    pub readers: u32,
    pub clock: Arc<dyn Clock>,
}

#[derive(Debug, Clone)]
pub struct NewAgency {
    pub code: String,
    pub name: String,
    pub sector: Sector,
    pub jurisdiction: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: String,
    pub code: String,
    pub name: String,
    pub sector: Sector,
    pub jurisdiction: String,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub agency_id: Option<String>,
    /// An argon2id PHC string; see [`hash_password`].
    pub password_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub agency_id: Option<String>,
    pub disabled: bool,
}

/// Registering a child opens a case at the registering agency.
#[derive(Debug, Clone)]
pub struct Registration {
    pub agency_id: String,
    pub identity: ChildIdentity,
    pub priority: Priority,
    pub assigned_to: Option<String>,
    /// Circumstances of recruitment or association, when already known; recording them
    /// recognises the child as a victim.
    pub circumstances: Option<Circumstances>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub child_id: String,
    pub case_id: String,
    pub reference: CaseReference,
}

/// Sealed data that may have been erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readable<T> {
    Present(T),
    Erased { at: DateTime<Utc> },
}

impl<T> Readable<T> {
    pub fn present(self) -> Option<T> {
        match self {
            Readable::Present(t) => Some(t),
            Readable::Erased { .. } => None,
        }
    }
    pub fn is_erased(&self) -> bool {
        matches!(self, Readable::Erased { .. })
    }
}

#[derive(Debug, Clone)]
pub struct ChildRecord {
    pub id: String,
    pub identity: Readable<ChildIdentity>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct CaseRecord {
    pub id: String,
    pub child_id: String,
    pub case: Case,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NoteRecord {
    pub id: String,
    pub section: pelita_domain::policy::Section,
    pub author: String,
    pub body: Readable<NoteText>,
    pub created_at: DateTime<Utc>,
}

/// 256 random bits, URL-safe: session tokens, CSRF tokens, access tokens.
pub fn random_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Hashes a password with argon2id (run it off the async threads: it is slow on purpose).
pub fn hash_password(password: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// The store. Cheap to clone; all clones share the writer and the pools.
#[derive(Clone)]
pub struct Store {
    pools: Pools,
    keys: Arc<Keys>,
    clock: Arc<dyn Clock>,
    writer: mpsc::Sender<Queued>,
    writer_state: Arc<writer::State>,
}

impl Store {
    /// Connects, applies migrations, checks the deployment key (or records it on a new
    /// database) and starts the writer.
    pub async fn open(config: StoreConfig) -> Result<Store, StoreError> {
        let pools = Pools::connect(&config.url, config.readers).await?;
        migrate::run(&pools).await?;
        let keys = Arc::new(Keys::derive(&config.key));
        let check = pools
            .row("SELECT value FROM meta WHERE key = 'key_check'", args![])
            .await?;
        match check {
            Some(row) => {
                if !keys.verify_key_check(&row.bytes(0)?) {
                    pools.close().await;
                    return Err(StoreError::WrongKey);
                }
            }
            None => {
                let mut tx = pools.begin().await?;
                let children = tx.row("SELECT count(*) FROM children", args![]).await?;
                if children.map(|r| r.i64(0)).transpose()?.unwrap_or(0) > 0 {
                    // Data without a key check was not written by Pelita: refuse, never guess.
                    return Err(StoreError::WrongKey);
                }
                tx.exec(
                    "INSERT INTO meta (key, value) VALUES ('key_check', $1)",
                    args![keys.key_check()],
                )
                .await?;
                tx.commit().await?;
            }
        }
        // Before the writer starts: names indexed by an earlier release's keys are found by
        // this one's spellings.
        search::rebuild_if_stale(&pools, &keys).await?;
        let writer_state = Arc::new(writer::State::default());
        let writer = writer::spawn(
            pools.clone(),
            keys.clone(),
            config.clock.clone(),
            writer_state.clone(),
        );
        let store = Store {
            pools,
            keys,
            clock: config.clock,
            writer,
            writer_state,
        };
        // Data that an earlier release kept in a weaker form is brought up to this one's; a
        // partial index makes the look at start a lookup, and nothing is written when none is left.
        let plaintext = store
            .pools
            .row(
                "SELECT 1 FROM access_log WHERE justification IS NOT NULL LIMIT 1",
                args![],
            )
            .await?;
        if plaintext.is_some() {
            store
                .submit(
                    &Actor::operator("upgrade"),
                    access::AccessCommand::SealLegacyJustifications,
                )
                .await?;
            // The plaintext they replaced must not linger in the WAL's old frames.
            store.pools.truncate_wal();
        }
        Ok(store)
    }

    /// Running, or halted after a storage error at commit (every write then fails with
    /// [`StoreError::Halted`] until the process restarts; reads go on).
    pub fn writer_state(&self) -> WriterState {
        if self.is_halted() {
            WriterState::Halted
        } else {
            WriterState::Running
        }
    }

    pub fn is_halted(&self) -> bool {
        self.writer_state.is_halted()
    }

    /// Test hook, compiled only for tests (the `fault-injection` feature, which the store's
    /// and the web's tests turn on): the next `n` commits fail as a failed fsync does.
    #[cfg(any(test, feature = "fault-injection"))]
    pub fn fail_next_commits(&self, n: u32) {
        self.writer_state.fail_next_commits(n);
    }

    pub fn kind(&self) -> Kind {
        self.pools.kind()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Waits for queued writes and closes the connections.
    pub async fn close(self) {
        let (tx, rx) = oneshot::channel();
        if self.writer.send(Queued::Shutdown(tx)).await.is_ok() {
            let _ = rx.await;
        }
        self.pools.close().await;
    }

    /// Queues a command and waits for its answer, which comes once the write is durable.
    pub(crate) async fn ask<T: Send + 'static, C: Into<Command>>(
        &self,
        actor: &Actor,
        build: impl FnOnce(Reply<T>) -> C,
    ) -> Result<T, StoreError> {
        let (job, answer) = Queued::ask(actor, |reply| build(reply).into());
        self.send(job).await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    /// Queues a command that answers only whether it was written.
    pub(crate) async fn submit(
        &self,
        actor: &Actor,
        command: impl Into<Command>,
    ) -> Result<(), StoreError> {
        let (job, answer) = Queued::submit(actor, command.into());
        self.send(job).await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    async fn send(&self, job: Queued) -> Result<(), StoreError> {
        self.writer.send(job).await.map_err(|_| StoreError::Closed)
    }

    /// Walks the audit chain and names the first event that does not fit.
    pub async fn verify_audit(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<AuditReport, StoreError> {
        audit::verify(&self.pools, &self.keys, progress).await
    }

    /// Checks the database against the chain's facts (`pelita audit verify` runs it after the
    /// walk): every case whose circumstances were recorded is a recognised victim, every
    /// registered case exists for its child and every case was registered, each case and
    /// referral is in the status of its last move, an erased child stays erased. A tamper that
    /// leaves the chain intact — raw SQL around the writer, past or through the triggers — is
    /// named here, case by case. At most [`MAX_VIOLATIONS`] per invariant.
    pub async fn verify_state(&self) -> Result<Vec<StateViolation>, StoreError> {
        audit::verify_state(&self.pools).await
    }

    /// A consistent online copy of a SQLite database (`VACUUM INTO`: a snapshot without free
    /// pages, so nothing deleted before the backup is carried into it).
    pub async fn backup_sqlite(&self, to: &Path) -> Result<(), StoreError> {
        match &self.pools {
            Pools::Sqlite { read, .. } => {
                let to = to
                    .to_str()
                    .ok_or(StoreError::Conflict("backup path is not UTF-8"))?;
                sqlx::query("VACUUM INTO $1").bind(to).execute(read).await?;
                Ok(())
            }
            Pools::Pg(_) => Err(StoreError::Conflict(
                "PostgreSQL deployments are backed up with pg_dump",
            )),
        }
    }
}

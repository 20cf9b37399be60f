//! The one writer. Commands queue on a channel; the writer takes every command waiting, runs
//! each in its own savepoint inside one transaction with its audit event, commits once (one
//! fsync for the whole batch) and only then answers. A command that fails rolls back to its
//! savepoint alone; the others in the batch still commit.
//!
//! A commit that fails on an I/O error is another matter: once an fsync has failed, the
//! operating system may have dropped the pages it could not write and a later fsync reports
//! success over the hole, so neither "saved" nor "not saved" is known, and committing again
//! would build on a file whose state is unknown. The writer then halts for good — PostgreSQL's
//! own answer since 2018, which turns a failed fsync into a crash and a recovery from its WAL:
//! the batch's callers and every later write are answered [`StoreError::Halted`], reads go on,
//! and only a restart (after an operator has looked at the disk) writes again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use pelita_domain::case::{Case, CaseReference, CaseStatus, Circumstances, Priority, VictimStatus};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::matching;
use pelita_domain::policy::Section;
use pelita_domain::text::NoteText;
use serde_json::json;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::audit::{self, Head};
use crate::crypto::{ChildKey, Keys};
use crate::db::{Pools, Tx, args};
use crate::{
    Actor, Clock, NewAgency, NewUser, Registered, Registration, StoreError, from_micros, micros,
};

/// Largest batch in one transaction; bounds the time a reader waits on a checkpoint.
const MAX_BATCH: usize = 512;
const QUEUE: usize = 4096;

pub(crate) enum Command {
    CreateAgency(NewAgency),
    CreateUser(NewUser),
    Register(Box<Registration>),
    UpdateIdentity(String, Box<ChildIdentity>),
    RecordCircumstances(String, Circumstances),
    MoveCase(String, CaseStatus, Option<String>),
    SetPriority(String, Priority),
    Assign(String, Option<String>),
    RemoveVictimStatus(String),
    AddNote(String, Section, NoteText),
    RecordConsent(String, Box<pelita_domain::consent::Entry>, Option<NoteText>),
    Refer(String, Box<crate::referral::NewReferral>),
    RecordAssessment(
        String,
        String,
        u32,
        pelita_domain::policy::Section,
        Box<crate::assessment::NewAssessment>,
    ),
    SavePlan(String, Box<pelita_domain::plan::Plan>),
    RecordFollowUp(String, Box<pelita_domain::followup::Outcome>),
    ApprovePlan(String),
    /// A case conference, with each task's deadline (micros) computed by the caller.
    RecordConference(String, Box<pelita_domain::conference::Conference>, Vec<i64>),
    CompleteTask(String),
    OpenProceeding(
        String,
        Box<pelita_domain::justice::proceeding::NewProceeding>,
    ),
    RecordDiversion(
        String,
        Box<pelita_domain::justice::proceeding::DiversionAssessment>,
    ),
    GoFormal(String),
    SetAgreement(String, Box<pelita_domain::justice::proceeding::Agreement>),
    AgreementEvent(String, crate::justice::AgreementEvent, chrono::NaiveDate),
    StartDetention(
        String,
        Box<pelita_domain::justice::proceeding::NewDetention>,
    ),
    ChangeDetention(String, crate::justice::DetentionChange),
    /// Expunge a case's justice records, on the court order given.
    ExpungeJustice(String, NoteText),
    RecordFamilyContact(String, chrono::NaiveDate, crate::justice::ContactKind),
    OpenSealedJustice(String, NoteText),
    /// A jurisdiction's rule value overridden: (code, key, value, reason).
    OverrideRule(String, pelita_domain::justice::OverrideKey, String, String),
    /// An interview, with the repeat-interview window in days.
    RecordInterview(String, Box<crate::interview::NewInterview>, i64),
    SetActionStatus(String, usize, usize, pelita_domain::plan::ActionStatus),
    SaveHousehold(String, Box<pelita_domain::family::Household>),
    Repatriation(String, Box<crate::repatriation::Change>),
    MoveReferral(
        String,
        pelita_domain::referral::ReferralStatus,
        Option<NoteText>,
    ),
    Erase(String, String),
    /// Sensitive reads of one reader: (case, section, break-glass justification).
    LogAccess {
        reads: Vec<(String, Section, Option<String>)>,
    },
    LoginFailure(String),
    StartSession {
        token_hash: Vec<u8>,
        user_id: String,
        username: String,
        second_factor: bool,
        csrf: String,
    },
    TouchSession(Vec<u8>),
    EndSessions {
        user_id: Option<String>,
        token_hash: Option<Vec<u8>>,
        keep: Option<Vec<u8>>,
    },
    PassSecondFactor(Vec<u8>),
    Reauthenticated(Vec<u8>),
    SetTotp(String, Vec<u8>),
    UseTotpStep(String, i64),
    SetPassword(String, String),
    SetLanguage(String, String),
    SetDisabled(String, bool),
    CreateToken {
        token_hash: Vec<u8>,
        user_id: String,
        label: String,
        scope: crate::TokenScope,
        expires_at: Option<i64>,
    },
    RevokeTokens(String),
    ResetSecondFactor(String),
    SetRole(String, pelita_domain::role::Role),
    HandedOverBy(String, String),
    AddTeamMember(String, String),
    /// The actor's alerts are read.
    AlertsRead,
    /// At start: break-glass reasons an earlier release kept in plain text are sealed.
    SealLegacyJustifications,
    /// A read the policy refused, by the actor.
    LogRefusal(String, Section),
    /// Stops the writer after everything queued before it.
    Shutdown,
}

pub(crate) enum Done {
    Id(String),
    Bool(bool),
    Registered(Registered),
    Unit,
}

pub(crate) struct Job {
    pub actor: Option<Actor>,
    pub command: Command,
    pub reply: oneshot::Sender<Result<Done, StoreError>>,
}

impl Job {
    pub(crate) fn new(
        actor: &Actor,
        command: Command,
        reply: oneshot::Sender<Result<Done, StoreError>>,
    ) -> Job {
        Job {
            actor: Some(actor.clone()),
            command,
            reply,
        }
    }
}

/// Whether the writer still writes, shared by the writer and every clone of the store.
#[derive(Default)]
pub(crate) struct State {
    halted: AtomicBool,
    /// Test hook: the next commits fail as a failed fsync would.
    #[cfg(any(test, feature = "fault-injection"))]
    fail_commits: std::sync::atomic::AtomicU32,
}

impl State {
    pub(crate) fn is_halted(&self) -> bool {
        self.halted.load(Ordering::Acquire)
    }

    #[cfg(any(test, feature = "fault-injection"))]
    pub(crate) fn fail_next_commits(&self, n: u32) {
        self.fail_commits.store(n, Ordering::Release);
    }

    /// Takes one injected commit failure, if any is pending.
    #[cfg(any(test, feature = "fault-injection"))]
    fn take_fault(&self) -> bool {
        self.fail_commits
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
    }
}

pub(crate) fn spawn(
    pools: Pools,
    keys: Arc<Keys>,
    clock: Arc<dyn Clock>,
    state: Arc<State>,
) -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel(QUEUE);
    match pools {
        // The SQLite writer runs its statements synchronously: it gets a thread of its own
        // rather than blocking one of the runtime's workers for a whole batch.
        Pools::Sqlite { .. } => {
            std::thread::Builder::new()
                .name("pelita-writer".into())
                .spawn(move || {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime for the writer thread")
                        .block_on(run(pools, keys, clock, state, rx))
                })
                .expect("the writer thread starts");
        }
        Pools::Pg(_) => {
            tokio::spawn(run(pools, keys, clock, state, rx));
        }
    }
    tx
}

async fn run(
    pools: Pools,
    keys: Arc<Keys>,
    clock: Arc<dyn Clock>,
    state: Arc<State>,
    mut rx: mpsc::Receiver<Job>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let stop = batch
            .iter()
            .position(|j| matches!(j.command, Command::Shutdown));
        let rest = stop.map(|i| batch.split_off(i));
        if state.is_halted() {
            // Nothing touches the database again in this process; no log line per write.
            for job in batch.drain(..) {
                let _ = job.reply.send(Err(StoreError::Halted));
            }
        } else if !batch.is_empty() {
            tracing::debug!(jobs = batch.len(), "write batch");
            let now = micros(clock.now());
            match commit(&pools, &keys, &state, now, &batch).await {
                Ok(results) => {
                    for (job, result) in batch.drain(..).zip(results) {
                        let _ = job.reply.send(result);
                    }
                }
                Err(Failure::Unknown(e)) => {
                    state.halted.store(true, Ordering::Release);
                    // Said once: every later write is answered without touching the database.
                    // The error names a code and the operation, never data.
                    tracing::error!(
                        error = %e,
                        jobs = batch.len(),
                        "storage error at commit: whether the last writes were saved is unknown. \
                         Writes are stopped until Pelita is restarted; reads go on. Check the \
                         disk and the system log, then restart"
                    );
                    for job in batch.drain(..) {
                        let _ = job.reply.send(Err(StoreError::Halted));
                    }
                }
                Err(Failure::Batch(e)) => {
                    tracing::error!(error = %e, jobs = batch.len(), "write batch failed");
                    let msg = e.to_string();
                    for job in batch.drain(..) {
                        let _ = job
                            .reply
                            .send(Err(StoreError::Db(sqlx::Error::Protocol(msg.clone()))));
                    }
                }
            }
        }
        if let Some(rest) = rest {
            for job in rest {
                let _ = job.reply.send(Ok(Done::Unit));
            }
            return;
        }
    }
}

/// Why a batch failed as a whole.
enum Failure {
    /// Nothing of the batch was written (a transaction that never began, or one the database
    /// rolled back and said so): an ordinary failure, answered as such.
    Batch(StoreError),
    /// The database file (or server) failed on I/O, or a commit failed without the database
    /// saying it rolled back: what is on disk is unknown, and the writer halts.
    Unknown(StoreError),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        if is_io_failure(&e) {
            Failure::Unknown(e)
        } else {
            Failure::Batch(e)
        }
    }
}

/// An I/O failure or corruption reported by the database, at any statement: SQLite's
/// `SQLITE_IOERR_*` (a failed read, write or fsync), `SQLITE_CORRUPT`, `SQLITE_NOTADB`;
/// PostgreSQL's class 58 (system error: `58030 io_error`, …) and `XX001`/`XX002` (data or
/// index corrupted).
fn is_io_failure(e: &StoreError) -> bool {
    use rusqlite::ErrorCode;
    match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => matches!(
            f.code,
            ErrorCode::SystemIoFailure | ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase
        ),
        StoreError::Db(sqlx::Error::Database(d)) => d
            .code()
            .is_some_and(|c| c.starts_with("58") || c == "XX001" || c == "XX002"),
        _ => false,
    }
}

/// Whether a failed COMMIT leaves the outcome unknown.
///
/// SQLite: always. COMMIT appends the batch's pages and its commit frame to the WAL and then
/// syncs it; when any of that fails, some frames may already be in the file (and valid at the
/// next start) or lost from the page cache — the error does not say which.
///
/// PostgreSQL: when the answer is not the server's own error. A server that answers COMMIT
/// with an error (a deferred constraint, a serialization failure) has rolled the transaction
/// back, and says so: the batch failed, nothing is unknown (unless the error is itself an I/O
/// failure). A connection that breaks during COMMIT (the server crashed, or PANICked on a failed
/// fsync, or the network failed) leaves no answer: the commit record may be in the server's
/// WAL, durable and replayed at its recovery, or not. Writing on would answer "not saved" for
/// writes that may be saved — and a caller who retries a registration makes two cases of one
/// child — so the writer halts here too, and an operator restarts Pelita once the server is
/// back and the last writes have been looked at.
fn commit_outcome_unknown(e: &StoreError) -> bool {
    match e {
        StoreError::Sqlite(_) => true,
        StoreError::Db(sqlx::Error::Database(_)) => is_io_failure(e),
        StoreError::Db(_) => true,
        _ => is_io_failure(e),
    }
}

/// Commits a batch. Commands rarely fail, so the batch first runs without savepoints (each
/// costs statements and a statement journal); if any command fails, that attempt is rolled back
/// whole and the batch runs again with a savepoint per command, so the failure stays its own.
/// A batch whose outcome is unknown is never tried again.
async fn commit(
    pools: &Pools,
    keys: &Keys,
    state: &State,
    now: i64,
    batch: &[Job],
) -> Result<Vec<Result<Done, StoreError>>, Failure> {
    if batch.len() > 1 {
        match attempt(pools, keys, state, now, batch, false).await {
            Ok(Some(results)) => return Ok(results),
            Err(Failure::Unknown(e)) => return Err(Failure::Unknown(e)),
            // A command failed, or nothing was written: again, with savepoints.
            Ok(None) | Err(Failure::Batch(_)) => {}
        }
    }
    attempt(pools, keys, state, now, batch, true)
        .await
        .map(|r| r.expect("with savepoints every outcome is kept"))
}

/// One try at a batch; `None` when a command failed without savepoints to contain it.
async fn attempt(
    pools: &Pools,
    keys: &Keys,
    state: &State,
    now: i64,
    batch: &[Job],
    savepoints: bool,
) -> Result<Option<Vec<Result<Done, StoreError>>>, Failure> {
    let mut tx = pools.begin().await?;
    let mut head = audit::read_head(&mut tx).await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        if savepoints {
            tx.raw("SAVEPOINT job").await?;
        }
        let before = head.clone();
        let actor = job
            .actor
            .clone()
            .expect("every command but Shutdown has an actor");
        let mut w = Write {
            tx: &mut tx,
            keys,
            head: &mut head,
            now,
            actor,
        };
        match w.apply(&job.command).await {
            Ok(done) => {
                if savepoints {
                    tx.raw("RELEASE SAVEPOINT job").await?;
                }
                results.push(Ok(done));
            }
            // A command's own error is a refusal and stays its own; an I/O failure is not.
            Err(e) if is_io_failure(&e) => return Err(Failure::Unknown(e)),
            // Dropping the transaction rolls it back.
            Err(_) if !savepoints => return Ok(None),
            Err(e) => {
                tx.raw("ROLLBACK TO SAVEPOINT job").await?;
                tx.raw("RELEASE SAVEPOINT job").await?;
                head = before;
                results.push(Err(e));
            }
        }
    }
    audit::write_head(&mut tx, &head).await?;
    #[cfg(any(test, feature = "fault-injection"))]
    let committed = if state.take_fault() {
        // What a failed fsync at COMMIT looks like to the writer. (The transaction is rolled
        // back here, so a test knows what is on disk; a real failure leaves that unknown.)
        drop(tx);
        Err(injected_commit_failure(pools.kind()))
    } else {
        tx.commit().await
    };
    #[cfg(not(any(test, feature = "fault-injection")))]
    let committed = {
        let _ = state;
        tx.commit().await
    };
    match committed {
        Ok(()) => Ok(Some(results)),
        Err(e) if commit_outcome_unknown(&e) => Err(Failure::Unknown(e)),
        Err(e) => Err(Failure::Batch(e)),
    }
}

/// The error a failed COMMIT gives on each backend: SQLite's `SQLITE_IOERR_FSYNC`, and a
/// PostgreSQL connection lost before the server answered. Classified as a real one is.
#[cfg(any(test, feature = "fault-injection"))]
fn injected_commit_failure(kind: crate::Kind) -> StoreError {
    match kind {
        crate::Kind::Sqlite => StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR_FSYNC),
            Some("fsync failed (injected)".into()),
        )),
        crate::Kind::Postgres => StoreError::Db(sqlx::Error::Io(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection lost at commit (injected)",
        ))),
    }
}

/// One command being applied inside the batch transaction.
pub(crate) struct Write<'a> {
    pub tx: &'a mut Tx,
    pub keys: &'a Keys,
    pub head: &'a mut Head,
    pub now: i64,
    pub actor: Actor,
}

pub(crate) fn new_id() -> String {
    Uuid::now_v7().to_string()
}

fn json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("domain types serialise")
}

impl Write<'_> {
    pub(crate) async fn audit(
        &mut self,
        action: &str,
        subject: &str,
        detail: serde_json::Value,
    ) -> Result<(), StoreError> {
        let entry = audit::Entry {
            at: self.now,
            actor: &self.actor.id,
            action,
            subject,
            detail,
        };
        audit::append(self.tx, self.keys, self.head, entry).await
    }

    async fn apply(&mut self, command: &Command) -> Result<Done, StoreError> {
        // The write policy, against the actor and the case as they stand in this transaction;
        // it answers which cases the command changes, read before the change (an expungement
        // removes records).
        let changed = self.permit(command).await?;
        let done = self.apply_command(command).await?;
        // The assigned worker learns when someone else changes their case.
        for (case_id, what) in changed {
            self.alert_assigned(&case_id, what).await?;
        }
        Ok(done)
    }

    /// One statement: an alert for the case's assigned worker, unless they made the change.
    async fn alert_assigned(&mut self, case_id: &str, what: &str) -> Result<(), StoreError> {
        let detail = json!({"by": self.actor.id, "what": what}).to_string();
        self.tx
            .exec(
                "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) \
                 SELECT $1, c.assigned_to, c.id, 'changed', $2, $3 FROM cases c \
                 WHERE c.id = $4 AND c.assigned_to IS NOT NULL AND c.assigned_to <> $5",
                args![new_id(), detail, self.now, case_id, self.actor.id.as_str()],
            )
            .await?;
        Ok(())
    }

    async fn apply_command(&mut self, command: &Command) -> Result<Done, StoreError> {
        match command {
            Command::CreateAgency(a) => self.create_agency(a).await,
            Command::CreateUser(u) => self.create_user(u).await,
            Command::Register(r) => self.register(r).await,
            Command::UpdateIdentity(child, identity) => self.update_identity(child, identity).await,
            Command::RecordCircumstances(case, c) => self.record_circumstances(case, c).await,
            Command::MoveCase(case, to, reason) => {
                self.move_case(case, *to, reason.as_deref()).await
            }
            Command::SetPriority(case, p) => self.set_priority(case, p).await,
            Command::Assign(case, user) => self.assign(case, user.clone()).await,
            Command::RemoveVictimStatus(case) => self.remove_victim_status(case).await,
            Command::AddNote(case, section, body) => self.add_note(case, *section, body).await,
            Command::Erase(child, reason) => self.erase(child, reason).await,
            Command::Refer(case, r) => self.refer(case, r).await,
            Command::SavePlan(case, p) => self.save_plan(case, p).await,
            Command::RecordFollowUp(id, o) => self.record_followup(id, o).await,
            Command::ApprovePlan(case) => self.approve_plan(case).await,
            Command::RecordConference(case, c, due) => self.record_conference(case, c, due).await,
            Command::CompleteTask(id) => self.complete_task(id).await,
            Command::OpenProceeding(case, p) => self.open_proceeding(case, p).await,
            Command::RecordDiversion(id, a) => self.record_diversion(id, a).await,
            Command::GoFormal(id) => self.go_formal(id).await,
            Command::SetAgreement(id, a) => self.set_agreement(id, a).await,
            Command::AgreementEvent(id, e, on) => self.agreement_event(id, *e, *on).await,
            Command::StartDetention(case, d) => self.start_detention(case, d).await,
            Command::ChangeDetention(id, c) => self.change_detention(id, c).await,
            Command::ExpungeJustice(case, order) => self.expunge_justice(case, order).await,
            Command::OpenSealedJustice(case, order) => self.open_sealed_justice(case, order).await,
            Command::OverrideRule(code, key, value, reason) => {
                self.override_rule(code, *key, value, reason).await
            }
            Command::RecordFamilyContact(case, on, kind) => {
                self.record_family_contact(case, *on, *kind).await
            }
            Command::RecordInterview(case, i, days) => self.record_interview(case, i, *days).await,
            Command::SetActionStatus(case, g, a, st) => {
                self.set_action_status(case, *g, *a, *st).await
            }
            Command::SaveHousehold(case, h) => self.save_household(case, h).await,
            Command::Repatriation(case, c) => self.change_repatriation(case, c).await,
            Command::RecordAssessment(case, instrument, version, section, a) => {
                self.record_assessment(case, instrument, *version, *section, a)
                    .await
            }
            Command::MoveReferral(id, to, text) => self.move_referral(id, *to, text.as_ref()).await,
            Command::RecordConsent(case, entry, note) => {
                self.record_consent(case, entry, note.as_ref()).await
            }
            Command::Shutdown => Ok(Done::Unit),
            Command::SealLegacyJustifications => self.seal_legacy_justifications().await,
            other => self.apply_access(other).await,
        }
    }

    async fn create_agency(&mut self, a: &NewAgency) -> Result<Done, StoreError> {
        let code = CaseReference::agency_code(&a.code)?;
        let name = pelita_domain::text::clean("agency name", &a.name, 200, false)?;
        let id = new_id();
        let taken = self
            .tx
            .row(
                "SELECT 1 FROM agencies WHERE code = $1",
                args![code.as_str()],
            )
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict("an agency with that code exists"));
        }
        self.tx
            .exec(
                "INSERT INTO agencies (id, code, name, sector, jurisdiction, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    id.as_str(),
                    code.as_str(),
                    name,
                    a.sector.as_str(),
                    a.jurisdiction.as_str(),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "agency.create",
            &id,
            json!({"code": code, "sector": a.sector.as_str()}),
        )
        .await?;
        Ok(Done::Id(id))
    }

    async fn create_user(&mut self, u: &NewUser) -> Result<Done, StoreError> {
        let username = pelita_domain::text::clean("username", &u.username, 64, false)?;
        let display = pelita_domain::text::clean("display name", &u.display_name, 200, false)?;
        let taken = self
            .tx
            .row(
                "SELECT 1 FROM users WHERE username = $1",
                args![username.as_str()],
            )
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict("that username is taken"));
        }
        let id = new_id();
        self.tx
            .exec(
                "INSERT INTO users (id, username, display_name, role, agency_id, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                args![id.as_str(), username, display, u.role.as_str(), u.agency_id.clone(), u.password_hash.as_str(), self.now],
            )
            .await?;
        self.audit(
            "user.create",
            &id,
            json!({"role": u.role.as_str(), "agency": u.agency_id}),
        )
        .await?;
        Ok(Done::Id(id))
    }

    pub(crate) async fn child_key(
        &mut self,
        child_id: &str,
    ) -> Result<(i64, ChildKey), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT seq, wrapped_key FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let wrapped = row.opt_bytes(1)?.ok_or(StoreError::Erased)?;
        Ok((row.i64(0)?, self.keys.unwrap_child_key(child_id, &wrapped)?))
    }

    async fn index_names(
        &mut self,
        seq: i64,
        identity: &ChildIdentity,
        fresh: bool,
    ) -> Result<(), StoreError> {
        if !fresh {
            self.tx
                .exec("DELETE FROM name_index WHERE child_seq = $1", args![seq])
                .await?;
        }
        let mut hashes: Vec<i64> = identity
            .names
            .all_forms()
            .flat_map(matching::keys)
            .chain(
                full_names(&identity.names)
                    .iter()
                    .flat_map(|n| matching::pair_keys(&matching::tokens(n)))
                    .map(|(k, _, _)| k),
            )
            .map(|k| self.keys.index_hash(k.kind.tag(), &k.value))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        // One statement of one shape whatever the number of keys, so it is prepared once.
        let sql = match self.tx {
            Tx::Lite(_) => {
                "INSERT INTO name_index (h, child_seq) SELECT value, $2 FROM json_each($1) \
                 WHERE true ON CONFLICT DO NOTHING"
            }
            Tx::Pg(_) => {
                "INSERT INTO name_index (h, child_seq) \
                 SELECT (jsonb_array_elements_text($1::jsonb))::bigint, $2 ON CONFLICT DO NOTHING"
            }
        };
        let list = serde_json::to_string(&hashes).expect("numbers serialise");
        self.tx.exec(sql, args![list, seq]).await?;
        Ok(())
    }

    async fn register(&mut self, r: &Registration) -> Result<Done, StoreError> {
        let agency = self
            .tx
            .row(
                "SELECT code FROM agencies WHERE id = $1",
                args![r.agency_id.as_str()],
            )
            .await?
            .ok_or(StoreError::Conflict("no such agency"))?;
        let code = agency.text(0)?;
        if let Some(user) = &r.assigned_to {
            self.ensure_user(user).await?;
        }
        let today = from_micros(self.now).date_naive();
        for e in &r.identity.age.evidence {
            e.birth.validated(today)?;
        }
        let child_id = new_id();
        let (key, wrapped) = self.keys.new_child_key(&child_id);
        let sealed = key.seal("identity", &json(&r.identity));
        let seq = self
            .tx
            .row(
                "INSERT INTO children (id, wrapped_key, identity_sealed, sex, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING seq",
                args![
                    child_id.as_str(),
                    wrapped,
                    sealed,
                    r.identity.sex.as_str(),
                    self.now
                ],
            )
            .await?
            .ok_or(StoreError::Corrupt)?
            .i64(0)?;
        self.index_names(seq, &r.identity, true).await?;

        let year = from_micros(self.now)
            .format("%Y")
            .to_string()
            .parse::<i32>()
            .unwrap_or(1970);
        let number = self
            .tx
            .row(
                "INSERT INTO case_counters (agency_id, year, next) VALUES ($1, $2, 2) \
                 ON CONFLICT (agency_id, year) DO UPDATE SET next = case_counters.next + 1 \
                 RETURNING next - 1",
                args![r.agency_id.as_str(), i64::from(year)],
            )
            .await?
            .ok_or(StoreError::Corrupt)?
            .i64(0)?;
        let reference = CaseReference {
            agency_code: code,
            year,
            number: number as u32,
        };
        let mut case = Case::new(
            reference.clone(),
            r.agency_id.clone(),
            r.priority.clone(),
            r.assigned_to.clone(),
        );
        case.move_to(CaseStatus::Registered, None)?;
        if let Some(c) = &r.circumstances {
            case.record_circumstances(c, from_micros(self.now));
        }
        let case_id = new_id();
        self.tx
            .exec(
                "INSERT INTO cases (id, child_id, agency_id, reference, status, priority, priority_sealed, \
                 assigned_to, victim_since, circumstances_sealed, reopened, version, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, 1, $11, $11)",
                args![
                    case_id.as_str(),
                    child_id.as_str(),
                    r.agency_id.as_str(),
                    reference.to_string(),
                    case.status.as_str(),
                    case.priority.level.as_str(),
                    key.seal("priority", case.priority.reason.as_bytes()),
                    r.assigned_to.clone(),
                    victim_micros(case.victim_status()),
                    r.circumstances.as_ref().map(|c| key.seal("circumstances", &json(c))),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "child.register",
            &case_id,
            json!({
                "child": child_id,
                "reference": reference.to_string(),
                "status": case.status.as_str(),
                "priority": case.priority.level.as_str(),
                "victim_recognised": case.victim_status().is_recognised(),
                "fields": ["identity.names", "identity.sex", "identity.age", "priority.reason"],
            }),
        )
        .await?;
        Ok(Done::Registered(Registered {
            child_id,
            case_id,
            reference,
        }))
    }

    async fn ensure_user(&mut self, user: &str) -> Result<(), StoreError> {
        match self
            .tx
            .row("SELECT disabled FROM users WHERE id = $1", args![user])
            .await?
        {
            Some(r) if r.i64(0)? == 0 => Ok(()),
            _ => Err(StoreError::Conflict("no such active user")),
        }
    }

    async fn update_identity(
        &mut self,
        child_id: &str,
        identity: &ChildIdentity,
    ) -> Result<Done, StoreError> {
        let (seq, key) = self.child_key(child_id).await?;
        let today = from_micros(self.now).date_naive();
        // Field-level history: which parts changed (never their values, which are personal).
        let old_sealed = self
            .tx
            .row(
                "SELECT identity_sealed FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .and_then(|r| r.opt_bytes(0).ok().flatten());
        let old: Option<ChildIdentity> = old_sealed
            .and_then(|s| key.open("identity", &s).ok())
            .and_then(|p| serde_json::from_slice(&p).ok());
        // New age evidence meets today's rules; claims already in the log stay as recorded
        // (an older estimate with no margin is read protectively, not refused again).
        for e in &identity.age.evidence {
            if !old.as_ref().is_some_and(|o| o.age.evidence.contains(e)) {
                e.birth.validated(today)?;
            }
        }
        let mut fields = Vec::new();
        if let Some(old) = &old {
            let n = (&old.names, &identity.names);
            for (name, changed) in [
                ("identity.given", n.0.given != n.1.given),
                ("identity.family", n.0.family != n.1.family),
                ("identity.other_names", n.0.other != n.1.other),
                ("identity.aliases", n.0.aliases != n.1.aliases),
                ("identity.sex", old.sex != identity.sex),
                ("identity.age_evidence", old.age != identity.age),
            ] {
                if changed {
                    fields.push(name);
                }
            }
        }
        self.tx
            .exec(
                "UPDATE children SET identity_sealed = $1, sex = $2 WHERE id = $3",
                args![
                    key.seal("identity", &json(identity)),
                    identity.sex.as_str(),
                    child_id
                ],
            )
            .await?;
        self.index_names(seq, identity, false).await?;
        self.audit(
            "child.update_identity",
            child_id,
            json!({ "fields": fields }),
        )
        .await?;
        Ok(Done::Unit)
    }

    /// Loads a case for change, with its child's key.
    pub(crate) async fn load_case(
        &mut self,
        case_id: &str,
    ) -> Result<(Case, String, ChildKey), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT reference, status, priority, priority_sealed, agency_id, assigned_to, victim_since, \
                 reopened, child_id FROM cases WHERE id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let child_id = row.text(8)?;
        let (_, key) = self.child_key(&child_id).await?;
        let case = crate::reads::case_from_row(&row, Some(&key))?;
        Ok((case, child_id, key))
    }

    async fn save_case(&mut self, case_id: &str, case: &Case) -> Result<(), StoreError> {
        self.tx
            .exec(
                "UPDATE cases SET status = $1, priority = $2, assigned_to = $3, victim_since = $4, \
                 reopened = $5, version = version + 1, updated_at = $6 WHERE id = $7",
                args![
                    case.status.as_str(),
                    case.priority.level.as_str(),
                    case.assigned_worker.clone(),
                    victim_micros(case.victim_status()),
                    i64::from(case.reopened),
                    self.now,
                    case_id
                ],
            )
            .await?;
        Ok(())
    }

    async fn record_circumstances(
        &mut self,
        case_id: &str,
        c: &Circumstances,
    ) -> Result<Done, StoreError> {
        let (mut case, _, key) = self.load_case(case_id).await?;
        let first = case.record_circumstances(c, from_micros(self.now));
        self.tx
            .exec(
                "UPDATE cases SET circumstances_sealed = $1 WHERE id = $2",
                args![key.seal("circumstances", &json(c)), case_id],
            )
            .await?;
        self.save_case(case_id, &case).await?;
        self.audit(
            "case.record_circumstances",
            case_id,
            json!({"fields": ["circumstances"], "victim_recognised": first}),
        )
        .await?;
        Ok(Done::Unit)
    }

    async fn move_case(
        &mut self,
        case_id: &str,
        to: CaseStatus,
        reason: Option<&str>,
    ) -> Result<Done, StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        let from = case.status;
        if to == CaseStatus::Closed {
            pelita_domain::followup::may_close(self.actor.role)?;
        }
        case.move_to(to, reason)?;
        self.save_case(case_id, &case).await?;
        if to == CaseStatus::Closed {
            let closed_on = from_micros(self.now).date_naive();
            for due in pelita_domain::followup::schedule(closed_on) {
                self.tx
                    .exec(
                        "INSERT INTO followups (id, case_id, due_on) VALUES ($1, $2, $3)",
                        args![new_id(), case_id, due.to_string()],
                    )
                    .await?;
            }
        } else if from == CaseStatus::Closed {
            // Reopened: the follow-ups not yet done no longer apply.
            self.tx
                .exec(
                    "DELETE FROM followups WHERE case_id = $1 AND done_on IS NULL",
                    args![case_id],
                )
                .await?;
        }
        self.audit(
            "case.move",
            case_id,
            json!({"from": from.as_str(), "to": to.as_str()}),
        )
        .await?;
        Ok(Done::Unit)
    }

    async fn set_priority(&mut self, case_id: &str, p: &Priority) -> Result<Done, StoreError> {
        let (mut case, _, key) = self.load_case(case_id).await?;
        let from = case.priority.level;
        case.priority = p.clone();
        self.save_case(case_id, &case).await?;
        self.tx
            .exec(
                "UPDATE cases SET priority_sealed = $1 WHERE id = $2",
                args![key.seal("priority", p.reason.as_bytes()), case_id],
            )
            .await?;
        self.audit(
            "case.priority",
            case_id,
            json!({"from": from.as_str(), "to": p.level.as_str(), "fields": ["priority.reason"]}),
        )
        .await?;
        Ok(Done::Unit)
    }

    async fn assign(&mut self, case_id: &str, user: Option<String>) -> Result<Done, StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        if let Some(u) = &user {
            self.ensure_user(u).await?;
        }
        let from = case
            .assigned_worker
            .replace(user.clone().unwrap_or_default());
        case.assigned_worker = user.clone();
        self.save_case(case_id, &case).await?;
        self.audit("case.assign", case_id, json!({"from": from, "to": user}))
            .await?;
        Ok(Done::Unit)
    }

    async fn remove_victim_status(&mut self, case_id: &str) -> Result<Done, StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        case.remove_victim_status(self.actor.role)?;
        Ok(Done::Unit)
    }

    async fn add_note(
        &mut self,
        case_id: &str,
        section: Section,
        body: &NoteText,
    ) -> Result<Done, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let id = new_id();
        self.tx
            .exec(
                "INSERT INTO case_notes (id, case_id, author, body_sealed, created_at, section) VALUES ($1, $2, $3, $4, $5, $6)",
                args![id.as_str(), case_id, self.actor.id.as_str(), key.seal(&format!("note/{id}"), body.as_str().as_bytes()), self.now, section.as_str()],
            )
            .await?;
        let findings = pelita_domain::terminology::Guard::builtin()
            .check(body.as_str())
            .len() as i64;
        self.audit(
            "case.note",
            case_id,
            json!({"note": id, "section": section.as_str(), "terminology_findings": findings}),
        )
        .await?;
        Ok(Done::Id(id))
    }

    async fn erase(&mut self, child_id: &str, reason: &str) -> Result<Done, StoreError> {
        let (seq, _) = self.child_key(child_id).await?;
        self.tx
            .exec(
                "UPDATE children SET wrapped_key = NULL, identity_sealed = NULL, erased_at = $1 WHERE id = $2",
                args![self.now, child_id],
            )
            .await?;
        self.tx
            .exec("DELETE FROM name_index WHERE child_seq = $1", args![seq])
            .await?;
        self.tx
            .exec(
                "UPDATE cases SET priority_sealed = NULL, circumstances_sealed = NULL WHERE child_id = $1",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE case_notes SET body_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE consents SET note_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE followups SET outcome_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE plans SET plan_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE assessments SET present_sealed = NULL, answers_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE referrals SET reason_sealed = NULL, override_sealed = NULL, answer_sealed = NULL, \
                 feedback_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        // Later parts of a case: sealed columns emptied (NOT NULL ones to zero bytes), the
        // justice key destroyed. The child's key is gone already; this leaves no ciphertext.
        let empty: Vec<u8> = Vec::new();
        for sql in [
            "UPDATE conferences SET record_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE tasks SET text_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE households SET household_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE origins SET origin_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE repatriations SET notes_sealed = $2, end_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE best_interests SET record_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE reception_stays SET stay_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE proceedings SET offence_sealed = $2, diversion_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE detentions SET record_sealed = $2, extension_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
        ] {
            self.tx.exec(sql, args![child_id, empty.clone()]).await?;
        }
        for sql in [
            "UPDATE interviews SET present_sealed = NULL, reason_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE justice_keys SET wrapped_key = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
        ] {
            self.tx.exec(sql, args![child_id]).await?;
        }
        self.tx
            .exec(
                "INSERT INTO erasures (child_id, erased_at, erased_by) VALUES ($1, $2, $3)",
                args![child_id, self.now, self.actor.id.as_str()],
            )
            .await?;
        // The reason is the operator's words about the erasure, not about the child: it is kept,
        // but only its length reaches the audit detail, in case it names someone.
        self.audit(
            "child.erase",
            child_id,
            json!({"reason_chars": reason.chars().count()}),
        )
        .await?;
        Ok(Done::Unit)
    }
}

/// The whole name as written and as transliterated (each part's Latin form where it has one),
/// without aliases: the forms whose tokens pair up.
fn full_names(n: &pelita_domain::identity::PersonNames) -> Vec<String> {
    let parts: Vec<&pelita_domain::identity::NamePart> = std::iter::once(&n.given)
        .chain(n.other.iter())
        .chain(n.family.iter())
        .collect();
    let native: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    let latin: Vec<&str> = parts
        .iter()
        .map(|p| p.latin.as_ref().unwrap_or(&p.text).as_str())
        .collect();
    let (native, latin) = (native.join(" "), latin.join(" "));
    if native == latin {
        vec![native]
    } else {
        vec![native, latin]
    }
}

fn victim_micros(v: VictimStatus) -> Option<i64> {
    match v {
        VictimStatus::NotRecorded => None,
        VictimStatus::Recognised { since } => Some(micros(since)),
    }
}

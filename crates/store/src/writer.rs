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
//!
//! The engine knows no feature: a [`Command`] is routed to its feature's file by `command.rs`,
//! after `permit.rs` has checked it. A command carries its [`Reply`]; the caller gets the
//! reply's value only once the batch has committed, or the command's own error, or `Halted`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::json;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::audit::{self, Head};
use crate::command::Command;
use crate::crypto::Keys;
use crate::db::{Pools, Tx, args};
use crate::{Actor, Clock, StoreError, micros};

/// Largest batch in one transaction; bounds the time a reader waits on a checkpoint.
const MAX_BATCH: usize = 512;
const QUEUE: usize = 4096;

/// What a command answers its caller, kept by the command as it runs and sent by the engine
/// only once the batch has committed. The command carries its `Reply<T>`; the queued job
/// carries the matching sender, so the caller awaits a `T` and nothing else.
pub(crate) struct Reply<T>(Arc<Mutex<Option<T>>>);

impl<T: Send + 'static> Reply<T> {
    /// A reply slot for a command, the job's side of it, and the caller's receiver.
    fn channel() -> (Reply<T>, Box<dyn Answer>, Answered<T>) {
        let slot = Arc::new(Mutex::new(None));
        let (to, from) = oneshot::channel();
        (Reply(slot.clone()), Box::new(Pending { slot, to }), from)
    }

    /// Keeps what the command produced; a batch run again with savepoints replaces it.
    pub(crate) fn keep(&self, value: T) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(value);
    }
}

/// The caller's side of a reply: the command's answer, once its batch has committed.
pub(crate) type Answered<T> = oneshot::Receiver<Result<T, StoreError>>;

/// The job's side of a reply: answered once, after the batch's outcome is known.
trait Answer: Send + Sync {
    /// `Ok` when the command ran and its batch committed; its error otherwise.
    fn send(self: Box<Self>, outcome: Result<(), StoreError>);
}

struct Pending<T> {
    slot: Arc<Mutex<Option<T>>>,
    to: oneshot::Sender<Result<T, StoreError>>,
}

impl<T: Send> Answer for Pending<T> {
    fn send(self: Box<Self>, outcome: Result<(), StoreError>) {
        let kept = self
            .slot
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let answer = match (outcome, kept) {
            (Ok(()), Some(value)) => Ok(value),
            (Err(e), _) => Err(e),
            // A command that succeeded without keeping its reply: a store bug, answered as a
            // failure rather than a value the caller did not get.
            (Ok(()), None) => Err(StoreError::Corrupt),
        };
        let _ = self.to.send(answer);
    }
}

/// A command, who asks for it, and where its answer goes.
pub(crate) struct Job {
    actor: Actor,
    command: Command,
    answer: Box<dyn Answer>,
}

impl Queued {
    /// A job for a command whose reply is its slot's `T`; `build` puts the slot in the command.
    pub(crate) fn ask<T: Send + 'static>(
        actor: &Actor,
        build: impl FnOnce(Reply<T>) -> Command,
    ) -> (Queued, Answered<T>) {
        let (reply, answer, receiver) = Reply::channel();
        let job = Job {
            actor: actor.clone(),
            command: build(reply),
            answer,
        };
        (Queued::Job(job), receiver)
    }

    /// A job for a command that answers nothing but its success.
    pub(crate) fn submit(actor: &Actor, command: Command) -> (Queued, Answered<()>) {
        Queued::ask(actor, |done: Reply<()>| {
            done.keep(());
            command
        })
    }
}

/// What the writer's queue holds: a job, or the request to stop after what came before it.
pub(crate) enum Queued {
    Job(Job),
    Shutdown(oneshot::Sender<()>),
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
) -> mpsc::Sender<Queued> {
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
    mut rx: mpsc::Receiver<Queued>,
) {
    let mut queued = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut queued, MAX_BATCH).await > 0 {
        let mut batch = Vec::with_capacity(queued.len());
        let mut stop = None;
        for q in queued.drain(..) {
            match (q, &stop) {
                (Queued::Job(job), None) => batch.push(job),
                (Queued::Shutdown(done), None) => stop = Some(done),
                // Queued after the shutdown: not written, and told so.
                (Queued::Job(job), Some(_)) => job.answer.send(Err(StoreError::Closed)),
                (Queued::Shutdown(done), Some(_)) => {
                    let _ = done.send(());
                }
            }
        }
        if state.is_halted() {
            // Nothing touches the database again in this process; no log line per write.
            for job in batch.drain(..) {
                job.answer.send(Err(StoreError::Halted));
            }
        } else if !batch.is_empty() {
            tracing::debug!(jobs = batch.len(), "write batch");
            let now = micros(clock.now());
            match commit(&pools, &keys, &state, now, &batch).await {
                Ok(results) => {
                    for (job, result) in batch.drain(..).zip(results) {
                        job.answer.send(result);
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
                        job.answer.send(Err(StoreError::Halted));
                    }
                }
                Err(Failure::Batch(e)) => {
                    tracing::error!(error = %e, jobs = batch.len(), "write batch failed");
                    let msg = e.to_string();
                    for job in batch.drain(..) {
                        job.answer
                            .send(Err(StoreError::Db(sqlx::Error::Protocol(msg.clone()))));
                    }
                }
            }
        }
        if let Some(done) = stop {
            let _ = done.send(());
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
) -> Result<Vec<Result<(), StoreError>>, Failure> {
    if batch.len() > 1 {
        match attempt(pools, keys, state, now, batch, false).await {
            Ok(Some(results)) => return Ok(results),
            Err(Failure::Unknown(e)) => return Err(Failure::Unknown(e)),
            // A command failed, or nothing was written: again, with savepoints.
            Ok(None) | Err(Failure::Batch(_)) => {}
        }
    }
    // With savepoints every outcome is kept: `None` is not an answer this attempt gives.
    attempt(pools, keys, state, now, batch, true)
        .await?
        .ok_or(Failure::Batch(StoreError::Corrupt))
}

/// One try at a batch; `None` when a command failed without savepoints to contain it.
async fn attempt(
    pools: &Pools,
    keys: &Keys,
    state: &State,
    now: i64,
    batch: &[Job],
    savepoints: bool,
) -> Result<Option<Vec<Result<(), StoreError>>>, Failure> {
    let mut tx = pools.begin().await?;
    let mut head = audit::read_head(&mut tx).await?;
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        if savepoints {
            tx.raw("SAVEPOINT job").await?;
        }
        let before = head.clone();
        let mut w = Write {
            tx: &mut tx,
            keys,
            head: &mut head,
            now,
            actor: job.actor.clone(),
        };
        match w.apply(&job.command).await {
            Ok(()) => {
                if savepoints {
                    tx.raw("RELEASE SAVEPOINT job").await?;
                }
                results.push(Ok(()));
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

    async fn apply(&mut self, command: &Command) -> Result<(), StoreError> {
        // The write policy, against the actor and the case as they stand in this transaction;
        // it answers which cases the command changes, read before the change (an expungement
        // removes records).
        let changed = self.permit(command).await?;
        command.apply(self).await?;
        // The assigned worker learns when someone else changes their case.
        for (case_id, what) in changed {
            self.alert_assigned(&case_id, what).await?;
        }
        Ok(())
    }

    /// An alert to one person about a change to a case, unless they made it.
    pub(crate) async fn alert_person(
        &mut self,
        user_id: &str,
        case_id: &str,
        what: &str,
    ) -> Result<(), StoreError> {
        if user_id == self.actor.id {
            return Ok(());
        }
        let detail = json!({"by": self.actor.id, "what": what}).to_string();
        self.tx
            .exec(
                "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) \
                 VALUES ($1, $2, $3, 'changed', $4, $5)",
                args![new_id(), user_id, case_id, detail, self.now],
            )
            .await?;
        Ok(())
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
}

//! The audit chain. Every write appends an event in the same transaction; each event's hash
//! covers its content and the previous hash, keyed with a key derived from the deployment key,
//! so an event cannot be altered, removed or reordered — nor the chain recomputed — without the
//! verification naming the first event that no longer fits.

use serde::Serialize;

use crate::StoreError;
use crate::crypto::Keys;
use crate::db::{Pools, Row, Tx, args};

pub(crate) const GENESIS: [u8; 32] = [0; 32];

/// The newest event of the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub seq: i64,
    pub hash: [u8; 32],
}

/// One audit event as stored. `detail` is JSON that never holds plaintext personal data: it
/// names fields and non-identifying values (a status, a priority level), never names or notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

pub(crate) fn hash_event(keys: &Keys, e: &AuditEvent, prev: &[u8; 32]) -> [u8; 32] {
    let fields = [&e.actor, &e.action, &e.subject, &e.detail].map(|f| f.as_bytes());
    hash_fields(keys, e.seq, e.at, fields, prev)
}

/// The chain hash over an event's columns (actor, action, subject, detail as UTF-8 bytes).
fn hash_fields(keys: &Keys, seq: i64, at: i64, fields: [&[u8]; 4], prev: &[u8]) -> [u8; 32] {
    let mut h = blake3::Hasher::new_keyed(&keys.audit);
    h.update(&seq.to_le_bytes());
    h.update(&at.to_le_bytes());
    for field in fields {
        h.update(&(field.len() as u64).to_le_bytes());
        h.update(field);
    }
    h.update(prev);
    *h.finalize().as_bytes()
}

fn head_sql(pools_postgres: bool) -> &'static str {
    if pools_postgres {
        // Several application servers may share one PostgreSQL: the row lock orders them.
        "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT seq, hash FROM audit_head WHERE id = 1"
    }
}

pub(crate) async fn read_head(tx: &mut Tx) -> Result<Head, StoreError> {
    let pg = matches!(tx, Tx::Pg(_));
    match tx.row(head_sql(pg), vec![]).await? {
        Some(r) => Ok(Head {
            seq: r.i64(0)?,
            hash: to_hash(r.bytes(1)?)?,
        }),
        None => Ok(Head {
            seq: 0,
            hash: GENESIS,
        }),
    }
}

pub(crate) async fn write_head(tx: &mut Tx, head: &Head) -> Result<(), StoreError> {
    tx.exec(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        args![head.seq, head.hash.to_vec()],
    )
    .await?;
    Ok(())
}

fn to_hash(b: Vec<u8>) -> Result<[u8; 32], StoreError> {
    b.try_into().map_err(|_| StoreError::Corrupt)
}

/// What a write records about itself.
pub(crate) struct Entry<'a> {
    pub at: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    pub detail: serde_json::Value,
}

/// Appends one event after `head` and moves the head.
pub(crate) async fn append(
    tx: &mut Tx,
    keys: &Keys,
    head: &mut Head,
    entry: Entry<'_>,
) -> Result<(), StoreError> {
    let event = AuditEvent {
        seq: head.seq + 1,
        at: entry.at,
        actor: entry.actor.to_owned(),
        action: entry.action.to_owned(),
        subject: entry.subject.to_owned(),
        detail: entry.detail.to_string(),
    };
    let hash = hash_event(keys, &event, &head.hash);
    tx.exec(
        "INSERT INTO audit_events (seq, at, actor, action, subject, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        args![
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.subject,
            event.detail,
            head.hash.to_vec(),
            hash.to_vec()
        ],
    )
    .await?;
    *head = Head {
        seq: event.seq,
        hash,
    };
    Ok(())
}

/// What is wrong with the chain, at the first event that does not fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChainBreak {
    /// The event's content no longer matches its hash.
    Altered { seq: i64 },
    /// Events are missing before this one (`from..=to` absent).
    Removed { from: i64, to: i64 },
    /// The event is intact but does not follow the event before it: moved or re-inserted.
    Reordered { seq: i64 },
    /// The newest events were removed: the chain ends before the recorded head.
    Truncated { last: i64, head: i64 },
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::Altered { seq } => write!(f, "audit event {seq} was altered"),
            ChainBreak::Removed { from, to } if from == to => {
                write!(f, "audit event {from} was removed")
            }
            ChainBreak::Removed { from, to } => {
                write!(f, "audit events {from} to {to} were removed")
            }
            ChainBreak::Reordered { seq } => {
                write!(
                    f,
                    "audit event {seq} does not follow the event before it (reordered)"
                )
            }
            ChainBreak::Truncated { last, head } => write!(
                f,
                "audit events after {last} were removed (the chain recorded {head} events)"
            ),
        }
    }
}

/// The outcome of a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    pub events: u64,
    pub first_break: Option<ChainBreak>,
}

const PAGE: i64 = 20_000;

/// An event from the columns seq, at, actor, action, subject, detail.
pub(crate) fn event_row(r: &Row) -> Result<AuditEvent, StoreError> {
    Ok(AuditEvent {
        seq: r.i64(0)?,
        at: r.i64(1)?,
        actor: r.text(2)?,
        action: r.text(3)?,
        subject: r.text(4)?,
        detail: r.text(5)?,
    })
}

fn event_from(r: &Row) -> Result<(AuditEvent, Vec<u8>, Vec<u8>), StoreError> {
    Ok((event_row(r)?, r.bytes(6)?, r.bytes(7)?))
}

/// Walks the chain in order, one event at a time, and names the first that does not fit.
struct Walk<'k> {
    keys: &'k Keys,
    expected_seq: i64,
    prev: [u8; 32],
    checked: u64,
}

impl Walk<'_> {
    fn event(
        &mut self,
        seq: i64,
        at: i64,
        fields: [&[u8]; 4],
        stored_prev: &[u8],
        stored_hash: &[u8],
    ) -> Option<ChainBreak> {
        if seq != self.expected_seq {
            return Some(ChainBreak::Removed {
                from: self.expected_seq,
                to: seq - 1,
            });
        }
        let own = hash_fields(self.keys, seq, at, fields, stored_prev);
        if own.as_slice() != stored_hash {
            return Some(ChainBreak::Altered { seq });
        }
        if stored_prev != self.prev.as_slice() {
            return Some(ChainBreak::Reordered { seq });
        }
        self.prev = own;
        self.expected_seq += 1;
        self.checked += 1;
        None
    }

    fn finish(self, head_seq: i64, head_hash: [u8; 32]) -> AuditReport {
        let last = self.expected_seq - 1;
        let first_break = if last < head_seq {
            Some(ChainBreak::Truncated {
                last,
                head: head_seq,
            })
        } else if last > head_seq || (last > 0 && self.prev != head_hash) {
            // Events beyond the recorded head, or a head that does not match: someone wrote
            // around the writer.
            Some(ChainBreak::Altered { seq: last })
        } else {
            None
        };
        AuditReport {
            events: self.checked,
            first_break,
        }
    }
}

impl<'k> Walk<'k> {
    fn new(keys: &'k Keys) -> Walk<'k> {
        Walk {
            keys,
            expected_seq: 1,
            prev: GENESIS,
            checked: 0,
        }
    }
}

fn verify_sqlite(
    path: &str,
    keys: &Keys,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<AuditReport, StoreError> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.execute_batch("BEGIN")?;
    let head: Option<(i64, Vec<u8>)> = conn
        .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let (head_seq, head_hash) = match head {
        Some((seq, hash)) => (seq, to_hash(hash)?),
        None => (0, GENESIS),
    };
    let total = head_seq.max(0) as u64;
    // Two stages on two cores: this thread steps through SQLite copying each chunk of rows
    // out; a checker thread hashes and walks them in order. An event's hash depends on the
    // stored previous hash, not on the one just computed, so nothing waits on the other stage.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(4);
    std::thread::scope(|scope| {
        let checker = scope.spawn(move || {
            let mut walk = Walk::new(keys);
            for chunk in rx {
                for (seq, at, r) in &chunk.rows {
                    let f = |i: usize| &chunk.data[r[i].clone()];
                    if let Some(b) = walk.event(*seq, *at, [f(0), f(1), f(2), f(3)], f(4), f(5)) {
                        // Dropping the receiver stops the reader.
                        return (walk, Some(b));
                    }
                }
                progress(walk.checked, total);
            }
            (walk, None)
        });
        let read = (|| -> Result<(), StoreError> {
            let mut stmt = conn.prepare(EVENTS_SQL)?;
            let mut rows = stmt.query(rusqlite::params![1, i64::MAX])?;
            let mut chunk = Chunk::default();
            while let Some(r) = rows.next()? {
                let mut ranges: [std::ops::Range<usize>; 6] = Default::default();
                for (k, range) in ranges.iter_mut().enumerate() {
                    let b = match r.get_ref(k + 2)? {
                        rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
                            b
                        }
                        _ => return Err(StoreError::Corrupt),
                    };
                    let at = chunk.data.len();
                    chunk.data.extend_from_slice(b);
                    *range = at..chunk.data.len();
                }
                chunk.rows.push((r.get(0)?, r.get(1)?, ranges));
                if chunk.rows.len() == CHUNK && tx.send(std::mem::take(&mut chunk)).is_err() {
                    return Ok(());
                }
            }
            if !chunk.rows.is_empty() {
                let _ = tx.send(chunk);
            }
            Ok(())
        })();
        drop(tx);
        let (walk, found) = checker.join().expect("the checker thread does not panic");
        read?;
        Ok(match found {
            Some(b) => AuditReport {
                events: walk.checked,
                first_break: Some(b),
            },
            None => {
                progress(walk.checked, total);
                walk.finish(head_seq, head_hash)
            }
        })
    })
}

/// Events copied out of SQLite, a chunk at a time: one buffer, and per event its seq, time and
/// the ranges of actor, action, subject, detail, previous hash and hash.
#[derive(Default)]
struct Chunk {
    data: Vec<u8>,
    rows: Vec<(i64, i64, [std::ops::Range<usize>; 6])>,
}

const CHUNK: usize = 4096;

const EVENTS_SQL: &str = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash \
                          FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2";

/// Walks the whole chain in order; `progress` gets (checked, total).
pub(crate) async fn verify(
    pools: &Pools,
    keys: &Keys,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<AuditReport, StoreError> {
    if let Some(path) = pools.sqlite_path() {
        // SQLite: a read-only connection of our own reads head and events in one snapshot,
        // each row as borrowed bytes (through sqlx every text column became a String on
        // another thread, and verification ran at a sixth of its budget). It blocks, so on a
        // multi-threaded runtime the worker hands its other tasks away first.
        let run = || verify_sqlite(&path, keys, progress);
        return match tokio::runtime::Handle::current().runtime_flavor() {
            tokio::runtime::RuntimeFlavor::MultiThread => tokio::task::block_in_place(run),
            _ => run(),
        };
    }
    let head = pools
        .row("SELECT seq, hash FROM audit_head WHERE id = 1", args![])
        .await?;
    let (head_seq, head_hash) = match head {
        Some(r) => (r.i64(0)?, to_hash(r.bytes(1)?)?),
        None => (0, GENESIS),
    };
    let total = head_seq.max(0) as u64;
    let mut walk = Walk::new(keys);
    loop {
        let rows = pools
            .rows(EVENTS_SQL, args![walk.expected_seq, PAGE])
            .await?;
        if rows.is_empty() {
            break;
        }
        for r in &rows {
            let (event, stored_prev, stored_hash) = event_from(r)?;
            let fields =
                [&event.actor, &event.action, &event.subject, &event.detail].map(|f| f.as_bytes());
            if let Some(b) = walk.event(event.seq, event.at, fields, &stored_prev, &stored_hash) {
                return Ok(AuditReport {
                    events: walk.checked,
                    first_break: Some(b),
                });
            }
        }
        progress(walk.checked, total);
    }
    Ok(walk.finish(head_seq, head_hash))
}

/// A fact the chain records that the database no longer shows. The chain says what happened;
/// the tables say what is; raw SQL around the writer (a `REPLACE INTO cases`, a deleted row)
/// changes the second without the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Invariant {
    /// Circumstances were recorded (at registration or later): the case is a recognised victim.
    VictimStatus,
    /// A case registered in the chain exists, for the child it was registered for (erasure
    /// keeps the case row).
    CaseExists,
    /// Every case in the database was registered through the chain.
    CaseRegistered,
    /// A case's status is the last status the chain gives it (registration or move).
    CaseStatus,
    /// A referral created in the chain exists, on its case, in the status of its last move.
    ReferralStatus,
    /// An erased child stays erased: no data key, no identity.
    ErasureHolds,
}

impl Invariant {
    pub const ALL: [Invariant; 6] = [
        Invariant::VictimStatus,
        Invariant::CaseExists,
        Invariant::CaseRegistered,
        Invariant::CaseStatus,
        Invariant::ReferralStatus,
        Invariant::ErasureHolds,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Invariant::VictimStatus => "victim_status",
            Invariant::CaseExists => "case_exists",
            Invariant::CaseRegistered => "case_registered",
            Invariant::CaseStatus => "case_status",
            Invariant::ReferralStatus => "referral_status",
            Invariant::ErasureHolds => "erasure_holds",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Invariant::VictimStatus => {
                "circumstances were recorded, but the case is not a recognised victim"
            }
            Invariant::CaseExists => {
                "the chain registered this case, but it is missing or belongs to another child"
            }
            Invariant::CaseRegistered => "the case is in the database but was never registered",
            Invariant::CaseStatus => "the case's status is not the chain's last status for it",
            Invariant::ReferralStatus => {
                "a referral is missing or not in the status of its last move in the chain"
            }
            Invariant::ErasureHolds => "the child was erased, but a data key or identity is back",
        }
    }
}

/// One broken invariant, about one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateViolation {
    pub invariant: Invariant,
    pub case_id: String,
    /// The referral, for [`Invariant::ReferralStatus`].
    pub referral_id: Option<String>,
}

impl std::fmt::Display for StateViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "case {}", self.case_id)?;
        if let Some(r) = &self.referral_id {
            write!(f, " (referral {r})")?;
        }
        write!(
            f,
            ": {} [{}]",
            self.invariant.describe(),
            self.invariant.as_str()
        )
    }
}

/// At most this many violations are reported per invariant.
pub const MAX_VIOLATIONS: usize = 1000;

/// The queries, one per invariant, each answering (case id, referral id or NULL). `j(col, key)`
/// reads a key of an event's JSON detail as text. Each is one statement, so it reads one
/// snapshot while the server goes on writing; each walks the chain or the cases once, with
/// index lookups on the other side.
fn state_queries(postgres: bool) -> Vec<(Invariant, String)> {
    let j = |col: &str, key: &str| {
        if postgres {
            format!("({col}::jsonb ->> '{key}')")
        } else {
            format!("json_extract({col}, '$.{key}')")
        }
    };
    let recognised = if postgres {
        format!("{} = 'true'", j("e.detail", "victim_recognised"))
    } else {
        format!("{} = 1", j("e.detail", "victim_recognised"))
    };
    let limit = MAX_VIOLATIONS;
    vec![
        (
            Invariant::VictimStatus,
            format!(
                "SELECT DISTINCT e.subject, CAST(NULL AS TEXT) FROM audit_events e \
                 WHERE (e.action = 'case.record_circumstances' \
                        OR (e.action = 'child.register' AND {recognised})) \
                 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.subject \
                                 AND c.victim_since IS NOT NULL) \
                 ORDER BY 1 LIMIT {limit}"
            ),
        ),
        (
            Invariant::CaseExists,
            format!(
                "SELECT e.subject, CAST(NULL AS TEXT) FROM audit_events e WHERE e.action = 'child.register' \
                 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.subject \
                                 AND c.child_id = {child}) \
                 ORDER BY e.seq LIMIT {limit}",
                child = j("e.detail", "child")
            ),
        ),
        (
            Invariant::CaseRegistered,
            format!(
                "SELECT c.id, CAST(NULL AS TEXT) FROM cases c WHERE NOT EXISTS \
                 (SELECT 1 FROM audit_events e WHERE e.subject = c.id \
                  AND e.action = 'child.register') \
                 ORDER BY c.id LIMIT {limit}"
            ),
        ),
        (
            Invariant::CaseStatus,
            format!(
                "SELECT c.id, CAST(NULL AS TEXT) FROM cases c WHERE c.status <> \
                 (SELECT coalesce({to}, {registered}) FROM audit_events e \
                  WHERE e.subject = c.id AND e.action IN ('child.register', 'case.move') \
                  ORDER BY e.seq DESC LIMIT 1) \
                 ORDER BY c.id LIMIT {limit}",
                to = j("e.detail", "to"),
                registered = j("e.detail", "status"),
            ),
        ),
        (
            Invariant::ReferralStatus,
            format!(
                "SELECT e.subject, {referral} FROM audit_events e \
                 WHERE e.action = 'referral.create' AND NOT EXISTS \
                 (SELECT 1 FROM referrals r WHERE r.id = {referral} AND r.case_id = e.subject \
                  AND r.status = coalesce((SELECT {to} FROM audit_events m \
                      WHERE m.subject = e.subject AND m.action = 'referral.move' \
                      AND {moved} = {referral} ORDER BY m.seq DESC LIMIT 1), 'pending')) \
                 ORDER BY e.seq LIMIT {limit}",
                referral = j("e.detail", "referral"),
                moved = j("m.detail", "referral"),
                to = j("m.detail", "to"),
            ),
        ),
        (
            Invariant::ErasureHolds,
            format!(
                "SELECT c.id, CAST(NULL AS TEXT) FROM audit_events e JOIN children ch ON ch.id = e.subject \
                 JOIN cases c ON c.child_id = ch.id WHERE e.action = 'child.erase' \
                 AND (ch.wrapped_key IS NOT NULL OR ch.identity_sealed IS NOT NULL) \
                 ORDER BY c.id LIMIT {limit}"
            ),
        ),
    ]
}

/// Checks the database against the facts of the chain (each invariant at most
/// [`MAX_VIOLATIONS`] times). Meaningful with an intact chain: the chain is the reference.
pub(crate) async fn verify_state(pools: &Pools) -> Result<Vec<StateViolation>, StoreError> {
    let postgres = matches!(pools.kind(), crate::Kind::Postgres);
    let mut out = Vec::new();
    for (invariant, sql) in state_queries(postgres) {
        for r in pools.rows(&sql, args![]).await? {
            out.push(StateViolation {
                invariant,
                case_id: r.text(0)?,
                referral_id: r.opt_text(1)?,
            });
        }
    }
    Ok(out)
}

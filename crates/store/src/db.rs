//! The two backends behind one small interface, so every query and rule in the store is written
//! once. Values are limited to what both databases store the same way: 64-bit integers, text
//! and bytes (times are microseconds since the epoch, UTC).

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::Value as LiteValue;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, PgPool, Postgres, Row as _, SqlitePool, Transaction};

use crate::StoreError;

/// A parameter value. `None` binds a NULL of the right type (PostgreSQL checks types).
#[derive(Debug, Clone)]
pub(crate) enum Val {
    I(Option<i64>),
    T(Option<String>),
    B(Option<Vec<u8>>),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I(Some(v))
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Val {
        Val::I(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::T(Some(v.to_owned()))
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::T(Some(v))
    }
}
impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Val {
        Val::T(v)
    }
}
impl From<Vec<u8>> for Val {
    fn from(v: Vec<u8>) -> Val {
        Val::B(Some(v))
    }
}
impl From<Option<Vec<u8>>> for Val {
    fn from(v: Option<Vec<u8>>) -> Val {
        Val::B(v)
    }
}

/// Builds a parameter list: `args![a, b, c]`.
macro_rules! args {
    ($($v:expr),* $(,)?) => { vec![$($crate::db::Val::from($v)),*] };
}
pub(crate) use args;

macro_rules! bind_all {
    ($sql:expr, $args:expr) => {{
        let mut q = sqlx::query(AssertSqlSafe($sql));
        for a in $args {
            q = match a {
                Val::I(v) => q.bind(v),
                Val::T(v) => q.bind(v),
                Val::B(v) => q.bind(v),
            };
        }
        q
    }};
}

/// A result row from either backend, read by column index.
pub(crate) enum Row {
    Sqlite(SqliteRow),
    Pg(PgRow),
    /// A row read by the writer's own SQLite connection.
    Lite(Vec<LiteValue>),
}

macro_rules! get {
    ($self:ident, $i:ident, $t:ty, $lite:expr) => {
        match $self {
            Row::Sqlite(r) => r.try_get::<$t, _>($i).map_err(StoreError::from),
            Row::Pg(r) => r.try_get::<$t, _>($i).map_err(StoreError::from),
            Row::Lite(r) => r.get($i).and_then($lite).ok_or(StoreError::Db(
                sqlx::Error::ColumnIndexOutOfBounds {
                    index: $i,
                    len: r.len(),
                },
            )),
        }
    };
}

fn lite_i64(v: &LiteValue) -> Option<Option<i64>> {
    match v {
        LiteValue::Null => Some(None),
        LiteValue::Integer(i) => Some(Some(*i)),
        _ => None,
    }
}
fn lite_text(v: &LiteValue) -> Option<Option<String>> {
    match v {
        LiteValue::Null => Some(None),
        LiteValue::Text(t) => Some(Some(t.clone())),
        _ => None,
    }
}
fn lite_bytes(v: &LiteValue) -> Option<Option<Vec<u8>>> {
    match v {
        LiteValue::Null => Some(None),
        LiteValue::Blob(b) => Some(Some(b.clone())),
        LiteValue::Text(t) => Some(Some(t.clone().into_bytes())),
        _ => None,
    }
}

impl Row {
    pub(crate) fn i64(&self, i: usize) -> Result<i64, StoreError> {
        get!(self, i, i64, |v| lite_i64(v).flatten())
    }
    pub(crate) fn opt_i64(&self, i: usize) -> Result<Option<i64>, StoreError> {
        get!(self, i, Option<i64>, lite_i64)
    }
    pub(crate) fn text(&self, i: usize) -> Result<String, StoreError> {
        get!(self, i, String, |v| lite_text(v).flatten())
    }
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        get!(self, i, Option<String>, lite_text)
    }
    pub(crate) fn bytes(&self, i: usize) -> Result<Vec<u8>, StoreError> {
        get!(self, i, Vec<u8>, |v| lite_bytes(v).flatten())
    }
    pub(crate) fn opt_bytes(&self, i: usize) -> Result<Option<Vec<u8>>, StoreError> {
        get!(self, i, Option<Vec<u8>>, lite_bytes)
    }
}

/// Which database, chosen by URL: `postgres://…` or a SQLite file path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// Connection pools. SQLite has one writer (SQLite has one writer; the group-commit writer owns
/// it) and a read pool; PostgreSQL shares one pool.
///
/// The SQLite writer is a plain rusqlite connection driven on the writer's own thread: through
/// sqlx every statement is a round trip to a worker thread, and a registration is about ten
/// statements, so the hand-offs, not SQLite, bounded durable writes (BENCHMARKS.md). The sqlx
/// write pool remains for migrations only.
#[derive(Clone)]
pub(crate) enum Pools {
    Sqlite {
        write: SqlitePool,
        writer: Arc<Mutex<rusqlite::Connection>>,
        read: SqlitePool,
    },
    Pg(PgPool),
}

/// The writer's SQLite connection, with the same settings as the pools: WAL, FULL sync
/// (acknowledged means durable), foreign keys, a larger page cache for the index pages every
/// registration touches, and secure delete: what an expungement deletes is overwritten with
/// zeros, not left in free pages.
fn open_writer(path: &str) -> Result<rusqlite::Connection, StoreError> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
         PRAGMA temp_store = memory; PRAGMA cache_size = -65536; PRAGMA secure_delete = ON;",
    )?;
    conn.set_prepared_statement_cache_capacity(128);
    Ok(conn)
}

pub(crate) fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl Pools {
    pub(crate) async fn connect(url: &str, readers: u32) -> Result<Pools, StoreError> {
        if is_postgres(url) {
            let opts = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(readers + 2)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            return Ok(Pools::Pg(pool));
        }
        let path = url.strip_prefix("sqlite://").unwrap_or(url);
        let opts = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // Acknowledged means durable: FULL syncs the WAL at every commit.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // No mmap: mapped database pages count as the server's resident memory (1.2 GB at
            // a million children against a 300 MB budget) while reads through the operating
            // system's page cache were as fast. The writer keeps a larger cache of its own for
            // the index pages every registration touches.
            .pragma("temp_store", "memory");
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .connect_with(opts.clone().pragma("cache_size", "-65536"))
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(readers.max(1))
            .connect_with(opts.read_only(true))
            .await?;
        let writer = Arc::new(Mutex::new(open_writer(path)?));
        Ok(Pools::Sqlite {
            write,
            writer,
            read,
        })
    }

    /// The SQLite database file, for tools that read it with a connection of their own.
    pub(crate) fn sqlite_path(&self) -> Option<String> {
        match self {
            Pools::Sqlite { writer, .. } => lock(writer).path().map(str::to_owned),
            Pools::Pg(_) => None,
        }
    }

    /// After an expungement: copies the WAL into the database and empties it, so that no old
    /// page image keeps deleted bytes (SQLite; PostgreSQL reclaims dead rows by vacuum, and the
    /// sealed content is unreadable at once, its key being destroyed). Best effort: a busy
    /// reader only delays it to the next checkpoint.
    pub(crate) fn truncate_wal(&self) {
        if let Pools::Sqlite { writer, .. } = self {
            let _ = lock(writer).execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    pub(crate) fn kind(&self) -> Kind {
        match self {
            Pools::Sqlite { .. } => Kind::Sqlite,
            Pools::Pg(_) => Kind::Postgres,
        }
    }

    /// Starts a write transaction. On SQLite `BEGIN IMMEDIATE` takes the write lock at once, so
    /// a batch never fails half-way on a lock upgrade.
    pub(crate) async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Pools::Sqlite { writer, .. } => {
                lock(writer).execute_batch("BEGIN IMMEDIATE")?;
                Tx::Lite(LiteTx {
                    conn: writer.clone(),
                    open: true,
                })
            }
            Pools::Pg(p) => Tx::Pg(p.begin().await?),
        })
    }

    pub(crate) async fn rows(&self, sql: &str, args: Vec<Val>) -> Result<Vec<Row>, StoreError> {
        Ok(match self {
            Pools::Sqlite { read, .. } => bind_all!(sql, args)
                .fetch_all(read)
                .await?
                .into_iter()
                .map(Row::Sqlite)
                .collect(),
            Pools::Pg(p) => bind_all!(sql, args)
                .fetch_all(p)
                .await?
                .into_iter()
                .map(Row::Pg)
                .collect(),
        })
    }

    pub(crate) async fn row(&self, sql: &str, args: Vec<Val>) -> Result<Option<Row>, StoreError> {
        Ok(self.rows(sql, args).await?.into_iter().next())
    }

    pub(crate) async fn close(&self) {
        match self {
            Pools::Sqlite { write, read, .. } => {
                read.close().await;
                write.close().await;
            }
            Pools::Pg(p) => p.close().await,
        }
    }
}

/// A write transaction on either backend.
pub(crate) enum Tx {
    Lite(LiteTx),
    Pg(Transaction<'static, Postgres>),
}

/// A transaction on the writer's SQLite connection; rolled back if dropped before commit.
pub(crate) struct LiteTx {
    conn: Arc<Mutex<rusqlite::Connection>>,
    open: bool,
}

impl Drop for LiteTx {
    fn drop(&mut self) {
        if self.open {
            let _ = lock(&self.conn).execute_batch("ROLLBACK");
        }
    }
}

fn lock(conn: &Mutex<rusqlite::Connection>) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
    // Only the writer uses the connection; a panic inside it leaves nothing to protect.
    conn.lock().unwrap_or_else(|e| e.into_inner())
}

fn lite_params(args: Vec<Val>) -> Vec<LiteValue> {
    args.into_iter()
        .map(|a| match a {
            Val::I(Some(v)) => LiteValue::Integer(v),
            Val::T(Some(v)) => LiteValue::Text(v),
            Val::B(Some(v)) => LiteValue::Blob(v),
            Val::I(None) | Val::T(None) | Val::B(None) => LiteValue::Null,
        })
        .collect()
}

/// Binds `$N` parameters by their number, as sqlx does: SQLite numbers named parameters in
/// order of first appearance, so `$2 … $1` would otherwise swap.
fn bind_lite(stmt: &mut rusqlite::CachedStatement<'_>, args: Vec<Val>) -> Result<(), StoreError> {
    let values = lite_params(args);
    for i in 1..=stmt.parameter_count() {
        let n = stmt
            .parameter_name(i)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|d| d.parse::<usize>().ok())
            .unwrap_or(i);
        let v = values
            .get(n - 1)
            .ok_or(rusqlite::Error::InvalidParameterCount(n, values.len()))?;
        stmt.raw_bind_parameter(i, v)?;
    }
    Ok(())
}

impl LiteTx {
    fn exec(&self, sql: &str, args: Vec<Val>) -> Result<u64, StoreError> {
        let conn = lock(&self.conn);
        let mut stmt = conn.prepare_cached(sql)?;
        bind_lite(&mut stmt, args)?;
        if stmt.column_count() == 0 {
            return Ok(stmt.raw_execute()? as u64);
        }
        let mut rows = stmt.raw_query();
        while rows.next()?.is_some() {}
        drop(rows);
        Ok(conn.changes())
    }

    fn rows(&self, sql: &str, args: Vec<Val>) -> Result<Vec<Row>, StoreError> {
        let conn = lock(&self.conn);
        let mut stmt = conn.prepare_cached(sql)?;
        bind_lite(&mut stmt, args)?;
        let n = stmt.column_count();
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(Row::Lite(
                (0..n)
                    .map(|i| r.get::<_, LiteValue>(i))
                    .collect::<Result<_, _>>()?,
            ));
        }
        Ok(out)
    }
}

impl Tx {
    pub(crate) async fn exec(&mut self, sql: &str, args: Vec<Val>) -> Result<u64, StoreError> {
        Ok(match self {
            Tx::Lite(t) => t.exec(sql, args)?,
            Tx::Pg(t) => bind_all!(sql, args)
                .execute(&mut **t)
                .await?
                .rows_affected(),
        })
    }

    pub(crate) async fn rows(&mut self, sql: &str, args: Vec<Val>) -> Result<Vec<Row>, StoreError> {
        Ok(match self {
            Tx::Lite(t) => t.rows(sql, args)?,
            Tx::Pg(t) => bind_all!(sql, args)
                .fetch_all(&mut **t)
                .await?
                .into_iter()
                .map(Row::Pg)
                .collect(),
        })
    }

    pub(crate) async fn row(
        &mut self,
        sql: &str,
        args: Vec<Val>,
    ) -> Result<Option<Row>, StoreError> {
        Ok(self.rows(sql, args).await?.into_iter().next())
    }

    /// Plain statements without parameters (savepoints).
    pub(crate) async fn raw(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Tx::Lite(t) => lock(&t.conn).execute_batch(sql)?,
            Tx::Pg(t) => {
                sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut **t).await?;
            }
        }
        Ok(())
    }

    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Lite(mut t) => {
                lock(&t.conn).execute_batch("COMMIT")?;
                t.open = false;
            }
            Tx::Pg(t) => t.commit().await?,
        }
        Ok(())
    }
}

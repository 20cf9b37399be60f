//! The two backends behind one small interface, so every query and rule in the store is written
//! once. Values are limited to what both databases store the same way: 64-bit integers, text
//! and bytes (times are microseconds since the epoch, UTC).

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, PgPool, Postgres, Row as _, Sqlite, SqlitePool, Transaction};

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
}

macro_rules! get {
    ($self:ident, $i:ident, $t:ty) => {
        match $self {
            Row::Sqlite(r) => r.try_get::<$t, _>($i),
            Row::Pg(r) => r.try_get::<$t, _>($i),
        }
        .map_err(StoreError::from)
    };
}

impl Row {
    pub(crate) fn i64(&self, i: usize) -> Result<i64, StoreError> {
        get!(self, i, i64)
    }
    pub(crate) fn opt_i64(&self, i: usize) -> Result<Option<i64>, StoreError> {
        get!(self, i, Option<i64>)
    }
    pub(crate) fn text(&self, i: usize) -> Result<String, StoreError> {
        get!(self, i, String)
    }
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        get!(self, i, Option<String>)
    }
    pub(crate) fn bytes(&self, i: usize) -> Result<Vec<u8>, StoreError> {
        get!(self, i, Vec<u8>)
    }
    pub(crate) fn opt_bytes(&self, i: usize) -> Result<Option<Vec<u8>>, StoreError> {
        get!(self, i, Option<Vec<u8>>)
    }
}

/// Which database, chosen by URL: `postgres://…` or a SQLite file path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// Connection pools. SQLite has one writer connection (SQLite has one writer; the group-commit
/// writer owns it) and a read pool; PostgreSQL shares one pool.
#[derive(Clone)]
pub(crate) enum Pools {
    Sqlite { write: SqlitePool, read: SqlitePool },
    Pg(PgPool),
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
            // Reads share the operating system's page cache through mmap instead of each
            // connection keeping its own copy; the writer keeps a larger cache of its own for
            // the index pages that every registration touches.
            .pragma("mmap_size", "1073741824")
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
        Ok(Pools::Sqlite { write, read })
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
            Pools::Sqlite { write, .. } => Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
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
            Pools::Sqlite { write, read } => {
                read.close().await;
                write.close().await;
            }
            Pools::Pg(p) => p.close().await,
        }
    }
}

/// A write transaction on either backend.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Pg(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) async fn exec(&mut self, sql: &str, args: Vec<Val>) -> Result<u64, StoreError> {
        Ok(match self {
            Tx::Sqlite(t) => bind_all!(sql, args)
                .execute(&mut **t)
                .await?
                .rows_affected(),
            Tx::Pg(t) => bind_all!(sql, args)
                .execute(&mut **t)
                .await?
                .rows_affected(),
        })
    }

    pub(crate) async fn rows(&mut self, sql: &str, args: Vec<Val>) -> Result<Vec<Row>, StoreError> {
        Ok(match self {
            Tx::Sqlite(t) => bind_all!(sql, args)
                .fetch_all(&mut **t)
                .await?
                .into_iter()
                .map(Row::Sqlite)
                .collect(),
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
            Tx::Sqlite(t) => {
                sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut **t).await?;
            }
            Tx::Pg(t) => {
                sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut **t).await?;
            }
        }
        Ok(())
    }

    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Pg(t) => t.commit().await?,
        }
        Ok(())
    }
}

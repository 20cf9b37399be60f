//! The `pelita` binary as an operator uses it: a real data directory, a real SQLite file.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use pelita_domain::policy::{self, Relationship, Section};
use pelita_domain::role::Role;
use pelita_store::{DeploymentKey, Store, StoreConfig, SystemClock};
use sqlx::{Connection, Executor};

fn pelita(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pelita"))
        .args(args)
        .env_remove("PELITA_KEY")
        .env_remove("PELITA_DATABASE")
        .output()
        .expect("run pelita")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn init_with_children(dir: &Path, n: &str) {
    let d = dir.to_str().unwrap();
    let o = pelita(&["init", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));
    let o = pelita(&["generate", "--data-dir", d, "--children", n, "--seed", "3"]);
    assert!(o.status.success(), "{}", text(&o));
}

async fn open(dir: &Path) -> Store {
    let key = std::fs::read_to_string(dir.join("pelita.key")).unwrap();
    Store::open(StoreConfig {
        url: dir.join("pelita.db").to_str().unwrap().into(),
        key: DeploymentKey::decode(&key).unwrap(),
        readers: 1,
        clock: Arc::new(SystemClock),
    })
    .await
    .unwrap()
}

/// What the child's assigned worker may read.
fn assigned(meta: &pelita_store::CaseMeta, section: Section) -> policy::Grant {
    let worker = meta.assigned_to.clone().unwrap();
    policy::authorize(
        &worker,
        Role::CaseWorker,
        Relationship::Assigned,
        &meta.id,
        section,
        None,
    )
    .unwrap()
}

fn db_bytes(dir: &Path) -> Vec<u8> {
    let mut all = std::fs::read(dir.join("pelita.db")).unwrap();
    if let Ok(wal) = std::fs::read(dir.join("pelita.db-wal")) {
        all.extend(wal);
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn init_creates_a_private_key_and_shows_the_admin_password_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    let o = pelita(&["init", "--data-dir", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("Administrator: admin / "));
    let mode = std::fs::metadata(d.join("pelita.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let again = pelita(&["init", "--data-dir", d.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(text(&again).contains("already initialised"));
}

#[test]
fn audit_verify_passes_then_names_the_event_with_one_changed_byte() {
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "25");
    let d = dir.path().to_str().unwrap();
    let ok = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(text(&ok).contains("Audit chain intact"));

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut c = sqlx::SqliteConnection::connect(dir.path().join("pelita.db").to_str().unwrap())
            .await
            .unwrap();
        // One byte: the first character of event 10's detail.
        c.execute("UPDATE audit_events SET detail = '[' || substr(detail, 2) WHERE seq = 10")
            .await
            .unwrap();
        c.close().await.unwrap();
    });
    let bad = pelita(&["audit", "verify", "--data-dir", d]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
    assert!(
        text(&bad).contains("audit event 10 was altered"),
        "{}",
        text(&bad)
    );
}

#[test]
fn erasing_a_child_leaves_no_byte_of_its_name_in_the_database_or_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "40");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (reference, names) = rt.block_on(async {
        let mut c = sqlx::SqliteConnection::connect(dir.path().join("pelita.db").to_str().unwrap())
            .await
            .unwrap();
        let (id,): (String,) = sqlx::query_as("SELECT id FROM cases ORDER BY reference LIMIT 1")
            .fetch_one(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
        let store = open(dir.path()).await;
        let meta = store.case_meta(&id).await.unwrap();
        let identity = store
            .read_identity(&assigned(&meta, Section::Identity))
            .await
            .unwrap();
        let identity = identity.present().unwrap();
        let names: Vec<String> = identity.names.all_forms().map(str::to_owned).collect();
        let reference = meta.reference.to_string();
        store.close().await;
        (reference, names)
    });
    let d = dir.path().to_str().unwrap();
    let o = pelita(&[
        "erase",
        "--data-dir",
        d,
        "--case",
        &reference,
        "--reason",
        "court order",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let backup = dir.path().join("after.db");
    let o = pelita(&["backup", "--data-dir", d, "--to", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let bytes = [db_bytes(dir.path()), std::fs::read(&backup).unwrap()].concat();
    for n in &names {
        assert!(
            !contains(&bytes, n),
            "{n} is still in the database or the backup"
        );
    }
    rt.block_on(async {
        let store = open(dir.path()).await;
        let id = store.case_id_by_reference(&reference).await.unwrap();
        let meta = store.case_meta(&id).await.unwrap();
        let identity = store
            .read_identity(&assigned(&meta, Section::Identity))
            .await
            .unwrap();
        assert!(identity.is_erased());
        store.close().await;
    });
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn a_missing_open_or_wrong_key_is_refused_before_anything_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "3");
    let d = dir.path().to_str().unwrap();
    let key = dir.path().join("pelita.key");
    let original = std::fs::read_to_string(&key).unwrap();

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(
        !o.status.success() && text(&o).contains("chmod 600"),
        "{}",
        text(&o)
    );

    std::fs::remove_file(&key).unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(
        !o.status.success() && text(&o).contains("no deployment key"),
        "{}",
        text(&o)
    );

    std::fs::write(&key, "garbage\n").unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(
        !o.status.success() && text(&o).contains("not a Pelita deployment key"),
        "{}",
        text(&o)
    );

    std::fs::write(&key, format!("{}\n", DeploymentKey::generate().encode())).unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(
        !o.status.success() && text(&o).contains("different deployment key"),
        "{}",
        text(&o)
    );

    std::fs::write(&key, original).unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn serve_answers_health_checks_within_its_configured_limits() {
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "2");
    // The limits at the edges come from the configuration (here the environment).
    let mut child = Command::new(env!("CARGO_BIN_EXE_pelita"))
        .args([
            "serve",
            "--data-dir",
            dir.path().to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ])
        .env("PELITA_HEADER_TIMEOUT_SECS", "1")
        .env("PELITA_RATE_PER_SECOND", "1")
        .env("PELITA_RATE_BURST", "3")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let line = lines
        .find(|l| l.as_ref().is_ok_and(|l| l.contains("listening on")))
        .unwrap()
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let send = |request: &[u8]| {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        s.write_all(request).unwrap();
        let mut response = String::new();
        s.read_to_string(&mut response)
            .expect("the server closes the connection");
        response
    };
    let response = send(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    // Half a request head: closed at the configured second, nothing answered.
    let half = send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n");
    // Past the configured burst, one client is answered 429.
    let flood: Vec<String> = (0..5)
        .map(|_| send(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        .collect();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"database\":\"ok\""));
    assert!(response.to_lowercase().contains("cache-control: no-store"));
    assert_eq!(half, "");
    assert!(
        flood.iter().any(|r| r.starts_with("HTTP/1.1 429")),
        "{flood:?}"
    );

    // A limit outside its range stops the start with the rule.
    let out = Command::new(env!("CARGO_BIN_EXE_pelita"))
        .args(["serve", "--data-dir", dir.path().to_str().unwrap()])
        .env("PELITA_MAX_IN_FLIGHT", "0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out).contains("max_in_flight"), "{}", text(&out));
}

#[test]
fn unknown_cases_and_existing_files_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "1");
    let d = dir.path().to_str().unwrap();
    let o = pelita(&[
        "erase",
        "--data-dir",
        d,
        "--case",
        "NOPE-2026-00001",
        "--reason",
        "x",
    ]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("NOPE-2026-00001") && text(&o).contains("not found"),
        "{}",
        text(&o)
    );
    let o = pelita(&[
        "backup",
        "--data-dir",
        d,
        "--to",
        dir.path().join("pelita.db").to_str().unwrap(),
    ]);
    assert!(!o.status.success() && text(&o).contains("exists"));
    let o = pelita(&["audit", "verify", "--data-dir", "/nonexistent/pelita"]);
    assert!(
        !o.status.success() && text(&o).contains("pelita init"),
        "{}",
        text(&o)
    );
}

#[test]
fn restoring_an_older_backup_repeats_the_erasures_made_since() {
    let dir = tempfile::tempdir().unwrap();
    init_with_children(dir.path(), "12");
    let d = dir.path().to_str().unwrap();
    let backup = dir.path().join("before.db");
    let o = pelita(&["backup", "--data-dir", d, "--to", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let reference = rt.block_on(async {
        let mut c = sqlx::SqliteConnection::connect(dir.path().join("pelita.db").to_str().unwrap())
            .await
            .unwrap();
        let (id,): (String,) = sqlx::query_as("SELECT id FROM cases ORDER BY reference LIMIT 1")
            .fetch_one(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
        let store = open(dir.path()).await;
        let meta = store.case_meta(&id).await.unwrap();
        store.close().await;
        meta.reference.to_string()
    });
    let o = pelita(&[
        "erase",
        "--data-dir",
        d,
        "--case",
        &reference,
        "--reason",
        "court order",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = pelita(&[
        "restore",
        "--data-dir",
        d,
        "--from",
        backup.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("1 erasure(s)"), "{}", text(&o));
    rt.block_on(async {
        let store = open(dir.path()).await;
        let id = store.case_id_by_reference(&reference).await.unwrap();
        let meta = store.case_meta(&id).await.unwrap();
        assert!(
            store
                .read_identity(&assigned(&meta, Section::Identity))
                .await
                .unwrap()
                .is_erased(),
            "the restored backup brought the child back"
        );
        store.close().await;
    });
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(dir.path().join("pelita.db.before-restore").exists());
}

/// A deployment written by the previous release (schema 0001–0012, see
/// `tests/fixtures/release-0012/README.md`) opens with this one: its migrations apply, the
/// chain verifies, the state matches the chain (victims recognised at and after registration,
/// referrals answered and pending, an erased child), and the new triggers hold on old rows.
#[test]
fn a_database_written_by_the_previous_release_opens_migrates_and_verifies() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/release-0012");
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("pelita.key");
    std::fs::copy(fixture.join("pelita.key"), &key).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let db = dir.path().join("pelita.db");
    let dump = std::fs::read_to_string(fixture.join("pelita.sql")).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let count = |sql: &'static str| {
        rt.block_on(async {
            let mut c = sqlx::SqliteConnection::connect(db.to_str().unwrap())
                .await
                .unwrap();
            let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&mut c).await.unwrap();
            c.close().await.unwrap();
            n
        })
    };
    rt.block_on(async {
        let url = format!("sqlite://{}?mode=rwc", db.display());
        let mut c = sqlx::SqliteConnection::connect(&url).await.unwrap();
        c.execute(sqlx::raw_sql(sqlx::AssertSqlSafe(dump)))
            .await
            .unwrap();
        c.close().await.unwrap();
    });
    assert_eq!(count("SELECT max(version) FROM _sqlx_migrations"), 12);

    let d = dir.path().to_str().unwrap();
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("Audit chain intact: 148 events verified."),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("Database state matches the chain"),
        "{}",
        text(&o)
    );
    assert_eq!(count("SELECT max(version) FROM _sqlx_migrations"), 17);
    assert_eq!(
        count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases'"),
        4
    );

    let id = rt.block_on(async {
        let store = open(dir.path()).await;
        assert_eq!(store.verify_state().await.unwrap(), vec![]);
        // Recognised after registration under the previous release; REPLACE INTO no longer
        // clears it.
        let (id,): (String,) = {
            let mut c = sqlx::SqliteConnection::connect(db.to_str().unwrap())
                .await
                .unwrap();
            let row: (String,) = sqlx::query_as(
                "SELECT subject FROM audit_events WHERE action = 'case.record_circumstances'",
            )
            .fetch_one(&mut c)
            .await
            .unwrap();
            let replace = format!(
                "REPLACE INTO cases (id, child_id, agency_id, reference, status, priority, \
                 version, created_at, updated_at) SELECT id, child_id, agency_id, reference, \
                 status, priority, version, created_at, updated_at FROM cases WHERE id = '{}'",
                row.0
            );
            assert!(c.execute(sqlx::AssertSqlSafe(replace)).await.is_err());
            c.close().await.unwrap();
            row
        };
        assert!(store.case_meta(&id).await.unwrap().victim.is_recognised());
        // And the deployment goes on writing.
        let worker = pelita_store::Actor::operator_in("test", Role::CaseWorker);
        store
            .move_case(
                &worker,
                &id,
                pelita_domain::case::CaseStatus::Transferred,
                Some("moved to another province".into()),
            )
            .await
            .unwrap();
        store.close().await;
        id
    });
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert!(o.status.success(), "{}", text(&o));

    // Past the triggers (dropped by someone who may), the chain stays intact and the state
    // check names the case.
    rt.block_on(async {
        let mut c = sqlx::SqliteConnection::connect(db.to_str().unwrap())
            .await
            .unwrap();
        let tamper = format!(
            "DROP TRIGGER cases_never_replaced; \
             REPLACE INTO cases (id, child_id, agency_id, reference, status, priority, \
             version, created_at, updated_at) SELECT id, child_id, agency_id, reference, \
             status, priority, version, created_at, updated_at FROM cases WHERE id = '{id}'"
        );
        c.execute(sqlx::raw_sql(sqlx::AssertSqlSafe(tamper)))
            .await
            .unwrap();
        c.close().await.unwrap();
    });
    let o = pelita(&["audit", "verify", "--data-dir", d]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(text(&o).contains("Audit chain intact"), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("case {id}: circumstances were recorded"))
            && text(&o).contains("[victim_status]"),
        "{}",
        text(&o)
    );
}

//! Crash test: a child process writes cases and prints each id only after the write is
//! acknowledged; it is killed with SIGKILL at a random moment; after reopening, every
//! acknowledged case is there and both the database and the audit chain check out.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::agency::Sector;
use pelita_domain::case::{Priority, PriorityLevel};
use pelita_domain::identity::{ChildIdentity, PersonNames, Sex};
use pelita_domain::text::NameText;
use pelita_store::{
    Actor, DeploymentKey, NewAgency, Registration, Store, StoreConfig, SystemClock,
};
use rand::Rng;
use sqlx::Connection;

const ROUNDS: usize = 6;

async fn open(dir: &str, key: DeploymentKey) -> Store {
    Store::open(StoreConfig {
        url: format!("{dir}/pelita.db"),
        key,
        readers: 2,
        clock: Arc::new(SystemClock),
    })
    .await
    .unwrap()
}

/// The writer half: runs only inside the child process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn child_writer() {
    let (Ok(dir), Ok(key)) = (
        std::env::var("PELITA_CRASH_DIR"),
        std::env::var("PELITA_CRASH_KEY"),
    ) else {
        return; // Not the child process.
    };
    let store = open(&dir, DeploymentKey::decode(&key).unwrap()).await;
    let actor = Actor::operator("crash-test");
    let agency = match store.agencies().await.unwrap().into_iter().next() {
        Some(a) => a.id,
        None => store
            .create_agency(
                &actor,
                NewAgency {
                    code: "CRASH".into(),
                    name: "Crash".into(),
                    sector: Sector::ChildProtection,
                    jurisdiction: "ID".into(),
                },
            )
            .await
            .unwrap(),
    };
    let mut tasks = Vec::new();
    for t in 0..16 {
        let (store, agency, actor) = (store.clone(), agency.clone(), actor.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0.. {
                let identity = ChildIdentity {
                    names: PersonNames::simple(
                        NameText::parse(&format!("Crash {t} {i}")).unwrap(),
                        None,
                    ),
                    sex: Sex::NotRecorded,
                    age: Age::with(
                        BirthDate::Unknown,
                        EvidenceKind::Declaration,
                        "x",
                        chrono::Utc::now().date_naive(),
                    ),
                };
                let r = store
                    .register_child(
                        &actor,
                        Registration {
                            agency_id: agency.clone(),
                            identity,
                            priority: Priority::new(PriorityLevel::Low, "crash test").unwrap(),
                            assigned_to: None,
                            circumstances: None,
                        },
                    )
                    .await
                    .unwrap();
                let mut out = std::io::stdout().lock();
                writeln!(out, "ACK {}", r.case_id).unwrap();
                out.flush().unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let dir_s = dir.path().to_str().unwrap().to_owned();
    let key = DeploymentKey::generate();
    let mut acked: Vec<String> = Vec::new();
    let mut rng = rand::thread_rng();
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "crash::child_writer",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PELITA_CRASH_DIR", &dir_s)
            .env("PELITA_CRASH_KEY", key.encode())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("ACK ").map(str::to_owned))
                .collect::<Vec<_>>()
        });
        // Wait for the first acknowledgement, then kill at a random moment.
        let start = Instant::now();
        let delay = Duration::from_millis(rng.gen_range(300..1500));
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let ids = reader.join().unwrap();
        assert!(
            !ids.is_empty() || start.elapsed() < Duration::from_millis(200),
            "round {round}: nothing was written"
        );
        acked.extend(ids);

        let mut conn = sqlx::SqliteConnection::connect(&format!("{dir_s}/pelita.db"))
            .await
            .unwrap();
        let check: (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(check.0, "ok", "round {round}");
        conn.close().await.unwrap();

        let store = open(&dir_s, key.clone()).await;
        for id in &acked {
            store
                .case_meta(id)
                .await
                .unwrap_or_else(|e| panic!("round {round}: acknowledged case {id} lost: {e}"));
        }
        let report = store.verify_audit(&|_, _| {}).await.unwrap();
        assert_eq!(report.first_break, None, "round {round}");
        store.close().await;
    }
    assert!(
        acked.len() > 50,
        "only {} writes acknowledged over {ROUNDS} rounds",
        acked.len()
    );
    eprintln!(
        "crash test: {} acknowledged writes survived {ROUNDS} SIGKILLs",
        acked.len()
    );
}

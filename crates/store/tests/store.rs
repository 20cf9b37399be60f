//! The storage test suite. Every test runs on SQLite (a real file) and, when
//! `PELITA_TEST_POSTGRES_URL` is set, on a fresh PostgreSQL database on that server.

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

mod crash;

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

    async fn agency(&self, code: &str) -> String {
        self.store
            .create_agency(
                &admin(),
                NewAgency {
                    code: code.into(),
                    name: format!("Agency {code}"),
                    sector: Sector::ChildProtection,
                    jurisdiction: "ID".into(),
                },
            )
            .await
            .unwrap()
    }
}

macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let env = super::Env::sqlite().await;
                super::$name(&env).await;
                env.finish().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(env) = super::Env::postgres().await else {
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

both!(
    registers_and_reads_back_names_in_any_script,
    sensitive_reads_are_logged_and_break_glass_alerts_the_supervisor,
    sign_in_lockout_sessions_second_factor_and_tokens,
    case_references_count_per_agency_and_year,
    circumstances_recognise_victim_status_for_good,
    lifecycle_and_notes,
    search_finds_spelling_variants_and_scripts,
    erasure_makes_the_child_unreadable_and_unfindable,
    audit_chain_names_the_first_bad_event,
    bad_input_changes_nothing,
    concurrent_writes_commit_in_batches,
    wrong_key_is_refused,
    consent_ledger_keeps_history_and_decides_by_age,
    conferences_tasks_and_households,
    interviews_count_every_contact_and_a_repeat_needs_a_reason,
    the_detention_register_keeps_the_order_and_its_clocks,
    repatriation_is_decided_child_by_child_on_best_interests,
    the_write_policy_holds_in_the_store_for_every_role_change_and_standing,
    break_glass_reasons_are_sealed_and_erasure_reaches_them,
    a_failed_commit_halts_the_writer_and_a_refused_command_does_not,
    a_victims_case_is_never_deleted_replaced_or_rekeyed,
    audit_verify_names_each_case_whose_state_contradicts_the_chain,
    every_change_by_someone_else_alerts_the_assigned_worker,
);

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

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn registers_and_reads_back_names_in_any_script(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut id = identity(
        "নুসরাত",
        Some("জাহান"),
        BirthDate::Month {
            year: 2011,
            month: 4,
        },
    );
    id.names.given = NamePart::with_latin(name("নুসরাত"), name("Nusrat"));
    id.names.aliases.push(NamePart::new(name("ޢާއިޝަތު")));
    let r = env
        .store
        .register_child(&worker(), registration(&agency, id.clone()))
        .await
        .unwrap();
    assert_eq!(identity_of(env, &r.case_id).await, Readable::Present(id));
    let case = case_of(env, &r.case_id).await;
    assert_eq!(case.case.status, CaseStatus::Registered);
    assert_eq!(case.child_id, r.child_id);
    // The priority's reason is free text of the plan section: the status read leaves it out,
    // a plan grant reads it, and the read is logged as one of the plan.
    assert_eq!(case.case.priority.reason, "");
    assert_eq!(
        env.store
            .read_priority_reason(&grant(&r.case_id, Section::Plan))
            .await
            .unwrap(),
        "needs school re-entry"
    );
    assert!(matches!(
        env.store
            .read_priority_reason(&grant(&r.case_id, Section::Status))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert!(log.iter().any(|e| e.section == "plan"));
}

async fn case_references_count_per_agency_and_year(env: &Env) {
    let a = env.agency("DSW").await;
    let b = env.agency("KPAI").await;
    let birth = BirthDate::Year { year: 2012 };
    let mut refs = Vec::new();
    for ag in [&a, &a, &b] {
        let r = env
            .store
            .register_child(&worker(), registration(ag, identity("Siti", None, birth)))
            .await;
        refs.push(r.unwrap().reference.to_string());
    }
    env.clock
        .set(Utc.with_ymd_and_hms(2027, 1, 2, 0, 0, 0).unwrap());
    let r = env
        .store
        .register_child(&worker(), registration(&a, identity("Siti", None, birth)))
        .await;
    refs.push(r.unwrap().reference.to_string());
    assert_eq!(
        refs,
        [
            "DSW-2026-00001",
            "DSW-2026-00002",
            "KPAI-2026-00001",
            "DSW-2027-00001"
        ]
    );
    let id = env
        .store
        .case_id_by_reference("DSW-2026-00002")
        .await
        .unwrap();
    assert_eq!(case_of(env, &id).await.case.reference.number, 2);
}

async fn circumstances_recognise_victim_status_for_good(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Rakib", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    assert!(
        !case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    env.store
        .record_circumstances(&worker(), &r.case_id, circumstances())
        .await
        .unwrap();
    assert!(
        case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    let read = env
        .store
        .read_circumstances(&grant(&r.case_id, Section::Circumstances))
        .await;
    assert_eq!(read.unwrap(), Readable::Present(Some(circumstances())));
    for role in Role::ALL {
        let actor = Actor::operator_in(&format!("u-{role}"), role);
        let err = env
            .store
            .remove_victim_status(&actor, &r.case_id)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Domain(DomainError::VictimStatusIsPermanent)
            ),
            "{role}"
        );
    }
    assert!(
        case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    // Not even SQL around the application can undo it.
    let undo = env
        .try_sql(&format!(
            "UPDATE cases SET victim_since = NULL WHERE id = '{}'",
            r.case_id
        ))
        .await;
    assert!(undo.is_err(), "the database let victim status be removed");
}

async fn lifecycle_and_notes(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Amina", None, BirthDate::Year { year: 2010 }),
            ),
        )
        .await
        .unwrap();
    env.store
        .move_case(&worker(), &r.case_id, CaseStatus::Assessed, None)
        .await
        .unwrap();
    let skip = env
        .store
        .move_case(&worker(), &r.case_id, CaseStatus::InProgress, None)
        .await;
    assert!(matches!(
        skip,
        Err(StoreError::Domain(DomainError::InvalidTransition { .. }))
    ));
    // Closure is a supervisor's decision, with a reason; it schedules follow-ups at 3, 6 and
    // 12 months; reopening cancels those not yet done.
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    let by_worker = env
        .store
        .move_case(
            &worker(),
            &r.case_id,
            CaseStatus::Closed,
            Some("done".into()),
        )
        .await;
    assert!(matches!(
        by_worker,
        Err(StoreError::Domain(DomainError::SupervisorOnly))
    ));
    let no_reason = env
        .store
        .move_case(&supervisor, &r.case_id, CaseStatus::Closed, None)
        .await;
    assert!(matches!(
        no_reason,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    env.store
        .move_case(
            &supervisor,
            &r.case_id,
            CaseStatus::Closed,
            Some("reunified".into()),
        )
        .await
        .unwrap();
    let due: Vec<_> = env
        .store
        .followups(&r.case_id)
        .await
        .unwrap()
        .iter()
        .map(|f| f.due_on)
        .collect();
    assert_eq!(due, vec![d(2027, 2, 28), d(2027, 5, 28), d(2027, 11, 28)]);
    let first = env.store.followups(&r.case_id).await.unwrap()[0].id.clone();
    let outcome = pelita_domain::followup::Outcome {
        living_with_family_or_family_based_care: Some(true),
        in_school_or_training: Some(true),
        child_view: Some(NoteText::parse("I like my new school").unwrap()),
        ..Default::default()
    };
    env.store
        .record_followup(&worker(), &first, outcome.clone())
        .await
        .unwrap();
    assert!(
        env.store
            .record_followup(&worker(), &first, outcome.clone())
            .await
            .is_err(),
        "a follow-up is recorded once"
    );
    env.store
        .move_case(&worker(), &r.case_id, CaseStatus::Registered, None)
        .await
        .unwrap();
    let left = env.store.followups(&r.case_id).await.unwrap();
    assert_eq!(
        left.len(),
        1,
        "the pending follow-ups went with the reopening"
    );
    assert_eq!(left[0].outcome, Some(Readable::Present(outcome)));
    let case = case_of(env, &r.case_id).await;
    assert_eq!(
        (case.case.status, case.case.reopened),
        (CaseStatus::Registered, 1)
    );

    let body = NoteText::parse("Visited the family; the child asked about school.").unwrap();
    env.store
        .add_note(&worker(), &r.case_id, Section::Family, body.clone())
        .await
        .unwrap();
    let none = env
        .store
        .read_notes(&grant(&r.case_id, Section::Health))
        .await;
    assert!(none.unwrap().is_empty(), "notes stay in their section");
    let notes = env
        .store
        .read_notes(&grant(&r.case_id, Section::Family))
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, Readable::Present(body));
    assert_eq!(notes[0].author, "system:worker-1");

    let user = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "sari".into(),
                display_name: "Sari".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency.clone()),
                password_hash: pelita_store::hash_password("correct horse battery"),
            },
        )
        .await
        .unwrap();
    env.store
        .assign(&admin(), &r.case_id, Some(user.clone()))
        .await
        .unwrap();
    assert_eq!(
        case_of(env, &r.case_id).await.case.assigned_worker,
        Some(user)
    );
    let (u, hash) = env.store.user_by_username("sari").await.unwrap().unwrap();
    assert_eq!(u.role, Role::CaseWorker);
    assert!(pelita_store::verify_password(
        "correct horse battery",
        &hash
    ));
    assert!(!pelita_store::verify_password("wrong", &hash));
}

async fn search_finds_spelling_variants_and_scripts(env: &Env) {
    let agency = env.agency("DSS").await;
    let birth = BirthDate::Year { year: 2011 };
    let mut ids = std::collections::HashMap::new();
    for (given, family) in [
        ("Muhammad Rakib", "Hossain"),
        ("Abdul Rahman", "Ismail"),
        ("Nur Aisyah", "Putri"),
        ("Rafiq", "Islam"),
        ("Siti", "Rahayu"),
    ] {
        let r = env
            .store
            .register_child(
                &worker(),
                registration(&agency, identity(given, Some(family), birth)),
            )
            .await
            .unwrap();
        ids.insert(given, r.child_id);
    }
    let mut bn = identity("রাকিব", Some("হোসেন"), birth);
    bn.names.given.latin = Some(name("Rakib"));
    let bn = env
        .store
        .register_child(&worker(), registration(&agency, bn))
        .await
        .unwrap();
    let dv = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("ޢާއިޝަތު", Some("ޒާހިރު"), birth)),
        )
        .await
        .unwrap();

    let top = |q: &'static str| async move { env.store.search_names(q, 10).await.unwrap() };
    assert_eq!(
        top("Mohd Rakib Hussain").await[0].child_id,
        ids["Muhammad Rakib"]
    );
    assert_eq!(top("Abdurrahman").await[0].child_id, ids["Abdul Rahman"]);
    assert_eq!(top("Noor Aishah").await[0].child_id, ids["Nur Aisyah"]);
    assert_eq!(
        top("Raki").await.iter().filter(|m| m.score > 0.85).count(),
        2,
        "prefix"
    );
    let by_script = top("রাকিব").await;
    assert_eq!(by_script[0].child_id, bn.child_id);
    assert!(by_script[0].reference.is_some());
    assert_eq!(top("ޢާއިޝަތު").await[0].child_id, dv.child_id);
    assert!(top("Zulkarnain").await.is_empty());
    // With what is known of a new child, a different sex or an impossible age is not "likely".
    use pelita_domain::age::AgeRange;
    let hint = |sex, min, max| pelita_store::MatchHint {
        sex,
        age: AgeRange {
            min,
            max: Some(max),
        },
    };
    let found = |h| async move {
        env.store
            .match_names("Muhammad Rakib Hossain", 3, Some(h))
            .await
            .unwrap()
    };
    let same = found(hint(Sex::Female, 14, 16)).await;
    assert_eq!(
        (same[0].child_id.as_str(), same[0].compatible),
        (ids["Muhammad Rakib"].as_str(), Some(true))
    );
    assert_eq!(
        found(hint(Sex::Male, 14, 16)).await[0].compatible,
        Some(false),
        "sex ignored"
    );
    assert_eq!(
        found(hint(Sex::Female, 3, 4)).await[0].compatible,
        Some(false),
        "age ignored"
    );
    assert_eq!(
        found(hint(Sex::NotRecorded, 14, 16)).await[0].compatible,
        Some(true)
    );
    assert!(top("   ").await.is_empty());
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

async fn erasure_makes_the_child_unreadable_and_unfindable(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut id = identity(
        "Zulaikha",
        Some("Kertawijaya"),
        BirthDate::Exact {
            date: d(2012, 2, 29),
        },
    );
    id.names.aliases.push(NamePart::new(name("ফারজানা")));
    let r = env
        .store
        .register_child(&worker(), registration(&agency, id))
        .await
        .unwrap();
    env.store
        .record_circumstances(&worker(), &r.case_id, circumstances())
        .await
        .unwrap();
    env.store
        .add_note(
            &worker(),
            &r.case_id,
            Section::Family,
            NoteText::parse("Kertawijaya family visit").unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        env.store
            .search_names("Kertawijaya", 5)
            .await
            .unwrap()
            .len(),
        1
    );
    if env.pg.is_none() {
        // Names are ciphertext even before erasure.
        let bytes = sqlite_bytes(env);
        assert!(!contains(&bytes, "Kertawijaya") && !contains(&bytes, "ফারজানা"));
    }

    let bad = env.store.erase_child(&admin(), &r.child_id, " ").await;
    assert!(matches!(
        bad,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    env.store
        .erase_child(&admin(), &r.child_id, "court order 12/2026")
        .await
        .unwrap();
    assert!(identity_of(env, &r.case_id).await.is_erased());
    let circ = env
        .store
        .read_circumstances(&grant(&r.case_id, Section::Circumstances))
        .await;
    assert!(circ.unwrap().is_erased());
    let case = case_of(env, &r.case_id).await;
    assert!(
        case.case.victim_status().is_recognised(),
        "the case keeps its non-personal facts"
    );
    let notes = env
        .store
        .read_notes(&grant(&r.case_id, Section::Family))
        .await
        .unwrap();
    assert!(notes[0].body.is_erased());
    assert!(
        env.store
            .search_names("Kertawijaya", 5)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(env.store.search_names("ফারজানা", 5).await.unwrap().is_empty());
    assert!(matches!(
        env.store
            .add_note(
                &worker(),
                &r.case_id,
                Section::Family,
                NoteText::parse("more").unwrap()
            )
            .await,
        Err(StoreError::Erased)
    ));
    if env.pg.is_none() {
        let backup = env.dir.path().join("backup.db");
        env.store.backup_sqlite(&backup).await.unwrap();
        let bytes = [sqlite_bytes(env), std::fs::read(&backup).unwrap()].concat();
        for n in ["Zulaikha", "Kertawijaya", "ফারজানা"] {
            assert!(!contains(&bytes, n), "{n} found in the database or backup");
        }
        // The backup opens with the same key and its chain verifies.
        let copy = Store::open(StoreConfig {
            url: backup.to_str().unwrap().into(),
            key: env.key.clone(),
            readers: 1,
            clock: env.clock.clone(),
        })
        .await
        .unwrap();
        assert!(
            copy.read_identity(&grant(&r.case_id, Section::Identity))
                .await
                .unwrap()
                .is_erased()
        );
        assert_eq!(
            copy.verify_audit(&|_, _| {}).await.unwrap().first_break,
            None
        );
        copy.close().await;
    }
}

async fn audit_chain_names_the_first_bad_event(env: &Env) {
    let agency = env.agency("DSS").await;
    for i in 0..5 {
        let r = env
            .store
            .register_child(
                &worker(),
                registration(
                    &agency,
                    identity(&format!("Child{i}"), None, BirthDate::Unknown),
                ),
            )
            .await
            .unwrap();
        env.store
            .move_case(&worker(), &r.case_id, CaseStatus::Assessed, None)
            .await
            .unwrap();
    }
    // 1 agency + 5 × (register + move) = 11 events.
    let ok = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!((ok.events, ok.first_break), (11, None));

    env.tamper(
        "UPDATE audit_events SET detail = replace(detail, 'assessed', 'assessec') WHERE seq = 5",
    )
    .await;
    let r = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!(r.first_break, Some(ChainBreak::Altered { seq: 5 }));
    assert_eq!(r.events, 4);
    env.tamper(
        "UPDATE audit_events SET detail = replace(detail, 'assessec', 'assessed') WHERE seq = 5",
    )
    .await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );

    env.tamper("DELETE FROM audit_events WHERE seq = 7").await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        Some(ChainBreak::Removed { from: 7, to: 7 })
    );
    // Re-inserting event 8's content as 7 (a reorder) is caught: it does not chain.
    env.tamper(
        "INSERT INTO audit_events (seq, at, actor, action, subject, detail, prev_hash, hash) \
         SELECT 7, at, actor, action, subject, detail, prev_hash, hash FROM audit_events WHERE seq = 8",
    )
    .await;
    let reordered = env
        .store
        .verify_audit(&|_, _| {})
        .await
        .unwrap()
        .first_break;
    assert_eq!(reordered, Some(ChainBreak::Altered { seq: 7 }));

    env.tamper("DELETE FROM audit_events WHERE seq >= 7").await;
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        Some(ChainBreak::Truncated { last: 6, head: 11 })
    );
}

async fn bad_input_changes_nothing(env: &Env) {
    let agency = env.agency("DSS").await;
    let before = env.store.counts().await.unwrap();
    let future = identity(
        "Dewi",
        None,
        BirthDate::Exact {
            date: d(2027, 1, 1),
        },
    );
    let e = env
        .store
        .register_child(&worker(), registration(&agency, future))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Domain(DomainError::DateInFuture)));
    let bad_month = identity(
        "Dewi",
        None,
        BirthDate::Month {
            year: 2012,
            month: 13,
        },
    );
    let e = env
        .store
        .register_child(&worker(), registration(&agency, bad_month))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Domain(DomainError::ImpossibleDate)));
    let e = env
        .store
        .register_child(
            &worker(),
            registration("no-such-agency", identity("Dewi", None, BirthDate::Unknown)),
        )
        .await
        .unwrap_err();
    assert!(e.is_refusal());
    let e = env
        .store
        .move_case(&worker(), "no-such-case", CaseStatus::Assessed, None)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::NotFound));
    let e = env
        .store
        .create_agency(
            &admin(),
            NewAgency {
                code: "dss".into(),
                name: "Again".into(),
                sector: Sector::Health,
                jurisdiction: "ID".into(),
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Conflict(_)));
    assert_eq!(
        env.store.counts().await.unwrap(),
        before,
        "a refused write changed something"
    );
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );
}

async fn concurrent_writes_commit_in_batches(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut tasks = Vec::new();
    for i in 0..300 {
        let store = env.store.clone();
        let agency = agency.clone();
        tasks.push(tokio::spawn(async move {
            // Every tenth registration is invalid; it must fail alone.
            let birth = if i % 10 == 0 {
                BirthDate::Exact {
                    date: d(2030, 1, 1),
                }
            } else {
                BirthDate::Year { year: 2010 }
            };
            store
                .register_child(
                    &worker(),
                    registration(&agency, identity(&format!("Anak{i}"), None, birth)),
                )
                .await
        }));
    }
    let mut ok = 0;
    let mut refs = std::collections::HashSet::new();
    for t in tasks {
        if let Ok(r) = t.await.unwrap() {
            ok += 1;
            refs.insert(r.reference.to_string());
        }
    }
    assert_eq!(ok, 270);
    assert_eq!(refs.len(), 270, "case references are unique");
    let (children, cases, events) = env.store.counts().await.unwrap();
    assert_eq!((children, cases, events), (270, 270, 271));
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );
}

async fn wrong_key_is_refused(env: &Env) {
    let agency = env.agency("DSS").await;
    env.store
        .register_child(
            &worker(),
            registration(&agency, identity("Putri", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let other = Store::open(StoreConfig {
        url: env.url.clone(),
        key: DeploymentKey::generate(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await;
    assert!(matches!(other, Err(StoreError::WrongKey)));
    assert!(DeploymentKey::decode("not a key").is_err());
}

async fn sensitive_reads_are_logged_and_break_glass_alerts_the_supervisor(env: &Env) {
    let agency = env.agency("DSS").await;
    let user = |name: &str, role| NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
        agency_id: Some(agency.clone()),
        password_hash: "x".into(),
    };
    let sup = env
        .store
        .create_user(&admin(), user("sup", Role::Supervisor))
        .await
        .unwrap();
    let colleague = env
        .store
        .create_user(&admin(), user("col", Role::CaseWorker))
        .await
        .unwrap();
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Amina", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    // Status reads are not sensitive; identity reads are logged.
    case_of(env, &r.case_id).await;
    assert!(
        env.store
            .access_log_for_case(&r.case_id)
            .await
            .unwrap()
            .is_empty()
    );
    identity_of(env, &r.case_id).await;
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(
        (log.len(), log[0].section.as_str(), log[0].reader.as_str()),
        (1, "identity", "worker-1")
    );

    // A colleague at the same agency needs a justification for circumstances.
    let meta = env.store.case_meta(&r.case_id).await.unwrap();
    let reader = pelita_store::Reader {
        id: colleague.clone(),
        role: Role::CaseWorker,
        agency_id: Some(agency.clone()),
    };
    let rel = meta.relationship(&reader);
    assert_eq!(rel, Relationship::SameAgency);
    let refused = policy::authorize(
        &colleague,
        Role::CaseWorker,
        rel,
        &r.case_id,
        Section::Circumstances,
        None,
    );
    assert_eq!(refused, Err(policy::Refusal::JustificationRequired));
    let g = policy::authorize(
        &colleague,
        Role::CaseWorker,
        rel,
        &r.case_id,
        Section::Circumstances,
        Some("child at hospital, worker unreachable"),
    )
    .unwrap();
    env.store.read_circumstances(&g).await.unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(
        log[0].justification.as_deref(),
        Some("child at hospital, worker unreachable")
    );
    let alerts = env.store.alerts(&sup).await.unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, "break_glass");
    assert!(env.store.alerts(&colleague).await.unwrap().is_empty());
    // A grant for one section opens no other.
    assert!(env.store.read_identity(&g).await.is_err());
}

async fn sign_in_lockout_sessions_second_factor_and_tokens(env: &Env) {
    let agency = env.agency("DSS").await;
    let id = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "nadia".into(),
                display_name: "Nadia".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency),
                password_hash: "x".into(),
            },
        )
        .await
        .unwrap();
    let user = env.store.user(&id).await.unwrap();
    for _ in 0..pelita_store::MAX_FAILURES {
        env.store.record_login_failure("nadia").await.unwrap();
        env.store
            .record_login_failure("nobody-by-this-name")
            .await
            .unwrap();
    }
    let (failures, locked) = env.store.login_state("nadia").await.unwrap();
    assert_eq!(failures, pelita_store::MAX_FAILURES);
    assert!(locked.is_some());
    // Unknown accounts lock the same way: no way to tell which exist.
    assert!(
        env.store
            .login_state("nobody-by-this-name")
            .await
            .unwrap()
            .1
            .is_some()
    );
    env.clock
        .set(today() + chrono::Duration::minutes(pelita_store::LOCKOUT_MINUTES + 1));
    assert!(
        env.store.login_state("nadia").await.unwrap().1.is_none(),
        "the lock expires"
    );

    let (token, csrf) = env.store.start_session(&user, false).await.unwrap();
    assert!(token.len() >= 43 && csrf.len() >= 43, "256-bit tokens");
    assert_eq!(
        env.store.login_state("nadia").await.unwrap().0,
        0,
        "sign-in clears failures"
    );
    let s = env.store.session(&token).await.unwrap().unwrap();
    assert_eq!(
        (s.user.id.as_str(), s.csrf.as_str(), s.second_factor),
        (id.as_str(), csrf.as_str(), false)
    );
    let actor = env.store.act_as(&id).await.unwrap();
    env.store.pass_second_factor(&actor, &token).await.unwrap();
    assert!(
        env.store
            .session(&token)
            .await
            .unwrap()
            .unwrap()
            .second_factor
    );
    let (other, _) = env.store.start_session(&user, true).await.unwrap();
    env.store.end_other_sessions(&actor, &token).await.unwrap();
    assert!(env.store.session(&other).await.unwrap().is_none());
    assert!(env.store.session(&token).await.unwrap().is_some());

    // Second factor: the secret is sealed; a time step is accepted once.
    env.store
        .set_totp(&actor, &id, b"12345678901234567890")
        .await
        .unwrap();
    assert_eq!(
        env.store.totp(&id).await.unwrap().unwrap().0,
        b"12345678901234567890"
    );
    assert!(env.store.use_totp_step(&actor, &id, 100).await.unwrap());
    assert!(
        !env.store.use_totp_step(&actor, &id, 100).await.unwrap(),
        "replayed code accepted"
    );
    assert!(!env.store.use_totp_step(&actor, &id, 99).await.unwrap());

    let secret = env
        .store
        .create_token(
            &actor,
            &id,
            "script",
            pelita_store::TokenScope::Read,
            Some(today() + chrono::Duration::days(60)),
        )
        .await
        .unwrap();
    let bearer = env.store.token_user(&secret).await.unwrap().unwrap();
    assert_eq!(
        (bearer.user.id.as_str(), bearer.actor().id(), bearer.scope),
        (id.as_str(), id.as_str(), pelita_store::TokenScope::Read)
    );
    // Tokens expire, and can be revoked.
    env.clock.set(today() + chrono::Duration::days(61));
    assert!(
        env.store.token_user(&secret).await.unwrap().is_none(),
        "an expired token works"
    );
    env.clock.set(today());
    let other = env
        .store
        .create_token(&actor, &id, "x", pelita_store::TokenScope::ReadWrite, None)
        .await
        .unwrap();
    env.store.revoke_tokens(&actor, &id).await.unwrap();
    assert!(
        env.store.token_user(&other).await.unwrap().is_none(),
        "a revoked token works"
    );
    let secret = env
        .store
        .create_token(&actor, &id, "y", pelita_store::TokenScope::ReadWrite, None)
        .await
        .unwrap();
    assert!(
        env.store
            .token_user("pelita_guess")
            .await
            .unwrap()
            .is_none()
    );
    // Disabling the account ends its sessions and tokens at once.
    env.store.set_disabled(&admin(), &id, true).await.unwrap();
    assert!(env.store.session(&token).await.unwrap().is_none());
    assert!(env.store.token_user(&secret).await.unwrap().is_none());
    env.store.end_session(&actor, &token).await.unwrap();
}

async fn consent_ledger_keeps_history_and_decides_by_age(env: &Env) {
    use pelita_domain::consent::{Decision, Entry, Giver, Party, Purpose, Standing};
    let agency = env.agency("DSS").await;
    // Born in 2014: 11 or 12 today, so the caregiver consents and the child assents.
    let r = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Siti", None, BirthDate::Year { year: 2014 }),
            ),
        )
        .await
        .unwrap();
    let entry = |giver, decision, on| Entry {
        purpose: Purpose::Assessment,
        giver,
        decision,
        on,
        expires: None,
    };
    let status = || env.store.consent_status(&r.case_id, Purpose::Assessment);
    assert_eq!(
        status().await.unwrap().blocking(),
        vec![
            (Party::Child, Standing::Missing),
            (Party::Caregiver, Standing::Missing)
        ]
    );
    let note = NoteText::parse("Explained in Bahasa Indonesia with her aunt present").unwrap();
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Caregiver, Decision::Given, d(2026, 11, 20)),
            Some(note.clone()),
        )
        .await
        .unwrap();
    assert!(
        !status().await.unwrap().allows(),
        "the child has not assented"
    );
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Child, Decision::Given, d(2026, 11, 21)),
            None,
        )
        .await
        .unwrap();
    assert!(status().await.unwrap().allows());
    // The child withdraws: the caregiver's consent does not outweigh it.
    env.store
        .record_consent(
            &worker(),
            &r.case_id,
            entry(Giver::Child, Decision::Withdrawn, d(2026, 11, 27)),
            None,
        )
        .await
        .unwrap();
    assert!(!status().await.unwrap().allows());
    // Refused, and nothing written: a date in the future; a withdrawal of nothing given; an
    // expiry before the date.
    let before = env.store.counts().await.unwrap();
    for bad in [
        entry(Giver::Child, Decision::Given, d(2026, 12, 1)),
        Entry {
            purpose: Purpose::Research,
            ..entry(Giver::Caregiver, Decision::Withdrawn, d(2026, 11, 27))
        },
        Entry {
            expires: Some(d(2026, 1, 1)),
            ..entry(Giver::Caregiver, Decision::Given, d(2026, 11, 27))
        },
    ] {
        assert!(
            env.store
                .record_consent(&worker(), &r.case_id, bad, None)
                .await
                .unwrap_err()
                .is_refusal()
        );
    }
    assert_eq!(env.store.counts().await.unwrap(), before);
    // The whole history, oldest first, read through a grant for participation.
    let ledger = env
        .store
        .read_consents(&grant(&r.case_id, Section::Participation))
        .await
        .unwrap();
    let decisions: Vec<_> = ledger
        .iter()
        .map(|c| (c.entry.giver, c.entry.decision))
        .collect();
    assert_eq!(
        decisions,
        vec![
            (Giver::Caregiver, Decision::Given),
            (Giver::Child, Decision::Given),
            (Giver::Child, Decision::Withdrawn)
        ]
    );
    assert_eq!(ledger[0].note, Some(Readable::Present(note)));
    // A grant for another section does not open the ledger.
    assert!(
        env.store
            .read_consents(&grant(&r.case_id, Section::Health))
            .await
            .is_err()
    );
}

async fn conferences_tasks_and_households(env: &Env) {
    use pelita_domain::conference::{
        Conference, Decision, DecisionKind, Participant, ParticipantRole,
    };
    use pelita_domain::plan::Views;
    use pelita_domain::task::{NewTask, ResponseTimes, TaskKind};
    let agency = env.agency("DSS").await;
    let mut users = Vec::new();
    for who in ["sari", "budi"] {
        users.push(
            env.store
                .create_user(
                    &admin(),
                    NewUser {
                        username: who.into(),
                        display_name: who.into(),
                        role: Role::CaseWorker,
                        agency_id: Some(agency.clone()),
                        password_hash: pelita_store::hash_password("correct horse battery"),
                    },
                )
                .await
                .unwrap(),
        );
    }
    let sari = env.store.act_as(&users[0]).await.unwrap();
    let budi = env.store.act_as(&users[1]).await.unwrap();
    let mut reg = registration(
        &agency,
        identity("Amina", None, BirthDate::Year { year: 2012 }),
    );
    reg.assigned_to = Some(sari.id().to_owned());
    let case = env.store.register_child(&sari, reg).await.unwrap().case_id;
    let times = ResponseTimes::default();
    let tasks = |u: String| {
        let a = agency.clone();
        async move {
            env.store
                .my_tasks(&u, Some(&a), true, false, &times)
                .await
                .unwrap()
        }
    };
    // A new medium-priority case: its first assessment is due in 3 days.
    let first = tasks(sari.id().to_owned()).await;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].kind, TaskKind::Assessment);
    assert_eq!(first[0].due, today() + chrono::TimeDelta::days(3));

    let who = |n: &str, role| Participant {
        name: name(n),
        organisation: None,
        role,
    };
    let note = |s: &str| NoteText::parse(s).unwrap();
    let mut c = Conference {
        held_on: today().date_naive(),
        participants: vec![
            who("Sari", ParticipantRole::CaseWorker),
            who("Dr Rahman", ParticipantRole::Psychologist),
        ],
        minutes: note("Reviewed the assessment"),
        child_views: Views::Recorded(note("Wants to live with her aunt")),
        decisions: vec![Decision {
            kind: DecisionKind::Placement,
            text: note("Placement with the maternal aunt"),
            best_interests: note("Family-based care near her school"),
            dissent: vec![],
        }],
        tasks: vec![NewTask {
            text: note("Visit the aunt's home"),
            assignee: "nobody".into(),
            priority: PriorityLevel::High,
            due_on: None,
        }],
    };
    // A placement decided without a child-protection lead is refused; nothing is saved.
    let refused = env
        .store
        .record_conference(&sari, &case, c.clone(), &times)
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Domain(DomainError::ChildProtectionLeadRequired))
    ));
    c.participants
        .push(who("Ayu", ParticipantRole::ChildProtectionLead));
    // A task for someone who is not a user fails the whole record.
    assert!(
        env.store
            .record_conference(&sari, &case, c.clone(), &times)
            .await
            .is_err()
    );
    assert!(
        env.store
            .read_conferences(&grant(&case, Section::Plan))
            .await
            .unwrap()
            .is_empty()
    );
    c.tasks[0].assignee = budi.id().to_owned();
    env.store
        .record_conference(&sari, &case, c.clone(), &times)
        .await
        .unwrap();
    let held = env
        .store
        .read_conferences(&grant(&case, Section::Plan))
        .await
        .unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].record, Readable::Present(c.clone()));
    // Budi's task is due in 24 hours (high priority), with its text; Budi is alerted.
    let budi_tasks = tasks(budi.id().to_owned()).await;
    assert_eq!(budi_tasks.len(), 1);
    assert_eq!(budi_tasks[0].kind, TaskKind::Conference);
    assert_eq!(budi_tasks[0].due, today() + chrono::TimeDelta::hours(24));
    assert_eq!(budi_tasks[0].text.as_deref(), Some("Visit the aunt's home"));
    assert!(
        env.store
            .alerts(budi.id())
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "task")
    );
    // Only the assignee (or a supervisor of the agency) marks it done, once.
    let task = budi_tasks[0].id.clone();
    assert!(matches!(
        env.store.complete_task(&sari, &task).await,
        Err(StoreError::Forbidden)
    ));
    env.store.complete_task(&budi, &task).await.unwrap();
    assert!(env.store.complete_task(&budi, &task).await.is_err());
    assert!(tasks(budi.id().to_owned()).await.is_empty());

    // The household: sealed in the family section; a caregiver barred from contact is refused.
    use pelita_domain::family::{Household, Kinship, Living, Member};
    let mut h = Household {
        living: Some(Living::WithRelatives),
        members: vec![Member {
            name: name("Siti"),
            kinship: Kinship::AuntOrUncle,
            caregiver: true,
            lives_with_child: true,
            no_contact: true,
            note: None,
        }],
    };
    assert!(
        env.store
            .save_household(&sari, &case, h.clone())
            .await
            .is_err()
    );
    h.members[0].no_contact = false;
    env.store
        .save_household(&sari, &case, h.clone())
        .await
        .unwrap();
    let read = env
        .store
        .read_household(&grant(&case, Section::Family))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.household, Readable::Present(h));
    let actions: Vec<String> = env
        .store
        .audit_events(50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for a in ["conference.record", "task.complete", "household.save"] {
        assert!(actions.iter().any(|x| x == a), "{a} is audited");
    }
}

async fn interviews_count_every_contact_and_a_repeat_needs_a_reason(env: &Env) {
    use pelita_domain::interview::Purpose;
    use pelita_store::NewInterview;
    let agency = env.agency("DSS").await;
    let case = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Amina", None, BirthDate::Year { year: 2012 }),
            ),
        )
        .await
        .unwrap()
        .case_id;
    let interview = |days_ago: i64, purpose, reason: Option<&str>| NewInterview {
        held_on: today().date_naive() - chrono::Days::new(days_ago as u64),
        purpose,
        present: None,
        reason: reason.map(|r| NoteText::parse(r).unwrap()),
    };
    env.store
        .record_interview(&worker(), &case, interview(10, Purpose::Justice, None), 30)
        .await
        .unwrap();
    let again = env
        .store
        .record_interview(
            &worker(),
            &case,
            interview(0, Purpose::Psychosocial, None),
            30,
        )
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Domain(
            DomainError::RepeatInterviewReasonRequired
        ))
    ));
    assert_eq!(
        env.store.interviews(&case).await.unwrap().len(),
        1,
        "nothing saved"
    );
    env.store
        .record_interview(
            &worker(),
            &case,
            interview(0, Purpose::Psychosocial, Some("Crisis after the hearing")),
            30,
        )
        .await
        .unwrap();
    // Outside the window no reason is asked for.
    env.store
        .record_interview(&worker(), &case, interview(60, Purpose::Health, None), 30)
        .await
        .unwrap();
    let all = env.store.interviews(&case).await.unwrap();
    let purposes: Vec<_> = all.iter().map(|i| i.purpose).collect();
    assert_eq!(
        purposes,
        [Purpose::Psychosocial, Purpose::Justice, Purpose::Health],
        "newest first"
    );
    assert!(
        all.iter()
            .all(|i| !i.assessment && i.interviewer == "system:worker-1")
    );
}

async fn the_detention_register_keeps_the_order_and_its_clocks(env: &Env) {
    use pelita_domain::justice::Stage;
    use pelita_domain::justice::proceeding::NewDetention;
    use pelita_store::{DetentionChange, EndReason};
    let agency = env.agency("DSS").await; // Indonesia
    let reg = registration(
        &agency,
        identity(
            "Rizky",
            None,
            BirthDate::Exact {
                date: d(2010, 3, 4),
            },
        ),
    );
    let case = env
        .store
        .register_child(&worker(), reg)
        .await
        .unwrap()
        .case_id;
    let n = |s: &str| NoteText::parse(s).unwrap();
    let detention = |stage, days_ago: i64| NewDetention {
        stage,
        started_at: today() - chrono::TimeDelta::days(days_ago),
        order: name("SP.Han/12/XI/2026"),
        legal_basis: n("UU SPPA art. 32"),
        alternatives: n("Return to the parents: not safe"),
        best_interests: n("Away from the network"),
        place: n("LPAS Jakarta"),
        separated_from_adults: true,
        parents_notified: true,
    };
    // Indonesia detains only for an offence punishable by 7 years or more (SPPA art. 32(2)).
    use pelita_domain::justice::proceeding::{Forum, NewProceeding, Offence};
    let proceeding = |years| NewProceeding {
        forum: Forum::ChildrenCourt,
        offence: Offence {
            description: n("Carried messages for the group"),
            on: d(2026, 11, 1),
            max_penalty_years: Some(years),
            repeat: false,
        },
        legal_aid: true,
        parents_notified: true,
    };
    env.store
        .open_proceeding(&worker(), &case, proceeding(6))
        .await
        .unwrap();
    assert!(
        env.store
            .start_detention(&worker(), &case, detention(Stage::Investigation, 10))
            .await
            .is_err(),
        "an offence punishable by 6 years does not allow detention"
    );
    env.store
        .open_proceeding(&worker(), &case, proceeding(7))
        .await
        .unwrap();
    let first = env
        .store
        .start_detention(&worker(), &case, detention(Stage::Investigation, 10))
        .await
        .unwrap();
    env.store
        .change_detention(&worker(), &first, DetentionChange::End(EndReason::Released))
        .await
        .unwrap();
    assert!(
        env.store
            .change_detention(&worker(), &first, DetentionChange::Review)
            .await
            .is_err(),
        "an ended episode does not change"
    );
    env.store
        .start_detention(&worker(), &case, detention(Stage::Prosecution, 2))
        .await
        .unwrap();
    // The open episode is a task for the agency's supervisors; the register remembers the
    // first detention.
    assert!(
        env.store
            .open_detentions_for("someone", None)
            .await
            .unwrap()
            .is_empty()
    );
    let open = env
        .store
        .open_detentions_for("someone", Some(&agency))
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    let (episode, _, _) = &open[0];
    assert_eq!(episode.stage, Stage::Prosecution);
    assert_eq!(
        episode.first_detention_at,
        today() - chrono::TimeDelta::days(10)
    );
    let read = env
        .store
        .read_sections(&[grant(&case, Section::Justice)])
        .await
        .unwrap()
        .justice
        .unwrap();
    assert_eq!(read.1.len(), 2);
    assert!(matches!(&read.1[0].details, Some(Readable::Present(x)) if x.place == "LPAS Jakarta"));

    // The indicators, from the register's facts: one child detained (pre-sentence), family
    // contact this week, and one of two episodes past its limit before it ended.
    use pelita_store::ContactKind;
    assert!(
        env.store
            .record_family_contact(&worker(), &case, d(2026, 12, 25), ContactKind::Visit)
            .await
            .is_err(),
        "not in the future"
    );
    env.store
        .record_family_contact(&worker(), &case, d(2026, 11, 27), ContactKind::Visit)
        .await
        .unwrap();
    let i = env.store.justice_indicators(Some(&agency)).await.unwrap();
    assert_eq!(
        (
            i.children_in_detention,
            i.children_in_pre_sentence_detention
        ),
        (1, 1)
    );
    assert_eq!(i.pct_family_contact_3_months, Some(100.0));
    assert_eq!(i.pct_limit_reached_without_release, Some(50.0));
    assert_eq!(i.pct_not_separated_from_adults, Some(0.0));
    assert_eq!(
        env.store
            .justice_indicators(Some("elsewhere"))
            .await
            .unwrap()
            .children_in_detention,
        0
    );

    // Expungement on a court order: nothing of the justice records can be read again, and on
    // SQLite not one byte of their ciphertext is left in the database or its WAL.
    env.store
        .add_note(
            &worker(),
            &case,
            Section::Justice,
            n("Hearing set for Monday"),
        )
        .await
        .unwrap();
    let sealed: Vec<Vec<u8>> = if env.pg.is_none() {
        let mut conn = sqlx::SqliteConnection::connect(&env.url).await.unwrap();
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT record_sealed FROM detentions UNION ALL SELECT body_sealed FROM case_notes \
             WHERE section = 'justice'",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        rows.into_iter().map(|r| r.0).collect()
    } else {
        Vec::new()
    };
    env.store
        .expunge_justice(&admin(), &case, n("Court order 44/Pid.Sus-Anak/2026"))
        .await
        .unwrap();
    let after = env
        .store
        .read_sections(&[grant(&case, Section::Justice)])
        .await
        .unwrap();
    assert_eq!(after.justice.map(|(p, d)| (p.len(), d.len())), Some((0, 0)));
    assert!(after.notes.is_empty(), "justice notes are gone");
    if env.pg.is_none() {
        let bytes = sqlite_bytes(env);
        assert_eq!(sealed.len(), 3);
        for s in &sealed {
            assert!(
                !bytes
                    .windows(s.len().min(48))
                    .any(|w| w == &s[..s.len().min(48)]),
                "expunged ciphertext still in the file"
            );
        }
    }
    assert!(
        env.store
            .audit_events(5)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "justice.expunge")
    );
}

async fn repatriation_is_decided_child_by_child_on_best_interests(env: &Env) {
    use pelita_domain::conference::{
        Conference, Decision, DecisionKind, Participant, ParticipantRole,
    };
    use pelita_domain::plan::Views;
    use pelita_domain::repatriation::best_interests::{
        Assessment, AssessmentDepth, Determination, PanelMember, Question, Record,
    };
    use pelita_domain::repatriation::origin::{
        BirthAbroad, BirthRegistration, Country, Document, DocumentKind, NationalityStatus, Origin,
        Verification, VerificationMethod, VerificationResult,
    };
    use pelita_domain::repatriation::reception::{Admission, Block, Release};
    use pelita_domain::repatriation::workflow::{Phase, Placement, Standing, Step};
    use pelita_domain::task::ResponseTimes;
    use pelita_store::RepatriationChange as Change;
    let agency = env.agency("MGF").await;
    let n = |s: &str| NoteText::parse(s).unwrap();
    let sari = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "sari".into(),
                display_name: "Sari".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency.clone()),
                password_hash: pelita_store::hash_password("correct horse battery"),
            },
        )
        .await
        .unwrap();
    let mut cases = Vec::new();
    for given in ["Aminath", "Hassan"] {
        let mut reg = registration(
            &agency,
            identity(given, None, BirthDate::Year { year: 2017 }),
        );
        reg.assigned_to = Some(sari.clone());
        cases.push(env.store.register_child(&worker(), reg).await.unwrap());
    }
    let (a, b) = (cases[0].case_id.clone(), cases[1].case_id.clone());
    let change = |case: &str, c: Change| {
        let case = case.to_owned();
        async move { env.store.change_repatriation(&worker(), &case, c).await }
    };
    let refused = |r: Result<Option<String>, StoreError>, e: DomainError| match r {
        Err(StoreError::Domain(got)) => assert_eq!(got, e),
        other => panic!("expected {e:?}, got {other:?}"),
    };
    // Siblings travel together: one group, each child's own file.
    change(&a, Change::Open { with: None }).await.unwrap();
    change(
        &b,
        Change::Open {
            with: Some(a.clone()),
        },
    )
    .await
    .unwrap();
    let record = |case: &str| {
        let case = case.to_owned();
        async move {
            env.store
                .read_abroad(&grant(&case, Section::Circumstances))
                .await
                .unwrap()
        }
    };
    assert_eq!(record(&a).await.file.unwrap().group, vec![b.clone()]);

    // Born abroad, DNA-verified: identity and nationality documented.
    let origin = Origin {
        born_abroad: Some(BirthAbroad {
            country: Country::Syria,
            place: Some(name("al-Hol camp")),
            documents: None,
        }),
        nationality: NationalityStatus::Confirmed,
        nationality_country: Some(Country::Maldives),
        birth_registration: BirthRegistration::NotRegistered,
        verifications: vec![Verification {
            method: VerificationMethod::Dna,
            result: VerificationResult::Confirmed,
            verified_by: name("Police forensic laboratory"),
            verified_on: d(2026, 1, 5),
        }],
        ..Origin::default()
    };
    change(&a, Change::SaveOrigin(origin.clone()))
        .await
        .unwrap();
    let before = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(before.children, 2);
    assert_eq!(before.pct_identity_or_nationality_documented, Some(50.0));
    assert_eq!(before.pct_birth_registered, Some(0.0));
    // The brother's record saved twice: the second save replaces the first.
    let mut his = Origin {
        nationality: NationalityStatus::Disputed,
        ..Origin::default()
    };
    change(&b, Change::SaveOrigin(his.clone())).await.unwrap();
    his.documents.push(Document {
        kind: DocumentKind::Passport,
        held: true,
        issued_by: Some(Country::Maldives),
    });
    change(&b, Change::SaveOrigin(his.clone())).await.unwrap();
    let documented = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(
        documented.pct_identity_or_nationality_documented,
        Some(100.0)
    );
    assert_eq!(
        record(&b).await.origin.unwrap().origin,
        Readable::Present(his)
    );

    // A conference cannot decide repatriation before a best-interests assessment, nor
    // separation from the mother before a panel has determined it.
    let conference = |kind: DecisionKind, on: NaiveDate| Conference {
        held_on: on,
        participants: vec![
            Participant {
                name: name("Aisha"),
                organisation: None,
                role: ParticipantRole::ChildProtectionLead,
            },
            Participant {
                name: name("Ibrahim"),
                organisation: None,
                role: ParticipantRole::CaseWorker,
            },
        ],
        minutes: n("Return discussed with the family"),
        child_views: Views::Recorded(n("wants to live with grandmother")),
        decisions: vec![Decision {
            kind,
            text: n("decided"),
            best_interests: n("safety, family unity and schooling at home"),
            dissent: vec![],
        }],
        tasks: vec![],
    };
    let times = ResponseTimes::default();
    let conf = |case: &str, kind, on| {
        let case = case.to_owned();
        let c = conference(kind, on);
        async move {
            env.store
                .record_conference(&worker(), &case, c, &times)
                .await
        }
    };
    match conf(&a, DecisionKind::Repatriation, d(2026, 1, 10)).await {
        Err(StoreError::Domain(DomainError::BestInterestsAssessmentRequired)) => {}
        other => panic!("repatriation without an assessment: {other:?}"),
    }
    let bia = Record::Assessment(Assessment {
        depth: AssessmentDepth::Comprehensive,
        done_on: d(2026, 1, 8),
        child_views: Views::Recorded(n("wants to go to school")),
        findings: n("healthy; close to her brother"),
        recommendation: n("return with her brother"),
    });
    change(&a, Change::BestInterests(bia)).await.unwrap();
    conf(&a, DecisionKind::Repatriation, d(2026, 1, 10))
        .await
        .unwrap();
    match conf(&a, DecisionKind::SeparationFromParent, d(2026, 1, 10)).await {
        Err(StoreError::Domain(DomainError::PanelDeterminationRequired)) => {}
        other => panic!("separation without a panel: {other:?}"),
    }
    let member = |who: &str| PanelMember {
        name: name(who),
        organisation: name("NRC"),
        role: name("psychologist"),
        undertaking: true,
    };
    let panel = Record::Determination(Determination {
        question: Question::SeparationFromParent,
        decided_on: d(2026, 1, 9),
        members: vec![member("Aisha"), member("Ibrahim"), member("Mariyam")],
        child_views: Views::Recorded(n("wants to stay with her brother")),
        reasoning: n("the mother faces charges; the grandmother keeps the siblings together"),
        outcome: n("kinship care with the grandmother"),
        dissent: vec![],
        review_on: d(2026, 7, 9),
    });
    change(&a, Change::BestInterests(panel)).await.unwrap();
    conf(&a, DecisionKind::SeparationFromParent, d(2026, 1, 10))
        .await
        .unwrap();

    // The sister's decision does not carry her brother across the border.
    refused(
        change(&b, Change::Arrive(d(2026, 1, 20))).await,
        DomainError::RepatriationDecisionRequired,
    );
    refused(
        change(
            &a,
            Change::Mark {
                step: Step::HealthCheck,
                on: d(2026, 1, 20),
                note: None,
            },
        )
        .await,
        DomainError::PhaseNotReached,
    );
    change(
        &a,
        Change::Mark {
            step: Step::FamilyUnity,
            on: d(2026, 1, 9),
            note: Some(n("siblings travel together")),
        },
    )
    .await
    .unwrap();
    change(&a, Change::Arrive(d(2026, 1, 20))).await.unwrap();
    change(
        &a,
        Change::Mark {
            step: Step::HealthCheck,
            on: d(2026, 1, 20),
            note: None,
        },
    )
    .await
    .unwrap();
    let status = |case: &str| {
        let g = policy::authorize(
            "liaison-1",
            Role::SecurityLiaison,
            Relationship::HandedOverBy,
            case,
            Section::Status,
            None,
        )
        .unwrap();
        async move { env.store.repatriation_status(&g).await.unwrap() }
    };
    assert_eq!(
        status(&a).await.unwrap().standing,
        Standing::In(Phase::AtBorder)
    );
    assert_eq!(
        status(&b).await.unwrap().standing,
        Standing::In(Phase::BeforeBorder)
    );

    // The brother's return is not pursued for now: nothing more is recorded until it resumes.
    change(
        &b,
        Change::End {
            on: d(2026, 1, 21),
            reason: n("His identity could not be verified before the flight"),
        },
    )
    .await
    .unwrap();
    assert_eq!(status(&b).await.unwrap().standing, Standing::NotPursued);
    refused(
        change(
            &b,
            Change::Mark {
                step: Step::FamilyUnity,
                on: d(2026, 1, 22),
                note: None,
            },
        )
        .await,
        DomainError::RepatriationEnded,
    );
    assert!(matches!(
        record(&b).await.file.unwrap().end_reason,
        Some(Readable::Present(_))
    ));
    change(&b, Change::Resume).await.unwrap();
    assert_eq!(
        status(&b).await.unwrap().standing,
        Standing::In(Phase::BeforeBorder)
    );

    // Reception centre, a review, then the move to family-based care after 40 days.
    let stay = change(
        &a,
        Change::Admit(Admission {
            centre: name("National Reintegration Centre"),
            block: Block::Families,
            admitted_on: d(2026, 1, 20),
            review_every_days: 30,
            planned_release: d(2026, 7, 20),
        }),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        status(&a).await.unwrap().standing,
        Standing::In(Phase::AfterBorder)
    );
    // One stay at a time, and from a centre the child leaves through the stay's release.
    let again = Admission {
        centre: name("Another centre"),
        block: Block::Children,
        admitted_on: d(2026, 1, 21),
        review_every_days: 30,
        planned_release: d(2026, 6, 1),
    };
    refused(
        change(&a, Change::Admit(again)).await,
        DomainError::Invalid { field: "open_stay" },
    );
    refused(
        change(&a, Change::Place(Placement::Family, d(2026, 1, 22))).await,
        DomainError::Invalid { field: "open_stay" },
    );
    let reviews = || {
        let (ag, sari) = (agency.clone(), sari.clone());
        async move {
            env.store
                .my_tasks(&sari, Some(&ag), false, false, &times)
                .await
                .unwrap()
                .into_iter()
                .filter(|t| t.kind == pelita_domain::task::TaskKind::ReceptionReview)
                .count()
        }
    };
    assert_eq!(
        reviews().await,
        1,
        "the overdue review is in the worker's work"
    );
    assert_eq!(record(&a).await.stays[0].next_review, Some(d(2026, 2, 19)));
    let refused_release = change(
        &a,
        Change::Release {
            stay: stay.clone(),
            release: Release {
                on: d(2026, 1, 1),
                to: Placement::Family,
                note: None,
            },
        },
    )
    .await;
    assert!(refused_release.is_err(), "released before admission");
    change(
        &a,
        Change::Release {
            stay: stay.clone(),
            release: Release {
                on: d(2026, 3, 1),
                to: Placement::FamilyBasedCare,
                note: None,
            },
        },
    )
    .await
    .unwrap();
    assert_eq!(reviews().await, 0, "no review after release");
    let after = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(after.arrived, 1);
    assert_eq!(after.placed_in_family_or_community, 1);
    assert_eq!(after.days_arrival_to_placement_median, Some(40.0));
    assert_eq!(after.separation_decisions, 1);
    assert_eq!(after.pct_assessed_before_separation_decision, Some(100.0));
    let read = record(&a).await;
    assert_eq!(read.origin.unwrap().origin, Readable::Present(origin));
    assert_eq!(read.best_interests.len(), 2);
    assert_eq!(read.stays[0].next_review, None, "no reviews after release");
    let progress = read.file.unwrap().progress;
    for step in [
        Step::IdentityVerification,
        Step::NationalityVerification,
        Step::BestInterestsAssessment,
        Step::Decision,
        Step::Arrival,
        Step::Reception,
    ] {
        assert!(
            progress.done.contains_key(&step),
            "{step:?} follows from its record"
        );
    }
    let actions: Vec<String> = env
        .store
        .audit_events(100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for x in [
        "origin.save",
        "repatriation.open",
        "best_interests.assessment",
        "best_interests.determination",
        "repatriation.arrival",
        "reception.admit",
        "reception.release",
    ] {
        assert!(actions.iter().any(|y| y == x), "{x} is audited");
    }
    // Erasing the child leaves no readable record abroad.
    env.store
        .erase_child(&admin(), &cases[0].child_id, "court order 7/2026")
        .await
        .unwrap();
    assert!(matches!(
        record(&a).await.origin.unwrap().origin,
        Readable::Erased { .. }
    ));
}

/// Every role × change × standing of the write table, through the store itself with real
/// accounts: the store refuses what the table refuses (whatever the caller claims), and lets
/// through what it allows (which may then meet the feature's own rules, but never a refusal of
/// permission). No page or API handler is involved.
async fn the_write_policy_holds_in_the_store_for_every_role_change_and_standing(env: &Env) {
    use pelita_domain::assessment::Instrument;
    use pelita_domain::conference::{Conference, Participant, ParticipantRole};
    use pelita_domain::consent::{Decision, Entry, Giver, Purpose};
    use pelita_domain::family::Household;
    use pelita_domain::plan::{Plan, Views};
    use pelita_domain::policy::write::{self, Change, Standing};
    use pelita_store::{NewAssessment, NewInterview, NewReferral, Reader, RepatriationChange};
    let agency = |code: &'static str, sector| async move {
        env.store
            .create_agency(
                &admin(),
                NewAgency {
                    code: code.into(),
                    name: code.into(),
                    sector,
                    jurisdiction: "ID".into(),
                },
            )
            .await
            .unwrap()
    };
    let home = agency("HOME", Sector::ChildProtection).await;
    let receiving = agency("RECV", Sector::ChildProtection).await;
    let elsewhere = agency("ELSE", Sector::ChildProtection).await;
    let clinic = agency("CLNC", Sector::Health).await;
    let school = agency("SKUL", Sector::Education).await;
    let user = |name: String, role: Role, agency: String| async move {
        env.store
            .create_user(
                &admin(),
                NewUser {
                    username: name.clone(),
                    display_name: name,
                    role,
                    agency_id: Some(agency),
                    password_hash: "not used".into(),
                },
            )
            .await
            .unwrap()
    };
    let lead = user("lead".into(), Role::CaseWorker, home.clone()).await;
    // The operator standing in for a supervisor: sets up referrals without asking the table.
    let operator = Actor::operator_in("setup", Role::Supervisor);
    let note = |s: &str| NoteText::parse(s).unwrap();
    let today = today().date_naive();
    let shared: Vec<Section> = pelita_store::shareable_with(Sector::ChildProtection);
    let instrument = |section| {
        Instrument::defaults()
            .into_iter()
            .find(|i| i.section == section)
            .unwrap()
    };
    let mut reached = std::collections::HashSet::new();
    let mut cells = 0;
    for role in Role::ALL {
        for standing in Standing::ALL {
            let at = match standing {
                Standing::Lead | Standing::Supervisor | Standing::SameAgency => home.clone(),
                Standing::Receiving => receiving.clone(),
                _ => elsewhere.clone(),
            };
            let me = user(format!("{role}.{}", standing.as_str()), role, at.clone()).await;
            let mut reg = registration(
                &home,
                identity("Amina", None, BirthDate::Year { year: 2012 }),
            );
            reg.assigned_to = Some(if standing == Standing::Lead {
                me.clone()
            } else {
                lead.clone()
            });
            let r = env.store.register_child(&admin(), reg).await.unwrap();
            let case = r.case_id.clone();
            match standing {
                Standing::Team => env.store.add_team_member(&admin(), &case, &me).await,
                Standing::HandedOverBy => env.store.set_handed_over_by(&admin(), &case, &me).await,
                Standing::Receiving => {
                    let id = env
                        .store
                        .refer(
                            &operator,
                            &case,
                            NewReferral {
                                to_agency: receiving.clone(),
                                sections: shared.clone(),
                                reason: note("Family support near the child's home"),
                                override_justification: Some(note(
                                    "Walk of the write policy: consent set aside",
                                )),
                            },
                        )
                        .await
                        .unwrap();
                    env.store
                        .move_referral(
                            &admin(),
                            &id,
                            pelita_domain::referral::ReferralStatus::Accepted,
                            None,
                        )
                        .await
                }
                _ => Ok(()),
            }
            .unwrap();
            // The child and caregiver agreed to a referral to health services: a referral
            // there meets only the write table.
            for giver in [Giver::Child, Giver::Caregiver] {
                let entry = Entry {
                    purpose: Purpose::Referral(Sector::Health),
                    giver,
                    decision: Decision::Given,
                    on: today,
                    expires: None,
                };
                env.store
                    .record_consent(&admin(), &case, entry, None)
                    .await
                    .unwrap();
            }
            let reader = Reader {
                id: me.clone(),
                role,
                agency_id: Some(at.clone()),
            };
            if env.store.case_meta(&case).await.unwrap().standing(&reader) != standing {
                // Unreachable for this role (a supervisor in the holding agency stands as its
                // supervisor, another role never does).
                continue;
            }
            reached.insert(standing);
            let actor = env.store.act_as(&me).await.unwrap();
            let mut changes = Change::all();
            // Closing last: the other changes are tried on an open case.
            changes.retain(|c| *c != Change::Close);
            changes.push(Change::Close);
            for change in changes {
                let s = &env.store;
                let result = match change {
                    Change::Identity => {
                        s.update_identity(
                            &actor,
                            &r.child_id,
                            identity("Amina", Some("R"), BirthDate::Year { year: 2012 }),
                        )
                        .await
                    }
                    Change::Circumstances => {
                        s.record_circumstances(&actor, &case, circumstances()).await
                    }
                    Change::Status => {
                        s.set_priority(
                            &actor,
                            &case,
                            Priority::new(PriorityLevel::High, "urgent medical follow-up").unwrap(),
                        )
                        .await
                    }
                    Change::Close => {
                        s.move_case(
                            &actor,
                            &case,
                            CaseStatus::Closed,
                            Some("reintegrated".into()),
                        )
                        .await
                    }
                    Change::Team => {
                        let keep = s.case_meta(&case).await.unwrap().assigned_to;
                        s.assign(&actor, &case, keep).await
                    }
                    Change::Note(section) => s
                        .add_note(&actor, &case, section, note("seen today"))
                        .await
                        .map(|_| ()),
                    Change::Consent => {
                        let entry = Entry {
                            purpose: Purpose::Research,
                            giver: Giver::Caregiver,
                            decision: Decision::Refused,
                            on: today,
                            expires: None,
                        };
                        s.record_consent(&actor, &case, entry, None)
                            .await
                            .map(|_| ())
                    }
                    Change::Refer | Change::ConsentOverride => {
                        let (to, section, justification) = if change == Change::Refer {
                            (&clinic, Section::Health, None)
                        } else {
                            (
                                &school,
                                Section::Education,
                                Some(note("School re-entry cannot wait for the caregiver")),
                            )
                        };
                        s.refer(
                            &actor,
                            &case,
                            NewReferral {
                                to_agency: to.clone(),
                                sections: vec![section],
                                reason: note("Needs the service near home"),
                                override_justification: justification,
                            },
                        )
                        .await
                        .map(|_| ())
                    }
                    Change::Assessment(section) => {
                        let a = NewAssessment {
                            on: today,
                            language: "id".into(),
                            assent: pelita_store::Assent::Given,
                            present: None,
                            answers: Default::default(),
                        };
                        s.record_assessment(&actor, &case, &instrument(section), a)
                            .await
                            .map(|_| ())
                    }
                    Change::Plan => {
                        let plan = Plan {
                            goals: vec![],
                            child_views: Views::Recorded(note("wants to go back to school")),
                            caregiver_views: Views::Missing,
                            review_on: None,
                        };
                        s.save_plan(&actor, &case, plan).await
                    }
                    Change::ApprovePlan => s.approve_plan(&actor, &case).await,
                    Change::Conference => {
                        let who = |n: &str| Participant {
                            name: name(n),
                            organisation: None,
                            role: ParticipantRole::CaseWorker,
                        };
                        let c = Conference {
                            held_on: today,
                            participants: vec![who("Sari"), who("Budi")],
                            minutes: note("Reviewed the week"),
                            child_views: Views::Missing,
                            decisions: vec![],
                            tasks: vec![],
                        };
                        let times = pelita_domain::task::ResponseTimes::default();
                        s.record_conference(&actor, &case, c, &times)
                            .await
                            .map(|_| ())
                    }
                    Change::Household => {
                        let h = Household {
                            living: None,
                            members: vec![],
                        };
                        s.save_household(&actor, &case, h).await
                    }
                    Change::Interview(section) => {
                        let purpose = pelita_domain::interview::Purpose::ALL
                            .into_iter()
                            .find(|p| p.section() == section)
                            .unwrap();
                        let i = NewInterview {
                            held_on: today,
                            purpose,
                            present: None,
                            reason: Some(note("the court asked for it this week")),
                        };
                        s.record_interview(&actor, &case, i, 30).await.map(|_| ())
                    }
                    Change::Justice => {
                        s.record_family_contact(
                            &actor,
                            &case,
                            today,
                            pelita_store::ContactKind::Visit,
                        )
                        .await
                    }
                    Change::CourtOrder => {
                        s.open_sealed_justice(&actor, &case, note("PN Jakarta 12/2026"))
                            .await
                    }
                    Change::Expunge => {
                        s.expunge_justice(&actor, &case, note("PN Jakarta 13/2026"))
                            .await
                    }
                    Change::Repatriation => s
                        .change_repatriation(&actor, &case, RepatriationChange::Open { with: None })
                        .await
                        .map(|_| ()),
                };
                let expected = write::may_change(role, change, standing)
                    && (standing != Standing::Receiving || shared.contains(&change.section()));
                let refused = match &result {
                    Err(StoreError::Forbidden) => true,
                    // The consent gate answers a non-supervisor's override before the store
                    // reaches the table, with its own refusal.
                    Err(StoreError::Domain(_)) if change == Change::ConsentOverride => {
                        role != Role::Supervisor
                    }
                    _ => false,
                };
                assert_eq!(
                    !refused,
                    expected,
                    "{role} / {} / {}: {result:?}",
                    change.label(),
                    standing.as_str()
                );
                cells += 1;
            }
        }
    }
    assert_eq!(reached.len(), Standing::ALL.len(), "{reached:?}");
    assert!(cells > Role::ALL.len() * 5 * Change::all().len(), "{cells}");

    // An actor cannot be built by hand (the `compile_fail` example on `Actor`); one the store
    // made goes stale. A supervisor moved to teaching keeps the actor made while a
    // supervisor, and it is refused: the store reads the role the account has now.
    let teacher = user("teacher".into(), Role::Supervisor, home.clone()).await;
    let stale = env.store.act_as(&teacher).await.unwrap();
    env.store
        .set_role(&admin(), &teacher, Role::Education)
        .await
        .unwrap();
    let mut reg = registration(
        &home,
        identity("Putri", None, BirthDate::Year { year: 2013 }),
    );
    reg.assigned_to = Some(lead.clone());
    let case = env
        .store
        .register_child(&admin(), reg)
        .await
        .unwrap()
        .case_id;
    env.store
        .add_team_member(&admin(), &case, &teacher)
        .await
        .unwrap();
    assert_eq!(stale.role(), Role::Supervisor);
    assert!(matches!(
        env.store
            .move_case(&stale, &case, CaseStatus::Closed, Some("stale".into()))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        env.store
            .add_note(&stale, &case, Section::Psychosocial, note("x"))
            .await,
        Err(StoreError::Forbidden)
    ));
    // What the teacher may change, the same actor still changes.
    env.store
        .add_note(&stale, &case, Section::Education, note("reading well"))
        .await
        .unwrap();
    // An id shaped like the operator's is no operator, and an unknown account is no actor.
    for id in ["system:test", "no-such-user"] {
        assert!(matches!(
            env.store.act_as(id).await,
            Err(StoreError::NotFound)
        ));
    }
    // A disabled account changes nothing, with an actor made before or after.
    let lead_actor = env.store.act_as(&lead).await.unwrap();
    env.store.set_disabled(&admin(), &lead, true).await.unwrap();
    assert!(matches!(
        env.store
            .add_note(&lead_actor, &case, Section::Plan, note("after leaving"))
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        env.store.act_as(&lead).await,
        Err(StoreError::Forbidden)
    ));
}

/// A break-glass reason often names the child or their situation: it is sealed with the
/// child's key (no plaintext in the file), erasure reaches it, and reasons an earlier release
/// kept in plain text are sealed when the store next opens.
async fn break_glass_reasons_are_sealed_and_erasure_reaches_them(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Zahra", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let why = "Zahra's grandmother phoned about Kertawijaya";
    let opened = policy::authorize(
        "auditor-1",
        Role::Auditor,
        Relationship::None,
        &r.case_id,
        Section::Health,
        Some(why),
    )
    .unwrap();
    env.store.read_sections(&[opened]).await.unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert_eq!(log[0].justification.as_deref(), Some(why));
    if env.pg.is_none() {
        assert!(!contains(&sqlite_bytes(env), "Kertawijaya"));
    }
    // A reason an earlier release wrote in plain text is sealed at the next start.
    env.tamper(&format!(
        "INSERT INTO access_log (at, reader, case_id, section, justification) \
         VALUES (1, 'auditor-2', '{}', 'family', 'legacy reason about Kertawijaya')",
        r.case_id
    ))
    .await;
    let reopened = Store::open(StoreConfig {
        url: env.url.clone(),
        key: env.key.clone(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await
    .unwrap();
    let log = reopened.access_log_for_case(&r.case_id).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.justification.as_deref() == Some("legacy reason about Kertawijaya"))
    );
    let plaintext: i64 = if env.pg.is_some() {
        let mut c = sqlx::PgConnection::connect(&env.url).await.unwrap();
        sqlx::query_scalar("SELECT COUNT(*) FROM access_log WHERE justification IS NOT NULL")
            .fetch_one(&mut c)
            .await
            .unwrap()
    } else {
        let mut c = sqlx::SqliteConnection::connect(&env.url).await.unwrap();
        sqlx::query_scalar("SELECT COUNT(*) FROM access_log WHERE justification IS NOT NULL")
            .fetch_one(&mut c)
            .await
            .unwrap()
    };
    assert_eq!(plaintext, 0, "the plaintext column is cleared");
    reopened.close().await;
    // Erased, the reasons read as nothing: the key that sealed them is gone.
    env.store
        .erase_child(
            &admin(),
            &r.child_id,
            "the child's request, recorded on paper",
        )
        .await
        .unwrap();
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert!(log.iter().all(|e| e.justification.is_none()), "{log:?}");
    if env.pg.is_none() {
        assert!(!contains(&sqlite_bytes(env), "Kertawijaya"));
    }
}

/// Item 16 of issue 13: after a commit fails on I/O (a failed fsync) nothing of the database
/// file is known any more. The writer stops for good: the failing batch's callers and every
/// later write get `Halted`, reads go on, and only a new process writes again. A command's
/// own refusal is not that: it fails alone and the writer goes on.
async fn a_failed_commit_halts_the_writer_and_a_refused_command_does_not(env: &Env) {
    let agency = env.agency("DSS").await;
    let reg = |given: &str| registration(&agency, identity(given, None, BirthDate::Unknown));
    let r = env
        .store
        .register_child(&worker(), reg("Rakib"))
        .await
        .unwrap();
    // Refusals, alone and inside a batch of good writes, roll back only themselves.
    let skip = env
        .store
        .move_case(&worker(), &r.case_id, CaseStatus::Closed, None)
        .await;
    assert!(skip.as_ref().is_err_and(StoreError::is_refusal), "{skip:?}");
    let mut batch = Vec::new();
    for i in 0..8 {
        let s = env.store.clone();
        let case = r.case_id.clone();
        batch.push(tokio::spawn(async move {
            if i % 2 == 0 {
                let note = NoteText::parse("visit").unwrap();
                s.add_note(&worker(), &case, Section::Family, note)
                    .await
                    .map(|_| ())
            } else {
                let taken = NewAgency {
                    code: "DSS".into(),
                    name: "again".into(),
                    sector: Sector::ChildProtection,
                    jurisdiction: "ID".into(),
                };
                match s.create_agency(&admin(), taken).await {
                    Err(StoreError::Conflict(_)) => Ok(()),
                    other => panic!("a taken code is refused alone: {other:?}"),
                }
            }
        }));
    }
    for t in batch {
        t.await.unwrap().unwrap();
    }
    assert_eq!(env.store.writer_state(), pelita_store::WriterState::Running);
    let events_before = env.store.counts().await.unwrap().2;

    // The storage fails at the next commit, as a failed fsync does, under a batch of writers.
    env.store.fail_next_commits(1);
    let mut writers = Vec::new();
    for i in 0..6 {
        let s = env.store.clone();
        let case = r.case_id.clone();
        writers.push(tokio::spawn(async move {
            s.add_note(
                &worker(),
                &case,
                Section::Family,
                NoteText::parse(&format!("visit {i}")).unwrap(),
            )
            .await
        }));
    }
    for w in writers {
        let e = w.await.unwrap().unwrap_err();
        assert!(matches!(e, StoreError::Halted), "{e:?}");
    }
    assert!(env.store.is_halted());
    assert_eq!(env.store.writer_state(), pelita_store::WriterState::Halted);
    assert_eq!(env.store.writer_state().as_str(), "halted");
    // Every later write, of any kind, is answered without touching the database — the fault
    // was injected once, so a writer that went on would succeed here.
    let later = env.store.register_child(&worker(), reg("Nusrat")).await;
    assert!(matches!(later, Err(StoreError::Halted)), "{later:?}");
    let sys = admin();
    let later = env.store.create_agency(
        &sys,
        NewAgency {
            code: "KPAI".into(),
            name: "KPAI".into(),
            sector: Sector::ChildProtection,
            jurisdiction: "ID".into(),
        },
    );
    assert!(matches!(later.await, Err(StoreError::Halted)));
    assert!(!StoreError::Halted.is_refusal());
    assert!(StoreError::Halted.to_string().contains("restart Pelita"));
    // Reads go on: the case, its status, the chain (intact: here the failed batch was rolled
    // back; a real failure leaves that unknown, which is why nothing is written after it).
    assert_eq!(env.store.case_meta(&r.case_id).await.unwrap().id, r.case_id);
    assert_eq!(
        case_of(env, &r.case_id).await.case.status,
        CaseStatus::Registered
    );
    assert_eq!(env.store.counts().await.unwrap().2, events_before);
    let report = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!(report.first_break, None);
    // A read that must be logged before its data leaves the store cannot be logged: refused
    // as well, never served unlogged.
    let sensitive = env
        .store
        .read_identity(&grant(&r.case_id, Section::Identity))
        .await;
    assert!(
        matches!(sensitive, Err(StoreError::Halted)),
        "{sensitive:?}"
    );

    // A restart (a new store on the same database) writes again.
    let restarted = Store::open(StoreConfig {
        url: env.url.clone(),
        key: env.key.clone(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await
    .unwrap();
    assert_eq!(restarted.writer_state(), pelita_store::WriterState::Running);
    restarted
        .register_child(&worker(), reg("Nusrat"))
        .await
        .unwrap();
    restarted.close().await;
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

/// Item 12 of issue 13: victim status held against UPDATE, but `REPLACE INTO cases` (a delete
/// and an insert) cleared it. Every path that could change the column is refused by the
/// database itself, whatever SQL reaches it. Removing any of migration 0013's triggers makes
/// one of these statements succeed and this test fail.
async fn a_victims_case_is_never_deleted_replaced_or_rekeyed(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut reg = registration(&agency, identity("Rakib", None, BirthDate::Unknown));
    reg.circumstances = Some(circumstances());
    let victim = env.store.register_child(&worker(), reg).await.unwrap();
    let other = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Amina", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let (v, o) = (&victim.case_id, &other.case_id);
    let without = case_without_victim_status(v);
    let copy_of_victim_as_other = format!(
        "SELECT '{o}', child_id, agency_id, reference || '-x', status, priority, priority_sealed, \
         assigned_to, NULL, circumstances_sealed, reopened, version, created_at, updated_at \
         FROM cases WHERE id = '{v}'"
    );
    let mut attempts = vec![
        format!("DELETE FROM cases WHERE id = '{v}'"),
        format!("DELETE FROM cases WHERE id = '{o}'"),
        "DELETE FROM cases".to_owned(),
        format!("UPDATE cases SET id = 'moved' WHERE id = '{v}'"),
        format!("UPDATE cases SET reference = 'DSS-1999-00001' WHERE id = '{v}'"),
        format!("UPDATE cases SET victim_since = NULL WHERE id = '{v}'"),
        // One by one, in one transaction: the delete is refused, so the insert never comes.
        format!(
            "BEGIN; CREATE TEMP TABLE keep AS {without}; DELETE FROM cases WHERE id = '{v}'; \
             INSERT INTO cases ({CASE_COLUMNS}) SELECT * FROM keep; COMMIT"
        ),
    ];
    if env.pg.is_some() {
        attempts.extend([
            "TRUNCATE cases CASCADE".to_owned(),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = NULL"
            ),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = excluded.victim_since"
            ),
            format!(
                "MERGE INTO cases c USING (SELECT '{v}' AS id) s ON c.id = s.id \
                 WHEN MATCHED THEN DELETE"
            ),
        ]);
    } else {
        attempts.extend([
            format!("REPLACE INTO cases ({CASE_COLUMNS}) {without}"),
            format!("INSERT OR REPLACE INTO cases ({CASE_COLUMNS}) {without}"),
            // With delete triggers on for REPLACE, which a connection may choose.
            format!(
                "PRAGMA recursive_triggers = ON; REPLACE INTO cases ({CASE_COLUMNS}) {without}"
            ),
            // Onto the victim's reference from another row: REPLACE deletes the victim's case.
            format!(
                "REPLACE INTO cases ({CASE_COLUMNS}) SELECT 'new-case', child_id, agency_id, \
                 reference, status, priority, priority_sealed, assigned_to, NULL, \
                 circumstances_sealed, reopened, version, created_at, updated_at \
                 FROM cases WHERE id = '{v}'"
            ),
            format!(
                "UPDATE OR REPLACE cases SET reference = '{}' WHERE id = '{o}'",
                victim.reference
            ),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = NULL"
            ),
            format!("INSERT OR REPLACE INTO cases ({CASE_COLUMNS}) {copy_of_victim_as_other}"),
        ]);
    }
    for sql in &attempts {
        let r = env.try_sql(sql).await;
        assert!(r.is_err(), "the database let this through: {sql}");
    }
    let case = case_of(env, v).await;
    assert!(case.case.victim_status().is_recognised());
    assert_eq!(case.case.reference, victim.reference);
    assert!(env.store.case_meta(o).await.is_ok());
    // The store's own writes still change cases in place.
    env.store
        .move_case(&worker(), v, CaseStatus::Assessed, None)
        .await
        .unwrap();
    env.store
        .record_circumstances(&worker(), o, circumstances())
        .await
        .unwrap();
    assert!(case_of(env, o).await.case.victim_status().is_recognised());
    assert_eq!(env.store.verify_state().await.unwrap(), vec![]);
}

/// What the triggers cannot stop — someone who may drop them — `pelita audit verify` names:
/// the chain stays intact, so the database is checked against the chain's facts.
async fn audit_verify_names_each_case_whose_state_contradicts_the_chain(env: &Env) {
    use pelita_store::Invariant;
    let agency = env.agency("DSS").await;
    let clinic = env
        .store
        .create_agency(
            &admin(),
            NewAgency {
                code: "PKM".into(),
                name: "Clinic".into(),
                sector: Sector::Health,
                jurisdiction: "ID".into(),
            },
        )
        .await
        .unwrap();
    let reg = |given: &str| registration(&agency, identity(given, None, BirthDate::Unknown));
    let mut at_registration = reg("Rakib");
    at_registration.circumstances = Some(circumstances());
    let victim = env
        .store
        .register_child(&worker(), at_registration)
        .await
        .unwrap();
    let later = env
        .store
        .register_child(&worker(), reg("Amina"))
        .await
        .unwrap();
    env.store
        .record_circumstances(&worker(), &later.case_id, circumstances())
        .await
        .unwrap();
    let moved = env
        .store
        .register_child(&worker(), reg("Siti"))
        .await
        .unwrap();
    env.store
        .move_case(&worker(), &moved.case_id, CaseStatus::Assessed, None)
        .await
        .unwrap();
    let supervisor = Actor::operator_in("supervisor", Role::Supervisor);
    let referral = env
        .store
        .refer(
            &supervisor,
            &moved.case_id,
            pelita_store::NewReferral {
                to_agency: clinic.clone(),
                sections: vec![Section::Health],
                reason: NoteText::parse("Needs a health check").unwrap(),
                override_justification: Some(
                    NoteText::parse("The injury cannot wait for the caregiver's answer").unwrap(),
                ),
            },
        )
        .await
        .unwrap();
    env.store
        .move_referral(
            &worker(),
            &referral,
            pelita_domain::referral::ReferralStatus::Accepted,
            None,
        )
        .await
        .unwrap();
    let erased = env
        .store
        .register_child(&worker(), reg("Nur"))
        .await
        .unwrap();
    env.store
        .erase_child(&worker(), &erased.child_id, "court order 12/2026")
        .await
        .unwrap();
    // Everything the store wrote agrees with its chain.
    assert_eq!(env.store.verify_state().await.unwrap(), vec![]);

    // Someone with the rights to drop the triggers does what they stopped.
    let (v, l, m) = (&victim.case_id, &later.case_id, &moved.case_id);
    if env.pg.is_some() {
        env.tamper("ALTER TABLE cases DISABLE TRIGGER USER").await;
        env.tamper(&format!(
            "CREATE TEMP TABLE keep AS {}; DELETE FROM cases WHERE id = '{v}'; \
             INSERT INTO cases ({CASE_COLUMNS}) SELECT * FROM keep",
            case_without_victim_status(v)
        ))
        .await;
    } else {
        for t in [
            "cases_never_replaced",
            "cases_never_deleted",
            "cases_keys_fixed",
            "cases_victim_status_permanent",
        ] {
            env.tamper(&format!("DROP TRIGGER {t}")).await;
        }
        env.tamper(&format!(
            "REPLACE INTO cases ({CASE_COLUMNS}) {}",
            case_without_victim_status(v)
        ))
        .await;
    }
    env.tamper(&format!(
        "UPDATE cases SET victim_since = NULL WHERE id = '{l}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE cases SET status = 'closed' WHERE id = '{m}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE referrals SET status = 'declined' WHERE id = '{referral}'"
    ))
    .await;
    env.tamper(&format!(
        "UPDATE children SET wrapped_key = (SELECT wrapped_key FROM children WHERE id = '{}') \
         WHERE id = '{}'",
        victim.child_id, erased.child_id
    ))
    .await;
    env.tamper(&format!(
        "INSERT INTO cases ({CASE_COLUMNS}) SELECT 'unregistered', child_id, agency_id, \
         'DSS-1999-00009', status, priority, NULL, NULL, NULL, NULL, 0, 1, created_at, \
         updated_at FROM cases WHERE id = '{m}'"
    ))
    .await;
    // Now the victim's case is served as not a victim, and the chain is intact.
    assert!(!case_of(env, v).await.case.victim_status().is_recognised());
    let report = env.store.verify_audit(&|_, _| {}).await.unwrap();
    assert_eq!(report.first_break, None);
    let mut found: Vec<(Invariant, String, Option<String>)> = env
        .store
        .verify_state()
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.invariant, v.case_id, v.referral_id))
        .collect();
    found.sort();
    let mut expected = vec![
        (Invariant::VictimStatus, v.clone(), None),
        (Invariant::VictimStatus, l.clone(), None),
        (Invariant::CaseRegistered, "unregistered".to_owned(), None),
        (Invariant::CaseStatus, m.clone(), None),
        (Invariant::ReferralStatus, m.clone(), Some(referral.clone())),
        (Invariant::ErasureHolds, erased.case_id.clone(), None),
    ];
    expected.sort();
    assert_eq!(found, expected);
    let line = env.store.verify_state().await.unwrap()[0].to_string();
    assert!(line.contains(v) && line.contains("victim_status"), "{line}");

    // A case deleted outright (its rows below it first) is named as missing.
    let gone = env
        .store
        .register_child(&worker(), reg("Dewi"))
        .await
        .unwrap();
    env.tamper(&format!(
        "DELETE FROM case_team WHERE case_id = '{0}'; DELETE FROM cases WHERE id = '{0}'",
        gone.case_id
    ))
    .await;
    let found = env.store.verify_state().await.unwrap();
    assert!(
        found
            .iter()
            .any(|f| f.invariant == Invariant::CaseExists && f.case_id == gone.case_id),
        "{found:?}"
    );
}

/// Invariant 10: every change to a case by someone other than its assigned worker leaves that
/// worker an alert — of every kind, as each command declares what it changes — and a change
/// by the worker themself leaves none.
async fn every_change_by_someone_else_alerts_the_assigned_worker(env: &Env) {
    let agency = env.agency("DSS").await;
    let person = |name: &str, role| NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
        agency_id: Some(agency.clone()),
        password_hash: "not used".into(),
    };
    let lead = env
        .store
        .create_user(&admin(), person("lead", Role::CaseWorker))
        .await
        .unwrap();
    let sup = env
        .store
        .create_user(&admin(), person("sup", Role::Supervisor))
        .await
        .unwrap();
    let (lead, sup) = (
        env.store.act_as(&lead).await.unwrap(),
        env.store.act_as(&sup).await.unwrap(),
    );
    let mut reg = registration(
        &agency,
        identity("Nadia", None, BirthDate::Year { year: 2012 }),
    );
    reg.assigned_to = Some(lead.id().to_owned());
    let r = env.store.register_child(&lead, reg).await.unwrap();
    let whats = || async {
        env.store
            .alerts(lead.id())
            .await
            .unwrap()
            .iter()
            .map(|a| {
                serde_json::from_str::<serde_json::Value>(&a.detail).unwrap()["what"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect::<Vec<_>>()
    };
    // The lead's own change: no alert.
    env.store
        .add_note(
            &lead,
            &r.case_id,
            Section::Family,
            NoteText::parse("visit").unwrap(),
        )
        .await
        .unwrap();
    assert!(whats().await.is_empty());
    env.store
        .update_identity(
            &sup,
            &r.child_id,
            identity("Nadia", Some("Rahman"), BirthDate::Year { year: 2012 }),
        )
        .await
        .unwrap();
    let i = pelita_store::NewInterview {
        held_on: today().date_naive(),
        purpose: pelita_domain::interview::Purpose::Health,
        present: None,
        reason: None,
    };
    env.store
        .record_interview(&sup, &r.case_id, i, 30)
        .await
        .unwrap();
    env.store
        .assign(&sup, &r.case_id, Some(lead.id().to_owned()))
        .await
        .unwrap();
    env.store
        .set_priority(
            &sup,
            &r.case_id,
            Priority::new(PriorityLevel::High, "urgent medical follow-up").unwrap(),
        )
        .await
        .unwrap();
    let mut got = whats().await;
    got.sort();
    assert_eq!(got, ["identity", "interview", "priority", "team"]);
}

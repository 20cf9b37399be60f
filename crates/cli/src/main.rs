//! The `pelita` binary.

mod bench;
mod config;
mod demo;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use pelita_domain::role::Role;
use pelita_store::{Actor, NewUser, Store};

use crate::config::Settings;

#[derive(Parser)]
#[command(
    name = "pelita",
    version,
    about = "Case management for children associated with armed and terrorist groups"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(clap::Args, Clone)]
pub struct Common {
    /// Data directory: key file, configuration and the SQLite database.
    #[arg(long, env = "PELITA_DATA_DIR")]
    data_dir: PathBuf,
    /// Database URL: a SQLite file path (default DATA_DIR/pelita.db) or postgres://…
    #[arg(long)]
    database: Option<String>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create a data directory: deployment key (mode 0600), database and a first administrator.
    Init(Common),
    /// Serve HTTP.
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on.
        #[arg(long)]
        listen: Option<String>,
    },
    /// Initialise if needed, load a demo dataset, and serve.
    Demo {
        #[arg(long, default_value = "pelita-demo")]
        data_dir: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
        /// Children in the demo dataset.
        #[arg(long, default_value_t = 300)]
        children: u64,
    },
    /// Audit chain tools.
    Audit {
        #[command(subcommand)]
        command: AuditCmd,
    },
    /// A consistent online copy of the database.
    Backup {
        #[command(flatten)]
        common: Common,
        /// The file to write; it must not exist.
        #[arg(long)]
        to: PathBuf,
    },
    /// Fill a deployment with realistic generated data, deterministic by seed.
    Generate {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        children: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Erase a child: destroys the child's data key, so every record of the child, in the
    /// database and in any later backup, becomes unreadable. Audited; cannot be undone.
    Erase {
        #[command(flatten)]
        common: Common,
        /// Reference of a case of the child, e.g. DSJKT-2026-00042.
        #[arg(long)]
        case: String,
        /// Why (a court order, a retention rule); kept with the erasure.
        #[arg(long)]
        reason: String,
    },
    /// Print the access policy table (the source of docs/access-policy.md).
    Policy,
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCmd,
    },
    /// Personal access tokens for the JSON API.
    Token {
        #[command(subcommand)]
        command: TokenCmd,
    },
    /// Restore a SQLite backup into DIR (stop Pelita first). Erasures recorded in the current
    /// database are repeated on the restored copy, so a child erased after the backup was made
    /// stays erased. The current database is kept beside it as pelita.db.before-restore.
    Restore {
        #[command(flatten)]
        common: Common,
        /// The backup file made by `pelita backup`.
        #[arg(long)]
        from: PathBuf,
    },
    /// The benchmark harness: generated deployments of each size on SQLite and PostgreSQL,
    /// in-process and HTTP figures beside their baselines, written to target/bench/report.json.
    Bench(bench::Args),
}

#[derive(Subcommand)]
enum UserCmd {
    /// Add a user; the password is read from standard input.
    Add {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        username: String,
        /// One of: case_worker, supervisor, psychologist, health, education, justice,
        /// security_liaison, researcher, administrator, auditor.
        #[arg(long)]
        role: String,
        /// Agency code (e.g. DSJKT); not needed for administrators and auditors.
        #[arg(long)]
        agency: Option<String>,
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from standard input (the only way: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCmd {
    /// Create a personal access token; it is printed once.
    Create {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        username: String,
        /// Lifetime, e.g. 30d or 12h (default 30d).
        #[arg(long, default_value = "30d")]
        expires: String,
        #[arg(long, default_value = "cli")]
        label: String,
        /// The token may only read (GET endpoints and search).
        #[arg(long)]
        read_only: bool,
    },
    /// Revoke every token of a user.
    Revoke {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        username: String,
    },
}

fn scope(read_only: bool) -> pelita_store::TokenScope {
    if read_only {
        pelita_store::TokenScope::Read
    } else {
        pelita_store::TokenScope::ReadWrite
    }
}

#[derive(Subcommand)]
enum AuditCmd {
    /// Check the hash chain, then the database against the chain's facts (victim status,
    /// cases, statuses, referrals, erasures). Exits 2 naming the first bad event, 3 naming
    /// each case whose state contradicts an intact chain.
    Verify(Common),
}

fn bar(len: u64, what: &str) -> ProgressBar {
    let pb = ProgressBar::new(len);
    pb.set_style(
        ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
            .expect("valid template")
            .progress_chars("=> "),
    );
    pb.set_message(what.to_owned());
    pb
}

fn spinner(what: &str) -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    pb.set_message(what.to_owned());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// A password people can read aloud: 20 characters without look-alikes (~115 bits).
fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

async fn hash(password: String) -> anyhow::Result<String> {
    Ok(tokio::task::spawn_blocking(move || pelita_store::hash_password(&password)).await?)
}

/// Creates the data directory, key and database, and the first administrator. Returns the
/// open store and the administrator's password.
async fn init(common: &Common) -> anyhow::Result<(Store, String)> {
    let settings = Settings::for_init(common)?;
    let store = settings.open().await?;
    let password = generate_password();
    store
        .create_user(
            &Actor::operator("init"),
            NewUser {
                username: "admin".into(),
                display_name: "Administrator".into(),
                role: Role::Administrator,
                agency_id: None,
                password_hash: hash(password.clone()).await?,
            },
        )
        .await?;
    Ok((store, password))
}

async fn serve(
    store: Store,
    listen: &str,
    web: pelita_web::WebConfig,
    limits: pelita_web::Limits,
) -> anyhow::Result<()> {
    if !web.second_factor {
        eprintln!("Second-factor sign-in is turned off for this deployment.");
    }
    let state = pelita_web::AppState::new(store.clone(), web);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    eprintln!(
        "Pelita is listening on http://{} (health: /healthz). Ctrl-C stops it.",
        listener.local_addr()?
    );
    pelita_web::serve(listener, state, limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    store.close().await;
    Ok(())
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Cmd::Init(common) => {
            let (store, password) = init(&common).await?;
            store.close().await;
            println!("Initialised {}.", common.data_dir.display());
            println!("Administrator: admin / {password}");
            println!(
                "This password is shown once. Keep the key file (pelita.key) safe and separate from backups."
            );
        }
        Cmd::Serve { common, listen } => {
            let settings = Settings::load(&common)?;
            let listen = listen.unwrap_or_else(|| settings.listen.clone());
            let (web, limits) = (settings.web()?, settings.limits()?);
            serve(settings.open().await?, &listen, web, limits).await?;
        }
        Cmd::Demo {
            data_dir,
            listen,
            children,
        } => {
            let common = Common {
                data_dir: data_dir.clone(),
                database: None,
            };
            let store = if Settings::initialised(&data_dir) {
                println!("Using the demo data already in {}.", data_dir.display());
                Settings::load(&common)?.open().await?
            } else {
                let (store, admin_password) = init(&common).await?;
                let demo_password = generate_password();
                let demo_hash = hash(demo_password.clone()).await?;
                let agencies = demo::setup(&store, &demo_hash).await?;
                let pb = bar(children, "children");
                demo::populate(&store, &agencies, children, 2024, |n| pb.set_position(n)).await?;
                pb.finish();
                let jakarta = agencies
                    .iter()
                    .find(|a| a.1 == "ID")
                    .map(|a| a.2.clone())
                    .unwrap_or_default();
                demo::people(&store, &demo_hash, &jakarta).await?;
                if let Some((agency, _, worker)) = agencies.iter().find(|a| a.1 == "MV") {
                    demo::families_abroad(&store, agency, worker).await?;
                }
                println!(
                    "Demo data: {children} children across Bangladesh, Indonesia, Malaysia, the Maldives and the Philippines."
                );
                println!("Sign in at http://{listen} (passwords are shown once):");
                println!(
                    "  {:<20} {admin_password}  (users and agencies; no case content)",
                    "admin"
                );
                println!("  Everyone below signs in with the password {demo_password}");
                for (code, ..) in demo::AGENCIES
                    .iter()
                    .filter(|a| a.2 == pelita_domain::agency::Sector::ChildProtection)
                {
                    println!(
                        "  {:<20} case worker",
                        format!("worker.{}", code.to_lowercase())
                    );
                }
                for (username, role, _) in demo::DEMO_PEOPLE {
                    println!("  {username:<20} {}", role.as_str().replace('_', " "));
                }
                println!(
                    "Jakarta cases are shared with the psychologist, health worker, teacher and probation"
                );
                println!(
                    "officer; the liaison handed over half of them. Second-factor sign-in is off in the demo."
                );
                println!(
                    "worker.mgfmv holds a family being repatriated from a camp in Syria: three siblings, each"
                );
                println!(
                    "at a different step before the border (Travel, origin and repatriation on each case)."
                );
                store
            };
            let settings = Settings::load(&common)?;
            let web = pelita_web::WebConfig {
                second_factor: false,
                demo: true,
                ..settings.web()?
            };
            serve(store, &listen, web, settings.limits()?).await?;
        }
        Cmd::Audit {
            command: AuditCmd::Verify(common),
        } => {
            let store = Settings::load(&common)?.open().await?;
            let (_, _, events) = store.counts().await?;
            let pb = bar(events as u64, "events");
            let report = store.verify_audit(&|n, _| pb.set_position(n)).await?;
            pb.finish_and_clear();
            let pb = spinner("checking the database against the chain");
            let state = store.verify_state().await;
            pb.finish_and_clear();
            store.close().await;
            match &report.first_break {
                None => println!("Audit chain intact: {} events verified.", report.events),
                Some(b) => eprintln!(
                    "Audit chain broken: {b}. {} events before it verified.",
                    report.events
                ),
            }
            let violations = match state {
                Ok(v) => v,
                // An altered event may no longer be JSON; the break is the finding.
                Err(e) if report.first_break.is_some() => {
                    eprintln!("Database state not checked against the broken chain: {e}");
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            if violations.is_empty() {
                println!(
                    "Database state matches the chain: {}.",
                    pelita_store::Invariant::ALL.map(|i| i.as_str()).join(", ")
                );
            } else {
                eprintln!(
                    "Database state contradicts the chain ({} finding(s), at most {} per rule):",
                    violations.len(),
                    pelita_store::MAX_VIOLATIONS
                );
                for v in &violations {
                    eprintln!("  {v}");
                }
            }
            return Ok(if report.first_break.is_some() {
                ExitCode::from(2)
            } else if !violations.is_empty() {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            });
        }
        Cmd::Backup { common, to } => {
            if to.exists() {
                bail!("{} exists; choose a new file", to.display());
            }
            let settings = Settings::load(&common)?;
            let pb = spinner("backing up");
            if let Some(url) = settings.postgres_url() {
                let status = std::process::Command::new("pg_dump")
                    .args(["--format=custom", "--file"])
                    .arg(&to)
                    .arg(url)
                    .status()
                    .context("running pg_dump (install the PostgreSQL client tools)")?;
                if !status.success() {
                    bail!("pg_dump failed");
                }
            } else {
                let store = settings.open().await?;
                store.backup_sqlite(&to).await?;
                store.close().await;
            }
            pb.finish_and_clear();
            println!(
                "Backup written to {}. It is readable only with this deployment's key.",
                to.display()
            );
        }
        Cmd::Generate {
            common,
            children,
            seed,
        } => {
            let settings = Settings::load(&common)?;
            let store = settings.open().await?;
            let password_hash = hash(generate_password()).await?;
            let agencies = match demo::agencies_of(&store).await? {
                a if !a.is_empty() => a,
                _ => demo::setup(&store, &password_hash).await?,
            };
            // About 200 children per case worker, as agencies are staffed.
            let agencies =
                demo::add_workers(&store, &agencies, children, 200, &password_hash).await?;
            let pb = bar(children, "children");
            demo::populate(&store, &agencies, children, seed, |n| pb.set_position(n)).await?;
            pb.finish();
            store.close().await;
        }
        Cmd::Erase {
            common,
            case,
            reason,
        } => {
            let store = Settings::load(&common)?.open().await?;
            let case_id = store
                .case_id_by_reference(&case)
                .await
                .with_context(|| format!("case {case}"))?;
            let child = store.case_meta(&case_id).await?.child_id;
            store
                .erase_child(&Actor::operator("cli"), &child, &reason)
                .await?;
            store.close().await;
            println!("Erased the child of case {case}: the child's data can no longer be read.");
        }
        Cmd::Policy => print!("{}", pelita_domain::policy::markdown_table()),
        Cmd::User {
            command:
                UserCmd::Add {
                    common,
                    username,
                    role,
                    agency,
                    display_name,
                    ..
                },
        } => {
            let role = Role::parse(&role).with_context(|| format!("unknown role {role}"))?;
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            if let Err(e) = pelita_domain::password::check(&password) {
                bail!("{e}");
            }
            let store = Settings::load(&common)?.open().await?;
            let agency_id = match agency {
                Some(code) => Some(
                    store
                        .agencies()
                        .await?
                        .into_iter()
                        .find(|a| a.code.eq_ignore_ascii_case(&code))
                        .map(|a| a.id)
                        .with_context(|| format!("no agency with code {code}"))?,
                ),
                None => None,
            };
            let id = store
                .create_user(
                    &Actor::operator("cli"),
                    NewUser {
                        display_name: display_name.unwrap_or_else(|| username.clone()),
                        username: username.clone(),
                        role,
                        agency_id,
                        password_hash: hash(password).await?,
                    },
                )
                .await?;
            store.close().await;
            println!("Added {username} ({role}), id {id}.");
        }
        Cmd::Token {
            command:
                TokenCmd::Create {
                    common,
                    username,
                    expires,
                    label,
                    read_only,
                },
        } => {
            let lifetime = parse_lifetime(&expires)
                .with_context(|| format!("--expires {expires}: use e.g. 30d or 12h"))?;
            let store = Settings::load(&common)?.open().await?;
            let (user, _) = store
                .user_by_username(&username)
                .await?
                .with_context(|| format!("no user {username}"))?;
            let expires_at = store.now() + lifetime;
            let secret = store
                .create_token(
                    &Actor::operator("cli"),
                    &user.id,
                    &label,
                    scope(read_only),
                    Some(expires_at),
                )
                .await?;
            store.close().await;
            println!("{secret}");
            eprintln!(
                "Token for {username}, valid until {}. It is shown once.",
                expires_at.format("%Y-%m-%d %H:%M UTC")
            );
        }
        Cmd::Token {
            command: TokenCmd::Revoke { common, username },
        } => {
            let store = Settings::load(&common)?.open().await?;
            let (user, _) = store
                .user_by_username(&username)
                .await?
                .with_context(|| format!("no user {username}"))?;
            store
                .revoke_tokens(&Actor::operator("cli"), &user.id)
                .await?;
            store.close().await;
            println!("Every token of {username} is revoked.");
        }
        Cmd::Restore { common, from } => restore(&common, &from).await?,
        Cmd::Bench(args) => bench::run(args).await?,
    }
    Ok(ExitCode::SUCCESS)
}

async fn restore(common: &Common, from: &Path) -> anyhow::Result<()> {
    let settings = Settings::load(common)?;
    if settings.postgres_url().is_some() {
        bail!("PostgreSQL deployments restore with pg_restore (see README)");
    }
    if !from.is_file() {
        bail!("{} is not a backup file", from.display());
    }
    let db = common.data_dir.join("pelita.db");
    let erased = if db.exists() {
        let current = settings.open().await?;
        let list = current.erasures().await?;
        current.close().await;
        list
    } else {
        Vec::new()
    };
    let staging = common.data_dir.join("pelita.db.restoring");
    let _ = std::fs::remove_file(&staging);
    std::fs::copy(from, &staging).with_context(|| format!("copying {}", from.display()))?;
    let restored = Settings {
        database: Some(staging.to_string_lossy().into_owned()),
        ..settings.clone()
    }
    .open()
    .await
    .context("the backup does not open with this deployment's key")?;
    let pb = bar(erased.len() as u64, "erasures");
    let mut repeated = 0;
    for child in &erased {
        match restored
            .erase_child(
                &Actor::operator("restore"),
                child,
                "repeated after restoring a backup",
            )
            .await
        {
            Ok(()) => repeated += 1,
            Err(pelita_store::StoreError::Erased | pelita_store::StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
        pb.inc(1);
    }
    pb.finish_and_clear();
    let report = restored.verify_audit(&|_, _| {}).await?;
    restored.close().await;
    if let Some(b) = report.first_break {
        bail!("the restored audit chain is broken: {b}; the current database was left in place");
    }
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", db.display()));
        if path.exists() {
            std::fs::rename(&path, format!("{}.before-restore{suffix}", db.display()))?;
        }
    }
    // The database moves with its WAL, should closing have left one.
    for suffix in ["-wal", "-shm", ""] {
        let from = PathBuf::from(format!("{}{suffix}", staging.display()));
        if from.exists() {
            std::fs::rename(&from, format!("{}{suffix}", db.display()))?;
        }
    }
    println!(
        "Restored {} ({} audit events verified); {repeated} erasure(s) made since the backup were repeated.",
        from.display(),
        report.events
    );
    Ok(())
}

/// "30d", "12h", "90m" as a duration.
fn parse_lifetime(s: &str) -> Option<chrono::Duration> {
    let (n, unit) = s.split_at(s.len().checked_sub(1)?);
    let n: i64 = n.parse().ok().filter(|n| *n > 0 && *n <= 3650)?;
    match unit {
        "d" => Some(chrono::Duration::days(n)),
        "h" => Some(chrono::Duration::hours(n)),
        "m" => Some(chrono::Duration::minutes(n)),
        _ => None,
    }
}

/// Writes a secret file readable by its owner only.
pub fn write_secret(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    f.write_all(contents.as_bytes())?;
    f.sync_all()?;
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PELITA_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

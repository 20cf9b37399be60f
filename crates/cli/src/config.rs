//! Configuration: defaults, then `DATA_DIR/pelita.toml`, then `PELITA_*` environment variables,
//! then command-line flags.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use pelita_store::{DeploymentKey, Store, StoreConfig, SystemClock};
use serde::{Deserialize, Serialize};

use crate::Common;

const KEY_FILE: &str = "pelita.key";
const CONFIG_FILE: &str = "pelita.toml";
const CONFIG_TEMPLATE: &str = "\
# Pelita configuration. Environment variables PELITA_<NAME> override these values.
# database = \"postgres://pelita@db.example/pelita\"   # default: pelita.db in this directory
# listen = \"127.0.0.1:8080\"
# readers = 8
# second_factor = true    # TOTP for every role that reads sensitive sections
# idle_minutes = 30
# session_hours = 12
# tls = false             # true when users reach Pelita over HTTPS (sends HSTS)
# repeat_interview_days = 30   # warn before interviewing a child again within this many days
# response_hours_high = 24     # how long a task may wait, by the case's priority
# response_hours_medium = 72
# response_hours_low = 168
# Limits at the edges of HTTP:
# header_timeout_secs = 10     # a request's head arrives within this (and idle connections close)
# body_timeout_secs = 30       # a request's body arrives in full within this, or 408
# max_connections = 1024       # connections served at once; more wait to be accepted
# max_in_flight = 512          # requests in flight at once; more are answered 503
# rate_per_second = 100        # requests a second from one client address (0: no limit); above
# rate_burst = 1000            # a burst of this many, the answer is 429 with Retry-After
";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    #[serde(skip)]
    pub data_dir: PathBuf,
    pub database: Option<String>,
    pub listen: String,
    pub readers: u32,
    /// Require a second factor (TOTP) for roles that read sensitive sections.
    pub second_factor: bool,
    /// Minutes without a request before a session ends.
    pub idle_minutes: u64,
    /// Hours after sign-in when a session ends regardless.
    pub session_hours: u64,
    /// Pelita is reached over HTTPS (directly or through a proxy): send HSTS.
    pub tls: bool,
    /// Warn before another interview of a child within this many days.
    pub repeat_interview_days: u32,
    /// How long a task may wait on a case of each priority, in hours.
    pub response_hours_high: u32,
    pub response_hours_medium: u32,
    pub response_hours_low: u32,
    /// Seconds for a request's head to arrive; also how long an idle connection is kept.
    pub header_timeout_secs: u64,
    /// Seconds for a request's body to arrive in full (408 after).
    pub body_timeout_secs: u64,
    /// Connections served at once.
    pub max_connections: u32,
    /// Requests in flight at once (503 beyond).
    pub max_in_flight: u32,
    /// Requests a second one client address may sustain (0: no per-client limit), and the
    /// burst it may send above that (429 beyond). Behind a reverse proxy every client shares
    /// the proxy's address: limit there, or raise these.
    pub rate_per_second: u32,
    pub rate_burst: u32,
    /// The deployment key itself (`PELITA_KEY`), instead of the key file.
    #[serde(default, skip_serializing)]
    pub key: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            data_dir: PathBuf::new(),
            database: None,
            listen: "127.0.0.1:8080".into(),
            readers: 8,
            second_factor: true,
            idle_minutes: 30,
            session_hours: 12,
            tls: false,
            repeat_interview_days: 30,
            response_hours_high: 24,
            response_hours_medium: 72,
            response_hours_low: 168,
            header_timeout_secs: 10,
            body_timeout_secs: 30,
            max_connections: 1024,
            max_in_flight: 512,
            rate_per_second: 100,
            rate_burst: 1000,
            key: None,
        }
    }
}

impl Settings {
    pub fn initialised(dir: &Path) -> bool {
        dir.join(KEY_FILE).exists() || dir.join(CONFIG_FILE).exists()
    }

    pub fn load(common: &Common) -> anyhow::Result<Settings> {
        let dir = &common.data_dir;
        if !dir.is_dir() {
            bail!(
                "{} is not a Pelita data directory (run `pelita init --data-dir {}` first)",
                dir.display(),
                dir.display()
            );
        }
        let mut s: Settings = Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(dir.join(CONFIG_FILE)))
            .merge(Env::prefixed("PELITA_").only(&[
                "database",
                "listen",
                "readers",
                "key",
                "second_factor",
                "idle_minutes",
                "session_hours",
                "tls",
                "header_timeout_secs",
                "body_timeout_secs",
                "max_connections",
                "max_in_flight",
                "rate_per_second",
                "rate_burst",
            ]))
            .extract()
            .context("reading configuration")?;
        s.data_dir = dir.clone();
        if common.database.is_some() {
            s.database = common.database.clone();
        }
        Ok(s)
    }

    /// Creates the directory, key file and configuration template of a new deployment.
    pub fn for_init(common: &Common) -> anyhow::Result<Settings> {
        let dir = &common.data_dir;
        if Settings::initialised(dir) {
            bail!("{} is already initialised", dir.display());
        }
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        let s = Settings::load(common)?;
        if s.key.is_none() {
            crate::write_secret(
                &dir.join(KEY_FILE),
                &format!("{}\n", DeploymentKey::generate().encode()),
            )?;
        }
        std::fs::write(dir.join(CONFIG_FILE), CONFIG_TEMPLATE)?;
        Ok(s)
    }

    /// The web settings, with the assessment instruments: Pelita's default and every
    /// `DATA_DIR/instruments/*.json` (an administrator adds a version without code; a file
    /// that does not parse stops the start with its name and the reason).
    pub fn web(&self) -> anyhow::Result<pelita_web::WebConfig> {
        use pelita_domain::assessment::Instrument;
        let mut instruments = Instrument::defaults();
        let dir = self.data_dir.join("instruments");
        if dir.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f)?;
                let i = Instrument::parse(&text)
                    .map_err(|e| anyhow::anyhow!("instrument {}: {e}", f.display()))?;
                instruments.retain(|x| !(x.id == i.id && x.version == i.version));
                instruments.push(i);
            }
        }
        Ok(pelita_web::WebConfig {
            second_factor: self.second_factor,
            idle: std::time::Duration::from_secs(self.idle_minutes.clamp(1, 24 * 60) * 60),
            absolute: std::time::Duration::from_secs(self.session_hours.clamp(1, 72) * 3600),
            demo: false,
            tls: self.tls,
            instruments,
            repeat_interview_days: i64::from(self.repeat_interview_days.clamp(1, 365)),
            response_times: pelita_domain::task::ResponseTimes::from_hours(
                self.response_hours_high,
                self.response_hours_medium,
                self.response_hours_low,
            )
            .map_err(|_| {
                anyhow::anyhow!(
                    "response_hours_high ≤ response_hours_medium ≤ response_hours_low, each 1 to 2160 hours"
                )
            })?,
        })
    }

    /// The limits at the edges of HTTP, each within a range that keeps the server usable.
    pub fn limits(&self) -> anyhow::Result<pelita_web::Limits> {
        use std::time::Duration;
        if !(1..=600).contains(&self.header_timeout_secs)
            || !(1..=600).contains(&self.body_timeout_secs)
        {
            bail!("header_timeout_secs and body_timeout_secs are 1 to 600 seconds");
        }
        if !(1..=65_536).contains(&self.max_connections)
            || !(1..=self.max_connections).contains(&self.max_in_flight)
        {
            bail!("1 ≤ max_in_flight ≤ max_connections ≤ 65536");
        }
        if self.rate_per_second > 0 && self.rate_burst < 1 {
            bail!("rate_burst is at least 1 (rate_per_second = 0 turns the per-client limit off)");
        }
        Ok(pelita_web::Limits {
            header_timeout: Duration::from_secs(self.header_timeout_secs),
            body_timeout: Duration::from_secs(self.body_timeout_secs),
            max_connections: self.max_connections as usize,
            max_in_flight: self.max_in_flight as usize,
            per_client: (self.rate_per_second > 0).then_some(pelita_web::Rate {
                per_second: self.rate_per_second,
                burst: self.rate_burst,
            }),
        })
    }

    pub fn database_url(&self) -> String {
        self.database.clone().unwrap_or_else(|| {
            self.data_dir
                .join("pelita.db")
                .to_string_lossy()
                .into_owned()
        })
    }

    pub fn postgres_url(&self) -> Option<String> {
        self.database
            .clone()
            .filter(|d| d.starts_with("postgres://") || d.starts_with("postgresql://"))
    }

    fn deployment_key(&self) -> anyhow::Result<DeploymentKey> {
        if let Some(k) = &self.key {
            return DeploymentKey::decode(k).context("PELITA_KEY");
        }
        let path = self.data_dir.join(KEY_FILE);
        let meta = std::fs::metadata(&path).with_context(|| {
            format!(
                "no deployment key: {} is missing and PELITA_KEY is not set",
                path.display()
            )
        })?;
        {
            use std::os::unix::fs::PermissionsExt;
            if meta.permissions().mode() & 0o077 != 0 {
                bail!(
                    "{} is readable by other users; run `chmod 600 {}`",
                    path.display(),
                    path.display()
                );
            }
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        DeploymentKey::decode(&text).with_context(|| format!("reading {}", path.display()))
    }

    pub async fn open(&self) -> anyhow::Result<Store> {
        let key = self.deployment_key()?;
        Store::open(StoreConfig {
            url: self.database_url(),
            key,
            readers: self.readers,
            clock: Arc::new(SystemClock),
        })
        .await
        .context("opening the database")
    }
}

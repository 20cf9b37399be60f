//! Storage benchmarks on generated data: durable writes with group commit against one
//! transaction per write, measured in the same run; name-search latency and variant recall.
//! Figures go to a JSON report; nothing here asserts a timing.

use std::path::PathBuf;
use std::time::Instant;

use futures_util::StreamExt;
use pelita_domain::role::Role;
use pelita_store::{Actor, Registration};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde_json::json;

use crate::demo::{self, names::LATIN_VARIANTS};
use crate::{Common, bar};

#[derive(clap::Args)]
pub struct Args {
    /// Children to generate (with group commit) before searching.
    #[arg(long, default_value_t = 100_000)]
    children: u64,
    /// Writes measured one transaction at a time.
    #[arg(long, default_value_t = 2_000)]
    single: u64,
    /// Search queries to run.
    #[arg(long, default_value_t = 1_000)]
    queries: usize,
    /// Where to build the deployment (a fresh directory).
    #[arg(long, default_value = "target/bench/store-data")]
    data_dir: PathBuf,
    /// PostgreSQL URL to measure instead of SQLite.
    #[arg(long)]
    database: Option<String>,
    #[arg(long, default_value = "target/bench/store.json")]
    out: PathBuf,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub async fn run(args: Args) -> anyhow::Result<()> {
    if args.data_dir.exists() {
        std::fs::remove_dir_all(&args.data_dir)?;
    }
    let common = Common {
        data_dir: args.data_dir.clone(),
        database: args.database.clone(),
    };
    let (store, _) = crate::init(&common).await?;
    let agencies = demo::setup(
        &store,
        &crate::hash("bench-password-not-used".into()).await?,
    )
    .await?;
    let today = store.now().date_naive();
    let mut rng = StdRng::seed_from_u64(args.seed);
    let plans: Vec<Registration> = (0..args.children)
        .map(|_| demo::child(&mut rng, &agencies, today).0)
        .collect();
    let actor = Actor {
        id: "bench".into(),
        role: Role::CaseWorker,
    };

    // One transaction per write: each write waits for its own commit before the next is sent.
    let single: Vec<Registration> = (0..args.single)
        .map(|_| demo::child(&mut rng, &agencies, today).0)
        .collect();
    let start = Instant::now();
    for r in single {
        store.register_child(&actor, r).await?;
    }
    let single_per_s = args.single as f64 / start.elapsed().as_secs_f64();

    // Group commit: 64 writers in flight, as concurrent users would be.
    let pb = bar(args.children, "children");
    let start = Instant::now();
    let mut stream = futures_util::stream::iter(plans.iter().cloned().map(|r| {
        let (store, actor) = (store.clone(), actor.clone());
        async move { store.register_child(&actor, r).await }
    }))
    .buffered(64);
    let mut n = 0;
    let mut ids = Vec::with_capacity(plans.len());
    while let Some(r) = stream.next().await {
        ids.push(r?.child_id);
        n += 1;
        if n % 1000 == 0 {
            pb.set_position(n);
        }
    }
    pb.finish_and_clear();
    drop(stream);
    let group_per_s = args.children as f64 / start.elapsed().as_secs_f64();

    // Search: misspell one token of a generated child's Latin name with a regional variant;
    // recall is the share of queries whose child comes back in the top 10.
    let mut latencies = Vec::new();
    let mut found = 0usize;
    let mut asked = 0usize;
    let mut order: Vec<usize> = (0..plans.len()).collect();
    order.shuffle(&mut rng);
    for i in order {
        if asked >= args.queries {
            break;
        }
        let names = &plans[i].identity.names;
        let latin: Vec<&str> = std::iter::once(&names.given)
            .chain(names.other.iter())
            .chain(names.family.iter())
            .map(|p| p.latin.as_ref().unwrap_or(&p.text).as_str())
            .collect();
        let full = latin.join(" ");
        let Some((word, group)) = full.split_whitespace().find_map(|w| {
            LATIN_VARIANTS
                .iter()
                .find(|g| g.contains(&w) && g.len() > 1)
                .map(|g| (w, g))
        }) else {
            continue;
        };
        let other = *group
            .iter()
            .filter(|v| **v != word)
            .collect::<Vec<_>>()
            .choose(&mut rng)
            .expect("two variants");
        let query = full.replacen(word, other, 1);
        let t = Instant::now();
        let hits = store.search_names(&query, 10).await?;
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        asked += 1;
        if hits.iter().any(|h| Some(&h.child_id) == ids.get(i)) {
            found += 1;
        }
    }
    latencies.sort_by(f64::total_cmp);

    // The whole audit chain, as `pelita audit verify` walks it.
    let start = Instant::now();
    let audit = store.verify_audit(&|_, _| {}).await?;
    let audit_per_s = audit.events as f64 / start.elapsed().as_secs_f64();
    anyhow::ensure!(audit.first_break.is_none(), "the audit chain is broken");
    let report = json!({
        "backend": format!("{:?}", store.kind()),
        "children": args.children,
        "durable_write_group_commit_per_s": group_per_s.round(),
        "write_one_txn_per_s": single_per_s.round(),
        "group_commit_speedup": (group_per_s / single_per_s * 10.0).round() / 10.0,
        "search_queries": asked,
        "search_p50_ms": (percentile(&latencies, 0.5) * 100.0).round() / 100.0,
        "search_p99_ms": (percentile(&latencies, 0.99) * 100.0).round() / 100.0,
        "search_recall_top10": if asked == 0 { 0.0 } else { (found as f64 / asked as f64 * 1000.0).round() / 1000.0 },
        "audit_events": audit.events,
        "audit_verify_events_per_s": audit_per_s.round(),
    });
    store.close().await;
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.out, serde_json::to_string_pretty(&report)?)?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

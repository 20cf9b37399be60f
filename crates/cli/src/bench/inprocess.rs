//! Figures measured inside the process, through the store itself: the write baselines, name
//! search with its recall, one indexed row (the storage limit) and audit verification.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use futures_util::StreamExt;
use pelita_domain::identity::PersonNames;
use pelita_store::{Actor, Registration, Store};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde_json::{Value, json};

use super::load::{Figure, round2};
use crate::demo::{self, names::LATIN_VARIANTS};

type Agencies = [(String, String, String)];

/// `n` generated registrations, each with its registering case worker (the case's own
/// worker, so the write policy is checked as a real registration's is), made before the clock
/// starts.
async fn registrations(
    store: &Store,
    agencies: &Agencies,
    rng: &mut StdRng,
    n: u64,
) -> anyhow::Result<Vec<(Actor, Registration)>> {
    let today = store.now().date_naive();
    let mut workers: HashMap<String, Actor> = HashMap::new();
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let r = demo::child(rng, agencies, today).0;
        let id = r.assigned_to.clone().unwrap_or_default();
        let actor = match workers.get(&id) {
            Some(a) => a.clone(),
            None => {
                let a = store.act_as(&id).await?;
                workers.insert(id, a.clone());
                a
            }
        };
        out.push((actor, r));
    }
    Ok(out)
}

/// One transaction per write: each registration waits for its own commit before the next.
pub async fn write_one_txn(
    store: &Store,
    agencies: &Agencies,
    rng: &mut StdRng,
    n: u64,
) -> anyhow::Result<f64> {
    let plans = registrations(store, agencies, rng, n).await?;
    let start = Instant::now();
    for (actor, r) in plans {
        store.register_child(&actor, r).await?;
    }
    Ok(n as f64 / start.elapsed().as_secs_f64())
}

/// Registrations with 64 in flight, as concurrent users produce them.
pub async fn group_commit(
    store: &Store,
    agencies: &Agencies,
    rng: &mut StdRng,
    n: u64,
) -> anyhow::Result<f64> {
    let plans = registrations(store, agencies, rng, n).await?;
    let start = Instant::now();
    let mut stream = futures_util::stream::iter(plans.into_iter().map(|(actor, r)| {
        let store = store.clone();
        async move { store.register_child(&actor, r).await }
    }))
    .buffered(64);
    while let Some(r) = stream.next().await {
        r?;
    }
    Ok(n as f64 / start.elapsed().as_secs_f64())
}

/// Name search as registration's duplicate check runs it: each query is the Latin full name of
/// a generated child with one part replaced by a regional spelling variant (Muhammad → Mohd,
/// Nur → Noor, …); recall is the share whose child comes back in the top 10.
pub async fn search(
    store: &Store,
    children: &[(String, PersonNames)],
    queries: usize,
    rng: &mut StdRng,
) -> anyhow::Result<Value> {
    let mut latencies = Vec::new();
    let (mut found, mut asked) = (0usize, 0usize);
    let (mut missed_tied, mut missed_ranked, mut missed_absent) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    for (id, names) in children {
        if asked >= queries {
            break;
        }
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
            .choose(rng)
            .expect("two variants");
        let query = full.replacen(word, other, 1);
        let t = Instant::now();
        let hits = store.search_names(&query, 10).await?;
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        asked += 1;
        if hits.iter().any(|h| &h.child_id == id) {
            found += 1;
        } else {
            // Why it was missed: is the child further down, behind ten others whose names
            // score at least as high (names the generator repeats), or not found at all?
            let deep = store.search_names(&query, 500).await?;
            match deep.iter().position(|h| &h.child_id == id) {
                Some(rank)
                    if deep
                        .get(9)
                        .is_some_and(|tenth| tenth.score >= deep[rank].score) =>
                {
                    missed_tied += 1
                }
                Some(_) => missed_ranked += 1,
                None => missed_absent += 1,
            }
        }
    }
    let fig = Figure::from_samples(latencies, 0, start.elapsed());
    let recall = if asked == 0 {
        0.0
    } else {
        found as f64 / asked as f64
    };
    let mut v = fig.json();
    v["recall_top10"] = json!((recall * 1000.0).round() / 1000.0);
    v["missed_behind_ten_equal_or_better_names"] = json!(missed_tied);
    v["missed_ranked_lower"] = json!(missed_ranked);
    v["missed_not_found"] = json!(missed_absent);
    Ok(v)
}

/// One indexed row (a case by its reference) through the same read pool the pages use, from
/// `conns` concurrent tasks for `seconds`: the storage limit the case page is compared with.
pub async fn row_lookup(
    store: &Store,
    references: Arc<Vec<String>>,
    conns: usize,
    seconds: f64,
) -> anyhow::Result<Figure> {
    let start = Instant::now();
    let deadline = start + std::time::Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for t in 0..conns {
        let (store, refs) = (store.clone(), references.clone());
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut i = t;
            while Instant::now() < deadline {
                let at = Instant::now();
                store.case_id_by_reference(&refs[i % refs.len()]).await?;
                samples.push(at.elapsed().as_secs_f64() * 1000.0);
                i += conns;
            }
            anyhow::Ok(samples)
        }));
    }
    let mut samples = Vec::new();
    for t in tasks {
        samples.extend(t.await??);
    }
    Ok(Figure::from_samples(samples, 0, start.elapsed()))
}

/// The whole audit chain, as `pelita audit verify` walks it.
pub async fn audit_verify(store: &Store) -> anyhow::Result<Value> {
    let start = Instant::now();
    let audit = store.verify_audit(&|_, _| {}).await?;
    let per_s = audit.events as f64 / start.elapsed().as_secs_f64();
    anyhow::ensure!(audit.first_break.is_none(), "the audit chain is broken");
    Ok(json!({
        "events": audit.events,
        "seconds": round2(start.elapsed().as_secs_f64()),
        "events_per_s": per_s.round(),
    }))
}

/// The indicators page's queries, over the deployment and over one agency: the fastest of three
/// runs each (the page is read now and then, so a warm cache is the usual case).
pub async fn indicators(store: &Store, agency: &str) -> anyhow::Result<Value> {
    let mut best = [f64::MAX; 3];
    let mut abroad = 0;
    for _ in 0..3 {
        let t = Instant::now();
        abroad = store.repatriation_indicators(None).await?.children;
        best[0] = best[0].min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        store.repatriation_indicators(Some(agency)).await?;
        best[1] = best[1].min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        store.justice_indicators(None).await?;
        best[2] = best[2].min(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(json!({
        "children_abroad": abroad,
        "repatriation_all_ms": round2(best[0]),
        "repatriation_agency_ms": round2(best[1]),
        "justice_all_ms": round2(best[2]),
    }))
}

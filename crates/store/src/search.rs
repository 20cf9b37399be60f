//! Name search without plaintext in the database: keyed hashes of search keys find candidates
//! among the children the reader may see, their names are decrypted and ranked by similarity
//! and by the other facts the searcher gave (`domain::search`).
//!
//! Need-to-know comes before the cut: the index rows carry the code of the agency holding the
//! child's case, so a worker's search reads her agency's children by a range of the key, and
//! the few children she sees through a case of her own (assigned, team, referral, handover)
//! by their sequence numbers. A deployment-wide top 20 filtered afterwards would leave her
//! nothing when a common name belongs to thousands of children elsewhere.

use std::collections::HashMap;

use pelita_domain::identity::{ChildIdentity, PersonNames};
use pelita_domain::matching::{self, KeyKind};
use pelita_domain::policy::{self, Decision, Relationship, Section};
use pelita_domain::referral::ReferralStatus;
use pelita_domain::search::{self as rules, Hints, Reason, Recorded};

use crate::access::{AccessCommand, META_COLUMNS, meta_from, minimal};
use crate::crypto::Keys;
use crate::db::{Pools, Tx, Val, args};
use crate::{Actor, CaseMeta, Readable, Reader, Store, StoreError};

/// Rows read per search key: bounds the work for very common names and short prefixes.
const PER_KEY: i64 = 5_000;
/// Rows read per single-token key when the query has several tokens, whose pairs find the
/// children sharing two of them.
const PER_KEY_PAIRED: i64 = 500;
/// Candidates decrypted and ranked per search…
const RANKED: usize = 60;
/// …and with hints, which decide among children whose names score the same.
const RANKED_WITH_HINTS: usize = 300;
/// Below this similarity a candidate is not shown.
const THRESHOLD: f64 = 0.72;
/// Children whose names an index rebuild reads per transaction.
const REBUILD_BATCH: i64 = 1_000;

/// A child found by the deployment-wide search ([`Store::search_names`]): no name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    pub child_id: String,
    pub case_id: Option<String>,
    pub reference: Option<String>,
    /// 0..1; 1 is the same name.
    pub score: f64,
}

/// A child a reader's search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub case_id: String,
    pub child_id: String,
    pub reference: String,
    /// The name as the reader's grant shows it (given and family name as written); `None` for
    /// a possible duplicate the reader may not see, and for an erased child.
    pub name: Option<String>,
    /// How alike the names are, 0..1.
    pub score: f64,
    /// What the list is ordered by: the name's score with the hints' agreement.
    pub rank: f64,
    /// Why the child came up, for the searcher to read.
    pub reasons: Vec<Reason>,
    /// No hint contradicts the record.
    pub compatible: bool,
}

/// A reader's search: the children found, best first, and whether more children matched as
/// well as the last ones compared than could be compared (a family name, an age or a sex
/// narrows it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub found: Vec<Found>,
    pub more: bool,
}

/// Registration's duplicate check: the matches the registering worker may see, with names,
/// and apart, possible matches held elsewhere, by reference only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Duplicates {
    pub visible: Vec<Found>,
    pub elsewhere: Vec<Found>,
}

/// What one keyed hash stands for in a query: which query tokens it meets, how strongly.
#[derive(Debug, Clone, Copy)]
struct Use {
    first: usize,
    second: Option<usize>,
    weight: u32,
}

/// A query's tokens and the hashes to look up, each with its row limit and its uses.
struct Lookup {
    tokens: Vec<String>,
    hashes: Vec<(i64, i64)>,
    uses: HashMap<i64, Vec<Use>>,
}

/// Which children a search reads: every child (the operator, the benchmark), every child but
/// those of one agency (the duplicate check's possible matches elsewhere, which a registering
/// agency's own namesakes must not crowd out), or those a reader may see through one of the
/// relationships the policy names ([`policy::finds_through`]).
enum Scope<'a> {
    Deployment,
    Elsewhere(&'a str),
    Reader {
        reader: &'a Reader,
        /// Every child of the reader's agency (case workers and supervisors).
        agency: bool,
        assigned: bool,
        referred: bool,
        handed_over: bool,
    },
}

impl<'a> Scope<'a> {
    fn of(reader: &'a Reader) -> Scope<'a> {
        let rels = policy::finds_through(reader.role);
        let has = |r: Relationship| rels.contains(&r);
        if has(Relationship::None) {
            return Scope::Deployment;
        }
        let in_agency = reader.agency_id.is_some();
        Scope::Reader {
            reader,
            agency: in_agency && (has(Relationship::SameAgency) || has(Relationship::Supervisor)),
            assigned: has(Relationship::Assigned),
            referred: in_agency && has(Relationship::Referred),
            handed_over: has(Relationship::HandedOverBy),
        }
    }
}

/// A candidate read back with its case, before the reader's decision.
struct Candidate {
    meta: CaseMeta,
    identity: ChildIdentity,
    place: String,
}

/// What a reader sees of a candidate's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sight {
    Full,
    Minimal,
    None,
}

fn sight(meta: &CaseMeta, reader: Option<&Reader>) -> Sight {
    let Some(reader) = reader else {
        return Sight::Full;
    };
    match meta.decide(reader, Section::Identity) {
        Decision::Allow => Sight::Full,
        Decision::AllowMinimal => Sight::Minimal,
        Decision::WithJustification | Decision::Deny => Sight::None,
    }
}

/// The whole names of a child (all parts in the script they were written in, and in Latin
/// letters), for the pair keys.
fn full_names(n: &PersonNames) -> Vec<String> {
    let parts: Vec<&pelita_domain::identity::NamePart> = std::iter::once(&n.given)
        .chain(n.other.iter())
        .chain(n.family.iter())
        .collect();
    let native: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    let latin: Vec<&str> = parts
        .iter()
        .map(|p| p.latin.as_ref().unwrap_or(&p.text).as_str())
        .collect();
    let (native, latin) = (native.join(" "), latin.join(" "));
    if native == latin {
        vec![native]
    } else {
        vec![native, latin]
    }
}

/// The keyed hashes under which a child's names are found.
pub(crate) fn name_hashes(keys: &Keys, names: &PersonNames) -> Vec<i64> {
    let mut hashes: Vec<i64> = names
        .all_forms()
        .flat_map(matching::keys)
        .chain(
            full_names(names)
                .iter()
                .flat_map(|n| matching::pair_keys(&matching::tokens(n)))
                .map(|(k, _, _)| k),
        )
        .map(|k| keys.index_hash(k.kind.tag(), &k.value))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Writes a child's index rows under the agency of each of its cases, replacing earlier rows
/// unless the child is new. One statement of one shape whatever the number of keys, so it is
/// prepared once.
pub(crate) async fn write_name_keys(
    tx: &mut Tx,
    seq: i64,
    agencies: &[String],
    hashes: &[i64],
    fresh: bool,
) -> Result<(), StoreError> {
    if !fresh {
        tx.exec("DELETE FROM name_index WHERE child_seq = $1", args![seq])
            .await?;
    }
    let sql = match tx {
        Tx::Lite(_) => {
            "INSERT INTO name_index (h, agency, child_seq) SELECT value, $2, $3 \
             FROM json_each($1) WHERE true ON CONFLICT DO NOTHING"
        }
        Tx::Pg(_) => {
            "INSERT INTO name_index (h, agency, child_seq) \
             SELECT (jsonb_array_elements_text($1::jsonb))::bigint, $2, $3 ON CONFLICT DO NOTHING"
        }
    };
    let list = serde_json::to_string(hashes).expect("numbers serialise");
    for agency in agencies {
        tx.exec(sql, args![list.as_str(), agency.as_str(), seq])
            .await?;
    }
    Ok(())
}

/// The codes of the agencies holding a case of the child `seq`, read in a write.
pub(crate) async fn agencies_of_child(tx: &mut Tx, seq: i64) -> Result<Vec<String>, StoreError> {
    tx.rows(
        "SELECT DISTINCT a.code FROM children ch JOIN cases c ON c.child_id = ch.id \
         JOIN agencies a ON a.id = c.agency_id WHERE ch.seq = $1",
        args![seq],
    )
    .await?
    .iter()
    .map(|r| r.text(0))
    .collect()
}

/// Rebuilds the name index when it was written with other keys than this release's
/// ([`matching::KEYS_VERSION`]), before the writer starts: names registered earlier are then
/// found by this release's spellings. A new deployment only records the version. The index is
/// derived data, like the access log not a fact of the audit chain.
pub(crate) async fn rebuild_if_stale(pools: &Pools, keys: &Keys) -> Result<(), StoreError> {
    let version = matching::KEYS_VERSION.to_string().into_bytes();
    let stored = pools
        .row(
            "SELECT value FROM meta WHERE key = 'name_keys_version'",
            args![],
        )
        .await?;
    if stored.map(|r| r.bytes(0)).transpose()? == Some(version.clone()) {
        return Ok(());
    }
    let mut after = 0_i64;
    let mut done = 0_usize;
    loop {
        let rows = pools
            .rows(
                "SELECT ch.seq, ch.id, ch.wrapped_key, ch.identity_sealed, a.code \
                 FROM children ch JOIN cases c ON c.child_id = ch.id \
                 JOIN agencies a ON a.id = c.agency_id \
                 WHERE ch.seq IN (SELECT seq FROM children WHERE seq > $1 \
                                  AND wrapped_key IS NOT NULL ORDER BY seq LIMIT $2) \
                 ORDER BY ch.seq",
                args![after, REBUILD_BATCH],
            )
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.i64(0)?;
        let mut children: Vec<(i64, Vec<i64>, Vec<String>)> = Vec::new();
        for r in &rows {
            let seq = r.i64(0)?;
            let code = r.text(4)?;
            if let Some(c) = children.last_mut().filter(|c| c.0 == seq) {
                c.2.push(code);
                continue;
            }
            let (Some(wrapped), Some(sealed)) = (r.opt_bytes(2)?, r.opt_bytes(3)?) else {
                continue;
            };
            let plain = keys
                .unwrap_child_key(&r.text(1)?, &wrapped)?
                .open("identity", &sealed)?;
            let identity: ChildIdentity =
                serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt)?;
            children.push((seq, name_hashes(keys, &identity.names), vec![code]));
        }
        let first = rows[0].i64(0)?;
        let mut tx = pools.begin().await?;
        // The batch's earlier rows in one range (none after the migration that emptied it).
        tx.exec(
            "DELETE FROM name_index WHERE child_seq BETWEEN $1 AND $2",
            args![first, after],
        )
        .await?;
        for (seq, hashes, agencies) in &children {
            write_name_keys(&mut tx, *seq, agencies, hashes, true).await?;
        }
        tx.commit().await?;
        let before = done;
        done += children.len();
        if done / 50_000 > before / 50_000 {
            tracing::info!(
                children = done,
                "search index: names indexed with this release's keys"
            );
        }
    }
    if done > 0 {
        tracing::info!(children = done, "search index rebuilt");
    }
    let mut tx = pools.begin().await?;
    tx.exec(
        "INSERT INTO meta (key, value) VALUES ('name_keys_version', $1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        args![version],
    )
    .await?;
    tx.commit().await
}

/// Adds a value to a statement's arguments; its placeholder.
fn arg(v: Val, args: &mut Vec<Val>) -> String {
    args.push(v);
    format!("${}", args.len())
}

/// `$from, $from+1, …` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The hashes a query looks up. Pairs of tokens first: they find the children who share
    /// two names with the query, however common each name is; single tokens then add
    /// candidates, fewer of them when pairs can do the finding.
    fn lookup(&self, query: &str) -> Option<Lookup> {
        let tokens = matching::tokens(query);
        if tokens.is_empty() {
            return None;
        }
        let mut hashes = Vec::new();
        let mut uses: HashMap<i64, Vec<Use>> = HashMap::new();
        let mut add = |key: &matching::Key, limit: i64, u: Use| {
            let h = self.keys.index_hash(key.kind.tag(), &key.value);
            if !uses.contains_key(&h) {
                hashes.push((h, limit));
            }
            uses.entry(h).or_default().push(u);
        };
        for (key, i, j) in matching::pair_keys(&tokens) {
            let u = Use {
                first: i,
                second: Some(j),
                weight: KeyKind::Pair.weight(),
            };
            add(&key, PER_KEY, u);
        }
        let per_key = if tokens.len() > 1 {
            PER_KEY_PAIRED
        } else {
            PER_KEY
        };
        for (t, token) in tokens.iter().enumerate().take(8) {
            for key in matching::query_keys(token) {
                let u = Use {
                    first: t,
                    second: None,
                    weight: key.kind.weight() + u32::from(key.kind == KeyKind::Exact),
                };
                add(&key, per_key, u);
            }
        }
        Some(Lookup {
            tokens,
            hashes,
            uses,
        })
    }

    /// The children the keys find within `scope`, in one statement: per key a range of the
    /// index (of the reader's agency when she sees it whole), and the children she sees through
    /// a case of her own by their sequence numbers. Each with its best key score per token.
    async fn key_matches(
        &self,
        l: &Lookup,
        scope: &Scope<'_>,
    ) -> Result<HashMap<i64, Vec<u32>>, StoreError> {
        let mut args: Vec<Val> = Vec::new();
        let mut branches = Vec::new();
        // Each value becomes a placeholder only where the statement uses it.
        let mut agency_param: Option<String> = None;
        let mut agency_of = |reader: &Reader, args: &mut Vec<Val>| -> Option<String> {
            let a = reader.agency_id.as_deref()?;
            Some(
                agency_param
                    .get_or_insert_with(|| arg(Val::from(a), args))
                    .clone(),
            )
        };
        match scope {
            Scope::Deployment | Scope::Elsewhere(_) => {
                let except = match scope {
                    Scope::Elsewhere(agency) => {
                        let a = arg(Val::from(*agency), &mut args);
                        format!(" AND agency <> (SELECT code FROM agencies WHERE id = {a})")
                    }
                    _ => String::new(),
                };
                for (i, (h, limit)) in l.hashes.iter().enumerate() {
                    let (h, limit) = (
                        arg(Val::from(*h), &mut args),
                        arg(Val::from(*limit), &mut args),
                    );
                    branches.push(format!(
                        "SELECT * FROM (SELECT h, child_seq FROM name_index \
                         WHERE h = {h}{except} LIMIT {limit}) k{i}"
                    ));
                }
            }
            Scope::Reader {
                reader,
                agency,
                assigned,
                referred,
                handed_over,
            } => {
                let mine = if *agency {
                    agency_of(reader, &mut args)
                } else {
                    None
                };
                if let Some(a) = &mine {
                    for (i, (h, limit)) in l.hashes.iter().enumerate() {
                        let (h, limit) = (
                            arg(Val::from(*h), &mut args),
                            arg(Val::from(*limit), &mut args),
                        );
                        branches.push(format!(
                            "SELECT * FROM (SELECT h, child_seq FROM name_index WHERE h = {h} \
                             AND agency = (SELECT code FROM agencies WHERE id = {a}) \
                             LIMIT {limit}) k{i}"
                        ));
                    }
                }
                // Cases of the reader's agency are already read whole when she sees them all.
                let outside = match &mine {
                    Some(a) => format!(" AND c.agency_id <> {a}"),
                    None => String::new(),
                };
                let seq_of = "SELECT ch.seq FROM cases c JOIN children ch ON ch.id = c.child_id";
                let mut named = Vec::new();
                if *assigned || *handed_over {
                    let me = arg(Val::from(reader.id.as_str()), &mut args);
                    if *assigned {
                        named.push(format!("{seq_of} WHERE c.assigned_to = {me}{outside}"));
                        named.push(format!(
                            "SELECT ch.seq FROM case_team t JOIN cases c ON c.id = t.case_id \
                             JOIN children ch ON ch.id = c.child_id \
                             WHERE t.user_id = {me}{outside}"
                        ));
                    }
                    if *handed_over {
                        named.push(format!("{seq_of} WHERE c.handed_over_by = {me}{outside}"));
                    }
                }
                if *referred && let Some(a) = agency_of(reader, &mut args) {
                    let sharing = arg(Val::from(ReferralStatus::SHARING.as_str()), &mut args);
                    named.push(format!(
                        "SELECT ch.seq FROM referrals r JOIN cases c ON c.id = r.case_id \
                         JOIN children ch ON ch.id = c.child_id \
                         WHERE r.to_agency = {a} AND r.status = {sharing} \
                         AND r.sections LIKE '%identity%'"
                    ));
                }
                if !named.is_empty() {
                    let from = args.len() + 1;
                    args.extend(l.hashes.iter().map(|(h, _)| Val::from(*h)));
                    branches.push(format!(
                        "SELECT n.h, n.child_seq FROM name_index n \
                         JOIN ({}) m ON n.child_seq = m.seq WHERE n.h IN ({})",
                        named.join(" UNION "),
                        placeholders(from, l.hashes.len())
                    ));
                }
            }
        }
        let mut best: HashMap<i64, Vec<u32>> = HashMap::new();
        if branches.is_empty() {
            return Ok(best);
        }
        let rows = self.pools.rows(&branches.join(" UNION ALL "), args).await?;
        for r in rows {
            let (h, seq) = (r.i64(0)?, r.i64(1)?);
            let slot = best.entry(seq).or_insert_with(|| vec![0; l.tokens.len()]);
            for u in l.uses.get(&h).into_iter().flatten() {
                for t in std::iter::once(u.first).chain(u.second) {
                    slot[t] = slot[t].max(u.weight);
                }
            }
        }
        Ok(best)
    }

    /// The candidates' cases and identities, erased children left out; with the case team and
    /// the sections referrals shared when a reader's decision needs them.
    async fn candidates(
        &self,
        seqs: &[i64],
        with_relations: bool,
    ) -> Result<Vec<Candidate>, StoreError> {
        if seqs.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {META_COLUMNS}, ch.id, ch.wrapped_key, ch.identity_sealed, a.jurisdiction \
             FROM children ch JOIN cases c ON c.child_id = ch.id \
             JOIN agencies a ON a.id = c.agency_id \
             WHERE ch.wrapped_key IS NOT NULL AND ch.seq IN ({})",
            placeholders(1, seqs.len())
        );
        let rows = self
            .pools
            .rows(&sql, seqs.iter().map(|s| Val::from(*s)).collect())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let meta = meta_from(r)?;
            let Readable::Present(identity) =
                self.open_identity(&r.text(10)?, r.opt_bytes(11)?, r.opt_bytes(12)?, None)?
            else {
                continue;
            };
            out.push(Candidate {
                meta,
                identity,
                place: r.text(13)?,
            });
        }
        if with_relations {
            self.relate(out.iter_mut().map(|c| &mut c.meta).collect())
                .await?;
        }
        Ok(out)
    }

    /// Fills in each case's team and the referrals sharing it: two statements for all.
    async fn relate(&self, mut metas: Vec<&mut CaseMeta>) -> Result<(), StoreError> {
        if metas.is_empty() {
            return Ok(());
        }
        let ids: Vec<Val> = metas.iter().map(|m| Val::from(m.id.as_str())).collect();
        let list = placeholders(1, ids.len());
        let team = self
            .pools
            .rows(
                &format!(
                    "SELECT case_id, user_id FROM case_team WHERE case_id IN ({list}) \
                     ORDER BY added_at"
                ),
                ids.clone(),
            )
            .await?;
        let mut shares_args = ids;
        shares_args.push(Val::from(ReferralStatus::SHARING.as_str()));
        let shares = self
            .pools
            .rows(
                &format!(
                    "SELECT case_id, to_agency, sections FROM referrals \
                     WHERE case_id IN ({list}) AND status = ${}",
                    shares_args.len()
                ),
                shares_args,
            )
            .await?;
        let index: HashMap<String, usize> = metas
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        for r in &team {
            if let Some(&i) = index.get(&r.text(0)?) {
                metas[i].team.push(r.text(1)?);
            }
        }
        for r in &shares {
            if let Some(&i) = index.get(&r.text(0)?) {
                let sections = r.text(2)?.split(',').filter_map(Section::parse).collect();
                metas[i].shares.push((r.text(1)?, sections));
            }
        }
        Ok(())
    }

    /// The children `query` finds within `scope`, each with what `reader` sees of it (all of
    /// it without a reader), ranked with the hints. At most `budget` candidates are decrypted:
    /// the best by their keys; `more` says whether children scoring as well were left out.
    async fn ranked(
        &self,
        query: &str,
        scope: &Scope<'_>,
        reader: Option<&Reader>,
        hints: &Hints,
        budget: usize,
    ) -> Result<(Vec<(Found, Sight, Relationship)>, bool), StoreError> {
        let Some(l) = self.lookup(query) else {
            return Ok((Vec::new(), false));
        };
        let best = self.key_matches(&l, scope).await?;
        let mut keyed: Vec<(i64, u32)> = best
            .into_iter()
            .map(|(seq, s)| (seq, s.iter().sum()))
            .collect();
        keyed.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let more = keyed.len() > budget && keyed[budget].1 == keyed[budget - 1].1;
        keyed.truncate(budget);
        let seqs: Vec<i64> = keyed.iter().map(|k| k.0).collect();
        let today = self.now().date_naive();
        let mut out = Vec::new();
        for c in self.candidates(&seqs, reader.is_some()).await? {
            let seen = sight(&c.meta, reader);
            // A minimal grant shows no alias or transliteration: it does not find by them
            // either, or the result would tell which alias is whose.
            let identity = match seen {
                Sight::Minimal => minimal(c.identity),
                _ => c.identity,
            };
            let fit = matching::name_fit(query, identity.names.all_forms());
            if fit.score < THRESHOLD {
                continue;
            }
            let assessed = rules::assess(
                fit,
                hints,
                Recorded {
                    sex: identity.sex,
                    age: identity.age.age_on(today),
                    place: &c.place,
                },
            );
            let closeness = reader.map_or(Relationship::None, |r| c.meta.relationship(r));
            out.push((
                Found {
                    reference: c.meta.reference.to_string(),
                    case_id: c.meta.id,
                    child_id: c.meta.child_id,
                    name: (seen != Sight::None).then(|| identity.names.display()),
                    score: fit.score,
                    rank: assessed.rank,
                    reasons: assessed.reasons,
                    compatible: assessed.compatible,
                },
                seen,
                closeness,
            ));
        }
        // Equal ranks: the better name, then the reader's own cases, then the older case.
        out.sort_by(|a, b| {
            b.0.rank
                .total_cmp(&a.0.rank)
                .then(b.0.score.total_cmp(&a.0.score))
                .then(a.2.cmp(&b.2))
                .then_with(|| a.0.reference.cmp(&b.0.reference))
        });
        Ok((out, more))
    }

    /// Names shown are reads of identity: one write for the list.
    async fn log_shown(&self, reader: &Reader, found: &[Found]) -> Result<(), StoreError> {
        let reads: Vec<(String, Section, Option<String>)> = found
            .iter()
            .filter(|f| f.name.is_some())
            .map(|f| (f.case_id.clone(), Section::Identity, None))
            .collect();
        if reads.is_empty() {
            return Ok(());
        }
        self.submit(
            &Actor::account(&reader.id, reader.role),
            AccessCommand::LogAccess { reads },
        )
        .await
    }

    /// What `reader` finds by typing `text`: a case reference finds that case, if she may open
    /// it (and says nothing otherwise); a name finds the children she may see, the best `limit`
    /// of them ranked with the hints, each with why it came up. Names shown are logged.
    pub async fn find_children(
        &self,
        reader: &Reader,
        text: &str,
        hints: &Hints,
        limit: usize,
    ) -> Result<Findings, StoreError> {
        if let Some(reference) = rules::typed_reference(text) {
            let found: Vec<Found> = self
                .by_reference(reader, &reference.to_string())
                .await?
                .into_iter()
                .collect();
            self.log_shown(reader, &found).await?;
            return Ok(Findings { found, more: false });
        }
        let budget = if hints.is_empty() {
            RANKED.max(limit * 3)
        } else {
            RANKED_WITH_HINTS.max(limit * 3)
        };
        let (ranked, more) = self
            .ranked(text, &Scope::of(reader), Some(reader), hints, budget)
            .await?;
        let found: Vec<Found> = ranked
            .into_iter()
            .filter(|(_, seen, _)| *seen != Sight::None)
            .map(|(f, _, _)| f)
            .take(limit)
            .collect();
        self.log_shown(reader, &found).await?;
        Ok(Findings { found, more })
    }

    /// The case with this reference, when `reader` may open it without a written reason; its
    /// name only where she may read the identity.
    async fn by_reference(
        &self,
        reader: &Reader,
        reference: &str,
    ) -> Result<Option<Found>, StoreError> {
        let sql = format!(
            "SELECT {META_COLUMNS}, ch.id, ch.wrapped_key, ch.identity_sealed, ch.erased_at \
             FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.reference = $1"
        );
        let Some(r) = self.pools.row(&sql, args![reference]).await? else {
            return Ok(None);
        };
        let mut meta = meta_from(&r)?;
        self.relate(vec![&mut meta]).await?;
        if !matches!(
            meta.decide(reader, Section::Status),
            Decision::Allow | Decision::AllowMinimal
        ) {
            return Ok(None);
        }
        let name = match sight(&meta, Some(reader)) {
            Sight::None => None,
            _ => match self.open_identity(
                &r.text(10)?,
                r.opt_bytes(11)?,
                r.opt_bytes(12)?,
                r.opt_i64(13)?,
            )? {
                Readable::Present(i) => Some(i.names.display()),
                Readable::Erased { .. } => None,
            },
        };
        Ok(Some(Found {
            reference: meta.reference.to_string(),
            case_id: meta.id,
            child_id: meta.child_id,
            name,
            score: 1.0,
            rank: 1.0,
            reasons: vec![Reason::Reference],
            compatible: true,
        }))
    }

    /// Registration's duplicate check for a child written as `queries` (the names as written
    /// and in Latin letters): the best `limit` matches the reader may see, ranked with what is
    /// known of the child, with names (logged); and apart, the best `limit` possible matches
    /// she may not see, by reference only.
    pub async fn duplicates(
        &self,
        reader: &Reader,
        queries: &[String],
        hints: &Hints,
        limit: usize,
    ) -> Result<Duplicates, StoreError> {
        let budget = RANKED_WITH_HINTS.max(limit * 3);
        let mut visible: HashMap<String, Found> = HashMap::new();
        let mut elsewhere: HashMap<String, Found> = HashMap::new();
        let keep = |into: &mut HashMap<String, Found>, f: Found| {
            if into.get(&f.child_id).is_none_or(|o| o.rank < f.rank) {
                into.insert(f.child_id.clone(), f);
            }
        };
        for q in queries.iter().filter(|q| !q.trim().is_empty()) {
            let mine = Scope::of(reader);
            for (f, seen, _) in self.ranked(q, &mine, Some(reader), hints, budget).await?.0 {
                if seen != Sight::None {
                    keep(&mut visible, f);
                }
            }
            let others = match &reader.agency_id {
                Some(a) => Scope::Elsewhere(a),
                None => Scope::Deployment,
            };
            let all = self
                .ranked(q, &others, Some(reader), hints, RANKED.max(limit * 3))
                .await?
                .0;
            for (f, seen, _) in all {
                if seen == Sight::None {
                    keep(&mut elsewhere, f);
                }
            }
        }
        let order = |m: HashMap<String, Found>| {
            let mut v: Vec<Found> = m.into_values().collect();
            v.sort_by(|a, b| {
                b.rank
                    .total_cmp(&a.rank)
                    .then_with(|| a.reference.cmp(&b.reference))
            });
            v.truncate(limit);
            v
        };
        let out = Duplicates {
            visible: order(visible),
            elsewhere: order(elsewhere),
        };
        self.log_shown(reader, &out.visible).await?;
        Ok(out)
    }

    /// Children whose names match `query` across spelling variants, prefixes and scripts, in
    /// the whole deployment, best first, without their names: for the operator's tools and
    /// the benchmark, never for a page (pages ask [`Store::find_children`]). Erased children
    /// are never found.
    pub async fn search_names(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<NameMatch>, StoreError> {
        let (ranked, _) = self
            .ranked(
                query,
                &Scope::Deployment,
                None,
                &Hints::default(),
                RANKED.max(limit * 3),
            )
            .await?;
        Ok(ranked
            .into_iter()
            .take(limit)
            .map(|(f, _, _)| NameMatch {
                child_id: f.child_id,
                case_id: Some(f.case_id),
                reference: Some(f.reference),
                score: f.score,
            })
            .collect())
    }
}

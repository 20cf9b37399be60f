//! Name search without plaintext in the database: keyed hashes of search keys find candidates,
//! the candidates' names are decrypted and ranked by similarity.

use std::collections::HashMap;

use pelita_domain::matching::{self, KeyKind};

use crate::db::{Val, args};
use crate::{Readable, Store, StoreError};

/// Rows read per search key: bounds the work for very common names and short prefixes.
const PER_KEY: i64 = 5_000;
/// Rows read per single-token key when the query has several tokens, whose pairs find the
/// children sharing two of them.
const PER_KEY_PAIRED: i64 = 500;
/// Candidates decrypted and ranked per search.
const RANKED: usize = 60;
/// Below this similarity a candidate is not shown.
const THRESHOLD: f64 = 0.72;

#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    pub child_id: String,
    pub case_id: Option<String>,
    pub reference: Option<String>,
    /// 0..1; 1 is the same name.
    pub score: f64,
    /// With a [`MatchHint`]: false when the sexes differ or the ages cannot overlap. The names
    /// themselves never leave the store here; callers read them through a grant.
    pub compatible: Option<bool>,
}

/// What is known of the child being registered, to tell likely from possible matches.
#[derive(Debug, Clone, Copy)]
pub struct MatchHint {
    pub sex: pelita_domain::identity::Sex,
    pub age: pelita_domain::age::AgeRange,
}

impl Store {
    /// Children whose names match `query` across spelling variants, prefixes and scripts, best
    /// first. Erased children are never found.
    pub async fn search_names(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<NameMatch>, StoreError> {
        self.match_names(query, limit, None).await
    }

    /// Name search that also compares sex and age with what is known of a new child.
    pub async fn match_names(
        &self,
        query: &str,
        limit: usize,
        hint: Option<MatchHint>,
    ) -> Result<Vec<NameMatch>, StoreError> {
        let tokens = matching::tokens(query);
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        // Score each candidate by its best match per query token. Pairs of tokens first: they
        // find the children who share two names with the query, however common each name is.
        // Single tokens then add candidates, fewer of them when pairs can do the finding.
        let mut best: HashMap<i64, Vec<u32>> = HashMap::new();
        let pair = KeyKind::Pair.weight();
        for (key, i, j) in matching::pair_keys(&tokens) {
            let h = self.keys.index_hash(key.kind.tag(), &key.value);
            let rows = self
                .pools
                .rows(
                    "SELECT child_seq FROM name_index WHERE h = $1 LIMIT $2",
                    args![h, PER_KEY],
                )
                .await?;
            for r in rows {
                let slot = best
                    .entry(r.i64(0)?)
                    .or_insert_with(|| vec![0; tokens.len()]);
                slot[i] = slot[i].max(pair);
                slot[j] = slot[j].max(pair);
            }
        }
        let per_key = if tokens.len() > 1 {
            PER_KEY_PAIRED
        } else {
            PER_KEY
        };
        for (t, token) in tokens.iter().enumerate().take(8) {
            for key in matching::query_keys(token) {
                let h = self.keys.index_hash(key.kind.tag(), &key.value);
                let rows = self
                    .pools
                    .rows(
                        "SELECT child_seq FROM name_index WHERE h = $1 LIMIT $2",
                        args![h, per_key],
                    )
                    .await?;
                let w = key.kind.weight() + u32::from(key.kind == KeyKind::Exact);
                for r in rows {
                    let slot = best
                        .entry(r.i64(0)?)
                        .or_insert_with(|| vec![0; tokens.len()]);
                    slot[t] = slot[t].max(w);
                }
            }
        }
        let mut candidates: Vec<(i64, u32)> = best
            .into_iter()
            .map(|(seq, s)| (seq, s.iter().sum()))
            .collect();
        candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(RANKED.max(limit * 3));
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=candidates.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT c.id, c.wrapped_key, c.identity_sealed, \
             (SELECT k.id FROM cases k WHERE k.child_id = c.id ORDER BY k.created_at DESC LIMIT 1), \
             (SELECT k.reference FROM cases k WHERE k.child_id = c.id ORDER BY k.created_at DESC LIMIT 1) \
             FROM children c WHERE c.wrapped_key IS NOT NULL AND c.seq IN ({})",
            placeholders.join(", ")
        );
        let rows = self
            .pools
            .rows(&sql, candidates.iter().map(|c| Val::from(c.0)).collect())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let id = r.text(0)?;
            let Readable::Present(identity) =
                self.open_identity(&id, r.opt_bytes(1)?, r.opt_bytes(2)?, None)?
            else {
                continue;
            };
            let score = matching::similarity(query, identity.names.all_forms());
            if score >= THRESHOLD {
                let today = self.now().date_naive();
                let compatible = hint.map(|h| {
                    use pelita_domain::identity::Sex;
                    let known = |s: Sex| matches!(s, Sex::Female | Sex::Male);
                    let same_sex = !(known(h.sex) && known(identity.sex) && h.sex != identity.sex);
                    same_sex && !h.age.disjoint(&identity.age.age_on(today))
                });
                out.push(NameMatch {
                    child_id: id,
                    case_id: r.opt_text(3)?,
                    reference: r.opt_text(4)?,
                    score,
                    compatible,
                });
            }
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.child_id.cmp(&b.child_id))
        });
        out.truncate(limit);
        Ok(out)
    }
}

//! Name matching across spelling variants and scripts.
//!
//! The same child is written "Muhammad", "Mohammed", "Mohd" or "Md." by different agencies;
//! "Abdul Rahman" and "Abdurrahman"; "Nur" and "Noor"; "Fathimath" and "Fatimah". Search must
//! find them all, and must do so without plaintext names in the database: the store keeps only
//! keyed hashes of the keys computed here, and ranks the few candidates they return with
//! [`similarity`] after decrypting them.

mod translit;

use unicode_normalization::UnicodeNormalization;

/// Particles that carry no identity on their own (patronymic markers, articles).
const PARTICLES: &[&str] = &[
    "bin", "binti", "bte", "bt", "b", "ibn", "al", "el", "dela", "de", "del", "la", "los", "van",
];

/// Abbreviations and spellings that stand for one canonical name.
const CANONICAL: &[(&str, &[&str])] = &[
    (
        "muhammad",
        &[
            "md", "mohd", "muhd", "mhd", "mohamad", "mohammad", "mohammed", "muhamad", "muhammed",
            "mohamed", "mohamud", "muhamed", "mahammad",
        ],
    ),
    ("siti", &["sity", "sitti"]),
    // The pre-1972 Indonesian "Achmad" is today's "Ahmad", not a name with a "k" in it.
    (
        "ahmad",
        &["achmad", "akhmad", "achmed", "ahmed", "ahamed", "ahmat"],
    ),
    (
        "abdul",
        &["abd", "abdoul", "abdel", "abdal", "abdu", "abdur", "abdool"],
    ),
];

/// Where a key came from; the store hashes the kind with the key so they never collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyKind {
    /// The whole token, folded.
    Exact,
    /// The spelling-variant skeleton of the token.
    Variant,
    /// The first [`PREFIX`] characters of a longer token.
    Prefix,
    /// Two tokens of one name, by their skeletons, in either order: at a million children
    /// every single given name is shared by thousands, two together by few.
    Pair,
}

impl KeyKind {
    pub fn tag(self) -> &'static str {
        match self {
            KeyKind::Exact => "e",
            KeyKind::Variant => "v",
            KeyKind::Prefix => "p",
            KeyKind::Pair => "2",
        }
    }
    /// How much a match of this kind counts when ranking candidates.
    pub fn weight(self) -> u32 {
        match self {
            KeyKind::Exact => 4,
            KeyKind::Variant => 3,
            KeyKind::Prefix => 1,
            KeyKind::Pair => 3,
        }
    }
}

/// Length of prefix keys, in characters. A query token shorter than this matches by prefix
/// only after ranking; three characters keep index rows few and candidates specific enough.
pub const PREFIX: usize = 3;

/// A search key derived from a name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub kind: KeyKind,
    pub value: String,
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Folds a name for comparison: compatibility-normalised, lowercase, Latin diacritics removed,
/// zero-width joiners removed (keyboards differ), punctuation turned into spaces.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue; // Latin combining diacritics; Bengali and Thaana signs are kept.
        }
        if c == '\u{200C}' || c == '\u{200D}' {
            continue;
        }
        if c.is_alphanumeric() || is_mark(c) {
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    // Recompose what NFKD split in other scripts.
    out.nfc().collect()
}

/// Combining marks of the scripts we index (Bengali and Thaana vowel signs are marks, and
/// `is_alphanumeric` is false for some of them).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}'..='\u{09D7}' | '\u{09E2}'..='\u{09E3}'
        | '\u{07A6}'..='\u{07B0}')
}

/// The tokens of a name that carry identity, with "Abdul Rahman"-style compounds joined.
pub fn tokens(name: &str) -> Vec<String> {
    let folded = fold(name);
    let raw: Vec<&str> = folded
        .split_whitespace()
        .filter(|t| !PARTICLES.contains(t))
        .collect();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        // "Abdul Rahman", "Abd Rahman", "Abdur Rahman" → one token, as "Abdurrahman" is written.
        if let Some(next) = raw.get(i + 1) {
            let latin = t.chars().all(is_latin);
            if latin && canonical(t) == Some("abdul") && next.chars().all(is_latin) {
                out.push(format!("abd{next}"));
                i += 2;
                continue;
            }
            // আব্দুল রহমান, ޢަބްދުލް ރަޙްމާން: joined in their script, read as "Abdulrahman".
            if !latin && variant(t) == "abd" && !next.chars().any(is_latin) {
                out.push(format!("{t}{next}"));
                i += 2;
                continue;
            }
        }
        out.push(t.to_owned());
        i += 1;
    }
    out
}

fn canonical(token: &str) -> Option<&'static str> {
    CANONICAL
        .iter()
        .find(|(canon, forms)| *canon == token || forms.contains(&token))
        .map(|(canon, _)| *canon)
}

/// The spelling-variant skeleton of one folded token. Latin tokens lose vowels after the first
/// letter, doubled letters and silent letters, after regional digraphs are unified; Bengali and
/// Thaana tokens are read in Latin letters first ([`translit`]), so a name has one skeleton in
/// either script; tokens in other scripts are their own skeleton.
pub fn variant(token: &str) -> String {
    if !token.chars().all(is_latin) {
        return match translit::to_latin(token).first() {
            Some(latin) => variant(latin),
            None => token.to_owned(),
        };
    }
    let mut t = match canonical(token) {
        Some("abdul") => "abd".to_owned(),
        Some(c) => c.to_owned(),
        None => token.to_owned(),
    };
    // Compounds written as one word: Abdurrahman, Abdulrahman, Abdullah.
    for prefix in ["abdoul", "abdul", "abdur", "abdel", "abdal", "abdu"] {
        if t.len() > prefix.len() + 2 && t.starts_with(prefix) {
            t = format!("abd{}", &t[prefix.len()..]);
            break;
        }
    }
    // Old Indonesian spelling and regional digraphs.
    for (from, to) in [
        ("oe", "u"),
        ("dj", "j"),
        ("tj", "c"),
        ("dz", "z"),
        ("jh", "j"),
        ("bh", "b"),
        ("x", "ks"),
        ("sy", "s"),
        ("sh", "s"),
        ("kh", "k"),
        ("gh", "g"),
        ("dh", "d"),
        ("th", "t"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("ee", "i"),
        ("oo", "u"),
        ("ou", "u"),
    ] {
        t = t.replace(from, to);
    }
    // Arabic tā' marbūṭa: Fatimah / Fatima / Fathimath; Aishah / Aisha / Aishath.
    for ending in ["ath", "at", "ah"] {
        if t.len() > ending.len() + 2 && t.ends_with(ending) {
            t.truncate(t.len() - ending.len());
            t.push('a');
            break;
        }
    }
    // Soft c (Jocelyn / Joselyn), hard c (Cristina / Kristina, Sircar / Sarkar); z and j
    // alternate in transliterations from Bengali (Zainab / Joynob, Mazumder / Majumder) except
    // at the end of Spanish surnames (Gonzalez / Gonzales).
    for (from, to) in [("ce", "se"), ("ci", "si"), ("cy", "sy")] {
        t = t.replace(from, to);
    }
    t = t.replace('c', "k");
    if t.ends_with('z') {
        t.pop();
        t.push('s');
    }
    t = t.replace('z', "j");
    let chars: Vec<char> = t.chars().collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            // Ibrahim / Ebrahim, Usman / Osman: any leading vowel is the same.
            out.push(if vowel(c) && c != 'y' { 'a' } else { c });
            continue;
        }
        let next_is_vowel = chars.get(i + 1).is_some_and(|&n| vowel(n));
        let after_vowel = vowel(chars[i - 1]);
        // Syahputra / Saputra, Ahmad / Ahamed, Mehdi / Mehedi: h is kept only where it starts a
        // syllable after a consonant.
        let silent_h = c == 'h' && (after_vowel || !next_is_vowel);
        // Chowdhury / Choudhury, Howlader / Haoladar.
        let glide_w = c == 'w' && after_vowel && !next_is_vowel;
        if vowel(c) || silent_h || glide_w {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Spellings from before the 1972 reforms, still in documents and in older people's names,
/// with today's: read a token the old way and it becomes another spelling of the same name.
/// Indonesia (van Ophuijsen 1901 and Soewandi 1947 → EYD 1972): Soekarno is Sukarno, Djoko
/// Joko, Tjahjo Cahyo, Njoman Nyoman, Sjahrir Syahrir, Chairul Khairul — and a lone "j" was
/// today's "y" (Jusuf is Yusuf, Soejono Suyono). Malaysia (Za'ba → Ejaan Rumi Baharu 1972):
/// "ch" was today's "c" (Chik is Cik). At each position the first rule that fits is taken, so
/// the "j" of "dj" never becomes a "y".
pub const OLD_SPELLINGS: &[(&str, &[(&str, &str)])] = &[
    (
        "ID",
        &[
            ("dj", "j"),
            ("tj", "c"),
            ("nj", "ny"),
            ("sj", "sy"),
            ("ch", "kh"),
            ("oe", "u"),
            ("j", "y"),
        ],
    ),
    ("MY", &[("ch", "c")]),
];

/// A token rewritten by one spelling's rules, left to right.
fn respell(token: &str, rules: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(token.len() + 2);
    let mut rest = token;
    while let Some(c) = rest.chars().next() {
        match rules.iter().find(|(from, _)| rest.starts_with(from)) {
            Some((from, to)) => {
                out.push_str(to);
                rest = &rest[from.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The skeletons of one folded token: its own, then those of its readings as an old spelling
/// where they differ (at most one per country in [`OLD_SPELLINGS`]). A Bengali or Thaana token
/// has those of its Latin readings (the common one first); tokens in other scripts only their
/// own.
pub fn variants(token: &str) -> Vec<String> {
    if !token.chars().all(is_latin) {
        let mut out: Vec<String> = Vec::new();
        for latin in translit::to_latin(token) {
            let v = variant(&latin);
            if !out.contains(&v) {
                out.push(v);
            }
        }
        if out.is_empty() {
            out.push(token.to_owned());
        }
        return out;
    }
    let own = variant(token);
    let mut out = vec![own];
    if token.chars().all(is_latin) {
        // Most tokens hold no old spelling at all: only those that do are read again.
        for (_, rules) in OLD_SPELLINGS {
            if !rules.iter().any(|(from, _)| token.contains(from)) {
                continue;
            }
            let v = variant(&respell(token, rules));
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Bumped whenever [`keys`] or [`pair_keys`] give other keys for the same name: the store then
/// rebuilds its index at the next start, so names indexed by an earlier release are found by
/// this one's queries.
pub const KEYS_VERSION: u32 = 3;

/// The keys under which a name is indexed and by which a query finds it.
pub fn keys(name: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    let toks = tokens(name);
    // Names written as one word or two: Mary Joy / Maryjoy, Nur Haliza / Nurhaliza.
    for pair in toks.windows(2) {
        for value in variants(&pair.concat()) {
            keys.push(Key {
                kind: KeyKind::Variant,
                value,
            });
        }
    }
    for token in toks {
        for value in variants(&token) {
            keys.push(Key {
                kind: KeyKind::Variant,
                value,
            });
        }
        if token.chars().count() > PREFIX {
            keys.push(Key {
                kind: KeyKind::Prefix,
                value: token.chars().take(PREFIX).collect(),
            });
        }
        keys.push(Key {
            kind: KeyKind::Exact,
            value: token,
        });
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Most tokens of one name that are paired with each other (a name with more parts is rare, and
/// pairs grow with the square).
pub const PAIRED_TOKENS: usize = 6;

/// The pair keys of the tokens of one whole name (all its parts in one script), each with the
/// positions of its two tokens: every skeleton of one with every skeleton of the other, so an
/// old spelling of either still pairs.
pub fn pair_keys(tokens: &[String]) -> Vec<(Key, usize, usize)> {
    let skeletons: Vec<Vec<String>> = tokens
        .iter()
        .take(PAIRED_TOKENS)
        .map(|t| variants(t))
        .collect();
    let mut out = Vec::new();
    for i in 0..skeletons.len() {
        for j in i + 1..skeletons.len() {
            if skeletons[i][0] == skeletons[j][0] {
                continue;
            }
            for a in &skeletons[i] {
                for b in &skeletons[j] {
                    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                    let key = Key {
                        kind: KeyKind::Pair,
                        value: format!("{lo} {hi}"),
                    };
                    if !out.iter().any(|(k, _, _)| *k == key) {
                        out.push((key, i, j));
                    }
                }
            }
        }
    }
    out
}

/// Keys to look up for one query token, strongest first. A token shorter than a prefix key
/// cannot be looked up by prefix and only matches whole.
pub fn query_keys(token: &str) -> Vec<Key> {
    let mut keys = vec![Key {
        kind: KeyKind::Exact,
        value: token.to_owned(),
    }];
    keys.extend(variants(token).into_iter().map(|value| Key {
        kind: KeyKind::Variant,
        value,
    }));
    if token.chars().count() >= PREFIX {
        keys.push(Key {
            kind: KeyKind::Prefix,
            value: token.chars().take(PREFIX).collect(),
        });
    }
    keys
}

/// How one query token met the name it matched best, from the closest fit down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenFit {
    /// Written the same (after folding).
    Exact,
    /// Another spelling of the same name (Mohd / Muhammad, Nur / Noor).
    Variant,
    /// The same name in a spelling from before 1972 ([`OLD_SPELLINGS`]).
    OldSpelling,
    /// The beginning of a name.
    Prefix,
    /// Only alike; no spelling rule connects them.
    Similar,
}

impl TokenFit {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenFit::Exact => "same",
            TokenFit::Variant => "variant",
            TokenFit::OldSpelling => "old-spelling",
            TokenFit::Prefix => "prefix",
            TokenFit::Similar => "similar",
        }
    }
}

/// How a query met a candidate's names: the similarity from 0 to 1 ([`similarity`]) and the
/// loosest way any query token was met, to tell the searcher why the child came up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameFit {
    pub score: f64,
    pub fit: TokenFit,
}

/// What a shared skeleton is worth between tokens of two scripts (a Latin query and a name
/// recorded in Bengali or Thaana, or the reverse): less than another spelling in the same
/// script, so the child written as the query was typed comes first.
const ACROSS_SCRIPTS: f64 = 0.93;

/// One query token against one candidate token.
fn token_fit(q: &str, qv: &[String], c: &str, cv: &[String]) -> (f64, TokenFit) {
    if q == c {
        return (1.0, TokenFit::Exact);
    }
    let (q_latin, c_latin) = (q.chars().all(is_latin), c.chars().all(is_latin));
    let across = q_latin != c_latin;
    let direct = strsim::jaro_winkler(q, c);
    // Two readings of one name in another script are close, never the same.
    let variant = if across { ACROSS_SCRIPTS } else { 0.97 };
    let options = [
        (qv[0] == cv[0]).then_some((direct.max(variant), TokenFit::Variant)),
        // A second reading of Bengali or Thaana is a spelling of today, not one from before 1972.
        qv.iter()
            .any(|v| cv.contains(v))
            .then_some(if !(q_latin && c_latin) {
                (variant - 0.01, TokenFit::Variant)
            } else {
                (direct.max(0.96), TokenFit::OldSpelling)
            }),
        c.starts_with(q)
            .then_some((direct.max(0.9), TokenFit::Prefix)),
    ];
    options
        .into_iter()
        .flatten()
        .next()
        .unwrap_or((direct, TokenFit::Similar))
}

/// How alike a query and a candidate's names are, and how: for each query token, the best
/// match against any of the candidate's tokens (Jaro-Winkler, or a shared skeleton, an old
/// spelling or a prefix), averaged.
pub fn name_fit<'a>(query: &str, candidate: impl IntoIterator<Item = &'a str>) -> NameFit {
    let q = tokens(query);
    if q.is_empty() {
        return NameFit {
            score: 0.0,
            fit: TokenFit::Similar,
        };
    }
    let mut c: Vec<String> = Vec::new();
    for form in candidate {
        let t = tokens(form);
        c.extend(t.windows(2).map(|p| p.concat()));
        c.extend(t);
    }
    // Each candidate token's skeletons once, not once per query token.
    let c: Vec<(String, Vec<String>)> = c
        .into_iter()
        .map(|t| {
            let v = variants(&t);
            (t, v)
        })
        .collect();
    let mut total = 0.0;
    let mut loosest = TokenFit::Exact;
    for qt in &q {
        let qv = variants(qt);
        let (score, fit) = c.iter().map(|(ct, cv)| token_fit(qt, &qv, ct, cv)).fold(
            (0.0, TokenFit::Similar),
            |best, x| {
                if x.0 > best.0 { x } else { best }
            },
        );
        total += score;
        loosest = loosest.max(fit);
    }
    NameFit {
        score: total / q.len() as f64,
        fit: loosest,
    }
}

/// How alike a query and a candidate's names are, from 0 to 1 ([`name_fit`]'s score).
pub fn similarity<'a>(query: &str, candidate: impl IntoIterator<Item = &'a str>) -> f64 {
    name_fit(query, candidate).score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        let (ta, tb) = (tokens(a), tokens(b));
        ta.len() == tb.len() && ta.iter().zip(&tb).all(|(x, y)| variant(x) == variant(y))
    }

    #[test]
    fn regional_spelling_variants_share_a_skeleton() {
        for group in [
            &["Muhammad", "Mohammed", "Mohd", "Muhamad", "Md.", "Mohamed"][..],
            &["Nur", "Noor", "Nour"],
            &["Abdul Rahman", "Abdurrahman", "Abdulrahman", "Abd Rahman"],
            &["Fathimath", "Fatimah", "Fatima", "Fathima"],
            &["Aishath", "Aishah", "Aisyah", "Aisha"],
            &["Akter", "Akhter", "Aktar", "Akhtar"],
            &["Yusuf", "Yousuf", "Yusof"],
            &["Ibrahim", "Ebrahim", "Ibraheem"],
            &["Rizki", "Rizky", "Rezki"],
            &["Saputra", "Syahputra"],
            &["Khadija", "Khadijah", "Khadeeja"],
            &["Abdullah", "Abdulla", "Abdallah"],
            &["Soeharto", "Suharto"],
            &["Ahmed", "Ahmad"],
        ] {
            for name in group {
                assert!(
                    same(group[0], name),
                    "{} ≠ {name}: {:?} {:?}",
                    group[0],
                    tokens(group[0])
                        .iter()
                        .map(|t| variant(t))
                        .collect::<Vec<_>>(),
                    tokens(name).iter().map(|t| variant(t)).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Siti", "Sari"),
            ("Rahman", "Rahim"),
            ("Nur", "Nurul"),
            ("Ali", "Alam"),
        ] {
            assert!(!same(a, b), "{a} = {b}");
        }
    }

    #[test]
    fn particles_and_diacritics_are_ignored() {
        assert_eq!(tokens("Nurul binti Ismail"), vec!["nurul", "ismail"]);
        assert_eq!(tokens("José dela Cruz"), vec!["jose", "cruz"]);
    }

    #[test]
    fn bengali_and_thaana_keep_their_script() {
        let bn = tokens("নুসরাত জাহান");
        assert_eq!(bn, vec!["নুসরাত", "জাহান"]);
        // Its skeleton is that of its Latin reading, as "Nusrat" is written.
        assert_eq!(variant(&bn[0]), variant("nusrat"));
        assert_eq!(tokens("ޢާއިޝަތު ޒާހިރު"), vec!["ޢާއިޝަތު", "ޒާހިރު"]);
        // A zero-width joiner typed on one keyboard and not another still matches.
        assert_eq!(tokens("র\u{200D}্যাব"), tokens("র্যাব"));
    }

    #[test]
    fn keys_cover_exact_variant_and_prefix() {
        let k = keys("Mohammed Rakib");
        assert!(k.contains(&Key {
            kind: KeyKind::Exact,
            value: "mohammed".into()
        }));
        assert!(k.contains(&Key {
            kind: KeyKind::Variant,
            value: variant("muhammad")
        }));
        assert!(k.contains(&Key {
            kind: KeyKind::Prefix,
            value: "rak".into()
        }));
    }

    #[test]
    fn similarity_ranks_the_closer_name_first() {
        let near = similarity("Mohd Rakib Hossain", ["Muhammad Rakib Hussain"]);
        let far = similarity("Mohd Rakib Hossain", ["Muhammad Rafiq Islam"]);
        assert!(near > far, "{near} vs {far}");
        assert!(similarity("নুসরাত", ["নুসরাত জাহান"]) > 0.99);
    }

    /// Whether a search for `query` reaches a child named `name` through the index: every
    /// query token meets one of the name's spelling keys.
    fn finds(query: &str, name: &str) -> bool {
        let indexed = keys(name);
        tokens(query).iter().all(|t| {
            query_keys(t)
                .iter()
                .any(|k| k.kind != KeyKind::Prefix && indexed.contains(k))
        })
    }

    #[test]
    fn old_spellings_find_todays_names_and_todays_find_the_old() {
        for (old, new) in [
            ("Soekarno", "Sukarno"),
            ("Djoko Soesilo", "Joko Susilo"),
            ("Tjahjo", "Cahyo"),
            ("Njoman", "Nyoman"),
            ("Sjahrir", "Syahrir"),
            ("Chairul Anwar", "Khairul Anwar"),
            ("Jusuf", "Yusuf"),
            ("Soejono", "Suyono"),
            ("Achmad Soebardjo", "Ahmad Subarjo"),
            ("Soedjatmoko", "Sujatmoko"),
            ("Tjokroaminoto", "Cokroaminoto"),
            // Malay before 1972: "ch" was today's "c".
            ("Chik Siti", "Cik Siti"),
        ] {
            assert!(finds(old, new), "{old} does not find {new}");
            assert!(finds(new, old), "{new} does not find {old}");
            let fit = name_fit(old, [new]);
            assert!(fit.score >= 0.9, "{old} ~ {new}: {fit:?}");
            assert_ne!(fit.fit, TokenFit::Similar, "{old} ~ {new}");
        }
        assert_eq!(name_fit("Jusuf", ["Yusuf"]).fit, TokenFit::OldSpelling);
        assert_eq!(name_fit("Yusuf", ["Jusuf"]).fit, TokenFit::OldSpelling);
        assert_eq!(
            name_fit("Mohd Rakib", ["Muhammad Rakib"]).fit,
            TokenFit::Variant
        );
        assert_eq!(
            name_fit("Siti Rahayu", ["Siti Rahayu"]).fit,
            TokenFit::Exact
        );
    }

    #[test]
    fn old_spelling_rules_do_not_merge_unrelated_names() {
        for (a, b) in [
            // "dj" was today's "j", never "y"; "tj" is "c", "sj" is "sy": each digraph whole.
            ("Djoko", "Yoko"),
            ("Djuli", "Yuli"),
            ("Tjitra", "Titra"),
            ("Sjamsul", "Jamsul"),
            ("Njoman", "Joman"),
            ("Joko", "Koko"),
            ("Jaya", "Raya"),
            ("Chandra", "Sandra"),
            ("Suyono", "Sujatmiko"),
            ("Siti", "Sari"),
        ] {
            assert!(!finds(a, b), "{a} finds {b}");
            assert!(!finds(b, a), "{b} finds {a}");
        }
    }

    #[test]
    fn old_spellings_touch_only_latin_letters() {
        // Bengali and Thaana tokens have the skeletons of their Latin readings only: no
        // Indonesian rule reads "j" as "y" in "Joynob".
        for word in ["জয়নব", "ޢާއިޝަތު", "নুসরাত"] {
            let t = &tokens(word)[0];
            let mut readings: Vec<String> =
                translit::to_latin(t).iter().map(|l| variant(l)).collect();
            readings.dedup();
            assert_eq!(variants(t), readings, "{word}");
        }
        // Other scripts are their own skeleton.
        assert_eq!(variants("张伟"), vec!["张伟".to_owned()]);
        // Tokens without an old spelling have one skeleton; those with one have two at most
        // per country.
        assert_eq!(variants("rahayu").len(), 1);
        assert!(variants("chik").len() <= 1 + OLD_SPELLINGS.len());
        assert_eq!(respell("djoko", OLD_SPELLINGS[0].1), "joko");
        assert_eq!(respell("soejono", OLD_SPELLINGS[0].1), "suyono");
    }
}

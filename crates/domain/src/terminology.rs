//! The terminology guard: finds stigmatising terms for children in free text and suggests the
//! language the conclusions ask for ("child associated with …", "recruitment and exploitation",
//! "disengagement", "rehabilitation and reintegration").
//!
//! Word lists are data files, one per language, in `crates/domain/terminology/`; they are
//! compiled into the binary so the guard needs no I/O. Format, one rule a line:
//! `term => alternative; alternative`, `#` starts a comment. Terms match whole words,
//! case-insensitively; a space in a term matches any whitespace or hyphen; `*` inside a word
//! matches any letters (so `radicali*ed` covers both spellings). A line
//! `@suffixes a b c` lets every later term of that list end with one of those inflectional
//! suffixes (Bengali case and number endings), so lists name a term once, not every form.
//!
//! Text and terms are compared after the same normalisation (NFKC, every dash a hyphen, soft
//! hyphens and zero-width characters removed), so a term typed with an en dash or pasted from a
//! word processor is caught; findings still point into the original text.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, compose};

/// The shipped word lists: (language tag, file contents).
pub const SOURCES: [(&str, &str); 6] = [
    ("en", include_str!("../terminology/en.txt")),
    ("id", include_str!("../terminology/id.txt")),
    ("ms", include_str!("../terminology/ms.txt")),
    ("fil", include_str!("../terminology/fil.txt")),
    ("bn", include_str!("../terminology/bn.txt")),
    ("dv", include_str!("../terminology/dv.txt")),
];

struct Rule {
    language: &'static str,
    term: String,
    regex: Regex,
    alternatives: Vec<String>,
}

/// One stigmatising term found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Byte range of the match in the checked text.
    pub start: usize,
    pub end: usize,
    /// Character offset of the match, for interfaces that count characters.
    pub char_start: usize,
    /// The words as they appear in the text.
    pub matched: String,
    /// The rule's term, as written in the word list.
    pub term: String,
    /// Language of the word list the rule comes from.
    pub language: &'static str,
    /// Suggested wording, in that language.
    pub alternatives: Vec<String>,
}

pub struct Guard {
    rules: Vec<Rule>,
}

static BUILTIN: LazyLock<Guard> =
    LazyLock::new(|| Guard::from_sources(&SOURCES).expect("shipped word lists are valid"));

/// A line of a word list that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    pub language: String,
    pub line: usize,
    pub reason: &'static str,
}

/// Invisible characters that break a word apart for a regex but not for a reader.
fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Every dash a writer or a word processor may put between "de" and the rest of a word.
fn dash(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => '-',
        c => c,
    }
}

/// Whether `c` belongs with the piece before it for normalisation: a combining mark, or a
/// letter that composes with the piece's last one (Bengali ে + া is ো).
fn joins(piece: &str, c: char) -> bool {
    canonical_combining_class(c) != 0
        || piece
            .chars()
            .next_back()
            .is_some_and(|p| compose(p, c).is_some())
}

/// A text as the rules see it, with the way back to the original's byte offsets.
struct Prepared {
    text: String,
    /// Where each piece starts in `text`, and the original bytes it came from. A piece is a
    /// character with the marks that combine with it, normalised as one.
    pieces: Vec<(usize, Range<usize>)>,
}

impl Prepared {
    fn new(original: &str) -> Prepared {
        let mut p = Prepared {
            text: String::with_capacity(original.len()),
            pieces: Vec::new(),
        };
        let mut piece: Option<Range<usize>> = None;
        for (i, c) in original.char_indices().filter(|(_, c)| !ignorable(*c)) {
            let end = i + c.len_utf8();
            match piece {
                Some(ref mut r) if joins(&original[r.clone()], c) => r.end = end,
                _ => {
                    if let Some(r) = piece.replace(i..end) {
                        p.push(original, r);
                    }
                }
            }
        }
        if let Some(r) = piece {
            p.push(original, r);
        }
        p
    }

    fn push(&mut self, original: &str, r: Range<usize>) {
        let start = self.text.len();
        let chars = original[r.clone()].chars().filter(|c| !ignorable(*c));
        self.text.extend(chars.nfkc().map(dash));
        if self.text.len() > start {
            self.pieces.push((start, r));
        }
    }

    /// The original bytes behind a (non-empty) range of the prepared text: whole pieces.
    fn original(&self, r: Range<usize>) -> Range<usize> {
        let first = self.pieces.partition_point(|p| p.0 <= r.start) - 1;
        let last = self.pieces.partition_point(|p| p.0 < r.end) - 1;
        self.pieces[first].1.start..self.pieces[last].1.end
    }
}

/// A word-list entry normalised as texts are, so both meet in the same form.
fn normalised(s: &str) -> String {
    Prepared::new(s).text
}

fn pattern(term: &str, suffixes: &[String]) -> Option<String> {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| {
            w.split('*')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\w*")
        })
        .collect();
    if words.is_empty() || words.iter().all(|w| w == r"\w*" || w.is_empty()) {
        return None;
    }
    let tail = if suffixes.is_empty() {
        String::new()
    } else {
        let alts: Vec<String> = suffixes.iter().map(|s| regex::escape(s)).collect();
        format!("(?:{})?", alts.join("|"))
    };
    // Texts reach the regex normalised: every dash is already a hyphen.
    Some(format!(r"(?i)\b{}{tail}\b", words.join(r"[\s\-]+")))
}

/// The suffixes of an `@suffixes` line, longest first so the longest ending is taken.
fn suffix_line(line: &str) -> Option<Vec<String>> {
    let rest = line.strip_prefix("@suffixes")?;
    let mut suffixes: Vec<String> = rest.split_whitespace().map(normalised).collect();
    suffixes.sort_by_key(|s| Reverse(s.len()));
    Some(suffixes)
}

fn parse_rule(
    language: &'static str,
    line: &str,
    suffixes: &[String],
) -> Result<Rule, &'static str> {
    let (term, alts) = line.split_once("=>").ok_or("missing =>")?;
    let term = term.trim();
    let alternatives: Vec<String> = alts
        .split(';')
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    if alternatives.is_empty() {
        return Err("no alternative");
    }
    let regex = pattern(&normalised(term), suffixes)
        .and_then(|p| Regex::new(&p).ok())
        .ok_or("term is not a valid pattern")?;
    Ok(Rule {
        language,
        term: term.to_owned(),
        regex,
        alternatives,
    })
}

/// One rule's match in the prepared text.
struct Match<'a> {
    span: Range<usize>,
    rule: &'a Rule,
}

/// The language most of the text's matches come from, if one leads: a text without a
/// language hint is most likely written in it.
fn leading_language(found: &[Match]) -> Option<&'static str> {
    let spans: HashSet<(&str, usize, usize)> = found
        .iter()
        .map(|m| (m.rule.language, m.span.start, m.span.end))
        .collect();
    let mut counts = HashMap::<&'static str, usize>::new();
    for (language, _, _) in spans {
        *counts.entry(language).or_default() += 1;
    }
    let top = counts.values().copied().max()?;
    let mut leaders = counts.into_iter().filter(|(_, n)| *n == top);
    match (leaders.next(), leaders.next()) {
        (Some((language, _)), None) => Some(language),
        _ => None,
    }
}

/// Which list's rule speaks for a span several lists match: the text's language, then English.
fn rank(language: &str, preferred: Option<&str>) -> u8 {
    if Some(language) == preferred {
        0
    } else if language == "en" {
        1
    } else {
        2
    }
}

impl Guard {
    /// The guard built from the shipped word lists.
    pub fn builtin() -> &'static Guard {
        &BUILTIN
    }

    pub fn from_sources(sources: &[(&'static str, &str)]) -> Result<Guard, ListError> {
        let mut rules = Vec::new();
        for (language, text) in sources {
            let mut suffixes = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(s) = suffix_line(line) {
                    suffixes = s;
                    continue;
                }
                let rule = parse_rule(language, line, &suffixes).map_err(|reason| ListError {
                    language: language.to_string(),
                    line: n + 1,
                    reason,
                })?;
                rules.push(rule);
            }
        }
        Ok(Guard { rules })
    }

    /// Number of rules, per language.
    pub fn rule_count(&self, language: &str) -> usize {
        self.rules.iter().filter(|r| r.language == language).count()
    }

    /// Every stigmatising term in `text`, in order; where matches overlap the longest wins.
    /// The text's language is guessed from the terms found; see [`Guard::check_in`].
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.check_in(text, None)
    }

    /// As [`Guard::check`], for a text in `language` (a list's tag: "fil", "ms", …; a region
    /// such as "ms-MY" is ignored). Every list is searched, since notes mix languages; where
    /// several lists match the same words, the suggestions come from the text's language (or,
    /// unknown, the language most of the findings are in), then English, then the list order.
    pub fn check_in(&self, text: &str, language: Option<&str>) -> Vec<Finding> {
        let prepared = Prepared::new(text);
        let mut found = self.matches(&prepared.text);
        let preferred = match language {
            Some(tag) => tag.split(['-', '_']).next(),
            None => leading_language(&found),
        };
        // Stable: equal spans of equally ranked languages keep the lists' order.
        found.sort_by_key(|m| {
            (
                m.span.start,
                Reverse(m.span.end),
                rank(m.rule.language, preferred),
            )
        });
        let mut out: Vec<Finding> = Vec::new();
        let mut covered = 0;
        for m in found {
            if m.span.start < covered {
                continue;
            }
            covered = m.span.end;
            out.push(finding(text, prepared.original(m.span), m.rule));
        }
        out
    }

    fn matches<'a>(&'a self, prepared: &str) -> Vec<Match<'a>> {
        self.rules
            .iter()
            .flat_map(|rule| {
                rule.regex.find_iter(prepared).map(move |m| Match {
                    span: m.range(),
                    rule,
                })
            })
            .collect()
    }

    pub fn is_clean(&self, text: &str) -> bool {
        let prepared = Prepared::new(text);
        self.rules.iter().all(|r| !r.regex.is_match(&prepared.text))
    }
}

fn finding(text: &str, span: Range<usize>, rule: &Rule) -> Finding {
    Finding {
        start: span.start,
        end: span.end,
        char_start: text[..span.start].chars().count(),
        matched: text[span].to_owned(),
        term: rule.term.clone(),
        language: rule.language,
        alternatives: rule.alternatives.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_word_list() {
        let g = Guard::builtin();
        for (lang, _) in SOURCES {
            assert!(g.rule_count(lang) >= 5, "{lang} has too few rules");
        }
    }

    #[test]
    fn finds_terms_with_position_and_alternatives() {
        let g = Guard::builtin();
        let text = "Note: the Radicalised child joined a deradicalization programme.";
        let f = g.check(text);
        assert!(f.len() >= 2, "{f:?}");
        assert_eq!(&text[f[0].start..f[0].end], f[0].matched);
        assert!(f[0].matched.to_lowercase().starts_with("radicalised"));
        assert!(!f[0].alternatives.is_empty());
        assert!(
            f.iter()
                .any(|x| x.matched.to_lowercase().starts_with("deradicali"))
        );
    }

    #[test]
    fn recommended_language_is_clean() {
        let g = Guard::builtin();
        assert!(g.is_clean(
            "The child was recruited and exploited by an armed group and now receives \
             disengagement support as part of rehabilitation and reintegration."
        ));
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        let g = Guard::from_sources(&[(
            "en",
            "child terrorist => child associated with a terrorist group",
        )])
        .unwrap();
        assert!(g.check("grandchild terrorists").is_empty());
        assert_eq!(g.check("a child-terrorist").len(), 1);
        assert_eq!(g.check("a child\n  terrorist").len(), 1);
    }

    #[test]
    fn wildcards_cover_spellings() {
        let g = Guard::from_sources(&[("en", "radicali*ed => associated")]).unwrap();
        assert_eq!(g.check("RADICALIZED and radicalised").len(), 2);
    }

    #[test]
    fn malformed_lists_name_the_line() {
        let e = Guard::from_sources(&[("en", "# c\nfoo bar\n")])
            .err()
            .unwrap();
        assert_eq!((e.line, e.reason), (2, "missing =>"));
        assert!(Guard::from_sources(&[("en", "foo =>  ; ")]).is_err());
    }

    /// Every sample sentence in `samples.tsv` is flagged, or left alone, as its row says.
    #[test]
    fn samples_in_every_language() {
        let g = Guard::builtin();
        let samples = include_str!("../terminology/samples.tsv");
        let mut counted = std::collections::HashMap::<(&str, &str), usize>::new();
        for line in samples.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad sample row: {line}");
            let (lang, expect, sentence) = (cols[0], cols[1], cols[2]);
            *counted.entry((lang, expect)).or_default() += 1;
            let findings = g.check(sentence);
            let own = SOURCES
                .iter()
                .find(|s| s.0 == lang)
                .expect("known language");
            let own = Guard::from_sources(&[*own]).unwrap();
            match expect {
                "flag" => assert!(
                    !own.check(sentence).is_empty(),
                    "[{lang}] not flagged: {sentence}"
                ),
                "clean" => assert!(findings.is_empty(), "[{lang}] wrongly flagged {findings:?}"),
                other => panic!("unknown expectation {other}"),
            }
        }
        for (lang, _) in SOURCES {
            assert!(
                counted.get(&(lang, "flag")).copied().unwrap_or(0) >= 3,
                "{lang} flag samples"
            );
            assert!(
                counted.get(&(lang, "clean")).copied().unwrap_or(0) >= 2,
                "{lang} clean samples"
            );
        }
    }

    /// The finding in `text` of `g`, which must be exactly one.
    fn one(g: &Guard, text: &str, language: Option<&str>) -> Finding {
        let f = g.check_in(text, language);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn dashes_are_caught_where_they_stand_in_the_original() {
        let g = Guard::builtin();
        for dash in [
            '\u{2013}', '\u{2014}', '\u{2011}', '\u{2012}', '\u{2212}', '\u{FF0D}',
        ] {
            for word in ["radicalisation", "radicalization", "radicalised"] {
                let term = format!("de{dash}{word}");
                let text = format!("Émile’s plan: {term} in May.");
                let f = one(g, &text, Some("en"));
                let start = text.find("de").unwrap();
                assert_eq!((f.start, f.end), (start, start + term.len()), "{text}");
                assert_eq!(f.matched, term);
                assert_eq!(f.char_start, 14);
                assert_eq!(f.language, "en");
            }
        }
    }

    #[test]
    fn invisible_characters_and_compatibility_forms_are_caught() {
        let g = Guard::builtin();
        let f = one(g, "\u{200B}\u{FEFF}de\u{AD}radicalised.", None);
        assert_eq!((f.start, f.char_start), (6, 2));
        assert_eq!(f.matched, "de\u{AD}radicalised");
        let f = one(g, "a child\u{200D} soldier", None);
        assert_eq!(f.matched, "child\u{200D} soldier");
        let wide = "ｄｅｒａｄｉｃａｌｉｓａｔｉｏｎ";
        let text = format!("x {wide}!");
        let f = one(g, &text, None);
        assert_eq!((f.start, f.end), (2, 2 + wide.len()));
        // A decomposed vowel sign (ে + া) meets the list's composed ো.
        let g = Guard::from_sources(&[("bn", "শিশু যোদ্ধা => x")]).unwrap();
        let f = one(&g, "সে শিশু যে\u{9BE}দ্ধা", None);
        assert_eq!(f.matched, "শিশু যে\u{9BE}দ্ধা");
    }

    /// Fails if texts reached the rules as typed: the raw patterns do not see these terms.
    #[test]
    fn normalisation_is_what_catches_them() {
        let g = Guard::from_sources(&[("en", "de radicali* => disengagement")]).unwrap();
        for text in [
            "de\u{2013}radicalisation",
            "de\u{2014}radicalization",
            "de\u{2011}radicalised",
            "de\u{AD}\u{2010}radicalised",
        ] {
            assert!(!g.rules.iter().any(|r| r.regex.is_match(text)), "{text}");
            assert_eq!(g.check(text).len(), 1, "{text}");
            assert!(!g.is_clean(text), "{text}");
        }
    }

    #[test]
    fn a_filipino_note_gets_filipino_suggestions() {
        let g = Guard::builtin();
        let f = one(g, "Isinama siya sa deradikalisasyon.", Some("fil"));
        assert_eq!(f.language, "fil");
        assert!(f.alternatives.iter().any(|a| a.contains("armadong grupo")));
        let f = one(g, "Isinama siya sa de–radikalisasyon.", Some("fil"));
        assert_eq!(f.language, "fil");
        // Unknown language: the list most of the note's terms come from.
        let f = g.check("Tinawag siyang batang rebelde at isinama sa deradikalisasyon.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|x| x.language == "fil"), "{f:?}");
    }

    #[test]
    fn a_malay_note_gets_malay_suggestions() {
        let g = Guard::builtin();
        let f = one(
            g,
            "Program deradikalisasi itu akan dikaji semula.",
            Some("ms"),
        );
        assert_eq!(f.language, "ms");
        assert!(f.alternatives.iter().any(|a| a.contains("penarikan diri")));
        let f = one(g, "Dia dipanggil anak ISIS oleh jiran.", Some("ms-MY"));
        assert_eq!(f.language, "ms");
        assert!(f.alternatives[0].starts_with("kanak-kanak"));
        // The same words in an Indonesian note keep the Indonesian wording.
        let f = one(g, "Program deradikalisasi itu dievaluasi.", Some("id"));
        assert_eq!(f.language, "id");
    }

    #[test]
    fn shared_terms_prefer_the_hint_then_english_and_else_the_list_that_matched() {
        let g = Guard::from_sources(&[
            ("id", "child militant => id wording"),
            ("en", "child militant => en wording"),
            ("ms", "budak militan => ms wording"),
        ])
        .unwrap();
        assert_eq!(one(&g, "a child militant", None).language, "en");
        assert_eq!(one(&g, "a child militant", Some("id")).language, "id");
        assert_eq!(one(&g, "a child militant", Some("fil")).language, "en");
        assert_eq!(one(&g, "budak militan", Some("fil")).language, "ms");
    }

    #[test]
    fn dhivehi_native_word_for_terrorist_children_is_caught() {
        let g = Guard::builtin();
        for text in ["ތުރުސާރަވެރި ކުދިން", "ތުރުސާރަވެރި ކުދިންނަށް ހާއްސަ ޕްރޮގްރާމެއް", "ތުރުސާރަވެރި ކުއްޖާ"]
        {
            let f = one(g, text, Some("dv"));
            assert_eq!(f.language, "dv");
            assert!(f.alternatives[0].starts_with("ތުރުސާރަވެރި ޖަމާއަތ"), "{f:?}");
        }
    }

    #[test]
    fn bengali_terms_are_caught_with_their_inflections() {
        let g = Guard::builtin();
        for term in ["শিশু জঙ্গি", "শিশু সন্ত্রাসী", "জঙ্গি শিশু"]
        {
            for suffix in ["", "রা", "দের", "কে", "র", "টিকে"] {
                let word = format!("{term}{suffix}");
                let text = format!("প্রতিবেদনে {word} বলা হয়েছে।");
                let f = one(g, &text, Some("bn"));
                assert_eq!(f.matched, word);
                assert_eq!(f.language, "bn");
                assert!(f.alternatives.iter().any(|a| a.contains("সম্পৃক্ত শিশু")));
            }
        }
    }

    #[test]
    fn only_listed_suffixes_extend_a_term() {
        let g = Guard::from_sources(&[("bn", "@suffixes রা দের\nশিশু জঙ্গি => x")]).unwrap();
        assert_eq!(one(&g, "শিশু জঙ্গিদের", None).matched, "শিশু জঙ্গিদের");
        assert!(g.check("শিশু জঙ্গিবাদ").is_empty());
        // Rules before the line are not inflected.
        let g = Guard::from_sources(&[("bn", "শিশু জঙ্গি => x\n@suffixes রা")]).unwrap();
        assert!(g.check("শিশু জঙ্গিরা").is_empty());
    }

    #[test]
    fn filipino_delinquent_child_is_caught() {
        let g = Guard::builtin();
        for text in [
            "batang delinkwente",
            "Batang Delingkwente",
            "mga batang delinkuwente",
            "delinkwenteng bata",
        ] {
            let f = one(g, text, Some("fil"));
            assert_eq!(f.language, "fil");
            assert!(f.alternatives.iter().any(|a| a.contains("batas")), "{f:?}");
        }
    }

    #[test]
    fn suggestions_are_themselves_clean() {
        let g = Guard::builtin();
        for r in &g.rules {
            for a in &r.alternatives {
                assert!(g.is_clean(a), "[{}] {} => {a}", r.language, r.term);
            }
        }
    }

    proptest::proptest! {
        /// Whatever the text, findings point at whole characters of it.
        #[test]
        fn findings_point_into_the_original(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("de".to_owned()),
                proptest::strategy::Just("radicalised".to_owned()),
                proptest::strategy::Just("শিশু জঙ্গি".to_owned()),
                proptest::strategy::Just("রা".to_owned()),
                "[ \u{2013}\u{AD}\u{200B}\u{200D}\u{301}\u{9BE}\u{9C7}\u{FF41}-\u{FF5A}a-e]{0,3}",
                ".{0,3}",
            ],
            0..10,
        )) {
            let text = parts.concat();
            for f in Guard::builtin().check(&text) {
                proptest::prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                proptest::prop_assert_eq!(&text[f.start..f.end], f.matched.as_str());
                proptest::prop_assert_eq!(text[..f.start].chars().count(), f.char_start);
            }
        }
    }
}

//! The terminology guard: finds stigmatising terms for children in free text and suggests the
//! language the conclusions ask for ("child associated with …", "recruitment and exploitation",
//! "disengagement", "rehabilitation and reintegration").
//!
//! Word lists are data files, one per language, in `crates/domain/terminology/`; they are
//! compiled into the binary so the guard needs no I/O. Format, one rule a line:
//! `term => alternative; alternative`, `#` starts a comment. Terms match whole words,
//! case-insensitively; a space in a term matches any whitespace or hyphen; `*` inside a word
//! matches any letters (so `radicali*ed` covers both spellings).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

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

fn pattern(term: &str) -> Option<String> {
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
    Some(format!(
        r"(?i)\b{}\b",
        words.join(r"[\s\-\u{2010}\u{2011}]+")
    ))
}

impl Guard {
    /// The guard built from the shipped word lists.
    pub fn builtin() -> &'static Guard {
        &BUILTIN
    }

    pub fn from_sources(sources: &[(&'static str, &str)]) -> Result<Guard, ListError> {
        let mut rules = Vec::new();
        for (language, text) in sources {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let err = |reason| ListError {
                    language: language.to_string(),
                    line: n + 1,
                    reason,
                };
                let (term, alts) = line.split_once("=>").ok_or(err("missing =>"))?;
                let term = term.trim();
                let alternatives: Vec<String> = alts
                    .split(';')
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect();
                if alternatives.is_empty() {
                    return Err(err("no alternative"));
                }
                let regex = pattern(term)
                    .and_then(|p| Regex::new(&p).ok())
                    .ok_or(err("term is not a valid pattern"))?;
                rules.push(Rule {
                    language,
                    term: term.to_owned(),
                    regex,
                    alternatives,
                });
            }
        }
        Ok(Guard { rules })
    }

    /// Number of rules, per language.
    pub fn rule_count(&self, language: &str) -> usize {
        self.rules.iter().filter(|r| r.language == language).count()
    }

    /// Every stigmatising term in `text`, in order; where matches overlap the longest wins.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let mut found: Vec<(usize, usize, &Rule)> = self
            .rules
            .iter()
            .flat_map(|r| {
                r.regex
                    .find_iter(text)
                    .map(move |m| (m.start(), m.end(), r))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Finding> = Vec::new();
        let mut covered = 0;
        for (start, end, rule) in found {
            if start < covered {
                continue;
            }
            covered = end;
            out.push(Finding {
                start,
                end,
                char_start: text[..start].chars().count(),
                matched: text[start..end].to_owned(),
                term: rule.term.clone(),
                language: rule.language,
                alternatives: rule.alternatives.clone(),
            });
        }
        out
    }

    pub fn is_clean(&self, text: &str) -> bool {
        self.rules.iter().all(|r| !r.regex.is_match(text))
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
}

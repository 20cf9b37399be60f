//! Translations through Fluent: six languages, chosen per user, otherwise from the browser's
//! Accept-Language, otherwise English.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages Pelita speaks: (tag, name in that language, right to left).
pub const LANGUAGES: [(&str, &str, bool); 6] = [
    ("en", "English", false),
    ("id", "Bahasa Indonesia", false),
    ("ms", "Bahasa Melayu", false),
    ("bn", "বাংলা", false),
    ("dv", "ދިވެހި", true),
    ("fil", "Filipino", false),
];

/// A language chosen for one request.
#[derive(Debug, Clone)]
pub struct Tr {
    pub tag: &'static str,
    id: LanguageIdentifier,
}

impl Tr {
    pub fn new(tag: &str) -> Tr {
        let tag = LANGUAGES
            .iter()
            .find(|l| l.0 == tag)
            .map(|l| l.0)
            .unwrap_or("en");
        let id = match tag {
            "id" => langid!("id"),
            "ms" => langid!("ms"),
            "bn" => langid!("bn"),
            "dv" => langid!("dv"),
            "fil" => langid!("fil"),
            _ => langid!("en"),
        };
        Tr { tag, id }
    }

    /// Picks the first supported language in an Accept-Language header.
    pub fn negotiate(accept: Option<&str>) -> Tr {
        let mut wanted: Vec<(f32, &str)> = accept
            .unwrap_or("")
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, tag) in wanted {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let primary = if primary == "tl" {
                "fil".to_owned()
            } else {
                primary
            };
            if let Some(l) = LANGUAGES.iter().find(|l| l.0 == primary) {
                return Tr::new(l.0);
            }
        }
        Tr::new("en")
    }

    pub fn rtl(&self) -> bool {
        LANGUAGES.iter().any(|l| l.0 == self.tag && l.2)
    }

    pub fn dir(&self) -> &'static str {
        if self.rtl() { "rtl" } else { "ltr" }
    }

    pub fn get(&self, key: &str) -> String {
        LOCALES.lookup(&self.id, key)
    }

    /// The message `prefix-value`, e.g. `pick("status", "closed")`.
    pub fn pick(&self, prefix: &str, value: &str) -> String {
        self.get(&format!("{prefix}-{value}"))
    }

    pub fn with(&self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                (
                    std::borrow::Cow::Owned((*k).to_owned()),
                    FluentValue::from(v.clone()),
                )
            })
            .collect();
        LOCALES.lookup_with_args(&self.id, key, &map)
    }

    /// Plural-aware count messages.
    pub fn count(&self, key: &str, n: usize) -> String {
        let mut map: HashMap<std::borrow::Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert("count".into(), FluentValue::from(n));
        LOCALES.lookup_with_args(&self.id, key, &map)
    }

    /// A date as people in this language write it: day, month name, year.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!(
            "{} {} {}",
            d.day(),
            self.get(&format!("month-{}", d.month())),
            d.year()
        )
    }

    pub fn datetime(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        format!("{} {}", self.date(t.date_naive()), t.format("%H:%M UTC"))
    }

    /// A time where it happens (a detention in Jakarta is read in Jakarta time).
    pub fn local_datetime(&self, t: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
        let local = t.with_timezone(&tz);
        format!(
            "{} {} ({})",
            self.date(local.date_naive()),
            local.format("%H:%M"),
            tz.name()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ftl: &str) -> Vec<&str> {
        ftl.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t', '*', '[']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .collect()
    }

    const FILES: [(&str, &str); 6] = [
        ("en", include_str!("../locales/en/main.ftl")),
        ("id", include_str!("../locales/id/main.ftl")),
        ("ms", include_str!("../locales/ms/main.ftl")),
        ("bn", include_str!("../locales/bn/main.ftl")),
        ("dv", include_str!("../locales/dv/main.ftl")),
        ("fil", include_str!("../locales/fil/main.ftl")),
    ];

    #[test]
    fn every_locale_has_every_key() {
        let en = keys(FILES[0].1);
        assert!(en.len() > 150);
        for (tag, ftl) in &FILES[1..] {
            let theirs = keys(ftl);
            for k in &en {
                assert!(theirs.contains(k), "{tag} is missing {k}");
            }
            for k in &theirs {
                assert!(en.contains(k), "{tag} has {k}, which English does not");
            }
            assert!(
                ftl.contains("native speaker"),
                "{tag} lacks its review note"
            );
        }
    }

    #[test]
    fn no_locale_contains_a_stigmatising_term() {
        let guard = pelita_domain::terminology::Guard::builtin();
        for (tag, ftl) in FILES {
            let text: String = ftl
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n");
            let found = guard.check(&text);
            assert!(
                found.is_empty(),
                "{tag}: {:?}",
                found.iter().map(|f| &f.matched).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn lookups_resolve_in_every_language() {
        for (tag, _, _) in LANGUAGES {
            let t = Tr::new(tag);
            let s = t.get("signin-title");
            assert!(!s.is_empty() && !s.contains("signin-title"), "{tag}");
            let r = t.with("case-title", &[("reference", "DSW-2026-00001".into())]);
            assert!(r.contains("DSW-2026-00001"), "{tag}: {r}");
        }
        assert!(Tr::new("dv").rtl());
        assert!(!Tr::new("bn").rtl());
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(
            Tr::negotiate(Some("fr-FR, ms-MY;q=0.8, en;q=0.5")).tag,
            "ms"
        );
        assert_eq!(Tr::negotiate(Some("dv")).tag, "dv");
        assert_eq!(Tr::negotiate(Some("tl-PH")).tag, "fil");
        assert_eq!(Tr::negotiate(Some("de")).tag, "en");
        assert_eq!(Tr::negotiate(None).tag, "en");
    }
}

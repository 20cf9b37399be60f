//! Translations through Fluent: six languages, chosen per user, otherwise from the browser's
//! Accept-Language, otherwise English.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bangla and Dhivehi wrap every placeable (a number, a reference, a name) in Unicode
        // isolates (FSI … PDI), so a Latin or numeric fragment keeps its own direction inside
        // the sentence: in Dhivehi an age range "4–7" stays "4–7" and a full stop stays at the
        // end of its sentence. Latin fragments written into a translation are isolated in the
        // file itself (`{"\u2068…\u2069"}`; a test checks).
        customise: |bundle| {
            let isolate = bundle.locales.iter().any(|l| ISOLATING.contains(&l.language.as_str()));
            bundle.set_use_isolating(isolate)
        },
    };
}

/// Languages whose placeables are isolated (see `LOCALES`).
const ISOLATING: [&str; 2] = ["bn", "dv"];

/// Text set apart from the sentence around it by Unicode isolates (FSI … PDI): its own
/// direction, found from its first letter, and no effect on the sentence's.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Whether text holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms): a name written so, inside a left-to-right sentence,
/// would pull the punctuation beside it into its own direction.
fn has_rtl_letter(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

/// A value given to a message: text, or a number (which plural selectors and number
/// formatting need: "1 caregiver", not "1 caregivers").
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, i32, u8, u16, u32, u64, usize);

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
    /// Where the reader works: instants are shown in this zone (UTC until it is known).
    zone: chrono_tz::Tz,
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
        Tr {
            tag,
            id,
            zone: chrono_tz::UTC,
        }
    }

    /// The same language, showing instants in `zone`.
    pub fn in_zone(mut self, zone: chrono_tz::Tz) -> Tr {
        self.zone = zone;
        self
    }

    /// The zone instants are shown in.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.zone
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

    /// An arrow pointing the way the text reads ("from → to"; in Dhivehi "from ← to"): an
    /// arrow is not mirrored by the bidirectional algorithm, so the wrong one points backwards.
    pub fn arrow(&self) -> &'static str {
        if self.rtl() { "←" } else { "→" }
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

    /// A message with text arguments. A number goes through [`Tr::with_args`] as a number.
    pub fn with(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|(k, v)| (*k, Arg::from(v.clone())))
            .collect();
        self.with_args(key, &args)
    }

    /// A message with arguments of either kind, e.g.
    /// `t.with_args("report-caregivers", &[("count", n.into())])`.
    ///
    /// Bangla and Dhivehi isolate every placeable (see `LOCALES`); elsewhere a text written in
    /// a right-to-left script (a name in Arabic script or Thaana inside an English sentence) is
    /// isolated here, so the sentence's punctuation stays where it was written.
    pub fn with_args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let isolating = ISOLATING.contains(&self.tag);
        let map: HashMap<std::borrow::Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) if !isolating && has_rtl_letter(s) => {
                        FluentValue::from(isolate(s))
                    }
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (std::borrow::Cow::Owned((*k).to_owned()), value)
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

    /// An instant where the reader works, with the zone's short name ("WIB", "+05"), never
    /// UTC to a reader whose agency has a zone.
    pub fn datetime(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        let local = t.with_timezone(&self.zone);
        let abbr = local.format("%Z").to_string();
        let abbr = if self.rtl() { isolate(&abbr) } else { abbr };
        format!(
            "{} {} {abbr}",
            self.date(local.date_naive()),
            local.format("%H:%M")
        )
    }

    /// A time where it happens (a detention in Jakarta is read in Jakarta time).
    pub fn local_datetime(&self, t: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
        let local = t.with_timezone(&tz);
        // "Asia/Jakarta" is a Latin fragment: in right-to-left text it keeps its own direction.
        let zone = if self.rtl() {
            isolate(tz.name())
        } else {
            tz.name().to_owned()
        };
        format!(
            "{} {} ({zone})",
            self.date(local.date_naive()),
            local.format("%H:%M"),
        )
    }
}

/// Each language's messages and the record of which of them a native reviewer confirmed
/// (`locales/<lang>/reviewed.json`; English is the source and has none).
const FILES: [(&str, &str, &str); 6] = [
    ("en", include_str!("../locales/en/main.ftl"), ""),
    (
        "id",
        include_str!("../locales/id/main.ftl"),
        include_str!("../locales/id/reviewed.json"),
    ),
    (
        "ms",
        include_str!("../locales/ms/main.ftl"),
        include_str!("../locales/ms/reviewed.json"),
    ),
    (
        "bn",
        include_str!("../locales/bn/main.ftl"),
        include_str!("../locales/bn/reviewed.json"),
    ),
    (
        "dv",
        include_str!("../locales/dv/main.ftl"),
        include_str!("../locales/dv/reviewed.json"),
    ),
    (
        "fil",
        include_str!("../locales/fil/main.ftl"),
        include_str!("../locales/fil/reviewed.json"),
    ),
];

/// The message identifiers of a Fluent file, in order.
fn keys(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t', '*', '[', '}']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .collect()
}

/// The keys a review file lists as confirmed by a native reviewer, from every review in it.
fn confirmed_keys(reviewed: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(reviewed).unwrap_or_default();
    let mut out: Vec<String> = v["reviews"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["confirmed"].as_array().cloned().unwrap_or_default())
        .filter_map(|k| k.as_str().map(str::to_owned))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How far one translation has been confirmed by a native reviewer.
#[derive(Debug, Clone)]
pub struct Review {
    pub tag: &'static str,
    /// The language's name in that language.
    pub name: &'static str,
    /// Messages in the file.
    pub messages: usize,
    /// Of them, confirmed by a native reviewer (keys no longer in the file do not count).
    pub confirmed: usize,
    /// English is the source language: there is nothing to confirm.
    pub source: bool,
}

/// The review status of every language, in the order of [`LANGUAGES`].
pub fn review_status() -> Vec<Review> {
    LANGUAGES
        .iter()
        .filter_map(|(tag, name, _)| {
            let (_, ftl, reviewed) = FILES.iter().find(|f| f.0 == *tag)?;
            let keys = keys(ftl);
            let confirmed = confirmed_keys(reviewed)
                .iter()
                .filter(|k| keys.contains(&k.as_str()))
                .count();
            Some(Review {
                tag,
                name,
                messages: keys.len(),
                confirmed,
                source: *tag == "en",
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_key() {
        let en = keys(FILES[0].1);
        assert!(en.len() > 150);
        for (tag, ftl, _) in &FILES[1..] {
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
        for (tag, ftl, _) in FILES {
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

    /// Each message of a Fluent file with its whole text (variants included), comments left out.
    fn messages(ftl: &str) -> Vec<(&str, String)> {
        let mut out: Vec<(&str, String)> = Vec::new();
        for line in ftl.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with([' ', '\t', '*', '[', '}'])
                && let Some((k, v)) = line.split_once(" =")
            {
                out.push((k, v.trim().to_owned()));
                continue;
            }
            if let Some(last) = out.last_mut() {
                last.1.push('\n');
                last.1.push_str(line.trim());
            }
        }
        out
    }

    const GLOSSARIES: [(&str, &str); 5] = [
        ("id", include_str!("../locales/id/glossary.json")),
        ("ms", include_str!("../locales/ms/glossary.json")),
        ("bn", include_str!("../locales/bn/glossary.json")),
        ("dv", include_str!("../locales/dv/glossary.json")),
        ("fil", include_str!("../locales/fil/glossary.json")),
    ];

    /// A term of the field is translated the same way everywhere: every message whose English
    /// uses the glossary's English term uses the glossary's term (or one of its listed forms),
    /// except where the glossary says why not; words the glossary marks to avoid (Malay
    /// "penghantaran pulang" is deportation) appear nowhere.
    #[test]
    fn every_language_uses_its_glossary_terms_everywhere() {
        let en = messages(FILES[0].1);
        let mut failures = Vec::new();
        for (tag, glossary) in GLOSSARIES {
            let g: serde_json::Value = serde_json::from_str(glossary)
                .unwrap_or_else(|e| panic!("{tag}/glossary.json: {e}"));
            assert_eq!(g["language"], tag);
            let ftl = FILES.iter().find(|f| f.0 == tag).unwrap().1;
            let theirs: HashMap<&str, String> = messages(ftl).into_iter().collect();
            let terms = g["terms"].as_array().expect("terms");
            assert!(
                terms.len() >= 6,
                "{tag}: a glossary of the field's main terms"
            );
            for t in terms {
                let english = t["en"].as_str().expect("en").to_lowercase();
                let term = t["term"].as_str().expect("term");
                assert!(
                    !t["source"].as_str().unwrap_or("").is_empty(),
                    "{tag} {english}: no source"
                );
                let mut forms: Vec<String> = vec![term.to_lowercase()];
                forms.extend(
                    t["forms"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|f| f.as_str())
                        .map(str::to_lowercase),
                );
                let except = t["except"].as_object().cloned().unwrap_or_default();
                for (key, why) in &except {
                    let uses = en
                        .iter()
                        .any(|(k, v)| k == key && v.to_lowercase().contains(&english));
                    if !uses {
                        failures.push(format!("{tag} {english}: exception {key} is stale"));
                    }
                    assert!(!why.as_str().unwrap_or("").is_empty(), "{tag} {key}: why?");
                }
                for (key, text) in &en {
                    if !text.to_lowercase().contains(&english) || except.contains_key(*key) {
                        continue;
                    }
                    let said = theirs
                        .get(key)
                        .map(|s| s.to_lowercase())
                        .unwrap_or_default();
                    if !forms.iter().any(|f| said.contains(f.as_str())) {
                        failures.push(format!(
                            "{tag} {key}: \"{english}\" is not \"{term}\": {said}"
                        ));
                    }
                }
                for avoid in t["avoid"].as_array().into_iter().flatten() {
                    let avoid = avoid.as_str().expect("avoid").to_lowercase();
                    for (key, said) in &theirs {
                        if said.to_lowercase().contains(&avoid) {
                            failures.push(format!("{tag} {key}: says \"{avoid}\" ({term})"));
                        }
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} inconsistencies:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// A count shows its number in every language for every count but one: Filipino's CLDR
    /// `one` category covers 2, 3, 5… (it chooses a linker, not a number), so its singular
    /// wording sits under `[1]`, not `[one]`.
    #[test]
    fn plural_messages_show_the_count_for_every_count_but_one() {
        let counted: Vec<&str> = messages(FILES[0].1)
            .into_iter()
            .filter(|(_, v)| v.starts_with("{ $count ->"))
            .map(|(k, _)| k)
            .collect();
        assert!(counted.contains(&"tasks-more") && counted.contains(&"report-caregivers"));
        for (tag, _, _) in LANGUAGES {
            let t = Tr::new(tag);
            for key in &counted {
                for n in [0usize, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 21, 102] {
                    let s = t.count(key, n);
                    assert!(s.contains(&n.to_string()), "{tag} {key} {n}: {s}");
                }
            }
        }
        let en = Tr::new("en");
        let one = en.with_args("report-caregivers", &[("count", 1usize.into())]);
        assert_eq!(one, "One caregiver is recorded.");
        assert_eq!(
            en.count("tasks-more", 2),
            "2 more tasks, less urgent, are not shown here."
        );
        assert!(Tr::new("fil").count("tasks-more", 2).starts_with("2 "));
    }

    /// In Bangla and Dhivehi a Latin fragment written into a sentence ("Beijing Rules r.21",
    /// "PDF") sits inside Unicode isolates, and placeables are isolated by Fluent.
    #[test]
    fn latin_fragments_in_bangla_and_dhivehi_are_isolated() {
        let mut failures = Vec::new();
        for (tag, ftl, _) in FILES.iter().filter(|f| ISOLATING.contains(&f.0)) {
            for (key, text) in messages(ftl) {
                // Text outside placeables; a string literal {"\u2068…\u2069"} is the isolate.
                let mut plain = String::new();
                let mut placeable = String::new();
                let mut depth = 0;
                for c in text.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            let p = std::mem::take(&mut placeable);
                            let p = p.trim();
                            if p.starts_with('"')
                                && !(p.starts_with("\"\\u2068") && p.ends_with("\\u2069\""))
                            {
                                failures.push(format!("{tag} {key}: literal not isolated: {p}"));
                            }
                        }
                        c if depth == 0 => plain.push(c),
                        c => placeable.push(c),
                    }
                }
                let native = plain.chars().any(|c| !c.is_ascii() && c.is_alphabetic());
                let latin = plain.chars().any(|c| c.is_ascii_alphabetic());
                if native && latin {
                    failures.push(format!(
                        "{tag} {key}: a Latin fragment outside an isolate: {text}"
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let dv = Tr::new("dv").with("case-title", &[("reference", "DSW-2026-00001".into())]);
        assert!(dv.contains("\u{2068}DSW-2026-00001\u{2069}"), "{dv}");
        let footer = Tr::new("dv").get("report-footer");
        assert!(
            footer.contains("\u{2068}Beijing Rules r.21\u{2069}"),
            "{footer}"
        );
        let en = Tr::new("en").with("case-title", &[("reference", "DSW-2026-00001".into())]);
        assert!(!en.contains('\u{2068}'), "{en}");
    }

    /// The review record is honest data: every key it confirms exists, every review names its
    /// reviewer and date, and the counts the administration page shows come from the files.
    #[test]
    fn review_records_name_existing_messages_and_are_counted() {
        for (tag, ftl, reviewed) in &FILES[1..] {
            let v: serde_json::Value = serde_json::from_str(reviewed)
                .unwrap_or_else(|e| panic!("{tag}/reviewed.json: {e}"));
            assert_eq!(v["language"], *tag);
            let keys = keys(ftl);
            for r in v["reviews"].as_array().expect("reviews") {
                assert!(!r["reviewer"].as_str().unwrap_or("").is_empty(), "{tag}");
                assert!(!r["date"].as_str().unwrap_or("").is_empty(), "{tag}");
                for k in r["confirmed"].as_array().expect("confirmed") {
                    let k = k.as_str().unwrap_or("");
                    assert!(
                        keys.contains(&k),
                        "{tag}: reviewed {k}, which does not exist"
                    );
                }
            }
        }
        let status = review_status();
        assert_eq!(status.len(), 6);
        let en = &status[0];
        assert!(en.source && en.tag == "en" && en.messages > 150);
        for r in &status[1..] {
            assert!(!r.source);
            assert_eq!(r.messages, en.messages, "{}", r.tag);
            assert!(r.confirmed <= r.messages);
        }
    }

    /// Dhivehi reads right to left: an age range, a reference or a time zone inside a sentence
    /// keeps its own order ("4–7", never "7–4"); a name in a right-to-left script inside a
    /// left-to-right sentence is isolated too, and Latin text in English is left as it is.
    #[test]
    fn ranges_references_and_names_keep_their_own_direction_inside_a_sentence() {
        let dv = Tr::new("dv");
        let age = dv.with("age-years", &[("range", "4–7".into())]);
        assert!(age.contains("\u{2068}4–7\u{2069}"), "{age}");
        let when = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let local = dv.local_datetime(when, chrono_tz::Asia::Jakarta);
        assert!(local.ends_with("(\u{2068}Asia/Jakarta\u{2069})"), "{local}");
        let en = Tr::new("en");
        assert!(
            en.local_datetime(when, chrono_tz::Asia::Jakarta)
                .ends_with("(Asia/Jakarta)")
        );
        let thaana = en.with("case-title", &[("reference", "ޢާއިޝަތު".into())]);
        assert!(thaana.contains("\u{2068}ޢާއިޝަތު\u{2069}"), "{thaana}");
        let arabic = Tr::new("ms").with("case-title", &[("reference", "نور".into())]);
        assert!(arabic.contains("\u{2068}نور\u{2069}"), "{arabic}");
        let latin = en.with("case-title", &[("reference", "Ujang R.".into())]);
        assert!(!latin.contains('\u{2068}'), "{latin}");
        assert_eq!((en.arrow(), dv.arrow()), ("→", "←"));
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

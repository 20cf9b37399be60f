//! Bengali and Thaana names read in Latin letters, so that a name recorded in one script is
//! found by a query in the other: both readings go through the same Latin skeleton
//! ([`super::variant`]).
//!
//! A table, not a library: CLDR's Bengali-Latin transform (in ICU4C, or ICU4X's
//! `icu_transliterate`, 0.1 and marked experimental) goes through InterIndic to a scholarly
//! romanisation ("mōhāmmada") that is not how people in Bangladesh write their names in Latin
//! letters (Mohammad), CLDR has no Thaana-Latin transform at all, and either would bring a large
//! dependency (ICU data) for a few dozen letters. The tables (`bn.json`, `dv.json`, sources in each) give the spellings
//! people actually write, and a second reading where two are common.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One script's letters and how they are read, as written in its data file.
#[derive(Deserialize)]
struct Table {
    /// The vowel a consonant carries when no sign follows it ("" when the script has none);
    /// never written at the end of a word.
    inherent: String,
    /// The sign that takes a consonant's vowel away.
    virama: String,
    consonants: HashMap<String, Vec<String>>,
    /// Consonant signs after a consonant (Bengali yaphala and bophola): they keep its vowel.
    medials: HashMap<String, Vec<String>>,
    vowel_signs: HashMap<String, Vec<String>>,
    vowels: HashMap<String, Vec<String>>,
    signs: HashMap<String, Vec<String>>,
    /// Vowel signs not written in Latin at the end of a word.
    drop_final: Vec<String>,
    /// Beginnings of a reading respelled as people write them, where speech drops a vowel the
    /// letters carry (Bengali আবদুল is "Abdul", not "Abodul").
    initial: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Consonant,
    Medial,
    VowelSign,
    Vowel,
    Sign,
    Virama,
}

struct Script {
    table: Table,
    /// Every spelled unit, longest first, so "য়" is read before "য".
    units: Vec<(String, Class)>,
}

impl Script {
    fn load(json: &str) -> Self {
        let table: Table = serde_json::from_str(json).expect("transliteration table");
        let mut units: Vec<(String, Class)> = [
            (&table.consonants, Class::Consonant),
            (&table.medials, Class::Medial),
            (&table.vowel_signs, Class::VowelSign),
            (&table.vowels, Class::Vowel),
            (&table.signs, Class::Sign),
        ]
        .into_iter()
        .flat_map(|(map, class)| map.keys().map(move |k| (k.clone(), class)))
        .collect();
        units.push((table.virama.clone(), Class::Virama));
        units.sort_by_key(|(u, _)| std::cmp::Reverse(u.chars().count()));
        Script { table, units }
    }

    fn readings(&self, unit: &str, class: Class) -> &[String] {
        let t = &self.table;
        let map = match class {
            Class::Consonant => &t.consonants,
            Class::Medial => &t.medials,
            Class::VowelSign => &t.vowel_signs,
            Class::Vowel => &t.vowels,
            Class::Sign => &t.signs,
            Class::Virama => return &[],
        };
        map.get(unit).map(Vec::as_slice).unwrap_or_default()
    }

    /// The word read with each unit's `reading`-th spelling (its first where it has fewer);
    /// `None` when a character is not in the table.
    fn read(&self, word: &str, reading: usize) -> Option<String> {
        let mut out = String::with_capacity(word.len());
        let mut rest = word;
        // A consonant waiting for its vowel: the inherent one unless a sign follows.
        let mut bare = false;
        while !rest.is_empty() {
            let (unit, class) = self
                .units
                .iter()
                .find(|(u, _)| rest.starts_with(u.as_str()))?;
            rest = &rest[unit.len()..];
            let spelled = self.readings(unit, *class);
            let spelled = spelled
                .get(reading)
                .or(spelled.first())
                .map_or("", String::as_str);
            match class {
                Class::VowelSign => {
                    bare = false;
                    let last = rest.is_empty() && self.table.drop_final.contains(unit);
                    if !last {
                        out.push_str(spelled);
                    }
                }
                Class::Virama => bare = false,
                Class::Medial => out.push_str(spelled),
                Class::Consonant | Class::Vowel | Class::Sign => {
                    if bare {
                        out.push_str(&self.table.inherent);
                    }
                    out.push_str(spelled);
                    bare = *class == Class::Consonant;
                }
            }
        }
        if let Some((from, to)) = self.table.initial.iter().find(|(f, _)| out.starts_with(f)) {
            out.replace_range(..from.len(), to);
        }
        Some(out)
    }
}

static SCRIPTS: LazyLock<[Script; 2]> = LazyLock::new(|| {
    [
        Script::load(include_str!("bn.json")),
        Script::load(include_str!("dv.json")),
    ]
});

/// Most readings of one word: the common spelling and the one with each letter's second.
const READINGS: usize = 2;

/// The Latin readings of one folded Bengali or Thaana word, the common one first, without
/// repeats; none for a word in another script or with a letter the tables do not know.
pub fn to_latin(word: &str) -> Vec<String> {
    let Some(script) = SCRIPTS.iter().find(|s| {
        word.chars()
            .next()
            .is_some_and(|c| s.units.iter().any(|(u, _)| u.starts_with(c)))
    }) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::with_capacity(READINGS);
    for reading in 0..READINGS {
        match script.read(word, reading) {
            Some(latin) if !latin.is_empty() && !out.contains(&latin) => out.push(latin),
            Some(_) => {}
            None => return Vec::new(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{KeyKind, TokenFit, keys, name_fit, query_keys, tokens};
    use super::to_latin;

    /// Whether a search for `query` reaches a child named `name` through the index by a
    /// spelling key (not a mere prefix), every query token.
    fn finds(query: &str, name: &str) -> bool {
        let indexed = keys(name);
        tokens(query).iter().all(|t| {
            query_keys(t)
                .iter()
                .any(|k| k.kind != KeyKind::Prefix && indexed.contains(k))
        })
    }

    /// Each name in its script finds, and is found by, every Latin spelling people write for it,
    /// and the match says so: close, a variant, below the name written as typed.
    fn both_ways(script: &str, latin: &[&str]) {
        for l in latin {
            assert!(
                finds(l, script),
                "{l} does not find {script} ({:?})",
                to_latin(script)
            );
            assert!(
                finds(script, l),
                "{script} does not find {l} ({:?})",
                to_latin(script)
            );
            for (q, c) in [(*l, script), (script, *l)] {
                let fit = name_fit(q, [c]);
                assert_eq!(fit.fit, TokenFit::Variant, "{q} ~ {c}");
                assert!(fit.score >= 0.9 && fit.score < 0.97, "{q} ~ {c}: {fit:?}");
            }
        }
    }

    #[test]
    fn bengali_names_meet_their_latin_spellings() {
        for (bn, latin) in [
            ("মোহাম্মদ", &["Mohammad", "Muhammad", "Mohammed", "Md."][..]),
            ("আক্তার", &["Akter", "Akhter", "Aktar"]),
            ("রহমান", &["Rahman"]),
            ("হোসেন", &["Hossain", "Hossen", "Hussain"]),
            ("ইসলাম", &["Islam"]),
            ("বেগম", &["Begum"]),
            ("খাতুন", &["Khatun", "Khatoon"]),
            ("রাকিব", &["Rakib"]),
            ("নুসরাত", &["Nusrat"]),
            ("জাহান", &["Jahan"]),
            ("চৌধুরী", &["Chowdhury", "Choudhury"]),
            ("করিম", &["Karim"]),
            ("আহমেদ", &["Ahmed", "Ahmad"]),
            ("ফাতেমা", &["Fatema", "Fatima"]),
            ("আয়েশা", &["Ayesha", "Aisha"]),
            ("সুলতানা", &["Sultana"]),
            ("হাসান", &["Hasan", "Hassan"]),
            ("বিশ্বাস", &["Biswas"]),
            ("উদ্দিন", &["Uddin"]),
            ("পারভীন", &["Parvin", "Parveen"]),
            ("জয়নব", &["Zainab", "Joynob"]),
            ("শেখ", &["Sheikh", "Shaikh"]),
            ("সরকার", &["Sarkar", "Sircar"]),
            ("মজুমদার", &["Majumder", "Mazumder"]),
            (
                "আব্দুল রহমান",
                &["Abdul Rahman", "Abdur Rahman", "Abdurrahman"],
            ),
            ("আবদুর রহিম", &["Abdur Rahim", "Abdul Rahim"]),
        ] {
            both_ways(bn, latin);
        }
    }

    #[test]
    fn thaana_names_meet_their_latin_spellings() {
        for (dv, latin) in [
            ("މުޙައްމަދު", &["Mohamed", "Mohammed", "Muhammad"][..]),
            ("އިބްރާހީމް", &["Ibrahim"]),
            ("އަޙްމަދު", &["Ahmed", "Ahmad"]),
            ("ޙަސަން", &["Hassan", "Hasan"]),
            ("ޙުސައިން", &["Hussain", "Hussein"]),
            ("ޢަލީ", &["Ali"]),
            ("ޢާއިޝަތު", &["Aishath", "Aisha"]),
            ("ފާޠިމަތު", &["Fathimath", "Fathmath", "Fatima"]),
            ("މަރިޔަމް", &["Mariyam", "Mariam"]),
            ("ޔޫސުފް", &["Yoosuf", "Yusuf"]),
            ("އާމިނަތު", &["Aminath"]),
            ("ރަޝީދު", &["Rasheed", "Rashid"]),
            ("މޫސާ", &["Moosa", "Musa"]),
            ("އިސްމާޢީލް", &["Ismail"]),
            ("ޝަރީފް", &["Shareef", "Sharif"]),
            ("ޒާހިރު", &["Zahir"]),
            ("ހައްވާ", &["Hawwa"]),
            ("ޢަބްދުލްލަޠީފް", &["Abdul Latheef", "Abdul Latif"]),
            ("ޢަބްދުލް ރަޙްމާން", &["Abdul Rahman", "Abdurrahman"]),
        ] {
            both_ways(dv, latin);
        }
    }

    #[test]
    fn clearly_different_names_stay_apart_across_scripts() {
        for (script, latin) in [
            ("রহমান", "Rahim"),
            ("বেগম", "Biswas"),
            ("নুসরাত", "Nasrin"),
            ("জাহান", "Jamal"),
            ("ইসলাম", "Salim"),
            ("আক্তার", "Anwar"),
            ("করিম", "Rakib"),
            ("ޢަލީ", "Alam"),
            ("އިބްރާހީމް", "Ismail"),
            ("ޒާހިރު", "Zakir"),
            ("މޫސާ", "Mohamed"),
            ("ޢާއިޝަތު", "Aminath"),
            ("ޔޫސުފް", "Yasir"),
        ] {
            assert!(!finds(latin, script), "{latin} finds {script}");
            assert!(!finds(script, latin), "{script} finds {latin}");
        }
        // Two names in one script that are different names stay apart too.
        assert!(!finds("রহমান", "রহিম"));
        assert!(!finds("ޢަލީ", "ޢާއިޝަތު"));
    }

    #[test]
    fn the_name_written_as_typed_ranks_above_its_transliteration() {
        for (script, latin) in [
            ("নুসরাত জাহান", "Nusrat Jahan"),
            ("মোহাম্মদ রাকিব", "Mohammad Rakib"),
            ("ޢާއިޝަތު ޒާހިރު", "Aishath Zahir"),
        ] {
            let exact = name_fit(script, [script]);
            let across = name_fit(script, [latin]);
            assert_eq!(exact.fit, TokenFit::Exact);
            assert!(exact.score > across.score, "{script}: {exact:?} {across:?}");
            let back = name_fit(latin, [script]);
            assert!(
                name_fit(latin, [latin]).score > back.score,
                "{latin}: {back:?}"
            );
            // A one-word query: the child whose name is written that way comes before the one
            // written in the other script, and both before a different name.
            let word = &tokens(script)[0];
            let other = name_fit(word, ["রহিম"])
                .score
                .max(name_fit(word, ["ޙަސަން"]).score);
            let (same, read) = (
                name_fit(word, [script]).score,
                name_fit(word, [latin]).score,
            );
            assert!(same > read && read > other, "{word}: {same} {read} {other}");
        }
    }

    #[test]
    fn readings_follow_the_tables() {
        assert_eq!(to_latin("মোহাম্মদ"), ["mohammod"]);
        assert_eq!(to_latin("আক্তার"), ["aktar"]);
        // Final inherent vowel silent, yaphala and bophola read y and w, a second reading.
        assert_eq!(to_latin("করিম"), ["korim"]);
        assert_eq!(to_latin("বিশ্বাস"), ["bishwas"]);
        assert_eq!(to_latin("পারভীন"), ["parobhin", "parovin"]);
        assert_eq!(to_latin("আবদুর"), ["abdur"]);
        // Nukta letters, composed or not, are one letter.
        assert_eq!(to_latin("জয়নব"), to_latin("জয\u{09BC}নব"));
        // Thaana: no inherent vowel, sukun, alifu's gemination silent, final -u not written.
        assert_eq!(to_latin("މުޙައްމަދު")[0], "muhamad");
        assert_eq!(to_latin("އިބްރާހީމް")[0], "ibraaheem");
        assert_eq!(to_latin("ޢާއިޝަތު")[0], "aaishath");
        // Other scripts, or letters the tables do not know, have no reading.
        assert!(to_latin("rahman").is_empty());
        assert!(to_latin("张伟").is_empty());
    }
}

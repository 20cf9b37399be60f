//! Assessment instruments as versioned data, and the answers given with them. An instrument is
//! a JSON file (the default ships in `crates/domain/instruments/`; a deployment adds its own
//! versions without code): domains, each with items that record a strength or protective
//! factor or a need or vulnerability, an answer type, optional skip logic and translations.
//! Summaries are per domain; there is deliberately no overall score — a single number about a
//! child invites being read as "risk".

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::DomainError;

/// Pelita's default resilience and needs assessment.
pub const DEFAULT: &str = include_str!("../instruments/resilience-needs.v1.json");
/// Pelita's default family assessment (family section).
pub const FAMILY: &str = include_str!("../instruments/family-assessment.v1.json");

/// Text in several languages; English is the fallback.
pub type Translations = BTreeMap<String, String>;

pub fn pick<'a>(t: &'a Translations, lang: &str) -> &'a str {
    t.get(lang)
        .or_else(|| t.get("en"))
        .map_or("", String::as_str)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A strength or protective factor.
    Strength,
    /// A need or vulnerability.
    Need,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerType {
    /// 0 to 3.
    Scale,
    Choice,
    YesNo,
    Date,
    Text,
}

/// Show an item only when an earlier item has this answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub item: String,
    pub equals: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub key: String,
    pub kind: ItemKind,
    pub answer: AnswerType,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub show_if: Option<ShowIf>,
    pub text: Translations,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub key: String,
    pub title: Translations,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    pub title: Translations,
    #[serde(default)]
    pub source: String,
    /// The section its answers belong to: psychosocial (the child's assessment) or family.
    #[serde(default = "psychosocial")]
    pub section: crate::policy::Section,
    pub domains: Vec<Domain>,
}

fn psychosocial() -> crate::policy::Section {
    crate::policy::Section::Psychosocial
}

impl Instrument {
    /// Parses and checks an instrument: unique keys, options for choices, skip logic that points
    /// to an earlier item, an English text everywhere.
    pub fn parse(json: &str) -> Result<Instrument, String> {
        let i: Instrument = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut seen: Vec<&str> = Vec::new();
        if !i.title.contains_key("en") {
            return Err("the instrument needs an English title".into());
        }
        if !matches!(
            i.section,
            crate::policy::Section::Psychosocial | crate::policy::Section::Family
        ) {
            return Err("an instrument belongs to the psychosocial or the family section".into());
        }
        for d in &i.domains {
            if !d.title.contains_key("en") || d.items.is_empty() {
                return Err(format!("domain {} needs an English title and items", d.key));
            }
            for item in &d.items {
                if seen.contains(&item.key.as_str()) {
                    return Err(format!("item {} appears twice", item.key));
                }
                if !item.text.contains_key("en") {
                    return Err(format!("item {} needs an English text", item.key));
                }
                if (item.answer == AnswerType::Choice) == item.options.is_empty() {
                    return Err(format!(
                        "item {}: options go with choice answers only",
                        item.key
                    ));
                }
                if let Some(s) = &item.show_if
                    && !seen.contains(&s.item.as_str())
                {
                    return Err(format!(
                        "item {} depends on {}, which is not before it",
                        item.key, s.item
                    ));
                }
                seen.push(&item.key);
            }
        }
        Ok(i)
    }

    pub fn default_instrument() -> Instrument {
        Instrument::parse(DEFAULT).expect("the default instrument is valid")
    }

    /// The instruments Pelita ships: the resilience and needs assessment, the family assessment.
    pub fn defaults() -> Vec<Instrument> {
        [DEFAULT, FAMILY]
            .iter()
            .map(|j| Instrument::parse(j).expect("the default instruments are valid"))
            .collect()
    }

    fn items(&self) -> impl Iterator<Item = &Item> {
        self.domains.iter().flat_map(|d| d.items.iter())
    }
}

/// Answers by item key, as given (a scale as "0".."3", yes/no as "yes"/"no", a date as
/// YYYY-MM-DD).
pub type Answers = BTreeMap<String, String>;

/// Whether an item is asked, given the answers so far.
pub fn visible(item: &Item, answers: &Answers) -> bool {
    item.show_if
        .as_ref()
        .is_none_or(|s| answers.get(&s.item) == Some(&s.equals))
}

/// Checks answers against the instrument: known items only, each of its type, none for a
/// skipped item. Blank answers are dropped: an unanswered item is not a "no".
pub fn validate(
    instrument: &Instrument,
    answers: Answers,
    today: NaiveDate,
) -> Result<Answers, DomainError> {
    check(instrument, answers, today).map_err(|r| r.error)
}

/// Why answers were refused, and the item the refusal concerns (none for a key the instrument
/// does not know), so a form can say it beside that question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub item: Option<String>,
    pub error: DomainError,
}

/// [`validate`], naming the first item refused in the instrument's order.
pub fn check(
    instrument: &Instrument,
    answers: Answers,
    today: NaiveDate,
) -> Result<Answers, Refusal> {
    let answers: Answers = answers
        .into_iter()
        .map(|(k, v)| (k, v.trim().to_owned()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if answers
        .keys()
        .any(|k| !instrument.items().any(|i| &i.key == k))
    {
        return Err(Refusal {
            item: None,
            error: DomainError::Invalid { field: "answers" },
        });
    }
    for item in instrument.items() {
        let Some(value) = answers.get(&item.key) else {
            continue;
        };
        let refuse = |error| {
            Err(Refusal {
                item: Some(item.key.clone()),
                error,
            })
        };
        if !visible(item, &answers) {
            return refuse(DomainError::Invalid { field: "answers" });
        }
        let ok = match item.answer {
            AnswerType::Scale => matches!(value.as_str(), "0" | "1" | "2" | "3"),
            AnswerType::YesNo => matches!(value.as_str(), "yes" | "no"),
            AnswerType::Choice => item.options.contains(value),
            AnswerType::Date => match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
                Ok(d) if d > today => return refuse(DomainError::DateInFuture),
                Ok(_) => true,
                Err(_) => return refuse(DomainError::ImpossibleDate),
            },
            AnswerType::Text => match crate::text::NoteText::parse(value) {
                Ok(_) => true,
                Err(e) => return refuse(e),
            },
        };
        if !ok {
            return refuse(DomainError::Invalid { field: "answers" });
        }
    }
    Ok(answers)
}

/// The answers to questions that are asked, in the instrument's order: an answer to a question
/// the answers before it skip is left out (and so is an answer depending on it). A form shows
/// every question when the browser runs no script; what was typed into a skipped one is not
/// an answer.
pub fn asked_only(instrument: &Instrument, mut answers: Answers) -> Answers {
    for item in instrument.items() {
        if !visible(item, &answers) {
            answers.remove(&item.key);
        }
    }
    answers
}

/// Where one domain stands: the strengths present, the needs present, how much was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainSummary {
    pub domain: String,
    pub strengths: Vec<String>,
    pub needs: Vec<String>,
    pub answered: usize,
    pub asked: usize,
}

/// Whether an answer shows the item's strength or need as present: "yes", a scale of 2 or
/// more, a date, a choice or a text.
fn present(item: &Item, value: &str) -> bool {
    match item.answer {
        AnswerType::YesNo => value == "yes",
        AnswerType::Scale => matches!(value, "2" | "3"),
        AnswerType::Choice | AnswerType::Date | AnswerType::Text => !value.is_empty(),
    }
}

/// Summaries per domain, in the instrument's order. No overall score.
pub fn summarise(instrument: &Instrument, answers: &Answers) -> Vec<DomainSummary> {
    instrument
        .domains
        .iter()
        .map(|d| {
            let mut s = DomainSummary {
                domain: d.key.clone(),
                strengths: Vec::new(),
                needs: Vec::new(),
                answered: 0,
                asked: 0,
            };
            for item in d.items.iter().filter(|i| visible(i, answers)) {
                s.asked += 1;
                let Some(v) = answers.get(&item.key) else {
                    continue;
                };
                s.answered += 1;
                if present(item, v) {
                    match item.kind {
                        ItemKind::Strength => s.strengths.push(item.key.clone()),
                        ItemKind::Need => s.needs.push(item.key.clone()),
                    }
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_default_instrument_covers_the_domains_of_the_standards() {
        let i = Instrument::default_instrument();
        let keys: Vec<&str> = i.domains.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "safety",
                "physical_health",
                "wellbeing",
                "education",
                "family",
                "community",
                "legal",
                "experiences",
                "goals"
            ]
        );
        // Every domain but the experiences one records a strength, not only needs.
        for d in i.domains.iter().filter(|d| d.key != "experiences") {
            assert!(
                d.items.iter().any(|it| it.kind == ItemKind::Strength),
                "{}",
                d.key
            );
        }
    }

    #[test]
    fn a_broken_instrument_is_refused_with_the_reason() {
        let bad = DEFAULT.replace(
            "\"show_if\": {\"item\": \"threats\"",
            "\"show_if\": {\"item\": \"later\"",
        );
        assert!(
            Instrument::parse(&bad)
                .unwrap_err()
                .contains("not before it")
        );
        let dup = DEFAULT.replace("\"key\": \"talents\"", "\"key\": \"goal\"");
        assert!(Instrument::parse(&dup).unwrap_err().contains("twice"));
        assert!(Instrument::parse("{\"id\": 1}").is_err());
    }

    #[test]
    fn skip_logic_hides_items_and_refuses_answers_to_them() {
        let i = Instrument::default_instrument();
        let no = answers(&[("threats", "no"), ("threat_source", "group")]);
        assert!(
            validate(&i, no, today()).is_err(),
            "a skipped item was answered"
        );
        let yes = answers(&[("threats", "yes"), ("threat_source", "group")]);
        assert!(validate(&i, yes, today()).is_ok());
        let wrong = answers(&[("distress", "7")]);
        assert!(validate(&i, wrong, today()).is_err());
        let future = answers(&[("in_school", "no"), ("last_attended", "2027-01-01")]);
        assert_eq!(
            validate(&i, future, today()),
            Err(DomainError::DateInFuture)
        );
        let unknown = answers(&[("risk_score", "3")]);
        assert!(validate(&i, unknown, today()).is_err());
    }

    #[test]
    fn a_refusal_names_the_first_question_it_concerns_in_the_instruments_order() {
        let i = Instrument::default_instrument();
        // "distress" comes before "last_attended" on the form, though not in key order.
        let both = answers(&[
            ("distress", "7"),
            ("in_school", "no"),
            ("last_attended", "2027-01-01"),
        ]);
        let r = check(&i, both, today()).unwrap_err();
        assert_eq!(r.item.as_deref(), Some("distress"));
        assert_eq!(r.error, DomainError::Invalid { field: "answers" });
        let future = answers(&[("in_school", "no"), ("last_attended", "2027-01-01")]);
        let r = check(&i, future, today()).unwrap_err();
        assert_eq!(
            (r.item.as_deref(), r.error),
            (Some("last_attended"), DomainError::DateInFuture)
        );
        let skipped = answers(&[("threats", "no"), ("threat_source", "group")]);
        assert_eq!(
            check(&i, skipped, today()).unwrap_err().item.as_deref(),
            Some("threat_source")
        );
        let unknown = answers(&[("risk_score", "3")]);
        assert_eq!(check(&i, unknown, today()).unwrap_err().item, None);
        assert!(check(&i, answers(&[("distress", "3")]), today()).is_ok());
    }

    #[test]
    fn answers_to_skipped_questions_are_left_out_down_the_chain() {
        let i = Instrument::default_instrument();
        let typed = answers(&[
            ("threats", "no"),
            ("threat_source", "group"),
            ("distress", "2"),
        ]);
        let a = asked_only(&i, typed.clone());
        assert_eq!(a, answers(&[("threats", "no"), ("distress", "2")]));
        let kept = asked_only(
            &i,
            answers(&[("threats", "yes"), ("threat_source", "group")]),
        );
        assert_eq!(kept.len(), 2, "the condition is met: the answer stays");
        // A question depending on a skipped one is skipped too, even when the skipped one's
        // typed answer would meet its condition.
        let chained = DEFAULT.replace(
            "\"key\": \"distress\", \"kind\": \"need\", \"answer\": \"scale\",",
            "\"key\": \"distress\", \"kind\": \"need\", \"answer\": \"scale\", \"show_if\": {\"item\": \"threat_source\", \"equals\": \"group\"},",
        );
        assert_ne!(chained, DEFAULT, "the test's instrument has its chain");
        let chained = Instrument::parse(&chained).unwrap();
        let a = asked_only(&chained, typed);
        assert_eq!(a, answers(&[("threats", "no")]));
        assert!(validate(&chained, a, today()).is_ok());
    }

    #[test]
    fn summaries_are_per_domain_with_strengths_beside_needs_and_no_overall_score() {
        let i = Instrument::default_instrument();
        let a = validate(
            &i,
            answers(&[
                ("safe_place", "yes"),
                ("threats", "no"),
                ("distress", "3"),
                ("coping", "2"),
                ("in_school", "no"),
                ("goal", "   "),
            ]),
            today(),
        )
        .unwrap();
        assert!(!a.contains_key("goal"), "a blank answer is not an answer");
        let s = summarise(&i, &a);
        assert_eq!(s.len(), i.domains.len());
        let safety = &s[0];
        assert_eq!(safety.strengths, ["safe_place"]);
        assert!(safety.needs.is_empty());
        assert_eq!(
            (safety.answered, safety.asked),
            (2, 2),
            "the skipped item is not asked"
        );
        let wellbeing = s.iter().find(|d| d.domain == "wellbeing").unwrap();
        assert_eq!((wellbeing.strengths.len(), wellbeing.needs.len()), (1, 1));
        let education = s.iter().find(|d| d.domain == "education").unwrap();
        assert_eq!(
            education.asked, 2,
            "the follow-up question appears after a no"
        );
        // The summary type has no field that adds domains up.
        let json = serde_json::to_value(&s[0]).unwrap();
        assert!(json.get("score").is_none() && json.get("risk").is_none());
    }
}

//! Schemas of what a body's field admits where its Rust type says less than its parser:
//! a field read as a `String` (or a domain newtype, which the orphan rule keeps from
//! implementing `ToSchema` here) and checked by the handler. Each is named after what it
//! holds and used with `#[schema(value_type = …, inline)]`; the lists come from the domain's
//! own `ALL`/`as_str`, so a new variant reaches the document by itself.

use pelita_domain::policy::Section;
use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

/// A record's date: a real calendar date (leap years included), from 2000 on.
const RECORD_DATE: &str = "^(?:(?:2[0-9]{3}|[3-9][0-9]{3})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:[2-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:2[048]|[3579][26]|[468][048])00)-02-29)$";

/// `NoteText`: at least one visible character; no control characters but tab and line
/// breaks, no bidirectional overrides.
const NOTE: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// One line: no control characters at all, no bidirectional overrides.
const LINE: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// `NoteText`'s longest.
const NOTE_MAX: usize = 20_000;

pub(super) fn schema(v: Value) -> RefOr<Schema> {
    serde_json::from_value(v).expect("a schema")
}

pub(super) fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
    let names: Vec<&str> = names.into_iter().collect();
    schema(json!({"type": "string", "enum": names}))
}

fn nullable(v: Value) -> RefOr<Schema> {
    schema(json!({"anyOf": [v, {"type": "null"}]}))
}

fn note() -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": NOTE_MAX, "pattern": NOTE})
}

/// Declares a schema-only type with the schema its body returns.
macro_rules! schema_type {
    ($(#[$m:meta])* $name:ident => $body:expr) => {
        $(#[$m])*
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                $body
            }
        }

        impl ToSchema for $name {}
    };
}

schema_type! {
    /// A record's date (`chrono::NaiveDate` read by serde, or parsed by the handler).
    RecordDate => schema(json!({
        "type": "string",
        "format": "date",
        "pattern": RECORD_DATE,
        "description": "A record's date (YYYY-MM-DD): a real calendar date, not before 2000"
    }))
}

schema_type! {
    /// `pelita_domain::text::NoteText`.
    Note => schema(note())
}

schema_type! {
    /// An optional `NoteText`: absent, null or a note.
    MaybeNote => nullable(note())
}

schema_type! {
    /// A note the handler trims and drops when empty, then parses as `NoteText`.
    LooseNote => schema(json!({"type": "string", "maxLength": NOTE_MAX, "pattern": NOTE}))
}

schema_type! {
    /// A break-glass justification: one line of 10 to 500 characters.
    Justification => schema(json!({"type": "string", "minLength": 10, "maxLength": 500, "pattern": LINE}))
}

schema_type! {
    /// A section's name, from the policy's own list.
    SectionName => names(Section::ALL.iter().map(|s| s.as_str()))
}

schema_type! {
    /// The sections assessments are of (`?section=`).
    AssessedSection => names([Section::Psychosocial, Section::Family].map(Section::as_str))
}

schema_type! {
    /// The sections a note or a referral is written in: all but the case's status.
    WrittenSection => names(Section::ALL.iter().filter(|s| **s != Section::Status).map(|s| s.as_str()))
}

schema_type! {
    /// `pelita_domain::consent::Purpose` by its key. A referral to the security sector rests
    /// on no consent, so the document offers none.
    ConsentPurpose => {
        use pelita_domain::agency::Sector;
        use pelita_domain::consent::Purpose;
        let purposes = [Purpose::Assessment]
            .into_iter()
            .chain(Sector::ALL.into_iter().filter(|s| *s != Sector::Security).map(Purpose::Referral))
            .chain([Purpose::InformationSharing, Purpose::Research, Purpose::Photographs]);
        let keys: Vec<String> = purposes.map(Purpose::key).collect();
        names(keys.iter().map(String::as_str))
    }
}

schema_type! {
    /// An interface language's tag.
    Language => names(crate::i18n::LANGUAGES.iter().map(|l| l.0))
}

schema_type! {
    /// `pelita_store::Assent`.
    Assent => {
        use pelita_store::Assent;
        names([Assent::Given, Assent::Refused, Assent::NotAsked].map(Assent::as_str))
    }
}

schema_type! {
    /// An assessment's answers: question id to answer.
    AnswerMap => schema(json!({"type": "object", "additionalProperties": {"type": "string", "maxLength": NOTE_MAX}}))
}

schema_type! {
    /// Where a referral may move (`ReferralStatus` but the pending it starts in).
    ReferralMove => {
        use pelita_domain::referral::ReferralStatus;
        names(ReferralStatus::ALL.into_iter().filter(|s| *s != ReferralStatus::Pending).map(ReferralStatus::as_str))
    }
}

schema_type! {
    /// Where a referral stands (`ReferralStatus`).
    ReferralState => {
        use pelita_domain::referral::ReferralStatus;
        names(ReferralStatus::ALL.into_iter().map(ReferralStatus::as_str))
    }
}

schema_type! {
    /// A change to an open detention episode.
    DetentionChange => names(["extend", "review", "release", "transfer"])
}

schema_type! {
    /// `pelita_store::ContactKind`.
    ContactKind => names(pelita_store::ContactKind::ALL.map(pelita_store::ContactKind::as_str))
}

schema_type! {
    /// `pelita_store::AgreementEvent`.
    AgreementEvent => names(["completed", "breached"])
}

schema_type! {
    /// Where a child is placed after the border: a reception centre is an admission of its own.
    Placement => {
        use pelita_domain::repatriation::workflow::Placement;
        names(Placement::ALL.iter().filter(|p| **p != Placement::ReceptionCentre).map(|p| p.as_str()))
    }
}

schema_type! {
    /// `pelita_domain::repatriation::workflow::Standing`.
    RepatriationPhase => {
        use pelita_domain::repatriation::workflow::{Phase, Standing};
        let all = Phase::ALL.iter().map(|p| Standing::In(*p)).chain([Standing::NotPursued]);
        let names_: Vec<&str> = all.map(Standing::as_str).collect();
        names(names_)
    }
}

// A registration's fields, read as strings and parsed by the handler (`registration`).

/// Other names the child is known by: at most 20, each a `NameText`.
pub(super) fn aliases() -> RefOr<Schema> {
    let name = serde_json::to_value(pelita_domain::openapi::name_text()).expect("a schema");
    schema(json!({"type": "array", "maxItems": 20, "items": name}))
}

/// `pelita_domain::identity::Sex` by its key.
pub(super) fn sex() -> RefOr<Schema> {
    use pelita_domain::identity::Sex;
    names([Sex::Female, Sex::Male, Sex::Other, Sex::NotRecorded].map(Sex::as_str))
}

/// How the birth date is known (`EvidenceKind`); absent or null is a declaration.
pub(super) fn evidence() -> RefOr<Schema> {
    schema(
        json!({"type": ["string", "null"], "enum": ["document", "assessment", "declaration", null]}),
    )
}

/// `pelita_domain::case::PriorityLevel` by its key.
pub(super) fn priority() -> RefOr<Schema> {
    use pelita_domain::case::PriorityLevel;
    names(
        [
            PriorityLevel::High,
            PriorityLevel::Medium,
            PriorityLevel::Low,
        ]
        .map(PriorityLevel::as_str),
    )
}

/// Why the priority was set: one line of 1 to 500 characters (`Priority::new`).
pub(super) fn priority_reason() -> RefOr<Schema> {
    use pelita_domain::openapi::NAME;
    schema(json!({"type": "string", "minLength": 1, "maxLength": 500, "pattern": NAME}))
}

/// `pelita_domain::case::Association` by its key, or none.
pub(super) fn association() -> RefOr<Schema> {
    use pelita_domain::case::Association;
    let mut keys: Vec<Value> = Association::ALL
        .iter()
        .map(|a| serde_json::to_value(a).expect("a key"))
        .collect();
    keys.push(Value::Null);
    schema(json!({"type": ["string", "null"], "enum": keys}))
}

/// `pelita_domain::task::Urgency` by its key.
pub(super) fn urgency() -> RefOr<Schema> {
    use pelita_domain::task::Urgency;
    names([Urgency::Overdue, Urgency::DueSoon, Urgency::Later].map(Urgency::as_str))
}

/// `pelita_domain::justice::AtExpiry` by its key, or none.
pub(super) fn at_expiry() -> RefOr<Schema> {
    use pelita_domain::justice::AtExpiry;
    let mut keys: Vec<Value> = [
        AtExpiry::ReleaseRequired,
        AtExpiry::ReviewRequired,
        AtExpiry::TurnoverRequired,
        AtExpiry::BringBeforeAuthority,
    ]
    .iter()
    .map(|a| json!(a.as_str()))
    .collect();
    keys.push(Value::Null);
    schema(json!({"type": ["string", "null"], "enum": keys}))
}

//! Schemas of the domain's constrained fields, for the API's OpenAPI document: a newtype
//! such as `NoteText` parses more than its Rust type says, so a body type names the schema
//! of what its parser admits with
//! `#[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]`.

use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use utoipa::{PartialSchema, ToSchema};

use crate::text::{MAX_NAME, MAX_NOTE};

/// A record's date: a real calendar date (leap years included), from 2000 on
/// (`dates::check_date`).
pub const RECORD_DATE: &str = "^(?:(?:2[0-9]{3}|[3-9][0-9]{3})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:[2-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:2[048]|[3579][26]|[468][048])00)-02-29)$";

/// A real calendar date from 1900 on (birth dates, partial dates).
pub const DATE_1900: &str = "^(?:(?:19[0-9]{2}|[2-9][0-9]{3})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:19(?:0[48]|[2468][048]|[13579][26])|[2-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:2[048]|[3579][26]|[468][048])00)-02-29)$";

/// `NoteText`: at least one visible character; no control characters but tab and line
/// breaks, no bidirectional overrides.
pub const NOTE: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// `NameText`: one line with at least one visible character; no control characters at all,
/// no bidirectional overrides.
pub const NAME: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069][^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// A schema written as JSON.
pub fn schema(v: Value) -> RefOr<Schema> {
    serde_json::from_value(v).expect("a schema")
}

/// `v` or null.
pub fn nullable(v: Value) -> RefOr<Schema> {
    schema(json!({"anyOf": [v, {"type": "null"}]}))
}

/// A string out of a closed list of keys.
pub fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
    let names: Vec<&str> = names.into_iter().collect();
    schema(json!({"type": "string", "enum": names}))
}

fn note() -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": MAX_NOTE, "pattern": NOTE})
}

fn name() -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": MAX_NAME, "pattern": NAME})
}

fn date() -> Value {
    json!({
        "type": "string",
        "format": "date",
        "pattern": RECORD_DATE,
        "description": "A record's date (YYYY-MM-DD): a real calendar date, not before 2000"
    })
}

/// `NoteText`.
pub fn note_text() -> RefOr<Schema> {
    schema(note())
}

/// An `Option<NoteText>`: absent, null or a note.
pub fn maybe_note_text() -> RefOr<Schema> {
    nullable(note())
}

/// `NameText`.
pub fn name_text() -> RefOr<Schema> {
    schema(name())
}

/// An `Option<NameText>`: absent, null or a name.
pub fn maybe_name_text() -> RefOr<Schema> {
    nullable(name())
}

/// A record's date (`NaiveDate`, checked by `dates::check_date`).
pub fn record_date() -> RefOr<Schema> {
    schema(date())
}

/// `reception::Admission::review_every_days`: within `reception::REVIEW_DAYS`.
pub fn review_days() -> RefOr<Schema> {
    let days = crate::repatriation::reception::REVIEW_DAYS;
    schema(json!({"type": "integer", "minimum": days.start(), "maximum": days.end()}))
}

/// Where a release sends the child: anywhere but another reception centre (a new stay).
pub fn release_placement() -> RefOr<Schema> {
    use crate::repatriation::workflow::Placement;
    names(
        Placement::ALL
            .iter()
            .filter(|p| **p != Placement::ReceptionCentre)
            .map(|p| p.as_str()),
    )
}

/// `followup::Outcome::community_acceptance`: 0 rejected to 3 fully accepted, or unknown.
pub fn community_acceptance() -> RefOr<Schema> {
    schema(json!({"type": ["integer", "null"], "minimum": 0, "maximum": 3}))
}

/// `reception::Block` by its key (`keyed!` renames through a macro, which the derive
/// cannot read).
pub fn block() -> RefOr<Schema> {
    use crate::repatriation::reception::Block;
    names(Block::ALL.iter().map(|b| b.as_str()))
}

/// An instant (`DateTime<Utc>`, RFC 3339).
pub fn date_time() -> RefOr<Schema> {
    schema(json!({"type": "string", "format": "date-time"}))
}

/// `justice::proceeding::Offence::max_penalty_years`: years of imprisonment, when known.
pub fn penalty_years() -> RefOr<Schema> {
    schema(json!({"type": ["integer", "null"], "minimum": 0, "maximum": 100}))
}

/// `family::Household::living`: where the child lives, when known.
pub fn maybe_living() -> RefOr<Schema> {
    use crate::family::Living;
    let mut keys: Vec<Value> = Living::ALL.iter().map(|l| json!(l.as_str())).collect();
    keys.push(Value::Null);
    schema(json!({"type": ["string", "null"], "enum": keys}))
}

/// A short label read as a plain string (an agency, a person, a goal's domain, a user).
pub fn short_text() -> RefOr<Schema> {
    schema(json!({"type": "string", "maxLength": 100}))
}

/// An optional short label.
pub fn maybe_short_text() -> RefOr<Schema> {
    schema(json!({"type": ["string", "null"], "maxLength": 100}))
}

/// An optional planned day (a due date, a review): checked against the 2000 floor by the
/// rules, not by the calendar here.
pub fn maybe_day() -> RefOr<Schema> {
    nullable(json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}))
}

/// `plan::Views`: whether the views were heard, and what they were or why not.
pub fn views() -> RefOr<Schema> {
    schema(json!({
        "type": "object",
        "required": ["state"],
        "additionalProperties": false,
        "properties": {
            "state": {"type": "string", "enum": ["missing", "recorded", "not_possible"]},
            "text": note()
        }
    }))
}

/// `plan::Action::activity`: a reintegration activity, when the action is one.
pub fn maybe_activity() -> RefOr<Schema> {
    use crate::family::Activity;
    let mut keys: Vec<Value> = Activity::ALL.iter().map(|a| json!(a.as_str())).collect();
    keys.push(Value::Null);
    schema(json!({"type": ["string", "null"], "enum": keys}))
}

/// `keyed!` enums by their keys (the derive cannot read a rename made through a macro).
macro_rules! keyed_schemas {
    ($($ty:path),+ $(,)?) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                names(<$ty>::ALL.iter().map(|k| k.as_str()))
            }
        }

        impl ToSchema for $ty {}
    )+};
}

keyed_schemas!(
    crate::repatriation::origin::Country,
    crate::repatriation::origin::StayKind,
    crate::repatriation::origin::Parent,
    crate::repatriation::origin::DocumentKind,
    crate::repatriation::origin::NationalityStatus,
    crate::repatriation::origin::BirthRegistration,
    crate::repatriation::origin::VerificationMethod,
    crate::repatriation::origin::VerificationResult,
    crate::repatriation::best_interests::AssessmentDepth,
    crate::repatriation::best_interests::Question,
);

/// An optional `origin::Country`.
pub fn maybe_country() -> RefOr<Schema> {
    use crate::repatriation::origin::Country;
    nullable(
        json!({"type": "string", "enum": Country::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>()}),
    )
}

fn date_1900() -> Value {
    json!({
        "type": "string",
        "format": "date",
        "pattern": DATE_1900,
        "description": "A calendar date (YYYY-MM-DD) from 1900"
    })
}

fn year_1900() -> Value {
    json!({"type": "integer", "minimum": 1900, "maximum": 2100})
}

fn month() -> Value {
    json!({"type": "integer", "minimum": 1, "maximum": 12})
}

/// One variant of a date tagged by its `precision`.
fn precise(tag: Value, fields: &[(&str, Value)]) -> Value {
    let mut required = vec!["precision"];
    let mut properties = serde_json::Map::new();
    properties.insert("precision".into(), tag);
    for (name, v) in fields {
        required.push(name);
        properties.insert((*name).into(), v.clone());
    }
    json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties})
}

impl PartialSchema for crate::repatriation::origin::PartialDate {
    fn schema() -> RefOr<Schema> {
        let tag = |t: &str| json!({"type": "string", "enum": [t]});
        schema(json!({"oneOf": [
            precise(tag("day"), &[("date", date_1900())]),
            precise(tag("month"), &[("year", year_1900()), ("month", month())]),
            precise(tag("year"), &[("year", year_1900())]),
            precise(tag("unknown"), &[]),
        ]}))
    }
}

impl ToSchema for crate::repatriation::origin::PartialDate {}

/// An optional `origin::PartialDate`.
pub fn maybe_partial_date() -> RefOr<Schema> {
    use crate::repatriation::origin::PartialDate;
    let name = <PartialDate as ToSchema>::name();
    nullable(json!({"$ref": format!("#/components/schemas/{name}")}))
}

/// `origin::ChildRole`, tagged by `kind`.
pub fn child_role() -> RefOr<Schema> {
    schema(json!({
        "description": "No active role is the default; any other finding carries its source",
        "oneOf": [
            {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind"],
                "properties": {"kind": {"type": "string", "enum": ["no_active_role"]}}
            },
            {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind", "finding", "source"],
                "properties": {
                    "kind": {"type": "string", "enum": ["finding"]},
                    "finding": note(),
                    "source": note()
                }
            }
        ]
    }))
}

/// `T`'s schema, written out whole (its enums too), with the tag `kind = tag` in front: a
/// variant of an internally tagged enum as serde reads it.
fn tagged<T: PartialSchema>(tag: &str) -> Value {
    let mut v = serde_json::to_value(T::schema()).expect("a schema");
    v["properties"]["kind"] = json!({"type": "string", "enum": [tag]});
    let required = v["required"].as_array_mut().expect("required fields");
    required.insert(0, json!("kind"));
    v
}

impl PartialSchema for crate::repatriation::best_interests::Record {
    fn schema() -> RefOr<Schema> {
        use crate::repatriation::best_interests::{Assessment, Determination};
        schema(json!({
            "description": "A best-interests assessment of the child, or a determination by a panel of at least three members under a confidentiality undertaking",
            "oneOf": [tagged::<Assessment>("assessment"), tagged::<Determination>("determination")]
        }))
    }
}

impl ToSchema for crate::repatriation::best_interests::Record {
    fn name() -> std::borrow::Cow<'static, str> {
        "BestInterests".into()
    }

    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        use crate::repatriation::best_interests::{Assessment, Determination};
        <Assessment as ToSchema>::schemas(schemas);
        <Determination as ToSchema>::schemas(schemas);
    }
}

impl PartialSchema for crate::age::BirthDate {
    fn schema() -> RefOr<Schema> {
        // A one-key enum where the hand-written schema had `const`, which utoipa's model lacks.
        let tag = |t: &str| json!({"type": "string", "enum": [t]});
        schema(json!({"oneOf": [
            precise(tag("exact"), &[("date", date_1900())]),
            precise(tag("month"), &[("year", year_1900()), ("month", month())]),
            precise(tag("year"), &[("year", year_1900())]),
            precise(tag("estimated"), &[
                ("age", json!({"type": "integer", "minimum": 0, "maximum": 120})),
                ("margin", json!({"type": "integer", "minimum": 1, "maximum": 10})),
                ("on", date_1900()),
            ]),
            precise(tag("unknown"), &[]),
        ]}))
    }
}

impl ToSchema for crate::age::BirthDate {}

/// An optional name the handler reads blank as absent: null, blank, or a `NameText`.
pub fn loose_name_text() -> RefOr<Schema> {
    let name = NAME.trim_start_matches('^').trim_end_matches('$');
    schema(json!({
        "type": ["string", "null"],
        "maxLength": MAX_NAME,
        "pattern": format!("^({name})?$|^\\s*$")
    }))
}

/// `consent::Standing`, tagged by `state`; `on` is the day of the entry it rests on.
pub fn consent_standing() -> RefOr<Schema> {
    schema(json!({
        "type": "object",
        "required": ["state"],
        "properties": {
            "state": {"type": "string", "enum": ["given", "missing", "refused", "withdrawn", "expired"]},
            "on": {"type": "string"}
        }
    }))
}

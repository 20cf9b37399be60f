//! Which section an event in a case's history belongs to: the case page shows each reader
//! only the events of sections the read table lets them read in full, so the history cannot
//! tell a teacher what the justice or psychosocial sections would not.

use serde_json::Value;

use super::Section;
use crate::interview::Purpose;

/// The section whose readers may see this event; `None` for events no section covers (an
/// unknown action is shown only to those who read every section).
pub fn section_of(action: &str, detail: &Value) -> Option<Section> {
    let named = |key: &str| detail.get(key).and_then(Value::as_str);
    let (family, _) = action.split_once('.').unwrap_or((action, ""));
    Some(match (family, action) {
        (_, "case.note" | "access.break_glass") => Section::parse(named("section")?)?,
        (_, "child.update_identity") => Section::Identity,
        (_, "case.record_circumstances") => Section::Circumstances,
        (_, "interview.record") => Purpose::parse(named("purpose")?)?.section(),
        (_, "assessment.record") => match named("instrument") {
            Some(i) if i.starts_with("family") => Section::Family,
            _ => Section::Psychosocial,
        },
        ("child" | "case", _) => Section::Status,
        ("consent" | "referral", _) => Section::Participation,
        ("plan" | "followup" | "conference" | "task", _) => Section::Plan,
        ("household", _) => Section::Family,
        ("proceeding" | "detention" | "justice", _) => Section::Justice,
        ("origin" | "repatriation" | "reception" | "best_interests", _) => Section::Circumstances,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_event_belongs_to_the_section_it_reveals() {
        let s = |a: &str, d: Value| section_of(a, &d);
        assert_eq!(
            s("interview.record", json!({"purpose": "justice"})),
            Some(Section::Justice)
        );
        assert_eq!(
            s("interview.record", json!({"purpose": "health"})),
            Some(Section::Health)
        );
        assert_eq!(
            s("justice.family_contact", json!({})),
            Some(Section::Justice)
        );
        assert_eq!(
            s(
                "assessment.record",
                json!({"instrument": "resilience-needs"})
            ),
            Some(Section::Psychosocial)
        );
        assert_eq!(
            s(
                "assessment.record",
                json!({"instrument": "family-assessment"})
            ),
            Some(Section::Family)
        );
        assert_eq!(
            s("referral.create", json!({})),
            Some(Section::Participation)
        );
        assert_eq!(
            s("case.note", json!({"section": "health"})),
            Some(Section::Health)
        );
        assert_eq!(s("case.move", json!({})), Some(Section::Status));
        assert_eq!(
            s("repatriation.open", json!({})),
            Some(Section::Circumstances)
        );
        // A note without its section, or an action no one mapped, is for full readers only.
        assert_eq!(s("case.note", json!({})), None);
        assert_eq!(s("something.new", json!({})), None);
    }
}

//! The household on the case page (family section): where the child lives, family members,
//! who cares for the child, and anyone the child must not be in contact with.

use axum::extract::Path;
use axum::response::Response;
use pelita_domain::family::{Household, Kinship, Living, Member};
use pelita_domain::policy::write::Change;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{HouseholdRecord, Readable};

use super::form::{CaseForm, CaseOf, OrRefuse, Refused, Saved};
use super::posted as all;
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::Form;

/// Blank member rows the form adds below the existing ones.
const BLANK_ROWS: usize = 2;

pub struct MemberRow {
    pub name: String,
    pub kinship: &'static str,
    pub caregiver: bool,
    pub lives_with_child: bool,
    pub no_contact: bool,
    pub note: String,
}

pub struct HouseholdView {
    /// Shown open, with what was typed, after a refusal.
    pub open: bool,
    pub living: String,
    pub living_key: &'static str,
    pub members: Vec<MemberRow>,
    pub erased: bool,
    pub can_edit: bool,
    /// The edit form's rows: the members, then blank ones.
    pub rows: Vec<MemberRow>,
    pub kinships: Vec<(&'static str, String)>,
    pub livings: Vec<(&'static str, String)>,
}

impl MemberRow {
    /// The yes/no fields of the edit form: (field, label key, value).
    pub fn flags(&self) -> [(&'static str, &'static str, bool); 3] {
        [
            ("m_caregiver", "household-caregiver", self.caregiver),
            (
                "m_lives",
                "household-lives-with-child",
                self.lives_with_child,
            ),
            ("m_no_contact", "household-no-contact", self.no_contact),
        ]
    }
}

fn row(m: &Member) -> MemberRow {
    MemberRow {
        name: m.name.to_string(),
        kinship: m.kinship.as_str(),
        caregiver: m.caregiver,
        lives_with_child: m.lives_with_child,
        no_contact: m.no_contact,
        note: m
            .note
            .as_ref()
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
    }
}

/// The member rows as they were posted.
fn posted_rows(p: &super::Posted) -> Vec<MemberRow> {
    let names = all(&p.body, "m_name");
    (0..names.len())
        .map(|i| MemberRow {
            name: p.nth("m_name", i),
            kinship: Kinship::parse(&p.nth("m_kinship", i)).map_or("other", Kinship::as_str),
            caregiver: p.nth("m_caregiver", i) == "yes",
            lives_with_child: p.nth("m_lives", i) == "yes",
            no_contact: p.nth("m_no_contact", i) == "yes",
            note: p.nth("m_note", i),
        })
        .collect()
}

pub fn view(
    t: &Tr,
    record: Option<HouseholdRecord>,
    can_edit: bool,
    posted: Option<&super::Posted>,
) -> HouseholdView {
    let (household, erased) = match record.map(|r| r.household) {
        Some(Readable::Present(h)) => (h, false),
        Some(Readable::Erased { .. }) => (Household::default(), true),
        None => (Household::default(), false),
    };
    let members: Vec<MemberRow> = household.members.iter().map(row).collect();
    let mut rows: Vec<MemberRow> = household.members.iter().map(row).collect();
    rows.extend((0..BLANK_ROWS).map(|_| MemberRow {
        name: String::new(),
        kinship: "other",
        caregiver: false,
        lives_with_child: false,
        no_contact: false,
        note: String::new(),
    }));
    let living_key = match posted {
        Some(p) => Living::parse(&p.one("living")).map_or("", |l| l.as_str()),
        None => household.living.map_or("", |l| l.as_str()),
    };
    if let Some(p) = posted {
        rows = posted_rows(p);
    }
    HouseholdView {
        open: posted.is_some(),
        living: household
            .living
            .map(|l| t.pick("living", l.as_str()))
            .unwrap_or_default(),
        living_key,
        members,
        erased,
        can_edit: can_edit && !erased,
        rows,
        kinships: Kinship::ALL
            .iter()
            .map(|k| (k.as_str(), t.pick("kinship", k.as_str())))
            .collect(),
        livings: Living::ALL
            .iter()
            .map(|l| (l.as_str(), t.pick("living", l.as_str())))
            .collect(),
    }
}

/// The household the form describes (rows with a blank name are dropped: that is how a member
/// is removed), or the message key of the first problem.
fn parse(body: &[(String, String)]) -> Result<Household, String> {
    let key = |e: pelita_domain::DomainError| error::domain_key(&e);
    let living = match super::posted_one(body, "living") {
        "" => None,
        l => Some(Living::parse(l).ok_or("error-invalid")?),
    };
    let (names, kins, care, lives, barred, notes) = (
        all(body, "m_name"),
        all(body, "m_kinship"),
        all(body, "m_caregiver"),
        all(body, "m_lives"),
        all(body, "m_no_contact"),
        all(body, "m_note"),
    );
    let yes = |v: &Vec<&str>, i: usize| v.get(i).copied() == Some("yes");
    let mut members = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        members.push(Member {
            name: NameText::parse(name).map_err(key)?,
            kinship: kins
                .get(i)
                .and_then(|k| Kinship::parse(k))
                .ok_or("error-invalid")?,
            caregiver: yes(&care, i),
            lives_with_child: yes(&lives, i),
            no_contact: yes(&barred, i),
            note: match notes.get(i).copied().unwrap_or("") {
                "" => None,
                n => Some(NoteText::parse(n).map_err(key)?),
            },
        });
    }
    let h = Household { living, members };
    h.validate().map_err(|e| match e {
        pelita_domain::DomainError::Invalid {
            field: "no_contact",
        } => "error-caregiver-no-contact".to_owned(),
        e => key(e),
    })?;
    Ok(h)
}

pub fn may_edit(ctx: &Ctx, meta: &pelita_store::CaseMeta) -> bool {
    super::may_change(ctx, meta, Change::Household)
}

pub async fn save(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let csrf = super::posted_one(&body, "csrf");
    CaseForm::new(&ctx, csrf, CaseOf::Case(&id), Change::Household)
        .keeping(super::Posted::new("household", &body))
        .run(async |meta| {
            let h = parse(&body).or_refuse(t)?;
            ctx.store
                .save_household(ctx.actor(), &meta.id, h)
                .await
                .map_err(|e| Refused::store(t, e))?;
            Ok(Saved::at(format!("/cases/{}#household", meta.id)))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_pair_by_position_and_a_blank_name_removes_the_member() {
        let b: Vec<(String, String)> = [
            ("living", "with_relatives"),
            ("m_name", "Siti"),
            ("m_kinship", "aunt_or_uncle"),
            ("m_caregiver", "yes"),
            ("m_lives", "yes"),
            ("m_no_contact", "no"),
            ("m_note", ""),
            ("m_name", ""),
            ("m_kinship", "father"),
            ("m_caregiver", "no"),
            ("m_lives", "no"),
            ("m_no_contact", "yes"),
            ("m_note", "removed"),
        ]
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
        let h = parse(&b).unwrap();
        assert_eq!(h.living, Some(Living::WithRelatives));
        assert_eq!(h.members.len(), 1);
        assert!(h.members[0].caregiver && !h.members[0].no_contact);
    }
}

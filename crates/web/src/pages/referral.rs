//! Referrals on the pages: the list and the form on the case page (for its lead worker and
//! supervisor), the receiving agency's tasks on "my work", and the answers.

use std::collections::HashMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::agency::Sector;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::Change;
use pelita_domain::referral::{self, ReferralStatus};
use pelita_domain::text::NoteText;
use pelita_store::{NewReferral, Readable, ReferralRecord, StoreError};

use super::form::{CaseForm, CaseOf, Kept, OrRefuse, Problem, Refused, Saved};
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::{self, Form};

pub struct ReferralView {
    pub id: String,
    pub case_id: String,
    pub reference: String,
    pub agency: String,
    pub sections: String,
    pub status: String,
    pub status_key: &'static str,
    pub when: String,
    pub reason: String,
    pub answer: String,
    pub feedback: String,
    pub overridden: bool,
    pub override_justification: String,
    pub can_answer: bool,
}

/// What the referral form offers.
pub struct ReferralForm {
    pub agencies: Vec<(String, String)>,
    pub sections: Vec<(&'static str, String)>,
}

fn text(r: &Option<Readable<NoteText>>, t: &Tr) -> String {
    match r {
        Some(Readable::Present(n)) => n.as_str().to_owned(),
        Some(Readable::Erased { .. }) => t.get("erased"),
        None => String::new(),
    }
}

pub async fn agency_names(ctx: &Ctx) -> HashMap<String, (String, Sector)> {
    ctx.store
        .agencies()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a.id, (a.name, a.sector)))
        .collect()
}

pub fn view(
    ctx: &Ctx,
    r: &ReferralRecord,
    agencies: &HashMap<String, (String, Sector)>,
) -> ReferralView {
    let t = &ctx.t;
    ReferralView {
        id: r.id.clone(),
        case_id: r.case_id.clone(),
        reference: r.reference.clone(),
        agency: agencies
            .get(&r.to_agency)
            .map(|a| a.0.clone())
            .unwrap_or_default(),
        sections: r
            .sections
            .iter()
            .map(|s| t.get(&format!("section-{}", s.as_str())))
            .collect::<Vec<_>>()
            .join(", "),
        status: t.pick("referral-status", r.status.as_str()),
        status_key: r.status.as_str(),
        when: t.datetime(r.created_at),
        reason: match &r.reason {
            Readable::Present(n) => n.as_str().to_owned(),
            Readable::Erased { .. } => t.get("erased"),
        },
        answer: text(&r.answer, t),
        feedback: text(&r.feedback, t),
        overridden: r.override_by.is_some(),
        override_justification: text(&r.override_justification, t),
        can_answer: r.may_answer(&ctx.reader()),
    }
}

/// The form's choices: every agency but the case's own and security services; every section
/// a referral can carry.
pub fn form(
    ctx: &Ctx,
    own_agency: &str,
    agencies: &HashMap<String, (String, Sector)>,
) -> ReferralForm {
    let mut list: Vec<(String, String)> = agencies
        .iter()
        .filter(|(id, (_, sector))| id.as_str() != own_agency && *sector != Sector::Security)
        .map(|(id, (name, sector))| {
            (
                id.clone(),
                format!("{name} ({})", ctx.t.pick("sector", sector.as_str())),
            )
        })
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    ReferralForm {
        agencies: list,
        sections: Section::ALL
            .into_iter()
            .filter(|s| referral::shareable(*s))
            .map(|s| (s.as_str(), ctx.t.get(&format!("section-{}", s.as_str()))))
            .collect(),
    }
}

/// Form fields; `sections` may repeat, so the body is read as pairs.
fn fields(body: &[(String, String)]) -> (HashMap<&str, &str>, Vec<Section>) {
    let mut map = HashMap::new();
    let mut sections = Vec::new();
    for (k, v) in body {
        if k == "sections" {
            sections.extend(Section::parse(v));
        } else {
            map.insert(k.as_str(), v.as_str());
        }
    }
    (map, sections)
}

fn note(raw: Option<&&str>) -> Result<Option<NoteText>, pelita_domain::DomainError> {
    match raw.map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NoteText::parse(s).map(Some),
    }
}

pub async fn create(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let (f, sections) = fields(&body);
    CaseForm::posted(&ctx, "referral", &body, CaseOf::Case(&id), Change::Refer)
        .run(async |meta| {
            let text = |name| f.get(name).copied().unwrap_or("");
            let r = NewReferral {
                to_agency: text("to_agency").to_owned(),
                sections,
                reason: super::note_at(text("reason"), "reason").or_refuse(t)?,
                override_justification: super::opt_note_at(text("override"), "override")
                    .or_refuse(t)?,
            };
            match ctx.store.refer(ctx.actor(), &meta.id, r).await {
                Ok(_) => Ok(Saved::at(format!("/cases/{}#referrals", meta.id))),
                Err(e) => Err(refused(t, e)),
            }
        })
        .await
}

/// A referral refused, beside the field that decides it: the agency, the sections, or the
/// override the consent ledger asks for.
fn refused(t: &Tr, e: StoreError) -> Refused {
    use pelita_domain::DomainError as D;
    match e {
        StoreError::NotFound | StoreError::Domain(D::Invalid { field: "to_agency" }) => {
            Refused::key(t, "error-referral-agency").at("to_agency")
        }
        StoreError::Domain(D::Invalid { field: "sections" }) => {
            Refused::key(t, "error-referral-sections").at("sections")
        }
        StoreError::Domain(d @ (D::ConsentRequired | D::OverrideNotAllowed)) => {
            Refused::rule(t, &d).at("override")
        }
        e => Refused::store(t, e),
    }
}

/// Accepts, declines or completes a referral, from My work. A refused answer comes back on My
/// work with what was typed and the message beside the text.
pub async fn answer(
    ctx: Ctx,
    Path(rid): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = ctx.t.clone();
    if !ctx.csrf_ok(super::posted_one(&body, "csrf")) {
        return ctx.csrf_failed();
    }
    let r = match ctx.store.referral(&rid).await {
        Ok(r) => r,
        Err(e) => return error::store(&t, e),
    };
    if !r.may_answer(&ctx.reader()) {
        return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let Some(to) = ReferralStatus::parse(super::posted_one(&body, "to")) else {
        return error::page(&t, StatusCode::BAD_REQUEST, "error-invalid");
    };
    let refused = |message: String| {
        super::work::refused(
            &ctx,
            Kept::new(
                Some(super::Posted::new(&format!("answer-{rid}"), &body)),
                Some(Problem {
                    field: Some("text".into()),
                    message,
                }),
            ),
        )
    };
    let text = match note(Some(&super::posted_one(&body, "text"))) {
        Ok(n) => n,
        Err(e) => return refused(super::form::rule_message(&t, &e)).await,
    };
    match ctx.store.move_referral(ctx.actor(), &rid, to, text).await {
        Ok(()) => view::redirect("/work#referrals"),
        // Declining needs its reason, completing its feedback: each is asked for by name.
        Err(StoreError::Domain(pelita_domain::DomainError::ReasonRequired)) => {
            let key = if to == ReferralStatus::Completed {
                "error-referral-feedback"
            } else {
                "error-referral-decline-reason"
            };
            refused(t.get(key)).await
        }
        Err(e) => error::store(&t, e),
    }
}

//! The consent ledger on the case page: where each purpose stands, every entry, and a form to
//! add one. Shown inside the participation section, to readers the policy grants it.

use axum::extract::Path;
use axum::response::Response;
use chrono::NaiveDate;
use pelita_domain::DomainError;
use pelita_domain::age::AgeRange;
use pelita_domain::agency::Sector;
use pelita_domain::consent::{
    self, AgeRules, Decision as Choice, Entry, Giver, Party, Purpose, Round, Standing,
};
use pelita_domain::policy::write::Change;
use pelita_store::{ConsentRecord, Readable, StoreError};

use super::form::{CaseForm, CaseOf, OrRefuse, Refused, Saved, Wrong};
use crate::auth::Ctx;
use crate::i18n::Tr;
use crate::view::Form;

/// The purposes a ledger entry may be for. No referral to security services: information
/// about children is never shared for security or intelligence purposes.
pub fn purposes() -> Vec<Purpose> {
    let mut all = vec![Purpose::Assessment];
    all.extend(
        Sector::ALL
            .into_iter()
            .filter(|s| *s != Sector::Security)
            .map(Purpose::Referral),
    );
    all.extend([
        Purpose::InformationSharing,
        Purpose::Research,
        Purpose::Photographs,
    ]);
    all
}

pub fn purpose_label(t: &Tr, p: Purpose) -> String {
    match p {
        Purpose::Referral(s) => t.with(
            "consent-purpose-referral",
            &[("sector", t.pick("sector", s.as_str()))],
        ),
        other => t.pick("consent-purpose", &other.key()),
    }
}

pub struct Row {
    pub date: String,
    pub purpose: String,
    pub giver: String,
    pub decision: String,
    pub expires: String,
    pub recorded_by: String,
    pub note: String,
}

pub struct Standings {
    pub purpose: String,
    pub allows: bool,
    pub parts: Vec<String>,
}

pub struct ConsentView {
    pub voice: String,
    pub standing: Vec<Standings>,
    pub rows: Vec<Row>,
    pub can_record: bool,
    pub purposes: Vec<(String, String)>,
    /// Who answers for the caregiver's side: a caregiver or a guardian.
    pub caregivers: Vec<(&'static str, String)>,
    pub decisions: Vec<(&'static str, String)>,
    /// Whether the child's and the caregiver's agreement is needed at the child's age, as
    /// the domain reads it (protectively when the age is uncertain).
    pub child_needed: String,
    pub caregiver_needed: String,
    pub today: String,
}

fn standing_text(t: &Tr, party: Party, s: Standing) -> String {
    let who = t.pick(
        "consent-party",
        match party {
            Party::Child => "child",
            Party::Caregiver => "caregiver",
        },
    );
    let (key, on) = match s {
        Standing::Given { on } => ("consent-state-given", Some(on)),
        Standing::Missing => ("consent-state-missing", None),
        Standing::Refused { on } => ("consent-state-refused", Some(on)),
        Standing::Withdrawn { on } => ("consent-state-withdrawn", Some(on)),
        Standing::Expired { on } => ("consent-state-expired", Some(on)),
    };
    let mut args = vec![("party", who)];
    if let Some(d) = on {
        args.push(("date", t.date(d)));
    }
    t.with(key, &args)
}

/// Builds the view; `names` maps each entry's recorder to a display name, in ledger order.
pub fn view(
    t: &Tr,
    ledger: &[ConsentRecord],
    names: Vec<String>,
    age: AgeRange,
    rules: AgeRules,
    today: NaiveDate,
    can_record: bool,
) -> ConsentView {
    let entries: Vec<Entry> = ledger.iter().map(|r| r.entry.clone()).collect();
    let (needed, voice) = consent::required(rules, age);
    let needed_text = |party| {
        t.get(if needed.contains(&party) {
            "consent-needed"
        } else {
            "consent-not-needed"
        })
    };
    let child_needed = needed_text(Party::Child);
    let caregiver_needed = needed_text(Party::Caregiver);
    let voice = t.pick(
        "consent-voice",
        match voice {
            consent::ChildVoice::NotAsked => "not_asked",
            consent::ChildVoice::Assent => "assent",
            consent::ChildVoice::Consent => "consent",
        },
    );
    // Every purpose with an entry, and assessment always: it comes first in the journey.
    let standing = purposes()
        .into_iter()
        .filter(|p| *p == Purpose::Assessment || entries.iter().any(|e| e.purpose == *p))
        .map(|p| {
            let s = consent::evaluate(rules, age, p, &entries, today);
            Standings {
                purpose: purpose_label(t, p),
                allows: s.allows(),
                parts: s
                    .parties
                    .iter()
                    .map(|(party, st)| standing_text(t, *party, *st))
                    .collect(),
            }
        })
        .collect();
    let rows = ledger
        .iter()
        .zip(names)
        .map(|(r, by)| Row {
            date: t.date(r.entry.on),
            purpose: purpose_label(t, r.entry.purpose),
            giver: t.pick("consent-giver", r.entry.giver.as_str()),
            decision: t.pick("consent-decision", r.entry.decision.as_str()),
            expires: r.entry.expires.map(|d| t.date(d)).unwrap_or_default(),
            recorded_by: by,
            note: match &r.note {
                Some(Readable::Present(n)) => n.as_str().to_owned(),
                Some(Readable::Erased { .. }) => t.get("erased"),
                None => String::new(),
            },
        })
        .collect();
    ConsentView {
        voice,
        standing,
        rows,
        can_record,
        purposes: purposes()
            .into_iter()
            .map(|p| (p.key(), purpose_label(t, p)))
            .collect(),
        caregivers: [Giver::Caregiver, Giver::Guardian]
            .into_iter()
            .map(|g| (g.as_str(), t.pick("consent-giver", g.as_str())))
            .collect(),
        child_needed,
        caregiver_needed,
        decisions: Choice::ALL
            .into_iter()
            .map(|d| (d.as_str(), t.pick("consent-decision", d.as_str())))
            .collect(),
        today: today.to_string(),
    }
}

/// Parses a ledger entry from its fields; the error is a message key.
pub fn parse_entry(
    purpose: &str,
    giver: &str,
    decision: &str,
    on: &str,
    expires: &str,
) -> Result<Entry, &'static str> {
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d");
    Ok(Entry {
        purpose: Purpose::parse(purpose)
            .filter(|p| purposes().contains(p))
            .ok_or("error-invalid")?,
        giver: Giver::parse(giver).ok_or("error-invalid")?,
        decision: Choice::parse(decision).ok_or("error-invalid")?,
        on: date(on).map_err(|_| "error-impossible-date")?,
        expires: match expires.trim() {
            "" => None,
            x => Some(date(x).map_err(|_| "error-impossible-date")?),
        },
    })
}

/// A person's decision in the form: blank is "not asked here".
fn decision(body: &[(String, String)], field: &'static str) -> Result<Option<Choice>, Wrong> {
    match super::posted_one(body, field) {
        "" => Ok(None),
        x => Choice::parse(x)
            .map(Some)
            .ok_or(Wrong::key(field, "error-choose-option")),
    }
}

/// One conversation about consent as the form posts it: the ticked purposes (`purpose`,
/// repeated), the child's decision, a caregiver's or guardian's, one date and expiry.
pub fn parse_round(body: &[(String, String)], today: NaiveDate) -> Result<Round, Wrong> {
    let offered = purposes();
    let purposes = super::posted(body, "purpose")
        .into_iter()
        .map(|k| {
            Purpose::parse(k)
                .filter(|p| offered.contains(p))
                .ok_or(Wrong::key("purpose", "error-choose-option"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let child = decision(body, "child_decision")?;
    let caregiver = match decision(body, "caregiver_decision")? {
        None => None,
        Some(d) => Some((
            Giver::parse(super::posted_one(body, "caregiver_giver"))
                .filter(|g| *g != Giver::Child)
                .ok_or(Wrong::key("caregiver_giver", "error-choose-option"))?,
            d,
        )),
    };
    let round = Round {
        purposes,
        child,
        caregiver,
        on: super::date_at(super::posted_one(body, "on"), "on")?,
        expires: super::opt_date_at(super::posted_one(body, "expires"), "expires")?,
    };
    // The domain's own refusals, beside the field each concerns.
    round.entries(today).map_err(round_wrong)?;
    Ok(round)
}

/// The field of the form a round's refusal concerns, with a message that says what is wrong.
fn round_wrong(e: DomainError) -> Wrong {
    match e {
        DomainError::Required { field: "purposes" } => {
            Wrong::key("purpose", "error-consent-purposes")
        }
        DomainError::Required { field: "decision" } => {
            Wrong::key("child_decision", "error-consent-decision")
        }
        DomainError::Invalid { field: "giver" } => {
            Wrong::key("caregiver_giver", "error-choose-option")
        }
        e @ (DomainError::ExpiryBeforeDate | DomainError::ExpiryWithoutConsent) => {
            Wrong::rule("expires", e)
        }
        e => Wrong::rule("on", e),
    }
}

/// Records one conversation about consent: every ticked purpose, for the child and for the
/// caregiver as each decided, in one transaction. Anything refused saves nothing and shows the
/// form again as it was filled in.
pub async fn record(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    CaseForm::posted(&ctx, "consent", &body, CaseOf::Case(&id), Change::Consent)
        .run(async |meta| {
            let round = parse_round(&body, ctx.store.now().date_naive()).or_refuse(t)?;
            let note = super::opt_note_at(super::posted_one(&body, "note"), "note").or_refuse(t)?;
            match ctx
                .store
                .record_consent_round(ctx.actor(), &meta.id, &round, note)
                .await
            {
                Ok(_) => Ok(Saved::at(format!(
                    "/cases/{}#section-participation",
                    meta.id
                ))),
                Err(StoreError::Conflict(_)) => {
                    Err(Refused::key(t, "error-consent-nothing-to-withdraw"))
                }
                Err(StoreError::Domain(e)) => Err(round_wrong(e).refused(t)),
                Err(e) => Err(Refused::Store(e)),
            }
        })
        .await
}

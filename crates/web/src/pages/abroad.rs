//! Travel, origin and repatriation (`/cases/{id}/abroad`): where the child has been, who the
//! child is on paper, the three phases of the child's return, best-interests assessments and
//! panel determinations, and reception centre stays. The whole page is the circumstances
//! section; the case page shows the phase alone to readers of the status section.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use pelita_domain::plan::Views;
use pelita_domain::policy::write::Change as CaseChange;
use pelita_domain::policy::{Decision, Section};
use pelita_domain::repatriation::best_interests::{
    self, Assessment, AssessmentDepth, Determination, PanelDissent, PanelMember, Question,
};
use pelita_domain::repatriation::origin::{
    BirthAbroad, BirthRegistration, ChildRole, Country, Document, DocumentKind, NationalityStatus,
    Origin, Parent, ParentLink, PartialDate, Stay as Travel, StayKind, Verification,
    VerificationMethod, VerificationResult,
};
use pelita_domain::repatriation::reception::{Admission, Block, Release, Review, Stay};
use pelita_domain::repatriation::workflow::{Placement, Step};
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{AbroadRecord, Readable, RepatriationChange as Change, StoreError};

use super::form::{CaseForm, CaseOf, OrRefuse, Refused, Saved};
use super::{opt_note, posted as all, posted_one as one};
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view::{self, Form, Nav};

/// Blank rows each list of the origin form offers below the recorded ones.
const BLANK: usize = 2;
/// Member rows of the panel form (a panel has at least three).
const PANEL_ROWS: usize = 5;

pub struct StepRow {
    pub label: String,
    pub phase: String,
    pub done: Option<String>,
    pub note: String,
    pub open: bool,
}

pub struct TravelRow {
    pub country: &'static str,
    pub kind: &'static str,
    pub from: String,
    pub to: String,
    pub place: String,
}

pub struct DocRow {
    pub kind: &'static str,
    pub held: bool,
    pub issuer: &'static str,
}

pub struct LinkRow {
    pub parent: &'static str,
    pub link: String,
    pub source: String,
}

pub struct CheckRow {
    pub method: &'static str,
    pub result: &'static str,
    pub by: String,
    pub on: String,
}

/// The origin form's values.
pub struct OriginForm {
    pub nationality: &'static str,
    pub nationality_country: &'static str,
    pub registration: &'static str,
    pub born_country: &'static str,
    pub born_place: String,
    pub born_documents: String,
    pub finding: String,
    pub finding_source: String,
    pub travels: Vec<TravelRow>,
    pub docs: Vec<DocRow>,
    pub links: Vec<LinkRow>,
    pub checks: Vec<CheckRow>,
}

pub struct Entry {
    pub title: String,
    pub lines: Vec<(String, String)>,
    /// Stigmatising words the terminology guard found in the entry's text.
    pub warnings: Vec<String>,
}

impl Entry {
    fn new(t: &Tr, title: String, lines: Vec<(String, String)>) -> Entry {
        let guard = pelita_domain::terminology::Guard::builtin();
        let warnings = lines
            .iter()
            .flat_map(|(_, v)| super::guard_warnings(t, guard, v))
            .collect();
        Entry {
            title,
            lines,
            warnings,
        }
    }
}

pub struct StayView {
    pub id: String,
    pub entry: Entry,
    pub open: bool,
    pub planned: String,
}

/// What a refused form had typed, shown again (its section open) so nothing is retyped: the
/// posted form, named by its `action`, asked about from the template by action.
pub use super::form::Kept;

/// The origin form as it was posted (a refused save shows what was typed).
fn kept_origin(b: &[(String, String)]) -> OriginForm {
    fn key<T: Copy>(
        s: &str,
        parse: fn(&str) -> Option<T>,
        as_str: fn(T) -> &'static str,
    ) -> &'static str {
        parse(s).map_or("", as_str)
    }
    let rows = |n: &str| all(b, n);
    let (countries, kinds, froms, tos, places) = (
        rows("s_country"),
        rows("s_kind"),
        rows("s_from"),
        rows("s_to"),
        rows("s_place"),
    );
    let travels = (0..countries.len())
        .map(|i| TravelRow {
            country: key(at(&countries, i), Country::parse, Country::as_str),
            kind: key(at(&kinds, i), StayKind::parse, StayKind::as_str),
            from: at(&froms, i).to_owned(),
            to: at(&tos, i).to_owned(),
            place: at(&places, i).to_owned(),
        })
        .collect();
    let (dkinds, held, issuers) = (rows("d_kind"), rows("d_held"), rows("d_issuer"));
    let docs = (0..dkinds.len())
        .map(|i| DocRow {
            kind: key(at(&dkinds, i), DocumentKind::parse, DocumentKind::as_str),
            held: at(&held, i) != "no",
            issuer: key(at(&issuers, i), Country::parse, Country::as_str),
        })
        .collect();
    let (parents, links, sources) = (rows("l_parent"), rows("l_link"), rows("l_source"));
    let links = (0..links.len())
        .map(|i| LinkRow {
            parent: key(at(&parents, i), Parent::parse, Parent::as_str),
            link: at(&links, i).to_owned(),
            source: at(&sources, i).to_owned(),
        })
        .collect();
    let (methods, results, bys, ons) = (
        rows("v_method"),
        rows("v_result"),
        rows("v_by"),
        rows("v_on"),
    );
    let checks = (0..bys.len())
        .map(|i| CheckRow {
            method: key(
                at(&methods, i),
                VerificationMethod::parse,
                VerificationMethod::as_str,
            ),
            result: key(
                at(&results, i),
                VerificationResult::parse,
                VerificationResult::as_str,
            ),
            by: at(&bys, i).to_owned(),
            on: at(&ons, i).to_owned(),
        })
        .collect();
    OriginForm {
        nationality: key(
            one(b, "nationality"),
            NationalityStatus::parse,
            NationalityStatus::as_str,
        ),
        nationality_country: key(
            one(b, "nationality_country"),
            Country::parse,
            Country::as_str,
        ),
        registration: key(
            one(b, "birth_registration"),
            BirthRegistration::parse,
            BirthRegistration::as_str,
        ),
        born_country: key(one(b, "born_country"), Country::parse, Country::as_str),
        born_place: one(b, "born_place").to_owned(),
        born_documents: one(b, "born_documents").to_owned(),
        finding: one(b, "finding").to_owned(),
        finding_source: one(b, "finding_source").to_owned(),
        travels,
        docs,
        links,
        checks,
    }
}

/// Options of a select: (key, label).
type Options = Vec<(&'static str, String)>;

pub struct Choices {
    pub countries: Options,
    pub stay_kinds: Options,
    pub doc_kinds: Options,
    pub parents: Options,
    pub nationalities: Options,
    pub registrations: Options,
    pub methods: Options,
    pub results: Options,
    pub marked: Options,
    pub depths: Options,
    pub questions: Options,
    pub blocks: Options,
    pub placements: Options,
}

#[derive(Template)]
#[template(path = "abroad.html")]
struct AbroadPage {
    t: Tr,
    nav: Nav,
    id: String,
    reference: String,
    message: Option<String>,
    kept: Kept,
    can_edit: bool,
    erased: bool,
    summary: Vec<(String, String)>,
    summary_warnings: Vec<String>,
    has_file: bool,
    /// Arrived: the return can no longer be ended.
    arrived: bool,
    /// Not pursued since (date, reason).
    ended: Option<(String, String)>,
    phase: String,
    placement: String,
    steps: Vec<StepRow>,
    /// The children travelling with this one: a link to the case where the reader may see
    /// it, and its reference (or a word for one the reader may not see).
    group: Vec<(Option<String>, String)>,
    form: OriginForm,
    records: Vec<Entry>,
    stays: Vec<StayView>,
    has_open_stay: bool,
    today: String,
    panel_rows: Vec<usize>,
    c: Choices,
}

fn options<T: Copy>(t: &Tr, prefix: &str, all: &[T], key: fn(T) -> &'static str) -> Options {
    all.iter()
        .map(|v| (key(*v), t.pick(prefix, key(*v))))
        .collect()
}

fn choices(t: &Tr) -> Choices {
    Choices {
        countries: options(t, "country", Country::ALL, Country::as_str),
        stay_kinds: options(t, "stay-kind", StayKind::ALL, StayKind::as_str),
        doc_kinds: options(t, "document-kind", DocumentKind::ALL, DocumentKind::as_str),
        parents: options(t, "parent", Parent::ALL, Parent::as_str),
        nationalities: options(
            t,
            "nationality",
            NationalityStatus::ALL,
            NationalityStatus::as_str,
        ),
        registrations: options(
            t,
            "birth-registration",
            BirthRegistration::ALL,
            BirthRegistration::as_str,
        ),
        methods: options(
            t,
            "verification-method",
            VerificationMethod::ALL,
            VerificationMethod::as_str,
        ),
        results: options(
            t,
            "verification-result",
            VerificationResult::ALL,
            VerificationResult::as_str,
        ),
        marked: Step::ALL
            .iter()
            .filter(|s| s.marked())
            .map(|s| (s.as_str(), t.pick("repatriation-step", s.as_str())))
            .collect(),
        depths: options(
            t,
            "bia-depth",
            AssessmentDepth::ALL,
            AssessmentDepth::as_str,
        ),
        questions: options(t, "panel-question", Question::ALL, Question::as_str),
        blocks: options(t, "reception-block", Block::ALL, Block::as_str),
        placements: Placement::ALL
            .iter()
            .filter(|p| p.in_family_or_community())
            .map(|p| (p.as_str(), t.pick("placement", p.as_str())))
            .collect(),
    }
}

fn text<T: AsRef<str>>(o: &Option<T>) -> String {
    o.as_ref()
        .map(|x| x.as_ref().to_owned())
        .unwrap_or_default()
}

fn origin_form(o: &Origin) -> OriginForm {
    let mut travels: Vec<TravelRow> = o
        .stays
        .iter()
        .map(|s| TravelRow {
            country: s.country.as_str(),
            kind: s.kind.as_str(),
            from: s.from.to_input(),
            to: s.to.map(|d| d.to_input()).unwrap_or_default(),
            place: s.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
        })
        .collect();
    travels.extend((0..BLANK).map(|_| TravelRow {
        country: "",
        kind: "lived",
        from: String::new(),
        to: String::new(),
        place: String::new(),
    }));
    let mut docs: Vec<DocRow> = o
        .documents
        .iter()
        .map(|d| DocRow {
            kind: d.kind.as_str(),
            held: d.held,
            issuer: d.issued_by.map_or("", |c| c.as_str()),
        })
        .collect();
    docs.extend((0..BLANK).map(|_| DocRow {
        kind: "",
        held: true,
        issuer: "",
    }));
    let mut links: Vec<LinkRow> = o
        .parent_links
        .iter()
        .map(|l| LinkRow {
            parent: l.parent.as_str(),
            link: l.link.as_str().to_owned(),
            source: l.source.as_str().to_owned(),
        })
        .collect();
    links.push(LinkRow {
        parent: "mother",
        link: String::new(),
        source: String::new(),
    });
    let mut checks: Vec<CheckRow> = o
        .verifications
        .iter()
        .map(|v| CheckRow {
            method: v.method.as_str(),
            result: v.result.as_str(),
            by: v.verified_by.to_string(),
            on: v.verified_on.to_string(),
        })
        .collect();
    checks.push(CheckRow {
        method: "document",
        result: "confirmed",
        by: String::new(),
        on: String::new(),
    });
    let (finding, finding_source) = match &o.child_role {
        ChildRole::NoActiveRole => (String::new(), String::new()),
        ChildRole::Finding { finding, source } => {
            (finding.as_str().to_owned(), source.as_str().to_owned())
        }
    };
    OriginForm {
        nationality: o.nationality.as_str(),
        nationality_country: o.nationality_country.map_or("", |c| c.as_str()),
        registration: o.birth_registration.as_str(),
        born_country: o.born_abroad.as_ref().map_or("", |b| b.country.as_str()),
        born_place: o
            .born_abroad
            .as_ref()
            .and_then(|b| b.place.as_ref())
            .map(|p| p.to_string())
            .unwrap_or_default(),
        born_documents: o
            .born_abroad
            .as_ref()
            .map(|b| text(&b.documents.as_ref().map(|d| d.as_str())))
            .unwrap_or_default(),
        finding,
        finding_source,
        travels,
        docs,
        links,
        checks,
    }
}

/// What the record says, in lines a reader takes in at a glance.
fn summary(t: &Tr, o: &Origin) -> Vec<(String, String)> {
    let country = |c: Country| t.pick("country", c.as_str());
    let mut lines = vec![(
        t.get("origin-child-role"),
        match &o.child_role {
            ChildRole::NoActiveRole => t.get("origin-no-active-role"),
            ChildRole::Finding { finding, source } => format!(
                "{} ({}: {})",
                finding.as_str(),
                t.get("origin-source"),
                source.as_str()
            ),
        },
    )];
    let mut nationality = t.pick("nationality", o.nationality.as_str());
    if let Some(c) = o.nationality_country {
        nationality = format!("{nationality} — {}", country(c));
    }
    lines.push((t.get("origin-nationality"), nationality));
    lines.push((
        t.get("origin-birth-registration"),
        t.pick("birth-registration", o.birth_registration.as_str()),
    ));
    if let Some(b) = &o.born_abroad {
        let mut v = country(b.country);
        if let Some(p) = &b.place {
            v = format!("{v}, {p}");
        }
        if let Some(d) = &b.documents {
            v = format!("{v} — {}", d.as_str());
        }
        lines.push((t.get("origin-born-abroad"), v));
    }
    for s in &o.stays {
        let to =
            s.to.map_or_else(|| t.get("origin-still-there"), |d| d.to_input());
        let from = match s.from {
            PartialDate::Unknown => t.get("precision-unknown"),
            d => d.to_input(),
        };
        let mut v = format!("{} — {from} {} {to}", country(s.country), t.arrow());
        if let Some(p) = &s.place {
            v = format!("{v} ({p})");
        }
        lines.push((t.pick("stay-kind", s.kind.as_str()), v));
    }
    for l in &o.parent_links {
        lines.push((
            t.pick("parent", l.parent.as_str()),
            format!(
                "{} ({}: {})",
                l.link.as_str(),
                t.get("origin-source"),
                l.source.as_str()
            ),
        ));
    }
    for d in &o.documents {
        let held = t.get(if d.held {
            "document-held"
        } else {
            "document-missing"
        });
        let issuer = d.issued_by.map(|c| format!(" — {}", country(c)));
        lines.push((
            t.pick("document-kind", d.kind.as_str()),
            format!("{held}{}", issuer.unwrap_or_default()),
        ));
    }
    for v in &o.verifications {
        lines.push((
            t.pick("verification-method", v.method.as_str()),
            format!(
                "{} — {}, {}",
                t.pick("verification-result", v.result.as_str()),
                v.verified_by,
                t.date(v.verified_on)
            ),
        ));
    }
    lines
}

fn views(t: &Tr, v: &Views) -> (String, String) {
    (t.get("plan-child-views"), super::plan::views_text(t, v))
}

fn record_entry(t: &Tr, r: &best_interests::Record) -> Entry {
    match r {
        best_interests::Record::Assessment(a) => Entry::new(
            t,
            format!(
                "{} ({}) — {}",
                t.get("bia-heading"),
                t.pick("bia-depth", a.depth.as_str()),
                t.date(a.done_on)
            ),
            vec![
                views(t, &a.child_views),
                (t.get("bia-findings"), a.findings.as_str().to_owned()),
                (
                    t.get("bia-recommendation"),
                    a.recommendation.as_str().to_owned(),
                ),
            ],
        ),
        best_interests::Record::Determination(d) => {
            let mut lines = vec![
                (
                    t.get("panel-members"),
                    d.members
                        .iter()
                        .map(|m| format!("{} ({}, {})", m.name, m.role, m.organisation))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                views(t, &d.child_views),
                (t.get("panel-reasoning"), d.reasoning.as_str().to_owned()),
                (t.get("panel-outcome"), d.outcome.as_str().to_owned()),
            ];
            for x in &d.dissent {
                lines.push((
                    t.get("conference-dissent"),
                    format!("{}: {}", x.by, x.reason.as_str()),
                ));
            }
            lines.push((t.get("panel-review-on"), t.date(d.review_on)));
            Entry::new(
                t,
                format!(
                    "{} — {} — {}",
                    t.get("panel-heading"),
                    t.pick("panel-question", d.question.as_str()),
                    t.date(d.decided_on)
                ),
                lines,
            )
        }
    }
}

fn stay_view(t: &Tr, id: &str, s: &Stay, next: Option<NaiveDate>, today: NaiveDate) -> StayView {
    let a = &s.admission;
    let mut lines = vec![
        (
            t.get("reception-block"),
            t.pick("reception-block", a.block.as_str()),
        ),
        (t.get("reception-admitted"), t.date(a.admitted_on)),
        (
            t.get("reception-planned-release"),
            t.date(s.planned_release()),
        ),
        (t.get("reception-days"), s.days(today).to_string()),
    ];
    if let Some(n) = next {
        let key = if n < today {
            "reception-review-overdue"
        } else {
            "reception-next-review"
        };
        lines.push((t.get(key), t.date(n)));
    }
    for r in &s.reviews {
        lines.push((
            format!("{} {}", t.get("reception-review"), t.date(r.on)),
            r.note.as_str().to_owned(),
        ));
    }
    if let Some(r) = &s.release {
        lines.push((
            t.get("reception-released"),
            format!(
                "{} — {}{}",
                t.date(r.on),
                t.pick("placement", r.to.as_str()),
                r.note
                    .as_ref()
                    .map(|n| format!(" ({})", n.as_str()))
                    .unwrap_or_default()
            ),
        ));
    }
    StayView {
        id: id.to_owned(),
        entry: Entry::new(t, a.centre.to_string(), lines),
        open: s.release.is_none(),
        planned: s.planned_release().to_string(),
    }
}

/// Asks for a justification where the policy opens the circumstances section only with one
/// (break-glass: the read is logged and the case's supervisor alerted).
#[derive(Template)]
#[template(path = "abroad_justify.html")]
struct JustifyPage {
    t: Tr,
    nav: Nav,
    id: String,
    reference: String,
    message: Option<String>,
}

/// The children travelling with this one as a reader may know them: the cases whose status
/// the reader may see, and how many others there are.
pub async fn visible_group(
    store: &pelita_store::Store,
    reader: &pelita_store::Reader,
    group: &[String],
) -> (Vec<pelita_store::CaseMeta>, usize) {
    let mut seen = Vec::new();
    for other in group {
        match store.case_meta(other).await {
            Ok(m) if m.decide(reader, Section::Status) != Decision::Deny => seen.push(m),
            _ => {}
        }
    }
    let hidden = group.len() - seen.len();
    (seen, hidden)
}

pub async fn page(ctx: Ctx, Path(id): Path<String>) -> Response {
    render(&ctx, &id, None, Kept::default(), None).await
}

/// Break-glass for this page, as on the case page: at least 10 characters, at most 500.
pub async fn open(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    if !ctx.csrf_ok(one(&body, "csrf")) {
        return ctx.csrf_failed();
    }
    let Some(why) = super::justification(one(&body, "justification")) else {
        let msg = ctx.t.get("section-justify");
        return render(&ctx, &id, None, Kept::default(), Some(("", msg))).await;
    };
    render(
        &ctx,
        &id,
        None,
        Kept::default(),
        Some((&why, String::new())),
    )
    .await
}

/// The page again after a refused form (`form::CaseForm`), with what was typed.
pub(super) async fn refused(
    ctx: &Ctx,
    id: &str,
    message: String,
    typed: Option<super::Posted>,
) -> Response {
    render(ctx, id, Some(message), Kept::new(typed, None), None).await
}

/// `why`: a justification given (and, when it was refused, the message to show with the form).
async fn render(
    ctx: &Ctx,
    id: &str,
    message: Option<String>,
    kept: Kept,
    why: Option<(&str, String)>,
) -> Response {
    let t = ctx.t.clone();
    let meta = match ctx.store.case_meta(id).await {
        Ok(m) => m,
        Err(e) => return error::store(&t, e),
    };
    let given = why.as_ref().map(|w| w.0).filter(|w| !w.is_empty());
    let grant = match super::grant(ctx, &meta, Section::Circumstances, given) {
        Ok(g) => g,
        Err(_)
            if super::decision(ctx, &meta, Section::Circumstances)
                == Decision::WithJustification =>
        {
            return view::render(JustifyPage {
                nav: ctx.nav(),
                id: meta.id.clone(),
                reference: meta.reference.to_string(),
                message: why.map(|w| w.1).filter(|m| !m.is_empty()),
                t,
            });
        }
        Err(_) => return error::page(&t, StatusCode::FORBIDDEN, "error-forbidden"),
    };
    let record: AbroadRecord = match ctx.store.read_abroad(&grant).await {
        Ok(r) => r,
        Err(e) => return error::store(&t, e),
    };
    let today = super::zone::today(ctx).await;
    let (origin, erased) = match record.origin.as_ref().map(|o| &o.origin) {
        Some(Readable::Present(o)) => (o.clone(), false),
        Some(Readable::Erased { .. }) => (Origin::default(), true),
        None => (Origin::default(), false),
    };
    let mut group = Vec::new();
    let (mut steps, mut phase, mut placement) = (Vec::new(), String::new(), String::new());
    let (mut arrived, mut ended) = (false, None);
    if let Some(f) = &record.file {
        phase = t.pick("repatriation-phase", f.progress.standing().as_str());
        arrived = f.progress.done.contains_key(&Step::Arrival);
        if let Some(on) = f.progress.ended {
            let reason = match &f.end_reason {
                Some(Readable::Present(r)) => r.as_str().to_owned(),
                _ => String::new(),
            };
            ended = Some((t.date(on), reason));
        }
        placement = f
            .placement
            .map(|p| t.pick("placement", p.as_str()))
            .unwrap_or_default();
        let outstanding = f.progress.outstanding();
        let notes = match &f.notes {
            Readable::Present(n) => n.clone(),
            Readable::Erased { .. } => Default::default(),
        };
        for s in Step::ALL {
            steps.push(StepRow {
                label: t.pick("repatriation-step", s.as_str()),
                phase: t.pick("repatriation-phase", s.phase().as_str()),
                done: f.progress.done.get(s).map(|d| t.date(*d)),
                note: notes
                    .get(s)
                    .map(|n| n.as_str().to_owned())
                    .unwrap_or_else(|| {
                        if s.marked() {
                            String::new()
                        } else {
                            t.pick("repatriation-from", s.as_str())
                        }
                    }),
                open: outstanding.contains(s),
            });
        }
        // Siblings are named by their case reference, and only to a reader of their status.
        let (seen, hidden) = visible_group(&ctx.store, &ctx.reader(), &f.group).await;
        group.extend(
            seen.iter()
                .map(|m| (Some(format!("/cases/{}", m.id)), m.reference.to_string())),
        );
        group.extend((0..hidden).map(|_| (None, t.get("repatriation-group-hidden"))));
    }
    let stays: Vec<StayView> = record
        .stays
        .iter()
        .filter_map(|s| match &s.stay {
            Readable::Present(x) => Some(stay_view(&t, &s.id, x, s.next_review, today)),
            Readable::Erased { .. } => None,
        })
        .collect();
    let summary = if record.origin.is_some() && !erased {
        summary(&t, &origin)
    } else {
        Vec::new()
    };
    let summary_warnings = Entry::new(&t, String::new(), summary.clone()).warnings;
    let form = match kept.posted("origin") {
        Some(p) => kept_origin(&p.body),
        _ => origin_form(&origin),
    };
    let page = AbroadPage {
        nav: ctx.nav(),
        id: meta.id.clone(),
        reference: meta.reference.to_string(),
        message,
        kept,
        can_edit: super::may_change(ctx, &meta, CaseChange::Repatriation) && !erased,
        erased,
        summary,
        summary_warnings,
        has_file: record.file.is_some(),
        arrived,
        ended,
        phase,
        placement,
        steps,
        group,
        form,
        records: record
            .best_interests
            .iter()
            .filter_map(|b| match &b.record {
                Readable::Present(r) => Some(record_entry(&t, r)),
                Readable::Erased { .. } => None,
            })
            .collect(),
        has_open_stay: stays.iter().any(|s| s.open),
        stays,
        today: today.to_string(),
        panel_rows: (1..=PANEL_ROWS).collect(),
        c: choices(&t),
        t,
    };
    view::render(page)
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| "error-impossible-date".into())
}

fn name(s: &str) -> Result<NameText, String> {
    NameText::parse(s).map_err(|e| error::domain_key(&e))
}

fn opt_name(s: &str) -> Result<Option<NameText>, String> {
    match s.trim() {
        "" => Ok(None),
        x => name(x).map(Some),
    }
}

fn note(s: &str) -> Result<NoteText, String> {
    NoteText::parse(s).map_err(|e| error::domain_key(&e))
}

fn pick<T>(s: &str, parse: fn(&str) -> Option<T>) -> Result<T, String> {
    parse(s.trim()).ok_or_else(|| "error-invalid".into())
}

fn opt_country(s: &str) -> Result<Option<Country>, String> {
    match s.trim() {
        "" => Ok(None),
        x => pick(x, Country::parse).map(Some),
    }
}

fn partial(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| error::domain_key(&e))
}

/// The origin the form describes; a row whose first field is blank is dropped (that is how a
/// row is removed).
fn parse_origin(b: &[(String, String)]) -> Result<Origin, String> {
    let rows = |n: &str| all(b, n);
    let mut o = Origin {
        nationality: pick(one(b, "nationality"), NationalityStatus::parse)?,
        nationality_country: opt_country(one(b, "nationality_country"))?,
        birth_registration: pick(one(b, "birth_registration"), BirthRegistration::parse)?,
        ..Origin::default()
    };
    if let Some(country) = opt_country(one(b, "born_country"))? {
        o.born_abroad = Some(BirthAbroad {
            country,
            place: opt_name(one(b, "born_place"))?,
            documents: opt_note(one(b, "born_documents"))?,
        });
    }
    o.child_role = match (
        opt_note(one(b, "finding"))?,
        opt_note(one(b, "finding_source"))?,
    ) {
        (None, None) => ChildRole::NoActiveRole,
        (Some(finding), Some(source)) => ChildRole::Finding { finding, source },
        _ => return Err("error-finding-source-required".into()),
    };
    let (countries, kinds, froms, tos, places) = (
        rows("s_country"),
        rows("s_kind"),
        rows("s_from"),
        rows("s_to"),
        rows("s_place"),
    );
    for (i, c) in countries.iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        let to = at(&tos, i);
        o.stays.push(Travel {
            country: pick(c, Country::parse)?,
            kind: pick(at(&kinds, i), StayKind::parse)?,
            from: partial(at(&froms, i))?,
            to: if to.trim().is_empty() {
                None
            } else {
                Some(partial(to)?)
            },
            place: opt_name(at(&places, i))?,
        });
    }
    let (dkinds, held, issuers) = (rows("d_kind"), rows("d_held"), rows("d_issuer"));
    for (i, k) in dkinds.iter().enumerate() {
        if k.is_empty() {
            continue;
        }
        o.documents.push(Document {
            kind: pick(k, DocumentKind::parse)?,
            held: at(&held, i) == "yes",
            issued_by: opt_country(at(&issuers, i))?,
        });
    }
    let (parents, links, sources) = (rows("l_parent"), rows("l_link"), rows("l_source"));
    for (i, l) in links.iter().enumerate() {
        if l.is_empty() {
            continue;
        }
        o.parent_links.push(ParentLink {
            parent: pick(at(&parents, i), Parent::parse)?,
            link: note(l)?,
            source: opt_note(at(&sources, i))?.ok_or("error-finding-source-required")?,
        });
    }
    let (methods, results, bys, ons) = (
        rows("v_method"),
        rows("v_result"),
        rows("v_by"),
        rows("v_on"),
    );
    for (i, by) in bys.iter().enumerate() {
        if by.is_empty() {
            continue;
        }
        o.verifications.push(Verification {
            method: pick(at(&methods, i), VerificationMethod::parse)?,
            result: pick(at(&results, i), VerificationResult::parse)?,
            verified_by: name(by)?,
            verified_on: date(at(&ons, i))?,
        });
    }
    Ok(o)
}

/// The `i`th value of a repeated form field, blank when the row lacks it.
fn at<'a>(v: &[&'a str], i: usize) -> &'a str {
    v.get(i).copied().unwrap_or("")
}

fn child_views(b: &[(String, String)]) -> Result<Views, String> {
    Ok(Views::from_parts(
        opt_note(one(b, "views"))?,
        opt_note(one(b, "why_not"))?,
    ))
}

fn parse_panel(b: &[(String, String)]) -> Result<Determination, String> {
    let (names, orgs, roles, signed) = (
        all(b, "p_name"),
        all(b, "p_org"),
        all(b, "p_role"),
        all(b, "p_undertaking"),
    );
    let mut members = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        members.push(PanelMember {
            name: name(n)?,
            organisation: name(at(&orgs, i))?,
            role: name(at(&roles, i))?,
            undertaking: at(&signed, i) == "yes",
        });
    }
    let mut dissent = Vec::new();
    if let Some(reason) = opt_note(one(b, "dissent"))? {
        dissent.push(PanelDissent {
            by: name(one(b, "dissent_by"))?,
            reason,
        });
    }
    Ok(Determination {
        question: pick(one(b, "question"), Question::parse)?,
        decided_on: date(one(b, "on"))?,
        members,
        child_views: child_views(b)?,
        reasoning: note(one(b, "reasoning"))?,
        outcome: note(one(b, "outcome"))?,
        dissent,
        review_on: date(one(b, "review_on"))?,
    })
}

/// The change a posted form asks for, or the message key of what is wrong with it.
fn parse(b: &[(String, String)]) -> Result<Change, String> {
    Ok(match one(b, "action") {
        "origin" => Change::SaveOrigin(parse_origin(b)?),
        "open" => Change::Open { with: None },
        "step" => Change::Mark {
            step: pick(one(b, "step"), Step::parse)?,
            on: date(one(b, "on"))?,
            note: opt_note(one(b, "note"))?,
        },
        "arrival" => Change::Arrive(date(one(b, "on"))?),
        "end" => Change::End {
            on: date(one(b, "on"))?,
            reason: note(one(b, "reason"))?,
        },
        "resume" => Change::Resume,
        "placement" => Change::Place(
            pick(one(b, "placement"), Placement::parse)?,
            date(one(b, "on"))?,
        ),
        "bia" => Change::BestInterests(best_interests::Record::Assessment(Assessment {
            depth: pick(one(b, "depth"), AssessmentDepth::parse)?,
            done_on: date(one(b, "on"))?,
            child_views: child_views(b)?,
            findings: note(one(b, "findings"))?,
            recommendation: note(one(b, "recommendation"))?,
        })),
        "panel" => Change::BestInterests(best_interests::Record::Determination(parse_panel(b)?)),
        "admit" => Change::Admit(Admission {
            centre: name(one(b, "centre"))?,
            block: pick(one(b, "block"), Block::parse)?,
            admitted_on: date(one(b, "on"))?,
            review_every_days: one(b, "every")
                .trim()
                .parse()
                .map_err(|_| "error-invalid")?,
            planned_release: date(one(b, "planned"))?,
        }),
        "review" => Change::Review {
            stay: one(b, "stay").to_owned(),
            review: Review {
                on: date(one(b, "on"))?,
                note: note(one(b, "note"))?,
                planned_release: date(one(b, "planned"))?,
            },
        },
        "release" => Change::Release {
            stay: one(b, "stay").to_owned(),
            release: Release {
                on: date(one(b, "on"))?,
                to: pick(one(b, "to"), Placement::parse)?,
                note: opt_note(one(b, "note"))?,
            },
        },
        _ => return Err("error-invalid".into()),
    })
}

pub async fn post(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(body): Form<Vec<(String, String)>>,
) -> Response {
    let t = &ctx.t;
    let typed = super::Posted::new(one(&body, "action"), &body);
    CaseForm::new(
        &ctx,
        one(&body, "csrf"),
        CaseOf::Case(&id),
        CaseChange::Repatriation,
    )
    .on(super::form::Page::Abroad)
    .keeping(typed)
    .run(async |meta| {
        let mut change = parse(&body).or_refuse(t)?;
        // A travelling family member is named by case reference; linking needs the right
        // to change that case too.
        if let Change::Open { with } = &mut change {
            let reference = one(&body, "with");
            if !reference.is_empty() {
                let unknown = || Refused::key(t, "repatriation-with-unknown");
                let other = match ctx.store.case_by_reference(reference).await {
                    Ok(Some(o)) => o,
                    Ok(None) => return Err(unknown()),
                    Err(e) => return Err(Refused::Store(e)),
                };
                match ctx.store.case_meta(&other).await {
                    Ok(m) if super::may_change(&ctx, &m, CaseChange::Repatriation) => {}
                    _ => return Err(unknown()),
                }
                *with = Some(other);
            }
        }
        match ctx
            .store
            .change_repatriation(ctx.actor(), &meta.id, change)
            .await
        {
            Ok(_) => Ok(Saved::at(format!("/cases/{}/abroad", meta.id))),
            Err(StoreError::Conflict(_)) | Err(StoreError::NotFound) => {
                Err(Refused::key(t, "error-invalid"))
            }
            Err(e) => Err(Refused::store(t, e)),
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pages::form_body as body;

    #[test]
    fn the_origin_form_reads_its_rows_and_a_finding_needs_its_source() {
        let b = body(&[
            ("action", "origin"),
            ("nationality", "claimed"),
            ("nationality_country", "ID"),
            ("birth_registration", "not_registered"),
            ("born_country", "SY"),
            ("born_place", "Raqqa"),
            ("s_country", "TR"),
            ("s_kind", "transit"),
            ("s_from", "2016-05"),
            ("s_to", "2016"),
            ("s_place", ""),
            ("s_country", ""),
            ("s_kind", "lived"),
            ("s_from", ""),
            ("s_to", ""),
            ("s_place", ""),
            ("v_method", "dna"),
            ("v_result", "pending"),
            ("v_by", "Pusdokkes Polri"),
            ("v_on", "2026-02-01"),
        ]);
        let Change::SaveOrigin(o) = parse(&b).unwrap() else {
            panic!("an origin")
        };
        assert_eq!(o.stays.len(), 1);
        assert_eq!(o.born_abroad.unwrap().country, Country::Syria);
        assert_eq!(o.child_role, ChildRole::NoActiveRole);
        assert_eq!(o.verifications[0].method, VerificationMethod::Dna);
        let mut b = b;
        b.push(("finding".into(), "carried messages".into()));
        assert_eq!(
            parse(&b).err().as_deref(),
            Some("error-finding-source-required")
        );
    }
}

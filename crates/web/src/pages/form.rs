//! The shape every form that changes a case shares, in one fixed order: the form's CSRF token
//! (before anything is looked up, so a forged form learns nothing, not even whether a record
//! exists), the case, the write table (`pages::may_change`), then the handler's own part —
//! parse into domain types, call the store — whose [`Outcome`] is answered here: 303 to the
//! record, or the page the form sits on again with the message and, where the form keeps
//! them, the values that were typed.
//!
//! A handler states only its own parts: which case ([`CaseOf`]), which change ([`Needs`]), the
//! page it sits on ([`Page`]) and what was typed, then its parse and store call as an async
//! closure given the case:
//!
//! ```ignore
//! CaseForm::new(&ctx, &f.csrf, CaseOf::Case(&id), Change::Consent)
//!     .run(async |meta| {
//!         let entry = parse_entry(..).or_refuse(t)?;
//!         ctx.store.record_consent(ctx.actor(), &meta.id, entry, None).await
//!             .map_err(|e| Refused::store(t, e))?;
//!         Ok(Saved::at(format!("/cases/{}#section-participation", meta.id)))
//!     })
//!     .await
//! ```

use axum::http::StatusCode;
use axum::response::Response;
use pelita_domain::DomainError;
use pelita_domain::policy::write::Change;
use pelita_store::{CaseMeta, JusticeTable, StoreError};

use super::Posted;
use crate::auth::Ctx;
use crate::error;
use crate::i18n::Tr;
use crate::view;

/// What a form's own part came to.
pub type Outcome = Result<Saved, Refused>;

/// Saved: where to see it (answered with 303, so a reload does not post again).
pub struct Saved(String);

impl Saved {
    pub fn at(to: impl Into<String>) -> Saved {
        Saved(to.into())
    }
}

/// What is wrong with a refused form, in the reader's language: beside the field it concerns,
/// or at the form's top when it concerns the whole form.
#[derive(Clone, Debug)]
pub struct Problem {
    pub field: Option<String>,
    pub message: String,
}

/// Why nothing was saved.
pub enum Refused {
    /// Refused by a rule or for what was typed: the form's page again (200), with the form
    /// open, filled, and this message in it.
    Form(Problem),
    /// An error page of its own (forbidden, not found): its status and message key.
    Page(StatusCode, &'static str),
    /// A store failure, answered as `error::store` answers it (a rule's refusal too: 422).
    Store(StoreError),
}

impl Refused {
    /// The form again, with a message for the whole form.
    pub fn message(message: String) -> Refused {
        Refused::Form(Problem {
            field: None,
            message,
        })
    }

    /// The form again, with the message of a translation key.
    pub fn key(t: &Tr, key: impl AsRef<str>) -> Refused {
        Refused::message(t.get(key.as_ref()))
    }

    /// The form again, with the rule that refused it (a length names its limit).
    pub fn rule(t: &Tr, e: &DomainError) -> Refused {
        Refused::message(rule_message(t, e))
    }

    /// The same refusal, beside the field `name` (the posted name of the field it concerns).
    pub fn at(self, name: &str) -> Refused {
        match self {
            Refused::Form(p) => Refused::Form(Problem {
                field: Some(name.to_owned()),
                ..p
            }),
            other => other,
        }
    }

    pub const FORBIDDEN: Refused = Refused::Page(StatusCode::FORBIDDEN, "error-forbidden");

    /// A rule's refusal with the form; any other store failure as its own page.
    pub fn store(t: &Tr, e: StoreError) -> Refused {
        match e {
            StoreError::Domain(d) => Refused::rule(t, &d),
            e => Refused::Store(e),
        }
    }
}

/// A domain rule's message, with the numbers it names.
pub fn rule_message(t: &Tr, e: &DomainError) -> String {
    match e {
        DomainError::TooLong { max, .. } => t.with_args(
            &error::domain_key(e),
            &[("max", crate::i18n::Arg::from(*max))],
        ),
        e => t.get(&error::domain_key(e)),
    }
}

/// What a parse found wrong: the posted name of the field and the message key (or, for a
/// domain rule, the rule).
#[derive(Debug, PartialEq)]
pub struct Wrong {
    pub field: &'static str,
    pub why: Why,
}

#[derive(Debug, PartialEq)]
pub enum Why {
    Key(&'static str),
    Rule(DomainError),
}

impl Wrong {
    pub fn key(field: &'static str, key: &'static str) -> Wrong {
        Wrong {
            field,
            why: Why::Key(key),
        }
    }

    pub fn rule(field: &'static str, e: DomainError) -> Wrong {
        Wrong {
            field,
            why: Why::Rule(e),
        }
    }

    pub fn refused(self, t: &Tr) -> Refused {
        let r = match &self.why {
            Why::Key(k) => Refused::key(t, k),
            Why::Rule(e) => Refused::rule(t, e),
        };
        r.at(self.field)
    }
}

/// A parse whose error is a message key: refused with the form.
pub trait OrRefuse<T> {
    fn or_refuse(self, t: &Tr) -> Result<T, Refused>;
}

impl<T, K: AsRef<str>> OrRefuse<T> for Result<T, K> {
    fn or_refuse(self, t: &Tr) -> Result<T, Refused> {
        self.map_err(|k| Refused::key(t, k))
    }
}

impl<T> OrRefuse<T> for Result<T, Wrong> {
    fn or_refuse(self, t: &Tr) -> Result<T, Refused> {
        self.map_err(|w| w.refused(t))
    }
}

/// Names the field a parse's refusal concerns.
pub trait AtField<T> {
    fn at(self, field: &'static str) -> Result<T, Wrong>;
}

impl<T> AtField<T> for Result<T, DomainError> {
    fn at(self, field: &'static str) -> Result<T, Wrong> {
        self.map_err(|e| Wrong::rule(field, e))
    }
}

impl<T> AtField<T> for Result<T, &'static str> {
    fn at(self, field: &'static str) -> Result<T, Wrong> {
        self.map_err(|k| Wrong::key(field, k))
    }
}

/// A refused form as the page that shows it again asks about it: is this the refused form,
/// what was typed in its field, what is wrong and where. Every other form of the page is
/// answered as blank (its template's defaults apply). Forms are named by their `Posted`
/// name; a form of one record adds the record's id (`diversion-<id>`).
#[derive(Default)]
pub struct Kept {
    typed: Option<Posted>,
    problem: Option<Problem>,
}

impl Kept {
    pub fn new(typed: Option<Posted>, problem: Option<Problem>) -> Kept {
        Kept { typed, problem }
    }

    /// What was posted, when `form` is the refused form.
    pub fn posted(&self, form: &str) -> Option<&Posted> {
        self.typed.as_ref().filter(|p| p.form == form)
    }

    /// The refused form: shown open.
    pub fn open(&self, form: &str) -> bool {
        self.posted(form).is_some()
    }

    /// The `i`th typed value of a field of the refused form; blank for every other form.
    pub fn nth(&self, form: &str, name: &str, i: usize) -> String {
        self.posted(form)
            .map(|p| p.nth(name, i))
            .unwrap_or_default()
    }

    /// `nth` for a row of the form (templates hand the row's index by reference).
    pub fn row(&self, form: &str, name: &str, i: &usize) -> String {
        self.nth(form, name, *i)
    }

    /// The typed value of the refused form, or `default` in every other form.
    pub fn or(&self, form: &str, name: &str, default: &str) -> String {
        match self.posted(form) {
            Some(p) => p.one(name),
            None => default.to_owned(),
        }
    }

    /// Whether `value` was chosen (a select, a ticked box) in the refused form.
    pub fn is(&self, form: &str, name: &str, value: &str) -> bool {
        self.posted(form)
            .is_some_and(|p| super::posted(&p.body, name).contains(&value))
    }

    /// The message beside `field` of the refused form, when it concerns that field.
    pub fn error(&self, form: &str, field: &str) -> Option<&str> {
        self.open(form)
            .then_some(self.problem.as_ref())
            .flatten()
            .filter(|p| p.field.as_deref() == Some(field))
            .map(|p| p.message.as_str())
    }

    /// The message at the refused form's top, when it concerns the whole form.
    pub fn form_error(&self, form: &str) -> Option<&str> {
        self.open(form)
            .then_some(self.problem.as_ref())
            .flatten()
            .filter(|p| p.field.is_none())
            .map(|p| p.message.as_str())
    }

    /// The anchor of the refused form (`form-<name>`), for the notice at the page's top.
    pub fn anchor(&self) -> Option<String> {
        self.typed.as_ref().map(|p| format!("form-{}", p.form))
    }

    /// The message when no form shows it (a form the page does not keep): at the page's top.
    pub fn unplaced(&self) -> Option<&str> {
        match (&self.typed, &self.problem) {
            (None, Some(p)) => Some(p.message.as_str()),
            _ => None,
        }
    }
}

/// How a form names the case it changes: by the case, or by one of its records (looked up
/// only after the token is checked).
#[derive(Clone, Copy)]
pub enum CaseOf<'a> {
    Case(&'a str),
    Proceeding(&'a str),
    Detention(&'a str),
    FollowUp(&'a str),
}

/// What a form changes, as the write table names it.
pub enum Needs {
    /// This change, or 403.
    Change(Change),
    /// A decision made by others (closing a case, approving a plan): whoever may make `asker`
    /// is told, with the form, who decides; anyone else gets 403.
    Decision { change: Change, asker: Change },
}

impl From<Change> for Needs {
    fn from(c: Change) -> Needs {
        Needs::Change(c)
    }
}

/// The page a form sits on, which shows it again when it is refused.
pub enum Page {
    /// The case page.
    Case,
    /// Travel, origin and repatriation.
    Abroad,
    /// The assessment form, of this instrument (the current one when none is named).
    Assessment(Option<String>),
}

/// One posted form that changes a case, as its handler describes it; `A` is what the handler
/// read from the form to tell which change it makes, handed on to its own part.
pub struct CaseForm<'a, A = ()> {
    ctx: &'a Ctx,
    csrf: &'a str,
    case: CaseOf<'a>,
    needs: Result<(Needs, A), Refused>,
    page: Page,
    typed: Option<Posted>,
}

impl<'a> CaseForm<'a> {
    /// A form on the case page making one kind of change.
    pub fn new(ctx: &'a Ctx, csrf: &'a str, case: CaseOf<'a>, change: Change) -> CaseForm<'a> {
        CaseForm::needing(ctx, csrf, case, Ok((change.into(), ())))
    }

    /// A form of the case page read as posted pairs: its token, and what was typed, kept under
    /// the form's `name` so a refusal shows it again.
    pub fn posted(
        ctx: &'a Ctx,
        name: &str,
        body: &'a [(String, String)],
        case: CaseOf<'a>,
        change: Change,
    ) -> CaseForm<'a> {
        CaseForm::new(ctx, super::posted_one(body, "csrf"), case, change)
            .keeping(Posted::new(name, body))
    }

    /// Token → case → permission → the handler's own part → the answer.
    pub async fn run(self, own: impl AsyncFnOnce(CaseMeta) -> Outcome) -> Response {
        self.run_with(async |meta, ()| own(meta).await).await
    }
}

impl<'a, A> CaseForm<'a, A> {
    /// A form whose change depends on what was posted (read before the token is checked, but
    /// answered after it and after the case is found: a missing case is still 404); what was
    /// read goes on to the handler's own part.
    pub fn needing(
        ctx: &'a Ctx,
        csrf: &'a str,
        case: CaseOf<'a>,
        needs: Result<(Needs, A), Refused>,
    ) -> CaseForm<'a, A> {
        CaseForm {
            ctx,
            csrf,
            case,
            needs,
            page: Page::Case,
            typed: None,
        }
    }

    /// Shown again on another page than the case page.
    pub fn on(mut self, page: Page) -> CaseForm<'a, A> {
        self.page = page;
        self
    }

    /// Shown again, after a refusal, open and with what was typed.
    pub fn keeping(mut self, typed: Posted) -> CaseForm<'a, A> {
        self.typed = Some(typed);
        self
    }

    /// `run`, handing on what was read to tell the change.
    pub async fn run_with(self, own: impl AsyncFnOnce(CaseMeta, A) -> Outcome) -> Response {
        let CaseForm {
            ctx,
            csrf,
            case,
            needs,
            page,
            typed,
        } = self;
        let t = &ctx.t;
        if !ctx.csrf_ok(csrf) {
            return ctx.csrf_failed();
        }
        let meta = match find(ctx, case).await {
            Ok(m) => m,
            Err(e) => return error::store(t, e),
        };
        let case_id = meta.id.clone();
        let outcome = match needs.and_then(|(n, a)| permit(ctx, &meta, n).map(|()| a)) {
            Ok(a) => own(meta, a).await,
            Err(r) => Err(r),
        };
        match outcome {
            Ok(Saved(to)) => view::redirect(&to),
            Err(Refused::Page(status, key)) => error::page(t, status, key),
            Err(Refused::Store(e)) => error::store(t, e),
            Err(Refused::Form(problem)) => show(ctx, &case_id, page, problem, typed).await,
        }
    }
}

async fn find(ctx: &Ctx, case: CaseOf<'_>) -> Result<CaseMeta, StoreError> {
    let id = match case {
        CaseOf::Case(id) => id.to_owned(),
        CaseOf::Proceeding(id) => ctx.store.justice_case(JusticeTable::Proceeding, id).await?,
        CaseOf::Detention(id) => ctx.store.justice_case(JusticeTable::Detention, id).await?,
        CaseOf::FollowUp(id) => ctx.store.followup_case(id).await?,
    };
    ctx.store.case_meta(&id).await
}

fn permit(ctx: &Ctx, meta: &CaseMeta, needs: Needs) -> Result<(), Refused> {
    let may = |c| super::may_change(ctx, meta, c);
    match needs {
        Needs::Change(c) if may(c) => Ok(()),
        Needs::Decision { change, .. } if may(change) => Ok(()),
        Needs::Decision { asker, .. } if may(asker) => {
            Err(Refused::rule(&ctx.t, &DomainError::SupervisorOnly))
        }
        _ => Err(Refused::FORBIDDEN),
    }
}

/// The one place a refused form is shown again.
async fn show(
    ctx: &Ctx,
    case_id: &str,
    page: Page,
    problem: Problem,
    typed: Option<Posted>,
) -> Response {
    match page {
        Page::Case => super::case::refused(ctx, case_id, Kept::new(typed, Some(problem))).await,
        Page::Abroad => super::abroad::refused(ctx, case_id, problem.message, typed).await,
        Page::Assessment(instrument) => {
            super::assessment::refused(ctx, case_id, instrument.as_deref(), problem.message, typed)
                .await
        }
    }
}

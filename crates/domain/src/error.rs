//! Why the domain refuses something. Each variant names a rule; the web layer turns the
//! variant's `code()` into a message in the user's language.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("that date does not exist")]
    ImpossibleDate,
    #[error("that date is in the future")]
    DateInFuture,
    #[error("that age is not plausible")]
    ImplausibleAge,
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} is too long (at most {max} characters)")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} contains control characters")]
    ControlCharacters { field: &'static str },
    #[error("a case cannot move from {from} to {to}")]
    InvalidTransition {
        from: &'static str,
        to: &'static str,
    },
    #[error("recognised victim status cannot be removed by any role")]
    VictimStatusIsPermanent,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("{field} is not valid")]
    Invalid { field: &'static str },
    #[error(
        "the consent ledger does not allow this; a supervisor may override it with a written justification"
    )]
    ConsentRequired,
    #[error(
        "only a supervisor may override the consent ledger, with a justification of at least 20 characters"
    )]
    OverrideNotAllowed,
    #[error("only a supervisor may approve this")]
    SupervisorOnly,
    #[error("a plan is approved only after an assessment of the child")]
    AssessmentRequired,
    #[error(
        "a plan is approved only with the child's views, or a record of why they could not be given"
    )]
    ChildViewsRequired,
    #[error(
        "decisions on placement, detention, repatriation or separation from a parent need a child-protection lead among the participants"
    )]
    ChildProtectionLeadRequired,
    #[error("a decision is recorded only with the child's views, or why they could not be given")]
    ChildNotHeard,
    #[error("the child was interviewed recently; another interview needs a written reason")]
    RepeatInterviewReasonRequired,
    #[error(
        "the child is, or could be, below the minimum age of criminal responsibility: no criminal proceedings"
    )]
    BelowMinimumAge,
    #[error("a diversion assessment comes before formal proceedings")]
    DiversionFirst,
    #[error("a repatriation decision needs a best-interests assessment of this child first")]
    BestInterestsAssessmentRequired,
    #[error(
        "separating a child from a parent needs a best-interests determination by a panel first"
    )]
    PanelDeterminationRequired,
    #[error("a best-interests panel has at least three members")]
    PanelTooSmall,
    #[error("the child's arrival is recorded only after a repatriation decision for this child")]
    RepatriationDecisionRequired,
    #[error("this step belongs to a later phase of the repatriation")]
    PhaseNotReached,
    #[error("that date is earlier than any record about a child in care today can be")]
    DateTooEarly,
    #[error("this child's repatriation is not being pursued")]
    RepatriationEnded,
    #[error("the case cannot be {to} without its record (an assessment, an approved plan)")]
    StatusNeedsRecords { to: &'static str },
    #[error("a consent's expiry is not before the day it was given")]
    ExpiryBeforeDate,
    #[error("only a consent given has an expiry")]
    ExpiryWithoutConsent,
}

impl DomainError {
    /// A stable identifier for translations and API problem documents.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::ImpossibleDate => "impossible-date",
            DomainError::DateInFuture => "date-in-future",
            DomainError::ImplausibleAge => "implausible-age",
            DomainError::Required { .. } => "required",
            DomainError::TooLong { .. } => "too-long",
            DomainError::ControlCharacters { .. } => "control-characters",
            DomainError::InvalidTransition { .. } => "invalid-transition",
            DomainError::VictimStatusIsPermanent => "victim-status-permanent",
            DomainError::ReasonRequired => "reason-required",
            DomainError::Invalid { .. } => "invalid",
            DomainError::ConsentRequired => "consent-required",
            DomainError::OverrideNotAllowed => "override-not-allowed",
            DomainError::SupervisorOnly => "supervisor-only",
            DomainError::AssessmentRequired => "assessment-required",
            DomainError::ChildViewsRequired => "child-views-required",
            DomainError::ChildProtectionLeadRequired => "child-protection-lead-required",
            DomainError::ChildNotHeard => "child-not-heard",
            DomainError::RepeatInterviewReasonRequired => "repeat-interview-reason-required",
            DomainError::BelowMinimumAge => "below-minimum-age",
            DomainError::DiversionFirst => "diversion-first",
            DomainError::BestInterestsAssessmentRequired => "best-interests-assessment-required",
            DomainError::PanelDeterminationRequired => "panel-determination-required",
            DomainError::PanelTooSmall => "panel-too-small",
            DomainError::RepatriationDecisionRequired => "repatriation-decision-required",
            DomainError::PhaseNotReached => "phase-not-reached",
            DomainError::DateTooEarly => "date-too-early",
            DomainError::RepatriationEnded => "repatriation-ended",
            DomainError::StatusNeedsRecords { .. } => "status-needs-records",
            DomainError::ExpiryBeforeDate => "expiry-before-date",
            DomainError::ExpiryWithoutConsent => "expiry-without-consent",
        }
    }
}

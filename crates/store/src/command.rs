//! Every write the store makes, grouped by feature: each feature's file holds its command enum
//! and applies it with an exhaustive match; this file only routes a command to its feature.
//! The engine (`writer.rs`) knows features through this dispatch alone.

use crate::StoreError;
use crate::access::AccessCommand;
use crate::alerts::AlertCommand;
use crate::assessment::AssessmentCommand;
use crate::cases::CaseCommand;
use crate::conference::ConferenceCommand;
use crate::consent::ConsentCommand;
use crate::drafts::DraftCommand;
use crate::family::FamilyCommand;
use crate::followup::FollowUpCommand;
use crate::interview::InterviewCommand;
use crate::justice::JusticeCommand;
use crate::plan::PlanCommand;
use crate::referral::ReferralCommand;
use crate::repatriation::RepatriationCommand;
use crate::sessions::SessionCommand;
use crate::task::TaskCommand;
use crate::users::UserCommand;
use crate::writer::Write;

/// A write, by feature.
pub(crate) enum Command {
    Case(CaseCommand),
    User(UserCommand),
    Session(SessionCommand),
    Access(AccessCommand),
    Alert(AlertCommand),
    Consent(ConsentCommand),
    Referral(ReferralCommand),
    Assessment(AssessmentCommand),
    Plan(PlanCommand),
    FollowUp(FollowUpCommand),
    Conference(ConferenceCommand),
    Task(TaskCommand),
    Family(FamilyCommand),
    Interview(InterviewCommand),
    Repatriation(RepatriationCommand),
    Justice(JusticeCommand),
    Draft(DraftCommand),
}

impl Command {
    /// Runs the command's own writes (the engine has checked the permit already).
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            Command::Case(c) => c.apply(w).await,
            Command::User(c) => c.apply(w).await,
            Command::Session(c) => c.apply(w).await,
            Command::Access(c) => c.apply(w).await,
            Command::Alert(c) => c.apply(w).await,
            Command::Consent(c) => c.apply(w).await,
            Command::Referral(c) => c.apply(w).await,
            Command::Assessment(c) => c.apply(w).await,
            Command::Plan(c) => c.apply(w).await,
            Command::FollowUp(c) => c.apply(w).await,
            Command::Conference(c) => c.apply(w).await,
            Command::Task(c) => c.apply(w).await,
            Command::Family(c) => c.apply(w).await,
            Command::Interview(c) => c.apply(w).await,
            Command::Repatriation(c) => c.apply(w).await,
            Command::Justice(c) => c.apply(w).await,
            Command::Draft(c) => c.apply(w).await,
        }
    }
}

macro_rules! into_command {
    ($($feature:ident => $variant:ident),* $(,)?) => {
        $(impl From<$feature> for Command {
            fn from(c: $feature) -> Command {
                Command::$variant(c)
            }
        })*
    };
}

into_command! {
    CaseCommand => Case,
    UserCommand => User,
    SessionCommand => Session,
    AccessCommand => Access,
    AlertCommand => Alert,
    ConsentCommand => Consent,
    ReferralCommand => Referral,
    AssessmentCommand => Assessment,
    PlanCommand => Plan,
    FollowUpCommand => FollowUp,
    ConferenceCommand => Conference,
    TaskCommand => Task,
    FamilyCommand => Family,
    InterviewCommand => Interview,
    RepatriationCommand => Repatriation,
    JusticeCommand => Justice,
    DraftCommand => Draft,
}

//! The write policy, enforced where writes happen: inside the writer's transaction, before a
//! command runs, against the person and the case as the database holds them at that moment.
//!
//! The actor's role and agency are read from `users`, not taken from the `Actor` the caller
//! built, so a forged or stale role changes nothing; the case's lead worker, team, supervisors
//! and accepted referrals are read in the same transaction that writes. Every command says
//! what it changes ([`required`], an exhaustive match: a new command does not compile until it
//! does), and `domain::policy::write` decides.

use pelita_domain::agency::Sector;
use pelita_domain::policy::Section;
use pelita_domain::policy::write::{self, Change};
use pelita_domain::role::Role;

use crate::StoreError;
use crate::access::AccessCommand;
use crate::access::{Reader, case_meta_in};
use crate::alerts::AlertCommand;
use crate::assessment::AssessmentCommand;
use crate::cases::CaseCommand;
use crate::command::Command;
use crate::conference::ConferenceCommand;
use crate::consent::ConsentCommand;
use crate::db::args;
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

/// What a command needs from the policy.
enum Need<'a> {
    /// A change to a case, named by the case or by one of its records (table, id).
    Case(Target<'a>, Change),
    /// A change to a child's identity: allowed through any of the child's cases.
    Child(&'a str, Change),
    /// A new case in this agency.
    Register(&'a str),
    /// A referral sent, with its receiver and sections, and an override when one is used.
    Refer(&'a str, &'a crate::referral::NewReferral),
    /// An answer to a referral, by its receiving agency.
    AnswerReferral(&'a str),
    /// A conference's task marked done, by its assignee or the agency's supervisor.
    Task(&'a str),
    /// Accounts, agencies and rule values.
    Administration,
    /// A change to one account: its owner or an administrator.
    Account(&'a str),
    /// Checked by the command itself against its own record (a task's assignee), or needing
    /// no case at all (the actor's own sessions, alerts and reads).
    Own,
    /// The command-line operator only (erasure).
    Operator,
}

/// A case, or a record that belongs to one.
enum Target<'a> {
    Case(&'a str),
    Of(&'static str, &'a str),
}

fn case(id: &str, change: Change) -> Need<'_> {
    Need::Case(Target::Case(id), change)
}

fn required(command: &Command) -> Need<'_> {
    match command {
        Command::Case(c) => case_needs(c),
        Command::User(c) => user_needs(c),
        Command::Session(c) => session_needs(c),
        Command::Access(c) => match c {
            AccessCommand::LogAccess { .. } | AccessCommand::LogRefusal(..) => Need::Own,
            AccessCommand::SealLegacyJustifications => Need::Operator,
        },
        Command::Alert(AlertCommand::Read | AlertCommand::ReadCase(_)) => Need::Own,
        Command::Consent(ConsentCommand::Record(c, ..) | ConsentCommand::RecordMany(c, ..)) => {
            case(c, Change::Consent)
        }
        Command::Referral(c) => match c {
            ReferralCommand::Refer(c, r, _) => Need::Refer(c, r),
            ReferralCommand::Move(id, ..) => Need::AnswerReferral(id),
        },
        Command::Assessment(AssessmentCommand::Record(c, _, _, section, ..)) => {
            case(c, Change::Assessment(*section))
        }
        Command::Plan(c) => match c {
            PlanCommand::Save(c, _) | PlanCommand::SetActionStatus(c, ..) => case(c, Change::Plan),
            PlanCommand::Approve(c) => case(c, Change::ApprovePlan),
        },
        Command::FollowUp(FollowUpCommand::Record(id, _)) => {
            Need::Case(Target::Of("followups", id), Change::Plan)
        }
        Command::Conference(ConferenceCommand::Record(c, ..)) => case(c, Change::Conference),
        Command::Task(TaskCommand::Complete(id)) => Need::Task(id),
        Command::Family(FamilyCommand::SaveHousehold(c, _)) => case(c, Change::Household),
        Command::Interview(InterviewCommand::Record(c, i, ..)) => {
            case(c, Change::Interview(i.purpose.section()))
        }
        Command::Repatriation(RepatriationCommand::Change(c, ..)) => case(c, Change::Repatriation),
        Command::Justice(c) => justice_needs(c),
        // A person's own unsent work: the write table decides when the form is sent.
        Command::Draft(_) => Need::Own,
    }
}

fn case_needs(command: &CaseCommand) -> Need<'_> {
    use CaseCommand as C;
    match command {
        C::Register(r, _) => Need::Register(&r.agency_id),
        C::UpdateIdentity(child, _) => Need::Child(child, Change::Identity),
        C::RecordCircumstances(c, _) => case(c, Change::Circumstances),
        C::MoveCase(c, to, _) => case(
            c,
            if *to == pelita_domain::case::CaseStatus::Closed {
                Change::Close
            } else {
                Change::Status
            },
        ),
        C::SetPriority(c, _) | C::RemoveVictimStatus(c) => case(c, Change::Status),
        C::Assign(c, _) | C::HandedOverBy(c, _) | C::AddTeamMember(c, _) => case(c, Change::Team),
        C::AddNote(c, section, ..) => case(c, Change::Note(*section)),
        C::Erase(..) => Need::Operator,
    }
}

fn user_needs(command: &UserCommand) -> Need<'_> {
    use UserCommand as U;
    match command {
        U::CreateAgency(..)
        | U::CreateUser(..)
        | U::SetDisabled(..)
        | U::ResetSecondFactor(_)
        | U::SetRole(..) => Need::Administration,
        U::SetPassword(user, _, _) | U::SetLanguage(user, _) => Need::Account(user),
    }
}

fn session_needs(command: &SessionCommand) -> Need<'_> {
    use SessionCommand as S;
    match command {
        S::SetTotp(user, _) | S::RevokeTokens(user) | S::CreateToken { user_id: user, .. } => {
            Need::Account(user)
        }
        S::LoginFailure(_)
        | S::StartSession { .. }
        | S::TouchSession(_)
        | S::EndSessions { .. }
        | S::PassSecondFactor(_)
        | S::Reauthenticated(_)
        | S::UseTotpStep(..) => Need::Own,
    }
}

fn justice_needs(command: &JusticeCommand) -> Need<'_> {
    use JusticeCommand as J;
    use Target::Of;
    match command {
        J::OverrideRule(..) => Need::Administration,
        J::OpenProceeding(c, ..) | J::StartDetention(c, ..) | J::RecordFamilyContact(c, ..) => {
            case(c, Change::Justice)
        }
        J::RecordDiversion(id, _)
        | J::GoFormal(id)
        | J::SetAgreement(id, _)
        | J::AgreementEvent(id, ..) => Need::Case(Of("proceedings", id), Change::Justice),
        J::ChangeDetention(id, _) => Need::Case(Of("detentions", id), Change::Justice),
        J::Expunge(c, _) => case(c, Change::Expunge),
        J::OpenSealed(c, _) => case(c, Change::CourtOrder),
    }
}

/// The words an alert to the assigned worker uses for a change (`alert-what-*`).
fn what(command: &Command, change: Change) -> &'static str {
    match (command, change) {
        (Command::Case(CaseCommand::SetPriority(..)), _) => "priority",
        (_, Change::Identity) => "identity",
        (_, Change::Circumstances) => "circumstances",
        (_, Change::Status | Change::Close) => "status",
        (_, Change::Team) => "team",
        (_, Change::Note(_)) => "note",
        (_, Change::Consent) => "consent",
        (_, Change::Refer | Change::ConsentOverride) => "referral",
        (_, Change::Assessment(_)) => "assessment",
        (_, Change::Plan) => "plan",
        (_, Change::ApprovePlan) => "plan_approved",
        (_, Change::Conference) => "conference",
        (_, Change::Household) => "family",
        (_, Change::Interview(_)) => "interview",
        (_, Change::Justice | Change::CourtOrder | Change::Expunge) => "justice",
        (_, Change::Repatriation) => "repatriation",
    }
}

impl Write<'_> {
    /// The cases a command changes, each with the words of its alert: what the command
    /// declares in [`required`], so every change to a case — of every kind — reaches the
    /// assigned worker (invariant 10), with no list to keep by hand.
    async fn changed_cases(
        &mut self,
        command: &Command,
    ) -> Result<Vec<(String, &'static str)>, StoreError> {
        Ok(match required(command) {
            Need::Case(target, change) => {
                vec![(self.case_of(target).await?, what(command, change))]
            }
            Need::Child(child, change) => self
                .tx
                .rows("SELECT id FROM cases WHERE child_id = $1", args![child])
                .await?
                .iter()
                .map(|r| Ok((r.text(0)?, what(command, change))))
                .collect::<Result<_, StoreError>>()?,
            Need::Refer(case_id, _) => vec![(case_id.to_owned(), "referral")],
            Need::AnswerReferral(id) => vec![(
                self.case_of(Target::Of("referrals", id)).await?,
                "referral_answer",
            )],
            Need::Task(id) => vec![(self.case_of(Target::Of("tasks", id)).await?, "task")],
            Need::Register(_)
            | Need::Administration
            | Need::Account(_)
            | Need::Own
            | Need::Operator => Vec::new(),
        })
    }

    /// The actor as the database knows them now; `None` for the command-line operator and the
    /// system itself. A disabled or unknown account changes nothing.
    async fn current_actor(&mut self) -> Result<Option<Reader>, StoreError> {
        if self.actor.is_operator() {
            return Ok(None);
        }
        let row = self
            .tx
            .row(
                "SELECT role, agency_id, disabled FROM users WHERE id = $1",
                args![self.actor.id.as_str()],
            )
            .await?
            .ok_or(StoreError::Forbidden)?;
        if row.i64(2)? != 0 {
            return Err(StoreError::Forbidden);
        }
        Ok(Some(Reader {
            id: self.actor.id.clone(),
            role: Role::parse(&row.text(0)?).ok_or(StoreError::Corrupt)?,
            agency_id: row.opt_text(1)?,
        }))
    }

    /// Refuses the command unless the write policy allows it to this actor, now; otherwise
    /// answers the cases it changes (for their assigned workers' alerts), resolved once.
    pub(crate) async fn permit(
        &mut self,
        command: &Command,
    ) -> Result<Vec<(String, &'static str)>, StoreError> {
        let changed = self.changed_cases(command).await?;
        let need = required(command);
        if matches!(need, Need::Own) {
            return Ok(changed);
        }
        let Some(reader) = self.current_actor().await? else {
            return Ok(changed);
        };
        // The rules a command applies itself (closing a follow-up, approving a plan) see the
        // role the account has now, not the one it had at sign-in.
        self.actor.role = reader.role;
        let allowed = match need {
            Need::Own => true,
            Need::Operator => false,
            Need::Administration => write::may_administer(reader.role),
            Need::Account(user) => user == reader.id || write::may_administer(reader.role),
            Need::Register(agency) => {
                write::may_register(reader.role) && reader.agency_id.as_deref() == Some(agency)
            }
            // The case, or for a child's identity any of the child's cases.
            Need::Case(_, change) | Need::Child(_, change) => {
                let mut any = false;
                for (case_id, _) in &changed {
                    if case_meta_in(&mut *self.tx, case_id)
                        .await?
                        .may_change(&reader, change)
                    {
                        any = true;
                        break;
                    }
                }
                any
            }
            Need::Refer(case_id, r) => {
                let meta = case_meta_in(&mut *self.tx, case_id).await?;
                let sector = self.sector_of(&r.to_agency).await?;
                meta.may_change(&reader, Change::Refer)
                    && (r.override_justification.is_none()
                        || meta.may_change(&reader, Change::ConsentOverride))
                    && r.sections.iter().all(|s| write::may_share(sector, *s))
            }
            Need::AnswerReferral(id) => {
                let row = self
                    .tx
                    .row(
                        "SELECT r.to_agency, u.agency_id FROM referrals r \
                         LEFT JOIN users u ON u.id = r.created_by WHERE r.id = $1",
                        args![id],
                    )
                    .await?
                    .ok_or(StoreError::NotFound)?;
                write::may_answer_referral(
                    reader.role,
                    reader.agency_id.as_deref(),
                    &row.text(0)?,
                    row.opt_text(1)?.as_deref(),
                )
            }
            Need::Task(id) => {
                let row = self
                    .tx
                    .row(
                        "SELECT t.assignee, c.agency_id FROM tasks t \
                         JOIN cases c ON c.id = t.case_id WHERE t.id = $1",
                        args![id],
                    )
                    .await?
                    .ok_or(StoreError::NotFound)?;
                write::may_complete_task(
                    reader.role,
                    row.text(0)? == reader.id,
                    reader.agency_id.as_deref(),
                    &row.text(1)?,
                )
            }
        };
        if allowed {
            Ok(changed)
        } else {
            Err(StoreError::Forbidden)
        }
    }

    async fn case_of(&mut self, target: Target<'_>) -> Result<String, StoreError> {
        match target {
            Target::Case(id) => Ok(id.to_owned()),
            Target::Of(table, id) => self
                .tx
                .row(
                    &format!("SELECT case_id FROM {table} WHERE id = $1"),
                    args![id],
                )
                .await?
                .ok_or(StoreError::NotFound)?
                .text(0),
        }
    }

    async fn sector_of(&mut self, agency: &str) -> Result<Sector, StoreError> {
        let row = self
            .tx
            .row("SELECT sector FROM agencies WHERE id = $1", args![agency])
            .await?
            .ok_or(StoreError::NotFound)?;
        Sector::parse(&row.text(0)?).ok_or(StoreError::Corrupt)
    }
}

/// Sections a referral to `sector` may carry (for forms that offer them).
pub fn shareable_with(sector: Sector) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|s| write::may_share(sector, *s))
        .collect()
}

//! A case and its child: registration, identity, circumstances, status, priority, the team,
//! victim status, notes and erasure. The writes run inside the writer's batch ([`Write`]);
//! the engine knows them only through [`CaseCommand`].

use pelita_domain::DomainError;
use pelita_domain::case::{Case, CaseReference, CaseStatus, Circumstances, Priority, VictimStatus};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::policy::Section;
use pelita_domain::text::NoteText;
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::args;
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Registered, Registration, Store, StoreError, from_micros, micros};

/// An open case in SQL, for a query that names its cases `c`: the statuses that are not
/// [`CaseStatus::is_open`] (a test keeps the two in step).
pub(crate) const OPEN_CASE: &str = "c.status NOT IN ('closed', 'transferred')";

/// The changes to a case and its child.
pub(crate) enum CaseCommand {
    Register(Box<Registration>, Reply<Registered>),
    UpdateIdentity(String, Box<ChildIdentity>),
    RecordCircumstances(String, Circumstances),
    MoveCase(String, CaseStatus, Option<String>),
    SetPriority(String, Priority),
    Assign(String, Option<String>),
    HandedOverBy(String, String),
    AddTeamMember(String, String),
    RemoveVictimStatus(String),
    AddNote(String, Section, NoteText, Reply<String>),
    Erase(String, String),
}

use CaseCommand as C;

impl CaseCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            C::Register(r, reply) => reply.keep(w.register(r).await?),
            C::UpdateIdentity(child, identity) => w.update_identity(child, identity).await?,
            C::RecordCircumstances(case, c) => w.record_circumstances(case, c).await?,
            C::MoveCase(case, to, reason) => w.move_case(case, *to, reason.as_deref()).await?,
            C::SetPriority(case, p) => w.set_priority(case, p).await?,
            C::Assign(case, user) => w.assign(case, user.clone()).await?,
            C::HandedOverBy(case, user) => w.set_handed_over_by(case, user).await?,
            C::AddTeamMember(case, user) => w.add_team_member(case, user).await?,
            C::RemoveVictimStatus(case) => w.remove_victim_status(case).await?,
            C::AddNote(case, section, body, reply) => {
                reply.keep(w.add_note(case, *section, body).await?)
            }
            C::Erase(child, reason) => w.erase(child, reason).await?,
        }
        Ok(())
    }
}

impl Store {
    pub async fn register_child(
        &self,
        actor: &Actor,
        r: Registration,
    ) -> Result<Registered, StoreError> {
        self.ask(actor, |reply| C::Register(Box::new(r), reply))
            .await
    }

    pub async fn update_identity(
        &self,
        actor: &Actor,
        child_id: &str,
        identity: ChildIdentity,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            C::UpdateIdentity(child_id.into(), Box::new(identity)),
        )
        .await
    }

    pub async fn record_circumstances(
        &self,
        actor: &Actor,
        case_id: &str,
        c: Circumstances,
    ) -> Result<(), StoreError> {
        self.submit(actor, C::RecordCircumstances(case_id.into(), c))
            .await
    }

    pub async fn move_case(
        &self,
        actor: &Actor,
        case_id: &str,
        to: CaseStatus,
        reason: Option<String>,
    ) -> Result<(), StoreError> {
        self.submit(actor, C::MoveCase(case_id.into(), to, reason))
            .await
    }

    pub async fn set_priority(
        &self,
        actor: &Actor,
        case_id: &str,
        p: Priority,
    ) -> Result<(), StoreError> {
        self.submit(actor, C::SetPriority(case_id.into(), p)).await
    }

    pub async fn assign(
        &self,
        actor: &Actor,
        case_id: &str,
        user_id: Option<String>,
    ) -> Result<(), StoreError> {
        self.submit(actor, C::Assign(case_id.into(), user_id)).await
    }

    /// Victim status is permanent: this always fails for a recognised victim, whoever asks
    /// (a refused write leaves nothing behind, so the attempt is not in the audit chain).
    pub async fn remove_victim_status(
        &self,
        actor: &Actor,
        case_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(actor, C::RemoveVictimStatus(case_id.into()))
            .await
    }

    pub async fn add_note(
        &self,
        actor: &Actor,
        case_id: &str,
        section: pelita_domain::policy::Section,
        body: NoteText,
    ) -> Result<String, StoreError> {
        self.ask(actor, |reply| {
            C::AddNote(case_id.into(), section, body, reply)
        })
        .await
    }
}

/// A child's erasure, as [`Store::erasure`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub at: chrono::DateTime<chrono::Utc>,
    pub by: String,
    pub reason: Option<String>,
}

impl Store {
    /// Crypto-erasure: destroys the child's data key, then removes the ciphertext and the
    /// search keys that are now useless. Reads afterwards say "erased".
    pub async fn erase_child(
        &self,
        actor: &Actor,
        child_id: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        let reason = pelita_domain::text::clean("reason", reason, 500, false)
            .map_err(|_| DomainError::ReasonRequired)?;
        self.submit(actor, C::Erase(child_id.into(), reason)).await
    }

    /// When, by whom and why a child's data was erased (the reason is `None` for erasures
    /// made before the store kept it); `None` when the child was not erased. For auditors and
    /// the operator: it names no child, only the erasure.
    pub async fn erasure(&self, child_id: &str) -> Result<Option<Erasure>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT erased_at, erased_by, reason_sealed FROM erasures WHERE child_id = $1",
                args![child_id],
            )
            .await?
        else {
            return Ok(None);
        };
        let reason = match r.opt_bytes(2)? {
            Some(sealed) => Some(
                String::from_utf8(
                    self.keys
                        .open_system(&format!("erasure/{child_id}"), &sealed)?,
                )
                .map_err(|_| StoreError::Corrupt)?,
            ),
            None => None,
        };
        Ok(Some(Erasure {
            at: crate::from_micros(r.i64(0)?),
            by: r.text(1)?,
            reason,
        }))
    }

    /// Adds a professional of another service to the case's team.
    pub async fn add_team_member(
        &self,
        actor: &Actor,
        case_id: &str,
        user_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            C::AddTeamMember(case_id.to_owned(), user_id.to_owned()),
        )
        .await
    }

    /// Marks a case as handed over by a security liaison (who may then see its status).
    pub async fn set_handed_over_by(
        &self,
        actor: &Actor,
        case_id: &str,
        user_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            C::HandedOverBy(case_id.to_owned(), user_id.to_owned()),
        )
        .await
    }
}

fn json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).expect("domain types serialise")
}

impl Write<'_> {
    pub(crate) async fn child_key(
        &mut self,
        child_id: &str,
    ) -> Result<(i64, ChildKey), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT seq, wrapped_key FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let wrapped = row.opt_bytes(1)?.ok_or(StoreError::Erased)?;
        Ok((row.i64(0)?, self.keys.unwrap_child_key(child_id, &wrapped)?))
    }

    /// The child's names in the search index, under the agency of each of its cases (`agency`
    /// for a child being registered, whose case is not written yet).
    async fn index_names(
        &mut self,
        seq: i64,
        identity: &ChildIdentity,
        registering_in: Option<&str>,
    ) -> Result<(), StoreError> {
        let agencies = match registering_in {
            Some(code) => vec![code.to_owned()],
            None => crate::search::agencies_of_child(self.tx, seq).await?,
        };
        let hashes = crate::search::name_hashes(self.keys, &identity.names);
        crate::search::write_name_keys(self.tx, seq, &agencies, &hashes, registering_in.is_some())
            .await
    }

    async fn register(&mut self, r: &Registration) -> Result<Registered, StoreError> {
        let agency = self
            .tx
            .row(
                "SELECT code FROM agencies WHERE id = $1",
                args![r.agency_id.as_str()],
            )
            .await?
            .ok_or(StoreError::Conflict("no such agency"))?;
        let code = agency.text(0)?;
        if let Some(user) = &r.assigned_to {
            self.ensure_user(user).await?;
        }
        let today = pelita_domain::dates::latest_today(from_micros(self.now));
        for e in &r.identity.age.evidence {
            e.birth.validated(today)?;
        }
        let child_id = new_id();
        let (key, wrapped) = self.keys.new_child_key(&child_id);
        let sealed = key.seal("identity", &json(&r.identity));
        let seq = self
            .tx
            .row(
                "INSERT INTO children (id, wrapped_key, identity_sealed, sex, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING seq",
                args![
                    child_id.as_str(),
                    wrapped,
                    sealed,
                    r.identity.sex.as_str(),
                    self.now
                ],
            )
            .await?
            .ok_or(StoreError::Corrupt)?
            .i64(0)?;
        self.index_names(seq, &r.identity, Some(&code)).await?;

        let year = from_micros(self.now)
            .format("%Y")
            .to_string()
            .parse::<i32>()
            .unwrap_or(1970);
        let number = self
            .tx
            .row(
                "INSERT INTO case_counters (agency_id, year, next) VALUES ($1, $2, 2) \
                 ON CONFLICT (agency_id, year) DO UPDATE SET next = case_counters.next + 1 \
                 RETURNING next - 1",
                args![r.agency_id.as_str(), i64::from(year)],
            )
            .await?
            .ok_or(StoreError::Corrupt)?
            .i64(0)?;
        let reference = CaseReference {
            agency_code: code,
            year,
            number: number as u32,
        };
        let mut case = Case::new(
            reference.clone(),
            r.agency_id.clone(),
            r.priority.clone(),
            r.assigned_to.clone(),
        );
        case.move_to(CaseStatus::Registered, None)?;
        if let Some(c) = &r.circumstances {
            case.record_circumstances(c, from_micros(self.now));
        }
        let case_id = new_id();
        self.tx
            .exec(
                "INSERT INTO cases (id, child_id, agency_id, reference, status, priority, priority_sealed, \
                 assigned_to, victim_since, circumstances_sealed, reopened, version, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, 1, $11, $11)",
                args![
                    case_id.as_str(),
                    child_id.as_str(),
                    r.agency_id.as_str(),
                    reference.to_string(),
                    case.status.as_str(),
                    case.priority.level.as_str(),
                    key.seal("priority", case.priority.reason.as_bytes()),
                    r.assigned_to.clone(),
                    victim_micros(case.victim_status()),
                    r.circumstances.as_ref().map(|c| key.seal("circumstances", &json(c))),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "child.register",
            &case_id,
            json!({
                "child": child_id,
                "reference": reference.to_string(),
                "status": case.status.as_str(),
                "priority": case.priority.level.as_str(),
                "victim_recognised": case.victim_status().is_recognised(),
                "fields": ["identity.names", "identity.sex", "identity.age", "priority.reason"],
            }),
        )
        .await?;
        Ok(Registered {
            child_id,
            case_id,
            reference,
        })
    }

    async fn ensure_user(&mut self, user: &str) -> Result<(), StoreError> {
        match self
            .tx
            .row("SELECT disabled FROM users WHERE id = $1", args![user])
            .await?
        {
            Some(r) if r.i64(0)? == 0 => Ok(()),
            _ => Err(StoreError::Conflict("no such active user")),
        }
    }

    async fn update_identity(
        &mut self,
        child_id: &str,
        identity: &ChildIdentity,
    ) -> Result<(), StoreError> {
        let (seq, key) = self.child_key(child_id).await?;
        let today = pelita_domain::dates::latest_today(from_micros(self.now));
        // Field-level history: which parts changed (never their values, which are personal).
        let old_sealed = self
            .tx
            .row(
                "SELECT identity_sealed FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .and_then(|r| r.opt_bytes(0).ok().flatten());
        let old: Option<ChildIdentity> = old_sealed
            .and_then(|s| key.open("identity", &s).ok())
            .and_then(|p| serde_json::from_slice(&p).ok());
        // New age evidence meets today's rules; claims already in the log stay as recorded
        // (an older estimate with no margin is read protectively, not refused again).
        for e in &identity.age.evidence {
            if !old.as_ref().is_some_and(|o| o.age.evidence.contains(e)) {
                e.birth.validated(today)?;
            }
        }
        let mut fields = Vec::new();
        if let Some(old) = &old {
            let n = (&old.names, &identity.names);
            for (name, changed) in [
                ("identity.given", n.0.given != n.1.given),
                ("identity.family", n.0.family != n.1.family),
                ("identity.other_names", n.0.other != n.1.other),
                ("identity.aliases", n.0.aliases != n.1.aliases),
                ("identity.sex", old.sex != identity.sex),
                ("identity.age_evidence", old.age != identity.age),
            ] {
                if changed {
                    fields.push(name);
                }
            }
        }
        self.tx
            .exec(
                "UPDATE children SET identity_sealed = $1, sex = $2 WHERE id = $3",
                args![
                    key.seal("identity", &json(identity)),
                    identity.sex.as_str(),
                    child_id
                ],
            )
            .await?;
        self.index_names(seq, identity, None).await?;
        self.audit(
            "child.update_identity",
            child_id,
            json!({ "fields": fields }),
        )
        .await?;
        Ok(())
    }

    /// Loads a case for change, with its child's key.
    pub(crate) async fn load_case(
        &mut self,
        case_id: &str,
    ) -> Result<(Case, String, ChildKey), StoreError> {
        let row = self
            .tx
            .row(
                "SELECT reference, status, priority, priority_sealed, agency_id, assigned_to, victim_since, \
                 reopened, child_id FROM cases WHERE id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let child_id = row.text(8)?;
        let (_, key) = self.child_key(&child_id).await?;
        let case = crate::reads::case_from_row(&row, Some(&key))?;
        Ok((case, child_id, key))
    }

    pub(crate) async fn save_case(&mut self, case_id: &str, case: &Case) -> Result<(), StoreError> {
        self.tx
            .exec(
                "UPDATE cases SET status = $1, priority = $2, assigned_to = $3, victim_since = $4, \
                 reopened = $5, version = version + 1, updated_at = $6 WHERE id = $7",
                args![
                    case.status.as_str(),
                    case.priority.level.as_str(),
                    case.assigned_worker.clone(),
                    victim_micros(case.victim_status()),
                    i64::from(case.reopened),
                    self.now,
                    case_id
                ],
            )
            .await?;
        Ok(())
    }

    async fn record_circumstances(
        &mut self,
        case_id: &str,
        c: &Circumstances,
    ) -> Result<(), StoreError> {
        let (mut case, _, key) = self.load_case(case_id).await?;
        let first = case.record_circumstances(c, from_micros(self.now));
        self.tx
            .exec(
                "UPDATE cases SET circumstances_sealed = $1 WHERE id = $2",
                args![key.seal("circumstances", &json(c)), case_id],
            )
            .await?;
        self.save_case(case_id, &case).await?;
        self.audit(
            "case.record_circumstances",
            case_id,
            json!({"fields": ["circumstances"], "victim_recognised": first}),
        )
        .await?;
        Ok(())
    }

    async fn move_case(
        &mut self,
        case_id: &str,
        to: CaseStatus,
        reason: Option<&str>,
    ) -> Result<(), StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        let from = case.status;
        if to == CaseStatus::Closed {
            pelita_domain::followup::may_close(self.actor.role)?;
        }
        case.move_to(to, reason)?;
        if matches!(
            to,
            CaseStatus::Assessed | CaseStatus::Planned | CaseStatus::InProgress
        ) {
            pelita_domain::journey::may_reach(to, self.evidence(case_id).await?)?;
        }
        self.save_case(case_id, &case).await?;
        if to == CaseStatus::Closed {
            let closed_on = from_micros(self.now).date_naive();
            for due in pelita_domain::followup::schedule(closed_on) {
                self.tx
                    .exec(
                        "INSERT INTO followups (id, case_id, due_on) VALUES ($1, $2, $3)",
                        args![new_id(), case_id, due.to_string()],
                    )
                    .await?;
            }
        } else if from == CaseStatus::Closed {
            // Reopened: the follow-ups not yet done no longer apply.
            self.tx
                .exec(
                    "DELETE FROM followups WHERE case_id = $1 AND done_on IS NULL",
                    args![case_id],
                )
                .await?;
        }
        self.audit(
            "case.move",
            case_id,
            json!({"from": from.as_str(), "to": to.as_str()}),
        )
        .await?;
        Ok(())
    }

    async fn set_priority(&mut self, case_id: &str, p: &Priority) -> Result<(), StoreError> {
        let (mut case, _, key) = self.load_case(case_id).await?;
        let from = case.priority.level;
        case.priority = p.clone();
        self.save_case(case_id, &case).await?;
        self.tx
            .exec(
                "UPDATE cases SET priority_sealed = $1 WHERE id = $2",
                args![key.seal("priority", p.reason.as_bytes()), case_id],
            )
            .await?;
        self.audit(
            "case.priority",
            case_id,
            json!({"from": from.as_str(), "to": p.level.as_str(), "fields": ["priority.reason"]}),
        )
        .await?;
        Ok(())
    }

    async fn assign(&mut self, case_id: &str, user: Option<String>) -> Result<(), StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        if let Some(u) = &user {
            self.ensure_user(u).await?;
        }
        let from = case
            .assigned_worker
            .replace(user.clone().unwrap_or_default());
        case.assigned_worker = user.clone();
        self.save_case(case_id, &case).await?;
        self.audit("case.assign", case_id, json!({"from": from, "to": user}))
            .await?;
        // The worker who had the case learns it left them; the engine alerts the one who has it.
        if let Some(previous) = from.filter(|p| !p.is_empty() && Some(p) != user.as_ref()) {
            self.alert_person(&previous, case_id, "team").await?;
        }
        Ok(())
    }

    async fn remove_victim_status(&mut self, case_id: &str) -> Result<(), StoreError> {
        let (mut case, _, _) = self.load_case(case_id).await?;
        case.remove_victim_status(self.actor.role)?;
        Ok(())
    }

    async fn add_note(
        &mut self,
        case_id: &str,
        section: Section,
        body: &NoteText,
    ) -> Result<String, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let id = new_id();
        self.tx
            .exec(
                "INSERT INTO case_notes (id, case_id, author, body_sealed, created_at, section) VALUES ($1, $2, $3, $4, $5, $6)",
                args![id.as_str(), case_id, self.actor.id.as_str(), key.seal(&format!("note/{id}"), body.as_str().as_bytes()), self.now, section.as_str()],
            )
            .await?;
        let findings = pelita_domain::terminology::Guard::builtin()
            .check(body.as_str())
            .len() as i64;
        self.audit(
            "case.note",
            case_id,
            json!({"note": id, "section": section.as_str(), "terminology_findings": findings}),
        )
        .await?;
        Ok(id)
    }

    async fn erase(&mut self, child_id: &str, reason: &str) -> Result<(), StoreError> {
        let (seq, _) = self.child_key(child_id).await?;
        self.tx
            .exec(
                "UPDATE children SET wrapped_key = NULL, identity_sealed = NULL, erased_at = $1 WHERE id = $2",
                args![self.now, child_id],
            )
            .await?;
        self.tx
            .exec("DELETE FROM name_index WHERE child_seq = $1", args![seq])
            .await?;
        self.tx
            .exec(
                "UPDATE cases SET priority_sealed = NULL, circumstances_sealed = NULL WHERE child_id = $1",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE case_notes SET body_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE consents SET note_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE followups SET outcome_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE plans SET plan_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE assessments SET present_sealed = NULL, answers_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        self.tx
            .exec(
                "UPDATE referrals SET reason_sealed = NULL, override_sealed = NULL, answer_sealed = NULL, \
                 feedback_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
                args![child_id],
            )
            .await?;
        // Later parts of a case: sealed columns emptied (NOT NULL ones to zero bytes), the
        // justice key destroyed. The child's key is gone already; this leaves no ciphertext.
        let empty: Vec<u8> = Vec::new();
        for sql in [
            "UPDATE conferences SET record_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE tasks SET text_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE households SET household_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE origins SET origin_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE repatriations SET notes_sealed = $2, end_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE best_interests SET record_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE reception_stays SET stay_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE proceedings SET offence_sealed = $2, diversion_sealed = NULL, agreement_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE justice_openings SET order_sealed = $2 WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE detentions SET record_sealed = $2, extension_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
        ] {
            self.tx.exec(sql, args![child_id, empty.clone()]).await?;
        }
        for sql in [
            "UPDATE interviews SET present_sealed = NULL, reason_sealed = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "UPDATE justice_keys SET wrapped_key = NULL WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            // Forms kept after a session expired, and drafts: sealed with the key just destroyed.
            "DELETE FROM kept_submissions WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
            "DELETE FROM drafts WHERE case_id IN (SELECT id FROM cases WHERE child_id = $1)",
        ] {
            self.tx.exec(sql, args![child_id]).await?;
        }
        self.tx
            .exec(
                "INSERT INTO erasures (child_id, erased_at, erased_by, reason_sealed) \
                 VALUES ($1, $2, $3, $4)",
                args![
                    child_id,
                    self.now,
                    self.actor.id.as_str(),
                    self.keys
                        .seal_system(&format!("erasure/{child_id}"), reason.as_bytes())
                ],
            )
            .await?;
        // The reason is the operator's words about the erasure: kept sealed with the system key
        // (it may name someone), and only its length reaches the audit detail.
        self.audit(
            "child.erase",
            child_id,
            json!({"reason_chars": reason.chars().count()}),
        )
        .await?;
        Ok(())
    }

    async fn set_handed_over_by(&mut self, case_id: &str, user: &str) -> Result<(), StoreError> {
        let n = self
            .tx
            .exec(
                "UPDATE cases SET handed_over_by = $1 WHERE id = $2",
                args![user, case_id],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.audit("case.handed_over_by", case_id, json!({"by": user}))
            .await?;
        Ok(())
    }

    async fn add_team_member(&mut self, case_id: &str, user: &str) -> Result<(), StoreError> {
        let active = self
            .tx
            .row("SELECT disabled FROM users WHERE id = $1", args![user])
            .await?;
        if !matches!(active.map(|r| r.i64(0)).transpose()?, Some(0)) {
            return Err(StoreError::Conflict("no such active user"));
        }
        if self
            .tx
            .row("SELECT 1 FROM cases WHERE id = $1", args![case_id])
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound);
        }
        self.tx
            .exec(
                "INSERT INTO case_team (case_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                args![case_id, user, self.now],
            )
            .await?;
        self.audit("case.team_add", case_id, json!({"user": user}))
            .await?;
        Ok(())
    }
}

/// The whole name as written and as transliterated (each part's Latin form where it has one),
/// without aliases: the forms whose tokens pair up.
fn victim_micros(v: VictimStatus) -> Option<i64> {
    match v {
        VictimStatus::NotRecorded => None,
        VictimStatus::Recognised { since } => Some(micros(since)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_case_fragment_is_the_domain_rule() {
        for status in CaseStatus::ALL {
            let listed = OPEN_CASE.contains(&format!("'{}'", status.as_str()));
            assert_eq!(listed, !status.is_open(), "{}", status.as_str());
        }
    }
}

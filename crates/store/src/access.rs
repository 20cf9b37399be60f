//! Who may read what, and who did: case metadata for policy decisions, reads that demand a
//! [`Grant`], the access log, sessions, tokens and sign-in throttling.

use chrono::{DateTime, Utc};
use pelita_domain::case::{CaseReference, CaseStatus, Circumstances, PriorityLevel, VictimStatus};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames};
use pelita_domain::policy::write::{self, Change, Standing};
use pelita_domain::policy::{self, Decision, Grant, Refusal, Relationship, Section};
use pelita_domain::referral::ReferralStatus;
use pelita_domain::role::Role;
use serde_json::json;

use crate::db::{Row, Tx, args};
use crate::writer::{Command, Done, Write};
use crate::{
    Actor, CaseRecord, NoteRecord, Readable, Store, StoreError, User, from_micros, micros,
};

/// Failed sign-ins before an account is locked, and for how long.
pub const MAX_FAILURES: i64 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;

/// What a personal access token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenScope {
    /// Reads only (GET, and searches).
    Read,
    ReadWrite,
}

impl TokenScope {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::ReadWrite => "read_write",
        }
    }
}

/// Who is reading: enough to place them against a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub id: String,
    pub role: Role,
    pub agency_id: Option<String>,
}

impl From<&User> for Reader {
    fn from(u: &User) -> Reader {
        Reader {
            id: u.id.clone(),
            role: u.role,
            agency_id: u.agency_id.clone(),
        }
    }
}

/// What [`Store::read_sections`] returns: each part only where a grant asked for it.
#[derive(Debug, Clone, Default)]
pub struct SectionsRead {
    pub identity: Option<Readable<ChildIdentity>>,
    pub circumstances: Option<Readable<Option<Circumstances>>>,
    /// Why the case has its priority, with a grant for the plan section.
    pub priority_reason: Option<String>,
    /// Notes of every granted section but status.
    pub notes: Vec<NoteRecord>,
    /// The consent ledger, with a grant for participation.
    pub consents: Option<Vec<crate::ConsentRecord>>,
    /// Assessments, with a grant for the psychosocial section.
    pub assessments: Option<Vec<crate::AssessmentRecord>>,
    /// The reintegration plan (None inside when there is none yet), with a grant for plan.
    pub plan: Option<Option<crate::PlanRecord>>,
    /// Case conferences, latest first, with a grant for plan.
    pub conferences: Option<Vec<crate::ConferenceRecord>>,
    /// The household, with a grant for the family section.
    pub household: Option<Option<crate::HouseholdRecord>>,
    /// Family assessments, with a grant for the family section.
    pub family_assessments: Option<Vec<crate::AssessmentRecord>>,
    /// Proceedings and the detention register, with a grant for the justice section; `None`
    /// also while the records are sealed and no court order opened them.
    pub justice: Option<(Vec<crate::ProceedingRecord>, Vec<crate::DetentionRecord>)>,
    /// Whether the justice records are sealed, with a grant for the justice section.
    pub justice_seal: Option<crate::SealState>,
}

/// A case's non-personal facts: what the policy needs to decide, and what lists show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMeta {
    pub id: String,
    pub child_id: String,
    pub agency_id: String,
    pub reference: CaseReference,
    pub status: CaseStatus,
    pub priority: PriorityLevel,
    pub assigned_to: Option<String>,
    pub handed_over_by: Option<String>,
    /// Other professionals working on the case.
    pub team: Vec<String>,
    /// Agencies that accepted a referral of the case, with the sections shared with them.
    pub shares: Vec<(String, Vec<Section>)>,
    pub victim: VictimStatus,
    pub updated_at: DateTime<Utc>,
}

impl CaseMeta {
    /// How `reader` stands to this case.
    pub fn relationship(&self, reader: &Reader) -> Relationship {
        let same_agency = reader.agency_id.as_deref() == Some(self.agency_id.as_str());
        if self.assigned_to.as_deref() == Some(reader.id.as_str()) || self.team.contains(&reader.id)
        {
            Relationship::Assigned
        } else if same_agency && reader.role == Role::Supervisor {
            Relationship::Supervisor
        } else if same_agency {
            Relationship::SameAgency
        } else if self.shared_sections(reader).is_some() {
            Relationship::Referred
        } else if self.handed_over_by.as_deref() == Some(reader.id.as_str()) {
            Relationship::HandedOverBy
        } else {
            Relationship::None
        }
    }
}

impl CaseMeta {
    /// How `person` stands to this case for changing it: the lead worker and the team apart.
    pub fn standing(&self, person: &Reader) -> Standing {
        let same_agency = person.agency_id.as_deref() == Some(self.agency_id.as_str());
        if self.assigned_to.as_deref() == Some(person.id.as_str()) {
            Standing::Lead
        } else if same_agency && person.role == Role::Supervisor {
            Standing::Supervisor
        } else if self.team.contains(&person.id) {
            Standing::Team
        } else if same_agency {
            Standing::SameAgency
        } else if self.shared_sections(person).is_some() {
            Standing::Receiving
        } else if self.handed_over_by.as_deref() == Some(person.id.as_str()) {
            Standing::HandedOverBy
        } else {
            Standing::None
        }
    }

    /// The one write decision: the write table for the person's role and standing, and at a
    /// receiving agency only in the sections the referral shared. The writer checks it in its
    /// transaction; pages ask it only to decide which forms to offer.
    pub fn may_change(&self, person: &Reader, change: Change) -> bool {
        let standing = self.standing(person);
        if standing == Standing::Receiving
            && !self
                .shared_sections(person)
                .is_some_and(|s| s.contains(&change.section()))
        {
            return false;
        }
        write::may_change(person.role, change, standing)
    }

    /// Whether `person` sees the child's interviews (the dates, for the repeat-interview
    /// guard): those who may record one. Who interviewed, and what for, each reader sees only
    /// where they read the interview's section in full ([`CaseMeta::reads_in_full`]).
    pub fn sees_interviews(&self, person: &Reader) -> bool {
        pelita_domain::interview::Purpose::ALL
            .into_iter()
            .any(|p| self.may_change(person, Change::Interview(p.section())))
    }

    /// Whether the read table shows `section` to `person` without break-glass.
    pub fn reads_in_full(&self, person: &Reader, section: Section) -> bool {
        self.decide(person, section) == Decision::Allow
    }

    /// The sections an accepted referral shared with the reader's agency.
    fn shared_sections(&self, reader: &Reader) -> Option<Vec<Section>> {
        let agency = reader.agency_id.as_deref()?;
        let mut found = None::<Vec<Section>>;
        for (a, sections) in &self.shares {
            if a == agency {
                found.get_or_insert_with(Vec::new).extend(sections);
            }
        }
        found
    }

    /// The one access decision: the policy table for the reader's role and relationship, and
    /// on a referral only the sections that were shared (status always).
    pub fn decide(&self, reader: &Reader, section: Section) -> Decision {
        let rel = self.relationship(reader);
        if rel == Relationship::Referred
            && section != Section::Status
            && !self
                .shared_sections(reader)
                .is_some_and(|s| s.contains(&section))
        {
            return Decision::Deny;
        }
        policy::decide(reader.role, section, rel)
    }

    /// A grant for `section`, when [`CaseMeta::decide`] allows it.
    pub fn authorize(
        &self,
        reader: &Reader,
        section: Section,
        justification: Option<&str>,
    ) -> Result<Grant, Refusal> {
        if self.decide(reader, section) == Decision::Deny {
            return Err(Refusal::Denied);
        }
        policy::authorize(
            &reader.id,
            reader.role,
            self.relationship(reader),
            &self.id,
            section,
            justification,
        )
    }
}

const META_COLUMNS: &str = "c.id, c.child_id, c.agency_id, c.reference, c.status, c.priority, c.assigned_to, \
     handed_over_by, victim_since, updated_at";

const META_SQL: &str = "SELECT c.id, c.child_id, c.agency_id, c.reference, c.status, c.priority, \
     c.assigned_to, handed_over_by, victim_since, updated_at FROM cases c WHERE c.id = $1";
const TEAM_SQL: &str = "SELECT user_id FROM case_team WHERE case_id = $1 ORDER BY added_at";
const SHARES_SQL: &str =
    "SELECT to_agency, sections FROM referrals WHERE case_id = $1 AND status = $2";

fn team_from(rows: &[Row]) -> Result<Vec<String>, StoreError> {
    rows.iter().map(|r| r.text(0)).collect()
}

fn shares_from(rows: &[Row]) -> Result<Vec<(String, Vec<Section>)>, StoreError> {
    rows.iter()
        .map(|r| {
            Ok((
                r.text(0)?,
                r.text(1)?.split(',').filter_map(Section::parse).collect(),
            ))
        })
        .collect()
}

/// A case's metadata read inside the writer's transaction, for the write policy.
pub(crate) async fn case_meta_in(tx: &mut Tx, case_id: &str) -> Result<CaseMeta, StoreError> {
    let row = tx
        .row(META_SQL, args![case_id])
        .await?
        .ok_or(StoreError::NotFound)?;
    let mut meta = meta_from(&row)?;
    meta.team = team_from(&tx.rows(TEAM_SQL, args![case_id]).await?)?;
    meta.shares = shares_from(
        &tx.rows(SHARES_SQL, args![case_id, ReferralStatus::SHARING.as_str()])
            .await?,
    )?;
    Ok(meta)
}

fn meta_from(r: &Row) -> Result<CaseMeta, StoreError> {
    Ok(CaseMeta {
        id: r.text(0)?,
        child_id: r.text(1)?,
        agency_id: r.text(2)?,
        reference: CaseReference::parse(&r.text(3)?).ok_or(StoreError::Corrupt)?,
        status: CaseStatus::parse(&r.text(4)?).ok_or(StoreError::Corrupt)?,
        priority: PriorityLevel::parse(&r.text(5)?).ok_or(StoreError::Corrupt)?,
        assigned_to: r.opt_text(6)?,
        handed_over_by: r.opt_text(7)?,
        team: Vec::new(),
        shares: Vec::new(),
        victim: match r.opt_i64(8)? {
            Some(us) => VictimStatus::Recognised {
                since: from_micros(us),
            },
            None => VictimStatus::NotRecorded,
        },
        updated_at: from_micros(r.i64(9)?),
    })
}

/// One sensitive read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub at: DateTime<Utc>,
    pub reader: String,
    pub case_id: String,
    pub section: String,
    pub justification: Option<String>,
}

/// A case in someone's work list, with the child's name as the assigned worker sees it.
#[derive(Debug, Clone)]
pub struct WorkItem {
    pub meta: CaseMeta,
    pub identity: Readable<ChildIdentity>,
}

/// A signed-in session.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    /// Made by the store from the session it found; see [`Actor`].
    actor: Actor,
    pub csrf: String,
    pub second_factor: bool,
    pub created_at: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub reauth_at: DateTime<Utc>,
    /// A short, non-secret label for listing sessions.
    pub label: String,
}

impl Session {
    /// Who acts in this session.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

/// The account behind a bearer token, and what the token may do.
#[derive(Debug, Clone)]
pub struct Bearer {
    pub user: User,
    pub scope: TokenScope,
    /// Made by the store from the token it found; see [`Actor`].
    actor: Actor,
}

impl Bearer {
    /// Who acts with this token.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub id: String,
    pub case_id: Option<String>,
    pub kind: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
}

fn user_from(r: &Row, at: usize) -> Result<User, StoreError> {
    Ok(User {
        id: r.text(at)?,
        username: r.text(at + 1)?,
        display_name: r.text(at + 2)?,
        role: Role::parse(&r.text(at + 3)?).ok_or(StoreError::Corrupt)?,
        agency_id: r.opt_text(at + 4)?,
        disabled: r.i64(at + 5)? != 0,
    })
}

const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.role, u.agency_id, u.disabled";

/// Strips what a minimal identity grant may not show: aliases, other names, transliterations
/// and the age evidence beyond the best claim.
fn minimal(identity: ChildIdentity) -> ChildIdentity {
    let bare = |p: NamePart| NamePart {
        text: p.text,
        latin: None,
    };
    let age = identity.age.clone();
    let best = age.best();
    let mut kept = pelita_domain::age::Age::default();
    if let Some(e) = age.evidence.iter().find(|e| e.birth == best) {
        let mut e = e.clone();
        e.source.clear();
        e.recorded_by.clear();
        kept.evidence.push(e);
    }
    ChildIdentity {
        names: PersonNames {
            given: bare(identity.names.given),
            family: identity.names.family.map(bare),
            other: Vec::new(),
            aliases: Vec::new(),
        },
        sex: identity.sex,
        age: kept,
    }
}

impl Store {
    pub async fn case_meta(&self, case_id: &str) -> Result<CaseMeta, StoreError> {
        let row = self
            .pools
            .row(META_SQL, args![case_id])
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut meta = meta_from(&row)?;
        meta.team = team_from(&self.pools.rows(TEAM_SQL, args![case_id]).await?)?;
        meta.shares = shares_from(
            &self
                .pools
                .rows(SHARES_SQL, args![case_id, ReferralStatus::SHARING.as_str()])
                .await?,
        )?;
        Ok(meta)
    }

    /// Records sensitive reads before the data leaves the store: no log, no data. All the
    /// grants of one page go in one write.
    pub(crate) async fn log_access(&self, grants: &[&Grant]) -> Result<(), StoreError> {
        let reads: Vec<(String, Section, Option<String>)> = grants
            .iter()
            .filter(|g| g.section().is_sensitive())
            .map(|g| {
                (
                    g.case_id().to_owned(),
                    g.section(),
                    g.justification().map(str::to_owned),
                )
            })
            .collect();
        let Some(first) = grants.first() else {
            return Ok(());
        };
        if reads.is_empty() {
            return Ok(());
        }
        if grants.iter().any(|g| g.reader() != first.reader()) {
            return Err(StoreError::Conflict("grants of different readers"));
        }
        let actor = Actor::account(first.reader(), Role::CaseWorker);
        self.submit(&actor, Command::LogAccess { reads }).await?;
        Ok(())
    }

    /// Several sections of one case in one go, as a case page shows them: one access-log write,
    /// one read of the notes. Sections without a grant are not read.
    pub async fn read_sections(&self, grants: &[Grant]) -> Result<SectionsRead, StoreError> {
        let Some(first) = grants.first() else {
            return Ok(SectionsRead::default());
        };
        if grants.iter().any(|g| g.case_id() != first.case_id()) {
            return Err(StoreError::Conflict("grants for different cases"));
        }
        let find = |s: Section| grants.iter().find(|g| g.section() == s);
        let meta = self.case_meta(first.case_id()).await?;
        self.log_access(&grants.iter().collect::<Vec<_>>()).await?;
        let identity = match find(Section::Identity) {
            Some(g) => Some(match self.child(&meta.child_id).await?.identity {
                Readable::Present(i) if g.minimal() => Readable::Present(minimal(i)),
                other => other,
            }),
            None => None,
        };
        let circumstances = match find(Section::Circumstances) {
            Some(_) => Some(self.circumstances(first.case_id()).await?),
            None => None,
        };
        let with_notes: Vec<Section> = grants
            .iter()
            .map(|g| g.section())
            .filter(|s| *s != Section::Status)
            .collect();
        // Every sealed part of the case opens with the child's key: read it once.
        let key = self.case_key(first.case_id()).await?;
        let notes = if with_notes.is_empty() {
            Vec::new()
        } else {
            self.notes(first.case_id(), &key)
                .await?
                .into_iter()
                .filter(|n| with_notes.contains(&n.section))
                .collect()
        };
        let consents = match find(Section::Participation) {
            Some(_) => Some(self.consents(first.case_id(), &key).await?),
            None => None,
        };
        let assessments = match find(Section::Psychosocial) {
            Some(_) => Some(
                self.assessments(first.case_id(), &key, Section::Psychosocial)
                    .await?,
            ),
            None => None,
        };
        let family_assessments = match find(Section::Family) {
            Some(_) => Some(
                self.assessments(first.case_id(), &key, Section::Family)
                    .await?,
            ),
            None => None,
        };
        let plan = match find(Section::Plan) {
            Some(_) => Some(self.plan(first.case_id(), &key).await?),
            None => None,
        };
        let priority_reason = match find(Section::Plan) {
            Some(_) => Some(self.priority_reason(first.case_id(), &key).await?),
            None => None,
        };
        let conferences = match find(Section::Plan) {
            Some(_) => Some(self.conferences(first.case_id(), &key).await?),
            None => None,
        };
        let household = match find(Section::Family) {
            Some(_) => Some(self.household(first.case_id(), &key).await?),
            None => None,
        };
        // Sealed records (case closed, or the child 18) open only against a court order.
        let justice_seal = match find(Section::Justice) {
            Some(_) => Some(self.justice_seal(first.case_id()).await?),
            None => None,
        };
        let justice = match justice_seal {
            Some(seal) if seal.readable(self.now()) => {
                let jkey = self.justice_key(first.case_id(), &key).await?;
                Some((
                    self.proceedings(first.case_id(), &jkey).await?,
                    self.detentions(first.case_id(), &jkey).await?,
                ))
            }
            _ => None,
        };
        Ok(SectionsRead {
            identity,
            circumstances,
            priority_reason,
            notes,
            consents,
            assessments,
            plan,
            conferences,
            household,
            family_assessments,
            justice,
            justice_seal,
        })
    }

    pub(crate) fn expect(grant: &Grant, section: Section) -> Result<(), StoreError> {
        if grant.section() == section {
            Ok(())
        } else {
            Err(StoreError::Conflict("the grant is for another section"))
        }
    }

    /// The status section: the case, its level of priority but not the reason, which is
    /// sealed free text of the plan section ([`Store::read_priority_reason`]).
    pub async fn read_case(&self, grant: &Grant) -> Result<CaseRecord, StoreError> {
        Store::expect(grant, Section::Status)?;
        let mut record = self.case(grant.case_id()).await?;
        record.case.priority.reason.clear();
        Ok(record)
    }

    /// Why the case has its priority: free text ("needs urgent medical follow-up") that tells
    /// of the child's health or safety, read with the plan section and logged as such.
    pub async fn read_priority_reason(&self, grant: &Grant) -> Result<String, StoreError> {
        Store::expect(grant, Section::Plan)?;
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.priority_reason(grant.case_id(), &key).await
    }

    /// The sealed priority reason, opened with the key the caller already holds (empty once
    /// the child is erased).
    async fn priority_reason(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<String, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT priority_sealed FROM cases WHERE id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        crate::reads::open_priority(key.as_ref().ok(), row.opt_bytes(0)?)
    }

    pub async fn read_identity(
        &self,
        grant: &Grant,
    ) -> Result<Readable<ChildIdentity>, StoreError> {
        Store::expect(grant, Section::Identity)?;
        let meta = self.case_meta(grant.case_id()).await?;
        self.log_access(&[grant]).await?;
        let record = self.child(&meta.child_id).await?;
        Ok(match record.identity {
            Readable::Present(i) if grant.minimal() => Readable::Present(minimal(i)),
            other => other,
        })
    }

    pub async fn read_circumstances(
        &self,
        grant: &Grant,
    ) -> Result<Readable<Option<Circumstances>>, StoreError> {
        Store::expect(grant, Section::Circumstances)?;
        self.log_access(&[grant]).await?;
        self.circumstances(grant.case_id()).await
    }

    /// The notes filed under the granted section.
    pub async fn read_notes(&self, grant: &Grant) -> Result<Vec<NoteRecord>, StoreError> {
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        Ok(self
            .notes(grant.case_id(), &key)
            .await?
            .into_iter()
            .filter(|n| n.section == grant.section())
            .collect())
    }

    /// Open cases assigned to `user`, most urgent first, with the children's names.
    pub async fn my_work(&self, user_id: &str, limit: i64) -> Result<Vec<WorkItem>, StoreError> {
        let sql = format!(
            // The two ways of holding a case as a union of two index lookups: with OR,
            // PostgreSQL scanned every case (100 ms at 100,000 children).
            "SELECT {META_COLUMNS}, ch.wrapped_key, ch.identity_sealed, ch.erased_at \
             FROM (SELECT id FROM cases WHERE assigned_to = $1 \
                   UNION SELECT case_id FROM case_team WHERE user_id = $1) mine \
             JOIN cases c ON c.id = mine.id JOIN children ch ON ch.id = c.child_id \
             WHERE c.status NOT IN ('closed', 'transferred') \
             ORDER BY CASE c.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, c.updated_at DESC \
             LIMIT $2"
        );
        // One query for the list and the names: no query per case.
        self.pools
            .rows(&sql, args![user_id, limit])
            .await?
            .iter()
            .map(|r| {
                let meta = meta_from(r)?;
                let identity = self.open_identity(
                    &meta.child_id,
                    r.opt_bytes(10)?,
                    r.opt_bytes(11)?,
                    r.opt_i64(12)?,
                )?;
                Ok(WorkItem { meta, identity })
            })
            .collect()
    }

    /// "My work" and the case list as a person reads them: the cases they lead or are on the
    /// team of, each child's name as the read table shows it to their role (minimal for a
    /// teacher or a health worker), every name shown logged as a read of identity — one write
    /// for the list.
    pub async fn read_my_work(
        &self,
        reader: &Reader,
        limit: i64,
    ) -> Result<Vec<WorkItem>, StoreError> {
        let shown = policy::decide(reader.role, Section::Identity, Relationship::Assigned);
        if shown == Decision::Deny {
            return Ok(Vec::new());
        }
        let mut items = self.my_work(&reader.id, limit).await?;
        let mut reads = Vec::with_capacity(items.len());
        for w in &mut items {
            if let Readable::Present(i) = &w.identity {
                if shown == Decision::AllowMinimal {
                    w.identity = Readable::Present(minimal(i.clone()));
                }
                reads.push((w.meta.id.clone(), Section::Identity, None));
            }
        }
        if !reads.is_empty() {
            self.submit(
                &Actor::account(&reader.id, reader.role),
                Command::LogAccess { reads },
            )
            .await?;
        }
        Ok(items)
    }

    /// A read the policy refused: kept (who, which case and section, when) so that probing
    /// shows; a pattern of refusals alerts the auditors (`policy::is_probing`).
    pub async fn record_refusal(
        &self,
        reader: &Reader,
        case_id: &str,
        section: Section,
    ) -> Result<(), StoreError> {
        self.submit(
            &Actor::account(&reader.id, reader.role),
            Command::LogRefusal(case_id.to_owned(), section),
        )
        .await?;
        Ok(())
    }

    /// Refused reads, newest first (for auditors).
    pub async fn refusals(
        &self,
        limit: i64,
    ) -> Result<Vec<(DateTime<Utc>, String, String, String)>, StoreError> {
        self.pools
            .rows(
                "SELECT at, reader, case_id, section FROM refusals ORDER BY seq DESC LIMIT $1",
                args![limit],
            )
            .await?
            .iter()
            .map(|r| Ok((from_micros(r.i64(0)?), r.text(1)?, r.text(2)?, r.text(3)?)))
            .collect()
    }

    pub async fn access_log_for_case(&self, case_id: &str) -> Result<Vec<AccessEntry>, StoreError> {
        self.access_entries("WHERE a.case_id = $1", args![case_id])
            .await
    }

    pub async fn access_log(&self, limit: i64) -> Result<Vec<AccessEntry>, StoreError> {
        self.access_entries("WHERE a.seq > 0", args![])
            .await
            .map(|mut v| {
                v.truncate(limit.max(0) as usize);
                v
            })
    }

    async fn access_entries(
        &self,
        filter: &str,
        a: Vec<crate::db::Val>,
    ) -> Result<Vec<AccessEntry>, StoreError> {
        let sql = format!(
            "SELECT a.at, a.reader, a.case_id, a.section, a.justification_sealed, ch.id, \
             ch.wrapped_key FROM access_log a JOIN cases c ON c.id = a.case_id \
             JOIN children ch ON ch.id = c.child_id {filter} ORDER BY a.seq DESC LIMIT 500"
        );
        self.pools
            .rows(&sql, a)
            .await?
            .iter()
            .map(|r| {
                // An erased child's reasons read as nothing: their key is gone.
                let justification = match (r.opt_bytes(4)?, r.opt_bytes(6)?) {
                    (Some(sealed), Some(wrapped)) => {
                        let key = self.keys.unwrap_child_key(&r.text(5)?, &wrapped)?;
                        Some(
                            String::from_utf8(key.open(JUSTIFICATION, &sealed)?)
                                .map_err(|_| StoreError::Corrupt)?,
                        )
                    }
                    _ => None,
                };
                Ok(AccessEntry {
                    at: from_micros(r.i64(0)?),
                    reader: r.text(1)?,
                    case_id: r.text(2)?,
                    section: r.text(3)?,
                    justification,
                })
            })
            .collect()
    }

    pub async fn audit_events(&self, limit: i64) -> Result<Vec<crate::AuditEvent>, StoreError> {
        self.pools
            .rows(
                "SELECT seq, at, actor, action, subject, detail FROM audit_events ORDER BY seq DESC LIMIT $1",
                args![limit],
            )
            .await?
            .iter()
            .map(crate::audit::event_row)
            .collect()
    }

    /// Audit events about one case or its child: the case's change history.
    pub async fn history(
        &self,
        case_id: &str,
        child_id: &str,
    ) -> Result<Vec<crate::AuditEvent>, StoreError> {
        self.pools
            .rows(
                // Each subject through its own index range: with OR, PostgreSQL walked the
                // whole chain backwards (0.8 s at 100,000 children).
                "SELECT seq, at, actor, action, subject, detail FROM ( \
                 SELECT * FROM (SELECT seq, at, actor, action, subject, detail FROM audit_events \
                   WHERE subject = $1 ORDER BY seq DESC LIMIT 200) a \
                 UNION ALL \
                 SELECT * FROM (SELECT seq, at, actor, action, subject, detail FROM audit_events \
                   WHERE subject = $2 ORDER BY seq DESC LIMIT 200) b) e \
                 ORDER BY seq DESC LIMIT 200",
                args![case_id, child_id],
            )
            .await?
            .iter()
            .map(crate::audit::event_row)
            .collect()
    }

    pub async fn alerts(&self, user_id: &str) -> Result<Vec<Alert>, StoreError> {
        self.pools
            .rows(
                "SELECT id, case_id, kind, detail, created_at FROM alerts WHERE user_id = $1 \
                 AND read_at IS NULL ORDER BY created_at DESC LIMIT 100",
                args![user_id],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(Alert {
                    id: r.text(0)?,
                    case_id: r.opt_text(1)?,
                    kind: r.text(2)?,
                    detail: r.text(3)?,
                    created_at: from_micros(r.i64(4)?),
                })
            })
            .collect()
    }

    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.username");
        self.pools
            .rows(&sql, args![])
            .await?
            .iter()
            .map(|r| user_from(r, 0))
            .collect()
    }

    pub async fn user(&self, id: &str) -> Result<User, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        user_from(
            &self
                .pools
                .row(&sql, args![id])
                .await?
                .ok_or(StoreError::NotFound)?,
            0,
        )
    }

    pub async fn user_language(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .pools
            .row("SELECT language FROM users WHERE id = $1", args![id])
            .await?
            .map(|r| r.opt_text(0))
            .transpose()?
            .flatten())
    }

    // ---- sign-in ----

    /// (failures, locked until) for a username, whether or not the account exists.
    pub async fn login_state(
        &self,
        username: &str,
    ) -> Result<(i64, Option<DateTime<Utc>>), StoreError> {
        let row = self
            .pools
            .row(
                "SELECT failures, locked_until FROM login_failures WHERE username = $1",
                args![username],
            )
            .await?;
        Ok(match row {
            Some(r) => {
                let until = r.i64(1)?;
                (
                    r.i64(0)?,
                    (until > micros(self.now())).then(|| from_micros(until)),
                )
            }
            None => (0, None),
        })
    }

    pub async fn record_login_failure(&self, username: &str) -> Result<(), StoreError> {
        self.submit(
            &Actor::operator("signin"),
            Command::LoginFailure(username.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Starts a session for `user`; returns the token for the cookie (never stored) and the
    /// session's CSRF token. Clears the sign-in failure count.
    pub async fn start_session(
        &self,
        user: &User,
        second_factor: bool,
    ) -> Result<(String, String), StoreError> {
        let token = crate::random_token();
        let csrf = crate::random_token();
        self.submit(
            &Actor::account(&user.id, user.role),
            Command::StartSession {
                token_hash: self.keys.token_hash(&token),
                user_id: user.id.clone(),
                username: user.username.clone(),
                second_factor,
                csrf: csrf.clone(),
            },
        )
        .await?;
        Ok((token, csrf))
    }

    pub async fn session(&self, token: &str) -> Result<Option<Session>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.csrf, s.second_factor, s.created_at, s.last_seen, s.reauth_at, s.token_hash \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
        );
        let Some(r) = self
            .pools
            .row(&sql, args![self.keys.token_hash(token)])
            .await?
        else {
            return Ok(None);
        };
        let user = user_from(&r, 0)?;
        Ok(Some(Session {
            actor: Actor::account(&user.id, user.role),
            user,
            csrf: r.text(6)?,
            second_factor: r.i64(7)? != 0,
            created_at: from_micros(r.i64(8)?),
            last_seen: from_micros(r.i64(9)?),
            reauth_at: from_micros(r.i64(10)?),
            label: label(&r.bytes(11)?),
        }))
    }

    pub async fn sessions_of(
        &self,
        user_id: &str,
    ) -> Result<Vec<(String, DateTime<Utc>, DateTime<Utc>)>, StoreError> {
        self.pools
            .rows(
                "SELECT token_hash, created_at, last_seen FROM sessions WHERE user_id = $1 ORDER BY last_seen DESC",
                args![user_id],
            )
            .await?
            .iter()
            .map(|r| Ok((label(&r.bytes(0)?), from_micros(r.i64(1)?), from_micros(r.i64(2)?))))
            .collect()
    }

    pub fn session_label(&self, token: &str) -> String {
        label(&self.keys.token_hash(token))
    }

    pub async fn touch_session(&self, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(&Actor::operator("session"), Command::TouchSession(h))
            .await?;
        Ok(())
    }

    pub async fn end_session(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(
            actor,
            Command::EndSessions {
                user_id: None,
                token_hash: Some(h),
                keep: None,
            },
        )
        .await?;
        Ok(())
    }

    pub async fn end_other_sessions(
        &self,
        actor: &Actor,
        keep_token: &str,
    ) -> Result<(), StoreError> {
        let keep = self.keys.token_hash(keep_token);
        let cmd = Command::EndSessions {
            user_id: Some(actor.id.clone()),
            token_hash: None,
            keep: Some(keep),
        };
        self.submit(actor, cmd).await?;
        Ok(())
    }

    pub async fn pass_second_factor(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(actor, Command::PassSecondFactor(h)).await?;
        Ok(())
    }

    pub async fn mark_reauthenticated(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(actor, Command::Reauthenticated(h)).await?;
        Ok(())
    }

    /// The user's TOTP secret and the last time step used, when enrolled.
    pub async fn totp(&self, user_id: &str) -> Result<Option<(Vec<u8>, i64)>, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT totp_sealed, totp_last_step FROM users WHERE id = $1",
                args![user_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        match row.opt_bytes(0)? {
            Some(sealed) => Ok(Some((
                self.keys.open_system(&format!("totp/{user_id}"), &sealed)?,
                row.i64(1)?,
            ))),
            None => Ok(None),
        }
    }

    pub async fn set_totp(
        &self,
        actor: &Actor,
        user_id: &str,
        secret: &[u8],
    ) -> Result<(), StoreError> {
        let sealed = self.keys.seal_system(&format!("totp/{user_id}"), secret);
        self.submit(actor, Command::SetTotp(user_id.to_owned(), sealed))
            .await?;
        Ok(())
    }

    /// Accepts a TOTP time step once: false when it (or a later one) was already used.
    pub async fn use_totp_step(
        &self,
        actor: &Actor,
        user_id: &str,
        step: i64,
    ) -> Result<bool, StoreError> {
        match self
            .submit(actor, Command::UseTotpStep(user_id.to_owned(), step))
            .await?
        {
            Done::Bool(b) => Ok(b),
            _ => unreachable!("writer answers UseTotpStep with a bool"),
        }
    }

    pub async fn set_password(
        &self,
        actor: &Actor,
        user_id: &str,
        hash: String,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::SetPassword(user_id.to_owned(), hash))
            .await?;
        Ok(())
    }

    pub async fn set_language(
        &self,
        actor: &Actor,
        user_id: &str,
        lang: &str,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            Command::SetLanguage(user_id.to_owned(), lang.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Clears a user's second factor (a lost phone): they enrol again at their next sign-in.
    /// Their sessions end.
    pub async fn reset_second_factor(
        &self,
        actor: &Actor,
        user_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::ResetSecondFactor(user_id.to_owned()))
            .await?;
        Ok(())
    }

    /// Changes a user's role; their sessions end so the new role applies at once.
    pub async fn set_role(
        &self,
        actor: &Actor,
        user_id: &str,
        role: Role,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::SetRole(user_id.to_owned(), role))
            .await?;
        Ok(())
    }

    /// Disabling a user ends their sessions and tokens at once.
    pub async fn set_disabled(
        &self,
        actor: &Actor,
        user_id: &str,
        disabled: bool,
    ) -> Result<(), StoreError> {
        self.submit(actor, Command::SetDisabled(user_id.to_owned(), disabled))
            .await?;
        Ok(())
    }

    /// A personal access token for the API; the secret is returned once and only its hash kept.
    pub async fn create_token(
        &self,
        actor: &Actor,
        user_id: &str,
        label: &str,
        scope: TokenScope,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<String, StoreError> {
        let secret = format!("pelita_{}", crate::random_token());
        self.submit(
            actor,
            Command::CreateToken {
                token_hash: self.keys.token_hash(&secret),
                user_id: user_id.to_owned(),
                label: label.to_owned(),
                scope,
                expires_at: expires_at.map(micros),
            },
        )
        .await?;
        Ok(secret)
    }

    /// Revokes every token of a user at once.
    pub async fn revoke_tokens(&self, actor: &Actor, user_id: &str) -> Result<(), StoreError> {
        self.submit(actor, Command::RevokeTokens(user_id.to_owned()))
            .await?;
        Ok(())
    }

    /// The active user behind a bearer token, and what the token may do, unless it expired or
    /// was revoked.
    pub async fn token_user(&self, secret: &str) -> Result<Option<Bearer>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, t.scope FROM access_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) \
             AND u.disabled = 0"
        );
        let row = self
            .pools
            .row(
                &sql,
                args![self.keys.token_hash(secret), micros(self.now())],
            )
            .await?;
        row.map(|r| {
            let scope = if r.text(6)? == "read" {
                TokenScope::Read
            } else {
                TokenScope::ReadWrite
            };
            let user = user_from(&r, 0)?;
            Ok(Bearer {
                actor: Actor::account(&user.id, user.role),
                user,
                scope,
            })
        })
        .transpose()
    }

    /// The account `user_id` as the database knows it, to act as: for the operator's tools
    /// (demo data, the benchmark, tests), never for a request (a test in `pelita-web` keeps it
    /// so). An unknown or disabled account cannot act.
    pub async fn act_as(&self, user_id: &str) -> Result<Actor, StoreError> {
        let user = self.user(user_id).await?;
        if user.disabled {
            return Err(StoreError::Forbidden);
        }
        Ok(Actor::account(&user.id, user.role))
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
            Command::AddTeamMember(case_id.to_owned(), user_id.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Marks every alert of the actor as read: they leave "my work" (and stay in the audit).
    pub async fn mark_alerts_read(&self, actor: &Actor) -> Result<(), StoreError> {
        self.submit(actor, Command::AlertsRead).await?;
        Ok(())
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
            Command::HandedOverBy(case_id.to_owned(), user_id.to_owned()),
        )
        .await?;
        Ok(())
    }
}

/// The field name a break-glass justification is sealed under.
const JUSTIFICATION: &str = "access/justification";

fn label(hash: &[u8]) -> String {
    hash.iter().take(4).map(|b| format!("{b:02x}")).collect()
}

impl Write<'_> {
    /// `text` sealed with the key of the case's child; `None` once the child is erased.
    async fn seal_for_case(
        &mut self,
        case_id: &str,
        field: &str,
        text: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let row = self
            .tx
            .row("SELECT child_id FROM cases WHERE id = $1", args![case_id])
            .await?
            .ok_or(StoreError::NotFound)?;
        match self.child_key(&row.text(0)?).await {
            Ok((_, key)) => Ok(Some(key.seal(field, text.as_bytes()))),
            Err(StoreError::Erased) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Seals the break-glass reasons an earlier release kept in plain text, and clears them.
    pub(crate) async fn seal_legacy_justifications(&mut self) -> Result<Done, StoreError> {
        let rows = self
            .tx
            .rows(
                "SELECT seq, case_id, justification FROM access_log \
                 WHERE justification IS NOT NULL",
                args![],
            )
            .await?;
        for r in &rows {
            let sealed = self
                .seal_for_case(&r.text(1)?, JUSTIFICATION, &r.text(2)?)
                .await?;
            self.tx
                .exec(
                    "UPDATE access_log SET justification_sealed = $1, justification = NULL \
                     WHERE seq = $2",
                    args![sealed, r.i64(0)?],
                )
                .await?;
        }
        if !rows.is_empty() {
            self.audit(
                "access.seal_justifications",
                "access_log",
                json!({"rows": rows.len()}),
            )
            .await?;
        }
        Ok(Done::Unit)
    }

    /// Changes a user's account; `NotFound` when there is no such user. With `end_sessions`
    /// the user is signed out everywhere (a role, a second factor or access changed).
    async fn change_user(
        &mut self,
        user: &str,
        sql: &str,
        args: Vec<crate::db::Val>,
        end_sessions: bool,
    ) -> Result<(), StoreError> {
        if self.tx.exec(sql, args).await? == 0 {
            return Err(StoreError::NotFound);
        }
        if end_sessions {
            self.tx
                .exec("DELETE FROM sessions WHERE user_id = $1", args![user])
                .await?;
        }
        Ok(())
    }

    pub(crate) async fn apply_access(&mut self, command: &Command) -> Result<Done, StoreError> {
        let now = self.now;
        match command {
            Command::LogAccess { reads } => {
                for (case_id, section, justification) in reads {
                    // The reason is personal (it often names the child's situation): sealed
                    // with the child's key, so erasure reaches it.
                    let sealed = match justification {
                        Some(j) => self.seal_for_case(case_id, JUSTIFICATION, j).await?,
                        None => None,
                    };
                    self.tx
                        .exec(
                            "INSERT INTO access_log (at, reader, case_id, section, justification_sealed) VALUES ($1, $2, $3, $4, $5)",
                            args![now, self.actor.id.as_str(), case_id.as_str(), section.as_str(), sealed],
                        )
                        .await?;
                    if let Some(j) = justification {
                        // Break-glass: audited, and every supervisor of the case's agency is told.
                        let supervisors = self
                            .tx
                            .rows(
                                "SELECT u.id FROM users u JOIN cases c ON c.agency_id = u.agency_id \
                                 WHERE c.id = $1 AND u.role = 'supervisor' AND u.disabled = 0",
                                args![case_id.as_str()],
                            )
                            .await?;
                        for s in supervisors {
                            self.tx
                                .exec(
                                    "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) VALUES ($1, $2, $3, 'break_glass', $4, $5)",
                                    args![crate::writer::new_id(), s.text(0)?, case_id.as_str(), json!({"reader": self.actor.id, "section": section.as_str()}).to_string(), now],
                                )
                                .await?;
                        }
                        let detail = json!({"section": section.as_str(), "justification_chars": j.chars().count()});
                        self.audit("access.break_glass", case_id, detail).await?;
                    }
                }
                Ok(Done::Unit)
            }
            Command::LogRefusal(case_id, section) => {
                self.tx
                    .exec(
                        "INSERT INTO refusals (at, reader, case_id, section) VALUES ($1, $2, $3, $4)",
                        args![now, self.actor.id.as_str(), case_id.as_str(), section.as_str()],
                    )
                    .await?;
                let since = now - policy::PROBING_WINDOW_MINUTES * 60_000_000;
                let count = self
                    .tx
                    .row(
                        "SELECT COUNT(*) FROM refusals WHERE reader = $1 AND at > $2",
                        args![self.actor.id.as_str(), since],
                    )
                    .await?
                    .map(|r| r.i64(0))
                    .transpose()?
                    .unwrap_or(0);
                if policy::is_probing(count) {
                    let detail = json!({"reader": self.actor.id, "refusals": count,
                                        "minutes": policy::PROBING_WINDOW_MINUTES});
                    let auditors = self
                        .tx
                        .rows(
                            "SELECT id FROM users WHERE role = 'auditor' AND disabled = 0",
                            args![],
                        )
                        .await?;
                    for a in auditors {
                        self.tx
                            .exec(
                                "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) VALUES ($1, $2, NULL, 'refusals', $3, $4)",
                                args![crate::writer::new_id(), a.text(0)?, detail.to_string(), now],
                            )
                            .await?;
                    }
                    self.audit("access.refusal_pattern", &self.actor.id.clone(), detail)
                        .await?;
                }
                Ok(Done::Unit)
            }
            Command::LoginFailure(username) => {
                let row = self
                    .tx
                    .row(
                        "SELECT failures FROM login_failures WHERE username = $1",
                        args![username.as_str()],
                    )
                    .await?;
                let failures = row.map(|r| r.i64(0)).transpose()?.unwrap_or(0) + 1;
                let locked_until = if failures >= MAX_FAILURES {
                    now + LOCKOUT_MINUTES * 60_000_000
                } else {
                    0
                };
                self.tx
                    .exec(
                        "INSERT INTO login_failures (username, failures, locked_until, last_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, \
                         locked_until = excluded.locked_until, last_at = excluded.last_at",
                        args![username.as_str(), failures, locked_until, now],
                    )
                    .await?;
                self.audit(
                    "signin.failure",
                    "signin",
                    json!({"failures": failures, "locked": locked_until > 0}),
                )
                .await?;
                Ok(Done::Unit)
            }
            Command::StartSession {
                token_hash,
                user_id,
                username,
                second_factor,
                csrf,
            } => {
                self.tx
                    .exec(
                        "DELETE FROM login_failures WHERE username = $1",
                        args![username.as_str()],
                    )
                    .await?;
                self.tx
                    .exec(
                        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, reauth_at, second_factor, csrf) \
                         VALUES ($1, $2, $3, $3, $3, $4, $5)",
                        args![token_hash.clone(), user_id.as_str(), now, i64::from(*second_factor), csrf.as_str()],
                    )
                    .await?;
                self.audit(
                    "session.start",
                    user_id,
                    json!({"second_factor": second_factor}),
                )
                .await?;
                Ok(Done::Unit)
            }
            Command::TouchSession(h) => {
                self.tx
                    .exec(
                        "UPDATE sessions SET last_seen = $1 WHERE token_hash = $2",
                        args![now, h.clone()],
                    )
                    .await?;
                Ok(Done::Unit)
            }
            Command::EndSessions {
                user_id,
                token_hash,
                keep,
            } => {
                let n = match (user_id, token_hash) {
                    (_, Some(h)) => {
                        self.tx
                            .exec(
                                "DELETE FROM sessions WHERE token_hash = $1",
                                args![h.clone()],
                            )
                            .await?
                    }
                    (Some(u), None) => {
                        let keep = keep.clone().unwrap_or_default();
                        self.tx
                            .exec(
                                "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                                args![u.as_str(), keep],
                            )
                            .await?
                    }
                    (None, None) => 0,
                };
                self.audit(
                    "session.end",
                    &self.actor.id.clone(),
                    json!({"sessions": n}),
                )
                .await?;
                Ok(Done::Unit)
            }
            Command::PassSecondFactor(h) => {
                self.tx
                    .exec("UPDATE sessions SET second_factor = 1, reauth_at = $1 WHERE token_hash = $2", args![now, h.clone()])
                    .await?;
                self.audit("session.second_factor", &self.actor.id.clone(), json!({}))
                    .await?;
                Ok(Done::Unit)
            }
            Command::Reauthenticated(h) => {
                self.tx
                    .exec(
                        "UPDATE sessions SET reauth_at = $1 WHERE token_hash = $2",
                        args![now, h.clone()],
                    )
                    .await?;
                self.audit("session.reauthenticate", &self.actor.id.clone(), json!({}))
                    .await?;
                Ok(Done::Unit)
            }
            Command::SetTotp(user, sealed) => {
                self.tx
                    .exec(
                        "UPDATE users SET totp_sealed = $1, totp_last_step = 0 WHERE id = $2",
                        args![sealed.clone(), user.as_str()],
                    )
                    .await?;
                self.audit("user.totp_enrol", user, json!({})).await?;
                Ok(Done::Unit)
            }
            Command::UseTotpStep(user, step) => {
                let n = self
                    .tx
                    .exec(
                        "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
                        args![*step, user.as_str()],
                    )
                    .await?;
                Ok(Done::Bool(n == 1))
            }
            Command::SetPassword(user, hash) => {
                self.tx
                    .exec(
                        "UPDATE users SET password_hash = $1 WHERE id = $2",
                        args![hash.as_str(), user.as_str()],
                    )
                    .await?;
                self.audit("user.password", user, json!({})).await?;
                Ok(Done::Unit)
            }
            Command::SetLanguage(user, lang) => {
                self.tx
                    .exec(
                        "UPDATE users SET language = $1 WHERE id = $2",
                        args![lang.as_str(), user.as_str()],
                    )
                    .await?;
                Ok(Done::Unit)
            }
            Command::ResetSecondFactor(user) => {
                self.change_user(
                    user,
                    "UPDATE users SET totp_sealed = NULL, totp_last_step = 0 WHERE id = $1",
                    args![user.as_str()],
                    true,
                )
                .await?;
                self.audit("user.totp_reset", user, json!({})).await?;
                Ok(Done::Unit)
            }
            Command::SetRole(user, role) => {
                self.change_user(
                    user,
                    "UPDATE users SET role = $1 WHERE id = $2",
                    args![role.as_str(), user.as_str()],
                    true,
                )
                .await?;
                self.audit("user.role", user, json!({ "role": role.as_str() }))
                    .await?;
                Ok(Done::Unit)
            }
            Command::SetDisabled(user, disabled) => {
                self.change_user(
                    user,
                    "UPDATE users SET disabled = $1 WHERE id = $2",
                    args![i64::from(*disabled), user.as_str()],
                    *disabled,
                )
                .await?;
                if *disabled {
                    self.tx
                        .exec("UPDATE access_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL", args![now, user.as_str()])
                        .await?;
                }
                self.audit("user.disabled", user, json!({"disabled": disabled}))
                    .await?;
                Ok(Done::Unit)
            }
            Command::RevokeTokens(user) => {
                let n = self
                    .tx
                    .exec(
                        "UPDATE access_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
                        args![now, user.as_str()],
                    )
                    .await?;
                self.audit("token.revoke", user, json!({ "tokens": n }))
                    .await?;
                Ok(Done::Unit)
            }
            Command::CreateToken {
                token_hash,
                user_id,
                label,
                scope,
                expires_at,
            } => {
                let label = pelita_domain::text::clean("label", label, 100, false)?;
                let id = crate::writer::new_id();
                self.tx
                    .exec(
                        "INSERT INTO access_tokens (token_hash, id, user_id, label, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        args![token_hash.clone(), id.as_str(), user_id.as_str(), label, scope.as_str(), now, *expires_at],
                    )
                    .await?;
                self.audit(
                    "token.create",
                    user_id,
                    json!({"token": id, "expires_at": expires_at}),
                )
                .await?;
                Ok(Done::Id(id))
            }
            Command::HandedOverBy(case_id, user) => {
                let n = self
                    .tx
                    .exec(
                        "UPDATE cases SET handed_over_by = $1 WHERE id = $2",
                        args![user.as_str(), case_id.as_str()],
                    )
                    .await?;
                if n == 0 {
                    return Err(StoreError::NotFound);
                }
                self.audit("case.handed_over_by", case_id, json!({"by": user}))
                    .await?;
                Ok(Done::Unit)
            }
            Command::AlertsRead => {
                let n = self
                    .tx
                    .exec(
                        "UPDATE alerts SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                        args![now, self.actor.id.as_str()],
                    )
                    .await?;
                self.audit("alerts.read", &self.actor.id.clone(), json!({"alerts": n}))
                    .await?;
                Ok(Done::Unit)
            }
            Command::AddTeamMember(case_id, user) => {
                let active = self
                    .tx
                    .row(
                        "SELECT disabled FROM users WHERE id = $1",
                        args![user.as_str()],
                    )
                    .await?;
                if !matches!(active.map(|r| r.i64(0)).transpose()?, Some(0)) {
                    return Err(StoreError::Conflict("no such active user"));
                }
                if self
                    .tx
                    .row("SELECT 1 FROM cases WHERE id = $1", args![case_id.as_str()])
                    .await?
                    .is_none()
                {
                    return Err(StoreError::NotFound);
                }
                self.tx
                    .exec(
                        "INSERT INTO case_team (case_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        args![case_id.as_str(), user.as_str(), now],
                    )
                    .await?;
                self.audit("case.team_add", case_id, json!({"user": user}))
                    .await?;
                Ok(Done::Unit)
            }
            _ => unreachable!("apply_access handles access commands only"),
        }
    }
}

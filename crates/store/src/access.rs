//! Who may read what, and who did: case metadata for policy decisions, reads that demand a
//! [`Grant`], the access log and refused reads.

use chrono::{DateTime, Utc};
use pelita_domain::case::{CaseReference, CaseStatus, Circumstances, PriorityLevel, VictimStatus};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames};
use pelita_domain::policy::write::{self, Change, Standing};
use pelita_domain::policy::{self, Decision, Grant, Refusal, Relationship, Section};
use pelita_domain::referral::ReferralStatus;
use pelita_domain::role::Role;
use serde_json::json;

use crate::cases::OPEN_CASE;
use crate::db::{Row, Tx, args};
use crate::writer::{Write, new_id};
use crate::{Actor, CaseRecord, NoteRecord, Readable, Store, StoreError, User, from_micros};

/// The access log's writes.
pub(crate) enum AccessCommand {
    /// Sensitive reads of one reader: (case, section, break-glass justification).
    LogAccess {
        reads: Vec<(String, Section, Option<String>)>,
    },
    /// A read the policy refused, by the actor.
    LogRefusal(String, Section),
    /// At start: break-glass reasons an earlier release kept in plain text are sealed.
    SealLegacyJustifications,
}

impl AccessCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        let now = w.now;
        match self {
            AccessCommand::LogAccess { reads } => {
                for (case_id, section, justification) in reads {
                    // The reason is personal (it often names the child's situation): sealed
                    // with the child's key, so erasure reaches it.
                    // A break-glass read is logged (and so read) only with a reason the
                    // policy accepts: the domain's one rule.
                    let justification = match justification {
                        Some(j) => Some(
                            policy::break_glass_justification(j).ok_or(StoreError::Forbidden)?,
                        ),
                        None => None,
                    };
                    let sealed = match justification {
                        Some(j) => w.seal_for_case(case_id, JUSTIFICATION, j).await?,
                        None => None,
                    };
                    w.tx
                        .exec(
                            "INSERT INTO access_log (at, reader, case_id, section, justification_sealed) VALUES ($1, $2, $3, $4, $5)",
                            args![now, w.actor.id.as_str(), case_id.as_str(), section.as_str(), sealed],
                        )
                        .await?;
                    if let Some(j) = justification {
                        // Break-glass: audited, and every supervisor of the case's agency is told.
                        let supervisors = w
                            .tx
                            .rows(
                                "SELECT u.id FROM users u JOIN cases c ON c.agency_id = u.agency_id \
                                 WHERE c.id = $1 AND u.role = 'supervisor' AND u.disabled = 0",
                                args![case_id.as_str()],
                            )
                            .await?;
                        for s in supervisors {
                            w.tx
                                .exec(
                                    "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) VALUES ($1, $2, $3, 'break_glass', $4, $5)",
                                    args![new_id(), s.text(0)?, case_id.as_str(), json!({"reader": w.actor.id, "section": section.as_str()}).to_string(), now],
                                )
                                .await?;
                        }
                        let detail = json!({"section": section.as_str(), "justification_chars": j.chars().count()});
                        w.audit("access.break_glass", case_id, detail).await?;
                    }
                }
                Ok(())
            }
            AccessCommand::LogRefusal(case_id, section) => {
                w.tx.exec(
                    "INSERT INTO refusals (at, reader, case_id, section) VALUES ($1, $2, $3, $4)",
                    args![now, w.actor.id.as_str(), case_id.as_str(), section.as_str()],
                )
                .await?;
                let since = now - policy::PROBING_WINDOW_MINUTES * 60_000_000;
                let count =
                    w.tx.row(
                        "SELECT COUNT(*) FROM refusals WHERE reader = $1 AND at > $2",
                        args![w.actor.id.as_str(), since],
                    )
                    .await?
                    .map(|r| r.i64(0))
                    .transpose()?
                    .unwrap_or(0);
                if policy::is_probing(count) {
                    let detail = json!({"reader": w.actor.id, "refusals": count,
                                        "minutes": policy::PROBING_WINDOW_MINUTES});
                    let auditors =
                        w.tx.rows(
                            "SELECT id FROM users WHERE role = 'auditor' AND disabled = 0",
                            args![],
                        )
                        .await?;
                    for a in auditors {
                        w.tx
                            .exec(
                                "INSERT INTO alerts (id, user_id, case_id, kind, detail, created_at) VALUES ($1, $2, NULL, 'refusals', $3, $4)",
                                args![new_id(), a.text(0)?, detail.to_string(), now],
                            )
                            .await?;
                    }
                    w.audit("access.refusal_pattern", &w.actor.id.clone(), detail)
                        .await?;
                }
                Ok(())
            }
            AccessCommand::SealLegacyJustifications => w.seal_legacy_justifications().await,
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

pub(crate) const META_COLUMNS: &str = "c.id, c.child_id, c.agency_id, c.reference, c.status, c.priority, c.assigned_to, \
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

pub(crate) fn meta_from(r: &Row) -> Result<CaseMeta, StoreError> {
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
/// Strips what a minimal identity grant may not show: aliases, other names, transliterations
/// and the age evidence beyond the best claim.
pub(crate) fn minimal(identity: ChildIdentity) -> ChildIdentity {
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
        self.submit(&actor, AccessCommand::LogAccess { reads })
            .await?;
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
             WHERE {OPEN_CASE} \
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
                AccessCommand::LogAccess { reads },
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
            AccessCommand::LogRefusal(case_id.to_owned(), section),
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
}

/// The field name a break-glass justification is sealed under.
const JUSTIFICATION: &str = "access/justification";

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
    pub(crate) async fn seal_legacy_justifications(&mut self) -> Result<(), StoreError> {
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
        Ok(())
    }
}

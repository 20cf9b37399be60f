//! Travel and origin, repatriation, best interests and reception stays (issue #7): all in the
//! circumstances section and sealed with the child's key, except the repatriation's phase,
//! which is part of the case's status (a security liaison sees that, and nothing more).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use pelita_domain::DomainError;
use pelita_domain::policy::{Grant, Section};
use pelita_domain::repatriation::best_interests::{self, Evidence, Question};
use pelita_domain::repatriation::indicators::{self, ChildFacts, Indicators};
use pelita_domain::repatriation::origin::{NationalityStatus, Origin};
use pelita_domain::repatriation::reception::{Admission, Release, Review, Stay};
use pelita_domain::repatriation::workflow::{Placement, Progress, Standing, Step};
use pelita_domain::text::NoteText;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Readable, Store, StoreError, from_micros};

/// A change to a child's travel, origin or repatriation record.
pub enum Change {
    SaveOrigin(Origin),
    /// Opens the child's repatriation, in the group of the case given (a family member
    /// travelling with the child), or alone.
    Open {
        with: Option<String>,
    },
    Mark {
        step: Step,
        on: NaiveDate,
        note: Option<NoteText>,
    },
    Arrive(NaiveDate),
    /// The repatriation is no longer pursued (before the border), with the reason.
    End {
        on: NaiveDate,
        reason: NoteText,
    },
    /// Pursued again after an end.
    Resume,
    /// Placement with a family or in the community (reception centres: `Admit`).
    Place(Placement, NaiveDate),
    BestInterests(best_interests::Record),
    Admit(Admission),
    Review {
        stay: String,
        review: Review,
    },
    Release {
        stay: String,
        release: Release,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct OriginRecord {
    pub origin: Readable<Origin>,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RepatriationFile {
    pub progress: Progress,
    /// The other children's cases in the same travelling group.
    pub group: Vec<String>,
    pub placement: Option<Placement>,
    pub notes: Readable<BTreeMap<Step, NoteText>>,
    /// Why it is no longer pursued, when it is not.
    pub end_reason: Option<Readable<NoteText>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BestInterestsRecord {
    pub id: String,
    pub record: Readable<best_interests::Record>,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StayRecord {
    pub id: String,
    pub stay: Readable<Stay>,
    pub next_review: Option<NaiveDate>,
}

/// Everything about a child abroad and their return, for a reader of the circumstances
/// section.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AbroadRecord {
    pub origin: Option<OriginRecord>,
    pub file: Option<RepatriationFile>,
    /// Oldest first.
    pub best_interests: Vec<BestInterestsRecord>,
    /// Oldest first.
    pub stays: Vec<StayRecord>,
}

/// What a reader of the status section sees: the phase (or that the return is not pursued),
/// and not where the child is placed (a centre or a family is a fact about the child's
/// whereabouts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepatriationStatus {
    pub standing: Standing,
}

fn day(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|d| d.parse().map_err(|_| StoreError::Corrupt))
        .transpose()
}

fn open<T: DeserializeOwned>(
    key: &Result<ChildKey, i64>,
    aad: &str,
    sealed: &[u8],
) -> Result<Readable<T>, StoreError> {
    Ok(match key {
        Ok(k) => Readable::Present(
            serde_json::from_slice(&k.open(aad, sealed)?).map_err(|_| StoreError::Corrupt)?,
        ),
        Err(at) => Readable::Erased {
            at: from_micros(*at),
        },
    })
}

/// One query for every fact the workflow derives its steps from; `$1` is the case.
const PROGRESS: &str = "SELECT r.steps, r.arrived_on, r.received_on, \
     (SELECT o.identity_verified_on FROM origins o WHERE o.case_id = $1), \
     (SELECT o.nationality_on FROM origins o WHERE o.case_id = $1), \
     (SELECT min(b.dated) FROM best_interests b WHERE b.case_id = $1 AND b.kind = 'assessment'), \
     (SELECT min(f.held_on) FROM conferences f WHERE f.case_id = $1 \
        AND f.decision_kinds LIKE '%repatriation%'), \
     (SELECT p.approved_at FROM plans p WHERE p.case_id = $1), \
     r.group_id, r.placement, r.notes_sealed, r.ended_on, r.end_sealed \
     FROM repatriations r WHERE r.case_id = $1";

fn progress_of(r: &Row) -> Result<Progress, StoreError> {
    let mut done: BTreeMap<Step, NaiveDate> =
        serde_json::from_str(&r.text(0)?).map_err(|_| StoreError::Corrupt)?;
    for (step, i) in [
        (Step::Arrival, 1),
        (Step::Reception, 2),
        (Step::IdentityVerification, 3),
        (Step::NationalityVerification, 4),
        (Step::BestInterestsAssessment, 5),
        (Step::Decision, 6),
    ] {
        if let Some(d) = day(r.opt_text(i)?)? {
            done.insert(step, d);
        }
    }
    // The reintegration plan of the return: approved on or after the arrival.
    if let (Some(at), Some(arrived)) = (r.opt_i64(7)?, done.get(&Step::Arrival)) {
        let approved = from_micros(at).date_naive();
        if approved >= *arrived {
            done.insert(Step::ReintegrationPlan, approved);
        }
    }
    Ok(Progress {
        done,
        ended: day(r.opt_text(11)?)?,
    })
}

/// The writes of the repatriation file.
pub(crate) enum RepatriationCommand {
    /// Answers the id of the record a change creates, if it creates one.
    Change(String, Box<Change>, Reply<Option<String>>),
}

impl RepatriationCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            RepatriationCommand::Change(case, c, reply) => {
                reply.keep(w.change_repatriation(case, c).await?)
            }
        }
        Ok(())
    }
}

impl Store {
    /// Applies one change to the case's record abroad; the writer checks every rule.
    pub async fn change_repatriation(
        &self,
        actor: &Actor,
        case_id: &str,
        change: Change,
    ) -> Result<Option<String>, StoreError> {
        // Future dates are judged against the latest date anywhere (`dates::latest_today`).
        let today = pelita_domain::dates::latest_today(self.now());
        match &change {
            Change::SaveOrigin(o) => o.validate(today)?,
            Change::BestInterests(b) => b.validate(today)?,
            Change::Admit(a) => a.validate(today)?,
            _ => {}
        }
        self.ask(actor, |reply| {
            RepatriationCommand::Change(case_id.into(), Box::new(change), reply)
        })
        .await
    }

    /// The whole record, through a grant for the circumstances section; the read is logged.
    pub async fn read_abroad(&self, grant: &Grant) -> Result<AbroadRecord, StoreError> {
        Store::expect(grant, Section::Circumstances)?;
        self.log_access(&[grant]).await?;
        let case_id = grant.case_id();
        let key = self.case_key(case_id).await?;
        let origin = match self
            .pools
            .row(
                "SELECT origin_sealed, updated_by, updated_at FROM origins WHERE case_id = $1",
                args![case_id],
            )
            .await?
        {
            Some(r) => Some(OriginRecord {
                origin: open(&key, &format!("origin/{case_id}"), &r.bytes(0)?)?,
                updated_by: r.text(1)?,
                updated_at: from_micros(r.i64(2)?),
            }),
            None => None,
        };
        let file = match self.pools.row(PROGRESS, args![case_id]).await? {
            Some(r) => {
                let group_id = r.text(8)?;
                let group = self
                    .pools
                    .rows(
                        "SELECT case_id FROM repatriations WHERE group_id = $1 AND case_id <> $2 \
                         ORDER BY case_id",
                        args![group_id, case_id],
                    )
                    .await?
                    .iter()
                    .map(|g| g.text(0))
                    .collect::<Result<_, _>>()?;
                Some(RepatriationFile {
                    progress: progress_of(&r)?,
                    group,
                    placement: r.opt_text(9)?.and_then(|p| Placement::parse(&p)),
                    notes: open(&key, &format!("repatriation/{case_id}"), &r.bytes(10)?)?,
                    end_reason: match r.opt_bytes(12)? {
                        Some(b) => Some(open(&key, &format!("repatriation-end/{case_id}"), &b)?),
                        None => None,
                    },
                })
            }
            None => None,
        };
        let best_interests = self
            .pools
            .rows(
                "SELECT id, record_sealed, recorded_by FROM best_interests WHERE case_id = $1 \
                 ORDER BY dated, recorded_at",
                args![case_id],
            )
            .await?
            .iter()
            .map(|r| {
                let id = r.text(0)?;
                Ok(BestInterestsRecord {
                    record: open(&key, &format!("best_interests/{id}"), &r.bytes(1)?)?,
                    recorded_by: r.text(2)?,
                    id,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let stays = self
            .pools
            .rows(
                "SELECT id, stay_sealed, next_review FROM reception_stays WHERE case_id = $1 \
                 ORDER BY admitted_on",
                args![case_id],
            )
            .await?
            .iter()
            .map(|r| {
                let id = r.text(0)?;
                Ok(StayRecord {
                    stay: open(&key, &format!("stay/{id}"), &r.bytes(1)?)?,
                    next_review: day(r.opt_text(2)?)?,
                    id,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(AbroadRecord {
            origin,
            file,
            best_interests,
            stays,
        })
    }

    /// The case with this reference (how workers name a sibling's case).
    pub async fn case_by_reference(&self, reference: &str) -> Result<Option<String>, StoreError> {
        self.pools
            .row(
                "SELECT id FROM cases WHERE reference = $1",
                args![reference.trim()],
            )
            .await?
            .map(|r| r.text(0))
            .transpose()
    }

    /// The repatriation's phase and placement, through a grant for the status section.
    pub async fn repatriation_status(
        &self,
        grant: &Grant,
    ) -> Result<Option<RepatriationStatus>, StoreError> {
        Store::expect(grant, Section::Status)?;
        // Every case page asks this: the standing depends on three columns only, so the case
        // page does not pay for the derived steps' subqueries.
        let Some(r) = self
            .pools
            .row(
                "SELECT arrived_on, received_on, ended_on FROM repatriations WHERE case_id = $1",
                args![grant.case_id()],
            )
            .await?
        else {
            return Ok(None);
        };
        let mut done = BTreeMap::new();
        for (step, i) in [(Step::Arrival, 0), (Step::Reception, 1)] {
            if let Some(d) = day(r.opt_text(i)?)? {
                done.insert(step, d);
            }
        }
        let progress = Progress {
            done,
            ended: day(r.opt_text(2)?)?,
        };
        Ok(Some(RepatriationStatus {
            standing: progress.standing(),
        }))
    }

    /// The indicators of domain-rules §7.4 over an agency's cases, or over the deployment,
    /// from flags and dates only. Driven from the children abroad, not from every case, so its
    /// cost follows their number.
    pub async fn repatriation_indicators(
        &self,
        agency: Option<&str>,
    ) -> Result<Indicators, StoreError> {
        let rows = self
            .pools
            .rows(
                "SELECT o.documented, o.birth_registered, r.arrived_on, r.placed_on, \
                 (SELECT min(b.dated) FROM best_interests b WHERE b.case_id = c.id \
                    AND b.kind = 'assessment'), \
                 (SELECT min(b.dated) FROM best_interests b WHERE b.case_id = c.id \
                    AND b.kind = 'determination' AND b.question = 'separation_from_parent'), \
                 (SELECT min(f.held_on) FROM conferences f WHERE f.case_id = c.id \
                    AND f.decision_kinds LIKE '%separation_from_parent%') \
                 FROM (SELECT case_id FROM origins UNION SELECT case_id FROM repatriations) x \
                 JOIN cases c ON c.id = x.case_id \
                 LEFT JOIN origins o ON o.case_id = c.id \
                 LEFT JOIN repatriations r ON r.case_id = c.id \
                 WHERE ($1 = '' OR c.agency_id = $1)",
                args![agency.unwrap_or("")],
            )
            .await?;
        let children = rows
            .iter()
            .map(|r| {
                let separation = [day(r.opt_text(5)?)?, day(r.opt_text(6)?)?]
                    .into_iter()
                    .flatten()
                    .min();
                Ok(ChildFacts {
                    documented: r.opt_i64(0)?.unwrap_or(0) != 0,
                    birth_registered: r.opt_i64(1)?.unwrap_or(0) != 0,
                    arrived_on: day(r.opt_text(2)?)?,
                    placed_on: day(r.opt_text(3)?)?,
                    assessed_on: day(r.opt_text(4)?)?,
                    separation_decided_on: separation,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(indicators::compute(&children))
    }
}

impl Write<'_> {
    fn today(&self) -> NaiveDate {
        from_micros(self.now).date_naive()
    }

    async fn progress(&mut self, case_id: &str) -> Result<Option<(Progress, Row)>, StoreError> {
        match self.tx.row(PROGRESS, args![case_id]).await? {
            Some(r) => Ok(Some((progress_of(&r)?, r))),
            None => Ok(None),
        }
    }

    async fn file(&mut self, case_id: &str) -> Result<(Progress, Row), StoreError> {
        self.progress(case_id).await?.ok_or(
            DomainError::Required {
                field: "repatriation",
            }
            .into(),
        )
    }

    /// The evidence a conference's decisions stand on, for the conference's case.
    pub(crate) async fn decision_evidence(
        &mut self,
        case_id: &str,
    ) -> Result<Evidence, StoreError> {
        let r = self
            .tx
            .row(
                "SELECT (SELECT min(dated) FROM best_interests WHERE case_id = $1 \
                   AND kind = 'assessment'), \
                 (SELECT min(dated) FROM best_interests WHERE case_id = $1 \
                   AND kind = 'determination' AND question = 'separation_from_parent')",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::Corrupt)?;
        Ok(Evidence {
            assessed_on: day(r.opt_text(0)?)?,
            separation_determined_on: day(r.opt_text(1)?)?,
        })
    }

    pub(crate) async fn change_repatriation(
        &mut self,
        case_id: &str,
        change: &Change,
    ) -> Result<Option<String>, StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let today = self.today();
        match change {
            Change::SaveOrigin(o) => self.save_origin(case_id, &key, o).await,
            Change::Open { with } => self.open_file(case_id, &key, with.as_deref()).await,
            Change::Mark { step, on, note } => {
                let (p, r) = self.file(case_id).await?;
                p.check_mark(*step, *on, today)?;
                let mut steps: BTreeMap<Step, NaiveDate> =
                    serde_json::from_str(&r.text(0)?).map_err(|_| StoreError::Corrupt)?;
                steps.insert(*step, *on);
                let aad = format!("repatriation/{case_id}");
                let mut notes: BTreeMap<Step, NoteText> =
                    serde_json::from_slice(&key.open(&aad, &r.bytes(10)?)?)
                        .map_err(|_| StoreError::Corrupt)?;
                match note {
                    Some(n) => notes.insert(*step, n.clone()),
                    None => notes.remove(step),
                };
                self.tx
                    .exec(
                        "UPDATE repatriations SET steps = $1, notes_sealed = $2 WHERE case_id = $3",
                        args![
                            serde_json::to_string(&steps).expect("steps serialise"),
                            key.seal(&aad, &serde_json::to_vec(&notes).expect("notes serialise")),
                            case_id
                        ],
                    )
                    .await?;
                self.audit(
                    "repatriation.step",
                    case_id,
                    json!({"step": step.as_str(), "on": on}),
                )
                .await?;
                Ok(None)
            }
            Change::Arrive(on) => {
                let (p, _) = self.file(case_id).await?;
                p.check_arrival(*on, today)?;
                self.tx
                    .exec(
                        "UPDATE repatriations SET arrived_on = $1 WHERE case_id = $2",
                        args![on.to_string(), case_id],
                    )
                    .await?;
                self.audit("repatriation.arrival", case_id, json!({"on": on}))
                    .await?;
                Ok(None)
            }
            Change::End { on, reason } => {
                let (p, _) = self.file(case_id).await?;
                p.check_end(*on, today)?;
                self.tx
                    .exec(
                        "UPDATE repatriations SET ended_on = $1, end_sealed = $2 WHERE case_id = $3",
                        args![
                            on.to_string(),
                            key.seal(
                                &format!("repatriation-end/{case_id}"),
                                &serde_json::to_vec(reason).expect("notes serialise")
                            ),
                            case_id
                        ],
                    )
                    .await?;
                self.audit("repatriation.end", case_id, json!({"on": on}))
                    .await?;
                Ok(None)
            }
            Change::Resume => {
                let (p, _) = self.file(case_id).await?;
                if p.ended.is_none() {
                    return Err(DomainError::Invalid { field: "resume" }.into());
                }
                self.tx
                    .exec(
                        "UPDATE repatriations SET ended_on = NULL, end_sealed = NULL WHERE case_id = $1",
                        args![case_id],
                    )
                    .await?;
                self.audit("repatriation.resume", case_id, json!({}))
                    .await?;
                Ok(None)
            }
            Change::Place(placement, on) => {
                if *placement == Placement::ReceptionCentre {
                    return Err(DomainError::Invalid { field: "placement" }.into());
                }
                let (p, _) = self.file(case_id).await?;
                p.check_placement(*on, today)?;
                // From a centre, the child leaves through the stay's release.
                self.no_open_stay(case_id).await?;
                self.placed(case_id, *placement, *on).await?;
                Ok(None)
            }
            Change::BestInterests(b) => {
                let id = new_id();
                self.tx
                    .exec(
                        "INSERT INTO best_interests (id, case_id, kind, question, dated, \
                         record_sealed, recorded_by, recorded_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                        args![
                            id.as_str(),
                            case_id,
                            b.kind(),
                            b.question().map(|q| q.as_str().to_owned()),
                            b.dated().to_string(),
                            key.seal(
                                &format!("best_interests/{id}"),
                                &serde_json::to_vec(b).expect("records serialise")
                            ),
                            self.actor.id.as_str(),
                            self.now
                        ],
                    )
                    .await?;
                let members = match b {
                    best_interests::Record::Determination(d) => {
                        json!({"members": d.members.len(), "dissent": d.dissent.len()})
                    }
                    best_interests::Record::Assessment(a) => json!({"depth": a.depth.as_str()}),
                };
                self.audit(
                    &format!("best_interests.{}", b.kind()),
                    case_id,
                    json!({"id": id, "question": b.question().map(Question::as_str),
                           "detail": members}),
                )
                .await?;
                Ok(Some(id))
            }
            Change::Admit(a) => {
                let (p, _) = self.file(case_id).await?;
                p.check_placement(a.admitted_on, today)?;
                self.no_open_stay(case_id).await?;
                let stay = Stay {
                    admission: a.clone(),
                    reviews: Vec::new(),
                    release: None,
                };
                let id = new_id();
                self.tx
                    .exec(
                        "INSERT INTO reception_stays (id, case_id, admitted_on, next_review, \
                         stay_sealed, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        args![
                            id.as_str(),
                            case_id,
                            a.admitted_on.to_string(),
                            stay.next_review().map(|d| d.to_string()),
                            key.seal(
                                &format!("stay/{id}"),
                                &serde_json::to_vec(&stay).expect("stays serialise")
                            ),
                            self.actor.id.as_str(),
                            self.now
                        ],
                    )
                    .await?;
                self.placed(case_id, Placement::ReceptionCentre, a.admitted_on)
                    .await?;
                self.audit(
                    "reception.admit",
                    case_id,
                    json!({"stay": id, "block": a.block.as_str(),
                           "review_every_days": a.review_every_days}),
                )
                .await?;
                Ok(Some(id))
            }
            Change::Review { stay, review } => {
                let mut s = self.stay(case_id, &key, stay).await?;
                s.check_review(review, today)?;
                s.reviews.push(review.clone());
                self.save_stay(stay, &key, &s).await?;
                self.audit(
                    "reception.review",
                    case_id,
                    json!({"stay": stay, "on": review.on}),
                )
                .await?;
                Ok(None)
            }
            Change::Release { stay, release } => {
                let mut s = self.stay(case_id, &key, stay).await?;
                s.check_release(release, today)?;
                s.release = Some(release.clone());
                self.save_stay(stay, &key, &s).await?;
                self.placed(case_id, release.to, release.on).await?;
                self.audit(
                    "reception.release",
                    case_id,
                    json!({"stay": stay, "to": release.to.as_str(),
                           "days": s.days(release.on)}),
                )
                .await?;
                Ok(None)
            }
        }
    }

    async fn save_origin(
        &mut self,
        case_id: &str,
        key: &ChildKey,
        o: &Origin,
    ) -> Result<Option<String>, StoreError> {
        let sealed = key.seal(
            &format!("origin/{case_id}"),
            &serde_json::to_vec(o).expect("origins serialise"),
        );
        let registered = i64::from(
            o.birth_registration
                == pelita_domain::repatriation::origin::BirthRegistration::Registered,
        );
        let confirmed =
            (o.nationality == NationalityStatus::Confirmed).then(|| self.today().to_string());
        let verified = o.identity_verified().map(|d| d.to_string());
        let args_common = args![
            sealed,
            i64::from(o.identity_documented()),
            registered,
            o.nationality.as_str(),
            verified,
            confirmed,
            self.actor.id.as_str(),
            self.now,
            case_id
        ];
        // The day nationality was first confirmed stays the step's date across later saves.
        let updated = self
            .tx
            .exec(
                "UPDATE origins SET origin_sealed = $1, documented = $2, birth_registered = $3, \
                 nationality = $4, identity_verified_on = $5, \
                 nationality_on = CASE WHEN $6 IS NULL THEN NULL ELSE coalesce(nationality_on, $6) END, \
                 updated_by = $7, updated_at = $8 WHERE case_id = $9",
                args_common.clone(),
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO origins (origin_sealed, documented, birth_registered, nationality, \
                     identity_verified_on, nationality_on, updated_by, updated_at, case_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    args_common,
                )
                .await?;
        }
        self.audit(
            "origin.save",
            case_id,
            // Counts only: nationality and documents are facts about the child.
            json!({"stays": o.stays.len(), "documents": o.documents.len(),
                   "verifications": o.verifications.len()}),
        )
        .await?;
        Ok(None)
    }

    async fn open_file(
        &mut self,
        case_id: &str,
        key: &ChildKey,
        with: Option<&str>,
    ) -> Result<Option<String>, StoreError> {
        if self.progress(case_id).await?.is_some() {
            return Err(StoreError::Conflict("this child's repatriation is open"));
        }
        let group = match with {
            Some(other) => self
                .tx
                .row(
                    "SELECT group_id FROM repatriations WHERE case_id = $1",
                    args![other],
                )
                .await?
                .ok_or(DomainError::Invalid { field: "with" })?
                .text(0)?,
            None => new_id(),
        };
        let empty: BTreeMap<Step, NoteText> = BTreeMap::new();
        self.tx
            .exec(
                "INSERT INTO repatriations (case_id, group_id, steps, notes_sealed, opened_by, \
                 opened_at) VALUES ($1, $2, '{}', $3, $4, $5)",
                args![
                    case_id,
                    group.as_str(),
                    key.seal(
                        &format!("repatriation/{case_id}"),
                        &serde_json::to_vec(&empty).expect("notes serialise")
                    ),
                    self.actor.id.as_str(),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "repatriation.open",
            case_id,
            json!({"group": group, "with": with}),
        )
        .await?;
        Ok(None)
    }

    /// The child is placed: the first placement is the reception step; the first family or
    /// community placement ends the indicator's clock.
    async fn placed(
        &mut self,
        case_id: &str,
        p: Placement,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        let family = p.in_family_or_community().then(|| on.to_string());
        self.tx
            .exec(
                "UPDATE repatriations SET placement = $1, received_on = coalesce(received_on, $2), \
                 placed_on = coalesce(placed_on, $3) WHERE case_id = $4",
                args![p.as_str(), on.to_string(), family, case_id],
            )
            .await?;
        if p.in_family_or_community() {
            self.audit(
                "repatriation.placement",
                case_id,
                json!({"placement": p.as_str(), "on": on}),
            )
            .await?;
        }
        Ok(())
    }

    async fn no_open_stay(&mut self, case_id: &str) -> Result<(), StoreError> {
        let open = self
            .tx
            .row(
                "SELECT 1 FROM reception_stays WHERE case_id = $1 AND released_on IS NULL",
                args![case_id],
            )
            .await?;
        match open {
            Some(_) => Err(DomainError::Invalid { field: "open_stay" }.into()),
            None => Ok(()),
        }
    }

    async fn stay(&mut self, case_id: &str, key: &ChildKey, id: &str) -> Result<Stay, StoreError> {
        let r = self
            .tx
            .row(
                "SELECT stay_sealed FROM reception_stays WHERE id = $1 AND case_id = $2",
                args![id, case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        serde_json::from_slice(&key.open(&format!("stay/{id}"), &r.bytes(0)?)?)
            .map_err(|_| StoreError::Corrupt)
    }

    async fn save_stay(&mut self, id: &str, key: &ChildKey, s: &Stay) -> Result<(), StoreError> {
        self.tx
            .exec(
                "UPDATE reception_stays SET stay_sealed = $1, next_review = $2, released_on = $3, \
                 released_to = $4, updated_by = $5, updated_at = $6 WHERE id = $7",
                args![
                    key.seal(
                        &format!("stay/{id}"),
                        &serde_json::to_vec(s).expect("stays serialise")
                    ),
                    s.next_review().map(|d| d.to_string()),
                    s.release.as_ref().map(|r| r.on.to_string()),
                    s.release.as_ref().map(|r| r.to.as_str().to_owned()),
                    self.actor.id.as_str(),
                    self.now,
                    id
                ],
            )
            .await?;
        Ok(())
    }
}

//! A Maldivian family in a camp in Syria, for trying the repatriation workflow: three
//! siblings, one group, each child at a different point before the border. The eldest has a
//! best-interests assessment and her conference decision, so her arrival can be recorded; her
//! brother has his assessment but no decision yet; the youngest, born in the camp, has neither.
//! A child of an earlier return (2024) went from the reception centre to her grandmother, so
//! the indicators start from something.

use chrono::{Duration, NaiveDate};
use pelita_domain::age::{Age, BirthDate, EvidenceKind};
use pelita_domain::case::{Association, Circumstances, GroupKind, Priority, PriorityLevel};
use pelita_domain::conference::{Conference, Decision, DecisionKind, Participant, ParticipantRole};
use pelita_domain::family::{Household, Kinship, Living, Member};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames, Sex};
use pelita_domain::plan::Views;
use pelita_domain::repatriation::best_interests::{Assessment, AssessmentDepth, Record};
use pelita_domain::repatriation::origin::{
    BirthAbroad, BirthRegistration, Country, Document, DocumentKind, NationalityStatus, Origin,
    Parent, ParentLink, PartialDate, Stay, StayKind, Verification, VerificationMethod,
    VerificationResult,
};
use pelita_domain::repatriation::reception::{Admission, Block, Release};
use pelita_domain::repatriation::workflow::Placement;
use pelita_domain::task::ResponseTimes;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{Actor, Registration, RepatriationChange as Change, Store};

fn n(s: &str) -> anyhow::Result<NameText> {
    Ok(NameText::parse(s)?)
}
fn note(s: &str) -> anyhow::Result<NoteText> {
    Ok(NoteText::parse(s)?)
}
fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A name in Thaana with its Latin form.
fn thaana(text: &str, latin: &str) -> anyhow::Result<NamePart> {
    Ok(NamePart {
        text: n(text)?,
        latin: Some(n(latin)?),
    })
}

struct Child {
    given: (&'static str, &'static str),
    sex: Sex,
    birth: BirthDate,
    origin: Origin,
}

async fn register(store: &Store, lead: &Actor, agency: &str, c: &Child) -> anyhow::Result<String> {
    let identity = ChildIdentity {
        names: PersonNames {
            given: thaana(c.given.0, c.given.1)?,
            family: Some(thaana("ޙަސަން", "Hassan")?),
            other: vec![],
            aliases: vec![],
        },
        sex: c.sex,
        age: Age::with(
            c.birth,
            EvidenceKind::Declaration,
            lead.id(),
            store.now().date_naive(),
        ),
    };
    let registration = Registration {
        agency_id: agency.to_owned(),
        identity,
        priority: Priority::new(
            PriorityLevel::High,
            "In a camp abroad; repatriation being prepared",
        )?,
        assigned_to: Some(lead.id().to_owned()),
        circumstances: Some(Circumstances {
            association: if c.origin.born_abroad.is_some() {
                Association::BornAbroad
            } else {
                Association::TravelledWithFamily
            },
            group: GroupKind::DesignatedTerrorist,
            channels: vec![],
            narrative: None,
        }),
    };
    let case = store.register_child(lead, registration).await?.case_id;
    store
        .change_repatriation(lead, &case, Change::SaveOrigin(c.origin.clone()))
        .await?;
    store
        .save_household(
            lead,
            &case,
            Household {
                living: Some(Living::Unknown),
                members: vec![
                    Member {
                        name: n("Mariyam")?,
                        kinship: Kinship::Mother,
                        caregiver: true,
                        lives_with_child: true,
                        no_contact: false,
                        note: Some(note("With the children in the camp.")?),
                    },
                    Member {
                        name: n("Aishath")?,
                        kinship: Kinship::Grandparent,
                        caregiver: false,
                        lives_with_child: false,
                        no_contact: false,
                        note: Some(note("In Malé; offers to care for the children.")?),
                    },
                ],
            },
        )
        .await?;
    Ok(case)
}

fn parents() -> anyhow::Result<Vec<ParentLink>> {
    Ok(vec![
        ParentLink {
            parent: Parent::Mother,
            link: note("Travelled to Syria in 2015 with her husband; wishes to return.")?,
            source: note("Ministry of Foreign Affairs repatriation file")?,
        },
        ParentLink {
            parent: Parent::Father,
            link: note("Joined a listed group in 2015; reported killed in 2019.")?,
            source: note("The mother's account; not verified")?,
        },
    ])
}

fn camp(from: PartialDate) -> anyhow::Result<Stay> {
    Ok(Stay {
        country: Country::Syria,
        kind: StayKind::Camp,
        from,
        to: None,
        place: Some(n("al-Hol camp")?),
    })
}

fn assessment(on: NaiveDate, views: &str, recommendation: &str) -> anyhow::Result<Record> {
    Ok(Record::Assessment(Assessment {
        depth: AssessmentDepth::Comprehensive,
        done_on: on,
        child_views: Views::Recorded(note(views)?),
        findings: note(
            "Close to her siblings and mother; untreated dental pain; has not been to school in \
             the camp. Speaks Dhivehi at home.",
        )?,
        recommendation: note(recommendation)?,
    }))
}

async fn decide(store: &Store, lead: &Actor, case: &str, on: NaiveDate) -> anyhow::Result<()> {
    let who = |name: &str, role| -> anyhow::Result<Participant> {
        Ok(Participant {
            name: n(name)?,
            organisation: Some(n("MGFMV")?),
            role,
        })
    };
    let c = Conference {
        held_on: on,
        participants: vec![
            who(
                "Shifa (child-protection lead)",
                ParticipantRole::ChildProtectionLead,
            )?,
            who("Ahmed (case worker)", ParticipantRole::CaseWorker)?,
            who("Dr Niuma", ParticipantRole::Psychologist)?,
        ],
        minutes: note("The best-interests assessment and the grandmother's offer were reviewed.")?,
        child_views: Views::Recorded(note("She wants to go home with her mother and brother.")?),
        decisions: vec![Decision {
            kind: DecisionKind::Repatriation,
            text: note("Repatriate with her mother and siblings on the next flight.")?,
            best_interests: note(
                "Ends her detention in a camp, keeps the family together, restores schooling \
                 and health care.",
            )?,
            dissent: vec![],
        }],
        tasks: vec![],
    };
    store
        .record_conference(lead, case, c, &ResponseTimes::default())
        .await?;
    Ok(())
}

/// The family and the earlier return, at the Maldives agency of `lead`.
pub async fn families(store: &Store, agency: &str, lead_id: &str) -> anyhow::Result<()> {
    let lead = store.act_as(lead_id).await?;
    let today = store.now().date_naive();
    let passport = Document {
        kind: DocumentKind::Passport,
        held: true,
        issued_by: Some(Country::Maldives),
    };
    let eldest = Child {
        given: ("އާމިނަތު", "Aminath"),
        sex: Sex::Female,
        birth: BirthDate::Exact {
            date: day(2013, 4, 2),
        },
        origin: Origin {
            stays: vec![
                Stay {
                    country: Country::Turkiye,
                    kind: StayKind::Transit,
                    from: PartialDate::Month {
                        year: 2015,
                        month: 6,
                    },
                    to: Some(PartialDate::Month {
                        year: 2015,
                        month: 7,
                    }),
                    place: None,
                },
                Stay {
                    country: Country::Syria,
                    kind: StayKind::Lived,
                    from: PartialDate::Year { year: 2015 },
                    to: Some(PartialDate::Month {
                        year: 2019,
                        month: 3,
                    }),
                    place: Some(n("Raqqa")?),
                },
                camp(PartialDate::Month {
                    year: 2019,
                    month: 3,
                })?,
            ],
            parent_links: parents()?,
            documents: vec![passport.clone()],
            nationality: NationalityStatus::Confirmed,
            nationality_country: Some(Country::Maldives),
            birth_registration: BirthRegistration::Registered,
            verifications: vec![Verification {
                method: VerificationMethod::Document,
                result: VerificationResult::Confirmed,
                verified_by: n("Department of Immigration and Emigration")?,
                verified_on: today - Duration::days(40),
            }],
            ..Origin::default()
        },
    };
    let born_abroad = |place: &str| -> anyhow::Result<BirthAbroad> {
        Ok(BirthAbroad {
            country: Country::Syria,
            place: Some(n(place)?),
            documents: Some(note("A camp clinic's birth note; no civil registration.")?),
        })
    };
    let brother = Child {
        given: ("އިބްރާހީމް", "Ibrahim"),
        sex: Sex::Male,
        birth: BirthDate::Year { year: 2017 },
        origin: Origin {
            stays: vec![camp(PartialDate::Month {
                year: 2019,
                month: 3,
            })?],
            born_abroad: Some(born_abroad("Raqqa")?),
            parent_links: parents()?,
            documents: vec![Document {
                kind: DocumentKind::BirthCertificate,
                held: false,
                issued_by: None,
            }],
            nationality: NationalityStatus::Claimed,
            nationality_country: Some(Country::Maldives),
            birth_registration: BirthRegistration::NotRegistered,
            verifications: vec![Verification {
                method: VerificationMethod::Dna,
                result: VerificationResult::Pending,
                verified_by: n("Maldives Police Service forensic laboratory")?,
                verified_on: today - Duration::days(20),
            }],
            ..Origin::default()
        },
    };
    let youngest = Child {
        given: ("ހައްވާ", "Hawwa"),
        sex: Sex::Female,
        birth: BirthDate::Estimated {
            age: 5,
            margin: 1,
            on: today - Duration::days(30),
        },
        origin: Origin {
            stays: vec![camp(PartialDate::Year { year: 2020 })?],
            born_abroad: Some(born_abroad("al-Hol camp")?),
            parent_links: parents()?,
            nationality: NationalityStatus::AtRiskOfStatelessness,
            birth_registration: BirthRegistration::NotRegistered,
            ..Origin::default()
        },
    };
    let mut group: Option<String> = None;
    let mut cases = Vec::new();
    for c in [&eldest, &brother, &youngest] {
        let case = register(store, &lead, agency, c).await?;
        store
            .change_repatriation(
                &lead,
                &case,
                Change::Open {
                    with: group.clone(),
                },
            )
            .await?;
        group.get_or_insert(case.clone());
        cases.push(case);
    }
    let assessed = today - Duration::days(10);
    store
        .change_repatriation(
            &lead,
            &cases[0],
            Change::BestInterests(assessment(
                assessed,
                "She wants to go home and to school.",
                "Repatriation with her mother and siblings; reception at the NRC, then the \
                 grandmother's home.",
            )?),
        )
        .await?;
    store
        .change_repatriation(
            &lead,
            &cases[1],
            Change::BestInterests(assessment(
                assessed,
                "He wants to stay with his mother and sisters.",
                "Repatriation with his family once his identity is verified.",
            )?),
        )
        .await?;
    decide(store, &lead, &cases[0], today - Duration::days(3)).await?;

    // An earlier return: arrived in January 2024, six months at the NRC, then her grandmother.
    let earlier = Child {
        given: ("ޒައިނަބު", "Zainab"),
        sex: Sex::Female,
        birth: BirthDate::Year { year: 2012 },
        origin: Origin {
            stays: vec![camp(PartialDate::Year { year: 2019 })?],
            documents: vec![passport],
            nationality: NationalityStatus::Confirmed,
            nationality_country: Some(Country::Maldives),
            birth_registration: BirthRegistration::Registered,
            ..Origin::default()
        },
    };
    let case = register(store, &lead, agency, &earlier).await?;
    store
        .change_repatriation(&lead, &case, Change::Open { with: None })
        .await?;
    store
        .change_repatriation(
            &lead,
            &case,
            Change::BestInterests(assessment(
                day(2023, 12, 10),
                "She wants to live with her grandmother.",
                "Repatriation; a short stay at the NRC, then her grandmother.",
            )?),
        )
        .await?;
    decide(store, &lead, &case, day(2023, 12, 20)).await?;
    store
        .change_repatriation(&lead, &case, Change::Arrive(day(2024, 1, 18)))
        .await?;
    let stay = store
        .change_repatriation(
            &lead,
            &case,
            Change::Admit(Admission {
                centre: n("National Reintegration Centre, K. Himmafushi")?,
                block: Block::Families,
                admitted_on: day(2024, 1, 18),
                review_every_days: 30,
                planned_release: day(2024, 7, 18),
            }),
        )
        .await?
        .unwrap_or_default();
    store
        .change_repatriation(
            &lead,
            &case,
            Change::Release {
                stay,
                release: Release {
                    on: day(2024, 7, 18),
                    to: Placement::Family,
                    note: Some(note("To her grandmother in Malé; school from August.")?),
                },
            },
        )
        .await?;
    Ok(())
}

/// A generated child's travel and origin, varied by position: where they were, what documents
/// them, how sure their nationality is. Nothing names anyone.
pub fn generated_origin(i: usize, born_abroad: bool, today: NaiveDate) -> Origin {
    const NATIONALITY: [NationalityStatus; 5] = [
        NationalityStatus::Confirmed,
        NationalityStatus::Confirmed,
        NationalityStatus::Claimed,
        NationalityStatus::Disputed,
        NationalityStatus::AtRiskOfStatelessness,
    ];
    let nationality = NATIONALITY[i % NATIONALITY.len()];
    let abroad = [
        Country::Syria,
        Country::Iraq,
        Country::Turkiye,
        Country::Philippines,
    ][i % 4];
    let since = 2014 + (i % 6) as i32;
    Origin {
        stays: vec![Stay {
            country: abroad,
            kind: if i.is_multiple_of(3) {
                StayKind::Camp
            } else {
                StayKind::Lived
            },
            from: PartialDate::Year { year: since },
            to: i
                .is_multiple_of(2)
                .then_some(PartialDate::Year { year: since + 3 }),
            place: None,
        }],
        born_abroad: born_abroad.then_some(BirthAbroad {
            country: abroad,
            place: None,
            documents: None,
        }),
        documents: vec![Document {
            kind: DocumentKind::BirthCertificate,
            held: !i.is_multiple_of(3),
            issued_by: None,
        }],
        nationality,
        nationality_country: matches!(
            nationality,
            NationalityStatus::Confirmed | NationalityStatus::Claimed
        )
        .then_some(Country::Indonesia),
        birth_registration: if i.is_multiple_of(4) {
            BirthRegistration::NotRegistered
        } else {
            BirthRegistration::Registered
        },
        verifications: if i.is_multiple_of(5) {
            vec![Verification {
                method: VerificationMethod::Document,
                result: VerificationResult::Confirmed,
                verified_by: NameText::parse("Civil registry").expect("a valid name"),
                verified_on: today - Duration::days(30),
            }]
        } else {
            Vec::new()
        },
        ..Origin::default()
    }
}

//! Demo and generated data: realistic children across the five countries, written through the
//! same path as the application (group commit, encryption, audit).

mod abroad;
pub mod names;

use chrono::{Datelike, Duration, NaiveDate};
use futures_util::StreamExt;
use pelita_domain::age::{Age, AgeEvidence, BirthDate, EvidenceKind};
use pelita_domain::agency::Sector;
use pelita_domain::case::{
    Association, CaseStatus, Channel, Circumstances, GroupKind, Priority, PriorityLevel,
};
use pelita_domain::consent::{Decision as ConsentDecision, Entry, Giver, Purpose};
use pelita_domain::identity::{ChildIdentity, NamePart, PersonNames, Sex};
use pelita_domain::policy::Section;
use pelita_domain::role::Role;
use pelita_domain::text::{NameText, NoteText};
use pelita_store::{
    Actor, NewAgency, NewReferral, NewUser, Registration, RepatriationChange, Store,
};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

pub use abroad::families as families_abroad;
use names::{Name, POOLS, Pattern, Pool};

/// Demo agencies: (code, name, sector, jurisdiction). Fictional offices.
pub const AGENCIES: &[(&str, &str, Sector, &str)] = &[
    (
        "DSSBD",
        "Demo Social Services Office, Dhaka",
        Sector::ChildProtection,
        "BD",
    ),
    (
        "DSJKT",
        "Demo Social Welfare Office, Jakarta",
        Sector::ChildProtection,
        "ID",
    ),
    (
        "JKMKL",
        "Demo Welfare Department, Kuala Lumpur",
        Sector::ChildProtection,
        "MY",
    ),
    (
        "MGFMV",
        "Demo Family and Children Service, Malé",
        Sector::ChildProtection,
        "MV",
    ),
    (
        "SWDPH",
        "Demo Social Welfare Office, Cotabato",
        Sector::ChildProtection,
        "PH",
    ),
    (
        "PKMJKT",
        "Demo Community Health Centre, Jakarta",
        Sector::Health,
        "ID",
    ),
    (
        "SMPJKT",
        "Demo Junior Secondary School, Jakarta",
        Sector::Education,
        "ID",
    ),
    (
        "BAPAS",
        "Demo Probation Office, Jakarta",
        Sector::Justice,
        "ID",
    ),
    (
        "DJJMV",
        "Demo Juvenile Justice Unit, Malé",
        Sector::Justice,
        "MV",
    ),
    (
        "LIAISON",
        "Demo Security Liaison Desk",
        Sector::Security,
        "ID",
    ),
];

/// Country weights for generated children, by the size of each country's caseload.
const COUNTRIES: &[(&str, u32)] = &[("ID", 35), ("PH", 25), ("BD", 20), ("MY", 10), ("MV", 10)];

const REASONS: &[(PriorityLevel, &str)] = &[
    (PriorityLevel::High, "No safe caregiver available this week"),
    (PriorityLevel::High, "Needs urgent medical follow-up"),
    (
        PriorityLevel::High,
        "Recently handed over by security services",
    ),
    (PriorityLevel::Medium, "Out of school for over a year"),
    (PriorityLevel::Medium, "Family tracing in progress"),
    (PriorityLevel::Medium, "Identity documents missing"),
    (PriorityLevel::Low, "Stable with family; routine follow-up"),
    (
        PriorityLevel::Low,
        "Attending school and peer support group",
    ),
];

const STATUSES: &[(CaseStatus, u32)] = &[
    (CaseStatus::Registered, 25),
    (CaseStatus::Assessed, 20),
    (CaseStatus::Planned, 15),
    (CaseStatus::InProgress, 30),
    (CaseStatus::Closed, 10),
];

const NOTES: &[(Section, &str)] = &[
    (
        Section::Family,
        "Home visit: the child lives with the grandmother, who asks for help with school fees.",
    ),
    (
        Section::Participation,
        "The child said they would like to train as a mechanic.",
    ),
    (
        Section::Education,
        "Met the class teacher; attendance has improved since the last visit.",
    ),
    (
        Section::Family,
        "The mother reports that neighbours avoid the family; community session planned.",
    ),
    (
        Section::Psychosocial,
        "The child was recruited and exploited through an online group; referred for psychosocial support.",
    ),
    (
        Section::Health,
        "Health check done; vaccinations to be completed next month.",
    ),
];

/// Agencies and one case worker per child-protection agency; returns (agency id, country,
/// worker user id) for each child-protection agency.
pub async fn setup(
    store: &Store,
    password_hash: &str,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let actor = Actor::operator("demo");
    let mut out = Vec::new();
    for (code, name, sector, jurisdiction) in AGENCIES {
        let id = store
            .create_agency(
                &actor,
                NewAgency {
                    code: (*code).into(),
                    name: (*name).into(),
                    sector: *sector,
                    jurisdiction: (*jurisdiction).into(),
                },
            )
            .await?;
        if *sector == Sector::ChildProtection {
            let user = store
                .create_user(
                    &actor,
                    NewUser {
                        username: format!("worker.{}", code.to_lowercase()),
                        display_name: format!("Case worker, {name}"),
                        role: Role::CaseWorker,
                        agency_id: Some(id.clone()),
                        password_hash: password_hash.to_owned(),
                    },
                )
                .await?;
            out.push((id, (*jurisdiction).to_owned(), user));
        }
    }
    Ok(out)
}

fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut pick = rng.gen_range(0..total);
    for (item, w) in items {
        if pick < *w {
            return item;
        }
        pick -= w;
    }
    &items[items.len() - 1].0
}

fn part(n: &Name) -> NamePart {
    let text = NameText::parse(n.native).expect("pool names are valid");
    if n.native == n.latin {
        NamePart::new(text)
    } else {
        NamePart::with_latin(
            text,
            NameText::parse(n.latin).expect("pool names are valid"),
        )
    }
}

/// Several name parts written as one, in both scripts.
fn joined_all(parts: &[&Name]) -> NamePart {
    let join = |f: fn(&Name) -> &str| parts.iter().map(|p| f(p)).collect::<Vec<_>>().join(" ");
    let text = NameText::parse(&join(|n| n.native)).expect("valid");
    if parts.iter().all(|p| p.native == p.latin) {
        NamePart::new(text)
    } else {
        NamePart::with_latin(text, NameText::parse(&join(|n| n.latin)).expect("valid"))
    }
}

fn joined(a: &Name, b: &Name) -> NamePart {
    let text = NameText::parse(&format!("{} {}", a.native, b.native)).expect("valid");
    if a.native == a.latin {
        NamePart::new(text)
    } else {
        NamePart::with_latin(
            text,
            NameText::parse(&format!("{} {}", a.latin, b.latin)).expect("valid"),
        )
    }
}

/// A name in the country's pattern.
pub fn person_names(rng: &mut StdRng, pool: &Pool, sex: Sex) -> PersonNames {
    let given_pool = if sex == Sex::Female {
        pool.given_female
    } else {
        pool.given_male
    };
    let given = given_pool.choose(rng).expect("non-empty pool");
    let second = given_pool.choose(rng).expect("non-empty pool");
    let family = pool.family.choose(rng).expect("non-empty pool");
    let mut names = PersonNames {
        given: part(given),
        family: None,
        other: Vec::new(),
        aliases: Vec::new(),
    };
    match pool.pattern {
        // Two given names are the rule in Bangladesh, common elsewhere; they also keep
        // generated populations from repeating the same full name thousands of times.
        Pattern::GivenFamily => {
            if rng.gen_bool(0.8) && second.latin != given.latin {
                names.given = joined(given, second);
            }
            names.family = Some(part(family));
        }
        Pattern::Indonesian => match rng.gen_range(0..10) {
            0..3 => {}
            3..6 => names.given = joined(given, family),
            _ => {
                let third = pool.family.choose(rng).expect("non-empty pool");
                names.given = joined_all(&[given, second, third]);
            }
        },
        Pattern::Patronymic => {
            let marker = if sex == Sex::Female { "binti" } else { "bin" };
            let first = if rng.gen_bool(0.6) && second.latin != given.latin {
                format!("{} {}", given.latin, second.latin)
            } else {
                given.latin.to_owned()
            };
            let text = format!("{first} {marker} {}", family.latin);
            names.given = NamePart::new(NameText::parse(&text).expect("valid"));
        }
        Pattern::Maldivian if rng.gen_bool(0.5) && second.latin != given.latin => {
            names.given = joined(given, second);
            names.family = Some(part(family));
        }
        Pattern::Maldivian | Pattern::Filipino => {
            if pool.pattern == Pattern::Filipino {
                let middle = pool.family.choose(rng).expect("non-empty pool");
                names.other.push(part(middle));
            }
            names.family = Some(part(family));
        }
    }
    if rng.gen_bool(0.05) {
        names
            .aliases
            .push(part(given_pool.choose(rng).expect("non-empty pool")));
    }
    names
}

fn birth(rng: &mut StdRng, today: NaiveDate) -> BirthDate {
    // Mostly 8–17 today; a few now 18–20, who were children when their case began.
    let age_days = if rng.gen_bool(0.9) {
        rng.gen_range(8 * 365..18 * 365)
    } else {
        rng.gen_range(18 * 365..21 * 365)
    };
    let date = today - Duration::days(age_days);
    match rng.gen_range(0..100) {
        0..35 => BirthDate::Exact { date },
        35..50 => BirthDate::Month {
            year: date.year(),
            month: date.month(),
        },
        50..70 => BirthDate::Year { year: date.year() },
        70..90 => BirthDate::Estimated {
            age: (age_days / 365) as u32,
            margin: rng.gen_range(1..=2),
            on: today - Duration::days(rng.gen_range(0..400)),
        },
        _ => BirthDate::Unknown,
    }
}

/// One generated registration, deterministic for the rng state.
pub fn child(
    rng: &mut StdRng,
    agencies: &[(String, String, String)],
    today: NaiveDate,
) -> (Registration, CaseStatus, Option<(Section, NoteText)>) {
    let country = weighted(rng, COUNTRIES);
    let pool = POOLS
        .iter()
        .find(|p| p.country == *country)
        .expect("pool per country");
    let (agency, _, first) = agencies
        .iter()
        .find(|a| a.1 == *country)
        .unwrap_or(&agencies[0]);
    // Large deployments have many workers per agency (see `add_workers`); the demo has one.
    let workers: Vec<&String> = agencies
        .iter()
        .filter(|a| &a.0 == agency)
        .map(|a| &a.2)
        .collect();
    let worker = if workers.len() > 1 {
        workers.choose(rng).expect("non-empty")
    } else {
        first
    };
    let sex = match rng.gen_range(0..100) {
        0..49 => Sex::Female,
        49..98 => Sex::Male,
        _ => Sex::NotRecorded,
    };
    let names = person_names(rng, pool, sex);
    let b = birth(rng, today);
    let kind = match b {
        BirthDate::Exact { .. } => EvidenceKind::Document,
        BirthDate::Estimated { .. } => EvidenceKind::Assessment,
        _ => EvidenceKind::Declaration,
    };
    let mut age = Age::with(b, kind, worker, today);
    if rng.gen_bool(0.03) {
        // A disputed age: a declaration much younger than the document says.
        if let BirthDate::Exact { date } = b {
            age.evidence.push(AgeEvidence {
                kind: EvidenceKind::Declaration,
                birth: BirthDate::Year {
                    year: date.year() + 3,
                },
                recorded_by: worker.clone(),
                recorded_on: today,
                source: "the child".into(),
            });
        }
    }
    let (level, reason) = REASONS.choose(rng).expect("reasons");
    let circumstances = rng.gen_bool(0.85).then(|| Circumstances {
        association: *[
            Association::Recruited,
            Association::Recruited,
            Association::ThroughFamily,
            Association::TravelledWithFamily,
            Association::BornAbroad,
        ]
        .choose(rng)
        .expect("non-empty"),
        group: *[
            GroupKind::DesignatedTerrorist,
            GroupKind::ArmedGroup,
            GroupKind::Unknown,
        ]
        .choose(rng)
        .expect("non-empty"),
        channels: vec![
            *[
                Channel::OnlineSocialMedia,
                Channel::OnlineMessaging,
                Channel::Family,
                Channel::Peers,
                Channel::Community,
            ]
            .choose(rng)
            .expect("non-empty"),
        ],
        narrative: None,
    });
    let status = *weighted(rng, STATUSES);
    let note = rng.gen_bool(0.3).then(|| {
        let (section, text) = NOTES.choose(rng).expect("notes");
        (*section, NoteText::parse(text).expect("valid"))
    });
    let registration = Registration {
        agency_id: agency.clone(),
        identity: ChildIdentity { names, sex, age },
        priority: Priority::new(*level, reason).expect("valid"),
        assigned_to: Some(worker.clone()),
        circumstances,
    };
    (registration, status, note)
}

/// Case workers a caseload apart: adds workers to each agency until a worker holds about
/// `caseload` of `n` children, as a national deployment staffs its agencies. Returns the
/// agencies with every worker (one entry per worker).
pub async fn add_workers(
    store: &Store,
    agencies: &[(String, String, String)],
    n: u64,
    caseload: u64,
    password_hash: &str,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let total: u32 = COUNTRIES.iter().map(|c| c.1).sum();
    let codes: Vec<(String, String)> = store
        .agencies()
        .await?
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let mut out = agencies.to_vec();
    let mut pending = Vec::new();
    for (id, country, _) in agencies {
        let weight = COUNTRIES.iter().find(|c| c.0 == country).map_or(0, |c| c.1);
        let expected = n * u64::from(weight) / u64::from(total);
        let code = codes
            .iter()
            .find(|c| &c.0 == id)
            .map(|c| c.1.to_lowercase())
            .unwrap_or_default();
        for k in 2..=expected.div_ceil(caseload.max(1)) {
            let username = format!("worker.{code}.{k}");
            if let Some((u, _)) = store.user_by_username(&username).await? {
                out.push((id.clone(), country.clone(), u.id));
                continue;
            }
            pending.push((id.clone(), country.clone(), username));
        }
    }
    let actor = Actor::operator("generate");
    let created: Vec<_> =
        futures_util::stream::iter(pending.into_iter().map(|(id, country, username)| {
            let (store, actor) = (store.clone(), actor.clone());
            let password_hash = password_hash.to_owned();
            async move {
                let user = store
                    .create_user(
                        &actor,
                        NewUser {
                            display_name: format!("Case worker {username}"),
                            username,
                            role: Role::CaseWorker,
                            agency_id: Some(id.clone()),
                            password_hash,
                        },
                    )
                    .await?;
                anyhow::Ok((id, country, user))
            }
        }))
        .buffered(64)
        .collect()
        .await;
    for c in created {
        out.push(c?);
    }
    Ok(out)
}

/// The children `populate` writes for a seed, generated lazily (a million registrations do not
/// need to be in memory at once).
pub fn plans(
    agencies: &[(String, String, String)],
    n: u64,
    seed: u64,
    today: NaiveDate,
) -> impl Iterator<Item = (Registration, CaseStatus, Option<(Section, NoteText)>)> + '_ {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n).map(move |_| child(&mut rng, agencies, today))
}

/// Writes `n` children, keeping up to 64 writes in flight so the writer batches them; returns
/// the children's ids in the order `plans` generates them.
pub async fn populate(
    store: &Store,
    agencies: &[(String, String, String)],
    n: u64,
    seed: u64,
    progress: impl Fn(u64),
) -> anyhow::Result<Vec<String>> {
    let today = store.now().date_naive();
    let instrument =
        std::sync::Arc::new(pelita_domain::assessment::Instrument::default_instrument());
    let mut stream = futures_util::stream::iter(plans(agencies, n, seed, today).enumerate().map(
        |(i, (reg, status, note))| {
            let store = store.clone();
            let instrument = instrument.clone();
            async move {
                let actor = store
                    .act_as(reg.assigned_to.as_deref().unwrap_or_default())
                    .await?;
                let agency = reg.agency_id.clone();
                let association = reg.circumstances.as_ref().map(|c| c.association);
                let r = store.register_child(&actor, reg).await?;
                // Children who travelled or were born abroad have their origin recorded;
                // every other one of them has a repatriation open.
                if let Some(a @ (Association::TravelledWithFamily | Association::BornAbroad)) =
                    association
                {
                    let origin = abroad::generated_origin(i, a == Association::BornAbroad, today);
                    store
                        .change_repatriation(
                            &actor,
                            &r.case_id,
                            RepatriationChange::SaveOrigin(origin),
                        )
                        .await?;
                    if i.is_multiple_of(2) {
                        store
                            .change_repatriation(
                                &actor,
                                &r.case_id,
                                RepatriationChange::Open { with: None },
                            )
                            .await?;
                    }
                }
                let steps: &[CaseStatus] = match status {
                    CaseStatus::Assessed | CaseStatus::Closed => &[CaseStatus::Assessed],
                    CaseStatus::Planned => &[CaseStatus::Assessed, CaseStatus::Planned],
                    CaseStatus::InProgress => &[
                        CaseStatus::Assessed,
                        CaseStatus::Planned,
                        CaseStatus::InProgress,
                    ],
                    _ => &[],
                };
                // Assessed cases carry their assessment, planned ones an approved plan: the
                // journey's records exist at every size the benchmarks measure.
                if !steps.is_empty() {
                    let a = assessment(i, today);
                    store
                        .record_assessment(&actor, &r.case_id, &instrument, a)
                        .await?;
                }
                // The records carry the status (the assessment to assessed, the approved
                // plan to planned); the worker says when work on the plan has started.
                if steps.len() >= 2 {
                    store
                        .save_plan(&actor, &r.case_id, plan(i, &agency)?)
                        .await?;
                    store.approve_plan(&SUPERVISOR.actor(), &r.case_id).await?;
                }
                if steps.contains(&CaseStatus::InProgress) {
                    store
                        .move_case(&actor, &r.case_id, CaseStatus::InProgress, None)
                        .await?;
                }
                if status == CaseStatus::Closed {
                    // Closure is a supervisor's decision.
                    store
                        .move_case(
                            &SUPERVISOR.actor(),
                            &r.case_id,
                            CaseStatus::Closed,
                            Some("Reunified with family; follow-up planned".into()),
                        )
                        .await?;
                }
                if let Some((section, note)) = note {
                    store.add_note(&actor, &r.case_id, section, note).await?;
                }
                anyhow::Ok(r.child_id)
            }
        },
    ))
    .buffered(64);
    let mut ids = Vec::with_capacity(n as usize);
    while let Some(r) = stream.next().await {
        ids.push(r?);
        if ids.len() % 256 == 0 {
            progress(ids.len() as u64);
        }
    }
    progress(ids.len() as u64);
    Ok(ids)
}

/// The supervisor the generator approves plans and closes cases as: the operator, in a
/// supervisor's role for the rules a command applies itself.
struct System(&'static str);

impl System {
    fn actor(&self) -> Actor {
        Actor::operator_in(self.0, Role::Supervisor)
    }
}

const SUPERVISOR: System = System("demo-supervisor");

/// A generated assessment, varied by the child's position: strengths and needs differ from
/// child to child, no answer names anyone.
fn assessment(i: usize, today: NaiveDate) -> pelita_store::NewAssessment {
    let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let scale = |k: usize| ((i / k) % 4).to_string();
    let answers = [
        ("safe_place", yes(!i.is_multiple_of(5))),
        ("threats", yes(i.is_multiple_of(7))),
        ("health_access", scale(3)),
        ("distress", scale(5)),
        ("coping", scale(2)),
        ("in_school", yes(!i.is_multiple_of(3))),
        ("caregiver", yes(!i.is_multiple_of(4))),
        ("stigma", scale(7)),
        ("still_in_contact", yes(i.is_multiple_of(11))),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    pelita_store::NewAssessment {
        on: today - Duration::days((i % 60) as i64 + 1),
        language: ["id", "ms", "fil", "bn", "dv", "en"][i % 6].into(),
        assent: pelita_store::Assent::Given,
        present: None,
        answers,
    }
}

/// A generated plan: one education goal with an action by the case's agency, the child heard.
fn plan(i: usize, agency: &str) -> anyhow::Result<pelita_domain::plan::Plan> {
    use pelita_domain::plan::{Action, ActionStatus, Goal, GoalKind, Plan, Views};
    let n = |s: &str| NoteText::parse(s);
    Ok(Plan {
        goals: vec![Goal {
            domain: "education".into(),
            kind: GoalKind::Reintegration,
            text: n("Back to school or training")?,
            actions: vec![Action {
                text: n("Enrol at a school near home, with peer support")?,
                agency: agency.to_owned(),
                person: None,
                due: None,
                status: ActionStatus::Planned,
                activity: Some(if i.is_multiple_of(2) {
                    pelita_domain::family::Activity::SchoolReEntry
                } else {
                    pelita_domain::family::Activity::VocationalTraining
                }),
            }],
        }],
        child_views: Views::Recorded(n("Wants to study and be with friends again")?),
        caregiver_views: Views::Missing,
        review_on: None,
    })
}

/// The demo agencies of an existing deployment, with their case workers.
pub async fn agencies_of(store: &Store) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut out = Vec::new();
    for a in store.agencies().await? {
        if a.sector != Sector::ChildProtection {
            continue;
        }
        let username = format!("worker.{}", a.code.to_lowercase());
        if let Some((user, _)) = store.user_by_username(&username).await? {
            out.push((a.id, a.jurisdiction, user.id));
        }
    }
    Ok(out)
}

/// People of every role at the demo agencies, for trying need-to-know: (username, role,
/// agency code). Everyone shares the demo password.
pub const DEMO_PEOPLE: &[(&str, Role, Option<&str>)] = &[
    ("supervisor.dsjkt", Role::Supervisor, Some("DSJKT")),
    ("supervisor.mgfmv", Role::Supervisor, Some("MGFMV")),
    ("psychologist.dsjkt", Role::Psychologist, Some("DSJKT")),
    ("health.pkmjkt", Role::Health, Some("PKMJKT")),
    ("teacher.smpjkt", Role::Education, Some("SMPJKT")),
    ("probation.bapas", Role::Justice, Some("BAPAS")),
    ("liaison", Role::SecurityLiaison, Some("LIAISON")),
    ("auditor", Role::Auditor, None),
    ("researcher", Role::Researcher, None),
];

/// Creates the demo people and links them to Jakarta cases: the psychologist, health worker,
/// teacher and probation officer join the team of the first 15 cases; the liaison handed over
/// some; the next five have consent recorded and three of them were referred to the health
/// centre.
pub async fn people(store: &Store, password_hash: &str, lead_worker: &str) -> anyhow::Result<()> {
    let actor = Actor::operator("demo");
    let agencies = store.agencies().await?;
    let mut team = Vec::new();
    let mut liaison = None;
    for (username, role, code) in DEMO_PEOPLE {
        let agency_id = code
            .and_then(|c| agencies.iter().find(|a| a.code == c))
            .map(|a| a.id.clone());
        let id = store
            .create_user(
                &actor,
                NewUser {
                    username: (*username).into(),
                    display_name: format!("{} ({})", username, role.as_str()),
                    role: *role,
                    agency_id,
                    password_hash: password_hash.to_owned(),
                },
            )
            .await?;
        match role {
            Role::Psychologist | Role::Health | Role::Education | Role::Justice => team.push(id),
            Role::SecurityLiaison => liaison = Some(id),
            _ => {}
        }
    }
    let cases = store.my_work(lead_worker, 40).await?;
    for (i, w) in cases.iter().enumerate() {
        if i < 15 {
            for member in &team {
                store.add_team_member(&actor, &w.meta.id, member).await?;
            }
        }
        if let (true, Some(l)) = (i.is_multiple_of(2), &liaison) {
            store.set_handed_over_by(&actor, &w.meta.id, l).await?;
        }
    }
    // The next cases have consent recorded for assessment and for referral to health
    // services, and three were referred to the Jakarta health centre: its health worker finds
    // them under "Referrals to your agency".
    let lead = store.act_as(lead_worker).await?;
    let clinic = agencies
        .iter()
        .find(|a| a.code == "PKMJKT")
        .map(|a| a.id.clone());
    let agreed_on = store.now().date_naive() - Duration::days(3);
    for (i, w) in cases.iter().enumerate().skip(15).take(5) {
        for purpose in [Purpose::Assessment, Purpose::Referral(Sector::Health)] {
            for giver in [Giver::Child, Giver::Caregiver] {
                let entry = Entry {
                    purpose,
                    giver,
                    decision: ConsentDecision::Given,
                    on: agreed_on,
                    expires: None,
                };
                store.record_consent(&lead, &w.meta.id, entry, None).await?;
            }
        }
        if let (true, Some(c)) = (i < 18, &clinic) {
            let referral = NewReferral {
                to_agency: c.clone(),
                sections: vec![Section::Health, Section::Identity],
                reason: NoteText::parse("Needs a health check and follow-up of an old injury")?,
                override_justification: None,
            };
            store.refer(&lead, &w.meta.id, referral).await?;
        }
        family_and_conference(store, &lead, &w.meta.id, i == 15).await?;
    }
    // One Jakarta child in investigation detention for six days: the clock warns on the case
    // page and in "my work" (the first child old enough; the gate refuses the others).
    for w in cases.iter().skip(20) {
        if detained(store, &lead, &w.meta.id).await.is_ok() {
            break;
        }
    }
    Ok(())
}

async fn detained(store: &Store, lead: &Actor, case_id: &str) -> anyhow::Result<()> {
    use pelita_domain::justice::Stage;
    use pelita_domain::justice::proceeding::{Forum, NewDetention, NewProceeding, Offence};
    let n = |s: &str| NoteText::parse(s);
    let started = store.now() - Duration::days(6);
    let detention = NewDetention {
        stage: Stage::Investigation,
        started_at: started,
        order: pelita_domain::text::NameText::parse("SP.Han/07/DEMO")?,
        legal_basis: n("UU SPPA art. 32: 14 or older, offence punishable by 7 years or more")?,
        alternatives: n(
            "Return to the parents was considered: the father is in the same network.",
        )?,
        best_interests: n(
            "Held apart from the network and from adults while the investigation lasts.",
        )?,
        place: n("LPAS Jakarta (demo)")?,
        separated_from_adults: true,
        parents_notified: true,
    };
    // The proceeding first: Indonesia detains only for an offence punishable by 7 years or
    // more, read from the case's proceedings.
    let proceeding = NewProceeding {
        forum: Forum::ChildrenCourt,
        offence: Offence {
            description: n("Alleged to have carried messages for the group that recruited him.")?,
            on: started.date_naive(),
            max_penalty_years: Some(8),
            repeat: false,
        },
        legal_aid: true,
        parents_notified: true,
    };
    store.open_proceeding(lead, case_id, proceeding).await?;
    store.start_detention(lead, case_id, detention).await?;
    Ok(())
}

/// A household for each of these cases, and on the first a case conference that decided the
/// care plan, with a dissent and a follow-up task for the lead worker: "my work" shows it.
async fn family_and_conference(
    store: &Store,
    lead: &Actor,
    case_id: &str,
    conference: bool,
) -> anyhow::Result<()> {
    use pelita_domain::case::PriorityLevel;
    use pelita_domain::conference::{
        Conference, Decision, DecisionKind, Dissent, Participant, ParticipantRole,
    };
    use pelita_domain::family::{Household, Kinship, Living, Member};
    use pelita_domain::plan::Views;
    use pelita_domain::task::{NewTask, ResponseTimes};
    use pelita_domain::text::NameText;
    let n = |s: &str| NameText::parse(s);
    let household = Household {
        living: Some(Living::WithRelatives),
        members: vec![
            Member {
                name: n("Siti Rahayu")?,
                kinship: Kinship::AuntOrUncle,
                caregiver: true,
                lives_with_child: true,
                no_contact: false,
                note: None,
            },
            Member {
                name: n("Dewi")?,
                kinship: Kinship::Mother,
                caregiver: false,
                lives_with_child: false,
                no_contact: false,
                note: Some(NoteText::parse(
                    "In a rehabilitation programme in another province; visits monthly.",
                )?),
            },
        ],
    };
    store.save_household(lead, case_id, household).await?;
    if !conference {
        return Ok(());
    }
    let who = |name: &str, org: Option<&str>, role| -> anyhow::Result<Participant> {
        Ok(Participant {
            name: n(name)?,
            organisation: org.map(n).transpose()?,
            role,
        })
    };
    let c = Conference {
        held_on: store.now().date_naive() - Duration::days(1),
        participants: vec![
            who(
                "Sari (case worker)",
                Some("DSJKT"),
                ParticipantRole::CaseWorker,
            )?,
            who(
                "Ayu (child-protection lead)",
                Some("DSJKT"),
                ParticipantRole::ChildProtectionLead,
            )?,
            who("Dr Rahman", Some("PKMJKT"), ParticipantRole::HealthWorker)?,
            who("Siti Rahayu", None, ParticipantRole::Caregiver)?,
        ],
        minutes: NoteText::parse(
            "Reviewed the first assessment and the aunt's offer of care. The child joined for the \
             last part and said what she wants.",
        )?,
        child_views: Views::Recorded(NoteText::parse(
            "She wants to stay with her aunt and go back to school after the holidays.",
        )?),
        decisions: vec![Decision {
            kind: DecisionKind::CarePlan,
            text: NoteText::parse("School re-entry in January with peer support; weekly visits.")?,
            best_interests: NoteText::parse(
                "Keeps her in family-based care, restores schooling and friendships.",
            )?,
            dissent: vec![Dissent {
                by: n("Dr Rahman")?,
                reason: NoteText::parse("Would first complete the health follow-up.")?,
            }],
        }],
        tasks: vec![NewTask {
            text: NoteText::parse("Meet the school principal about re-entry in January")?,
            assignee: lead.id().to_owned(),
            priority: PriorityLevel::Medium,
            due_on: None,
        }],
    };
    store
        .record_conference(lead, case_id, c, &ResponseTimes::default())
        .await?;
    Ok(())
}

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Shared helpers for the integration tests: proptest strategies over the whole model and the
//! path of the shared fixture corpus.
#![allow(dead_code)]

use brobygger::*;
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::path::PathBuf;

/// The shared fixture corpus at the repository root.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Whether golden files should be rewritten instead of compared.
pub fn bless() -> bool {
    std::env::var_os("BROBYGGER_BLESS").is_some()
}

/// Compares `actual` with the golden file at `path`, or writes it when blessing.
pub fn golden(path: &std::path::Path, actual: &str) {
    if bless() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {} (run with BROBYGGER_BLESS=1)",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "golden file {} differs; rerun with BROBYGGER_BLESS=1 and review the diff.\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZæøåÆØÅ0-9 ,.'\"\\-]{0,24}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

pub fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9\\-]{0,12}"
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

pub fn timestamp() -> impl Strategy<Value = Timestamp> {
    (946_684_800i64..2_208_988_800, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).single().unwrap())
}

pub fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1.0e9f64..1.0e9,
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        Just(1.0e300)
    ]
}

pub fn party() -> impl Strategy<Value = PartyRef> {
    prop_oneof![
        id().prop_map(|m| PartyRef::Municipality {
            municipality: m.into()
        }),
        (id(), id()).prop_map(|(m, d)| PartyRef::Department {
            municipality: m.into(),
            department: d.into()
        }),
        id().prop_map(|o| PartyRef::Organisation {
            organisation: format!("DK-LOCAL-{o}").into()
        }),
    ]
}

fn department_kind() -> impl Strategy<Value = DepartmentKind> {
    prop_oneof![
        Just(DepartmentKind::ChildrenAndSchools),
        Just(DepartmentKind::SocialServices),
        Just(DepartmentKind::Jobcentre),
        Just(DepartmentKind::CultureAndLeisure),
        Just(DepartmentKind::Integration),
        Just(DepartmentKind::Other),
    ]
}

fn org_kind() -> impl Strategy<Value = OrganisationKind> {
    use OrganisationKind::*;
    prop::sample::select(vec![
        NationalNgo,
        SocialVolunteerAssociation,
        LeisureAssociation,
        EthnicMinorityAssociation,
        InformalMovement,
        Champion,
        FaithCommunity,
        HousingOrganisation,
        Business,
        VolunteerCentre,
    ])
}

pub fn municipality() -> impl Strategy<Value = Municipality> {
    (
        id(),
        text(),
        any::<u16>(),
        prop::collection::vec((id(), department_kind(), text()), 0..3),
    )
        .prop_map(|(id, name, code, deps)| Municipality {
            id: id.into(),
            name,
            code,
            departments: deps
                .into_iter()
                .map(|(id, kind, name)| Department {
                    id: id.into(),
                    kind,
                    name,
                })
                .collect(),
        })
}

pub fn organisation() -> impl Strategy<Value = Organisation> {
    let profile = (
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        prop::option::of(any::<u32>()),
        prop::option::of(any::<u32>()),
        prop::option::of(any::<u32>()),
        prop::option::of(prop::sample::select(vec![
            PremisesAccess::Own,
            PremisesAccess::Shared,
            PremisesAccess::Municipal,
            PremisesAccess::None,
        ])),
        prop::option::of(prop::sample::select(vec![
            OrganisationForm::BoardDoesEverything,
            OrganisationForm::DelegatedWorkingGroups,
        ])),
        prop::option::of(prop_oneof![
            Just(Affiliation::Local),
            text().prop_map(|n| Affiliation::Branch { national_body: n })
        ]),
        prop::collection::vec(text(), 0..2),
        prop::option::of(text()),
    )
        .prop_map(
            |(
                purpose,
                activities,
                members,
                paying_members,
                active_volunteers,
                premises,
                organisation_form,
                affiliation,
                partners,
                area,
            )| {
                OrganisationProfile {
                    purpose,
                    activities,
                    members,
                    paying_members,
                    active_volunteers,
                    premises,
                    organisation_form,
                    affiliation,
                    partners,
                    area,
                }
            },
        );
    (id(), text(), org_kind(), profile).prop_map(|(id, name, kind, profile)| Organisation {
        id: format!("DK-LOCAL-{id}").into(),
        name,
        kind,
        profile,
    })
}

pub fn person() -> impl Strategy<Value = Person> {
    (
        id(),
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(
            (date(), any::<bool>())
                .prop_map(|(checked_on, clear)| CertificateCheck { checked_on, clear }),
        ),
        prop::option::of(text()),
    )
        .prop_map(
            |(id, name, email, phone, child_protection_certificate, notes)| Person {
                id: id.into(),
                name,
                email,
                phone,
                child_protection_certificate,
                notes,
            },
        )
}

fn post_kind() -> impl Strategy<Value = PostKind> {
    use PostKind::*;
    prop::sample::select(vec![
        Coordinator,
        ProjectLead,
        ContactPerson,
        SteeringGroupMember,
        SteeringGroupChair,
        VolunteerRepresentative,
        ActivityLeader,
        BoardChair,
        Other,
    ])
}

pub fn post() -> impl Strategy<Value = Post> {
    (
        id(),
        text(),
        post_kind(),
        party(),
        prop::option::of(id()),
        prop::collection::vec((id(), date(), prop::option::of(date())), 0..3),
    )
        .prop_map(|(id, title, kind, party, agreement, holders)| Post {
            id: id.into(),
            title,
            kind,
            party,
            agreement: agreement.map(Into::into),
            holders: holders
                .into_iter()
                .map(|(p, from, until)| Tenure {
                    person: p.into(),
                    from,
                    until,
                })
                .collect(),
        })
}

fn cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![
        Just(Cadence::Weekly),
        Just(Cadence::Biweekly),
        Just(Cadence::Monthly),
        Just(Cadence::Quarterly),
        Just(Cadence::HalfYearly),
        Just(Cadence::Yearly),
        any::<u32>().prop_map(|days| Cadence::EveryDays { days }),
    ]
}

fn status() -> impl Strategy<Value = AgreementStatus> {
    prop::sample::select(AgreementStatus::ALL.to_vec())
}

pub fn terms() -> impl Strategy<Value = AgreementTerms> {
    let goals = prop::collection::vec(
        (
            id(),
            text(),
            prop_oneof![
                Just(GoalOwner::Shared),
                party().prop_map(|party| GoalOwner::Party { party })
            ],
            prop::option::of((text(), text(), prop::option::of(finite()), finite())),
        )
            .prop_map(|(id, text, owner, ind)| Goal {
                id: id.into(),
                text,
                owner,
                indicator: ind.map(|(description, unit, baseline, target)| Indicator {
                    description,
                    unit,
                    baseline,
                    target,
                }),
            }),
        0..3,
    );
    let activities = prop::collection::vec(
        (
            id(),
            text(),
            prop::sample::select(vec![
                ActivityKind::HomeworkCafe,
                ActivityKind::ContactFamily,
                ActivityKind::Internship,
                ActivityKind::Other,
            ]),
            prop::sample::select(vec![Track::Organisational, Track::User]),
            prop::collection::vec(
                prop::sample::select(vec![
                    TargetGroup::Children,
                    TargetGroup::Women,
                    TargetGroup::Newcomers,
                ]),
                0..2,
            ),
            prop::option::of(text()),
            prop::option::of(party()),
        )
            .prop_map(
                |(id, name, kind, track, target_groups, area, lead)| Activity {
                    id: id.into(),
                    name,
                    kind,
                    track,
                    target_groups,
                    area,
                    lead,
                },
            ),
        0..3,
    );
    let governance = (
        prop::collection::vec(id(), 0..3),
        prop::collection::vec(id(), 0..2),
        prop::option::of(id()),
    )
        .prop_map(|(s, c, v)| Governance {
            steering_group: s.into_iter().map(Into::into).collect(),
            coordinators: c.into_iter().map(Into::into).collect(),
            volunteer_representative: v.map(Into::into),
        });
    let routines = prop::collection::vec(
        (
            id(),
            text(),
            cadence(),
            prop::option::of(prop::sample::select(vec![
                TimeOfDay::Morning,
                TimeOfDay::Daytime,
                TimeOfDay::Afternoon,
                TimeOfDay::Evening,
            ])),
            any::<u32>(),
            prop::option::of(id()),
            prop::collection::vec(party(), 0..2),
        )
            .prop_map(
                |(id, name, cadence, usual_time, notice_days, convened_by, participants)| {
                    MeetingForum {
                        id: id.into(),
                        name,
                        cadence,
                        usual_time,
                        notice_days,
                        convened_by: convened_by.map(Into::into),
                        participants,
                    }
                },
            ),
        0..2,
    );
    let resources = prop::collection::vec(
        (party(), finite(), any::<bool>()).prop_map(|(party, h, m)| ResourceCommitment {
            party,
            coordination_hours_per_month: h,
            management_priority: m,
        }),
        0..2,
    );
    let rest = (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(
            (text(), text()).prop_map(|(term, meaning)| Definition { term, meaning }),
            0..2,
        ),
        (
            date(),
            prop::option::of(date()),
            prop::collection::vec(date(), 0..2),
        ),
        prop::option::of(
            (any::<u32>(), text()).prop_map(|(notice_days, procedure)| ExitTerms {
                notice_days,
                procedure,
            }),
        ),
        prop::sample::select(vec![Stage::Project, Stage::Operation]),
        prop::sample::select(vec![
            CooperationLevel::Cooperation,
            CooperationLevel::CoCreation,
        ]),
    );
    (
        text(),
        prop::option::of(text()),
        prop::collection::vec(
            (party(), prop::option::of(id())).prop_map(|(party, s)| AgreementParty {
                party,
                signatory: s.map(Into::into),
            }),
            0..3,
        ),
        goals,
        activities,
        governance,
        routines,
        resources,
        rest,
        role_split(),
    )
        .prop_map(
            |(
                title,
                purpose,
                parties,
                goals,
                activities,
                governance,
                routines,
                resources,
                (
                    decision_making,
                    disagreement_handling,
                    definitions,
                    (start, end, review_dates),
                    exit,
                    stage,
                    cooperation_level,
                ),
                roles,
            )| {
                AgreementTerms {
                    title,
                    purpose,
                    parties,
                    goals,
                    activities,
                    governance,
                    routines,
                    resources,
                    decision_making,
                    disagreement_handling,
                    definitions,
                    term: Term {
                        start,
                        end,
                        review_dates,
                    },
                    exit,
                    stage,
                    cooperation_level,
                    roles,
                }
            },
        )
}

pub fn raci() -> impl Strategy<Value = Raci> {
    prop::sample::select(Raci::ALL.to_vec())
}

pub fn task_ref() -> impl Strategy<Value = TaskRef> {
    prop_oneof![
        prop::sample::select(vec![
            "integration_contract",
            "match_volunteers",
            "coordinate"
        ])
        .prop_map(TaskRef::catalogue),
        id().prop_map(TaskRef::activity),
        id().prop_map(TaskRef::custom),
    ]
}

pub fn role_split() -> impl Strategy<Value = RoleSplit> {
    let carrier = prop_oneof![
        id().prop_map(|p| Carrier::Post { post: p.into() }),
        id().prop_map(|p| Carrier::Person { person: p.into() }),
    ];
    let assignment = (
        task_ref(),
        party(),
        raci(),
        prop::option::of(carrier),
        prop::option::of(finite()),
        prop::option::of(text()),
    )
        .prop_map(
            |(task, party, role, carried_by, hours_per_month, note)| Assignment {
                task,
                party,
                role,
                carried_by,
                hours_per_month,
                note,
            },
        );
    let task = (id(), text(), any::<bool>(), prop::option::of(text())).prop_map(
        |(id, name, statutory, description)| CustomTask {
            id: id.into(),
            name,
            statutory,
            description,
        },
    );
    (
        prop::collection::vec(task, 0..2),
        prop::collection::vec(assignment, 0..4),
    )
        .prop_map(|(tasks, assignments)| RoleSplit { tasks, assignments })
}

pub fn agreement() -> impl Strategy<Value = Agreement> {
    let version = (
        prop::option::of(
            (date(), id(), text()).prop_map(|(on, by, reason)| Amendment {
                on,
                by: by.into(),
                reason,
            }),
        ),
        terms(),
    );
    let event = (
        status(),
        status(),
        timestamp(),
        id(),
        any::<u32>(),
        prop::option::of(text()),
        prop::option::of(
            (text(), prop::collection::vec(text(), 0..2))
                .prop_map(|(reason, overridden)| OverrideRecord { reason, overridden }),
        ),
    )
        .prop_map(
            |(from, to, at, by, version, note, override_record)| StatusEvent {
                from,
                to,
                at,
                by: by.into(),
                version,
                note,
                override_record,
            },
        );
    let meeting = (id(), date(), prop::option::of(date()), any::<bool>()).prop_map(
        |(forum, held_on, invited_on, agenda_sent)| MeetingRecord {
            forum: forum.into(),
            held_on,
            invited_on,
            agenda_sent,
        },
    );
    (
        id(),
        status(),
        prop::collection::vec(version, 0..3),
        prop::collection::vec(event, 0..3),
        prop::collection::vec(meeting, 0..2),
        prop::collection::vec(
            (text(), date()).prop_map(|(committee, on)| CommitteeBriefing { committee, on }),
            0..2,
        ),
    )
        .prop_map(
            |(id, status, versions, history, meetings, committee_briefings)| Agreement {
                id: id.into(),
                status,
                versions: versions
                    .into_iter()
                    .enumerate()
                    .map(|(i, (amendment, terms))| AgreementVersion {
                        number: i as u32 + 1,
                        amendment,
                        terms,
                    })
                    .collect(),
                history,
                meetings,
                committee_briefings,
            },
        )
}

pub fn dossier() -> impl Strategy<Value = Dossier> {
    (
        text(),
        prop::collection::vec(municipality(), 0..2),
        prop::collection::vec(organisation(), 0..3),
        prop::collection::vec(person(), 0..3),
        prop::collection::vec(post(), 0..3),
        prop::collection::vec(agreement(), 0..2),
        prop::collection::vec(
            (
                text(),
                prop_oneof![
                    text().prop_map(|note| ProvenanceBasis::Illustrative { note }),
                    (
                        prop::sample::select(vec![
                            SeedDocument::Kl2015,
                            SeedDocument::Lbb2017,
                            SeedDocument::Kem2017
                        ]),
                        text()
                    )
                        .prop_map(|(d, s)| ProvenanceBasis::Source {
                            source: SourceRef::new(d, s)
                        }),
                ],
            )
                .prop_map(|(p, basis)| Provenance {
                    path: FieldPath::parse(p),
                    basis,
                }),
            0..2,
        ),
    )
        .prop_map(
            |(title, municipalities, organisations, people, posts, agreements, provenance)| {
                Dossier {
                    schema_version: SCHEMA_VERSION,
                    title,
                    municipalities,
                    organisations,
                    people,
                    posts,
                    agreements,
                    provenance,
                    checklists: Checklists::default(),
                    surveys: Vec::new(),
                }
            },
        )
}

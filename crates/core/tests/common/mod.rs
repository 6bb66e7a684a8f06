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
        housing_cooperation: Vec::new(),
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
                place: None,
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
                    volunteers: None,
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
                    place: None,
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
    let meeting = (
        (id(), date(), prop::option::of(date()), any::<bool>()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(action_item(), 0..3),
    )
        .prop_map(
            |((forum, held_on, invited_on, agenda_sent), agenda, decisions, action_items)| {
                MeetingRecord {
                    forum: forum.into(),
                    held_on,
                    invited_on,
                    agenda_sent,
                    agenda,
                    decisions,
                    action_items,
                }
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
                process: Default::default(),
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

/// An action item of a meeting: any text, a post or any party as owner, any status and days.
pub fn action_item() -> impl Strategy<Value = ActionItem> {
    let owner = prop_oneof![
        id().prop_map(|p| ActionOwner::Post { post: p.into() }),
        party().prop_map(|party| ActionOwner::Party { party }),
    ];
    let status = prop_oneof![
        Just(ActionStatus::Open),
        Just(ActionStatus::Done),
        Just(ActionStatus::Dropped),
    ];
    (text(), owner, date(), status, prop::option::of(date())).prop_map(
        |(what, owner, due, status, closed_on)| ActionItem {
            what,
            owner,
            due,
            status,
            closed_on,
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
        (matching_data(), prop::collection::vec(relationship(), 0..3)),
    )
        .prop_map(
            |(
                title,
                municipalities,
                organisations,
                people,
                posts,
                agreements,
                provenance,
                ((cohorts, offers, rule_sets, match_runs), relationships),
            )| {
                Dossier {
                    directory: Vec::new(),
                    places: Vec::new(),
                    outcomes: Vec::new(),
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
                    cohorts,
                    offers,
                    rule_sets,
                    match_runs,
                    relationships,
                    privacy: Default::default(),
                }
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Matching data.

use brobygger::matching::*;

fn level() -> impl Strategy<Value = LanguageLevel> {
    prop::sample::select(vec![
        LanguageLevel::A1,
        LanguageLevel::A2,
        LanguageLevel::B1,
        LanguageLevel::B2,
        LanguageLevel::C1,
        LanguageLevel::C2,
        LanguageLevel::Native,
    ])
}

fn skills() -> impl Strategy<Value = Vec<LanguageSkill>> {
    prop::collection::vec(
        ("[a-z]{2,3}", level()).prop_map(|(language, level)| LanguageSkill { language, level }),
        0..3,
    )
}

fn need() -> impl Strategy<Value = Need> {
    prop_oneof![
        prop::sample::select(Need::STANDARD.to_vec()),
        id().prop_map(|id| Need::Custom { id }),
    ]
}

fn slots() -> impl Strategy<Value = Vec<Slot>> {
    prop::collection::vec(
        (
            prop::sample::select(vec![Weekday::Monday, Weekday::Wednesday, Weekday::Sunday]),
            prop::sample::select(vec![TimeOfDay::Morning, TimeOfDay::Evening]),
        )
            .prop_map(|(day, time)| Slot { day, time }),
        0..3,
    )
}

fn coords() -> impl Strategy<Value = Coordinates> {
    (-90.0f64..90.0, -180.0f64..180.0).prop_map(|(lat, lon)| Coordinates { lat, lon })
}

fn gender() -> impl Strategy<Value = Gender> {
    prop::sample::select(vec![Gender::Female, Gender::Male, Gender::Other])
}

fn offer_kind() -> impl Strategy<Value = OfferKind> {
    prop::sample::select(vec![
        OfferKind::ContactFamily,
        OfferKind::ContactPerson,
        OfferKind::LanguageMentor,
        OfferKind::JobMentor,
        OfferKind::Activity,
    ])
}

fn tags() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(id(), 0..3)
}

pub fn newcomer() -> impl Strategy<Value = Newcomer> {
    (
        (
            id(),
            date(),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        (
            prop::option::of(text()),
            prop::option::of(coords()),
            skills(),
        ),
        (0u32..5, prop::collection::vec(0u32..18, 0..3)),
        prop::collection::vec(need(), 0..3),
        prop::collection::vec(
            prop_oneof![
                gender().prop_map(|gender| Preference::VolunteerGender { gender }),
                offer_kind().prop_map(|kind| Preference::OfferKind { kind }),
            ],
            0..2,
        ),
        (
            slots(),
            tags(),
            tags(),
            prop::collection::vec(seat_need(), 0..2),
        ),
    )
        .prop_map(
            |(
                (id, arrival, meeting, waiting),
                (area, location, languages),
                (adults, children_ages),
                needs,
                preferences,
                (availability, industries, interests, seat_needs),
            )| Newcomer {
                id: id.into(),
                arrival,
                integration_contract_meeting: meeting,
                waiting_since: waiting,
                area,
                location,
                languages,
                household: Household {
                    adults,
                    children_ages,
                },
                needs,
                preferences,
                availability,
                industries,
                interests,
                seat_needs,
                privacy: ProfileBasis::default(),
            },
        )
        .prop_flat_map(|n| {
            profile_basis().prop_map(move |privacy| Newcomer {
                privacy,
                ..n.clone()
            })
        })
}

/// A profile's own consent and basis columns, anything the type holds.
pub fn profile_basis() -> impl Strategy<Value = ProfileBasis> {
    (
        prop::option::of(date()),
        prop::option::of(date()),
        prop::collection::vec(text(), 0..2),
        prop::option::of(prop::sample::select(vec![
            LegalBasis::Contract,
            LegalBasis::LegalObligation,
            LegalBasis::PublicTask,
            LegalBasis::SubstantialPublicInterest,
        ])),
        prop::collection::vec(text(), 0..2),
        prop::option::of(text()),
    )
        .prop_map(
            |(
                consent_given_on,
                consent_ends_on,
                consent_attributes,
                basis,
                basis_attributes,
                basis_reference,
            )| {
                ProfileBasis {
                    consent_given_on,
                    consent_ends_on,
                    consent_attributes,
                    basis,
                    basis_attributes,
                    basis_reference,
                }
            },
        )
}

pub fn offer() -> impl Strategy<Value = Offer> {
    (
        (
            id(),
            offer_kind(),
            text(),
            prop::option::of(party()),
            prop::option::of(id()),
        ),
        (
            any::<u32>(),
            any::<u32>(),
            skills(),
            prop::option::of(text()),
            prop::option::of(coords()),
        ),
        (
            prop::collection::vec(need(), 0..3),
            prop::option::of(gender()),
        ),
        prop::collection::vec(
            prop::sample::select(vec![
                Credential::ChildProtectionCertificate,
                Credential::FirstAid,
                Credential::DrivingLicence,
                Credential::MentorTraining,
            ]),
            0..2,
        ),
        (
            tags(),
            tags(),
            slots(),
            prop::option::of(date()),
            prop::collection::vec(seats(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, kind, title, provider, volunteer),
                (capacity, places_taken, languages, area, location),
                (serves, gender),
                credentials,
                (industries, interests, availability, listed_on, seats),
            )| Offer {
                id: id.into(),
                kind,
                title,
                provider,
                volunteer: volunteer.map(Into::into),
                capacity,
                places_taken,
                languages,
                area,
                location,
                serves,
                gender,
                credentials,
                industries,
                interests,
                availability,
                listed_on,
                seats,
                privacy: ProfileBasis::default(),
            },
        )
        .prop_flat_map(|o| {
            profile_basis().prop_map(move |privacy| Offer {
                privacy,
                ..o.clone()
            })
        })
}

fn rule_kind() -> impl Strategy<Value = RuleKind> {
    prop_oneof![
        (level(), prop::collection::vec("[a-z]{2}", 0..2)).prop_map(|(min_level, languages)| {
            RuleKind::SharedLanguage {
                min_level,
                languages,
            }
        }),
        (finite(), prop::option::of(finite()))
            .prop_map(|(max_km, min_km)| RuleKind::Distance { max_km, min_km }),
        Just(RuleKind::SameArea),
        prop::collection::vec(need(), 0..2).prop_map(|needs| RuleKind::NeedServed { needs }),
        any::<u32>().prop_map(|min_free| RuleKind::Capacity { min_free }),
        any::<u32>().prop_map(|min_slots| RuleKind::AvailabilityOverlap { min_slots }),
        Just(RuleKind::PreferenceRespected),
        any::<u32>().prop_map(|under_age| RuleKind::CredentialWithChildren {
            credential: Credential::ChildProtectionCertificate,
            under_age
        }),
        Just(RuleKind::IndustryFit),
        any::<u32>().prop_map(|min_shared| RuleKind::InterestOverlap { min_shared }),
        any::<u32>().prop_map(|full_after_days| RuleKind::WaitingTime { full_after_days }),
        Just(RuleKind::LostMatch),
    ]
}

pub fn rule_set() -> impl Strategy<Value = RuleSet> {
    (
        id(),
        (text(), text()),
        prop::collection::vec(
            (
                id(),
                prop_oneof![
                    Just(Strength::Hard),
                    finite().prop_map(|weight| Strength::Soft { weight })
                ],
                rule_kind(),
                (text(), text()),
            )
                .prop_map(|(id, strength, kind, (da, en))| Rule {
                    id: id.into(),
                    strength,
                    kind,
                    explanation: Text::new(da, en),
                }),
            0..3,
        ),
        tags(),
        tags(),
        (
            prop::collection::vec(quota(), 0..3),
            prop::option::of((any::<u32>(), any::<u32>()).prop_map(
                |(first_after_days, every_days)| FollowUpSchedule {
                    first_after_days,
                    every_days,
                },
            )),
        ),
    )
        .prop_map(
            |(
                id,
                (da, en),
                rules,
                sensitive_attributes,
                shareable_with_volunteers,
                (quotas, follow_up),
            )| RuleSet {
                schema_version: 1,
                id: id.into(),
                title: Text::new(da, en),
                rules,
                sensitive_attributes,
                shareable_with_volunteers,
                quotas,
                follow_up,
            },
        )
}

fn intro_plan() -> impl Strategy<Value = IntroductionPlan> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(a, b, c, d, e, f, g)| IntroductionPlan {
            first_within_days: a,
            deadline_months: b,
            first_at_integration_contract_meeting: c,
            repeat_every_days: d,
            period_months: e,
            min_introductions: f,
            due_soon_days: g,
        })
}

pub fn cohort() -> impl Strategy<Value = Cohort> {
    (
        id(),
        text(),
        prop::option::of(id()),
        intro_plan(),
        prop::collection::vec(newcomer(), 0..3),
        prop::collection::vec(
            (
                id(),
                date(),
                prop::sample::select(vec![
                    IntroductionSetting::IntegrationContractMeeting,
                    IntroductionSetting::FollowUpConversation,
                    IntroductionSetting::Other,
                ]),
                tags(),
                prop::option::of(id()),
            )
                .prop_map(|(n, on, setting, offers, by)| IntroductionRecord {
                    newcomer: n.into(),
                    on,
                    setting,
                    offers: offers.into_iter().map(Into::into).collect(),
                    by: by.map(Into::into),
                }),
            0..3,
        ),
    )
        .prop_map(
            |(id, title, municipality, plan, newcomers, introductions)| Cohort {
                id: id.into(),
                title,
                municipality: municipality.map(Into::into),
                plan,
                newcomers,
                introductions,
            },
        )
}

fn text2() -> impl Strategy<Value = Text> {
    (text(), text()).prop_map(|(da, en)| Text::new(da, en))
}

pub fn match_run() -> impl Strategy<Value = MatchRun> {
    let outcome =
        (id(), any::<bool>(), finite(), text2()).prop_map(|(rule, hard, points, text)| {
            RuleOutcome {
                rule: rule.into(),
                hard,
                points,
                text,
            }
        });
    let m = (
        id(),
        id(),
        finite(),
        any::<u32>(),
        prop::collection::vec(outcome, 0..2),
    )
        .prop_map(|(n, o, score, waiting_days, explanation)| Match {
            newcomer: n.into(),
            offer: o.into(),
            score,
            waiting_days,
            explanation,
        });
    let binding = prop_oneof![
        Just(BindingConstraint::NoOffers),
        (id(), any::<u32>()).prop_map(|(rule, k)| BindingConstraint::Rule {
            rule: rule.into(),
            offers_blocked_only_by_it: k
        }),
        any::<u32>().prop_map(|offers| BindingConstraint::NoFreePlaces { offers }),
        any::<u32>().prop_map(|eligible| BindingConstraint::PlacesTaken { eligible }),
    ];
    let u = (
        id(),
        any::<u32>(),
        binding,
        prop::collection::vec(text2(), 0..2),
    )
        .prop_map(|(n, waiting_days, binding, reasons)| Unmatched {
            newcomer: n.into(),
            waiting_days,
            binding,
            reasons,
        });
    let gap = (
        prop_oneof![
            need().prop_map(|need| Demand::Need { need }),
            "[a-z]{2}".prop_map(|language| Demand::Language { language }),
        ],
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        text2(),
    )
        .prop_map(
            |(demand, households, offers, free_places, text)| DemandGap {
                demand,
                households,
                offers,
                free_places: u64::from(free_places),
                text,
            },
        );
    let unused = (
        id(),
        any::<u32>(),
        any::<u32>(),
        prop::option::of(any::<u32>()),
        text2(),
    )
        .prop_map(
            |(o, free_places, candidates, waiting_days, reason)| UnusedOffer {
                offer: o.into(),
                free_places,
                candidates,
                waiting_days,
                reason,
            },
        );
    let stats = (
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<u64>(),
            any::<u64>(),
        ),
        (any::<u32>(), any::<u32>(), finite(), finite(), finite()),
        (any::<u32>(), any::<u32>(), any::<u32>()),
    )
        .prop_map(
            |((a, b, c, d, e), (f, g, h, i, j), (k, l, m))| MatchStatistics {
                newcomers: a,
                offers: b,
                free_places: u64::from(c),
                pairs_evaluated: d,
                candidate_pairs: e,
                matched: f,
                unmatched: g,
                total_score: h,
                mean_score: i,
                mean_waiting_days_unmatched: j,
                max_waiting_days_unmatched: k,
                offers_used: l,
                offers_without_candidates: m,
            },
        );
    (
        (id(), id(), prop::option::of(id())),
        (
            prop::sample::select(vec![
                Solver::Greedy,
                Solver::Optimal,
                Solver::StableNewcomerProposing,
                Solver::StableOfferProposing,
            ]),
            prop::sample::select(vec![OfferRanking::Score, OfferRanking::LongestWaiting]),
            date(),
        ),
        prop::collection::vec(m, 0..2),
        prop::collection::vec(u, 0..2),
        prop::collection::vec(gap, 0..2),
        prop::collection::vec(unused, 0..2),
        stats,
    )
        .prop_map(
            |(
                (id, rule_set, cohort),
                (solver, offer_ranking, as_of),
                matches,
                unmatched,
                unmet_demand,
                unused_offers,
                statistics,
            )| {
                MatchRun {
                    id: id.into(),
                    rule_set: rule_set.into(),
                    cohort: cohort.map(Into::into),
                    solver,
                    offer_ranking,
                    as_of,
                    matches,
                    unmatched,
                    unmet_demand,
                    unused_offers,
                    statistics,
                    withheld: Vec::new(),
                    sensitive_uses: Vec::new(),
                    bases_from: BasisSource::Dossier,
                    declared_bases: Vec::new(),
                    structure: None,
                    waiting_again: Vec::new(),
                    alternatives: Vec::new(),
                    why_not: Vec::new(),
                }
            },
        )
}

/// Cohorts, offers, rule sets and runs for a dossier.
pub fn matching_data()
-> impl Strategy<Value = (Vec<Cohort>, Vec<Offer>, Vec<RuleSet>, Vec<MatchRun>)> {
    (
        prop::collection::vec(cohort(), 0..2),
        prop::collection::vec(offer(), 0..2),
        prop::collection::vec(rule_set(), 0..2),
        prop::collection::vec(match_run(), 0..2),
    )
}

// ---------------------------------------------------------------------------------------------
// Matching over time: seats, quotas, relationships.

pub fn seat_kind() -> impl Strategy<Value = SeatKind> {
    prop_oneof![
        Just(SeatKind::Adults),
        Just(SeatKind::Children),
        Just(SeatKind::SchoolPlaces),
        Just(SeatKind::People),
        id().prop_map(|id| SeatKind::Custom {
            id: format!("x-{id}")
        }),
    ]
}

pub fn seats() -> impl Strategy<Value = Seats> {
    (seat_kind(), any::<u32>(), any::<u32>()).prop_map(|(seat, capacity, taken)| Seats {
        seat,
        capacity,
        taken,
    })
}

pub fn seat_need() -> impl Strategy<Value = SeatNeed> {
    (seat_kind(), any::<u32>()).prop_map(|(seat, count)| SeatNeed { seat, count })
}

pub fn quota() -> impl Strategy<Value = Quota> {
    (
        prop_oneof![
            text().prop_map(|area| QuotaGroup::OfferArea { area }),
            offer_kind().prop_map(|kind| QuotaGroup::OfferKind { kind }),
            text().prop_map(|area| QuotaGroup::NewcomerArea { area }),
        ],
        any::<u32>(),
        prop::option::of(any::<u32>()),
    )
        .prop_map(|(group, min, max)| Quota { group, min, max })
}

fn relationship_event() -> impl Strategy<Value = RelationshipEvent> {
    let side = prop::sample::select(vec![
        RelationshipSide::Household,
        RelationshipSide::Volunteer,
    ]);
    let kind = prop_oneof![
        side.clone()
            .prop_map(|side| RelationshipEventKind::Accepted { side }),
        side.prop_map(|side| RelationshipEventKind::Declined { side }),
        Just(RelationshipEventKind::Withdrawn),
        Just(RelationshipEventKind::Started),
        prop::sample::select(vec![
            CheckInOutcome::Going,
            CheckInOutcome::NeedsSupport,
            CheckInOutcome::NotMeeting
        ])
        .prop_map(|outcome| RelationshipEventKind::CheckIn { outcome }),
        (
            prop::sample::select(vec![
                EndReason::MovedAway,
                EndReason::DidNotClick,
                EndReason::VolunteerStopped,
                EndReason::HouseholdStopped,
                EndReason::GoalReached,
                EndReason::ConsentWithdrawn,
                EndReason::Other
            ]),
            any::<bool>()
        )
            .prop_map(|(reason, rematch)| RelationshipEventKind::Ended { reason, rematch }),
    ];
    (date(), kind, prop::option::of(id())).prop_map(|(on, kind, by)| RelationshipEvent {
        on,
        kind,
        by: by.map(Into::into),
    })
}

/// Any relationship: ids of any text, dates anywhere, any sequence of events (valid or not).
pub fn relationship() -> impl Strategy<Value = Relationship> {
    (
        (id(), id(), id()),
        (
            prop::option::of(id()),
            prop::option::of(id()),
            prop::option::of(id()),
            prop::option::of(id()),
            prop::option::of(id()),
        ),
        date(),
        prop::collection::vec(relationship_event(), 0..5),
    )
        .prop_map(
            |(
                (id, newcomer, offer),
                (cohort, rule_set, run, proposal, replaces),
                proposed_on,
                events,
            )| {
                let mut r = Relationship::proposed(id, newcomer, offer, proposed_on);
                r.cohort = cohort.map(Into::into);
                r.rule_set = rule_set.map(Into::into);
                r.run = run.map(Into::into);
                r.proposal = proposal.map(Into::into);
                r.replaces = replaces.map(Into::into);
                r.events = events;
                r
            },
        )
}

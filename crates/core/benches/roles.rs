#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Role splits: analysis, matrix and rendering, and an all-or-nothing change, on the Aalborg
//! example (16 tasks × 8 parties, 49 assignments) and on a large synthetic partnership
//! (a municipality with 6 departments and 40 organisations, 60 activities, 20 custom tasks,
//! about 500 assignments).
//!
//! Run with `cargo bench -p brobygger --bench roles`.

use brobygger::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn large() -> (Dossier, AgreementId) {
    let mut d = Dossier::example("aalborg").unwrap();
    let m: MunicipalityId = "aalborg".into();
    let kinds = [
        DepartmentKind::SocialServices,
        DepartmentKind::CultureAndLeisure,
        DepartmentKind::Other,
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        d.municipalities[0].departments.push(Department {
            id: format!("dep-{i}").into(),
            kind,
            name: format!("Forvaltning {i}"),
        });
    }
    for i in 0..40 {
        d.organisations.push(Organisation {
            id: format!("DK-LOCAL-forening-{i}").into(),
            name: format!("Forening {i}"),
            kind: OrganisationKind::SocialVolunteerAssociation,
            profile: OrganisationProfile::default(),
            housing_cooperation: Vec::new(),
        });
        d.posts.push(Post {
            id: format!("post-{i}").into(),
            title: format!("Kontaktperson {i}"),
            kind: PostKind::ContactPerson,
            party: PartyRef::Organisation {
                organisation: format!("DK-LOCAL-forening-{i}").into(),
            },
            agreement: None,
            holders: vec![Tenure {
                person: d.people[i % d.people.len()].id.clone(),
                from: "2014-01-01".parse().unwrap(),
                until: None,
            }],
        });
    }
    let parties: Vec<PartyRef> = d.municipalities[0]
        .departments
        .iter()
        .map(|dep| PartyRef::Department {
            municipality: m.clone(),
            department: dep.id.clone(),
        })
        .chain((0..40).map(|i| PartyRef::Organisation {
            organisation: format!("DK-LOCAL-forening-{i}").into(),
        }))
        .collect();
    let terms = &mut d.agreements[0].versions[1].terms;
    for p in &parties {
        if !terms.parties.iter().any(|ap| &ap.party == p) {
            terms.parties.push(AgreementParty {
                party: p.clone(),
                signatory: None,
            });
        }
    }
    terms.routines[0].participants = parties.clone();
    let mut split = terms.roles.clone();
    for i in 0..60 {
        terms.activities.push(Activity {
            id: format!("act-{i}").into(),
            name: format!("Aktivitet {i}"),
            kind: ActivityKind::Other,
            track: Track::User,
            target_groups: vec![],
            area: None,
            lead: None,
            volunteers: None,
        });
    }
    for i in 0..20 {
        split.tasks.push(CustomTask {
            id: format!("t-{i}").into(),
            name: format!("Egen opgave {i}"),
            statutory: i % 5 == 0,
            description: None,
        });
    }
    let tasks: Vec<TaskRef> = (0..60)
        .map(|i| TaskRef::activity(format!("act-{i}")))
        .chain((0..20).map(|i| TaskRef::custom(format!("t-{i}"))))
        .collect();
    for (k, task) in tasks.iter().enumerate() {
        let org = 6 + k % 40;
        let dep = k % 6;
        split.assignments.push(
            Assignment::new(task.clone(), parties[org].clone(), Raci::Responsible).with_hours(1.0),
        );
        // The first department is the CTF, whose head's post can carry accountability.
        let accountable = Assignment::new(task.clone(), parties[dep].clone(), Raci::Accountable);
        split.assignments.push(if dep == 0 {
            accountable.carried_by_post("aalborg-ctf-head")
        } else {
            accountable
        });
        split.assignments.push(Assignment::new(
            task.clone(),
            parties[6 + (k + 1) % 40].clone(),
            Raci::Responsible,
        ));
        split.assignments.push(Assignment::new(
            task.clone(),
            parties[(dep + 1) % 6].clone(),
            Raci::Consulted,
        ));
        split.assignments.push(Assignment::new(
            task.clone(),
            parties[6 + (k + 2) % 40].clone(),
            Raci::Informed,
        ));
        split.assignments.push(
            Assignment::new(
                task.clone(),
                parties[6 + (k + 3) % 40].clone(),
                Raci::Consulted,
            )
            .carried_by_post(format!("post-{}", (k + 3) % 40)),
        );
    }
    terms.roles = split;
    // Drafts change in place; the benchmark measures that path.
    d.agreements[0].status = AgreementStatus::Draft;
    d.agreements[0].history.clear();
    let errors: Vec<String> = d
        .validate()
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.render(Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    (d, "aalborg-lbb".into())
}

fn bench(c: &mut Criterion) {
    let aalborg = Dossier::example("aalborg").unwrap();
    let id: AgreementId = "aalborg-lbb".into();
    let options = RoleOptions::as_of("2019-06-30".parse().unwrap());
    c.bench_function("roles/aalborg/analyse", |b| {
        b.iter(|| aalborg.roles(black_box(&id)).analyse(options).unwrap())
    });
    c.bench_function("roles/aalborg/matrix+html", |b| {
        b.iter(|| {
            aalborg
                .roles(black_box(&id))
                .matrix(options)
                .unwrap()
                .html(Lang::Da)
        })
    });

    let (big, id) = large();
    let n = big.roles(&id).split(None).unwrap().assignments.len();
    let m = big.roles(&id).matrix(options).unwrap();
    println!(
        "synthetic split: {n} assignments, {} tasks x {} parties",
        m.rows.len(),
        m.parties.len()
    );
    c.bench_function("roles/large/analyse", |b| {
        b.iter(|| big.roles(black_box(&id)).analyse(options).unwrap())
    });
    c.bench_function("roles/large/matrix+markdown", |b| {
        b.iter(|| {
            big.roles(black_box(&id))
                .matrix(options)
                .unwrap()
                .markdown(Lang::En)
        })
    });
    c.bench_function("roles/large/validate", |b| {
        b.iter(|| black_box(&big).validate())
    });
    let change = [RoleChange::Assign {
        assignment: Assignment::new(
            TaskRef::catalogue("share_needs"),
            PartyRef::Organisation {
                organisation: "DK-LOCAL-forening-7".into(),
            },
            Raci::Responsible,
        ),
    }];
    c.bench_function("roles/large/change_roles", |b| {
        b.iter_batched(
            || big.clone(),
            |mut d| d.roles_mut(&id).change(&change).unwrap(),
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

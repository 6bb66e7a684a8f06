//! How long an assessment and a report take on the built-in examples, and how assessment time
//! grows with the number of meetings and posts (the parts that grow over a partnership's life).
#![allow(clippy::unwrap_used, missing_docs)]

use brobygger::{
    Dossier, Format, Lang, MeetingRecord, Post, ReportOptions, Tenure, chrono::NaiveDate,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The Aalborg dossier with `n` extra meetings and `n` extra posts with two tenures each.
fn grown(n: usize) -> Dossier {
    let mut d = Dossier::example("aalborg").unwrap();
    let template = d.posts[0].clone();
    for i in 0..n {
        let held = day("2014-09-01") + brobygger::chrono::TimeDelta::days(i as i64 % 1000);
        d.agreements[0].meetings.push(MeetingRecord {
            forum: "steering".into(),
            held_on: held,
            invited_on: Some(held - brobygger::chrono::TimeDelta::days(10)),
            agenda_sent: i % 3 != 0,
            agenda: Vec::new(),
            decisions: Vec::new(),
            action_items: Vec::new(),
        });
        d.posts.push(Post {
            id: format!("extra-{i}").into(),
            holders: vec![
                Tenure {
                    person: template.holders[0].person.clone(),
                    from: day("2015-01-01"),
                    until: Some(held.max(day("2015-01-02"))),
                },
                Tenure {
                    person: template.holders[1].person.clone(),
                    from: held.max(day("2015-01-02")),
                    until: None,
                },
            ],
            ..template.clone()
        });
    }
    d
}

fn bench(c: &mut Criterion) {
    let as_of = day("2017-06-30");
    let aalborg = Dossier::example("aalborg").unwrap();
    let id = "aalborg-lbb".into();
    c.bench_function("assess aalborg-lbb", |b| {
        b.iter(|| black_box(aalborg.assessment().assess(&id, as_of).unwrap()))
    });
    for (name, format) in [("markdown", Format::Markdown), ("html", Format::Html)] {
        c.bench_function(&format!("report aalborg-lbb {name}"), |b| {
            b.iter(|| {
                black_box(
                    aalborg
                        .assessment()
                        .report(&id, ReportOptions::new(as_of, Lang::Da, format))
                        .unwrap(),
                )
            })
        });
    }
    // Horsens has answered checklists: the default assessment aligns them; a day before some
    // answers were given it works on a dated copy of the dossier.
    let horsens = Dossier::example("horsens").unwrap();
    let lawan = "horsens-lawan".into();
    for (name, date) in [("", "2017-08-01"), (" (dated copy)", "2017-06-16")] {
        let on = day(date);
        c.bench_function(&format!("assess horsens-lawan{name}"), |b| {
            b.iter(|| black_box(horsens.assessment().assess(&lawan, on).unwrap()))
        });
    }
    c.bench_function("report horsens-lawan html", |b| {
        b.iter(|| {
            black_box(
                horsens
                    .assessment()
                    .report(
                        &lawan,
                        ReportOptions::new(day("2017-08-01"), Lang::Da, Format::Html),
                    )
                    .unwrap(),
            )
        })
    });
    c.bench_function("health summary horsens", |b| {
        b.iter(|| {
            black_box(
                horsens
                    .assessment()
                    .health_summary(day("2017-08-01"), Lang::Da),
            )
        })
    });
    let mut group = c.benchmark_group("assess with n meetings and posts");
    for n in [100, 1_000, 10_000] {
        let d = grown(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &d, |b, d| {
            b.iter(|| black_box(d.assessment().assess(&id, as_of).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

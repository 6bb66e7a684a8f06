#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Arrivals over time: on streams from any seed and shape, no policy beats the hindsight
//! optimum, no offer gives more places than it has, nobody is matched before arriving or twice,
//! and the forecast, bid-price, consensus and regret policies that never hold back are the
//! greedy one.

use brobygger::matching::{
    Arrival, ArrivalStream, BatchPolicy, StreamOptions, hindsight, sample_arrivals, simulate,
    simulate_stream,
};
use proptest::prelude::*;

fn options() -> impl Strategy<Value = StreamOptions> {
    (
        1u32..20,
        1u32..12,
        1u32..4,
        0.0f64..6.0,
        1u32..5,
        1u32..6,
        0.0f64..1.0,
    )
        .prop_map(
            |(
                weeks,
                offers,
                places_per_offer,
                arrivals_per_week,
                languages,
                candidates_per_household,
                seasonality,
            )| {
                StreamOptions {
                    weeks,
                    offers,
                    places_per_offer,
                    arrivals_per_week,
                    languages,
                    candidates_per_household,
                    seasonality,
                }
            },
        )
}

fn check(stream: &ArrivalStream, o: &brobygger::matching::ArrivalOutcome) {
    let mut used = vec![0u32; stream.capacities.len()];
    for (i, (a, w)) in o.assignment.iter().zip(&o.matched_week).enumerate() {
        assert_eq!(a.is_some(), w.is_some());
        if let (Some(j), Some(w)) = (a, w) {
            used[*j as usize] += 1;
            let h = &stream.households[i];
            assert!(*w >= h.week, "matched before arriving");
            assert!(h.candidates.iter().any(|(c, _)| c == j), "not a candidate");
        }
    }
    for (u, c) in used.iter().zip(&stream.capacities) {
        assert!(u <= c, "an offer gave more places than it has");
    }
    assert_eq!(o.placements_per_week.iter().sum::<u32>(), o.matched);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_policy_beats_hindsight_and_capacities_hold(
        seed in any::<u64>(),
        forecast_seed in any::<u64>(),
        o in options(),
        discount in 0.0f64..=1.0,
        max_wait in 0u32..10,
        wait_cost in prop_oneof![Just(0i64), 0i64..2_000, Just(i64::MAX), any::<i64>()],
    ) {
        let stream = simulate_stream(seed, o);
        let best = hindsight(&stream);
        check(&stream, &best);
        let greedy = simulate(&stream, &BatchPolicy::Greedy);
        check(&stream, &greedy);
        let forecast = simulate(&stream, &BatchPolicy::Forecast {
            expected: simulate_stream(forecast_seed, o).households,
            discount,
            max_wait_weeks: max_wait,
        });
        check(&stream, &forecast);
        let samples: Vec<Vec<Arrival>> = (0..2)
            .map(|k| sample_arrivals(seed, o, forecast_seed.wrapping_add(k)))
            .collect();
        for sample in &samples {
            prop_assert!(sample.iter().all(|a| a.week < stream.weeks
                && a.candidates.iter().all(|(j, _)| (*j as usize) < stream.capacities.len())));
        }
        let bids = simulate(&stream, &BatchPolicy::BidPrices {
            samples: samples.clone(),
            discount,
            max_wait_weeks: max_wait,
        });
        check(&stream, &bids);
        prop_assert!(bids.total_score <= best.total_score);
        let consensus = simulate(&stream, &BatchPolicy::Consensus {
            samples: samples.clone(),
            max_wait_weeks: max_wait,
        });
        check(&stream, &consensus);
        prop_assert!(consensus.total_score <= best.total_score);
        // With no waiting allowed, consensus is greedy.
        let impatient = simulate(&stream, &BatchPolicy::Consensus {
            samples: samples.clone(),
            max_wait_weeks: 0,
        });
        prop_assert_eq!(&impatient.assignment, &greedy.assignment);
        let regret = simulate(&stream, &BatchPolicy::Regret {
            samples: samples.clone(),
            wait_cost,
            max_wait_weeks: max_wait,
        });
        check(&stream, &regret);
        prop_assert!(regret.total_score <= best.total_score);
        prop_assert!(regret.ratio_to(&best) <= 1.0);
        // With no waiting allowed, the regret policy is greedy, whatever the wait cost.
        let impatient = simulate(&stream, &BatchPolicy::Regret {
            samples: samples.clone(),
            wait_cost,
            max_wait_weeks: 0,
        });
        prop_assert_eq!(&impatient.assignment, &greedy.assignment);
        prop_assert_eq!(&impatient.matched_week, &greedy.matched_week);
        let never = simulate(&stream, &BatchPolicy::BidPrices {
            samples,
            discount,
            max_wait_weeks: 0,
        });
        prop_assert_eq!(&never.assignment, &greedy.assignment);
        prop_assert!(greedy.total_score <= best.total_score);
        prop_assert!(forecast.total_score <= best.total_score);
        prop_assert!(greedy.ratio_to(&best) <= 1.0 && forecast.ratio_to(&best) <= 1.0);
        // Never holding back is greedy, whatever the forecast.
        let never = simulate(&stream, &BatchPolicy::Forecast {
            expected: simulate_stream(forecast_seed, o).households,
            discount,
            max_wait_weeks: 0,
        });
        prop_assert_eq!(never.assignment, greedy.assignment);
    }
}

#[test]
fn the_same_seed_gives_the_same_stream_and_a_late_better_fit_shows_the_gap() {
    assert_eq!(
        simulate_stream(7, StreamOptions::default()),
        simulate_stream(7, StreamOptions::default())
    );
    assert_ne!(
        simulate_stream(7, StreamOptions::default()),
        simulate_stream(8, StreamOptions::default())
    );
    // One place; a weak fit arrives in week 0, a strong one in week 1.
    let stream = ArrivalStream {
        weeks: 2,
        capacities: vec![1],
        households: vec![
            Arrival {
                week: 0,
                candidates: vec![(0, 100)],
            },
            Arrival {
                week: 1,
                candidates: vec![(0, 900)],
            },
        ],
    };
    let best = hindsight(&stream);
    assert_eq!(best.total_score, 900);
    let greedy = simulate(&stream, &BatchPolicy::Greedy);
    assert_eq!(greedy.total_score, 100);
    // A forecast that expects the strong fit holds the place one week.
    let forecast = simulate(
        &stream,
        &BatchPolicy::Forecast {
            expected: vec![Arrival {
                week: 1,
                candidates: vec![(0, 800)],
            }],
            discount: 1.0,
            max_wait_weeks: 4,
        },
    );
    assert_eq!(forecast.total_score, 900);
    assert_eq!(forecast.matched_week, vec![None, Some(1)]);
    assert!((greedy.ratio_to(&best) - 100.0 / 900.0).abs() < 1e-12);
    // Waiting is bounded: a forecast that expects a strong fit only in week 5 holds the place
    // in week 0, but the weak fit has waited a week by week 1 and is matched first.
    let bounded = simulate(
        &stream,
        &BatchPolicy::Forecast {
            expected: vec![Arrival {
                week: 5,
                candidates: vec![(0, 800)],
            }],
            discount: 1.0,
            max_wait_weeks: 1,
        },
    );
    assert_eq!(bounded.total_score, 100);
    assert_eq!(bounded.matched_week, vec![Some(1), None]);
    assert_eq!(greedy.spread(), 1.0);
    assert_eq!(greedy.share_placed_by(1), 1.0);
    // Bid prices: in week 0 the place would cost the sampled future 800, more than the weak
    // fit's 100, so it is held; in week 1 nothing is expected after, so its price is 0.
    let bids = simulate(
        &stream,
        &BatchPolicy::BidPrices {
            samples: vec![vec![Arrival {
                week: 1,
                candidates: vec![(0, 800)],
            }]],
            discount: 1.0,
            max_wait_weeks: 4,
        },
    );
    assert_eq!(bids.total_score, 900);
    assert_eq!(bids.matched_week, vec![None, Some(1)]);
    // Consensus: the one plan gives the place to the strong fit expected in week 1, so the
    // weak fit waits in week 0; in week 1 the strong fit is here and takes it.
    let planned = simulate(
        &stream,
        &BatchPolicy::Consensus {
            samples: vec![vec![Arrival {
                week: 1,
                candidates: vec![(0, 800)],
            }]],
            max_wait_weeks: 4,
        },
    );
    assert_eq!(planned.total_score, 900);
    assert_eq!(planned.matched_week, vec![None, Some(1)]);
    // A plan whose future wants nothing the weak fit wants leaves it its place at once.
    let elsewhere = simulate(
        &stream,
        &BatchPolicy::Consensus {
            samples: vec![vec![Arrival {
                week: 1,
                candidates: vec![],
            }]],
            max_wait_weeks: 4,
        },
    );
    assert_eq!(elsewhere.matched_week, vec![Some(0), None]);
    // Regret: the one sampled future gives the place to a strong fit of 800, so no plan places
    // the weak fit now and it waits; in week 1 the strong fit is here and takes the place.
    let regret = |samples: Vec<Vec<Arrival>>, wait_cost: i64| {
        simulate(
            &stream,
            &BatchPolicy::Regret {
                samples,
                wait_cost,
                max_wait_weeks: 4,
            },
        )
    };
    let expect = |score: i64| {
        vec![Arrival {
            week: 1,
            candidates: vec![(0, score)],
        }]
    };
    let held = regret(vec![expect(800)], 1_000);
    assert_eq!(held.total_score, 900);
    assert_eq!(held.matched_week, vec![None, Some(1)]);
    // Two futures: one brings a fit of 140, the other nobody. Taking the place now loses 40 in
    // the first and nothing in the second, 20 on average: worth it when a wait costs more.
    let split = || vec![expect(140), Vec::new()];
    assert_eq!(regret(split(), 30).matched_week, vec![Some(0), None]);
    assert_eq!(regret(split(), 20).matched_week, vec![Some(0), None]);
    assert_eq!(regret(split(), 10).matched_week, vec![None, Some(1)]);
    // A sampled future that wants the place less than the weak fit costs nothing to serve.
    assert_eq!(
        regret(vec![expect(60)], 0).matched_week,
        vec![Some(0), None]
    );
}

#[test]
fn regret_prefers_the_offer_the_future_misses_least() {
    // Two offers of one place; the household here fits offer 0 better (600 against 500), but
    // the sampled future brings a household that only offer 0 suits (900): taking offer 1 now
    // loses nothing, so that is what it takes, and the later household gets offer 0.
    let stream = ArrivalStream {
        weeks: 2,
        capacities: vec![1, 1],
        households: vec![
            Arrival {
                week: 0,
                candidates: vec![(0, 600), (1, 500)],
            },
            Arrival {
                week: 1,
                candidates: vec![(0, 900)],
            },
        ],
    };
    let future = vec![vec![Arrival {
        week: 1,
        candidates: vec![(0, 900)],
    }]];
    let greedy = simulate(&stream, &BatchPolicy::Greedy);
    assert_eq!(greedy.total_score, 600);
    let regret = simulate(
        &stream,
        &BatchPolicy::Regret {
            samples: future,
            wait_cost: 0,
            max_wait_weeks: 4,
        },
    );
    assert_eq!(regret.assignment, vec![Some(1), Some(0)]);
    assert_eq!(regret.matched_week, vec![Some(0), Some(1)]);
    assert_eq!(regret.total_score, hindsight(&stream).total_score);
}

#[test]
fn sampled_years_keep_the_streams_offers_and_differ_in_households() {
    let o = StreamOptions::default();
    let stream = simulate_stream(3, o);
    let a = sample_arrivals(3, o, 1);
    assert_eq!(a, sample_arrivals(3, o, 1));
    assert_ne!(a, sample_arrivals(3, o, 2));
    assert_ne!(a, stream.households);
    // The same offers: an offer's score for any household is half its quality (the same in
    // every year) and half the pair's fit, so its lowest and highest scores bracket the same
    // quality in the stream and in a sampled year of many households.
    let many = StreamOptions {
        arrivals_per_week: 200.0,
        ..o
    };
    let (x, y) = (simulate_stream(3, many), sample_arrivals(3, many, 9));
    for j in 0..x.capacities.len() as u32 {
        let range = |hs: &[Arrival]| {
            let s: Vec<i64> = hs
                .iter()
                .flat_map(|h| h.candidates.iter().filter(|(o, _)| *o == j).map(|p| p.1))
                .collect();
            (s.iter().min().copied(), s.iter().max().copied())
        };
        let ((lo_x, hi_x), (lo_y, hi_y)) = (range(&x.households), range(&y));
        if let (Some(lo_x), Some(hi_x), Some(lo_y), Some(hi_y)) = (lo_x, hi_x, lo_y, hi_y) {
            // quality/2 lies in [score - 500, score] for every score of the offer.
            assert!(
                hi_x - 500 <= lo_y + 1 && hi_y - 500 <= lo_x + 1,
                "offer {j}"
            );
        }
    }
}

//! `innorank robustness` (SMAA): the estimators against hand-computed
//! numbers on replayed weights, the samplers' laws on fixed seeds,
//! reproducibility (seed, threads, replay), errors, invariants (proptest),
//! and the output in every format (insta snapshots).

use innorank::pipeline::robustness::{RobustnessOptions, WeightRows, WeightsModel, robustness};
use innorank::smaa::{DrawRng, Ordinal, Purpose, SmaaConfig, saaty_spread, simulate, uniform_simplex};
use proptest::prelude::*;

use crate::common::{Dir, assert_close, innorank, load};

const PROPOSALS: &str = "examples/innovation-proposals.yaml";

/// Three alternatives on two benefit criteria: a is best on g1, b on g2, c
/// halfway on both.
const TRIANGLE: &str = "name: triangle
criteria: [{id: g1}, {id: g2}]
alternatives:
  - {id: a, scores: {g1: 10, g2: 0}}
  - {id: b, scores: {g1: 0, g2: 10}}
  - {id: c, scores: {g1: 5, g2: 5}}
";

/// Four replayed draws. All on g1 ranks a, c, b (closeness 1, 0.5, 0); all
/// on g2 ranks b, c, a; half and half ties all three at 0.5 (each is as far
/// from the ideal as from the anti-ideal), so all three rank 1. Written
/// g2 first: the header may list the leaves in any order; row 3 is not
/// scaled (2, 2 -> 0.5, 0.5).
const TRIANGLE_DRAWS: &str = "g2,g1\n0,1\n1,0\n2,2\n0,1\n";

fn triangle_run(extra: &[&str]) -> serde_json::Value {
    let dir = Dir::new("smaa-triangle");
    let problem = dir.write("triangle.yaml", TRIANGLE);
    let draws = dir.write("draws.csv", TRIANGLE_DRAWS);
    let mut args = vec![
        "robustness".to_owned(),
        problem.display().to_string(),
        "--weights-from".to_owned(),
        draws.display().to_string(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    innorank(&args).json()
}

/// By hand from the ranks per draw: a 1,3,1,1; b 3,1,1,3; c 2,2,1,2.
#[test]
fn replayed_draws_give_the_hand_computed_estimators() {
    let json = triangle_run(&["--pairwise"]);
    assert_eq!(json["weights_model"], "replay");
    assert_eq!(json["draws"], 4);
    let rows = json["alternatives"].as_array().unwrap();
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    // (id, b1..b3, mean rank, p05, p95, holistic = 1 - (mean - 1) / 2, central g1, g2)
    let want = [
        ("a", [0.75, 0.0, 0.25], 1.5, 1, 3, 0.75, [5.0 / 6.0, 1.0 / 6.0]),
        ("b", [0.5, 0.0, 0.5], 2.0, 1, 3, 0.5, [0.25, 0.75]),
        ("c", [0.25, 0.75, 0.0], 1.75, 1, 2, 0.625, [0.5, 0.5]),
    ];
    for (id, b, mean, p05, p95, holistic, central) in want {
        let r = by_id(id);
        for (k, &want_b) in b.iter().enumerate() {
            assert_close(
                &format!("{id} b{}", k + 1),
                r["acceptability"][k].as_f64().unwrap(),
                want_b,
                0.0,
            );
            let se = (want_b * (1.0 - want_b) / 4.0).sqrt();
            assert_close(
                &format!("{id} se{}", k + 1),
                r["acceptability_se"][k].as_f64().unwrap(),
                se,
                1e-15,
            );
        }
        assert_close(&format!("{id} mean rank"), r["mean_rank"].as_f64().unwrap(), mean, 0.0);
        assert_eq!(
            (r["rank_p05"].as_u64(), r["rank_p95"].as_u64()),
            (Some(p05), Some(p95)),
            "{id}"
        );
        assert_close(
            &format!("{id} holistic"),
            r["holistic"].as_f64().unwrap(),
            holistic,
            1e-15,
        );
        assert_close(
            &format!("{id} cw g1"),
            r["central_weights"]["g1"].as_f64().unwrap(),
            central[0],
            1e-15,
        );
        assert_close(
            &format!("{id} cw g2"),
            r["central_weights"]["g2"].as_f64().unwrap(),
            central[1],
            1e-15,
        );
        assert_eq!(r["confidence"], 1.0, "{id}: no uncertain score, ever first");
    }
    // Base ranking (equal weights): all tie, listed in input order.
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // Pairwise: a above b in draws 1 and 4, b above a in draw 2, ...
    assert_eq!(json["pairwise"]["ids"], serde_json::json!(["a", "b", "c"]));
    assert_eq!(
        json["pairwise"]["matrix"],
        serde_json::json!([[0.0, 0.5, 0.5], [0.25, 0.0, 0.25], [0.25, 0.5, 0.0]])
    );
    // -(0.75 log2 0.75 + 0.5 log2 0.5 + 0.25 log2 0.25)
    let entropy = -(0.75f64 * 0.75f64.log2() + 0.5 * 0.5f64.log2() + 0.25 * 0.25f64.log2());
    assert_close("entropy", json["choice_entropy"].as_f64().unwrap(), entropy, 1e-15);
}

#[test]
fn ranks_option_caps_the_acceptability_and_csv_has_one_row_per_alternative() {
    let json = triangle_run(&["--ranks", "2"]);
    assert_eq!(json["alternatives"][0]["acceptability"], serde_json::json!([0.75, 0.0]));
    let dir = Dir::new("smaa-csv");
    let problem = dir.write("triangle.yaml", TRIANGLE);
    let draws = dir.write("draws.csv", TRIANGLE_DRAWS);
    let csv = innorank([
        "robustness",
        problem.to_str().unwrap(),
        "--weights-from",
        draws.to_str().unwrap(),
        "--format",
        "csv",
    ])
    .stdout();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,base_rank,mean_rank,rank_p05,rank_p95,holistic,confidence,b1,b2,b3"
    );
    assert_eq!(lines[1], "a,1,1.5,1,3,0.75,1,0.75,0,0.25");
    assert_eq!(lines.len(), 4);
}

#[test]
fn bad_weight_files_are_refused_located() {
    let dir = Dir::new("smaa-bad");
    let problem = dir.write("triangle.yaml", TRIANGLE);
    let cases = [
        ("g1,g3\n1,1\n", "line 1, column 2: `g3` is not a leaf criterion"),
        ("g1\n1\n", "no column for leaf `g2`"),
        ("g1,g2\n1,-0.5\n", "line 2, column 2: `-0.5` is not a weight"),
        ("g1,g2\n1,1\n0,0\n", "line 3: every weight is 0"),
        ("g1,g2\n1,1,1\n", "line 2: 3 values, expected 2"),
        ("g1,g2\n", "no weight rows"),
    ];
    for (text, message) in cases {
        let draws = dir.write("draws.csv", text);
        let errors = innorank([
            "robustness",
            problem.to_str().unwrap(),
            "--weights-from",
            draws.to_str().unwrap(),
        ])
        .errors();
        assert_eq!(errors.len(), 1, "{text:?}: {errors:?}");
        assert!(
            errors[0].contains(message) && errors[0].contains("draws.csv"),
            "{text:?}: {errors:?}"
        );
    }
}

#[test]
fn option_errors_exit_2() {
    let refused = |args: &[&str]| innorank(args).run().refused();
    refused(&["robustness", PROPOSALS, "--synthesis", "ideal"]);
    refused(&["robustness", PROPOSALS, "--draws", "0"]);
    refused(&["robustness", PROPOSALS, "--ranks", "0"]);
    refused(&["robustness", PROPOSALS, "--weights", "random"]);
    refused(&[
        "robustness",
        PROPOSALS,
        "--weights",
        "uniform",
        "--weights-from",
        "x.csv",
    ]);
}

#[test]
fn pairwise_refuses_more_than_1000_alternatives() {
    let mut yaml = String::from("name: many\ncriteria: [{id: g1}, {id: g2}]\nalternatives:\n");
    for i in 0..1001 {
        yaml.push_str(&format!("  - {{id: x{i}, scores: {{g1: {i}, g2: {}}}}}\n", 1001 - i));
    }
    let errors = innorank(["robustness", "-", "--pairwise", "--draws", "1"])
        .stdin(yaml)
        .errors();
    assert!(
        errors[0].contains("at most 1000") && errors[0].contains("1001"),
        "{errors:?}"
    );
}

/// The same seed gives the same bytes on 1, 2 and 4 threads; another seed
/// other numbers.
#[test]
fn output_is_identical_on_any_number_of_threads() {
    let run = |threads: &str, seed: &str| {
        innorank([
            "robustness",
            PROPOSALS,
            "--draws",
            "3000",
            "--seed",
            seed,
            "--pairwise",
            "--format",
            "json",
        ])
        .env("RAYON_NUM_THREADS", threads)
        .stdout()
    };
    let one = run("1", "5");
    assert_eq!(one, run("2", "5"));
    assert_eq!(one, run("4", "5"));
    assert_ne!(one, run("2", "6"));
}

/// `--draws-out` then `--weights-from` reproduces every number.
#[test]
fn draws_out_replays_exactly() {
    let dir = Dir::new("smaa-replay");
    let out = dir.join("draws.csv");
    let first = innorank([
        "robustness",
        PROPOSALS,
        "--draws",
        "500",
        "--seed",
        "3",
        "--format",
        "json",
        "--draws-out",
        out.to_str().unwrap(),
    ])
    .json();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 501);
    let again = innorank([
        "robustness",
        PROPOSALS,
        "--weights-from",
        out.to_str().unwrap(),
        "--format",
        "json",
    ])
    .json();
    assert_eq!(first["alternatives"], again["alternatives"]);
    assert_eq!(first["choice_entropy"], again["choice_entropy"]);
    assert_eq!(
        (first["weights_model"].as_str(), again["weights_model"].as_str()),
        (Some("judgments"), Some("replay"))
    );
}

/// Dirichlet(1, ..., 1): each weight has mean 1/n and variance
/// (n - 1) / (n^2 (n + 1)); the sample means stay within 4 standard errors.
#[test]
fn uniform_weights_have_mean_one_over_n() {
    let (n, draws) = (5usize, 20_000u64);
    let mut sums = vec![0.0; n];
    let mut w = vec![0.0; n];
    for k in 0..draws {
        uniform_simplex(&mut DrawRng::new(11, k, Purpose::Weights), &mut w);
        assert!(w.iter().all(|&x| x >= 0.0) && (w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        for (s, x) in sums.iter_mut().zip(&w) {
            *s += x;
        }
    }
    let nf = n as f64;
    let se = ((nf - 1.0) / (nf * nf * (nf + 1.0)) / draws as f64).sqrt();
    for (j, s) in sums.iter().enumerate() {
        assert_close(&format!("mean w{j}"), s / draws as f64, 1.0 / nf, 4.0 * se);
    }
}

/// Ordinal weights: the k-th heaviest leaf's mean is the rank-order
/// centroid (1/n) sum_{i=k..n} 1/i (Barron & Barrett 1996); the order holds
/// in every draw; tied base weights are shared out evenly.
#[test]
fn ordinal_weights_have_rank_order_centroid_means() {
    let base = [0.1, 0.4, 0.2, 0.3];
    let ordinal = Ordinal::new(&base);
    let draws = 20_000u64;
    let mut sums = [0.0; 4];
    let mut w = [0.0; 4];
    for k in 0..draws {
        ordinal.draw(&mut DrawRng::new(2, k, Purpose::Weights), &mut w);
        assert!(w[1] >= w[3] && w[3] >= w[2] && w[2] >= w[0], "{w:?}");
        for (s, x) in sums.iter_mut().zip(&w) {
            *s += x;
        }
    }
    let roc = |k: usize| (k..=4).map(|i| 1.0 / i as f64).sum::<f64>() / 4.0;
    // Each mean's standard error is below sqrt(1/12 / N) (a weight in [0, 1]
    // has variance at most 1/4; 1/12 bounds these comfortably).
    let se = (1.0 / 12.0 / draws as f64).sqrt();
    for (leaf, k) in [(1, 1), (3, 2), (2, 3), (0, 4)] {
        assert_close(&format!("leaf {leaf}"), sums[leaf] / draws as f64, roc(k), 4.0 * se);
    }
    let tied = Ordinal::new(&[0.3, 0.3, 0.4]);
    let mut sums = [0.0; 3];
    for k in 0..draws {
        tied.draw(&mut DrawRng::new(2, k, Purpose::Weights), &mut w[..3]);
        for (s, x) in sums.iter_mut().zip(&w[..3]) {
            *s += x;
        }
    }
    assert_close(
        "tied leaves share",
        sums[0] / draws as f64,
        sums[1] / draws as f64,
        8.0 * se,
    );
}

/// One judgment [a, b, 3] spread to [2, 4]: w_a = v / (1 + v) stays in
/// [2/3, 4/5] and reaches near both ends.
#[test]
fn judgment_draws_stay_within_their_intervals() {
    assert_eq!(saaty_spread(3.0, 1), (2.0, 4.0));
    assert_eq!(saaty_spread(1.0 / 9.0, 1), (1.0 / 9.0, 1.0 / 8.0));
    assert_eq!(saaty_spread(9.0, 3), (6.0, 9.0));
    let problem = load(
        "name: j\ncriteria: [{id: a}, {id: b}]\ncomparisons: [[a, b, 3]]\nalternatives:\n  - {id: x, scores: {a: 1, b: 2}}\n  - {id: y, scores: {a: 2, b: 1}}\n",
    );
    let options = RobustnessOptions {
        draws: 4000,
        ..RobustnessOptions::default()
    };
    let report = robustness(&problem, &options, &|_| {}).unwrap();
    assert_eq!(report.model, WeightsModel::Judgments);
    let mut text = Vec::new();
    report.write_draws(&mut text).unwrap();
    let rows = WeightRows::parse(std::str::from_utf8(&text).unwrap(), &["a", "b"]).unwrap();
    let (mut lo, mut hi) = (1.0f64, 0.0f64);
    for k in 0..rows.len() {
        let wa = rows.row(k)[0];
        assert!((2.0 / 3.0 - 1e-12..=0.8 + 1e-12).contains(&wa), "draw {k}: {wa}");
        lo = lo.min(wa);
        hi = hi.max(wa);
    }
    assert!(lo < 2.0 / 3.0 + 0.002 && hi > 0.8 - 0.002, "{lo} {hi}");
}

/// Over 1,024 alternatives the rank quantiles are narrowed in passes; they
/// equal those of every rank counted.
#[test]
fn narrowed_rank_quantiles_equal_the_exact_ones() {
    let (m, draws) = (1500usize, 60u64);
    let score = |k: u64, w: &[f64], s: &mut [f64]| {
        for (i, x) in s.iter_mut().enumerate() {
            // Smooth in i, reshuffled by the draw's weights.
            *x = ((i as f64 * 0.37 + w[0] * 50.0).sin() + (i as f64 * 0.011) * w[1]).abs() + (k % 3) as f64 * 1e-3;
        }
    };
    let config = SmaaConfig {
        draws,
        alternatives: m,
        leaves: 2,
        ranks: 10,
        pairwise: false,
    };
    let smaa = simulate(
        &config,
        |k, w, s| {
            uniform_simplex(&mut DrawRng::new(1, k, Purpose::Weights), w);
            score(k, w, s);
            Ok::<(), ()>(())
        },
        &|_| {},
    )
    .unwrap();
    let mut ranks = vec![Vec::new(); m];
    let (mut w, mut s) = (vec![0.0; 2], vec![0.0; m]);
    for k in 0..draws {
        uniform_simplex(&mut DrawRng::new(1, k, Purpose::Weights), &mut w);
        score(k, &w, &mut s);
        for &(index, rank) in &innorank::ranking::rank_scores(&s) {
            ranks[index].push(rank as u32);
        }
    }
    for (i, r) in ranks.iter_mut().enumerate() {
        r.sort_unstable();
        // Smallest r with at least q % of the draws at r or better.
        let at = |q: usize| r[(q * draws as usize).div_ceil(100) - 1];
        assert_eq!(smaa.rank_quantiles(i), (at(5), at(95)), "alternative {i}");
        let mean = r.iter().map(|&x| f64::from(x)).sum::<f64>() / draws as f64;
        assert_close("mean rank", smaa.mean_rank(i), mean, 1e-9);
    }
}

#[test]
fn degenerate_problems_give_finite_numbers_and_warnings() {
    let one = innorank(["robustness", "-", "--format", "json", "--draws", "50"])
        .stdin("name: one\ncriteria: [{id: g1}, {id: g2}]\nalternatives: [{id: a, scores: {g1: 1, g2: 2}}]\n")
        .json();
    let a = &one["alternatives"][0];
    assert_eq!(
        (a["holistic"].as_f64(), a["acceptability"].clone()),
        (Some(1.0), serde_json::json!([1.0]))
    );
    assert_eq!(one["choice_entropy"], 0.0);
    assert!(!one["warnings"].as_array().unwrap().is_empty());
    let same = innorank(["robustness", "-", "--format", "json", "--draws", "50"])
        .stdin("name: same\ncriteria: [{id: g1}, {id: g2}]\nalternatives:\n  - {id: a, scores: {g1: 1, g2: 2}}\n  - {id: b, scores: {g1: 1, g2: 2}}\n")
        .json();
    for a in same["alternatives"].as_array().unwrap() {
        assert_eq!(a["acceptability"], serde_json::json!([1.0, 0.0]));
        assert_eq!(a["mean_rank"], 1.0);
    }
    assert_eq!(same["choice_entropy"], 0.0);
    let forced = innorank([
        "robustness",
        "-",
        "--format",
        "json",
        "--draws",
        "50",
        "--weights",
        "judgments",
    ])
    .stdin(TRIANGLE)
    .json();
    assert!(
        forced["warnings"].to_string().contains("no pairwise judgments to draw"),
        "{forced}"
    );
}

fn problem_yaml(scores: &[Vec<u8>]) -> String {
    let mut yaml = String::from("name: p\ncriteria: [{id: g1}, {id: g2, direction: cost}, {id: g3}]\nalternatives:\n");
    for (i, row) in scores.iter().enumerate() {
        yaml.push_str(&format!(
            "  - {{id: x{i}, scores: {{g1: {}, g2: {}, g3: {}}}}}\n",
            row[0], row[1], row[2]
        ));
    }
    yaml
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Invariants of every run: each row of acceptabilities sums to 1 over
    /// all ranks (competition ranks: one rank per alternative per draw);
    /// holistic in [0, 1]; 1 <= p05 <= p95 <= m and 1 <= mean rank <= m;
    /// central weights exist exactly when b1 > 0 and sum to 1; c_ik + c_ki
    /// <= 1 (ties count for neither); the b1 sum to at least 1 (a draw may
    /// have several firsts).
    #[test]
    fn estimators_are_consistent(
        scores in proptest::collection::vec(proptest::collection::vec(0u8..4, 3), 1..6),
        seed in 0u64..1000,
        ordinal in any::<bool>(),
    ) {
        let problem = load(&problem_yaml(&scores));
        let m = scores.len();
        let options = RobustnessOptions {
            draws: 300,
            seed,
            pairwise: true,
            weights: Some(if ordinal { WeightsModel::Ordinal } else { WeightsModel::Uniform }),
            ..RobustnessOptions::default()
        };
        let report = robustness(&problem, &options, &|_| {}).unwrap();
        prop_assert_eq!(report.alternatives.len(), m);
        let mut firsts = 0.0;
        for a in &report.alternatives {
            prop_assert!((a.acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            prop_assert!((0.0..=1.0).contains(&a.holistic));
            prop_assert!(1 <= a.rank_p05 && a.rank_p05 <= a.rank_p95 && a.rank_p95 as usize <= m);
            prop_assert!(a.mean_rank >= 1.0 && a.mean_rank <= m as f64);
            prop_assert_eq!(a.central_weights.is_some(), a.acceptability[0] > 0.0);
            if let Some(w) = &a.central_weights {
                prop_assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            }
            firsts += a.acceptability[0];
        }
        prop_assert!(firsts >= 1.0 - 1e-12);
        let c = report.pairwise.unwrap();
        for (i, row) in c.iter().enumerate() {
            for (k, &beats) in row.iter().enumerate() {
                prop_assert!(beats + c[k][i] <= 1.0 + 1e-12);
            }
        }
        prop_assert!(report.choice_entropy >= 0.0 && report.choice_entropy.is_finite());
    }
}

/// The snapshot of `innorank robustness PROPOSALS --draws 2000` in each
/// format.
#[test]
fn robustness_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        let args = ["robustness", PROPOSALS, "--draws", "2000", "--format", format];
        let run = innorank(args).env("COLUMNS", "80").run().success();
        insta::with_settings!({ description => format!("innorank {}", args.join(" ")), omit_expression => true }, {
            insta::assert_snapshot!(format!("robustness_{format}"), run.stdout);
        });
    }
}

/// One criterion, a's cost uniform in [100, 200] against b's 150: a ranks
/// first in half the draws, whatever the weights, and so in half the
/// confidence draws at its central weights.
#[test]
fn interval_scores_are_drawn_uniformly() {
    let problem = load(
        "name: s\ncriteria: [{id: cost, direction: cost}]\nalternatives:\n  - {id: a, scores: {cost: [100, 200]}}\n  - {id: b, scores: {cost: 150}}\n",
    );
    let draws = 4000;
    let options = RobustnessOptions {
        draws,
        ..RobustnessOptions::default()
    };
    let report = robustness(&problem, &options, &|_| {}).unwrap();
    let se = (0.25 / draws as f64).sqrt();
    for a in &report.alternatives {
        assert_close("b1", a.acceptability[0], 0.5, 4.0 * se);
        assert_close("confidence", a.confidence.unwrap(), 0.5, 4.0 * se);
    }
}

/// A judgment written [2, 8] is drawn in it (w_a = v / (1 + v) in [2/3,
/// 8/9]), whatever --judgment-spread says; uncertain scores replay exactly.
#[test]
fn interval_judgments_are_drawn_in_their_interval_and_replay_exactly() {
    let dir = Dir::new("smaa-intervals");
    let problem = dir.write(
        "p.yaml",
        "name: iv\ncriteria: [{id: a}, {id: b, direction: cost}]\ncomparisons: [[a, b, [2, 8]]]\nalternatives:\n  - {id: x, scores: {a: [1, 3], b: 2}}\n  - {id: y, scores: {a: 2, b: [1, 4]}}\n",
    );
    let out = dir.join("draws.csv");
    let (p, o) = (problem.to_str().unwrap(), out.to_str().unwrap());
    let first = innorank([
        "robustness",
        p,
        "--draws",
        "2000",
        "--judgment-spread",
        "0",
        "--format",
        "json",
        "--draws-out",
        o,
    ])
    .json();
    let rows = WeightRows::parse(&std::fs::read_to_string(&out).unwrap(), &["a", "b"]).unwrap();
    let wa: Vec<f64> = (0..rows.len()).map(|k| rows.row(k)[0]).collect();
    assert!(wa.iter().all(|&w| (2.0 / 3.0 - 1e-12..=8.0 / 9.0 + 1e-12).contains(&w)));
    assert!(wa.iter().any(|&w| w < 0.68) && wa.iter().any(|&w| w > 0.88));
    let again = innorank(["robustness", p, "--weights-from", o, "--format", "json"]).json();
    assert_eq!(first["alternatives"], again["alternatives"]);
    let confidence = &first["alternatives"][0]["confidence"];
    assert!(confidence.as_f64().is_some_and(|c| c > 0.0 && c < 1.0), "{confidence}");
}

/// Two alternatives compared under `taste` as `judgment` (a over b), scored
/// 1 and `gain_b` under `gain`. With both weights 1/2 and distributive
/// synthesis, a's priority under taste is `v / (1 + v)` and its gain
/// priority `1 / (1 + gain_b)`, so a scores higher exactly when the drawn
/// `v` exceeds `gain_b`.
fn compared_pair(judgment: &str, gain_b: f64) -> innorank::Problem {
    load(&format!(
        "name: c\ncriteria: [{{id: taste}}, {{id: gain}}]\nalternatives:\n  - {{id: a, scores: {{taste: 1, gain: 1}}}}\n  - {{id: b, scores: {{taste: 1, gain: {gain_b}}}}}\nalternative_comparisons:\n  taste:\n    - [a, b, {judgment}]\n"
    ))
}

/// `draws` replayed draws at weights (1/2, 1/2) under `--method ahp` with
/// `spread`: a's share of first places.
fn compared_pair_first(problem: &innorank::Problem, draws: usize, spread: usize) -> f64 {
    let rows = WeightRows::parse(&format!("taste,gain\n{}", "1,1\n".repeat(draws)), &["taste", "gain"]).unwrap();
    let options = RobustnessOptions {
        rank: innorank::RankOptions {
            method: innorank::Method::Ahp,
            ..Default::default()
        },
        weights: Some(WeightsModel::Replay(rows)),
        judgment_spread: spread,
        ..RobustnessOptions::default()
    };
    let report = robustness(problem, &options, &|_| {}).unwrap();
    let a = report.alternatives.iter().find(|r| r.index == 0).unwrap();
    a.acceptability[0]
}

/// The comparison of the alternatives is drawn in its interval [2, 4]
/// (written, or the point 3 spread by one Saaty step): a never wins when
/// that needs v > 4.2, always when v > 1.9 suffices, and wins with the
/// log-uniform probability ln(4/3) / ln 2 = 0.41504 when it needs v > 3.
#[test]
fn alternative_comparisons_are_drawn_inside_their_bounds() {
    let draws = 4000;
    let se = (0.415 * 0.585 / draws as f64).sqrt();
    for (judgment, spread) in [("[2, 4]", 0), ("[2, 4]", 3), ("3", 1)] {
        let share = |gain_b| compared_pair_first(&compared_pair(judgment, gain_b), draws, spread);
        assert_eq!(share(4.2), 0.0, "{judgment} spread {spread}: drawn above 4");
        assert_eq!(share(1.9), 1.0, "{judgment} spread {spread}: drawn below 2");
        assert_close(
            &format!("{judgment} spread {spread}"),
            share(3.0),
            (4.0f64 / 3.0).ln() / 2f64.ln(),
            4.0 * se,
        );
    }
}

/// Without intervals and with `--judgment-spread 0` nothing about the
/// alternatives is drawn: at the problem's own weights every draw gives
/// `rank --method ahp`'s ranking.
#[test]
fn point_comparisons_without_spread_reproduce_the_ranking() {
    for (gain_b, winner) in [(2.5, 0), (3.5, 1)] {
        let problem = compared_pair("3", gain_b);
        let ranked = innorank::rank(
            &problem,
            &innorank::RankOptions {
                method: innorank::Method::Ahp,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ranked.ranking.first().unwrap().index, winner);
        let a_first = compared_pair_first(&problem, 200, 0);
        assert_eq!(a_first, if winner == 0 { 1.0 } else { 0.0 }, "gain_b {gain_b}");
    }
}

const COMPARED: &str = "name: cmp
criteria:
  - {id: taste}
  - {id: cost, direction: cost}
comparisons: [[taste, cost, 2]]
alternatives:
  - {id: a, scores: {taste: 1, cost: 3}}
  - {id: b, scores: {taste: 1, cost: 4}}
  - {id: c, scores: {taste: 1, cost: 2}}
alternative_comparisons:
  taste:
    - [a, b, [1, 3]]
    - [b, c, 2]
    - [a, c, \"1/2\"]
";

/// Drawn comparisons of the alternatives give the same bytes on 1, 2 and 4
/// threads, and `--draws-out` then `--weights-from` replays every number
/// (the comparisons have their own stream, apart from the weights).
#[test]
fn alternative_comparison_draws_are_reproducible() {
    let dir = Dir::new("smaa-compared");
    let problem = dir.write("p.yaml", COMPARED);
    let out = dir.join("draws.csv");
    let (p, o) = (problem.to_str().unwrap(), out.to_str().unwrap());
    let run = |threads: &str, extra: &[&str]| {
        let mut args = vec!["robustness", p, "--method", "ahp", "--format", "json", "--seed", "4"];
        args.extend(extra);
        innorank(args).env("RAYON_NUM_THREADS", threads).stdout()
    };
    let one = run("1", &["--draws", "1500", "--draws-out", o]);
    assert_eq!(one, run("2", &["--draws", "1500"]));
    assert_eq!(one, run("4", &["--draws", "1500"]));
    assert_ne!(one, run("2", &["--draws", "1500", "--judgment-spread", "0"]));
    let first: serde_json::Value = serde_json::from_str(&one).unwrap();
    let again: serde_json::Value = serde_json::from_str(&run("2", &["--weights-from", o])).unwrap();
    assert_eq!(first["alternatives"], again["alternatives"]);
    assert_eq!(
        (
            &first["drawn_comparisons"],
            &again["drawn_comparisons"],
            &again["judgment_spread"]
        ),
        (
            &serde_json::json!(["taste"]),
            &serde_json::json!(["taste"]),
            &serde_json::json!(1)
        )
    );
    let b1: Vec<f64> = (0..3)
        .map(|i| first["alternatives"][i]["acceptability"][0].as_f64().unwrap())
        .collect();
    assert!(b1.iter().filter(|&&b| b > 0.0 && b < 1.0).count() >= 2, "{b1:?}");
}

//! `innorank sensitivity`: hand-computed crossings, a dense scan that the
//! exact intervals must agree with, `--judgments` against re-ranking,
//! `--curve`, degenerate problems, errors, and snapshots in every format.

use innorank::pipeline::Scorer;
use innorank::pipeline::screening::screen;
use innorank::pipeline::sensitivity::{Interval, SensitivityOptions, curve, sensitivity};
use innorank::problem::CriterionKind;
use innorank::{Problem, RankOptions};
use proptest::prelude::*;

use crate::common::{assert_close, innorank, load};

const PROPOSALS: &str = "examples/innovation-proposals.yaml";

/// Two alternatives mirrored on two criteria of weights 1 : 1 (TOPSIS,
/// vector): a = (cost 1, gain 1), b = (cost 2, gain 3).
const MIRRORED: &str = r#"
name: mirrored
criteria: [{id: cost, direction: cost, weight: 1}, {id: gain, weight: 1}]
alternatives:
  - {id: a, scores: {cost: 1, gain: 1}}
  - {id: b, scores: {cost: 2, gain: 3}}
"#;

#[test]
fn topsis_crossing_by_hand() {
    // Normalised: cost (1, 2) / sqrt 5, gain (1, 3) / sqrt 10. a is ideal
    // on cost and anti-ideal on gain, b the reverse, with squared gaps
    // (1/sqrt 5)^2 = 0.2 on cost and (2/sqrt 10)^2 = 0.4 on gain. With cost
    // weighing t: D+_a = (1 - t) sqrt 0.4, D-_a = t sqrt 0.2, and b the
    // mirror, so C_a = C_b where t sqrt 0.2 = (1 - t) sqrt 0.4, i.e.
    // t / (1 - t) = sqrt 2, t = sqrt 2 / (1 + sqrt 2) = 2 - sqrt 2.
    let p = load(MIRRORED);
    let s = sensitivity(&p, &SensitivityOptions::default()).unwrap();
    let id = |i: usize| p.alternatives().id(i);
    assert_eq!(id(s.winner.unwrap()), "b");
    let cross = 2.0 - 2f64.sqrt();
    let cost = s.nodes[0].stability.as_ref().unwrap();
    assert_close("cost top hi", cost.top.hi, cross, 1e-12);
    assert_eq!(
        (cost.top.lo, cost.top.lo_end, cost.top.hi_end.map(id)),
        (0.0, None, Some("a"))
    );
    // The margin: (hi - W) / W with W = 1/2.
    assert_close("cost margin", cost.margin.unwrap(), (cross - 0.5) / 0.5, 1e-12);
    // gain is the complement: b stays first while gain weighs above 1 - cross.
    let gain = s.nodes[1].stability.as_ref().unwrap();
    assert_close("gain top lo", gain.top.lo, 1.0 - cross, 1e-12);
    assert_eq!((gain.top.hi, gain.top.lo_end.map(id)), (1.0, Some("a")));
    // Both margins are equal in exact arithmetic; the first in tree order
    // is critical when rounding ties them, else the smaller.
    assert!(s.critical.is_some());
}

/// AHP distributive, c1 : c2 = 2 : 1. Local priorities (x / sum x):
/// a (1/2, 1/6), b (1/6, 1/2), c (1/3, 1/3).
const THREE_LINES: &str = r#"
name: three lines
criteria: [{id: c1, weight: 2}, {id: c2, weight: 1}]
alternatives:
  - {id: a, scores: {c1: 3, c2: 1}}
  - {id: b, scores: {c1: 1, c2: 3}}
  - {id: c, scores: {c1: 2, c2: 2}}
"#;

#[test]
fn ahp_lines_by_hand_with_three_crossing_at_once() {
    // With c1 weighing t the raw scores are a = 1/6 + t/3, b = 1/2 - t/3,
    // c = 1/3: all three meet at t = 1/2. At W = 2/3: a > c > b.
    let p = load(THREE_LINES);
    let options = SensitivityOptions {
        rank: RankOptions {
            method: innorank::Method::Ahp,
            ..RankOptions::default()
        },
        shortlist: 2,
        judgments: false,
    };
    let s = sensitivity(&p, &options).unwrap();
    let id = |i: usize| p.alternatives().id(i);
    let c1 = s.nodes[0].stability.as_ref().unwrap();
    assert_close("c1 top lo", c1.top.lo, 0.5, 1e-12);
    // Below 1/2, b leads (1/2 - t/3 > 1/3 > 1/6 + t/3).
    assert_eq!(c1.top.lo_end.map(id), Some("b"));
    assert_eq!((c1.top.hi, c1.top.hi_end), (1.0, None));
    // Three pairs swap at 1/2: the one ranked highest is reported, (a, c).
    assert_close("c1 ranking lo", c1.ranking.lo, 0.5, 1e-12);
    assert_eq!(c1.ranking.lo_end.map(|(x, y)| (id(x), id(y))), Some(("a", "c")));
    // The first two {a, c} become {b, c}: b enters, a leaves.
    let swap = c1.shortlist.lo_end.unwrap();
    assert_eq!((id(swap.enters), id(swap.leaves)), ("b", "a"));
    assert_close("c1 margin", c1.margin.unwrap(), (2.0 / 3.0 - 0.5) / (2.0 / 3.0), 1e-12);
    // c2 (W = 1/3) holds up to 1/2: margin (1/2 - 1/3) / (1/3) = 1/2, so c1 is critical.
    let c2 = s.nodes[1].stability.as_ref().unwrap();
    assert_close("c2 top hi", c2.top.hi, 0.5, 1e-12);
    assert_eq!(s.critical, Some(0));
}

/// A random problem: a group `g` of two leaves and two top-level leaves,
/// direct weights, scores with two decimals.
fn random_problem(weights: &[u32; 5], directions: &[bool; 4], scores: &[[u32; 4]]) -> String {
    let dir = |k: usize| if directions[k] { "benefit" } else { "cost" };
    let mut yaml = format!(
        "name: random\ncriteria:\n  - id: g\n    weight: {}\n    criteria:\n      - {{id: l1, direction: {}, weight: {}}}\n      - {{id: l2, direction: {}, weight: {}}}\n  - {{id: l3, direction: {}, weight: {}}}\n  - {{id: l4, direction: {}, weight: {}}}\nalternatives:\n",
        weights[0],
        dir(0),
        weights[1],
        dir(1),
        weights[2],
        dir(2),
        weights[3],
        dir(3),
        weights[4]
    );
    for (i, row) in scores.iter().enumerate() {
        let v = |k: usize| f64::from(row[k]) / 100.0;
        yaml.push_str(&format!(
            "  - {{id: a{i}, scores: {{l1: {}, l2: {}, l3: {}, l4: {}}}}}\n",
            v(0),
            v(1),
            v(2),
            v(3)
        ));
    }
    yaml
}

/// The four methods the contract covers.
fn methods() -> [RankOptions; 4] {
    use innorank::ahp::Synthesis;
    use innorank::topsis::Normalization;
    let topsis = |normalization| RankOptions {
        normalization,
        ..RankOptions::default()
    };
    let ahp = |synthesis| RankOptions {
        method: innorank::Method::Ahp,
        synthesis,
        ..RankOptions::default()
    };
    [
        topsis(Normalization::Vector),
        topsis(Normalization::MinMax),
        ahp(Synthesis::Distributive),
        ahp(Synthesis::Ideal),
    ]
}

/// Scores along one node's family, from the shared scorer (not from the
/// code under test): the leaves under `node` get `t w_l / W`, the others
/// `(1 - t) w_l / (1 - W)`.
struct Family {
    scorer: Scorer,
    leaves: Vec<f64>,
    inside: Vec<bool>,
    w: f64,
}

impl Family {
    fn new(p: &Problem, options: &RankOptions, node: usize, leaves: &[f64]) -> Self {
        let mut inside = vec![false; leaves.len()];
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &p.criteria().node(n).kind {
                CriterionKind::Leaf(l) => inside[l.column] = true,
                CriterionKind::Parent(q) => stack.extend(&q.children),
            }
        }
        let w = leaves.iter().zip(&inside).filter(|(_, i)| **i).map(|(w, _)| w).sum();
        let scorer = Scorer::new(p, options, &screen(p).kept).unwrap();
        Family {
            scorer,
            leaves: leaves.to_vec(),
            inside,
            w,
        }
    }

    /// Scores at `t`, by problem index.
    fn at(&self, t: f64) -> Vec<f64> {
        let w: Vec<f64> = self
            .leaves
            .iter()
            .zip(&self.inside)
            .map(|(l, &i)| {
                if i {
                    l * t / self.w
                } else {
                    l * (1.0 - t) / (1.0 - self.w)
                }
            })
            .collect();
        let scores = self.scorer.scores(&w);
        let mut out = vec![f64::NAN; self.scorer.rows().iter().max().map_or(0, |m| m + 1)];
        for (&r, s) in self.scorer.rows().iter().zip(scores) {
            out[r] = s;
        }
        out
    }
}

/// Slack for "not beaten": scores equal to rounding.
const SLACK: f64 = 1e-12;

/// Whether the state at W (`order`, best first, problem indices) still
/// holds at scores `s`: the winner unbeaten, the order kept, or the first
/// `k` kept as a set.
fn holds(kind: usize, order: &[usize], k: usize, s: &[f64]) -> bool {
    match kind {
        0 => order[1..].iter().all(|&b| s[b] <= s[order[0]] + SLACK),
        1 => order.windows(2).all(|p| s[p[1]] <= s[p[0]] + SLACK),
        _ => {
            let low = order[..k].iter().map(|&i| s[i]).fold(f64::INFINITY, f64::min);
            order[k..].iter().all(|&o| s[o] <= low + SLACK)
        }
    }
}

/// The dense scan: nothing flips strictly inside the interval, and
/// something does just beyond each end that is not 0 or 1.
fn check_interval<E>(family: &Family, kind: usize, order: &[usize], k: usize, i: &Interval<E>, what: &str) {
    const STEPS: usize = 400;
    const BEYOND: f64 = 1e-7;
    let (lo, hi) = (i.lo, i.hi);
    assert!(
        lo <= family.w + 1e-12 && family.w <= hi + 1e-12,
        "{what}: W {} outside [{lo}, {hi}]",
        family.w
    );
    for step in 1..STEPS {
        let t = lo + (hi - lo) * step as f64 / STEPS as f64;
        if (t - lo).abs() > 1e-9 && (hi - t).abs() > 1e-9 {
            assert!(
                holds(kind, order, k, &family.at(t)),
                "{what}: flips inside at {t} of [{lo}, {hi}]"
            );
        }
    }
    if i.lo_end.is_some() && lo - BEYOND > 0.0 {
        assert!(
            !holds(kind, order, k, &family.at(lo - BEYOND)),
            "{what}: no flip below {lo}"
        );
    }
    if i.hi_end.is_some() && hi + BEYOND < 1.0 {
        assert!(
            !holds(kind, order, k, &family.at(hi + BEYOND)),
            "{what}: no flip above {hi}"
        );
    }
    if i.lo_end.is_none() {
        assert_eq!(lo, 0.0, "{what}");
    }
    if i.hi_end.is_none() {
        assert_eq!(hi, 1.0, "{what}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn exact_intervals_agree_with_a_dense_scan(
        weights in prop::array::uniform5(1u32..10),
        directions in prop::array::uniform4(any::<bool>()),
        scores in prop::collection::vec(prop::array::uniform4(100u32..1000), 2..7),
        k in 1usize..4,
    ) {
        let p = load(&random_problem(&weights, &directions, &scores));
        for rank in methods() {
            let options = SensitivityOptions { rank, shortlist: k, judgments: false };
            let s = sensitivity(&p, &options).unwrap();
            let report = innorank::rank(&p, &rank).unwrap();
            let order: Vec<usize> = report.ranking.iter().map(|r| r.index).collect();
            let leaves = report.weights.leaves.as_slice();
            for n in &s.nodes {
                let st = n.stability.as_ref().unwrap();
                let family = Family::new(&p, &rank, n.node, leaves);
                let what = |part: &str| format!("{} {} {part}", rank.method.name(), n.id);
                check_interval(&family, 0, &order, s.shortlist, &st.top, &what("top"));
                check_interval(&family, 1, &order, s.shortlist, &st.ranking, &what("ranking"));
                check_interval(&family, 2, &order, s.shortlist, &st.shortlist, &what("shortlist"));
                // The leader named at an end leads just beyond it.
                if let (Some(l), true) = (st.top.hi_end, st.top.hi + 1e-7 < 1.0) {
                    let at = family.at(st.top.hi + 1e-7);
                    let best = order.iter().map(|&i| at[i]).fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(at[l] >= best - 1e-9, "{}: {l} does not lead above", what("top"));
                }
            }
        }
    }
}

/// The example with one root judgment's value replaced.
fn proposals_with(judgment: &str, value: f64) -> Problem {
    let text = std::fs::read_to_string(PROPOSALS).unwrap();
    let (pair, _) = judgment.rsplit_once(',').unwrap();
    assert!(text.contains(judgment), "{judgment}");
    let changed = text.replace(judgment, &format!("{pair}, {value}]"));
    Problem::from_yaml_str(&changed, "changed.yaml").unwrap()
}

fn winner(p: &Problem) -> String {
    winner_under(p, &RankOptions::default())
}

fn winner_under(p: &Problem, options: &RankOptions) -> String {
    innorank::rank(p, options)
        .unwrap()
        .ranking
        .first()
        .unwrap()
        .id
        .to_owned()
}

#[test]
fn judgment_ranges_agree_with_ranking_the_changed_problem() {
    let p = Problem::from_path(std::path::Path::new(PROPOSALS), &Default::default()).unwrap();
    let options = SensitivityOptions {
        judgments: true,
        ..SensitivityOptions::default()
    };
    let s = sensitivity(&p, &options).unwrap();
    let base = winner(&p);
    // Root judgments written with the first child first (the order the
    // report reads them in).
    let written = [
        ("risk", "relatedness", "[risk, relatedness, 1]"),
        ("risk", "market_demand", "[risk, market_demand, 2]"),
        ("risk", "depth_breadth", "[risk, depth_breadth, 3]"),
        ("relatedness", "market_demand", "[relatedness, market_demand, 2]"),
    ];
    let mut flips = 0;
    for (a, b, line) in written {
        let j = s
            .judgments
            .iter()
            .find(|j| j.node == "(root)" && j.pair == (a.to_owned(), b.to_owned()))
            .unwrap();
        for (value, same) in [
            (j.lo * (1.0 + 1e-5), true),
            (j.hi * (1.0 - 1e-5), true),
            (j.lo * (1.0 - 1e-5), false),
            (j.hi * (1.0 + 1e-5), false),
        ] {
            if (1.0 / 9.0..=9.0).contains(&value) {
                let w = winner(&proposals_with(line, value));
                assert_eq!(
                    w == base,
                    same,
                    "{a} vs {b} = {value} (range {} to {}): {w}",
                    j.lo,
                    j.hi
                );
            }
        }
        if let Some(f) = j.flip {
            flips += 1;
            assert!(f.value < j.lo || f.value > j.hi);
            assert_eq!(winner(&proposals_with(line, f.value)), p.alternatives().id(f.winner));
        }
    }
    assert!(flips > 0, "the example has judgments that change the winner");
}

#[test]
fn curve_json_has_every_point_and_crossing() {
    let run = innorank([
        "sensitivity",
        PROPOSALS,
        "--curve",
        "cost",
        "--steps",
        "10",
        "--format",
        "json",
    ])
    .run();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let t: Vec<f64> = v["t"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert_eq!((t[0], *t.last().unwrap()), (0.0, 1.0));
    assert!(t.windows(2).all(|w| w[0] < w[1]));
    let weight = v["weight"].as_f64().unwrap();
    assert!(t.contains(&weight));
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 8);
    let score = |id: &str, k: usize| {
        let s = series.iter().find(|s| s["id"] == id).unwrap();
        s["scores"][k].as_f64().expect("finite scores, no null")
    };
    let crossings = v["crossings"].as_array().unwrap();
    assert!(!crossings.is_empty());
    for c in crossings {
        let at = c["t"].as_f64().unwrap();
        let k = t
            .iter()
            .position(|&x| x == at)
            .expect("a crossing is a point of the curve");
        let (a, b) = (c["pair"][0].as_str().unwrap(), c["pair"][1].as_str().unwrap());
        assert_close("scores at a crossing", score(a, k), score(b, k), 1e-9);
    }
    // The same numbers as the library.
    let p = Problem::from_path(std::path::Path::new(PROPOSALS), &Default::default()).unwrap();
    let c = curve(&p, &RankOptions::default(), "cost", 10).unwrap();
    assert_eq!(c.t, t);
}

#[test]
fn curve_ends_are_finite_and_the_cap_is_a_warning() {
    // 60 alternatives; at t = 1 only `b` counts, and every row equal on it
    // has D+ = D- = 0 there: 0.5, not NaN.
    let mut yaml = "name: many\ncriteria: [{id: a, weight: 1}, {id: b, weight: 1}]\nalternatives:\n".to_owned();
    for i in 0..60 {
        yaml.push_str(&format!("  - {{id: x{i}, scores: {{a: {}, b: 5}}}}\n", i + 1));
    }
    let run = innorank(["sensitivity", "-", "--curve", "a", "--steps", "4", "--format", "json"])
        .stdin(yaml.clone())
        .run();
    assert_eq!(run.code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["series"].as_array().unwrap().len(), 50);
    for s in v["series"].as_array().unwrap() {
        assert!(
            s["scores"]
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x.as_f64().is_some_and(f64::is_finite))
        );
    }
    assert!(run.stderr.contains("the first 50 of 60"), "{}", run.stderr);
    let warnings = v["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("first 50 of 60")));
    // The intervals too are finite at a node whose column is constant.
    let run = innorank(["sensitivity", "-", "--format", "json"]).stdin(yaml).run();
    assert_eq!(run.code, Some(0));
    assert!(!run.stdout.contains("NaN"));
}

#[test]
fn a_single_alternative_gives_whole_intervals_and_a_warning() {
    let yaml = "name: one\ncriteria: [{id: a}, {id: b}]\nalternatives: [{id: x, scores: {a: 1, b: 2}}]\n";
    let run = innorank(["sensitivity", "-", "--format", "json"]).stdin(yaml).run();
    assert_eq!(run.code, Some(0));
    assert!(run.stderr.contains("only one alternative"), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let node = &v["nodes"][0];
    assert_eq!(
        (node["top"]["lo"].as_f64(), node["top"]["hi"].as_f64()),
        (Some(0.0), Some(1.0))
    );
    assert_eq!(node["shortlist"]["k"], 1);
    assert!(node["margin"].is_null() && v["critical"].is_null());
}

#[test]
fn a_node_that_is_not_there_is_refused_with_a_suggestion() {
    let run = innorank(["sensitivity", PROPOSALS, "--curve", "relatednes"]).run();
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("did you mean `relatedness`?"), "{}", run.stderr);
    // A node that weighs everything cannot move.
    let yaml = "name: one\ncriteria: [{id: g, criteria: [{id: a}, {id: b}]}]\nalternatives: [{id: x, scores: {a: 1, b: 2}}, {id: y, scores: {a: 2, b: 1}}]\n";
    let run = innorank(["sensitivity", "-", "--curve", "g"]).stdin(yaml).run();
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("cannot move"), "{}", run.stderr);
    let run = innorank(["sensitivity", "-", "--format", "json"]).stdin(yaml).run();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["nodes"][0]["fixed"], true);
    assert!(v["nodes"][0]["top"].is_null());
    assert_eq!(v["nodes"][1]["fixed"], false);
}

#[test]
fn judgments_are_not_shown_in_csv() {
    let run = innorank(["sensitivity", PROPOSALS, "--judgments", "--format", "csv"]).run();
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.is_empty());
}

/// Standard output, then standard error when there is some.
fn seen(args: &[&str]) -> String {
    let run = innorank(args).run();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    if run.stderr.is_empty() {
        run.stdout
    } else {
        format!("{}--- stderr ---\n{}", run.stdout, run.stderr)
    }
}

#[test]
fn snapshots_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        let mut args = vec!["sensitivity", PROPOSALS, "--format", format];
        if format != "csv" {
            args.push("--judgments");
        }
        insta::with_settings!({ description => format!("innorank {}", args.join(" ")), omit_expression => true }, {
            insta::assert_snapshot!(format!("sensitivity_{format}"), seen(&args));
        });
    }
    for format in ["table", "csv"] {
        let args = [
            "sensitivity",
            PROPOSALS,
            "--curve",
            "relatedness",
            "--steps",
            "5",
            "--format",
            format,
        ];
        insta::with_settings!({ description => format!("innorank {}", args.join(" ")), omit_expression => true }, {
            insta::assert_snapshot!(format!("sensitivity_curve_{format}"), seen(&args));
        });
    }
}

#[test]
fn a_panel_gets_a_range_per_judge_and_judgment() {
    let p = Problem::from_path(
        std::path::Path::new("examples/group-judgments.yaml"),
        &Default::default(),
    )
    .unwrap();
    let options = SensitivityOptions {
        judgments: true,
        ..SensitivityOptions::default()
    };
    let s = sensitivity(&p, &options).unwrap();
    let root: Vec<_> = s.judgments.iter().filter(|j| j.node == "(root)").collect();
    let judges: std::collections::BTreeSet<&str> = root.iter().filter_map(|j| j.judge.as_deref()).collect();
    assert_eq!(judges.into_iter().collect::<Vec<_>>(), ["cfo", "cto", "sales_director"]);
    assert!(
        root.iter().all(|j| j.judge.is_some()),
        "a panel's judgments are per judge"
    );
    // Each range holds its value, within the scale.
    for j in &s.judgments {
        assert!(1.0 / 9.0 - 1e-12 <= j.lo && j.lo <= j.value * (1.0 + 1e-9), "{j:?}");
        assert!(j.value * (1.0 - 1e-9) <= j.hi && j.hi <= 9.0 + 1e-12, "{j:?}");
    }
}

/// Two alternatives tied at W (min-max TOPSIS of two alternatives with
/// symmetric weights): the crossing is W itself, whichever side rounding
/// puts the root on. Found by the dense scan above: before the fix, leaf
/// `l1` reported the winner unbeaten on [0, 1] while `a1` leads for every
/// t > W.
#[test]
fn a_tie_at_the_current_weight_ends_the_interval_there() {
    let yaml = random_problem(
        &[1, 1, 1, 3, 3],
        &[false, true, false, true],
        &[[143, 291, 654, 399], [100, 100, 397, 100]],
    );
    let p = load(&yaml);
    let rank = RankOptions {
        normalization: innorank::topsis::Normalization::MinMax,
        ..RankOptions::default()
    };
    let s = sensitivity(
        &p,
        &SensitivityOptions {
            rank,
            shortlist: 1,
            judgments: false,
        },
    )
    .unwrap();
    let node = |id: &str| s.nodes.iter().find(|n| n.id == id).unwrap();
    let (l1, l2) = (node("l1"), node("l2"));
    let w = l1.weight;
    let top1 = &l1.stability.as_ref().unwrap().top;
    let top2 = &l2.stability.as_ref().unwrap().top;
    // Along l1, a1 leads above W; along l2, below it.
    assert_eq!(top1.lo, 0.0);
    assert_close("l1 top hi", top1.hi, w, 1e-12);
    assert_close("l2 top lo", top2.lo, l2.weight, 1e-12);
    assert_eq!(top2.hi, 1.0);
    assert!(top1.hi_end.is_some() && top2.lo_end.is_some());
}

/// Three alternatives compared pairwise under `taste` (the judgments `a vs
/// b`, `b vs c`, `a vs c` take `values`), scored under `cost`.
fn compared(values: [f64; 3]) -> Problem {
    load(&compared_yaml(values))
}

fn compared_yaml(values: [f64; 3]) -> String {
    let [ab, bc, ac] = values;
    format!(
        "name: cmp
criteria:
  - {{id: taste}}
  - {{id: cost, direction: cost}}
comparisons: [[taste, cost, 2]]
alternatives:
  - {{id: a, scores: {{taste: 1, cost: 3}}}}
  - {{id: b, scores: {{taste: 1, cost: 4}}}}
  - {{id: c, scores: {{taste: 1, cost: 2}}}}
alternative_comparisons:
  taste:
    - [a, b, {ab}]
    - [b, c, {bc}]
    - [a, c, {ac}]
"
    )
}

/// The winner of `rank --method ahp` with `synthesis`.
fn ahp_winner(p: &Problem, synthesis: innorank::ahp::Synthesis) -> String {
    let options = RankOptions {
        method: innorank::Method::Ahp,
        synthesis,
        ..RankOptions::default()
    };
    winner_under(p, &options)
}

/// Each comparison of the alternatives gets the range that keeps the
/// winner, checked against a brute-force scan of 400 values evenly spaced
/// in `ln v` over [1/9, 9] (re-ranking the changed problem each time): the
/// winner holds at every scanned value inside the range, and the scanned
/// values just outside it, within a step, change it; the nearest flip is
/// the winner there.
#[test]
fn alternative_comparison_ranges_agree_with_a_brute_force_scan() {
    use innorank::ahp::Synthesis;
    use innorank::pipeline::sensitivity::Compared;
    let values = [3f64.sqrt(), 2.0, 0.5];
    let base = compared(values);
    for synthesis in [Synthesis::Distributive, Synthesis::Ideal] {
        let options = SensitivityOptions {
            rank: RankOptions {
                method: innorank::Method::Ahp,
                synthesis,
                ..RankOptions::default()
            },
            judgments: true,
            ..SensitivityOptions::default()
        };
        let s = sensitivity(&base, &options).unwrap();
        let winner = ahp_winner(&base, synthesis);
        let ranges: Vec<_> = s
            .judgments
            .iter()
            .filter(|j| j.compared == Compared::Alternatives)
            .collect();
        assert_eq!(ranges.len(), 3, "{synthesis:?}");
        let mut flips = 0;
        for (k, j) in ranges.iter().enumerate() {
            assert_eq!((j.node.as_str(), j.judge.as_ref()), ("taste", None));
            assert_close("value", j.value, values[k], 1e-12);
            let at = |v: f64| {
                let mut changed = values;
                changed[k] = v;
                ahp_winner(&compared(changed), synthesis)
            };
            let step = 81f64.ln() / 400.0;
            for i in 0..=400 {
                let v = (i as f64 * step).exp() / 9.0;
                let inside = v >= j.lo * (1.0 + 1e-6) && v <= j.hi * (1.0 - 1e-6);
                let near_outside = (v < j.lo * (1.0 - 1e-6) && v > j.lo * (-step).exp())
                    || (v > j.hi * (1.0 + 1e-6) && v < j.hi * step.exp());
                if inside {
                    assert_eq!(
                        at(v),
                        winner,
                        "{synthesis:?} {:?} = {v} in [{}, {}]",
                        j.pair,
                        j.lo,
                        j.hi
                    );
                } else if near_outside {
                    assert_ne!(
                        at(v),
                        winner,
                        "{synthesis:?} {:?} = {v} outside [{}, {}]",
                        j.pair,
                        j.lo,
                        j.hi
                    );
                }
            }
            if let Some(f) = j.flip {
                flips += 1;
                assert!(f.value < j.lo || f.value > j.hi);
                assert_eq!(at(f.value), base.alternatives().id(f.winner));
            }
        }
        assert!(flips > 0, "{synthesis:?}: some comparison changes the winner");
    }
}

/// Under TOPSIS the comparisons of the alternatives play no part, so they
/// get no range; the JSON marks what each judgment compares.
#[test]
fn alternative_comparison_ranges_only_under_ahp() {
    let p = compared([2.0, 2.0, 0.5]);
    let topsis = sensitivity(
        &p,
        &SensitivityOptions {
            judgments: true,
            ..SensitivityOptions::default()
        },
    )
    .unwrap();
    assert_eq!(topsis.judgments.len(), 1);
    assert_eq!(topsis.judgments[0].node, "(root)");
    let dir = crate::common::Dir::new("sens-compared");
    let file = dir.write("p.yaml", compared_yaml([2.0, 2.0, 0.5]));
    let args = [
        "sensitivity",
        file.to_str().unwrap(),
        "--method",
        "ahp",
        "--judgments",
        "--format",
        "json",
    ];
    let json = innorank(args).json();
    let kinds: Vec<(&str, &str)> = json["judgments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["node"].as_str().unwrap(), j["compared"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("(root)", "criteria"),
            ("taste", "alternatives"),
            ("taste", "alternatives"),
            ("taste", "alternatives")
        ]
    );
    assert_eq!(json["judgments"][1]["pair"], serde_json::json!(["a", "b"]));
}

//! `innorank compare` and the rank correlations behind it
//! (`innorank::correlation`), checked against pymcdm 1.4.0 and scipy 1.17.1.
//!
//! Reference numbers were computed once with numpy arrays of average ranks:
//!
//! ```text
//! from pymcdm import correlations as c; from scipy import stats
//! NO_TIES = ([1,2,3,4,5,6,7,8], [2,1,3,5,4,8,6,7])
//! TIES    = ([1,2.5,2.5,4,6,6,6,8], [3,1,4.5,2,4.5,7,8,6])
//! c.spearman(x, y); stats.spearmanr(x, y).statistic
//! c.weighted_spearman(x, y)
//! c.rank_similarity_coef(x, y); c.rank_similarity_coef(y, x)
//! stats.kendalltau(x, y).statistic   # tau-b
//! c.kendall_tau(x, y)                # tau-a: differs from tau-b with ties
//! ```

use innorank::correlation::{average_ranks, kendall_tau_b, spearman, weighted_spearman, ws};

use crate::common::{assert_close, innorank, load};
use crate::rendered::each_format;

const GROUP: &str = "examples/group-judgments.yaml";
const PROPOSALS: &str = "examples/innovation-proposals.yaml";

const NO_TIES: ([f64; 8], [f64; 8]) = ([1., 2., 3., 4., 5., 6., 7., 8.], [2., 1., 3., 5., 4., 8., 6., 7.]);
const TIES: ([f64; 8], [f64; 8]) = ([1., 2.5, 2.5, 4., 6., 6., 6., 8.], [3., 1., 4.5, 2., 4.5, 7., 8., 6.]);

#[test]
fn coefficients_match_pymcdm_and_scipy_without_ties() {
    let (x, y) = NO_TIES;
    // c.spearman(x, y) = 0.8809523809523809; stats.spearmanr: 0.880952380952381
    assert_close("rho", spearman(&x, &y).unwrap(), 0.8809523809523809, 1e-12);
    // c.weighted_spearman(x, y) = 0.9047619047619048 (symmetric)
    assert_close("r_w", weighted_spearman(&x, &y).unwrap(), 0.9047619047619048, 1e-12);
    assert_close(
        "r_w swapped",
        weighted_spearman(&y, &x).unwrap(),
        0.9047619047619048,
        1e-12,
    );
    // c.rank_similarity_coef(x, y) = 0.8553571428571429, (y, x) = 0.8579241071428572
    assert_close("WS", ws(&x, &y).unwrap(), 0.8553571428571429, 1e-12);
    assert_close("WS swapped", ws(&y, &x).unwrap(), 0.8579241071428572, 1e-12);
    // stats.kendalltau = 0.7142857142857142 = c.kendall_tau (no ties: tau-a = tau-b)
    assert_close("tau-b", kendall_tau_b(&x, &y).unwrap(), 0.7142857142857142, 1e-12);
}

#[test]
fn coefficients_match_pymcdm_and_scipy_with_ties() {
    let (x, y) = TIES;
    // c.spearman(x, y) = 0.6853941468201697; stats.spearmanr: 0.6853941468201699
    assert_close("rho", spearman(&x, &y).unwrap(), 0.6853941468201697, 1e-12);
    // c.weighted_spearman(x, y) = 0.6898148148148149
    assert_close("r_w", weighted_spearman(&x, &y).unwrap(), 0.6898148148148149, 1e-12);
    // c.rank_similarity_coef(x, y) = 0.6982200250709714, (y, x) = 0.7066614809377456
    assert_close("WS", ws(&x, &y).unwrap(), 0.6982200250709714, 1e-12);
    assert_close("WS swapped", ws(&y, &x).unwrap(), 0.7066614809377456, 1e-12);
    // stats.kendalltau(x, y) = 0.510688230856951 (tau-b); pymcdm's
    // c.kendall_tau gives the tau-a 0.46428571428571425 instead.
    assert_close("tau-b", kendall_tau_b(&x, &y).unwrap(), 0.510688230856951, 1e-12);
    assert_eq!(average_ranks(&[1, 2, 2, 4, 5, 5, 5, 8]), x);
}

#[test]
fn json_has_the_contract_shape_and_every_ordered_pair() {
    let json = innorank(["compare", GROUP, "--format", "json", "-q"]).json();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect(); // serde_json sorts keys
    assert_eq!(
        keys,
        [
            "alternatives",
            "methods",
            "pairs",
            "problem",
            "shortlist",
            "skipped",
            "warnings"
        ]
    );
    let methods = ["topsis-vector", "topsis-minmax", "ahp-distributive", "ahp-ideal"];
    assert_eq!(json["methods"], serde_json::json!(methods));
    assert_eq!(json["shortlist"], 3);
    let pairs = json["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 12);
    for pair in pairs {
        let keys: Vec<&str> = pair.as_object().unwrap().keys().map(String::as_str).collect(); // serde_json sorts keys
        assert_eq!(
            keys,
            [
                "kendall_tau_b",
                "other",
                "reference",
                "spearman",
                "top_k_overlap",
                "weighted_spearman",
                "ws"
            ]
        );
        assert_ne!(pair["reference"], pair["other"]);
        for key in ["kendall_tau_b", "spearman", "top_k_overlap", "weighted_spearman", "ws"] {
            let x = pair[key].as_f64().unwrap();
            assert!((-1.0..=1.0).contains(&x), "{key} {x}");
        }
    }
    let row = &json["alternatives"][0];
    let keys: Vec<&str> = row.as_object().unwrap().keys().map(String::as_str).collect(); // serde_json sorts keys
    assert_eq!(keys, ["id", "name", "ranks", "scores"]);
    let text = innorank(["compare", GROUP, "--format", "json", "-q"]).stdout();
    let at = |key: &str| text.find(&format!("\n  \"{key}\"")).unwrap();
    let order = [
        "problem",
        "methods",
        "skipped",
        "shortlist",
        "alternatives",
        "pairs",
        "warnings",
    ]
    .map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "fields in contract order");
    assert_eq!(row["ranks"].as_object().unwrap().len(), 4);
}

/// Each method's ranks and scores are those `rank` prints with it.
#[test]
fn ranks_and_scores_are_those_of_rank() {
    let compared = innorank(["compare", GROUP, "--format", "json", "-q"]).json();
    let runs: [(&str, &[&str]); 4] = [
        ("topsis-vector", &["--normalization", "vector"]),
        ("topsis-minmax", &["--normalization", "minmax"]),
        ("ahp-distributive", &["--method", "ahp", "--synthesis", "distributive"]),
        ("ahp-ideal", &["--method", "ahp", "--synthesis", "ideal"]),
    ];
    for (method, options) in runs {
        let ranked = innorank(["rank", GROUP, "--format", "json", "-q"].iter().chain(options)).json();
        for entry in ranked["ranking"].as_array().unwrap() {
            let row = compared["alternatives"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == entry["id"])
                .unwrap();
            assert_eq!(row["ranks"][method], entry["rank"], "{method} {}", entry["id"]);
            let (got, want) = (
                row["scores"][method].as_f64().unwrap(),
                entry["score"].as_f64().unwrap(),
            );
            assert_close(method, got, want, 1e-12);
        }
    }
}

#[test]
fn a_method_that_cannot_rank_is_skipped_with_the_reason() {
    // The proposals have a target criterion without alternative comparisons.
    let run = innorank(["compare", PROPOSALS, "--format", "json"]).run().success();
    let json = run.json();
    assert_eq!(json["methods"], serde_json::json!(["topsis-vector", "topsis-minmax"]));
    let skipped = json["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["method"], "ahp-distributive");
    assert!(skipped[0]["reason"].as_str().unwrap().contains("depth_breadth"));
    assert!(
        run.stderr
            .contains("warning: ahp-ideal skipped: criterion `depth_breadth`")
    );
    assert_eq!(json["pairs"].as_array().unwrap().len(), 2);
}

#[test]
fn a_zero_cost_score_skips_ahp_only() {
    let yaml = "name: z\ncriteria: [{id: price, direction: cost}, {id: gain}]\nalternatives:\n  - {id: a, scores: {price: 0, gain: 3}}\n  - {id: b, scores: {price: 4, gain: 5}}\n  - {id: c, scores: {price: 2, gain: 1}}\n";
    let json = innorank(["compare", "-", "--format", "json", "-q"]).stdin(yaml).json();
    assert_eq!(json["methods"].as_array().unwrap().len(), 2);
    let reasons: Vec<&str> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.iter().all(|r| r.starts_with("criterion `price`")),
        "{reasons:?}"
    );
}

#[test]
fn one_alternative_gives_null_coefficients_and_a_warning() {
    let yaml = "name: one\ncriteria: [{id: gain}, {id: cost, direction: cost}]\nalternatives:\n  - {id: a, scores: {gain: 3, cost: 2}}\n";
    let run = innorank(["compare", "-", "--format", "json"])
        .stdin(yaml)
        .run()
        .success();
    assert!(
        run.stderr.contains("only one alternative to rank (`a`)"),
        "{}",
        run.stderr
    );
    let json = run.json();
    for pair in json["pairs"].as_array().unwrap() {
        assert!(pair["spearman"].is_null() && pair["ws"].is_null() && pair["kendall_tau_b"].is_null());
        assert_eq!(pair["top_k_overlap"], 1.0);
    }
    let table = innorank(["compare", "-", "-q"]).stdin(yaml).stdout();
    assert!(table.contains("coefficients are undefined"), "{table}");
    assert!(!table.contains("NaN") && !table.contains("n/a"));
}

#[test]
fn methods_picks_a_subset_and_shortlist_sets_k() {
    let json = innorank([
        "compare",
        GROUP,
        "--methods",
        "ahp-ideal,topsis-minmax",
        "--shortlist",
        "2",
        "--format",
        "json",
        "-q",
    ])
    .json();
    assert_eq!(json["methods"], serde_json::json!(["ahp-ideal", "topsis-minmax"]));
    assert_eq!(json["shortlist"], 2);
    assert_eq!(json["pairs"][0]["reference"], "ahp-ideal");
    assert_eq!(json["pairs"].as_array().unwrap().len(), 2);
}

#[test]
fn an_unknown_method_is_refused_with_a_suggestion() {
    let run = innorank(["compare", GROUP, "--methods", "topsis-vector,ahp-idael"])
        .run()
        .refused();
    assert!(
        run.stderr.contains("invalid value 'ahp-idael' for '--methods"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a similar value exists: 'ahp-ideal'"),
        "{}",
        run.stderr
    );
    innorank(["compare", GROUP, "--shortlist", "0"]).run().refused();
}

#[test]
fn strict_exits_3_on_an_inconsistent_node_after_printing() {
    let yaml = "name: i\ncriteria: [{id: a}, {id: b}, {id: c}]\ncomparisons:\n  - [a, b, 9]\n  - [b, c, 9]\n  - [c, a, 9]\nalternatives:\n  - {id: x, scores: {a: 1, b: 2, c: 3}}\n  - {id: y, scores: {a: 3, b: 2, c: 1}}\n";
    let run = innorank(["compare", "-", "--strict", "-q"]).stdin(yaml).run().code(3);
    assert!(run.stdout.contains("Agreement between methods"));
    assert!(
        run.stderr.contains("--strict: inconsistent judgments"),
        "{}",
        run.stderr
    );
}

#[test]
fn library_compare_derives_weights_once_and_keeps_the_asked_order() {
    let p = load(
        "name: c\ncriteria: [{id: risk, direction: cost}, {id: gain}]\nalternatives:\n  - {id: a, scores: {risk: 3, gain: 5}}\n  - {id: b, scores: {risk: 6, gain: 9}}\n  - {id: c, scores: {risk: 1, gain: 2}}\n",
    );
    use innorank::pipeline::{CompareMethod, CompareOptions, compare};
    let options = CompareOptions {
        methods: vec![
            CompareMethod::AhpIdeal,
            CompareMethod::TopsisVector,
            CompareMethod::AhpIdeal,
        ],
        ..CompareOptions::default()
    };
    let report = compare(&p, &options).unwrap();
    assert_eq!(report.methods, [CompareMethod::AhpIdeal, CompareMethod::TopsisVector]);
    // Rows follow the first method's ranking.
    assert!(report.ranks[0].windows(2).all(|w| w[0] <= w[1]));
    let ws: Vec<_> = report.pairs.iter().map(|p| p.ws).collect();
    assert_eq!(ws.len(), 2);
}

#[test]
fn compare_in_every_format() {
    each_format("compare", &["compare", GROUP], None);
}

proptest::proptest! {
    /// On any competition ranks (ties included): Knight's tau-b equals
    /// the pair-by-pair definition, the symmetric coefficients are
    /// symmetric, and every coefficient is finite and in [-1, 1].
    #[test]
    fn coefficients_hold_their_definitions(raw in proptest::collection::vec((0u8..6, 0u8..6), 2..40)) {
        let competition = |v: Vec<u8>| -> Vec<usize> {
            v.iter().map(|&a| 1 + v.iter().filter(|&&b| b < a).count()).collect()
        };
        let x = average_ranks(&competition(raw.iter().map(|p| p.0).collect()));
        let y = average_ranks(&competition(raw.iter().map(|p| p.1).collect()));
        let (mut s, mut nx, mut ny) = (0.0, 0.0, 0.0);
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                let (dx, dy) = ((x[i] - x[j]).signum() * f64::from(u8::from(x[i] != x[j])), (y[i] - y[j]).signum() * f64::from(u8::from(y[i] != y[j])));
                s += dx * dy;
                nx += dx.abs();
                ny += dy.abs();
            }
        }
        let by_pairs = (nx > 0.0 && ny > 0.0).then(|| s / (nx * ny).sqrt());
        match (kendall_tau_b(&x, &y), by_pairs) {
            (Some(fast), Some(slow)) => assert_close("tau-b", fast, slow, 1e-12),
            (fast, slow) => proptest::prop_assert_eq!(fast, slow),
        }
        proptest::prop_assert_eq!(spearman(&x, &y), spearman(&y, &x));
        for r in [spearman(&x, &y), weighted_spearman(&x, &y), kendall_tau_b(&x, &y)].into_iter().flatten() {
            proptest::prop_assert!(r.is_finite() && (-1.0 - 1e-12..=1.0 + 1e-12).contains(&r), "{}", r);
        }
        proptest::prop_assert!(ws(&x, &y).is_some_and(f64::is_finite));
    }
}

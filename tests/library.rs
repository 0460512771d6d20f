//! The library API on whole problems: weighting sources, hierarchy, group
//! judgments.

use innorank::RankOptions;
use innorank::ahp::{PairwiseMatrix, PriorityMethod};
use innorank::pipeline::{WeighOptions, weigh_with};
use innorank::problem::Weighting;

use crate::common::load;

#[test]
fn group_judgments_are_aggregated_by_geometric_mean_per_pair() {
    let p = load(
        r#"
name: group
criteria: [{id: a}, {id: b}, {id: c}]
comparisons:
  alice: [[a, b, 3], [a, c, 5], [b, c, 2]]
  bob: [[a, b, 1], [c, a, "1/3"], [b, c, 4]]
  carol: [[b, c, 8]]
alternatives: [{id: x, scores: {a: 1, b: 1, c: 1}}]
"#,
    );
    let w = weigh_with(p.criteria(), &WeighOptions::with_method(PriorityMethod::Eigen)).unwrap();
    let root = &w.nodes[0];
    assert_eq!(
        p.criteria().weighting(root.node).map(Weighting::source),
        Some("group comparisons")
    );
    // AIJ: a_ab = (3*1)^(1/2), a_ac = (5*3)^(1/2), a_bc = (2*4*8)^(1/3).
    let (ab, ac, bc) = (3f64.sqrt(), 15f64.sqrt(), 64f64.cbrt());
    let expected = PairwiseMatrix::from_rows(vec![
        vec![1.0, ab, ac],
        vec![1.0 / ab, 1.0, bc],
        vec![1.0 / ac, 1.0 / bc, 1.0],
    ])
    .unwrap()
    .priorities(PriorityMethod::Eigen);
    for (got, want) in root.local.iter().zip(&expected.weights) {
        assert!((got - want).abs() < 1e-12);
    }
    assert!((root.consistency.cr - expected.consistency.cr).abs() < 1e-12);
    // Per-judge CR: alice and bob judged every pair; carol's one pair links
    // only b and c.
    assert_eq!(root.judges.len(), 3);
    assert!(root.judges[0].consistency.is_some() && root.judges[1].consistency.is_some());
    assert_eq!(root.judges[2].judge, "carol");
    assert_eq!(root.judges[2].consistency, None);
}

#[test]
fn matrix_direct_and_equal_weights_multiply_down_the_tree() {
    let p = load(
        r#"
name: tree
criteria:
  - id: g1
    weight: 3
    criteria:
      - {id: a}
      - {id: b}
  - id: g2
    weight: 1
    criteria:
      - {id: c}
      - {id: d}
    matrix: [[1, "1/3"], [3, 1]]
alternatives: [{id: x, scores: {a: 1, b: 2, c: 3, d: 4}}]
"#,
    );
    let w = weigh_with(p.criteria(), &WeighOptions::with_method(PriorityMethod::Eigen)).unwrap();
    let sources: Vec<&str> = w
        .nodes
        .iter()
        .map(|n| p.criteria().weighting(n.node).unwrap().source())
        .collect();
    assert_eq!(sources, ["weights", "equal", "comparisons"]);
    let expected = [0.375, 0.375, 0.0625, 0.1875];
    for (got, want) in w.leaves.as_slice().iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
}

#[test]
fn screening_happens_before_normalisation() {
    // With the outlier screened out, the ranking of the rest is the same as
    // if the outlier had never been there.
    let with_outlier = load(
        r#"
name: s
criteria: [{id: a}, {id: b, direction: cost}]
screening: [{criterion: b, max: 100}]
alternatives:
  - {id: p, scores: {a: 3, b: 10}}
  - {id: q, scores: {a: 5, b: 30}}
  - {id: big, scores: {a: 1000, b: 1000}}
  - {id: r, scores: {a: 4, b: 12}}
"#,
    );
    let without = load(
        r#"
name: s
criteria: [{id: a}, {id: b, direction: cost}]
alternatives:
  - {id: p, scores: {a: 3, b: 10}}
  - {id: q, scores: {a: 5, b: 30}}
  - {id: r, scores: {a: 4, b: 12}}
"#,
    );
    let a = innorank::rank(&with_outlier, &RankOptions::default()).unwrap();
    let b = innorank::rank(&without, &RankOptions::default()).unwrap();
    assert_eq!(a.screened_out[0].id, "big");
    let scores =
        |r: &innorank::RankReport<'_>| r.ranking.iter().map(|x| (x.id.to_owned(), x.score)).collect::<Vec<_>>();
    assert_eq!(scores(&a), scores(&b));
}

#[test]
fn geometric_method_gives_row_geometric_mean_weights_in_the_tree() {
    let p = load(
        r#"
name: g
criteria: [{id: a}, {id: b}, {id: c}]
comparisons: [[a, b, 2], [a, c, 6], [b, c, 2]]
alternatives: [{id: x, scores: {a: 1, b: 1, c: 1}}]
"#,
    );
    let w = weigh_with(p.criteria(), &WeighOptions::with_method(PriorityMethod::Geometric)).unwrap();
    let g = [12f64.cbrt(), 1.0, (1.0f64 / 12.0).cbrt()];
    let s: f64 = g.iter().sum();
    for (got, want) in w.leaves.as_slice().iter().zip(g.iter().map(|x| x / s)) {
        assert!((got - want).abs() < 1e-12);
    }
}
/// The library example in README.md, as written there.
#[test]
fn readme_library_snippet() -> Result<(), Box<dyn std::error::Error>> {
    let problem = innorank::Problem::from_path("examples/innovation-proposals.yaml".as_ref(), &Default::default())?;
    let report = innorank::rank(&problem, &innorank::RankOptions::default())?;
    assert_eq!(report.ranking.first().unwrap().id, "p06");
    Ok(())
}

/// The loader and the builder are the two ways to get a `Problem`; the
/// same problem either way reads the same through the accessors, keeps one
/// score row per alternative and one column per leaf, and ranks the same.
#[test]
fn loader_and_builder_give_the_same_consistent_problem() {
    use innorank::problem::{CriterionBuilder, ProblemBuilder};

    let loaded = load(
        r#"
name: Suppliers
description: pick one
criteria:
  - {id: price, direction: cost}
  - {id: quality}
comparisons: [[quality, price, 2]]
screening: [{criterion: quality, min: 4}]
alternatives:
  - {id: s1, name: First, scores: {price: 100, quality: 7}}
  - {id: s2, scores: {price: 80, quality: 5}}
  - {id: s3, scores: {price: 60, quality: 3}}
"#,
    );
    let built = ProblemBuilder::new("Suppliers")
        .description("pick one")
        .criterion(CriterionBuilder::leaf("price").cost())
        .criterion(CriterionBuilder::leaf("quality"))
        .compare("quality", "price", 2.0)
        .screen("quality", Some(4.0), None)
        .named_alternative("s1", Some("First"), &[("price", 100.0), ("quality", 7.0)])
        .alternative("s2", &[("price", 80.0), ("quality", 5.0)])
        .alternative("s3", &[("price", 60.0), ("quality", 3.0)])
        .build()
        .unwrap();
    for p in [&loaded, &built] {
        assert_eq!((p.name(), p.description()), ("Suppliers", Some("pick one")));
        let alternatives = p.alternatives();
        assert_eq!(alternatives.ids().collect::<Vec<_>>(), ["s1", "s2", "s3"]);
        assert_eq!((alternatives.name(0), alternatives.name(1)), (Some("First"), None));
        assert_eq!(p.scores().rows(), alternatives.len());
        assert_eq!(p.scores().cols(), p.criteria().leaves().len());
        assert_eq!(p.scores().as_row_major(), [100.0, 7.0, 80.0, 5.0, 60.0, 3.0]);
        assert_eq!(p.screening().len(), 1);
        assert_eq!(p.screening()[0].column, p.criteria().leaf("quality").unwrap().1.column);
        assert!(p.core().is_empty() && p.derived().is_empty() && p.alternative_comparisons().is_empty());
        assert!(p.warnings().is_empty());
    }
    let rank = |p| innorank::rank(p, &RankOptions::default()).unwrap();
    let (a, b) = (rank(&loaded), rank(&built));
    let ids = |r: &innorank::RankReport| {
        r.ranking
            .iter()
            .map(|r| (r.id.to_owned(), r.score.to_bits()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a.screened_out.len(), 1);
    assert_eq!(a.weights.leaves.as_slice(), b.weights.leaves.as_slice());
}

/// The scorer that sensitivity, SMAA, compare and reversal share gives
/// `rank`'s scores and order under the problem's own weights, for every
/// method on every shipped example.
#[test]
fn scorer_agrees_with_rank_on_the_examples() {
    use innorank::ahp::Synthesis;
    use innorank::pipeline::{Method, Scorer, screening::screen};
    use innorank::topsis::Normalization;

    let configs = [
        (Method::Topsis, Normalization::Vector, Synthesis::Distributive),
        (Method::Topsis, Normalization::MinMax, Synthesis::Distributive),
        (Method::Ahp, Normalization::Vector, Synthesis::Distributive),
        (Method::Ahp, Normalization::Vector, Synthesis::Ideal),
    ];
    let mut checked = Vec::new();
    for file in [
        "innovation-proposals.yaml",
        "related-diversification.yaml",
        "group-judgments.yaml",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(file);
        let p = innorank::Problem::from_path(&path, &Default::default()).unwrap();
        for (method, normalization, synthesis) in configs {
            let options = RankOptions {
                method,
                normalization,
                synthesis,
                ..RankOptions::default()
            };
            let kept = screen(&p).kept;
            // AHP cannot rank a target leaf without comparisons: both refuse.
            let Ok(report) = innorank::rank(&p, &options) else {
                assert!(Scorer::new(&p, &options, &kept).is_err());
                continue;
            };
            checked.push((method, synthesis));
            let weights: Vec<f64> = report.leaf_weights().map(|(_, w)| w).collect();
            let scorer = Scorer::new(&p, &options, &kept).unwrap();
            let scores = scorer.scores(&weights);
            for entry in report.ranking.iter() {
                let i = kept.iter().position(|&k| k == entry.index).unwrap();
                assert!(
                    (scores[i] - entry.score).abs() < 1e-12,
                    "{file} {method:?} {normalization:?} {synthesis:?}: {} {} vs {}",
                    entry.id,
                    scores[i],
                    entry.score
                );
            }
        }
    }
    assert!(checked.contains(&(Method::Ahp, Synthesis::Ideal)) && checked.len() >= 8);
}

/// Input errors carry typed payloads a caller can act on: a missing file
/// is `NotFound`, not a message to parse.
#[test]
fn a_missing_file_is_a_typed_not_found() {
    use innorank::problem::DiagnosticKind;
    let errors =
        innorank::Problem::from_path(std::path::Path::new("no/such/problem.yaml"), &Default::default()).unwrap_err();
    let first = errors.iter().next().unwrap();
    assert!(
        matches!(
            &first.kind,
            DiagnosticKind::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            }
        ),
        "{first:?}"
    );
}

/// How derived values were computed is a rendering choice: the report's own
/// JSON leaves it out, `explained()` adds it to every ranked row.
#[test]
fn explained_json_adds_the_derivations_to_every_row() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/related-diversification.yaml");
    let p = innorank::Problem::from_path(&path, &Default::default()).unwrap();
    assert!(!p.derived().is_empty());
    let report = innorank::rank(&p, &RankOptions::default()).unwrap();
    let plain = serde_json::to_value(&report).unwrap();
    let explained = serde_json::to_value(report.explained()).unwrap();
    let rows = explained["ranking"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["explain"].is_object()));
    assert!(
        plain["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("explain").is_none())
    );
    let mut without = explained.clone();
    for r in without["ranking"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("explain");
    }
    assert_eq!(without, plain);
}

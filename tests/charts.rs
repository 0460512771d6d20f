//! Charts (`--plot FILE.svg`) and the HTML report: every SVG parses as
//! XML and is drawn on every shipped example; the structure of each
//! chart (its elements and every text it shows) and of the report (its
//! headings) are insta snapshots; the report loads nothing from outside.

use innorank::present::chart;
use innorank::present::report::{ReportOptions, build};

use crate::common::{Dir, innorank, load};

const EXAMPLES: [&str; 3] = [
    "examples/innovation-proposals.yaml",
    "examples/related-diversification.yaml",
    "examples/group-judgments.yaml",
];

fn example(path: &str) -> innorank::Problem {
    load(&std::fs::read_to_string(path).unwrap())
}

/// Parses `svg` as XML and returns its outline: the root's size, the
/// count of each element and every text shown, in order. Fails on
/// malformed XML, a non-finite number or an empty label.
pub(crate) fn outline(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "non-finite number in {svg}"
    );
    let mut counts = std::collections::BTreeMap::new();
    let mut texts = Vec::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        *counts.entry(node.tag_name().name().to_owned()).or_insert(0) += 1;
        for a in ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r"] {
            if let Some(v) = node.attribute(a) {
                assert!(v.parse::<f64>().is_ok_and(f64::is_finite), "{a}=\"{v}\" in {svg}");
            }
        }
        if node.tag_name().name() == "text" {
            let text = node.text().unwrap_or_default();
            assert!(!text.trim().is_empty(), "empty label in {svg}");
            texts.push(text.to_owned());
        }
    }
    let size = format!(
        "{} x {}",
        root.attribute("width").unwrap(),
        root.attribute("height").unwrap()
    );
    format!("{size}\n{counts:?}\n{}\n", texts.join("\n"))
}

#[test]
fn every_chart_of_every_example_is_well_formed_xml() {
    for path in EXAMPLES {
        let p = example(path);
        let report = innorank::rank(&p, &Default::default()).unwrap();
        let versus = innorank::pipeline::head_to_head(&report, None).unwrap();
        outline(&chart::rank_and_versus(&report, Some(&versus)));
        outline(&chart::weights(&p, &report.weights, 0.1));
        let s = innorank::pipeline::sensitivity::sensitivity(&p, &Default::default()).unwrap();
        outline(&chart::sensitivity(&s));
        let leaf = p.criteria().leaves().next().unwrap().0.id.clone();
        let c = innorank::pipeline::sensitivity::curve(&p, &Default::default(), &leaf, 20).unwrap();
        outline(&chart::curve(&c));
        let curves = innorank::pipeline::curves(&p, &[100, 1_000_000]);
        outline(&chart::cost_all(&p, &curves));
        let c = innorank::pipeline::compare(&p, &Default::default()).unwrap();
        outline(&chart::compare(&c));
    }
}

#[test]
fn chart_outlines() {
    let p = example(EXAMPLES[0]);
    let options = innorank::RankOptions {
        satisfactory: Some(0.6),
        ..Default::default()
    };
    let report = innorank::rank(&p, &options).unwrap();
    let versus = innorank::pipeline::head_to_head(&report, None).unwrap();
    insta::assert_snapshot!("rank", outline(&chart::rank_and_versus(&report, Some(&versus))));
    insta::assert_snapshot!("weights", outline(&chart::weights(&p, &report.weights, 0.1)));
    let s = innorank::pipeline::sensitivity::sensitivity(&p, &Default::default()).unwrap();
    insta::assert_snapshot!("sensitivity", outline(&chart::sensitivity(&s)));
    let c = innorank::pipeline::sensitivity::curve(&p, &Default::default(), "relatedness", 10).unwrap();
    insta::assert_snapshot!("curve", outline(&chart::curve(&c)));
    let d = example(EXAMPLES[1]);
    let curves = innorank::pipeline::curves(&d, &[1000, 1_000_000]);
    insta::assert_snapshot!("cost", outline(&chart::cost_all(&d, &curves)));
    let c = innorank::pipeline::compare(&d, &Default::default()).unwrap();
    insta::assert_snapshot!("compare", outline(&chart::compare(&c)));
}

/// Many alternatives: the top 30 are drawn and the rest counted.
#[test]
fn many_alternatives_show_the_top_thirty_and_a_note() {
    let mut yaml = String::from("name: many\ncriteria: [{id: gain}]\nalternatives:\n");
    for i in 0..45 {
        yaml.push_str(&format!("  - {{id: a{i}, scores: {{gain: {i}}}}}\n"));
    }
    let p = load(&yaml);
    let report = innorank::rank(&p, &Default::default()).unwrap();
    let svg = chart::rank(&report);
    let o = outline(&svg);
    assert!(o.contains("30. a15") && !o.contains("31. a14"), "{o}");
    assert!(o.contains("… and 15 more ranked not shown (top 30 drawn)"), "{o}");
}

/// The head-to-head's gaps are TOPSIS's own terms: their squares sum to
/// D+^2 of each alternative as `rank` reports it.
#[test]
fn head_to_head_gaps_add_up_to_the_distance_to_the_ideal() {
    for path in EXAMPLES {
        let p = example(path);
        let report = innorank::rank(&p, &Default::default()).unwrap();
        let h = innorank::pipeline::head_to_head(&report, None).unwrap();
        let d_plus = |i: usize| report.ranking.iter().find(|r| r.index == i).unwrap().d_plus.unwrap();
        let norm =
            |g: &dyn Fn(&innorank::pipeline::Edge) -> f64| h.edges.iter().map(|e| g(e).powi(2)).sum::<f64>().sqrt();
        assert!((norm(&|e| e.gap_a) - d_plus(h.a)).abs() < 1e-12, "{path}");
        assert!((norm(&|e| e.gap_b) - d_plus(h.b)).abs() < 1e-12, "{path}");
    }
}

/// Under AHP the advantages add up to the difference of the unnormalised
/// syntheses, so their sum has the sign of the score difference.
#[test]
fn ahp_head_to_head_agrees_with_the_ranking() {
    let p = example(EXAMPLES[1]);
    let options = innorank::RankOptions {
        method: innorank::Method::Ahp,
        ..Default::default()
    };
    let report = innorank::rank(&p, &options).unwrap();
    let last = report.ranking.iter().next_back().unwrap().id;
    let first = report.ranking.first().unwrap().id;
    let h = innorank::pipeline::head_to_head(&report, Some((last, first))).unwrap();
    let total: f64 = h.edges.iter().map(innorank::pipeline::Edge::advantage).sum();
    assert!(total < 0.0 && h.scores.0 < h.scores.1, "{total} {:?}", h.scores);
}

/// The report on every example: self-contained, every inline SVG well
/// formed, the sections present.
#[test]
fn report_of_every_example_is_self_contained() {
    for path in EXAMPLES {
        let p = example(path);
        let options = ReportOptions {
            draws: Some(200),
            ..Default::default()
        };
        let html = build(&p, &options).unwrap().html();
        assert_self_contained(&html);
        outline_all(&html);
        for id in ["criteria", "weights", "ranking", "versus", "sensitivity", "robustness"] {
            assert!(html.contains(&format!("<section id=\"{id}\">")), "{path}: no {id}");
        }
        let curves = !innorank::pipeline::curves(&p, &[]).is_empty();
        assert_eq!(html.contains("<section id=\"cost\">"), curves, "{path}");
    }
}

/// Parses every inline SVG of `html` (see [`outline`]).
pub(crate) fn outline_all(html: &str) {
    for part in html.split("<svg").skip(1) {
        let end = part.find("</svg>").expect("closed svg") + "</svg>".len();
        outline(&format!("<svg{}", &part[..end]));
    }
}

/// The `<h1>` to `<h3>` headings of `html`, one a line.
pub(crate) fn headings(html: &str) -> String {
    let all: Vec<&str> = html
        .split("<h")
        .skip(1)
        .filter(|s| s.starts_with(['1', '2', '3']))
        .map(|s| &s[2..s.find("</h").unwrap()])
        .collect();
    all.join("\n")
}

/// No script, style sheet, font or image is fetched: the only URL is the
/// SVG namespace, which names and loads nothing.
pub(crate) fn assert_self_contained(html: &str) {
    for banned in ["<script", "<link", "<img", "<iframe", "url(", "@import", "src="] {
        assert!(!html.contains(banned), "{banned} in the report");
    }
    let urls = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !urls.contains("http://") && !urls.contains("https://"),
        "a URL in the report"
    );
}

/// The headings of the report of the diversification example (it has
/// every section but the portfolio).
#[test]
fn report_outline() {
    let p = example(EXAMPLES[1]);
    let options = ReportOptions {
        draws: Some(200),
        ..Default::default()
    };
    let html = build(&p, &options).unwrap().html();
    insta::assert_snapshot!("report_headings", headings(&html));
}

#[test]
fn plot_options_write_their_charts() {
    let dir = Dir::new("plot");
    let runs: [(&str, &[&str]); 7] = [
        ("compare", &["compare", EXAMPLES[1]]),
        ("rank", &["rank", EXAMPLES[0], "--explain"]),
        ("weights", &["weights", EXAMPLES[2]]),
        ("cost", &["cost", EXAMPLES[1]]),
        ("sensitivity", &["sensitivity", EXAMPLES[0]]),
        ("curve", &["sensitivity", EXAMPLES[0], "--curve", "cost"]),
        ("robustness", &["robustness", EXAMPLES[0], "--draws", "300"]),
    ];
    for (name, args) in runs {
        let file = dir.join(format!("{name}.svg"));
        innorank(args).arg("--plot").arg(&file).run().success();
        outline(&std::fs::read_to_string(&file).unwrap());
    }
}

#[test]
fn explain_prints_the_head_to_head_of_any_two() {
    let out = innorank(["rank", EXAMPLES[0], "--explain", "--versus", "p03,p06"]).stdout();
    assert!(out.contains("Head-to-head: p03 (#3, "), "{out}");
    let refused = innorank(["rank", EXAMPLES[0], "--explain", "--versus", "p03,p07"])
        .run()
        .refused();
    assert!(refused.stderr.contains("`p07` is not ranked"), "{}", refused.stderr);
    // In a narrow terminal the head-to-head is cut into tables that fit.
    let narrow = innorank(["rank", EXAMPLES[1], "--explain", "-q"])
        .env("COLUMNS", "40")
        .stdout();
    let part = &narrow[narrow.find("Head-to-head").unwrap()..];
    assert!(part.lines().all(|l| l.chars().count() <= 40), "{part}");
    assert!(part.contains("split into"), "{part}");
    let refused = innorank(["rank", EXAMPLES[0], "--versus", "p03"]).run().refused();
    assert!(refused.stderr.contains("--versus takes two"), "{}", refused.stderr);
}

#[test]
fn report_writes_a_file_or_standard_output() {
    let dir = Dir::new("report");
    let file = dir.join("r.html");
    let run = innorank(["report", EXAMPLES[0], "-o"]).arg(&file).run().success();
    assert!(run.stdout.is_empty());
    assert_self_contained(&std::fs::read_to_string(&file).unwrap());
    let out = innorank(["report", EXAMPLES[0], "-o", "-", "--satisfactory", "0.6"]).stdout();
    assert!(out.starts_with("<!DOCTYPE html>") && out.contains("satisfactory ≥ 0.600"));
}

/// Degenerate problems (one survivor, none, no criterion separating the
/// alternatives) still give a report and charts with finite numbers.
#[test]
fn degenerate_problems_give_finite_charts() {
    let base =
        "criteria: [{id: cost, direction: cost}, {id: gain}]\nalternatives:\n  - {id: a, scores: {cost: 1, gain: 5}}\n";
    let cases = [
        (
            "one",
            "screening: [{criterion: cost, max: 5}]\n",
            "  - {id: b, scores: {cost: 9, gain: 6}}\n",
        ),
        (
            "none",
            "screening: [{criterion: cost, max: 0}]\n",
            "  - {id: b, scores: {cost: 9, gain: 6}}\n",
        ),
        ("flat", "", "  - {id: b, scores: {cost: 1, gain: 5}}\n"),
    ];
    for (name, screening, b) in cases {
        let p = load(&format!("name: {name}\n{screening}{base}{b}"));
        let options = ReportOptions {
            draws: Some(50),
            ..Default::default()
        };
        let html = build(&p, &options).unwrap().html();
        assert!(!html.contains("NaN"), "{name}");
        outline_all(&html);
        let report = innorank::rank(&p, &Default::default()).unwrap();
        outline(&chart::rank(&report));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Invariant: for any scores (ties, constant columns, 2 to 40
    /// alternatives), the ranking, head-to-head and sensitivity charts are
    /// well-formed XML with finite numbers and no empty label.
    #[test]
    fn charts_of_any_scores_are_well_formed(
        rows in proptest::collection::vec((0u8..6, 0u8..6, 0u8..6), 2..40),
        weights in (1u8..9, 1u8..9, 1u8..9),
    ) {
        let mut yaml = format!(
            "name: p\ncriteria: [{{id: x, direction: cost, weight: {}}}, {{id: y, weight: {}}}, {{id: z, weight: {}}}]\nalternatives:\n",
            weights.0, weights.1, weights.2
        );
        for (i, (x, y, z)) in rows.iter().enumerate() {
            yaml.push_str(&format!("  - {{id: a{i}, scores: {{x: {x}, y: {y}, z: {z}}}}}\n"));
        }
        let p = load(&yaml);
        let report = innorank::rank(&p, &Default::default()).unwrap();
        let versus = innorank::pipeline::head_to_head(&report, None).ok();
        outline(&chart::rank_and_versus(&report, versus.as_ref()));
        let s = innorank::pipeline::sensitivity::sensitivity(&p, &Default::default()).unwrap();
        outline(&chart::sensitivity(&s));
    }
}

/// A long problem name or id is shortened with `…`, not drawn past the edge.
#[test]
fn long_names_are_shortened() {
    let (long, id) = ("x".repeat(200), "y".repeat(64));
    let p = load(&format!(
        "name: {long}\ncriteria: [{{id: gain}}]\nalternatives:\n  - {{id: {id}, scores: {{gain: 1}}}}\n  - {{id: b, scores: {{gain: 2}}}}\n"
    ));
    let report = innorank::rank(&p, &Default::default()).unwrap();
    let o = outline(&chart::rank(&report));
    assert!(o.lines().all(|l| l.chars().count() <= 80), "{o}");
    assert!(o.contains('…'), "{o}");
}

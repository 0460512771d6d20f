//! The portfolio's chart (`portfolio --plot`) and report section, and the
//! head-to-head in JSON and CSV (`rank --explain`).

use innorank::pipeline::portfolio::{PortfolioOptions, PortfolioReport, portfolio};
use innorank::present::chart;
use innorank::present::report::{ReportOptions, build};

use crate::charts::{assert_self_contained, headings, outline, outline_all};
use crate::common::{Dir, innorank, load};

const CLUSTER: &str = "examples/innovation-cluster.yaml";
const PROPOSALS: &str = "examples/innovation-proposals.yaml";

fn cluster() -> innorank::Problem {
    load(&std::fs::read_to_string(CLUSTER).unwrap())
}

/// The cluster example with the chart's frontier sweep.
fn swept(p: &innorank::Problem) -> PortfolioReport<'_> {
    let options = PortfolioOptions {
        frontier: chart::portfolio_budgets(p.portfolio().unwrap().budget),
        ..Default::default()
    };
    portfolio(p, &options).unwrap()
}

#[test]
fn portfolio_chart_outline() {
    let p = cluster();
    insta::assert_snapshot!("portfolio", outline(&chart::portfolio(&swept(&p))));
}

/// The frontier beside the baseline: at every budget the optimum is at
/// least the ranking baseline, both within the budget, and the point at
/// the budget used is the report's own optimum and baseline.
#[test]
fn frontier_points_carry_the_ranking_baseline() {
    let p = cluster();
    let report = swept(&p);
    assert!(report.frontier.len() >= 8);
    for f in &report.frontier {
        assert!(f.value >= f.baseline.value - 1e-9, "{f:?}");
        assert!(
            f.spend <= f.budget + 1e-9 && f.baseline.spend <= f.budget + 1e-9,
            "{f:?}"
        );
    }
    let at = report.frontier.iter().find(|f| f.budget == report.budget).unwrap();
    let baseline = report.baseline.as_ref().unwrap();
    assert_eq!((at.value, at.baseline.value), (report.total.value, baseline.value));
    assert_eq!(at.baseline.funded, baseline.funded);
}

/// An infeasible section, a TOPSIS value with no platform, and more
/// funded proposals than a chart draws: well-formed, finite, with a note.
#[test]
fn portfolio_charts_of_hard_cases_are_well_formed() {
    let infeasible = load(
        "name: i\ncriteria: [{id: v}, {id: c, direction: cost}]\nalternatives:\n  - {id: a, scores: {v: 1, c: 5}}\n  - {id: b, scores: {v: 2, c: 1}}\nportfolio: {budget: 3, cost: c, value: v, must: [a]}\n",
    );
    let o = outline(&chart::portfolio(&portfolio(&infeasible, &Default::default()).unwrap()));
    assert!(
        o.contains("No portfolio meets every constraint") && o.contains("must a"),
        "{o}"
    );
    let mut yaml = String::from(
        "name: many\ncriteria: [{id: v}, {id: c, direction: cost}]\nportfolio: {budget: 1000, cost: c, value: topsis}\nalternatives:\n",
    );
    for i in 0..45 {
        yaml.push_str(&format!(
            "  - {{id: a{i}, scores: {{v: {}, c: {}}}}}\n",
            i % 7,
            1 + i % 3
        ));
    }
    let p = load(&yaml);
    let options = PortfolioOptions {
        frontier: chart::portfolio_budgets(10.0),
        ..Default::default()
    };
    let report = portfolio(&p, &options).unwrap();
    // The budget funds everything; two proposals (a14, a35) have closeness 0,
    // so an optimum may leave them out (HiGHS does, microlp does not).
    let n = report.funded.len();
    assert!((43..=45).contains(&n), "{n} funded");
    let o = outline(&chart::portfolio(&report));
    assert!(
        o.contains("TOPSIS closeness x 100") && o.contains(&format!("No shared platform · {n}")),
        "{o}"
    );
    // Thirty rows drawn: the group's heading and 29 proposals.
    let note = format!("… and {} more funded rows not shown (top 30 drawn)", n - 29);
    assert!(o.contains(&note), "{o}");
    assert!(chart::portfolio_budgets(0.0).is_empty() && chart::portfolio_budgets(f64::NAN).is_empty());
}

/// `portfolio --plot` writes the chart (with a frontier even when none
/// was asked for) and prints exactly what it prints without it.
#[test]
fn portfolio_plot_leaves_the_output_as_asked() {
    let dir = Dir::new("portfolio-plot");
    let file = dir.join("p.svg");
    let plain = innorank(["portfolio", CLUSTER, "--format", "json"]).stdout();
    let plotted = innorank(["portfolio", CLUSTER, "--format", "json", "--plot"])
        .arg(&file)
        .stdout();
    assert_eq!(plain, plotted);
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(outline(&svg).contains("Budget frontier"), "{svg}");
    let json = innorank([
        "portfolio",
        CLUSTER,
        "--format",
        "json",
        "--frontier",
        "3000:6000:1000",
        "--plot",
    ])
    .arg(&file)
    .json();
    assert_eq!(json["frontier"].as_array().unwrap().len(), 4);
    // The asked-for sweep (the budget used is in it), drawn as optimum
    // and baseline; at 2500 the budget used is a point of its own.
    let o = outline(&std::fs::read_to_string(&file).unwrap());
    assert!(o.contains("\"circle\": 8,"), "{o}");
    innorank([
        "portfolio",
        CLUSTER,
        "--frontier",
        "3000:6000:1000",
        "--budget",
        "2500",
        "--plot",
    ])
    .arg(&file)
    .run()
    .success();
    let o = outline(&std::fs::read_to_string(&file).unwrap());
    assert!(o.contains("\"circle\": 10,") && o.contains("budget used 2500"), "{o}");
}

/// The report of a problem with a `portfolio:` section has the section:
/// the cluster beside the baseline, the chart, what binds, why not.
#[test]
fn report_shows_the_portfolio() {
    let p = cluster();
    let report = build(&p, &ReportOptions::default()).unwrap();
    let pf = report.portfolio.as_ref().unwrap();
    let html = report.html();
    assert_self_contained(&html);
    outline_all(&html);
    let section = &html[html.find("<section id=\"portfolio\">").unwrap()..];
    let gain = pf.total.value - pf.baseline.as_ref().unwrap().value;
    assert!(section.contains(&format!("gains <b>{}</b>", innorank::present::scale::trimmed(gain))));
    assert!(section.contains("Binding: ") && section.contains("cannot be funded: must_not p10"));
    assert!(section.contains("Budget frontier") && section.contains("Funded cluster: 5 proposals"));
    insta::assert_snapshot!("report_portfolio_headings", headings(&html));
    // Without a section, no portfolio.
    let plain = load(&std::fs::read_to_string(PROPOSALS).unwrap());
    assert!(build(&plain, &ReportOptions::default()).unwrap().portfolio.is_none());
}

/// `rank --explain --format json` carries the head-to-head: under TOPSIS
/// each side's gaps are the terms of its D+ (their squares sum to D+^2),
/// `closer` has the smaller gap and `by` is the difference.
#[test]
fn head_to_head_in_json() {
    let json = innorank(["rank", PROPOSALS, "--explain", "--format", "json", "-q"]).json();
    let h = &json["head_to_head"];
    for (side, gap) in [("a", "gap_a"), ("b", "gap_b")] {
        let id = h[side]["id"].as_str().unwrap();
        let row = json["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap();
        assert_eq!(h[side]["rank"], row["rank"]);
        let squares: f64 = h["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[gap].as_f64().unwrap().powi(2))
            .sum();
        assert!(
            (squares.sqrt() - row["d_plus"].as_f64().unwrap()).abs() < 1e-12,
            "{side}"
        );
    }
    for c in h["criteria"].as_array().unwrap() {
        let (a, b) = (c["gap_a"].as_f64().unwrap(), c["gap_b"].as_f64().unwrap());
        let closer = if a < b {
            &h["a"]["id"]
        } else if b < a {
            &h["b"]["id"]
        } else {
            &serde_json::Value::Null
        };
        assert_eq!(&c["closer"], closer, "{c}");
        assert!((c["by"].as_f64().unwrap() - (a - b).abs()).abs() < 1e-15);
    }
    let chosen = innorank([
        "rank",
        PROPOSALS,
        "--explain",
        "--versus",
        "p03,p06",
        "--format",
        "json",
        "-q",
    ])
    .json();
    assert_eq!(
        (&chosen["head_to_head"]["a"]["id"], &chosen["head_to_head"]["b"]["id"]),
        (&"p03".into(), &"p06".into())
    );
    let plain = innorank(["rank", PROPOSALS, "--format", "json", "-q"]).json();
    assert!(plain.get("head_to_head").is_none());
}

/// CSV: the ranking, one empty line, then the head-to-head, whose numbers
/// are JSON's.
#[test]
fn head_to_head_in_csv() {
    let csv = innorank(["rank", PROPOSALS, "--explain", "--format", "csv", "-q"]).stdout();
    let (ranking, versus) = csv.split_once("\n\n").unwrap();
    assert!(ranking.starts_with("rank,id,name,score"));
    let json = innorank(["rank", PROPOSALS, "--explain", "--format", "json", "-q"]).json();
    let mut reader = csv::Reader::from_reader(versus.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["criterion", "weight", "a", "b", "gap_a", "gap_b", "closer", "by"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let criteria = json["head_to_head"]["criteria"].as_array().unwrap();
    assert_eq!(rows.len(), criteria.len());
    for (row, c) in rows.iter().zip(criteria) {
        assert_eq!(row[0], *c["criterion"].as_str().unwrap());
        assert_eq!(row[4].parse::<f64>().unwrap(), c["gap_a"].as_f64().unwrap());
        assert_eq!(row[6], *c["closer"].as_str().unwrap_or_default());
    }
    let plain = innorank(["rank", PROPOSALS, "--format", "csv", "-q"]).stdout();
    assert!(!plain.contains("\n\n"));
}

/// The head-to-head is part of the rank schema: real output passes, a
/// `closer` that is neither an id nor null fails, and so does a key the
/// schema does not know.
#[test]
fn head_to_head_matches_the_rank_schema() {
    let v = jsonschema::draft202012::new(&innorank::pipeline::rank_schema()).unwrap();
    let mut json = innorank(["rank", PROPOSALS, "--explain", "--format", "json", "-q"]).json();
    assert!(v.is_valid(&json));
    json["head_to_head"]["criteria"][0]["closer"] = serde_json::json!(1);
    assert!(!v.is_valid(&json));
    json["head_to_head"]["criteria"][0]["closer"] = serde_json::Value::Null;
    assert!(v.is_valid(&json));
    json["head_to_head"]["winner"] = serde_json::json!("p06");
    assert!(!v.is_valid(&json));
}

//! `innorank portfolio` from the command line: the shipped cluster example
//! in every format (insta snapshots), the published California
//! Manufacturing case, located errors, infeasible problems, the options.

use serde_json::Value;

use crate::common::Dir;
use crate::common::{Cli, assert_errors, innorank};

const CLUSTER: &str = "examples/innovation-cluster.yaml";

/// Standard output, then standard error and the exit code unless the run
/// succeeded silently.
fn seen(cli: Cli) -> String {
    let run = cli.run();
    let code = run.code.expect("innorank exits with a code");
    if code == 0 && run.stderr.is_empty() {
        run.stdout
    } else {
        format!("{}--- stderr (exit {code}) ---\n{}", run.stdout, run.stderr)
    }
}

#[test]
fn the_cluster_example_in_every_format() {
    for format in ["table", "json", "csv", "markdown"] {
        let args = [
            "portfolio",
            CLUSTER,
            "--next",
            "3",
            "--frontier",
            "3000:6000:1000",
            "--format",
            format,
        ];
        let cli = innorank(args).env("COLUMNS", "80");
        insta::with_settings!({ description => format!("COLUMNS=80 innorank {}", args.join(" ")), omit_expression => true }, {
            insta::assert_snapshot!(format!("portfolio_cluster_{format}"), seen(cli));
        });
    }
}

#[test]
fn the_cluster_beats_funding_down_the_ranking() {
    let json = innorank(["portfolio", CLUSTER, "--format", "json"])
        .run()
        .success()
        .json();
    let optimum = json["total"]["value"].as_f64().unwrap();
    let baseline = json["baseline"]["value"].as_f64().unwrap();
    assert!(optimum > baseline + 1000.0, "{optimum} vs {baseline}");
    // The ranking funds the largest NPV and its battery rig first.
    assert_eq!(json["baseline"]["funded"][0], "p02");
    let funded: Vec<&str> = json["funded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(!funded.contains(&"p02"));
    // The lab is paid once and shared by the three electro-hydraulic proposals.
    let lab = json["spend"]["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "eh_lab")
        .unwrap();
    assert_eq!(lab["fixed_cost"], 900.0);
    assert_eq!(lab["shared_by"].as_array().unwrap().len(), 3);
    // Totals add up, and the spend is within the budget.
    let t = &json["total"];
    let sum =
        t["own_values"].as_f64().unwrap() + t["synergies"].as_f64().unwrap() + t["learning_savings"].as_f64().unwrap();
    assert!((sum - optimum).abs() < 1e-9);
    assert!(json["spend"]["total"].as_f64().unwrap() <= 5000.0);
    assert_eq!(json["status"], "optimal");
    assert_eq!(json["bound"], json["total"]["value"]);
    assert_eq!(json["screened_out"][0]["id"], "p07");
}

/// Hillier & Lieberman, Introduction to Operations Research, section 12.1.
const CALIFORNIA: &str = "name: California Manufacturing
criteria: [{id: npv, unit: M$}, {id: capital, direction: cost, unit: M$}]
alternatives:
  - {id: factory_la, scores: {npv: 9, capital: 6}}
  - {id: factory_sf, scores: {npv: 5, capital: 3}}
  - {id: warehouse_la, scores: {npv: 6, capital: 5}}
  - {id: warehouse_sf, scores: {npv: 4, capital: 2}}
portfolio:
  budget: 10
  cost: capital
  value: npv
  groups: [{ids: [warehouse_la, warehouse_sf]}]
  requires: [[warehouse_la, factory_la], [warehouse_sf, factory_sf]]
";

#[test]
fn california_manufacturing_from_the_command_line() {
    let json = innorank(["portfolio", "-", "--format", "json"])
        .stdin(CALIFORNIA)
        .run()
        .success()
        .json();
    assert_eq!(json["funded"][0]["id"], "factory_la");
    assert_eq!(json["funded"][1]["id"], "factory_sf");
    assert_eq!(json["total"]["value"], 14.0);
    assert_eq!(json["slack"]["budget"], 1.0);
    // Forcing in the San Francisco warehouse: factory_sf + warehouse_sf
    // with the LA factory out (9 + 2 + 6 > 10), NPV 9: 5 lost.
    let shelved = json["shelved"].as_array().unwrap();
    let why = |id: &str| shelved.iter().find(|s| s["id"] == id).unwrap()["why_not"].clone();
    assert_eq!(why("warehouse_sf"), serde_json::json!({"value_lost": 5.0}));
    // The LA warehouse needs the LA factory: 6 + 5 = 11 > 10 alone.
    assert_eq!(why("warehouse_la"), serde_json::json!({"infeasible": "budget"}));
    // The greedy walk: factory_la (9), warehouse_la (6, needs factory_la)
    // would pass 10; factory_sf (5) fits, then warehouse_sf (4) breaks the
    // group? No: the group holds one warehouse; it costs 2 of the 1 left.
    assert_eq!(json["baseline"]["value"], 14.0);
}

#[test]
fn budget_frontier_and_next() {
    let json = innorank([
        "portfolio",
        "-",
        "--format",
        "json",
        "--budget",
        "11",
        "--frontier",
        "0:12:4",
        "--next",
        "4",
    ])
    .stdin(CALIFORNIA)
    .run()
    .success()
    .json();
    assert_eq!(json["budget"], 11.0);
    // 11: both factories and the San Francisco warehouse (6 + 3 + 2), NPV 18.
    assert_eq!(json["total"]["value"], 18.0);
    let budgets: Vec<f64> = json["frontier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["budget"].as_f64().unwrap())
        .collect();
    assert_eq!(budgets, [0.0, 4.0, 8.0, 12.0]);
    let values: Vec<f64> = json["frontier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_f64().unwrap())
        .collect();
    // 4: factory_sf (5); 8: factory_sf + warehouse_sf or factory_la (9);
    // 12: both factories and warehouse_sf (capital 11), NPV 18.
    assert_eq!(values, [0.0, 5.0, 9.0, 18.0]);
    let next = json["next"].as_array().unwrap();
    assert_eq!(next[0]["gap"], 0.0);
    let sets: Vec<&Value> = next.iter().map(|n| &n["funded"]).collect();
    for (i, a) in sets.iter().enumerate() {
        for b in &sets[i + 1..] {
            assert_ne!(a, b, "portfolios must be distinct");
        }
    }
    let gaps: Vec<f64> = next.iter().map(|n| n["gap"].as_f64().unwrap()).collect();
    assert!(gaps.windows(2).all(|w| w[0] <= w[1]), "{gaps:?}");
}

#[test]
fn topsis_values_are_the_ranking_scores_times_100() {
    let file = "name: t
criteria: [{id: gain}, {id: cost, direction: cost}]
alternatives:
  - {id: a, scores: {gain: 5, cost: 3}}
  - {id: b, scores: {gain: 9, cost: 6}}
  - {id: c, scores: {gain: 4, cost: 1}}
portfolio: {budget: 7, cost: cost}
";
    let rank = innorank(["rank", "-", "--format", "json"])
        .stdin(file)
        .run()
        .success()
        .json();
    let json = innorank(["portfolio", "-", "--format", "json"])
        .stdin(file)
        .run()
        .success()
        .json();
    assert_eq!(json["value"], "topsis");
    let mut values = std::collections::HashMap::new();
    for entry in json["funded"]
        .as_array()
        .unwrap()
        .iter()
        .chain(json["shelved"].as_array().unwrap())
    {
        values.insert(
            entry["id"].as_str().unwrap().to_owned(),
            entry["value"].as_f64().unwrap(),
        );
    }
    for row in rank["ranking"].as_array().unwrap() {
        let score = row["score"].as_f64().unwrap();
        let value = values[row["id"].as_str().unwrap()];
        assert!((value - 100.0 * score).abs() < 1e-9, "{value} vs {score}");
    }
}

#[test]
fn an_infeasible_problem_exits_0_with_its_conflicts() {
    let file = CALIFORNIA.replace("  value: npv\n", "  value: npv\n  must: [warehouse_la, warehouse_sf]\n");
    let json = innorank(["portfolio", "-", "--format", "json"])
        .stdin(file)
        .run()
        .success()
        .json();
    assert_eq!(json["status"], "infeasible");
    assert_eq!(json["funded"], serde_json::json!([]));
    assert!(json.get("bound").is_none() && json.get("baseline").is_none());
    // One irreducible set: the LA warehouse needs the LA factory, and the
    // two cost 11 > 10 (the two warehouses and their group are another).
    assert_eq!(
        json["conflicts"],
        serde_json::json!(["must warehouse_la", "budget", "warehouse_la requires factory_la"])
    );
}

#[test]
fn bad_portfolio_input_is_located() {
    let file = "name: t
criteria: [{id: npv}, {id: cost, direction: cost}]
alternatives:
  - {id: a, scores: {npv: 10, cost: 4}, platforms: [lab], uses: {eng: 2}}
  - {id: b, scores: {npv: 8, cost: -3}, platforms: [lbo]}
portfolio:
  budget: -1
  cost: cots
  platforms: [{id: lab, fixed_cost: 2, learning: {unit_cost: 1, learning_rate: 0.9}}]
  synergies: [[a, bb, 1]]
  requires: [[a, a]]
  must: [a]
  must_not: [a]
  bugdet: 3
";
    assert_errors(
        innorank(["portfolio", "-"]).stdin(file).assert(),
        &[
            "<stdin>:14:3: portfolio.bugdet: unknown key `bugdet` (did you mean `budget`?); expected one of `budget`, `cost`, `value`, `platforms`, `asset_costs`, `synergies`, `requires`, `together`, `groups`, `resources`, `must`, `must_not`",
            "<stdin>:7:11: portfolio.budget: must be a number >= 0, found -1",
            "<stdin>:8:9: portfolio.cost: `cots` is not a leaf criterion (did you mean `cost`?)",
            "<stdin>:9:50: portfolio.platforms[0].learning: pooled learning adds money to the value; set `value:` to a money leaf (such as npv), not topsis or ahp",
            "<stdin>:4:71: alternatives[0].uses.eng: `eng` is not a resource",
            "<stdin>:5:53: alternatives[1].platforms[0]: `lbo` is not a platform (did you mean `lab`?)",
            "<stdin>:10:19: portfolio.synergies[0][1]: `bb` is not an alternative",
            "<stdin>:11:14: portfolio.requires[0]: `a` is paired with itself",
            "<stdin>:13:14: portfolio.must_not[0]: `a` is in both `must` and `must_not`",
            "<stdin>:4:5: alternatives[0]: `a` uses the learning platform `lab` and needs a `volume` (a whole number >= 1)",
        ],
    );
}

#[test]
fn a_must_that_screening_rejects_is_an_input_error() {
    let file = "name: t
criteria: [{id: npv}, {id: cost, direction: cost}]
screening: [{criterion: cost, max: 5}]
alternatives:
  - {id: a, scores: {npv: 10, cost: 9}}
  - {id: b, scores: {npv: 8, cost: 3}}
  - {id: c, scores: {npv: 8, cost: 2}}
portfolio:
  budget: 10
  cost: cost
  value: npv
  requires: [[c, a]]
  synergies: [[a, b, 3]]
  must: [a, c]
";
    assert_errors(
        innorank(["portfolio", "-"]).stdin(file).assert(),
        &[
            "<stdin>:14:10: portfolio.must[0]: `a` must be funded, but screening rejects it",
            "<stdin>:14:13: portfolio.must[1]: `c` must be funded, but it requires `a`, which screening rejects",
        ],
    );
    // Without the `must`, the rejected id is left out of the lists with a warning.
    let file = file.replace("  must: [a, c]\n", "");
    let run = innorank(["portfolio", "-", "--format", "json"])
        .stdin(file)
        .run()
        .success();
    assert!(
        run.stderr
            .contains("`a` is screened out; it is left out of portfolio `synergies`"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json()["total"]["value"], 16.0);
}

#[test]
fn priced_assets_become_shared_platforms() {
    let file = "name: t
core:
  technologies: [hydraulics, Valve design]
criteria: [{id: npv}, {id: cost, direction: cost}]
alternatives:
  - {id: a, scores: {npv: 10, cost: 2}, assets: {technologies: [battery packs, hydraulics]}}
  - {id: b, scores: {npv: 9, cost: 2}, assets: {technologies: [Battery  Packs]}}
  - {id: c, scores: {npv: 3, cost: 2}, assets: {technologies: [valve design]}}
portfolio:
  budget: 20
  cost: cost
  value: npv
  asset_costs:
    technologies: {battery packs: 5, valve design: 50}
";
    let json = innorank(["portfolio", "-", "--format", "json"])
        .stdin(file)
        .run()
        .success()
        .json();
    let platforms = json["spend"]["platforms"].as_array().unwrap();
    assert_eq!(
        platforms.len(),
        1,
        "the core's valve design costs nothing: {platforms:?}"
    );
    assert_eq!(platforms[0]["id"], "technologies:battery packs");
    assert_eq!(platforms[0]["shared_by"], serde_json::json!(["a", "b"]));
    assert_eq!(json["spend"]["total"], 11.0);
}

#[test]
fn a_file_without_a_portfolio_section_is_refused() {
    let dir = Dir::new("portfolio");
    let file = dir.write(
        "p.yaml",
        "name: t\ncriteria: [{id: a}]\nalternatives: [{id: x, scores: {a: 1}}]\n",
    );
    let errors = innorank(["portfolio"]).arg(&file).errors();
    assert_eq!(
        errors,
        ["the problem has no `portfolio:` section; add one (see docs/problem-format.md)"]
    );
}

#[test]
fn portfolio_fields_without_a_section_are_located() {
    let file = "name: t\ncriteria: [{id: a}]\nalternatives: [{id: x, scores: {a: 1}, volume: 3}]\n";
    assert_errors(
        innorank(["rank", "-"]).stdin(file).assert(),
        &["<stdin>:3:48: alternatives[0].volume: `volume` needs a `portfolio:` section in the problem file"],
    );
}

#[test]
fn csv_alternatives_carry_platforms_volume_and_uses() {
    let dir = Dir::new("portfolio-csv");
    let problem = "name: csv portfolio
criteria: [{id: npv}, {id: cost, direction: cost}]
alternatives: {csv: c.csv}
portfolio:
  budget: 10
  cost: cost
  value: npv
  platforms:
    - {id: lab, fixed_cost: 3}
    - {id: line, fixed_cost: 1, learning: {unit_cost: 1, learning_rate: 0.8}}
  resources: [{id: eng, capacity: 5}]
";
    dir.write("p.yaml", problem);
    dir.write(
        "c.csv",
        "id,npv,cost,platforms,volume,uses.eng\na,6,3,lab;line,100,2\nb,5,3,lab,,2\nc,4,2,,,\nd,3,1,line,50,3\n",
    );
    let json = dir
        .innorank()
        .args(["portfolio", "p.yaml", "--format", "json"])
        .run()
        .success()
        .json();
    let funded: Vec<&str> = json["funded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(funded, ["a", "c", "d"]);
    assert_eq!(json["slack"]["eng"], 0.0);
    // a and d pool 100 + 50 units on the line: the learning sums, term by term.
    let b = 0.8f64.log2();
    let c = |q: u64| (1..=q).map(|k| (k as f64).powf(b)).sum::<f64>();
    let saving = c(100) + c(50) - c(150);
    assert!((json["total"]["learning_savings"].as_f64().unwrap() - saving).abs() < 1e-9);
    // Bad cells are reported in the CSV, at the row and column.
    dir.write(
        "c.csv",
        "id,npv,cost,platforms,volume,uses.engg\na,6,3,lab;lbo,100,2\nb,5,3,lab,x,\n",
    );
    assert_errors(
        dir.innorank().args(["portfolio", "p.yaml"]).assert(),
        &[
            "c.csv:2: platforms: `lbo` is not a platform (did you mean `lab`?)",
            "c.csv:2: uses.engg: `engg` is not a resource (did you mean `eng`?)",
            "c.csv:3: volume: expected a number, found `x`",
        ],
    );
}

/// A TOPSIS-valued cluster: four proposals sharing a lab, judged on gain,
/// risk and cost with equal-weight leaves.
const ROBUST: &str = "name: robust
criteria:
  - {id: gain}
  - {id: risk, direction: cost}
  - {id: cost, direction: cost}
alternatives:
  - {id: a, scores: {gain: 9, risk: 7, cost: 5}, platforms: [lab]}
  - {id: b, scores: {gain: 6, risk: 3, cost: 3}, platforms: [lab]}
  - {id: c, scores: {gain: 4, risk: 2, cost: 2}}
  - {id: d, scores: {gain: 7, risk: 5, cost: 4}}
  - {id: e, scores: {gain: 2, risk: 1, cost: 1}}
portfolio:
  budget: 9
  cost: cost
  platforms: [{id: lab, fixed_cost: 1}]
  must: [e]
  must_not: [c]
";

#[test]
fn the_core_index_counts_the_optima_under_the_robustness_draws() {
    let dir = Dir::new("portfolio-robust");
    dir.write("p.yaml", ROBUST);
    let json = |args: &[&str]| dir.innorank().args(args).run().success().json();
    let robust = json(&[
        "portfolio",
        "p.yaml",
        "--robust",
        "40",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    let core = robust["core_index"].as_object().unwrap();
    assert_eq!(core.len(), 5);
    assert_eq!(core["e"], 1.0, "must");
    assert_eq!(core["c"], 0.0, "must_not");
    assert!(core.values().all(|x| (0.0..=1.0).contains(&x.as_f64().unwrap())));
    // The same seed gives the same index.
    let again = json(&[
        "portfolio",
        "p.yaml",
        "--robust",
        "40",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(again["core_index"], robust["core_index"]);

    // One draw: the optimum under the weights `robustness` draws first with
    // that seed (written out with --draws-out, then given as `weight:`).
    dir.innorank()
        .args([
            "robustness",
            "p.yaml",
            "--draws",
            "1",
            "--seed",
            "9",
            "--draws-out",
            "w.csv",
        ])
        .run()
        .success();
    let drawn = std::fs::read_to_string(dir.join("w.csv")).unwrap();
    let mut lines = drawn.lines();
    let names: Vec<&str> = lines.next().unwrap().split(',').collect();
    let values: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mut weighted = ROBUST.to_owned();
    for (name, value) in names.iter().zip(&values) {
        let leaf = format!("{{id: {name}");
        weighted = weighted.replacen(&leaf, &format!("{leaf}, weight: {value}"), 1);
    }
    assert_eq!(weighted.matches("weight:").count(), 3, "{weighted}");
    dir.write("w.yaml", &weighted);
    let fixed = json(&["portfolio", "w.yaml", "--format", "json"]);
    let one = json(&[
        "portfolio",
        "p.yaml",
        "--robust",
        "1",
        "--seed",
        "9",
        "--format",
        "json",
    ]);
    let funded: Vec<&str> = fixed["funded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for (id, share) in one["core_index"].as_object().unwrap() {
        let expected = if funded.contains(&id.as_str()) { 1.0 } else { 0.0 };
        assert_eq!(share.as_f64().unwrap(), expected, "{id}: {drawn}");
    }
}

#[test]
fn robust_needs_a_weighted_value() {
    let errors = innorank(["portfolio", CLUSTER, "--robust", "10"]).errors();
    assert_eq!(
        errors,
        ["--robust re-weighs TOPSIS or AHP values; `value: npv` does not depend on the weights"]
    );
}

#[test]
fn negative_costs_and_unpriceable_assets_are_located() {
    let file = "name: t
criteria: [{id: npv}, {id: cost, direction: cost}]
alternatives:
  - {id: a, scores: {npv: 10, cost: 4}}
  - {id: b, scores: {npv: 8, cost: -3}}
portfolio:
  budget: 10
  cost: cost
  value: npv
  asset_costs: {technologies: {batteries: 5}}
  groups: [{ids: [a, b], min: 1.5}]
";
    assert_errors(
        innorank(["portfolio", "-"]).stdin(file).assert(),
        &[
            "<stdin>:10:16: portfolio.asset_costs: `asset_costs` prices the assets a proposal lacks from `core:`; give `core:` and the alternatives' `assets:`",
            "<stdin>:11:31: portfolio.groups[0].min: must be a whole number >= 0, found 1.5",
            "<stdin>:5:36: alternatives[1].scores.cost: must be a number >= 0, found -3",
        ],
    );
}

/// The why-not re-solves run on all cores, each exact: the report is the
/// same byte for byte with one thread or two.
#[test]
fn the_report_does_not_depend_on_the_number_of_threads() {
    let dir = Dir::new("portfolio-threads");
    let generated = std::process::Command::new("python3")
        .args([
            "scripts/gen_portfolio.py",
            "40",
            "--synergy-share",
            "0.05",
            "--seed",
            "3",
        ])
        .output()
        .expect("python3 runs the generator");
    assert!(generated.status.success());
    let file = dir.write("forty.yaml", generated.stdout);
    let file = file.to_str().unwrap();
    let run = |threads: &str| {
        innorank(["portfolio", file, "--format", "json", "-q"])
            .env("RAYON_NUM_THREADS", threads)
            .stdout()
    };
    let one = run("1");
    assert!(one.contains("\"value_lost\""), "{one}");
    assert_eq!(one, run("2"));
}

//! Starting files for `innorank init`: commented problem files built from
//! the criteria library, which pass validation and rank as written.

use std::fmt::Write;

use crate::input::{CriteriaLibrary, LibraryEntry};
use crate::model::{Criterion, CriterionKind};
use crate::readable::Readable;

/// Which kind of problem to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// Screening and ranking innovation proposals.
    Innovation,
    /// Choosing among related-diversification moves, with relatedness
    /// derived from shared assets and cost from learning curves.
    Diversification,
}

crate::math::names::named_choices!(Template, "template", {
    Innovation => "innovation",
    Diversification => "diversification",
});

/// Why a template cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// The library lacks a criterion the template needs.
    #[error("the criteria library has no `{0}`, which this template uses")]
    Missing(String),
}

/// Library families of the innovation template, with relative weights
/// from which its (perfectly consistent) starting judgments are made.
const INNOVATION: [(&str, u32); 7] = [
    ("risk", 3),
    ("relatedness", 3),
    ("cost", 2),
    ("market_demand", 2),
    ("depth_breadth", 1),
    ("knowledge_reuse", 1),
    ("time_to_market", 1),
];

/// Library criteria of the diversification template besides the derived
/// ones, with relative weights.
const DIVERSIFICATION: [(&str, u32); 3] = [("market_demand", 2), ("risk", 2), ("time_to_market", 1)];

/// Renders the starting file.
///
/// ```
/// use innorank::template::{render, Template};
/// let text = render(Template::Innovation, &innorank::problem::CriteriaLibrary::built_in()).unwrap();
/// let problem = innorank::Problem::from_yaml_str(&text, "new.yaml").unwrap();
/// assert_eq!(problem.alternatives().len(), 3);
/// ```
///
/// # Errors
///
/// A [`TemplateError`] when a library criterion the template uses is
/// missing from `library`.
pub fn render(template: Template, library: &CriteriaLibrary) -> Result<String, TemplateError> {
    match template {
        Template::Innovation => innovation(library),
        Template::Diversification => diversification(library),
    }
}

fn entry<'a>(library: &'a CriteriaLibrary, id: &str) -> Result<&'a LibraryEntry, TemplateError> {
    library.get(id).ok_or_else(|| TemplateError::Missing(id.to_owned()))
}

/// `# id (direction, unit): 1 = ..., 5 = ..., 9 = ...` for every leaf of a
/// family, so the file can be scored without looking anything up.
fn rubric_comments(out: &mut String, e: &LibraryEntry, indent: &str) {
    let top = e.criteria.node(1);
    let first_sentence = |c: &Criterion| {
        let d = c
            .description
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        d.split_inclusive(". ").next().unwrap_or("").trim().to_owned()
    };
    let _ = writeln!(out, "{indent}# {}: {}", top.label(), first_sentence(top));
    for (c, leaf) in e.criteria.leaves() {
        let ends: Vec<String> = leaf
            .rubric
            .iter()
            .filter(|(k, _)| k == "1" || k == "5" || k == "9")
            .map(|(k, t)| format!("{k} = {}", t.trim_end_matches('.')))
            .collect();
        let _ = writeln!(
            out,
            "{indent}#   {} ({}): {}",
            c.id,
            leaf.direction.name(),
            ends.join("; ")
        );
    }
}

/// Consistent judgments `[a, b, w_a/w_b]` for every pair.
fn judgments(out: &mut String, weights: &[(&str, u32)], indent: &str) {
    for (i, (a, wa)) in weights.iter().enumerate() {
        for (b, wb) in &weights[i + 1..] {
            let value = if wa % wb == 0 {
                format!("{}", wa / wb)
            } else {
                format!("\"{wa}/{wb}\"")
            };
            let _ = writeln!(out, "{indent}- [{a}, {b}, {value}]");
        }
    }
}

/// Three example alternatives' scores for `leaves`: the rubric's 3, 5 and 7
/// (a quarter, half and three quarters up the scale) in a different order
/// per leaf, so the example ranks.
fn example_scores(leaves: &[(String, (f64, f64))], alternative: usize) -> String {
    leaves
        .iter()
        .enumerate()
        .map(|(k, (id, scale))| {
            let step = (alternative + k) % 3;
            format!("{id}: {}", Readable(point_on_scale(*scale, (1 + step) as f64 / 4.0)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The point a fraction `t` (in [0, 1]) up the scale `lo..=hi`, rounded to a
/// whole number when the scale spans several units, and never outside it.
///
/// Computed as `lo (1 - t) + hi t`: each term is at most the larger bound
/// in size, where `lo + (hi - lo) t` overflows on a scale wider than
/// `f64::MAX` (such as `-1e308..1e308`) and `(hi - lo) * 3` on one up to
/// `1e308`. Rounding is skipped on a narrow scale, where it would leave the
/// scale (`0.1..0.2`) or give equal points.
fn point_on_scale((lo, hi): (f64, f64), t: f64) -> f64 {
    let v = lo * (1.0 - t) + hi * t;
    let v = if hi - lo >= 4.0 { v.round() } else { v };
    v.clamp(lo.min(hi), hi.max(lo))
}

fn scored_leaves(entries: &[&LibraryEntry]) -> Vec<(String, (f64, f64))> {
    entries
        .iter()
        .flat_map(|e| e.criteria.leaves())
        .map(|(c, l)| (c.id.clone(), l.scale.unwrap_or((1.0, 9.0))))
        .collect()
}

fn innovation(library: &CriteriaLibrary) -> Result<String, TemplateError> {
    let entries = INNOVATION
        .iter()
        .map(|(id, _)| entry(library, id))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = String::from(
        "# innorank problem file: screening innovation proposals.\n\
         # Written by `innorank init --template innovation` from the criteria library.\n\
         # Next: rename the proposals, score them with the rubrics below\n\
         # (`innorank criteria ID` shows a rubric in full), revise the judgments,\n\
         # then `innorank check FILE` and `innorank rank FILE`.\n\
         version: 1\n\
         name: Innovation proposals\n\
         description: >\n  Which follow-on innovations should the firm fund next?\n\n\
         # Criteria come from the library with `use`; keys beside `use` override\n\
         # the library's (e.g. `{use: depth_breadth, target: 4}`).\ncriteria:\n",
    );
    for e in &entries {
        rubric_comments(&mut out, e, "  ");
        let _ = writeln!(out, "  - use: {}", e.id);
    }
    out.push_str(
        "\n# Pairwise judgments among the families: [a, b, v] means a is v times as\n\
         # important as b (Saaty's 1-9 scale; \"1/3\" for the reverse). These start\n\
         # from relative weights risk 3, relatedness 3, cost 2, market_demand 2,\n\
         # the rest 1: replace them with your team's judgments.\ncomparisons:\n",
    );
    judgments(&mut out, &INNOVATION, "  ");
    out.push_str("\n# One entry per proposal; every leaf criterion above needs a score.\nalternatives:\n");
    let leaves = scored_leaves(&entries);
    for a in 0..3 {
        let _ = writeln!(out, "  - id: p{}\n    name: Proposal {} (rename)", a + 1, a + 1);
        let _ = writeln!(out, "    scores: {{{}}}", example_scores(&leaves, a));
    }
    out.push_str(
        "\n# Hard rules, applied before ranking: a proposal the firm could not\n\
         # survive failing alone is set aside, whatever its other merits.\nscreening:\n  \
         - {criterion: financial_exposure, max: 8}\n",
    );
    Ok(out)
}

fn diversification(library: &CriteriaLibrary) -> Result<String, TemplateError> {
    let entries = DIVERSIFICATION
        .iter()
        .map(|(id, _)| entry(library, id))
        .collect::<Result<Vec<_>, _>>()?;
    let competences = library
        .entries()
        .iter()
        .find_map(|e| {
            e.criteria
                .nodes()
                .iter()
                .find(|n| n.id == "core_competences" && matches!(n.kind, CriterionKind::Leaf(_)))
        })
        .ok_or_else(|| TemplateError::Missing("core_competences".to_owned()))?;
    let mut out = String::new();
    diversification_head(&mut out, competences.label());
    for e in &entries {
        rubric_comments(&mut out, e, "  ");
        let _ = writeln!(out, "  - use: {}", e.id);
    }
    out.push_str("\n# [a, b, v]: a is v times as important as b. Starting values: revise them.\ncomparisons:\n");
    let mut weights = vec![("relatedness", 4), ("unit_cost", 2)];
    weights.extend(DIVERSIFICATION);
    judgments(&mut out, &weights, "  ");
    diversification_alternatives(&mut out, &entries);
    out.push_str("\nscreening:\n  - {criterion: shared_tech, min: 0.25}   # too far from what we know\n");
    Ok(out)
}

/// The diversification template from its header to the relatedness
/// judgments and the unit-cost leaf; `competences` labels the hand-scored
/// relatedness leaf.
fn diversification_head(out: &mut String, competences: &str) {
    out.push_str(
        "# innorank problem file: choosing related-diversification moves.\n\
         # Written by `innorank init --template diversification` from the criteria library.\n\
         # Next: describe the current business under `core`, list what each option\n\
         # brings under `assets`, give its cost curve, score the rest, then\n\
         # `innorank check FILE`, `innorank rank FILE --explain` and `innorank cost FILE`.\n\
         version: 1\n\
         name: Related diversification options\n\
         description: >\n  Which related field should the firm diversify into?\n\n\
         # The current business. Relatedness is computed from it: an option scores\n\
         # the share of its assets in each dimension that the core already has\n\
         # (names compared ignoring case and surrounding spaces).\n\
         core:\n  technologies: [hydraulics, gear machining, embedded control]\n  \
         markets: [construction, mining]\n  channels: [dealer network]\n\n\
         criteria:\n  - id: relatedness\n    name: Relatedness to the current business\n    criteria:\n      \
         - {id: shared_tech, name: Shared technology, derive: {shared: technologies}}\n      \
         - {id: shared_markets, name: Shared markets, derive: {shared: markets}}\n      \
         - {id: shared_channels, name: Shared channels, derive: {shared: channels}}\n",
    );
    let _ = writeln!(
        out,
        "      # {}: scored by hand (1-9 rubric, `innorank criteria core_competences`)\n      - use: core_competences",
        competences
    );
    out.push_str(
        "    comparisons:\n      - [shared_tech, shared_markets, 1]\n      - [shared_tech, shared_channels, 2]\n      \
         - [shared_markets, shared_channels, 2]\n      - [core_competences, shared_tech, 1]\n      \
         - [core_competences, shared_markets, 1]\n      - [core_competences, shared_channels, 2]\n\
         \x20 # Average cost per unit at the option's planned volume, from fixed cost,\n  \
         # first-unit cost and learning rate; the baseline is today's product.\n  \
         - id: unit_cost\n    name: Average unit cost\n    direction: cost\n    derive: learning_curve\n    \
         baseline: {fixed: 1500000, unit_cost: 150, learning_rate: 0.9}\n",
    );
}

/// The diversification template's alternatives, with assets, cost curves
/// and example scores on the library `entries`.
fn diversification_alternatives(out: &mut String, entries: &[&LibraryEntry]) {
    out.push_str("\nalternatives:\n");
    let assets = [
        (
            "Hydraulic attachments for forestry",
            "[hydraulics, gear machining]",
            "[forestry]",
            "[dealer network]",
        ),
        (
            "Battery-electric drive kits",
            "[battery packs, embedded control]",
            "[construction]",
            "[dealer network, online]",
        ),
        (
            "Remote monitoring service",
            "[telematics, embedded control]",
            "[mining, construction]",
            "[direct sales]",
        ),
    ];
    let curves = [
        "{fixed: 800000, unit_cost: 120, volume: 20000, learning_rate: 0.9}",
        "{fixed: 3000000, unit_cost: 200, volume: 30000, learning_rate: 0.8}",
        "{fixed: 1200000, unit_cost: 60, volume: 10000, learning_rate: 0.95}",
    ];
    let mut leaves = vec![("core_competences".to_owned(), (1.0, 9.0))];
    leaves.extend(scored_leaves(entries));
    for (a, ((name, tech, markets, channels), curve)) in assets.iter().zip(curves).enumerate() {
        let _ = writeln!(out, "  - id: d{}\n    name: {name}", a + 1);
        let _ = writeln!(
            out,
            "    assets: {{technologies: {tech}, markets: {markets}, channels: {channels}}}"
        );
        let _ = writeln!(out, "    scores:\n      unit_cost: {curve}");
        let _ = writeln!(out, "      {}", example_scores(&leaves, a).replace(", ", "\n      "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_on_huge_scales_stay_finite_and_inside() {
        for scale in [
            (0.0, 1e308),
            (-1e308, 1e308),
            (f64::MAX / 2.0, f64::MAX),
            (-f64::MAX, f64::MAX),
        ] {
            for t in [0.25, 0.5, 0.75] {
                let v = point_on_scale(scale, t);
                assert!(v.is_finite() && v >= scale.0 && v <= scale.1, "{scale:?} {t}: {v}");
            }
        }
        assert_eq!(point_on_scale((0.0, 1e308), 0.75), 7.5e307);
        assert_eq!(point_on_scale((-1e308, 1e308), 0.5), 0.0);
    }

    #[test]
    fn points_on_usual_scales_are_the_rubric_values() {
        let points: Vec<f64> = [0.25, 0.5, 0.75]
            .iter()
            .map(|&t| point_on_scale((1.0, 9.0), t))
            .collect();
        assert_eq!(points, [3.0, 5.0, 7.0]);
        // A narrow scale keeps its fractions instead of rounding out of it.
        assert_eq!(point_on_scale((0.1, 0.2), 0.5), 0.15000000000000002);
    }

    #[test]
    fn huge_numbers_are_written_as_yaml_reads_them() {
        // Readable's text is a YAML number that reads back exactly.
        assert_eq!(Readable(7.5e307).to_string(), "7.5e307");
        assert_eq!(Readable(5.0).to_string(), "5");
        assert_eq!(Readable(-2.5e20).to_string(), "-2.5e20");
    }
}

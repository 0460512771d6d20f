//! `innorank criteria [ID]`: the criteria library.

use serde::Serialize;

use innorank::ahp::PriorityMethod;
use innorank::pipeline::weigh;
use innorank::problem::{Criteria, CriterionKind, LibraryEntry};

use crate::cli::{CriteriaArgs, Format};
use crate::{Failure, emit, format, library};

pub fn run(args: &CriteriaArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let library = library(args.criteria_dir.as_deref())?;
    let Some(id) = &args.id else {
        let text = match args.format {
            Format::Json => format::json::to_string(&library.entries().iter().map(Summary::new).collect::<Vec<_>>())?,
            Format::Csv => format::csv::library(library.entries())?,
            Format::Table | Format::Markdown => library
                .entries()
                .iter()
                .map(|e| Summary::new(e).line() + "\n")
                .collect(),
        };
        return emit(out, &text);
    };
    // An id of a family, or of one of its sub-criteria.
    let found = library.entries().iter().find_map(|e| {
        let index = e.criteria.nodes().iter().position(|n| n.id == *id)?;
        Some((e, index))
    });
    let Some((entry, index)) = found else {
        let known: Vec<String> = library.entries().iter().map(|e| format!("`{}`", e.id)).collect();
        return Err(anyhow::anyhow!("`{id}` is not in the criteria library; it has {}", known.join(", ")).into());
    };
    let text = match args.format {
        Format::Json => format::json::to_string(&Definition::new(entry, index))?,
        Format::Csv => format::csv::definition(&Definition::new(entry, index))?,
        Format::Table => describe(entry, index, false),
        Format::Markdown => describe(entry, index, true),
    };
    emit(out, &text)
}

/// One line per library family.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    name: &'a str,
    source: &'a str,
    leaves: Vec<&'a str>,
    description: &'a str,
}

impl<'a> Summary<'a> {
    fn new(e: &'a LibraryEntry) -> Self {
        let node = e.criteria.node(1);
        Summary {
            id: &e.id,
            name: node.label(),
            source: &e.source,
            leaves: e.criteria.leaves().map(|(c, _)| c.id.as_str()).collect(),
            description: node.description.as_deref().unwrap_or("").trim(),
        }
    }

    fn line(&self) -> String {
        let leaves = if self.leaves.len() == 1 && self.leaves[0] == self.id {
            String::new()
        } else {
            format!(" ({})", self.leaves.join(", "))
        };
        let source = if self.source == "built-in" {
            String::new()
        } else {
            format!(" [{}]", self.source)
        };
        format!("{:<16} {}{leaves}{source}", self.id, self.name)
    }
}

/// One criterion of the library with everything an analyst needs to score
/// it.
#[derive(Serialize)]
pub struct Definition<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub source: &'a str,
    pub description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<(f64, f64)>,
    pub levels: Vec<(&'a str, f64)>,
    pub rubric: Vec<(&'a str, &'a str)>,
    /// Default local weights of the sub-criteria, from the library's judgments.
    pub weights: Vec<(&'a str, f64)>,
    pub criteria: Vec<Definition<'a>>,
}

impl<'a> Definition<'a> {
    fn new(entry: &'a LibraryEntry, index: usize) -> Self {
        let weights = weigh(
            &entry.criteria,
            PriorityMethod::Eigen,
            innorank::ahp::DEFAULT_CR_THRESHOLD,
        );
        Self::node(entry, &entry.criteria, index, &weights)
    }

    fn node(
        entry: &'a LibraryEntry,
        criteria: &'a Criteria,
        index: usize,
        w: &innorank::pipeline::HierarchyWeights,
    ) -> Self {
        let node = criteria.node(index);
        let mut d = Definition {
            id: &node.id,
            name: node.label(),
            source: &entry.source,
            description: node.description.as_deref().unwrap_or("").trim(),
            direction: None,
            target: None,
            unit: node.unit.as_deref(),
            scale: None,
            levels: Vec::new(),
            rubric: Vec::new(),
            weights: Vec::new(),
            criteria: Vec::new(),
        };
        match &node.kind {
            CriterionKind::Leaf(leaf) => {
                d.direction = Some(leaf.direction.name());
                if let innorank::Direction::Target(t) = leaf.direction {
                    d.target = Some(t);
                }
                d.scale = leaf.scale;
                d.levels = leaf.levels.iter().map(|(n, v)| (n.as_str(), *v)).collect();
                d.rubric = leaf.rubric.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
            }
            CriterionKind::Parent(p) => {
                if let Some(nw) = w.nodes.iter().find(|n| n.node == index) {
                    d.weights = p
                        .children
                        .iter()
                        .zip(&nw.local)
                        .map(|(&c, &l)| (criteria.node(c).id.as_str(), l))
                        .collect();
                }
                d.criteria = p.children.iter().map(|&c| Self::node(entry, criteria, c, w)).collect();
            }
        }
        d
    }
}

/// A definition as text (or Markdown) to read while scoring.
fn describe(entry: &LibraryEntry, index: usize, markdown: bool) -> String {
    let d = Definition::new(entry, index);
    let mut out = String::new();
    write_definition(&mut out, &d, 0, markdown);
    out
}

fn write_definition(out: &mut String, d: &Definition<'_>, depth: usize, markdown: bool) {
    let pad = "  ".repeat(depth);
    let title = if markdown {
        format!("{} `{}`: {}", "#".repeat(depth + 3), d.id, d.name)
    } else {
        format!("{pad}{}: {}", d.id, d.name)
    };
    out.push_str(&title);
    if depth == 0 && d.source != "built-in" {
        out.push_str(&format!(" [{}]", d.source));
    }
    out.push('\n');
    let mut facts = Vec::new();
    if let Some(dir) = d.direction {
        facts.push(match d.target {
            Some(t) => format!("{dir} {t}"),
            None => dir.to_owned(),
        });
    }
    if let Some(unit) = d.unit {
        facts.push(unit.to_owned());
    }
    if let Some((lo, hi)) = d.scale {
        facts.push(format!("scale {lo}..{hi}"));
    }
    let line = |out: &mut String, text: &str| {
        if markdown {
            out.push_str(&format!("{text}\n\n"));
        } else {
            out.push_str(&format!("{pad}  {text}\n"));
        }
    };
    if !facts.is_empty() {
        line(out, &facts.join(", "));
    }
    if !d.description.is_empty() {
        line(out, &d.description.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if !d.levels.is_empty() {
        let levels: Vec<String> = d.levels.iter().map(|(n, v)| format!("{n} = {v}")).collect();
        line(out, &format!("levels: {}", levels.join(", ")));
    }
    if !d.rubric.is_empty() {
        line(out, "rubric:");
        for (k, t) in &d.rubric {
            if markdown {
                out.push_str(&format!("- **{k}**: {t}\n"));
            } else {
                out.push_str(&format!("{pad}    {k:>3}  {t}\n"));
            }
        }
        if markdown {
            out.push('\n');
        }
    }
    if !d.weights.is_empty() {
        let w: Vec<String> = d
            .weights
            .iter()
            .map(|(id, w)| format!("{id} {}", format::fixed(*w, 3)))
            .collect();
        line(out, &format!("default weights: {}", w.join(", ")));
    }
    for child in &d.criteria {
        if !markdown {
            out.push('\n');
        }
        write_definition(out, child, depth + 1, markdown);
    }
}

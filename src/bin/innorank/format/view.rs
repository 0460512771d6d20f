//! What each command shows, before it is written in a format: one view per
//! command (two for `criteria`, two for `check`). JSON shapes that are the
//! view itself derive `Serialize` here; the others are in `json.rs`.

use serde::Serialize;

use innorank::ahp::{PriorityMethod, Repair};
use innorank::learning_curve::Crossing;
use innorank::pipeline::CriterionCurves;
use innorank::pipeline::{HierarchyWeights, NodeWeights, WeighOptions};
use innorank::problem::{Criteria, CriterionKind, Diagnostic, LibraryEntry};
use innorank::{Problem, RankReport, Warning};

use super::number::decimals;

/// Everything `rank` shows.
pub struct RankView<'a> {
    pub report: &'a RankReport<'a>,
    /// The command-line options that changed the result, as typed, for
    /// the table's footer.
    pub changed: Vec<String>,
    /// The width a table is fitted to; `None`: printed in one piece.
    pub width: Option<usize>,
    /// Show how each derived value was computed (`--explain`).
    pub explain: bool,
}

/// What `check` reports for a valid file.
#[derive(Debug, Serialize)]
pub struct CheckSummary {
    pub file: String,
    pub valid: bool,
    pub problem: String,
    pub criteria: usize,
    pub leaves: usize,
    pub alternatives: usize,
    pub screening_rules: usize,
    pub warnings: Vec<String>,
}

impl CheckSummary {
    pub fn new(file: &str, problem: &Problem) -> Self {
        CheckSummary {
            file: file.to_owned(),
            valid: true,
            problem: problem.name().to_owned(),
            criteria: problem.criteria().nodes().len() - 1,
            leaves: problem.criteria().leaf_nodes().len(),
            alternatives: problem.alternatives().len(),
            screening_rules: problem.screening().len(),
            warnings: problem.warnings().iter().map(ToString::to_string).collect(),
        }
    }

    pub fn sentence(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}: ok: `{}`, {} ({}), {}, {}",
            self.file,
            self.problem,
            count(self.criteria, "criterion", "criteria"),
            count(self.leaves, "leaf", "leaves"),
            count(self.alternatives, "alternative", "alternatives"),
            count(self.screening_rules, "screening rule", "screening rules")
        )
    }
}

/// `check --format json` of an input that is not valid.
#[derive(Serialize)]
pub struct Invalid {
    valid: bool,
    errors: Vec<ErrorEntry>,
}

/// One error of [`Invalid`]; `line`, `column` and `path` are null where
/// the error has none.
#[derive(Serialize)]
pub struct ErrorEntry {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<String>,
    message: String,
}

impl Invalid {
    /// A verdict with these errors.
    pub fn new(errors: Vec<ErrorEntry>) -> Self {
        Invalid { valid: false, errors }
    }
}

impl ErrorEntry {
    /// An error of `file` with no line, column or field path.
    pub fn unlocated(file: &str, message: String) -> Self {
        ErrorEntry {
            file: file.to_owned(),
            line: None,
            column: None,
            path: None,
            message,
        }
    }
}

impl From<&Diagnostic> for ErrorEntry {
    fn from(d: &Diagnostic) -> Self {
        let l = &d.location;
        ErrorEntry {
            file: l.source.clone(),
            line: l.line,
            column: l.column,
            path: Some(l.path.to_string()).filter(|p| !p.is_empty()),
            message: d.kind.to_string(),
        }
    }
}

/// Everything `weights` shows.
pub struct WeightsView<'a> {
    pub problem: &'a Problem,
    pub weights: &'a HierarchyWeights,
    pub options: WeighOptions,
    /// Suggested revisions per node index (`--suggest`).
    pub suggestions: &'a [(usize, Repair)],
    pub warnings: &'a [Warning],
    /// The width a table is fitted to; `None`: printed in one piece.
    pub width: Option<usize>,
}

impl WeightsView<'_> {
    /// Where `node`'s weights came from, as reports name it.
    pub fn source(&self, node: &NodeWeights) -> &'static str {
        innorank::pipeline::node_source(self.problem, node)
    }

    /// The suggested revisions of the node with this index, if any.
    pub fn suggestion(&self, node: usize) -> Option<&Repair> {
        self.suggestions.iter().find(|(n, _)| *n == node).map(|(_, r)| r)
    }

    /// The children of `node` with their local and global weights.
    pub fn children<'b>(&'b self, node: &'b NodeWeights) -> impl Iterator<Item = (&'b str, f64, f64)> + 'b {
        innorank::pipeline::node_children(self.problem, self.weights, node)
    }
}

/// The words for a repair's outcome.
pub use innorank::pipeline::repair_outcome_text as outcome_text;

/// Everything `cost` shows.
pub struct CostView<'a> {
    pub problem: &'a str,
    pub curves: &'a [CriterionCurves],
    /// The width a table is fitted to; `None`: printed in one piece.
    pub width: Option<usize>,
}

/// `always`, `never`, `from Q` or `until Q`.
pub fn crossing_text(c: Option<Crossing>) -> String {
    match c {
        None => String::new(),
        Some(Crossing::Always) => "always".to_owned(),
        Some(Crossing::Never) => "never".to_owned(),
        Some(Crossing::From(q)) => format!("from {q}"),
        Some(Crossing::Until(q)) => format!("until {q}"),
    }
}

/// `criteria` without an id: one [`Summary`] per library family.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Library<'a> {
    pub families: Vec<Summary<'a>>,
}

impl<'a> Library<'a> {
    pub fn new(entries: &'a [LibraryEntry]) -> Self {
        Library {
            families: entries.iter().map(Summary::new).collect(),
        }
    }
}

/// One library family.
#[derive(Serialize)]
pub struct Summary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub source: &'a str,
    pub leaves: Vec<&'a str>,
    pub description: &'a str,
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

    /// The family as one line: id, name, leaves unless it is its own only
    /// leaf, and its source unless built in.
    pub fn line(&self) -> String {
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

/// `criteria ID`: one criterion of the library with everything an analyst
/// needs to score it.
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
    /// The node with this index in `entry`'s criteria.
    pub fn new(entry: &'a LibraryEntry, index: usize) -> Self {
        let weights =
            innorank::pipeline::weigh_with(&entry.criteria, &WeighOptions::with_method(PriorityMethod::Eigen))
                .expect("AIJ aggregation of the library's bounded judgments gives finite weights");
        Self::node(entry, &entry.criteria, index, &weights)
    }

    fn node(entry: &'a LibraryEntry, criteria: &'a Criteria, index: usize, w: &HierarchyWeights) -> Self {
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

    /// ` [source]` after the title of a family that is not built in.
    pub fn source_suffix(&self, depth: usize) -> String {
        if depth == 0 && self.source != "built-in" {
            format!(" [{}]", self.source)
        } else {
            String::new()
        }
    }

    /// What is shown under the title, in order, without markup.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = Vec::new();
        let mut facts = Vec::new();
        if let Some(dir) = self.direction {
            facts.push(match self.target {
                Some(t) => format!("{dir} {t}"),
                None => dir.to_owned(),
            });
        }
        if let Some(unit) = self.unit {
            facts.push(unit.to_owned());
        }
        if let Some((lo, hi)) = self.scale {
            facts.push(format!("scale {lo}..{hi}"));
        }
        if !facts.is_empty() {
            parts.push(Part::Line(facts.join(", ")));
        }
        if !self.description.is_empty() {
            parts.push(Part::Line(
                self.description.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
        if !self.levels.is_empty() {
            let levels: Vec<String> = self.levels.iter().map(|(n, v)| format!("{n} = {v}")).collect();
            parts.push(Part::Line(format!("levels: {}", levels.join(", "))));
        }
        if !self.rubric.is_empty() {
            parts.push(Part::Rubric);
        }
        if !self.weights.is_empty() {
            let w: Vec<String> = self
                .weights
                .iter()
                .map(|(id, w)| format!("{id} {}", decimals(*w, 3)))
                .collect();
            parts.push(Part::Line(format!("default weights: {}", w.join(", "))));
        }
        parts
    }
}

/// One part of a [`Definition`] under its title.
pub enum Part {
    /// A line of text.
    Line(String),
    /// The `rubric:` line and the rubric's entries.
    Rubric,
}

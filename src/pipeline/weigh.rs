//! Weights through the criteria tree: local priorities at every parent,
//! global weights of the leaves as products along their paths.

use crate::Weights;
use crate::math::ahp::MatrixError;
use crate::math::ahp::{
    Aggregation, AhpOptions, Consistency, Deviation, Disagreement, Estimate, JudgeAgreement, PriorityMethod,
};
use crate::model::{Criteria, Weighting};

/// How many deviating judgments are listed for an inconsistent node.
const WORST_JUDGMENTS: usize = 3;

/// The weighting of one parent node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeWeights {
    /// Node index in [`Criteria::nodes`]; where its weights came from is
    /// that node's [`Weighting`] ([`Criteria::weighting`]).
    pub node: usize,
    /// Node id (`(root)` for the root).
    pub id: String,
    /// Ids of its children, in order.
    pub children: Vec<String>,
    /// Local priorities of the children, summing to 1.
    pub local: Vec<f64>,
    /// Consistency of the judgments (perfect for equal or direct weights).
    pub consistency: Consistency,
    /// Whether `consistency.cr` is within the threshold.
    pub consistent: bool,
    /// Judgments that were missing and their estimates, as child indices.
    pub estimated: Vec<Estimate>,
    /// For an inconsistent node, the judgments that deviate most from the
    /// priorities, worst first.
    pub worst: Vec<Deviation>,
    /// For group judgments, each judge's weight, consistency and agreement
    /// with the group.
    pub judges: Vec<JudgeAgreement>,
    /// For group judgments, the judge-weighted geometric compatibility
    /// (0 = full consensus).
    pub consensus: Option<f64>,
    /// For group judgments, the judgment farthest from the group's.
    pub disagreement: Option<Disagreement>,
}

/// How [`weigh_with`] derives and judges the weights.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WeighOptions {
    /// Priority method, completion of missing judgments, random index.
    pub ahp: AhpOptions,
    /// How group judgments are combined.
    pub aggregation: Aggregation,
    /// CR above this makes a node inconsistent (0.10 by [`WeighOptions::new`]).
    pub cr_threshold: f64,
}

impl WeighOptions {
    /// The defaults: eigenvector, Harker completion, Saaty's random index,
    /// AIJ, CR threshold 0.10.
    pub fn new() -> Self {
        WeighOptions {
            cr_threshold: crate::math::ahp::DEFAULT_CR_THRESHOLD,
            ..WeighOptions::default()
        }
    }

    /// The defaults of [`WeighOptions::new`] with this priority method.
    pub fn with_method(method: PriorityMethod) -> Self {
        WeighOptions {
            ahp: AhpOptions {
                method,
                ..AhpOptions::default()
            },
            ..WeighOptions::new()
        }
    }
}

/// Weighting failed at a node (AIP with a judge whose judgments do not link
/// every child, or a computation that did not give finite numbers, which
/// judgments within the bound never cause).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("node `{node}`: {error}")]
pub struct WeighError {
    /// The node.
    pub node: String,
    /// What went wrong.
    pub error: MatrixError,
}

/// The weights of the whole tree.
#[derive(Debug, Clone, PartialEq)]
pub struct HierarchyWeights {
    /// Every parent node, root first, in depth-first order.
    pub nodes: Vec<NodeWeights>,
    /// Global weight of every node, by node index (1 for the root).
    pub global: Vec<f64>,
    /// Global weights of the leaves, in column order.
    pub leaves: Weights,
}

/// Derives every node's local weights and the leaves' global weights,
/// with every option: priority method, completion, random index,
/// aggregation; a node is consistent when its CR is at most
/// `options.cr_threshold`.
///
/// ```
/// use innorank::ahp::PriorityMethod;
/// use innorank::pipeline::{WeighOptions, weigh_with};
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: w
/// criteria:
///   - {id: a}
///   - id: g
///     criteria: [{id: b, weight: 3}, {id: c, weight: 1}]
/// comparisons: [[a, g, 1]]
/// alternatives: [{id: x, scores: {a: 1, b: 1, c: 1}}]
/// "#, "w.yaml").unwrap();
/// let w = weigh_with(p.criteria(), &WeighOptions::with_method(PriorityMethod::Eigen)).unwrap();
/// assert_eq!(w.leaves.as_slice(), &[0.5, 0.375, 0.125]);
/// ```
///
/// # Errors
///
/// [`WeighError`] naming the node: under AIP, a judge whose judgments do
/// not link every child; or priorities that are not finite (judgments
/// within the bounds never give them).
pub fn weigh_with(criteria: &Criteria, options: &WeighOptions) -> Result<HierarchyWeights, WeighError> {
    let cr_threshold = options.cr_threshold;
    let mut global = vec![0.0; criteria.nodes().len()];
    global[0] = 1.0;
    let mut nodes = Vec::new();
    for (index, criterion, parent) in criteria.parents() {
        let n = parent.children.len();
        let mut node = NodeWeights {
            node: index,
            id: criterion.id.clone(),
            children: parent.children.iter().map(|&c| criteria.node(c).id.clone()).collect(),
            local: Weights::equal(n).as_slice().to_vec(),
            consistency: Consistency::perfect(n),
            consistent: true,
            estimated: Vec::new(),
            worst: Vec::new(),
            judges: Vec::new(),
            consensus: None,
            disagreement: None,
        };
        match &parent.weighting {
            Weighting::Equal => {}
            Weighting::Direct(w) => {
                node.local = w.as_slice().to_vec();
            }
            Weighting::Judgments(j) => {
                // The matrix priorities come from: the judgments, or for a
                // group the aggregated judgments (AIJ); AIP replaces the
                // priorities but the aggregated matrix still measures CR.
                let fail = |error| WeighError {
                    node: criterion.id.clone(),
                    error,
                };
                let solution = j.matrix.try_solve(&options.ahp).map_err(fail)?;
                let mut weights = solution.priorities.weights;
                node.consistency = solution.priorities.consistency;
                node.estimated = solution.estimates;
                if let Some(group) = &j.group {
                    let g = group.aggregate(options.aggregation, &options.ahp).map_err(fail)?;
                    weights = g.weights;
                    node.judges = g.judges;
                    node.consensus = g.consensus;
                    node.disagreement = g.disagreement;
                }
                node.consistent = node.consistency.is_consistent(cr_threshold);
                if !node.consistent {
                    node.worst = j.matrix.deviations(&weights, WORST_JUDGMENTS);
                }
                node.local = weights;
            }
        }
        for (&child, &w) in parent.children.iter().zip(&node.local) {
            global[child] = global[index] * w;
        }
        nodes.push(node);
    }
    let leaves = Weights::from_normalized(criteria.leaf_nodes().iter().map(|&i| global[i]).collect());
    Ok(HierarchyWeights { nodes, global, leaves })
}

//! The JSON of `innorank sensitivity`: alternatives by id, an end at 0 or
//! 1 as `null`.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::{Curve, Interval, JudgmentRange, NodeSensitivity, Sensitivity, Swap};
use crate::model::Problem;
use crate::pipeline::{Method, RankOptions};

impl Serialize for Sensitivity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Sensitivity", 8)?;
        out.serialize_field("problem", self.problem.name())?;
        method_fields::<S>(&mut out, &self.options.rank)?;
        let nodes: Vec<NodeJson<'_>> = self.nodes.iter().map(|n| NodeJson(self, n)).collect();
        out.serialize_field("nodes", &nodes)?;
        out.serialize_field("critical", &self.critical.map(|i| &self.nodes[i].id))?;
        let judgments: Vec<JudgmentJson<'_>> = self.judgments.iter().map(|j| JudgmentJson(self.problem, j)).collect();
        out.serialize_field("judgments", &judgments)?;
        out.serialize_field("warnings", &strings(&self.warnings))?;
        out.end()
    }
}

/// `"method"` and `"normalization"` (TOPSIS) or `"synthesis"` (AHP), as
/// `rank` writes them.
fn method_fields<S: Serializer>(out: &mut S::SerializeStruct, o: &RankOptions) -> Result<(), S::Error> {
    out.serialize_field("method", o.method.name())?;
    match o.method {
        Method::Topsis => out.serialize_field("normalization", o.normalization.name()),
        Method::Ahp => out.serialize_field("synthesis", o.synthesis.name()),
    }
}

fn strings<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

struct NodeJson<'a>(&'a Sensitivity<'a>, &'a NodeSensitivity);

impl Serialize for NodeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (report, node) = (self.0, self.1);
        let p = report.problem;
        let id = |i: usize| p.alternatives().id(i);
        let mut out = s.serialize_struct("Node", 7)?;
        out.serialize_field("node", &node.id)?;
        out.serialize_field("weight", &node.weight)?;
        out.serialize_field("fixed", &node.stability.is_none())?;
        let st = node.stability.as_ref();
        out.serialize_field(
            "top",
            &st.map(|st| Ends(&st.top, ["lo_leader", "hi_leader"], |&a: &usize| id(a))),
        )?;
        out.serialize_field(
            "ranking",
            &st.map(|st| {
                Ends(&st.ranking, ["lo_pair", "hi_pair"], |&(a, b): &(usize, usize)| {
                    [id(a), id(b)]
                })
            }),
        )?;
        out.serialize_field(
            "shortlist",
            &st.map(|st| {
                Shortlist(
                    report.shortlist,
                    Ends(&st.shortlist, ["lo_swap", "hi_swap"], |w: &Swap| swap(p, w)),
                )
            }),
        )?;
        out.serialize_field("margin", &st.and_then(|st| st.margin))?;
        out.end()
    }
}

#[derive(Serialize)]
struct SwapJson<'a> {
    enters: &'a str,
    leaves: &'a str,
}

fn swap<'a>(p: &'a Problem, w: &Swap) -> SwapJson<'a> {
    SwapJson {
        enters: p.alternatives().id(w.enters),
        leaves: p.alternatives().id(w.leaves),
    }
}

/// An interval as `{"lo", "hi", <lo end>, <hi end>}`.
struct Ends<'a, E, F>(&'a Interval<E>, [&'static str; 2], F);

impl<E, F, T> Ends<'_, E, F>
where
    F: Fn(&E) -> T,
    T: Serialize,
{
    fn fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        let Ends(interval, [lo, hi], f) = self;
        out.serialize_field("lo", &interval.lo)?;
        out.serialize_field("hi", &interval.hi)?;
        out.serialize_field(lo, &interval.lo_end.as_ref().map(f))?;
        out.serialize_field(hi, &interval.hi_end.as_ref().map(f))
    }
}

impl<E, F, T> Serialize for Ends<'_, E, F>
where
    F: Fn(&E) -> T,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Interval", 4)?;
        self.fields(&mut out)?;
        out.end()
    }
}

/// The shortlist interval, with its `k` first.
struct Shortlist<'a, E, F>(usize, Ends<'a, E, F>);

impl<E, F, T> Serialize for Shortlist<'_, E, F>
where
    F: Fn(&E) -> T,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Shortlist", 5)?;
        out.serialize_field("k", &self.0)?;
        self.1.fields(&mut out)?;
        out.end()
    }
}

struct JudgmentJson<'a>(&'a Problem, &'a JudgmentRange);

#[derive(Serialize)]
struct FlipJson<'a> {
    value: f64,
    winner: &'a str,
}

impl Serialize for JudgmentJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (p, j) = (self.0, self.1);
        let mut out = s.serialize_struct("Judgment", 8)?;
        out.serialize_field("node", &j.node)?;
        out.serialize_field("judge", &j.judge)?;
        out.serialize_field("pair", &[&j.pair.0, &j.pair.1])?;
        out.serialize_field("value", &j.value)?;
        out.serialize_field("lo", &j.lo)?;
        out.serialize_field("hi", &j.hi)?;
        let flip = j.flip.map(|f| FlipJson {
            value: f.value,
            winner: p.alternatives().id(f.winner),
        });
        out.serialize_field("flip", &flip)?;
        out.serialize_field("compared", j.compared.name())?;
        out.end()
    }
}

impl Serialize for Curve<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Series<'a> {
            id: &'a str,
            scores: &'a [f64],
        }
        #[derive(Serialize)]
        struct Crossing<'a> {
            t: f64,
            pair: [&'a str; 2],
        }
        let id = |i: usize| self.problem.alternatives().id(i);
        let mut out = s.serialize_struct("Curve", 9)?;
        out.serialize_field("problem", self.problem.name())?;
        method_fields::<S>(&mut out, &self.options)?;
        out.serialize_field("node", &self.node)?;
        out.serialize_field("weight", &self.weight)?;
        out.serialize_field("t", &self.t)?;
        let series: Vec<Series<'_>> = self
            .series
            .iter()
            .map(|(i, scores)| Series { id: id(*i), scores })
            .collect();
        out.serialize_field("series", &series)?;
        let crossings: Vec<Crossing<'_>> = self
            .crossings
            .iter()
            .map(|c| Crossing {
                t: c.t,
                pair: [id(c.pair.0), id(c.pair.1)],
            })
            .collect();
        out.serialize_field("crossings", &crossings)?;
        out.serialize_field("warnings", &strings(&self.warnings))?;
        out.end()
    }
}

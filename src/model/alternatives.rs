//! The alternatives' ids and names, stored compactly: one text buffer per
//! field and an end offset per alternative, so a million alternatives cost
//! a few bytes each beyond their text.

/// One field of every alternative (ids, names...), back to back. A field
/// that is empty for every alternative so far stores nothing but a count.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Labels {
    text: String,
    /// End offset of each label; empty while every label is empty.
    ends: Vec<usize>,
    count: usize,
}

impl Labels {
    /// Labels written back to back in `text`, each ending at its entry of
    /// `ends`.
    pub(crate) fn from_parts(text: String, ends: Vec<usize>) -> Self {
        Labels {
            count: ends.len(),
            text,
            ends,
        }
    }

    /// `count` empty labels.
    pub(crate) fn empty(count: usize) -> Self {
        Labels {
            count,
            ..Labels::default()
        }
    }

    pub(crate) fn push(&mut self, label: &str) {
        if !label.is_empty() && self.ends.is_empty() {
            self.ends.resize(self.count, 0);
        }
        self.count += 1;
        if !label.is_empty() || !self.ends.is_empty() {
            self.text.push_str(label);
            self.ends.push(self.text.len());
        }
    }

    fn get(&self, i: usize) -> &str {
        if self.ends.is_empty() {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    pub(crate) fn append(&mut self, other: Labels) {
        if self.ends.is_empty() && other.ends.is_empty() {
            self.count += other.count;
            return;
        }
        self.ends.resize(self.count, self.text.len());
        let base = self.text.len();
        self.text.push_str(&other.text);
        if other.ends.is_empty() {
            self.ends.resize(self.count + other.count, self.text.len());
        } else {
            self.ends.extend(other.ends.iter().map(|e| e + base));
        }
        self.count += other.count;
    }
}

/// The alternatives of a problem, in input order. Read-only outside the
/// crate: a problem's alternatives and its score rows change together, so
/// only the loader and [`crate::problem::ProblemBuilder`] add them.
///
/// ```
/// use innorank::problem::{CriterionBuilder, ProblemBuilder};
///
/// let p = ProblemBuilder::new("Gearboxes")
///     .criterion(CriterionBuilder::leaf("gain"))
///     .named_alternative("p1", Some("Gearbox"), &[("gain", 3.0)])
///     .alternative("p2", &[("gain", 5.0)])
///     .build()
///     .unwrap();
/// let a = p.alternatives();
/// assert_eq!((a.len(), a.id(1), a.name(0), a.label(1)), (2, "p2", Some("Gearbox"), "p2"));
/// assert_eq!((a.description(0), a.ids().collect::<Vec<_>>()), (None, vec!["p1", "p2"]));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alternatives {
    ids: Labels,
    names: Labels,
    descriptions: Labels,
}

impl Alternatives {
    /// Alternatives from their ids, names and descriptions, one label per
    /// alternative in each.
    pub(crate) fn from_labels(ids: Labels, names: Labels, descriptions: Labels) -> Self {
        Alternatives {
            ids,
            names,
            descriptions,
        }
    }

    /// Adds an alternative; an empty name or description counts as none.
    pub(crate) fn push(&mut self, id: &str, name: Option<&str>, description: Option<&str>) {
        self.ids.push(id);
        self.names.push(name.unwrap_or(""));
        self.descriptions.push(description.unwrap_or(""));
    }

    /// Number of alternatives.
    pub fn len(&self) -> usize {
        self.ids.count
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.count == 0
    }

    /// The id of alternative `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i)
    }

    /// The display name of alternative `i`, if it has one.
    pub fn name(&self, i: usize) -> Option<&str> {
        Some(self.names.get(i)).filter(|n| !n.is_empty())
    }

    /// The description of alternative `i`, if it has one.
    pub fn description(&self, i: usize) -> Option<&str> {
        Some(self.descriptions.get(i)).filter(|d| !d.is_empty())
    }

    /// The name if there is one, else the id.
    pub fn label(&self, i: usize) -> &str {
        self.name(i).unwrap_or_else(|| self.id(i))
    }

    /// The ids in input order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.id(i))
    }
}

//! Where something sits in an input file: the file, line and column, and
//! the typed path of the field (`alternatives[3].scores.cost`).

use std::fmt;

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file name as given (`-` or `<stdin>` for standard input).
    pub source: String,
    /// 1-based line, where the YAML gives one.
    pub line: Option<usize>,
    /// 1-based column, where the YAML gives one.
    pub column: Option<usize>,
    /// Field path, 0-based (`alternatives[3].scores.cost`); the root for
    /// the document itself. A CSV file's findings name the column as a
    /// one-key path.
    pub path: FieldPath,
}

/// One step of a [`FieldPath`]: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key in a mapping (`scores`).
    Key(String),
    /// A 0-based position in a sequence (`[3]`).
    Index(usize),
}

/// Where a value sits in a document, from its root:
/// `alternatives[3].scores.cost`. Shown the way serde_yaml shows paths;
/// the root (no segment) shows as nothing.
///
/// ```
/// use innorank::problem::FieldPath;
/// let p = FieldPath::root().key("alternatives").index(3).key("scores").key("cost");
/// assert_eq!(p.to_string(), "alternatives[3].scores.cost");
/// assert_eq!(p.parent().unwrap().to_string(), "alternatives[3].scores");
/// assert_eq!(FieldPath::root().to_string(), "");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The document itself.
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// A CSV file's column, shown by its name: a one-key path, the root
    /// when the finding is about no column.
    pub fn column(name: &str) -> Self {
        if name.is_empty() {
            FieldPath::root()
        } else {
            FieldPath::root().key(name)
        }
    }

    /// This path, then the mapping key `key`.
    #[must_use]
    pub fn key(&self, key: impl Into<String>) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Key(key.into()));
        p
    }

    /// This path, then the sequence index `index`.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Index(index));
        p
    }

    /// The path of the enclosing value; `None` for the root.
    pub fn parent(&self) -> Option<Self> {
        let (_, head) = self.0.split_last()?;
        Some(FieldPath(head.to_vec()))
    }

    /// The last segment; `None` for the root.
    pub fn last(&self) -> Option<&Segment> {
        self.0.last()
    }

    /// The segments, from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this path is `ancestor` or lies inside it.
    pub fn starts_with(&self, ancestor: &FieldPath) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// This path and each of its ancestors, up to the root: `a.b[2]`, then
    /// `a.b`, `a`, and the root.
    pub fn ancestors(&self) -> impl Iterator<Item = FieldPath> + '_ {
        (0..=self.0.len()).rev().map(|n| FieldPath(self.0[..n].to_vec()))
    }

    /// Whether it shows as nothing (the root, or a column without a name).
    pub(crate) fn shows_empty(&self) -> bool {
        self.0.iter().all(|s| matches!(s, Segment::Key(k) if k.is_empty()))
    }
}

/// Compares the path as shown: `path == "criteria[1].id"`.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        /// Consumes the expected text as the path is written out.
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl From<Vec<Segment>> for FieldPath {
    fn from(segments: Vec<Segment>) -> Self {
        FieldPath(segments)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut empty = true;
        for s in &self.0 {
            match s {
                Segment::Key(k) => {
                    if !empty {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                    empty &= k.is_empty();
                }
                Segment::Index(i) => {
                    write!(f, "[{i}]")?;
                    empty = false;
                }
            }
        }
        Ok(())
    }
}

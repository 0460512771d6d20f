//! The leaf values of CSV rows as their file wrote them, so that output can
//! echo them instead of formatting each number again.

/// Each alternative's leaf values as written in its CSV row: the cells
/// from the first leaf column to the last, commas included, kept for rows
/// whose leaf cells are all plain decimals (`-?digits[.digits]`, no leading
/// zeros, no spaces). Such text reads back as exactly the value ranked, and
/// is a valid number in CSV and JSON alike.
///
/// It exists only when the file's leaf columns are side by side in leaf
/// order. It keeps the file's bytes when the values make up most of them,
/// else a copy of the values' text alone: memory about the size of that
/// text, against formatting every value again on output, the largest part
/// of writing a big ranking.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("innorank-doc-score-text-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.csv"), "id,risk,cost\np1,3,120.50\np2,high,80\n").unwrap();
/// let yaml = "name: t\ncriteria:\n  - {id: risk, direction: cost, levels: {low: 1, high: 9}}\n  \
///             - {id: cost, direction: cost}\nalternatives: {csv: a.csv}\n";
/// std::fs::write(dir.join("p.yaml"), yaml).unwrap();
/// let p = innorank::Problem::from_path(&dir.join("p.yaml"), &Default::default()).unwrap();
/// let text = p.score_text().unwrap();
/// assert_eq!(text.get(0), Some("3,120.50"));
/// assert_eq!(text.get(1), None); // a level name: the value is formatted instead
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreText {
    bytes: Vec<u8>,
    /// Byte range of each row's text; an empty range when it has none.
    spans: Vec<(u32, u32)>,
}

impl ScoreText {
    /// Text kept from `bytes` at `spans` (one per alternative, an empty
    /// range for none). Spans must lie within `bytes`, on plain ASCII.
    ///
    /// When the spans cover less than half of `bytes` (long names, extra
    /// columns, rows with level names), their text is copied out and the
    /// rest let go, so what is kept never outgrows the values' own text.
    pub(crate) fn new(bytes: Vec<u8>, spans: Vec<(u32, u32)>) -> Self {
        let used: usize = spans.iter().map(|&(start, end)| (end - start) as usize).sum();
        if used * 2 >= bytes.len() {
            return ScoreText { bytes, spans };
        }
        let mut kept = Vec::with_capacity(used);
        let spans = spans
            .into_iter()
            .map(|(start, end)| {
                if start == end {
                    return (0, 0);
                }
                let at = kept.len() as u32;
                kept.extend_from_slice(&bytes[start as usize..end as usize]);
                (at, kept.len() as u32)
            })
            .collect();
        ScoreText { bytes: kept, spans }
    }

    /// The text of alternative `row`'s leaf values, if every one was a
    /// plain decimal.
    pub fn get(&self, row: usize) -> Option<&str> {
        std::str::from_utf8(self.bytes(row)?).ok()
    }

    /// [`ScoreText::get`] as bytes (ASCII), without checking them again:
    /// what output writers copy.
    pub fn bytes(&self, row: usize) -> Option<&[u8]> {
        let &(start, end) = self.spans.get(row)?;
        (start < end).then(|| &self.bytes[start as usize..end as usize])
    }

    /// Number of alternatives covered.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when it covers no alternative.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::ScoreText;

    #[test]
    fn sparse_text_is_copied_out_dense_text_kept_in_place() {
        let line = b"p1,A long name that nobody ranks on,3,120.50\n";
        let mut bytes = Vec::new();
        let mut spans = Vec::new();
        let offset = line.len() - 9;
        for _ in 0..10 {
            let start = bytes.len() + offset;
            bytes.extend_from_slice(line);
            spans.push((start as u32, (start + 8) as u32));
        }
        spans[4] = (0, 0);
        let text = ScoreText::new(bytes.clone(), spans.clone());
        assert_eq!(text.bytes.len(), 9 * 8, "only the values are kept");
        for row in 0..10 {
            let want = (row != 4).then_some(&b"3,120.50"[..]);
            assert_eq!(text.bytes(row), want, "row {row}");
        }
        // Values that fill most of the file keep the file itself.
        let dense = ScoreText::new(b"1,2\n3,4\n".to_vec(), vec![(0, 3), (4, 7)]);
        assert_eq!((dense.bytes.len(), dense.get(1)), (8, Some("3,4")));
    }
}

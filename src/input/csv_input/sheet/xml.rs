//! The little XML the fast xlsx reader needs: tags found by name, their
//! attributes, the five entities and character references. No event
//! stream: each caller cuts the text it wants out of the document.

use std::borrow::Cow;

/// The text after the start tag `open` (`<sheetData`) up to `close`
/// (`</sheetData>`), if both are there.
pub(super) fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let find = |from: usize, needle: &str| memchr::memmem::find(&text.as_bytes()[from..], needle.as_bytes());
    let mut from = 0;
    loop {
        let start = from + find(from, open)?;
        let after = &text[start + open.len()..];
        // `<sheet` is not `<sheets`: the name must end there.
        if after.starts_with(['>', ' ', '\t', '\r', '\n']) {
            let body = start + open.len() + after.find('>')? + 1;
            let end = body + find(body, close)?;
            return Some(&text[body..end]);
        }
        from = start + open.len();
    }
}

/// The start tags `<name ...>` (or `<name .../>`) in `text`: each the text
/// between the name and the closing `>`.
pub(super) fn elements<'t>(text: &'t str, name: &str) -> impl Iterator<Item = &'t str> {
    let open = format!("<{name}");
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find(open.as_str())?;
            let after = &rest[start + open.len()..];
            let end = after.find('>')?;
            rest = &after[end..];
            if after.starts_with([' ', '\t', '\r', '\n', '/', '>']) {
                return Some(&after[..end]);
            }
        }
    })
}

/// The attributes of a start tag's text (`r="A1" t='s'`): names and raw
/// values, stopping at the first thing that is not one.
pub(super) fn attributes(tag: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = tag;
    std::iter::from_fn(move || {
        // Byte loops, not `str::find`: attributes are a few bytes long,
        // too short for a vectorised search to pay for its setup.
        let trimmed = rest.trim_start();
        let eq = trimmed.bytes().position(|b| b == b'=')?;
        let name = trimmed[..eq].trim_end();
        let value = trimmed[eq + 1..].trim_start();
        let quote = *value.as_bytes().first().filter(|q| **q == b'"' || **q == b'\'')?;
        let end = value.as_bytes()[1..].iter().position(|&b| b == quote)?;
        rest = &value[end + 2..];
        Some((name, &value[1..=end]))
    })
}

/// The raw value of attribute `name` of a start tag's text.
pub(super) fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attributes(tag).find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// `text` with entities and character references replaced; `None` if one
/// is malformed, or if `text` holds an Excel `_xHHHH_` escape (left to
/// calamine, which undoes them).
pub(super) fn decode(text: &str) -> Option<Cow<'_, str>> {
    if has_escape(text) {
        return None;
    }
    if !text.contains('&') {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let end = rest[amp..].find(';')? + amp;
        out.push(match &rest[amp + 1..end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            code => {
                let number = match code.strip_prefix("#x").or_else(|| code.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => code.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(number)?
            }
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// Whether `text` holds an Excel escape `_xHHHH_` (four hex digits).
fn has_escape(text: &str) -> bool {
    // `memchr` on `_`, not `str::match_indices`: most texts are short and
    // have none, and a substring searcher's setup would cost more.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'_', bytes).any(|at| {
        let code = bytes.get(at + 1..at + 7);
        code.is_some_and(|c| c[0] == b'x' && c[1..5].iter().all(u8::is_ascii_hexdigit) && c[5] == b'_')
    })
}

/// The text of the `<t>` elements in `inner` (a shared string's or an
/// inline string's body, plain or in rich-text runs), joined and decoded.
pub(super) fn strings_of(inner: &str) -> Option<Cow<'_, str>> {
    let mut runs = Vec::new();
    let mut rest = inner;
    while let Some(start) = rest.find("<t") {
        let after = &rest[start + 2..];
        let close = after.find('>')?;
        let tag = &after[..close];
        if !(tag.is_empty() || tag.starts_with([' ', '\t', '\r', '\n', '/'])) {
            // `<tag...>` of another name.
            rest = &after[close..];
            continue;
        }
        if tag.ends_with('/') {
            rest = &after[close..];
            continue;
        }
        let body = &after[close + 1..];
        let end = body.find("</t>")?;
        runs.push(&body[..end]);
        rest = &body[end..];
    }
    match runs[..] {
        [] => Some(Cow::Borrowed("")),
        [one] => decode(one),
        _ => runs
            .iter()
            .map(|run| decode(run))
            .collect::<Option<Vec<_>>>()
            .map(|parts| Cow::Owned(parts.concat())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text() {
        let text = r#"<sheets><sheet name="A &amp; B" sheetId='1' r:id="rId1"/><sheet name="C" r:id="rId2"/></sheets>"#;
        let tags: Vec<&str> = elements(between(text, "<sheets", "</sheets>").unwrap(), "sheet").collect();
        assert_eq!(tags.len(), 2);
        assert_eq!(decode(attribute(tags[0], "name").unwrap()).unwrap(), "A & B");
        assert_eq!(attribute(tags[0], "sheetId"), Some("1"));
        assert_eq!(attribute(tags[1], "r:id"), Some("rId2"));
        assert_eq!(decode("&#65;&#x42;&lt;").unwrap(), "AB<");
        assert!(decode("a &bogus; b").is_none() && decode("x_x000D_").is_none());
        assert_eq!(decode("max_x").unwrap(), "max_x");
        let rich = r#"<r><rPr><b/></rPr><t>Hi</t></r><r><t xml:space="preserve"> there</t></r><t/>"#;
        assert_eq!(strings_of(rich).unwrap(), "Hi there");
    }
}

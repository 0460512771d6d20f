//! JSON output (serde_json).

use serde::Serialize;

/// Pretty-printed JSON with a final newline. Numbers keep full precision.
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

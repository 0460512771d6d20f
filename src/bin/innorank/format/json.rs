//! JSON output (serde_json).

use serde::Serialize;

/// Pretty-printed JSON with a final newline. Numbers keep full precision.
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Streams pretty-printed JSON with a final newline.
pub fn write<T: Serialize>(out: &mut dyn std::io::Write, value: &T) -> Result<(), crate::Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(anyhow::Error::new)?;
    out.write_all(b"\n")?;
    Ok(())
}

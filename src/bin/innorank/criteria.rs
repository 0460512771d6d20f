//! `innorank criteria [ID]`: the criteria library.

use crate::cli::CriteriaArgs;
use crate::failure::Failure;
use crate::format::view::{Definition, Library};
use crate::{format, library};

pub fn run(args: &CriteriaArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let library = library(args.criteria_dir.as_deref())?;
    let Some(id) = &args.id else {
        return format::emit(out, &Library::new(library.entries()), args.format).map_err(Failure::from);
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
    format::emit(out, &Definition::new(entry, index), args.format).map_err(Failure::from)
}

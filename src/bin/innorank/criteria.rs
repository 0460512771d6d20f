//! `innorank criteria [ID]`: the criteria library.

use crate::cli::CriteriaArgs;
use crate::failure::Failure;
use crate::format::Wrapped;
use crate::format::view::{Definition, Library};
use crate::format::width::known_width;
use crate::{format, library};

pub fn run(args: &CriteriaArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let library = library(args.criteria_dir.as_deref())?;
    let Some(id) = &args.id else {
        let view = Wrapped {
            view: Library::new(library.entries()),
            width: known_width(),
        };
        return format::emit(out, &view, args.format).map_err(Failure::from);
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
    let view = Wrapped {
        view: Definition::new(entry, index),
        width: known_width(),
    };
    format::emit(out, &view, args.format).map_err(Failure::from)
}

//! DOCX export (issue 3). Not built yet.

use crate::error::{Error, ErrorKind, Result};
use crate::model::Report;
use crate::spec::Spec;
use std::path::Path;

/// Writes `report` as a DOCX in the official layout to `out` (atomically).
pub fn export_docx(_report: &Report, _spec: &Spec, _out: &Path) -> Result<()> {
    Err(Error::new(
        ErrorKind::Unavailable,
        "导出 Word（DOCX）的功能尚未完成。",
        "docx export not implemented",
    ))
}

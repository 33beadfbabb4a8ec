//! PDF export (issue 4). Not built yet.

use crate::error::{Error, ErrorKind, Result};
use crate::model::Report;
use crate::spec::Spec;
use std::path::Path;

/// Writes `report` as a PDF in the official layout to `out` (atomically).
pub fn export_pdf(_report: &Report, _spec: &Spec, _out: &Path) -> Result<()> {
    Err(Error::new(
        ErrorKind::Unavailable,
        "导出 PDF 的功能尚未完成。",
        "pdf export not implemented",
    ))
}

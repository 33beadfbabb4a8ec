//! The live preview pane's operation: the report as the clerk has it on screen (not yet
//! saved), typeset with the PDF exporter's fonts and layout, as [`PaneView`].

use super::Fonts;
use crate::error::Result;
use crate::model::Report;
use crate::pane::{self, PaneRequest, PaneView};

/// The pane's view of `report`: page hashes, the images of the pages asked for that changed,
/// where each field starts, layout warnings ([`pane::view`]).
///
/// Errors: those of [`Fonts::exporter`] (no font could be loaded).
pub fn pane_view(report: &Report, fonts: &Fonts, request: &PaneRequest) -> Result<PaneView> {
    let exporter = fonts.exporter()?;
    let faces = exporter.fonts().faces(exporter.spec());
    Ok(pane::view(report, exporter.spec(), &faces, request))
}

//! DOCX export: the file the clerk submits upward, opened in WPS or Word by the
//! county office, in the official layout and easy to edit.
//!
//! docx-rs builds the body and the footers; we write the parts it gets wrong ourselves
//! (styles, font table, settings, content types, relationships, document properties),
//! put the elements it writes out of order back into schema order, and deflate the package.

mod body;
mod footer;
mod formal;
mod keep;
mod package;
mod parts;
mod schema_order;
mod styles;
mod table;
mod text;
mod theme;

pub use body::signature_indents;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Report;
use crate::spec::Spec;
use docx_rs::{DocGrid, DocGridType, Docx, PageMargin};
use std::path::Path;

/// Writes `report` as a DOCX in the official layout to `out` (atomically: a temporary file
/// in the target folder, then renamed).
pub fn export_docx(report: &Report, spec: &Spec, out: &Path) -> Result<()> {
    let bytes = docx_bytes(report, spec)?;
    super::write_atomic(out, &bytes)
}

fn internal(cause: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Storage,
        "生成 Word（DOCX）文件时出错，文件未保存。",
        format!("docx generation: {cause}"),
    )
}

/// The DOCX file's bytes.
pub fn docx_bytes(report: &Report, spec: &Spec) -> Result<Vec<u8>> {
    let d = spec.docx();
    let doc = Docx::new()
        .page_size(d.page_width as u32, d.page_height as u32)
        .page_margin(PageMargin {
            top: d.margin_top,
            left: d.margin_left,
            bottom: d.margin_bottom,
            right: d.margin_right,
            header: d.header_distance,
            footer: d.footer_distance,
            gutter: 0,
        });
    let mut doc = footer::add_footers(doc, spec, &report.page_numbers);
    // A line grid of the body pitch: Word and WPS show "22 lines" in page setup, and every
    // line snaps to it as in the PDF.
    doc.document = doc.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(d.line_pitch as usize)
            .char_space(0),
    );
    let mut tables = Vec::new();
    let mut paragraphs = body::paragraphs(report, spec, &mut tables);
    // A 版记 after a blank page: those two pages form a section without page numbers
    // (GB/T 9704-2012 §7.5).
    let (record, number_free) = formal::record(report, spec);
    if number_free {
        if let Some(last) = paragraphs.pop() {
            paragraphs.push(formal::number_free_section(
                last,
                &doc.document.section_property,
            ));
        }
    }
    paragraphs.extend(record);
    for p in paragraphs {
        doc = doc.add_paragraph(p);
    }
    let mut xml = doc.build();
    if !tables.is_empty() {
        xml.document = table::splice(&xml.document, &tables);
    }
    if number_free {
        xml.document =
            formal::blank_footers_in_last_section(&xml.document, package::BLANK_FOOTER_ID);
    }
    let fix = |part: &[u8]| schema_order::fix_part(part).map_err(internal);
    let parts = package::Parts {
        document: fix(&xml.document)?,
        footers: xml
            .footers
            .iter()
            .map(|f| fix(f))
            .collect::<Result<Vec<_>>>()?,
        styles: styles::styles_xml(spec),
        settings: styles::settings_xml(&d, footer::odd_and_even(&report.page_numbers)),
        font_table: styles::font_table_xml(spec),
        theme: theme::theme_xml(spec),
        blank_footer: number_free.then(footer::blank_footer_xml),
        title: text::sanitize(report.title.trim()),
        creator: text::sanitize(report.unit.trim()),
    };
    package::pack(&parts).map_err(internal)
}

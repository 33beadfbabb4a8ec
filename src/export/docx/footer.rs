//! Page-number footers in the report's style ([`PageNumbers`]): `— N —` in 4号 宋体 where
//! [`Spec::page_number_side`] puts it. National style: a right-aligned footer for odd pages and
//! a left-aligned one for even pages (`w:evenAndOddHeaders` in settings); centred: one footer.
//! No number on the first page: an empty first-page footer (`w:titlePg`). The number is a PAGE
//! field built from field characters (docx-rs's `PageNum` cannot be formatted), so it stays
//! right whatever the recipient adds or deletes.

use super::styles;
use crate::model::{PageNumberPosition, PageNumbers};
use crate::spec::closing::Side;
use crate::spec::{twips, Spec};
use docx_rs::{AlignmentType, Docx, FieldCharType, Footer, InstrText, Paragraph, Run};

/// The footer of odd (`odd`) or even pages.
fn footer(spec: &Spec, style: &PageNumbers, odd: bool) -> Footer {
    let d = spec.docx();
    let (before, after) = spec.page_number_around(style.dash);
    let place = spec.page_number_side(style.position, odd);
    let inset = twips(place.inset);
    let p = Paragraph::new().style(styles::FOOTER);
    // Right and centred numbers are measured from the standard's right edge, which lies
    // `right_excess` left of the DOCX block's.
    let p = match place.side {
        Side::Right => {
            p.align(AlignmentType::Right)
                .indent(Some(0), None, Some(inset + d.right_excess), None)
        }
        Side::Left => p
            .align(AlignmentType::Left)
            .indent(Some(inset), None, Some(0), None),
        Side::Center => {
            p.align(AlignmentType::Center)
                .indent(Some(0), None, Some(d.right_excess), None)
        }
    };
    let p = p
        .add_run(Run::new().add_text(before))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported("PAGE".to_string())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text(if odd { "1" } else { "2" }))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(after));
    Footer::new().add_paragraph(p)
}

/// An empty footer part (the pages GB/T 9704-2012 §7.5 leaves unnumbered).
pub fn blank_footer_xml() -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr></w:p></w:ftr>"#,
        styles::FOOTER
    )
    .into_bytes()
}

/// Whether the style needs separate footers for odd and even pages (`w:evenAndOddHeaders`).
pub fn odd_and_even(style: &PageNumbers) -> bool {
    style.position == PageNumberPosition::National
}

/// Adds the footers of `style` to `doc`, in the order of `package::FOOTER_IDS`.
pub fn add_footers(doc: Docx, spec: &Spec, style: &PageNumbers) -> Docx {
    let mut doc = doc.footer(footer(spec, style, true));
    if odd_and_even(style) {
        doc = doc.even_footer(footer(spec, style, false));
    }
    if !style.first_page {
        // docx-rs sets `w:titlePg` with a first-page footer.
        doc = doc.first_footer(Footer::new().add_paragraph(Paragraph::new().style(styles::FOOTER)));
    }
    doc
}

//! Page-number footers: `— N —` in 4号 宋体, odd pages right with one character of space,
//! even pages left with one (`w:evenAndOddHeaders` in settings). The number is a PAGE field
//! built from field characters (docx-rs's `PageNum` cannot be formatted), so it stays right
//! whatever the recipient adds or deletes.

use super::styles;
use crate::spec::Spec;
use docx_rs::{AlignmentType, FieldCharType, Footer, InstrText, Paragraph, Run};

/// Text before and after the number, taken from the spec's page-number text.
fn around_number(spec: &Spec) -> (String, String) {
    let sample = spec.page_number_text(1);
    match sample.split_once('1') {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (String::new(), String::new()),
    }
}

pub fn footer(spec: &Spec, odd: bool) -> Footer {
    let d = spec.docx();
    let (before, after) = around_number(spec);
    let side = spec.page_number_side_chars as i32 * d.page_number_char;
    let p = Paragraph::new().style(styles::FOOTER);
    let p = if odd {
        p.align(AlignmentType::Right)
            .indent(Some(0), None, Some(side), None)
    } else {
        p.align(AlignmentType::Left)
            .indent(Some(side), None, Some(0), None)
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

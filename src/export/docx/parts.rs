//! The optional parts in the DOCX: the subtitle (副标题) in the title block, the addressee
//! (主送机关) after it, a joint signature (one paragraph per organ) and the note (附注) below
//! the date, with their paragraph styles. Text and indents come from
//! [`crate::spec::parts`], as in the typesetter, so the PDF and the DOCX place them alike.

use super::body::{blank, with_text};
use super::styles::{exact_line, role_rpr, NORMAL};
use crate::model::Report;
use crate::spec::docx::DocxLayout;
use crate::spec::parts::Indents;
use crate::spec::{twips, Role, Spec};
use docx_rs::Paragraph;

/// Paragraph style ids of the parts.
pub const SUBTITLE: &str = "Subtitle";
/// 主送机关.
pub const ADDRESSEE: &str = "Addressee";
/// 附注.
pub const NOTE: &str = "Note";

/// `w:ind` for `indents` (pt from the block's left edge): the wrapped lines' start as the left
/// indent, the first line's offset from it as a first-line or hanging indent, in twips.
fn ind(indents: Indents) -> String {
    let left = twips(indents.rest);
    let first = twips(indents.first) - left;
    let special = if first >= 0 {
        format!(r#"w:firstLine="{first}""#)
    } else {
        format!(r#"w:hanging="{}""#, -first)
    };
    format!(r#"<w:ind w:left="{left}" w:right="0" {special}/>"#)
}

/// The styles of the parts, for `styles.xml`: the subtitle centred in its role's font (3号楷体)
/// and kept with the title above (whose style keeps with the next paragraph) and with what
/// follows; the addressee flush left (its wrapped lines too) and kept with the text; the note
/// two characters in, its lines kept together.
pub fn styles(spec: &Spec, d: &DocxLayout) -> String {
    format!(
        concat!(
            r#"<w:style w:type="paragraph" w:styleId="{sub}"><w:name w:val="Subtitle"/><w:basedOn w:val="{normal}"/><w:next w:val="{normal}"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{line}<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>{sub_rpr}</w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{addr}"><w:name w:val="主送机关"/><w:basedOn w:val="{normal}"/><w:next w:val="{normal}"/><w:qFormat/><w:pPr><w:keepNext/>{addr_ind}</w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{note}"><w:name w:val="附注"/><w:basedOn w:val="{normal}"/><w:qFormat/><w:pPr><w:keepLines/>{note_ind}</w:pPr></w:style>"#,
        ),
        sub = SUBTITLE,
        addr = ADDRESSEE,
        note = NOTE,
        normal = NORMAL,
        line = exact_line(d.line_pitch),
        sub_rpr = role_rpr(spec, Role::Subtitle, d),
        addr_ind = ind(spec.addressee_indents()),
        note_ind = ind(spec.note_indents()),
    )
}

/// The subtitle paragraph, if the report has one; returns whether it had.
pub fn subtitle(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) -> bool {
    let Some(text) = report
        .subtitle
        .as_deref()
        .and_then(|s| spec.subtitle_text(s))
    else {
        return false;
    };
    for _ in 0..spec.parts.blank_lines_before_subtitle {
        out.push(blank());
    }
    out.push(super::body::title_paragraph(
        Paragraph::new().style(SUBTITLE),
        &text,
        Role::Subtitle,
        spec,
    ));
    true
}

/// The addressee paragraph with its colon (GB/T 9704-2012 §7.3.2), if the report has one.
pub fn addressee(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) {
    let Some(text) = report
        .addressee
        .as_deref()
        .and_then(|a| spec.addressee_text(a))
    else {
        return;
    };
    out.push(with_text(
        Paragraph::new().style(ADDRESSEE),
        &text,
        None,
        spec.font(Role::Body).east_asian,
    ));
    for _ in 0..spec.parts.blank_lines_after_addressee {
        out.push(blank());
    }
}

/// The note paragraph in parentheses (GB/T 9704-2012 §7.3.6) after its blank lines, if the
/// report has one; returns whether it had.
pub fn note(report: &Report, spec: &Spec, out: &mut Vec<Paragraph>) -> bool {
    let Some(text) = report.note.as_deref().and_then(|n| spec.note_text(n)) else {
        return false;
    };
    for _ in 0..spec.parts.blank_lines_before_note {
        // Kept with the note, as the typesetter keeps the note with the date.
        out.push(blank().keep_next(true));
    }
    out.push(with_text(
        Paragraph::new().style(NOTE),
        &text,
        None,
        spec.font(Role::Body).east_asian,
    ));
    true
}

/// Right indents in twips (from the DOCX text block's right edge) of each organ of a signature
/// and of the date, where [`Spec::joint_signature_place`] puts them.
pub fn signature_indents(
    spec: &Spec,
    organs: &[&str],
    date: &str,
    sealed: bool,
) -> (Vec<i32>, i32) {
    let d = spec.docx();
    let widths: Vec<f32> = organs.iter().map(|o| spec.body_text_width(o)).collect();
    let place = spec.joint_signature_place(&widths, spec.body_text_width(date), sealed);
    (
        place
            .organ_right
            .iter()
            .map(|r| twips(*r) + d.right_excess)
            .collect(),
        twips(place.date_right) + d.right_excess,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_in_twips() {
        let s = Spec::official();
        let d = s.docx();
        assert_eq!(
            ind(s.addressee_indents()),
            r#"<w:ind w:left="0" w:right="0" w:firstLine="0"/>"#
        );
        assert_eq!(
            ind(s.note_indents()),
            format!(
                r#"<w:ind w:left="0" w:right="0" w:firstLine="{}"/>"#,
                2 * d.body_char
            )
        );
        assert_eq!(
            ind(Indents {
                first: 0.0,
                rest: 10.0
            }),
            r#"<w:ind w:left="200" w:right="0" w:hanging="200"/>"#
        );
    }

    #[test]
    fn joint_organs_share_the_right_indent_unsealed() {
        let s = Spec::official();
        let d = s.docx();
        let (organs, date) = signature_indents(
            &s,
            &["中共青山镇委员会宣传统战办公室", "青山镇人民政府"],
            "2024年12月27日",
            false,
        );
        assert_eq!(organs[0], organs[1]);
        assert!(
            (organs[0] - d.right_excess - 2 * d.body_char).abs() <= 1,
            "{organs:?}"
        );
        assert!(date > organs[0]);
    }
}

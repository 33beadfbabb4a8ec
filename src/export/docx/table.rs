//! Tables as real `w:tbl` elements (ISO/IEC 29500-1 §17.4), with the typesetter's geometry
//! ([`table_geometry`]): `w:tblGrid` column widths in twips (WPS hides a table without them),
//! a fixed layout of the text block's width, single 0.5 pt borders, the cell margins of
//! [`crate::spec::table::TableLayout`], `w:tblHeader` on header rows (repeated on every page),
//! `w:cantSplit` on every row, `w:gridSpan` and `w:vMerge` for merged cells, rows a whole
//! number of body grid lines high, cell paragraphs in the body's 仿宋 at the table's size with
//! the PDF's exact line pitch, numbers flush right.
//!
//! docx-rs 0.4.22 writes no `w:tblHeader`, so the table is written as XML here and put in the
//! place of a marker paragraph ([`marker`], [`splice`]).

use super::body::title_paragraph;
use super::styles;
use super::text::{east_asian_runs, escape, sanitize};
use crate::model::Table;
use crate::spec::{twips, Role, Spec};
use crate::typeset::{cell_align, cell_from_top, table_geometry, CellAlign, FixedMetrics};
use docx_rs::{AlignmentType, BuildXML, Paragraph, Run, SpecialIndentType};

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// The placeholder paragraph for table `n` of the body (replaced by [`splice`]).
pub fn marker(n: usize) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(format!("{MARK_OPEN}GWTBL{n}{MARK_CLOSE}")))
}

/// `document` (document.xml) with every marker paragraph replaced by its table's XML.
pub fn splice(document: &[u8], tables: &[String]) -> Vec<u8> {
    let mut doc = String::from_utf8_lossy(document).into_owned();
    for (n, xml) in tables.iter().enumerate() {
        let mark = format!("{MARK_OPEN}GWTBL{n}{MARK_CLOSE}");
        let Some(at) = doc.find(&mark) else { continue };
        let start = doc[..at]
            .rfind("<w:p ")
            .into_iter()
            .chain(doc[..at].rfind("<w:p>"))
            .max();
        let end = doc[at..].find("</w:p>").map(|e| at + e + "</w:p>".len());
        if let (Some(s), Some(e)) = (start, end) {
            // A section break the marker paragraph carried (the last paragraph before a
            // number-free 版记, `super::formal::number_free_section`) stays, in an empty
            // paragraph after the table.
            let sect = doc[s..e].find("<w:sectPr").and_then(|a| {
                let b = doc[s + a..e].find("</w:sectPr>")? + "</w:sectPr>".len();
                Some(doc[s + a..s + a + b].to_string())
            });
            let with = match sect {
                Some(sect) => format!("{xml}<w:p><w:pPr>{sect}</w:pPr></w:p>"),
                None => xml.clone(),
            };
            doc.replace_range(s..e, &with);
        }
    }
    doc.into_bytes()
}

fn run_xml(spec: &Spec, text: &str, half_points: i32) -> String {
    let face = escape(spec.font(Role::Body).east_asian);
    let latin = escape(spec.fonts.latin);
    east_asian_runs(&sanitize(text))
        .into_iter()
        .map(|(t, hinted)| {
            let fonts = if hinted {
                format!(
                    r#"<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{latin}" w:hint="eastAsia"/>"#
                )
            } else {
                format!(
                    r#"<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{face}" w:cs="{latin}"/>"#
                )
            };
            format!(
                r#"<w:r><w:rPr>{fonts}<w:spacing w:val="0"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(&t)
            )
        })
        .collect()
}

/// A cell paragraph: exact line pitch, off the document grid, no indent.
fn cell_paragraph(spec: &Spec, text: &str, align: CellAlign, size: f32) -> String {
    let t = spec.table();
    let hp = (size * 2.0).round() as i32;
    let jc = match align {
        CellAlign::Left => "left",
        CellAlign::Centre => "center",
        CellAlign::Right => "right",
    };
    format!(
        r#"<w:p><w:pPr><w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/><w:rPr><w:spacing w:val="0"/><w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/></w:rPr></w:pPr>{}</w:p>"#,
        t.line_twips(size),
        run_xml(spec, text.trim(), hp)
    )
}

/// The table's title (centred body text, kept with the table) and its `w:tbl`, as XML.
pub fn table_xml(table: &Table, spec: &Spec) -> String {
    let mut out = String::new();
    let title = table.title.as_deref().map(str::trim).unwrap_or("");
    if !title.is_empty() {
        let p = Paragraph::new()
            .style(styles::NORMAL)
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
            .align(AlignmentType::Center)
            .keep_next(true);
        let p = title_paragraph(p, title, Role::Body, spec);
        out.push_str(&String::from_utf8_lossy(&p.build()));
    }
    let geo = match table_geometry(table, spec, &FixedMetrics) {
        Ok(g) => g,
        Err(e) => {
            let p = super::body::with_text(
                Paragraph::new().style(styles::NORMAL),
                &format!("（表格无法排版：{e}）"),
                None,
                spec.font(Role::Body).east_asian,
            );
            out.push_str(&String::from_utf8_lossy(&p.build()));
            return out;
        }
    };
    let t = spec.table();
    let d = spec.docx();
    let grid = &geo.grid;
    let mut edges = vec![0.0f32];
    for w in &geo.widths {
        edges.push(edges.last().copied().unwrap_or(0.0) + w);
    }
    let tw: Vec<i32> = edges.iter().map(|e| twips(*e)).collect();
    let span_w = |c0: usize, c1: usize| tw[c1.min(tw.len() - 1)] - tw[c0.min(tw.len() - 1)];
    let border = t.border_eighths();
    let b = |name: &str| {
        format!(r#"<w:{name} w:val="single" w:sz="{border}" w:space="0" w:color="000000"/>"#)
    };
    let pad = twips(t.pad_x);
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
        span_w(0, grid.columns),
        b("top"),
        b("left"),
        b("bottom"),
        b("right"),
        b("insideH"),
        b("insideV"),
    ));
    for c in 0..grid.columns {
        out.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, span_w(c, c + 1)));
    }
    out.push_str("</w:tblGrid>");
    for r in 0..grid.rows {
        // LibreOffice adds a row's border to its height: the row is written that much lower
        // so that it stands exactly its grid lines high there, as in the PDF.
        let height = geo.row_lines[r] as i32 * d.line_pitch - twips(t.border);
        let header = if (r as u32) < table.header_rows {
            "<w:tblHeader/>"
        } else {
            ""
        };
        out.push_str(&format!(
            r#"<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>{header}</w:trPr>"#
        ));
        let mut c = 0;
        while c < grid.columns {
            let Some(p) = grid.at(r, c) else {
                out.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
                    span_w(c, c + 1),
                    cell_paragraph(spec, "", CellAlign::Left, geo.size)
                ));
                c += 1;
                continue;
            };
            let span = p.colspan.max(1);
            let w = span_w(p.col, p.col + span);
            let grid_span = if span > 1 {
                format!(r#"<w:gridSpan w:val="{span}"/>"#)
            } else {
                String::new()
            };
            let starts = p.row == r;
            let vmerge = match (p.rowspan > 1, starts) {
                (false, _) => "",
                (true, true) => r#"<w:vMerge w:val="restart"/>"#,
                (true, false) => "<w:vMerge/>",
            };
            let text = if starts { p.text.as_str() } else { "" };
            let valign = if cell_from_top(table.header_rows, p) {
                "top"
            } else {
                "center"
            };
            out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{grid_span}{vmerge}<w:vAlign w:val="{valign}"/></w:tcPr>{}</w:tc>"#,
                cell_paragraph(spec, text, cell_align(table.header_rows, p), geo.size)
            ));
            c = p.col + span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_paragraph_becomes_the_table() {
        let doc = format!(
            "<w:body><w:p w14:paraId=\"1\"><w:r><w:t>{MARK_OPEN}GWTBL0{MARK_CLOSE}</w:t></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>"
        );
        let out = splice(doc.as_bytes(), &["<w:tbl/>".to_string()]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<w:body><w:tbl/><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>"
        );
    }

    #[test]
    fn a_section_break_on_the_marker_is_kept() {
        let doc = format!(
            "<w:p><w:pPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr><w:r><w:t>{MARK_OPEN}GWTBL0{MARK_CLOSE}</w:t></w:r></w:p>"
        );
        let out = String::from_utf8(splice(doc.as_bytes(), &["<w:tbl/>".to_string()])).unwrap();
        assert_eq!(
            out,
            "<w:tbl/><w:p><w:pPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr></w:p>"
        );
    }

    #[test]
    fn spans_and_headers_are_written() {
        let s = Spec::official();
        let mut t = Table::from_rows(1, &[&["项目", "数量"], &["甲", "12"], &["乙", "3"]]);
        t.rows[0][0] = crate::model::Cell::span("项目", 1, 1);
        t.rows[1][0] = crate::model::Cell::span("甲乙", 1, 2);
        t.rows[2].remove(0);
        let x = table_xml(&t, &s);
        assert!(x.contains("<w:tblGrid><w:gridCol"), "{x}");
        assert_eq!(x.matches("<w:tblHeader/>").count(), 1);
        assert!(x.contains(r#"<w:vMerge w:val="restart"/>"#));
        assert!(x.contains("<w:vMerge/>"));
        assert!(x.contains(r#"<w:jc w:val="right"/>"#));
    }
}

//! The report as readable plain text (CLI `show`, the app's version viewer): the parts in the
//! order and form they are printed, with the official layout's text rules (the addressee's
//! colon, the note's parentheses, one organ of a joint signature per line; `spec::parts`).

use crate::model::{body_blocks, Block, Report};
use crate::spec::Spec;

/// `r` as lines of text: title, subtitle, a line of unit · year · period · status, addressee,
/// body (paragraphs indented two full-width spaces, headings with their numbers), the
/// attachments note, each signing organ, the date (`2024年12月20日`) and the note.
pub fn plain_text(r: &Report) -> String {
    let spec = Spec::official();
    let mut out = String::new();
    out.push_str(&format!("{}\n", r.title));
    if let Some(s) = r.subtitle.as_deref().and_then(|s| spec.subtitle_text(s)) {
        out.push_str(&format!("{s}\n"));
    }
    out.push_str(&format!(
        "（{} · {}年 · {} · {}）\n\n",
        r.unit,
        r.year,
        r.period,
        r.status.label()
    ));
    if let Some(a) = r.addressee.as_deref().and_then(|a| spec.addressee_text(a)) {
        out.push_str(&format!("{a}\n"));
    }
    for b in body_blocks(r) {
        match b {
            Block::Paragraph(t) => out.push_str(&format!("　　{t}\n")),
            Block::Heading { number, text, .. } => out.push_str(&format!("　　{number}{text}\n")),
            Block::RunIn {
                number,
                heading,
                body,
                ..
            } => out.push_str(&format!("　　{number}{heading}{body}\n")),
            Block::Table(t) => {
                out.push_str(&t.plain());
                out.push('\n');
            }
        }
    }
    if !r.attachments.is_empty() {
        out.push('\n');
        for (i, a) in r.attachments.iter().enumerate() {
            let label = if i == 0 { "附件：" } else { "　　　" };
            if r.attachments.len() == 1 {
                out.push_str(&format!("　　附件：{}\n", a.name));
            } else {
                out.push_str(&format!("　　{label}{}.{}\n", i + 1, a.name));
            }
        }
    }
    out.push('\n');
    for organ in spec.signature_organs(&r.signature) {
        out.push_str(&format!("{organ}\n"));
    }
    if let Some(d) = r.date {
        out.push_str(&format!("{}\n", d.to_chinese()));
    }
    if let Some(n) = r.note.as_deref().and_then(|n| spec.note_text(n)) {
        out.push_str(&format!("　　{n}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_in_printed_order_and_form() {
        let mut r = Report::new("某镇2024年工作总结", "某镇", 2024, "年度");
        r.subtitle = Some("——以公开促落实".into());
        r.addressee = Some("县政务公开办".into());
        r.opening = vec!["导语。".into()];
        r.signature = "甲镇人民政府\u{3000}乙镇人民政府".into();
        r.note = Some("联系人：张三".into());
        let t = plain_text(&r);
        let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} missing in {t}"));
        assert!(pos("——以公开促落实") < pos("县政务公开办："));
        assert!(pos("县政务公开办：") < pos("　　导语。"));
        assert!(t.contains("甲镇人民政府\n乙镇人民政府\n"));
        assert!(t.contains("　　（联系人：张三）"));
    }
}

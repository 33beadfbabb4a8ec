//! Plain-text renderings for the terminal.

use gongwen::model::{body_blocks, Block, Report};
use gongwen::store::ReportSummary;

pub fn print_list(list: &[ReportSummary]) {
    if list.is_empty() {
        println!("（没有报告）");
        return;
    }
    for s in list {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            s.id,
            s.unit,
            s.year,
            s.title,
            s.status.label(),
            s.updated
        );
    }
}

/// The report as readable text, numbers derived as in the exported documents.
pub fn render_text(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n", r.title));
    out.push_str(&format!(
        "（{} · {}年 · {} · {}）\n\n",
        r.unit,
        r.year,
        r.period,
        r.status.label()
    ));
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
    if !r.signature.is_empty() {
        out.push_str(&format!("{}\n", r.signature));
    }
    if let Some(d) = r.date {
        out.push_str(&format!("{}\n", d.to_chinese()));
    }
    out
}

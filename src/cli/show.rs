//! Plain-text renderings for the terminal.

use gongwen::model::Report;
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
            s.name,
            s.status.label(),
            s.updated
        );
    }
}

/// The report as readable text (`ops::plain_text`).
pub fn render_text(r: &Report) -> String {
    gongwen::ops::plain_text(r)
}

//! Tables in both exporters (issue 16): a report with a long table (two header rows, merged
//! cells, a title) and a dense 10-column table shaped like the disclosure report's table 三,
//! rendered by us (PDF) and by LibreOffice (our DOCX). Both must show every cell's text, repeat
//! the header rows at the top of the long table's second page, keep their borders inside the
//! 156 mm text block and have the same number of pages; the DOCX must be valid and carry
//! `w:tblGrid` and `w:tblHeader`.

use crate::render_support::*;
use gongwen::export::pdf::PdfExporter;
use gongwen::fonts::FontSet;
use gongwen::model::{Attachment, Cell, Date, Item, Report, Section, Table};
use gongwen::spec::{pt_to_mm, Spec};
use std::path::Path;

fn c(text: &str) -> Cell {
    Cell::new(text)
}

/// 45 villages with counts: two header rows (a merged 村 cell over both, a group over three
/// columns), a remark merged over two rows every ten rows, a subtotal row spanning columns.
fn long_table() -> Table {
    let mut rows = vec![
        vec![
            Cell::span("村（社区）", 1, 2),
            Cell::span("公开栏更新次数", 3, 1),
            Cell::span("备注", 1, 2),
        ],
        vec![c("上半年"), c("下半年"), c("合计")],
    ];
    for i in 1..=45 {
        let (a, b) = (i % 7 + 3, i % 5 + 4);
        let mut row = vec![
            c(&format!("第{i}村民委员会")),
            c(&a.to_string()),
            c(&b.to_string()),
            c(&(a + b).to_string()),
        ];
        if i % 10 == 1 {
            row.push(Cell::span(
                &format!("第{i}至{}村汛期暂停更新一个月", i + 1),
                1,
                2,
            ));
        } else if i % 10 != 2 {
            row.push(c(""));
        }
        rows.push(row);
        if i == 20 {
            rows.push(vec![
                c("小计（第一片区）"),
                Cell::span("各村均按季度更新，详见台账", 3, 1),
                c(""),
            ]);
        }
    }
    Table {
        title: Some("双河镇2024年各村（社区）政务公开栏更新情况统计表".into()),
        header_rows: 2,
        rows,
        widths: None,
    }
}

/// The statutory table 三 as the template builds it (`templates::disclosure::table_three`: 10
/// grid columns, three header rows, a label merged over 22 rows), with numbers in its seven
/// numeric columns.
fn dense_table() -> Table {
    let mut t = gongwen::templates::disclosure::table_three();
    for (k, row) in t.rows.iter_mut().enumerate().skip(3) {
        let first = row.len() - 7;
        for (j, cell) in row[first..].iter_mut().enumerate() {
            cell.set_text(&((k * 3 + j) % 9).to_string());
        }
    }
    t
}

fn attachment_table() -> Table {
    let mut rows = vec![vec![
        c("站所"),
        c("报送条数"),
        c("采用条数"),
        c("采用率（%）"),
    ]];
    for (i, name) in ["党政办", "经发办", "社会事务办", "综治中心", "财政所"]
        .iter()
        .enumerate()
    {
        rows.push(vec![
            c(name),
            c(&(20 + i).to_string()),
            c(&(10 + i).to_string()),
            c(&format!("{}.5", 40 + i)),
        ]);
    }
    Table {
        title: None,
        header_rows: 1,
        rows,
        widths: Some(vec![50.0, 35.0, 35.0, 36.0]),
    }
}

fn report() -> Report {
    let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
    r.title = "双河镇人民政府2024年政务公开工作总结".into();
    let mut s = Section::new("公开栏更新情况");
    s.paragraphs = vec![
        Item::Text("全镇各村（社区）公开栏更新情况见下表。".into()),
        Item::Table {
            table: long_table(),
        },
        Item::Text("各村均按要求完成了更新。".into()),
    ];
    let mut s2 = Section::new("收到和处理政府信息公开申请情况");
    s2.paragraphs = vec![
        Item::Table {
            table: dense_table(),
        },
        Item::Text("以上数据已核对。".into()),
    ];
    r.sections = vec![s, s2];
    // A 统计表 sent as an attachment, on pages of its own.
    r.attachments = vec![Attachment {
        name: "各站所政务公开信息报送统计表".into(),
        paragraphs: vec![Item::Table {
            table: attachment_table(),
        }],
    }];
    r.signature = "双河镇人民政府".into();
    r.date = Date::new(2024, 12, 20);
    r
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn all_text(pdf: &Path) -> String {
    (1..=page_count(pdf))
        .map(|p| squeeze(&page_text(pdf, p)))
        .collect()
}

/// Is `cell` in `text`, whole or in pieces of at least two characters (a wrapped cell's lines
/// come out between the other cells' lines)?
fn covered(text: &str, cell: &str) -> bool {
    let chars: Vec<char> = cell.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let longest = (at + 1..=chars.len())
            .rev()
            .find(|&end| text.contains(&chars[at..end].iter().collect::<String>()));
        match longest {
            Some(end) if end - at >= 2 || end == chars.len() => at = end,
            _ => return false,
        }
    }
    true
}

/// Pixel columns (mm from the left edge) holding a vertical ink run of at least `min` mm
/// between `top` and `bottom` (mm).
fn vertical_lines(g: &Gray, top: f32, bottom: f32, min: f32) -> Vec<f32> {
    let (t, b) = (g.px(top), g.px(bottom));
    let need = g.px(min);
    (0..g.width)
        .filter(|&x| {
            let mut run = 0;
            let mut best = 0;
            for y in t..b {
                if g.ink(x, y) {
                    run += 1;
                    best = best.max(run);
                } else {
                    run = 0;
                }
            }
            best >= need
        })
        .map(|x| g.mm(x))
        .collect()
}

#[test]
fn tables_agree_in_pdf_and_docx() {
    let spec = Spec::official();
    let report = report();
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.pdf");
    PdfExporter::new(FontSet::bundled_only().unwrap())
        .export(&report, &ours)
        .unwrap();
    let docx = export(&report, dir.path(), "tables.docx");
    audit(&docx);
    let xml = zip_part(&docx, "word/document.xml");
    assert!(xml.contains("<w:tblGrid>"), "no w:tblGrid");
    assert!(xml.contains("<w:tblHeader/>"), "no w:tblHeader");
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
    let lo = to_pdf(&docx);
    if let Ok(keep) = std::env::var("GONGWEN_KEEP_TABLE_PDFS") {
        std::fs::copy(&ours, Path::new(&keep).join("tables-ours.pdf")).unwrap();
        std::fs::copy(&lo, Path::new(&keep).join("tables-lo.pdf")).unwrap();
    }

    // Equal page counts.
    let pages = page_count(&ours);
    assert_eq!(
        pages,
        page_count(&lo),
        "our PDF and LibreOffice's rendering of the DOCX differ in page count"
    );

    // Every cell's text, in both.
    for (name, pdf) in [("PDF", &ours), ("DOCX", &lo)] {
        let text = all_text(pdf);
        for t in [long_table(), dense_table(), attachment_table()] {
            for row in &t.rows {
                for cell in row {
                    let want = squeeze(cell.text());
                    assert!(covered(&text, &want), "{name}: cell text “{want}” missing");
                }
            }
        }
    }

    // The long table's second page starts with its two header rows.
    for (name, pdf) in [("PDF", &ours), ("DOCX", &lo)] {
        let first = (1..=pages)
            .find(|p| page_text(pdf, *p).contains("上半年"))
            .expect("the long table's header");
        let next = squeeze(&page_text(pdf, first + 1));
        let village = next.find("村民委员会").unwrap_or_else(|| {
            panic!(
                "{name}: the long table does not go on on page {}",
                first + 1
            )
        });
        for head in ["村（社区）", "公开栏更新次数", "上半年", "下半年", "合计"]
        {
            let at = next.find(head).unwrap_or_else(|| {
                panic!("{name}: header “{head}” not repeated on page {}", first + 1)
            });
            assert!(at < village, "{name}: header “{head}” below the first row");
        }
    }

    // Borders inside the text block: on every page with a table, the ink of the text block's
    // height lies between its left and right edges, and the table's outer borders stand on
    // them.
    let left = pt_to_mm(spec.page.margin_left);
    let right = left + pt_to_mm(spec.page.text_width());
    let top = pt_to_mm(spec.page.margin_top);
    let bottom = top + pt_to_mm(spec.page.text_height());
    for (name, pdf) in [("PDF", &ours), ("DOCX", &lo)] {
        let mut table_pages = 0;
        for p in 1..=pages {
            let g = render(pdf, p, 100);
            let lines = vertical_lines(&g, top, bottom, 30.0);
            if lines.is_empty() {
                continue;
            }
            table_pages += 1;
            let (x0, x1) = g.cols(top, bottom).expect("ink in the text block");
            assert!(
                x0 > left - 0.6 && x1 < right + 0.6,
                "{name} page {p}: ink from {x0:.2} to {x1:.2} mm, block {left:.2}–{right:.2}"
            );
            let (l0, l1) = (lines[0], lines[lines.len() - 1]);
            assert!(
                (l0 - left).abs() < 1.0 && (l1 - right).abs() < 1.0,
                "{name} page {p}: outer borders at {l0:.2} and {l1:.2} mm, block {left:.2}–{right:.2}"
            );
        }
        assert!(table_pages >= 3, "{name}: tables on {table_pages} pages");
    }
}

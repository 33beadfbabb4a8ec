//! The typesetter's output checked against the official layout (docs/format.md), with the bundled
//! fonts' real metrics.

use gongwen::fixtures::sample_report;
use gongwen::fonts::FontSet;
use gongwen::model::{Date, PageNumberDash, Report, Section};
use gongwen::spec::{Role, Spec};
use gongwen::text;
use gongwen::typeset::{typeset, Layout, LineKind};

fn layout(r: &Report) -> Layout {
    let fonts = FontSet::bundled_only().unwrap();
    let faces = fonts.faces(&Spec::official());
    typeset(r, &Spec::official(), &faces)
}

const EPS: f32 = 0.05;

#[test]
fn no_line_is_longer_than_28_cells_or_leaves_the_block() {
    let spec = Spec::official();
    let (left, right) = (
        spec.page.margin_left,
        spec.page.margin_left + spec.page.text_width(),
    );
    for n in [5, 10] {
        let l = layout(&sample_report(n));
        for page in &l.pages {
            for line in &page.lines {
                assert!(
                    line.cells(&spec) <= 28.0 + EPS,
                    "{} cells: {}",
                    line.cells(&spec),
                    line.text()
                );
                assert!(line.left >= left - EPS && line.right <= right + EPS);
                for run in &line.runs {
                    for x in &run.xs {
                        assert!(*x >= left - 1.0 && *x < right, "{x} in {}", line.text());
                    }
                }
            }
        }
    }
}

#[test]
fn justified_lines_fill_the_measure_exactly() {
    let spec = Spec::official();
    let l = layout(&sample_report(10));
    let full_right = spec.page.margin_left + spec.page.text_width();
    let mut full = 0;
    for page in &l.pages {
        for (i, line) in page.lines.iter().enumerate() {
            let next_continues = page
                .lines
                .get(i + 1)
                .is_some_and(|n| n.kind == line.kind && n.left == spec.page.margin_left);
            if line.kind == LineKind::Paragraph && next_continues {
                assert!((line.right - full_right).abs() < EPS, "{}", line.text());
                full += 1;
            }
        }
    }
    assert!(full > 50, "only {full} full lines");
}

#[test]
fn no_line_starts_or_ends_with_forbidden_punctuation() {
    let mut report = sample_report(10);
    // Punctuation-heavy text, so that many lines end near a mark.
    report.opening.push(
        "“一二三四五六七八九十一二三四五六七八九十一二三四五”，（甲）《乙》……“丙”——丁。".repeat(6),
    );
    let l = layout(&report);
    let mut lines = 0;
    for page in &l.pages {
        for line in &page.lines {
            let t = line.text();
            if let (Some(first), Some(last)) = (t.chars().next(), t.chars().last()) {
                assert!(!text::no_line_start(first), "starts with {first}: {t}");
                assert!(!text::no_line_end(last), "ends with {last}: {t}");
                lines += 1;
            }
        }
    }
    assert!(lines > 150, "{lines}");
}

#[test]
fn digit_runs_stay_on_one_line() {
    let l = layout(&sample_report(10));
    let text = l.text();
    assert!(text.contains("482条"));
    for page in &l.pages {
        for w in page.lines.windows(2) {
            let (a, b) = (w[0].text(), w[1].text());
            let ends_digit = a.chars().last().is_some_and(|c| c.is_ascii_digit());
            let starts_digit = b.chars().next().is_some_and(|c| c.is_ascii_digit());
            assert!(!(ends_digit && starts_digit), "split number: {a} / {b}");
        }
    }
}

#[test]
fn headings_never_end_a_page_and_full_pages_have_22_lines() {
    let spec = Spec::official();
    for n in [5, 10, 30] {
        let l = layout(&sample_report(n));
        assert!(l.pages.len() >= n, "{} pages for {n}", l.pages.len());
        let mut full_pages = 0;
        for (i, page) in l.pages.iter().enumerate() {
            let last = page.lines.last().unwrap();
            if i + 1 < l.pages.len() {
                assert!(
                    !matches!(last.kind, LineKind::Heading(_) | LineKind::Title),
                    "page {} ends with heading {}",
                    page.number,
                    last.text()
                );
            }
            // Grid lines are consecutive from the top, at the official pitch.
            for (k, line) in page.lines.iter().enumerate() {
                assert_eq!(line.slot as usize, k);
                let expect = gongwen::typeset::baseline(&spec, k as u32, 16.0);
                assert!((line.y - expect).abs() < 0.01);
            }
            assert!(page.lines.len() <= 22);
            if page.lines.len() == 22 {
                full_pages += 1;
            } else if i + 1 < l.pages.len() {
                // Keeps and widow control cost at most a few lines.
                assert!(
                    page.lines.len() >= 18,
                    "page {} has {}",
                    page.number,
                    page.lines.len()
                );
            }
        }
        // Widow control and keeps leave many pages a line or two short, as in Word.
        assert!(full_pages >= 1, "no full page of {}", l.pages.len());
        let pitch = l.pages[0].lines[1].y - l.pages[0].lines[0].y;
        assert!((pitch - spec.grid.line_pitch).abs() < 0.01);
    }
}

#[test]
fn paragraphs_are_not_split_into_a_single_line() {
    let l = layout(&sample_report(30));
    for w in l.pages.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let last = a.lines.last().unwrap();
        let first = b.lines.first().unwrap();
        // A paragraph running over the page break leaves at least two lines on each side.
        let continues = first.kind == LineKind::Paragraph
            && first.left == Spec::official().page.margin_left
            && last.kind == LineKind::Paragraph;
        if continues {
            let n = a.lines.len();
            assert!(a.lines[n - 2].kind == LineKind::Paragraph);
            assert!(b.lines.get(1).is_some_and(|l| l.kind == first.kind));
        }
    }
}

fn closing(l: &Layout) -> (f32, f32, f32, f32) {
    let page = l.pages.last().unwrap();
    let unit = page
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Signature)
        .unwrap();
    let date = page
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Date)
        .unwrap();
    assert_eq!(date.slot, unit.slot + 1);
    (unit.left, unit.right, date.left, date.right)
}

#[test]
fn signature_and_date_follow_the_two_character_rules() {
    let spec = Spec::official();
    let c = spec.grid.char_pitch;
    let right = spec.page.margin_left + spec.page.text_width();

    // Unit longer than the date: unit 2 cells from the right, date 2 cells in from the unit.
    let mut r = sample_report(1);
    r.signature = "某某县某某乡人民政府办公室".into();
    r.date = Date::new(2024, 1, 5);
    let (ul, ur, dl, _) = closing(&layout(&r));
    assert!((ur - (right - 2.0 * c)).abs() < EPS, "{ur}");
    assert!((dl - (ul + 2.0 * c)).abs() < EPS);

    // Date longer than unit (the sample): date 2 cells from the right, unit 2 cells left of it.
    let r = sample_report(1);
    let (ul, _, dl, dr) = closing(&layout(&r));
    assert!((dr - (right - 2.0 * c)).abs() < EPS, "{dr}");
    assert!((dl - (ul + 2.0 * c)).abs() < EPS);

    // Sealed: date 4 cells from the right.
    let mut r = sample_report(1);
    r.seal = true;
    let (ul, ur, dl, dr) = closing(&layout(&r));
    assert!((dr - (right - 4.0 * c)).abs() < EPS, "{dr}");
    assert!(((ul + ur) / 2.0 - (dl + dr) / 2.0).abs() < EPS);

    // One blank line between the attachments note and the signature.
    let l = layout(&sample_report(1));
    let lines = &l.pages.last().unwrap().lines;
    let k = lines
        .iter()
        .position(|l| l.kind == LineKind::Signature)
        .unwrap();
    assert_eq!(lines[k - 1].kind, LineKind::Blank);
    assert_eq!(lines[k - 2].kind, LineKind::Attachment);
}

#[test]
fn attachment_names_are_aligned() {
    let l = layout(&sample_report(1));
    let att: Vec<_> = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.kind == LineKind::Attachment)
        .collect();
    assert_eq!(att.len(), 2);
    assert!(att[0].text().starts_with("附件：1.双河镇"));
    assert!(att[1].text().starts_with("2.双河镇"));
    // The names (after "1." / "2.") start at the same x.
    let name_x = |l: &gongwen::typeset::Line| {
        let run = l.runs.iter().find(|r| r.text.contains('双')).unwrap();
        let k = run.text.chars().position(|c| c == '双').unwrap();
        run.xs[k]
    };
    assert!((name_x(att[0]) - name_x(att[1])).abs() < EPS);
}

#[test]
fn page_numbers_sit_right_on_odd_pages_and_left_on_even() {
    let spec = Spec::official();
    let l = layout(&sample_report(5));
    let left = spec.page.margin_left;
    let right = left + spec.page.text_width();
    let bottom = spec.page.margin_top + spec.page.text_height();
    for page in &l.pages {
        let text: String = page.page_number.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, spec.page_number_text(page.number, PageNumberDash::Em));
        let first = &page.page_number[0];
        let last = page.page_number.last().unwrap();
        let start = first.xs[0];
        let end = *last.xs.last().unwrap() + 14.0;
        if page.number % 2 == 1 {
            assert!((end - (right - 14.0)).abs() < 1.0, "odd page end {end}");
        } else {
            assert!(
                (start - (left + 14.0)).abs() < 1.0,
                "even page start {start}"
            );
        }
        // Below the text block, about 7 mm down.
        assert!(first.y > bottom + 7.0 * 2.83 && first.y < bottom + 12.0 * 2.83);
        assert_eq!(first.role, Role::PageNumber);
    }
}

#[test]
fn long_title_breaks_into_a_centred_trapezoid() {
    let spec = Spec::official();
    let mut r = sample_report(1);
    r.title = "某某县某某乡人民政府关于2024年度政务公开和政务服务工作情况的总结".into();
    let l = layout(&r);
    let titles: Vec<_> = l.pages[0]
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Title)
        .collect();
    assert!(titles.len() >= 2, "{}", titles.len());
    let centre = spec.page.margin_left + spec.page.text_width() / 2.0;
    for t in &titles {
        assert!(((t.left + t.right) / 2.0 - centre).abs() < 0.5);
        assert!(t.right - t.left <= spec.page.text_width() + EPS);
        assert_eq!(t.runs[0].size, 22.0);
    }
    // Upper lines at least as long as lower ones; the year stays whole.
    for w in titles.windows(2) {
        assert!(
            w[0].right - w[0].left >= w[1].right - w[1].left - 0.5,
            "{} / {}",
            w[0].text(),
            w[1].text()
        );
    }
    let joined: Vec<String> = titles.iter().map(|t| t.text()).collect();
    assert_eq!(
        joined,
        [
            "某某县某某乡人民政府关于2024年度",
            "政务公开和政务服务工作情况的总结"
        ]
    );
    assert_eq!(joined.concat(), r.title);
    // One blank line after the title.
    let k = titles.len();
    assert_eq!(l.pages[0].lines[k].kind, LineKind::Blank);
}

#[test]
fn odd_input_never_panics() {
    let mut r = Report::new("x", "", 2024, "年度");
    r.title = String::new();
    r.signature = String::new();
    let mut s = Section::new("\u{0}\t控制字符\n与😀表情和𠀀扩展字");
    s.paragraphs = vec![
        "x".repeat(500),
        "https://example.org/".repeat(20),
        "。。。。，，，，".repeat(30),
        "（（（（“““".repeat(30),
        " ".into(),
    ]
    .into_iter()
    .map(Into::into)
    .collect();
    r.sections.push(s);
    r.attachments = vec!["  ".into(), "附件".repeat(40).into()];
    let l = layout(&r);
    assert!(!l.pages.is_empty());
    // A signing unit wider than the block wraps inside it; a sealed date without a unit.
    r.signature = "很长的单位名称".repeat(10);
    let l = layout(&r);
    let spec = Spec::official();
    let right = spec.page.margin_left + spec.page.text_width();
    for line in &l.pages.last().unwrap().lines {
        assert!(line.right <= right + EPS && line.left >= spec.page.margin_left - EPS);
    }
    r.signature.clear();
    r.seal = true;
    r.date = Date::new(2024, 2, 29);
    let l = layout(&r);
    // Sealed: the date, then the line the seal's lower edge needs, on the same page.
    let lines = &l.pages.last().unwrap().lines;
    let n = lines.len();
    assert_eq!(lines[n - 1].kind, LineKind::Blank);
    assert_eq!(lines[n - 2].kind, LineKind::Date);
    let empty = layout(&Report::new("x", "", 2024, "年度"));
    assert_eq!(empty.pages.len(), 1);
}

/// The optional parts with the bundled fonts' real metrics (docs/format.md §15): the subtitle
/// on the grid line below the title in the 楷体 role, the addressee flush left on the line
/// after the blank line, organs one per line, the note two cells in on the line below the date,
/// the note's parentheses and the addressee's colon added; every line inside the block.
#[test]
fn subtitle_addressee_joint_signature_and_note_on_the_grid() {
    let spec = Spec::official();
    let c = spec.grid.char_pitch;
    let left = spec.page.margin_left;
    let mut r = sample_report(1);
    r.subtitle = Some("——以公开促规范".into());
    r.addressee = Some("县政务公开办".into());
    r.signature = "中共双河镇委员会\u{3000}双河镇人民政府".into();
    r.note = Some("(此件公开发布)".into());
    let l = layout(&r);
    let first = &l.pages[0].lines;
    let kinds: Vec<(u32, LineKind)> = first[..4].iter().map(|l| (l.slot, l.kind)).collect();
    assert_eq!(
        kinds,
        [
            (0, LineKind::Title),
            (1, LineKind::Subtitle),
            (2, LineKind::Blank),
            (3, LineKind::Addressee)
        ]
    );
    assert!(first[1].runs.iter().all(|r| r.role == Role::Subtitle));
    assert_eq!(spec.font(Role::Subtitle).east_asian, "楷体_GB2312");
    assert_eq!(first[3].text(), "县政务公开办：");
    assert!((first[3].left - left).abs() < EPS);
    let last = &l.pages.last().unwrap().lines;
    let k = last
        .iter()
        .position(|l| l.kind == LineKind::Signature)
        .unwrap();
    let tail: Vec<(u32, LineKind, String)> = last[k..]
        .iter()
        .map(|l| (l.slot, l.kind, l.text()))
        .collect();
    let s = last[k].slot;
    assert_eq!(
        tail,
        [
            (s, LineKind::Signature, "中共双河镇委员会".to_string()),
            (s + 1, LineKind::Signature, "双河镇人民政府".to_string()),
            (s + 2, LineKind::Date, "2024年12月20日".to_string()),
            (s + 3, LineKind::Note, "（此件公开发布）".to_string()),
        ]
    );
    // Organs right-aligned together; the note two cells in.
    assert!((last[k].right - last[k + 1].right).abs() < EPS);
    assert!((last[k + 3].left - (left + 2.0 * c)).abs() < EPS);
    for line in l.pages.iter().flat_map(|p| &p.lines) {
        assert!(line.cells(&spec) <= 28.0 + EPS, "{}", line.text());
    }
}

/// Where the 版记 goes (GB/T 9704-2012 §7.4.1, §7.5): on the last page when it is even and has
/// room; on a new even page after an odd one (numbered); after a blank page when an even page
/// is too full (both unnumbered). The 版头 puts the title on grid line 10 of page 1.
#[test]
fn the_record_lands_on_an_even_last_page() {
    use gongwen::fixtures::formal_report;
    let placed = |r: &Report| {
        let l = layout(r);
        let n = l.pages.len();
        let last = &l.pages[n - 1];
        assert_eq!(n % 2, 0, "{n} pages");
        let record: Vec<_> = last
            .lines
            .iter()
            .filter(|x| x.kind == LineKind::Record)
            .collect();
        assert_eq!(record.last().map(|x| x.slot), Some(21));
        let blank_before = l.pages[n - 2].lines.is_empty();
        (
            n,
            blank_before,
            last.page_number.is_empty(),
            last.lines.iter().any(|x| x.kind != LineKind::Record),
        )
    };
    let mut r = formal_report(1);
    let l = layout(&r);
    assert_eq!(
        l.pages[0]
            .lines
            .iter()
            .find(|x| x.kind == LineKind::Title)
            .map(|x| x.slot),
        Some(10)
    );
    r.attachments.iter_mut().for_each(|a| a.paragraphs.clear());
    // Grow the body a line at a time: every case must keep the rules above.
    let mut seen = std::collections::BTreeSet::new();
    for k in 0..44 {
        let (_, blank, unnumbered, shared) = placed(&r);
        assert_eq!(
            blank, unnumbered,
            "§7.5: numbers only off after a blank page"
        );
        seen.insert((blank, shared));
        r.opening.push(format!("补充第{k}项。"));
    }
    // Seen: on a page of its own, after a blank page, and sharing the last page.
    assert!(
        seen.contains(&(false, false)) && seen.contains(&(true, false)),
        "{seen:?}"
    );
    assert!(seen.contains(&(false, true)), "{seen:?}");
}

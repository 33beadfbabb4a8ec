//! The optional parts around the title and after the date: the subtitle in the title block,
//! the addressee (主送机关) on the line after the title block, and the note (附注) below the
//! date, placed where [`crate::spec::parts`] says.

use super::breaking::Measure;
use super::{centred_chunk, Chunk, Ctx, Line, LineKind};
use crate::model::Report;
use crate::spec::parts::Indents;
use crate::spec::Role;

/// The subtitle below the title, centred in 3号楷体, kept with the title and with what follows
/// (the title block). Returns whether there was one.
pub fn subtitle(cx: &Ctx, report: &Report, chunks: &mut Vec<Chunk>) -> bool {
    let Some(text) = report
        .subtitle
        .as_deref()
        .and_then(|s| cx.spec.subtitle_text(s))
    else {
        return false;
    };
    for _ in 0..cx.spec.parts.blank_lines_before_subtitle {
        chunks.push(Chunk {
            keep_with_next: true,
            ..cx.blank()
        });
    }
    chunks.push(centred_chunk(cx, &text, Role::Subtitle, LineKind::Subtitle));
    true
}

/// Body-font lines of `text` starting at `indents` (pt from the block's left edge).
fn body_lines(cx: &Ctx, kind: LineKind, text: &str, indents: Indents) -> Vec<Line> {
    let (left, width) = (cx.left(), cx.width());
    cx.paragraph(kind, &[(text, cx.style(Role::Body))], &move |k| {
        let indent = if k == 0 { indents.first } else { indents.rest };
        Measure {
            x: left + indent,
            width: width - indent,
        }
    })
}

/// The addressee flush left with its full-width colon (GB/T 9704-2012 §7.3.2), kept with the
/// first lines of the text below it.
pub fn addressee(cx: &Ctx, report: &Report, chunks: &mut Vec<Chunk>) {
    let Some(text) = report
        .addressee
        .as_deref()
        .and_then(|a| cx.spec.addressee_text(a))
    else {
        return;
    };
    let lines = body_lines(cx, LineKind::Addressee, &text, cx.spec.addressee_indents());
    chunks.push(Chunk {
        keep_with_next: true,
        ..Chunk::para(lines)
    });
    for _ in 0..cx.spec.parts.blank_lines_after_addressee {
        chunks.push(cx.blank());
    }
}

/// The note's lines, in parentheses, two characters in (GB/T 9704-2012 §7.3.6), preceded by
/// its blank lines; empty when the report has no note.
pub fn note_lines(cx: &Ctx, report: &Report) -> Vec<Line> {
    let Some(text) = report.note.as_deref().and_then(|n| cx.spec.note_text(n)) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for _ in 0..cx.spec.parts.blank_lines_before_note {
        lines.append(&mut cx.blank().lines);
    }
    lines.extend(body_lines(
        cx,
        LineKind::Note,
        &text,
        cx.spec.note_indents(),
    ));
    lines
}

#[cfg(test)]
mod tests {
    use crate::model::{Date, Report};
    use crate::spec::{Role, Spec};
    use crate::typeset::{typeset, FixedMetrics, Layout, Line, LineKind};

    fn report() -> Report {
        let mut r = Report::new("x", "青山镇", 2024, "年度");
        r.subtitle = Some("——以公开促落实".into());
        r.addressee = Some("县政务公开办".into());
        r.opening = vec!["2024年，我镇认真落实上级部署，现将有关情况报告如下。".into()];
        r.signature = "中共青山镇委员会\u{3000}青山镇人民政府".into();
        r.date = Date::new(2024, 12, 27);
        r.note = Some("此件公开发布".into());
        r
    }

    fn lines(l: &Layout) -> Vec<&Line> {
        l.pages.iter().flat_map(|p| p.lines.iter()).collect()
    }

    fn kinds(l: &Layout) -> Vec<LineKind> {
        lines(l).iter().map(|l| l.kind).collect()
    }

    #[test]
    fn title_block_then_blank_then_addressee_then_text() {
        let s = Spec::official();
        let l = typeset(&report(), &s, &FixedMetrics);
        let k = kinds(&l);
        assert_eq!(
            &k[..5],
            [
                LineKind::Title,
                LineKind::Subtitle,
                LineKind::Blank,
                LineKind::Addressee,
                LineKind::Paragraph
            ]
        );
        let page = &l.pages[0];
        let slots: Vec<u32> = page.lines[..5].iter().map(|l| l.slot).collect();
        assert_eq!(slots, [0, 1, 2, 3, 4]);
        // Subtitle: centred, in the subtitle role (3号楷体).
        let sub = &page.lines[1];
        assert_eq!(sub.text(), "——以公开促落实");
        assert!(sub
            .runs
            .iter()
            .all(|r| r.role == Role::Subtitle && r.size == 16.0));
        let centre = (sub.left + sub.right) / 2.0;
        let block_centre = s.page.margin_left + s.page.text_width() / 2.0;
        assert!(
            (centre - block_centre).abs() < 0.5,
            "{centre} {block_centre}"
        );
        // Addressee: flush left, with its colon, in the body font.
        let a = &page.lines[3];
        assert_eq!(a.text(), "县政务公开办：");
        assert!((a.left - s.page.margin_left).abs() < 0.01);
        assert!(a.runs.iter().all(|r| r.role == Role::Body));
    }

    #[test]
    fn a_long_addressee_wraps_flush_left() {
        let s = Spec::official();
        let mut r = report();
        r.addressee =
            Some("县委办公室、县政府办公室、县政务服务和数据管理局、县司法局、县财政局".into());
        let l = typeset(&r, &s, &FixedMetrics);
        let a: Vec<&Line> = lines(&l)
            .into_iter()
            .filter(|l| l.kind == LineKind::Addressee)
            .collect();
        assert_eq!(a.len(), 2);
        assert!(a.iter().all(|l| (l.left - s.page.margin_left).abs() < 0.01));
        assert!(a[1].text().ends_with('：'));
    }

    #[test]
    fn joint_organs_each_on_a_line_then_date_then_note() {
        let s = Spec::official();
        let mut r = report();
        // The first organ longer than the date by more than two characters: the block keeps
        // two characters on its right.
        r.signature = "中共青山镇委员会宣传统战办公室\u{3000}青山镇人民政府".into();
        let l = typeset(&r, &s, &FixedMetrics);
        let all = lines(&l);
        let k = all
            .iter()
            .position(|l| l.kind == LineKind::Signature)
            .unwrap();
        let tail: Vec<(LineKind, String)> = all[k..].iter().map(|l| (l.kind, l.text())).collect();
        assert_eq!(
            tail,
            [
                (
                    LineKind::Signature,
                    "中共青山镇委员会宣传统战办公室".to_string()
                ),
                (LineKind::Signature, "青山镇人民政府".to_string()),
                (LineKind::Date, "2024年12月27日".to_string()),
                (LineKind::Note, "（此件公开发布）".to_string()),
            ]
        );
        // Consecutive grid lines on one page.
        let slots: Vec<u32> = all[k..].iter().map(|l| l.slot).collect();
        assert_eq!(slots, (slots[0]..slots[0] + 4).collect::<Vec<_>>());
        // Organs right-aligned two characters from the right edge (the longer organ is the
        // block); the note two characters in.
        let c = s.grid.char_pitch;
        let right = s.page.margin_left + s.page.text_width();
        for o in &all[k..k + 2] {
            assert!((right - o.right - 2.0 * c).abs() < 0.2, "{o:?}");
        }
        let note = all[k + 3];
        assert!((note.left - (s.page.margin_left + 2.0 * c)).abs() < 0.01);
        // The date's first character two characters right of the widest organ's.
        let date = all[k + 2];
        assert!((date.left - all[k].left - 2.0 * c).abs() < 0.2);
    }

    #[test]
    fn a_note_takes_the_seal_line() {
        let s = Spec::official();
        let mut r = report();
        r.seal = true;
        let l = typeset(&r, &s, &FixedMetrics);
        let k = kinds(&l);
        assert_eq!(k.last(), Some(&LineKind::Note));
        r.note = None;
        let k = kinds(&typeset(&r, &s, &FixedMetrics));
        assert_eq!(&k[k.len() - 2..], [LineKind::Date, LineKind::Blank]);
    }

    #[test]
    fn without_the_parts_nothing_changes() {
        let s = Spec::official();
        let mut r = report();
        r.subtitle = Some("  ".into());
        r.addressee = None;
        r.note = None;
        r.signature = "青山镇人民政府".into();
        let k = kinds(&typeset(&r, &s, &FixedMetrics));
        assert_eq!(
            &k[..3],
            [LineKind::Title, LineKind::Blank, LineKind::Paragraph]
        );
        assert_eq!(&k[k.len() - 2..], [LineKind::Signature, LineKind::Date]);
    }
}

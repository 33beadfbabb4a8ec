//! A formal 报告's parts around the body: the 版头 on page 1 (GB/T 9704-2012 §7.2), the 附件
//! pages after the body (§7.3.7) and the 版记 at the foot of the last, even page (§7.4), with
//! the page numbers §7.5 leaves off. Where each part stands comes from
//! [`crate::spec::formal`]; this module sets the text there.

use super::breaking::{self, Measure, Style};
use super::{paginate, Chunk, Ctx, Line, LineKind, Page, Rule, Run};
use crate::model::{Attachment, Header, Record, Report};
use crate::spec::Role;

/// A page as pagination hands it over: (grid line, line) pairs.
/// A page before placing: (grid line, top of its em box in pt below the text block's top,
/// line), as [`paginate::paginate_report`] gives them.
pub(super) type RawPage = Vec<paginate::Placed>;

/// The 版头 as typeset: the mark's runs and the red line for page 1, and the chunk of grid
/// lines that comes before the title.
pub(super) struct HeaderParts {
    mark: Vec<Run>,
    red_line: Rule,
    /// Grid lines 0 … title slot − 1 of page 1 (blank, or 签发人 and 发文字号).
    pub lines: Vec<Line>,
}

fn width(cx: &Ctx, text: &str, st: Style) -> f32 {
    breaking::items(&[(text, st)], cx.metrics)
        .iter()
        .map(|i| i.width)
        .sum()
}

/// `text` set in one line starting at `x`, unjustified (baseline set by placement).
fn set_at(cx: &Ctx, kind: LineKind, text: &str, st: Style, x: f32) -> Vec<Run> {
    let w = width(cx, text, st);
    cx.paragraph(kind, &[(text, st)], &move |_| Measure { x, width: w })
        .into_iter()
        .flat_map(|l| l.runs)
        .collect()
}

fn line_of(cx: &Ctx, kind: LineKind, runs: Vec<Run>) -> Line {
    let left = runs.iter().map(|r| r.x).fold(f32::MAX, f32::min);
    let right = runs
        .iter()
        .map(|r| r.xs.last().copied().unwrap_or(r.x) + r.size)
        .fold(f32::MIN, f32::max);
    let mut l = cx.blank().lines.remove(0);
    l.kind = kind;
    if !runs.is_empty() {
        l.left = left;
        l.right = right;
    }
    l.runs = runs;
    l
}

fn sized(cx: &Ctx, role: Role, size: f32) -> Style {
    Style {
        size,
        cell: size,
        ..cx.style(role)
    }
}

/// The 版头 of `report`, or `None` when it has none (GB/T 9704-2012 §7.2).
pub(super) fn header(cx: &Ctx, report: &Report) -> Option<HeaderParts> {
    let h: &Header = report.header.as_ref()?;
    let spec = cx.spec;
    let organ = h.organ.trim();
    let signer_lines = spec.signer_lines(&h.signers);
    let place = spec.header_place(organ.chars().count(), signer_lines.len());
    let (left, right) = (cx.left(), cx.left() + cx.width());

    // The mark: centred, its ink's top `mark_drop` below the block.
    let st = Style {
        bold: false,
        ..sized(cx, Role::Title, place.mark_size)
    };
    let w = width(cx, organ, st);
    let mut mark = set_at(
        cx,
        LineKind::Title,
        organ,
        st,
        left + ((cx.width() - w) / 2.0).max(0.0),
    );
    let ink_top = organ
        .chars()
        .filter_map(|c| cx.metrics.ink_top(Role::Title, c))
        .fold(None, |m: Option<f32>, v| Some(m.map_or(v, |m| m.max(v))))
        .unwrap_or(spec.em_ascent);
    for r in &mut mark {
        r.y = place.mark_top + ink_top * place.mark_size;
    }

    // 签发人 lines (names aligned) and the 发文字号 on the last.
    let side = cx.cells(spec.formal.header_side_chars as f32);
    let body = cx.style(Role::Body);
    let kai = cx.style(Role::Heading2);
    let label = "签发人：";
    let joined: Vec<String> = signer_lines.iter().map(|l| l.join("\u{3000}")).collect();
    let names_w = joined
        .iter()
        .map(|n| width(cx, n, kai))
        .fold(0.0f32, f32::max);
    let names_x = right - side - names_w;
    let label_x = names_x - width(cx, label, body);
    let mut lines = Vec::new();
    for slot in 0..place.title_slot {
        let k = slot as i64 - place.first_signer_slot as i64;
        let mut runs = Vec::new();
        if k >= 0 && (k as usize) < joined.len() {
            let k = k as usize;
            if k == 0 && !h.signers.iter().all(|s| s.trim().is_empty()) {
                runs.extend(set_at(cx, LineKind::Header, label, body, label_x));
            }
            runs.extend(set_at(cx, LineKind::Header, &joined[k], kai, names_x));
            if slot == place.number_slot && !h.number.trim().is_empty() {
                runs.extend(set_at(
                    cx,
                    LineKind::Header,
                    h.number.trim(),
                    body,
                    left + side,
                ));
            }
        }
        lines.push(if runs.is_empty() {
            cx.blank().lines.remove(0)
        } else {
            line_of(cx, LineKind::Header, runs)
        });
    }
    Some(HeaderParts {
        mark,
        red_line: Rule::horizontal(
            left,
            right,
            place.red_line_y,
            spec.formal.red_line_weight,
            true,
        ),
        lines,
    })
}

/// The pages of every attachment with content, each starting a new page (GB/T 9704-2012
/// §7.3.7): `附件N` (or `附件` when only one attachment is listed) in 3号黑体 flush left on the
/// first line, its name centred on the third line as a title, then its text as body.
pub(super) fn attachment_pages(cx: &Ctx, report: &Report, pages: &mut Vec<RawPage>) {
    let listed: Vec<&Attachment> = report
        .attachments
        .iter()
        .filter(|a| !a.name.trim().is_empty())
        .collect();
    for (i, a) in listed.iter().enumerate() {
        if !a.has_content() {
            continue;
        }
        let label = attachment_label(i, listed.len());
        let pitch = cx.spec.grid.line_pitch;
        pages.extend(
            paginate::paginate(
                attachment_chunks(cx, &label, a),
                cx.spec.grid.lines_per_page as usize,
            )
            .into_iter()
            .map(|p| {
                p.into_iter()
                    .map(|(slot, l)| (slot, slot as f32 * pitch, l))
                    .collect()
            }),
        );
    }
}

/// `附件1`, `附件2` …, or `附件` for the only attachment.
pub fn attachment_label(index: usize, count: usize) -> String {
    if count == 1 {
        "附件".to_string()
    } else {
        format!("附件{}", index + 1)
    }
}

fn attachment_chunks(cx: &Ctx, label: &str, a: &Attachment) -> Vec<Chunk> {
    let spec = cx.spec;
    let mut chunks = Vec::new();
    let head = set_at(
        cx,
        LineKind::AttachmentHead,
        label,
        cx.style(Role::Heading1),
        cx.left(),
    );
    let mut lines = vec![line_of(cx, LineKind::AttachmentHead, head)];
    for _ in 1..spec.formal.attachment_title_slot {
        lines.push(cx.blank().lines.remove(0));
    }
    let mut title = super::centred_chunk(cx, a.name.trim(), Role::Title, LineKind::AttachmentTitle);
    for l in &mut title.lines {
        l.kind = LineKind::AttachmentTitle;
    }
    lines.append(&mut title.lines);
    chunks.push(Chunk {
        lines,
        keep_with_next: true,
        keep_together: true,
        widow_control: false,
        table: None,
    });
    for _ in 0..spec.blank_lines_after_title {
        chunks.push(cx.blank());
    }
    for item in &a.paragraphs {
        if let Some(t) = item.table() {
            chunks.push(super::table::chunk(cx, t));
            continue;
        }
        let p = item.text().unwrap_or("").trim();
        if !p.is_empty() {
            chunks.push(Chunk::para(
                cx.indented(LineKind::Paragraph, &[(p, cx.style(Role::Body))]),
            ));
        }
    }
    chunks
}

/// Where the 版记 went: the page (0-based) it stands on, and the pages §7.5 leaves unnumbered.
pub(super) struct RecordPlace {
    page: usize,
    unnumbered: Vec<usize>,
}

/// The 版记's item lines, top to bottom: `抄送：…。` (wrapped, aligned after the colon) and the
/// 印发 line. Each line's runs are positioned horizontally; their baselines are set by
/// [`finish`].
fn record_lines(cx: &Ctx, r: &Record) -> Vec<Line> {
    let spec = cx.spec;
    let st = sized(cx, Role::Body, spec.formal.record_size);
    let side = spec.formal.record_size * spec.formal.record_side_chars as f32;
    let (left, right) = (cx.left() + side, cx.left() + cx.width() - side);
    let mut out = Vec::new();
    let cc: Vec<&str> =
        r.cc.iter()
            .map(|c| c.trim().trim_end_matches(['，', '。', '、', ',']))
            .filter(|c| !c.is_empty())
            .collect();
    if !cc.is_empty() {
        let label = "抄送：";
        let text = format!("{label}{}。", cc.join("，"));
        let after = left + width(cx, label, st);
        out.extend(cx.paragraph(LineKind::Record, &[(&text, st)], &move |k| {
            let x = if k == 0 { left } else { after };
            Measure {
                x,
                width: right - x,
            }
        }));
    }
    let by = r.printed_by.trim();
    let on = r
        .printed_on
        .map(|d| format!("{}印发", d.to_chinese()))
        .unwrap_or_default();
    if !by.is_empty() || !on.is_empty() {
        let mut runs = Vec::new();
        if !by.is_empty() {
            runs.extend(set_at(cx, LineKind::Record, by, st, left));
        }
        if !on.is_empty() {
            let w = width(cx, &on, st);
            runs.extend(set_at(cx, LineKind::Record, &on, st, right - w));
        }
        out.push(line_of(cx, LineKind::Record, runs));
    }
    out
}

/// Decides where the 版记 goes (GB/T 9704-2012 §7.4.1: at the foot of the last page, which
/// must be even; §7.5): on the last page when it is even and has room below its text, else on
/// a page of its own, after a blank page when needed to make it even. Adds those pages.
pub(super) fn record_pages(
    cx: &Ctx,
    report: &Report,
    pages: &mut Vec<RawPage>,
) -> Option<RecordPlace> {
    let r = report.record.as_ref()?;
    let n = record_lines(cx, r).len();
    if n == 0 {
        return None;
    }
    let per_page = cx.spec.grid.lines_per_page;
    let used = pages
        .last()
        .map(|p| p.iter().map(|(s, _, _)| s + 1).max().unwrap_or(0))
        .unwrap_or(0);
    let count = pages.len();
    let mut unnumbered = Vec::new();
    if count.is_multiple_of(2) && used + cx.spec.record_slots(n) <= per_page {
        return Some(RecordPlace {
            page: count - 1,
            unnumbered,
        });
    }
    if count.is_multiple_of(2) {
        // A blank page before the 版记 page: neither is numbered (§7.5).
        pages.push(Vec::new());
        unnumbered.extend([count, count + 1]);
    }
    pages.push(Vec::new());
    Some(RecordPlace {
        page: pages.len() - 1,
        unnumbered,
    })
}

/// Puts the 版头's mark and red line on page 1 and the 版记 on its page, and removes the page
/// numbers §7.5 leaves off.
pub(super) fn finish(
    cx: &Ctx,
    report: &Report,
    header: Option<HeaderParts>,
    record: Option<RecordPlace>,
    pages: &mut [Page],
) {
    let spec = cx.spec;
    if let (Some(h), Some(first)) = (header, pages.first_mut()) {
        first.mark = h.mark;
        first.rules.push(h.red_line);
    }
    let (Some(place), Some(r)) = (record, report.record.as_ref()) else {
        return;
    };
    let Some(page) = pages.get_mut(place.page) else {
        return;
    };
    let lines = record_lines(cx, r);
    let n = lines.len();
    let (x0, x1) = (cx.left(), cx.left() + cx.width());
    for (i, mut line) in lines.into_iter().enumerate() {
        let k = n - 1 - i;
        line.slot = spec.grid.lines_per_page - 1 - k as u32;
        line.y = spec.record_baseline(k);
        for run in &mut line.runs {
            run.y = line.y;
        }
        page.lines.push(line);
    }
    // Rules: the first above the first item, one between 抄送 and 印发, the last on the
    // block's bottom edge (§7.4.1); a wrapped 抄送 has no rule between its lines.
    let cc_lines = n - usize::from(r.printed_by.trim().len() + r.printed_on.iter().count() > 0);
    let mut ks = vec![0, n];
    if cc_lines > 0 && cc_lines < n {
        ks.push(n - cc_lines);
    }
    for k in ks {
        let outer = k == 0 || k == n;
        let weight = if outer {
            spec.formal.record_outer_rule
        } else {
            spec.formal.record_inner_rule
        };
        page.rules.push(Rule::horizontal(
            x0,
            x1,
            spec.record_rule_y(k),
            weight,
            false,
        ));
    }
    for i in place.unnumbered {
        if let Some(p) = pages.get_mut(i) {
            p.page_number.clear();
        }
    }
}

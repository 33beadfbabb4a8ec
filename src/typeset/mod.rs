//! Lays a report out on the grid (docs/format.md): 22 lines of 28 cells in the 156 × 225 mm
//! text block, every CJK character one cell, digits and Latin at their natural
//! (Times New Roman) width, 避头尾 line breaking with squeezed punctuation, justified lines,
//! headings kept with what follows, widow/orphan control, the closing parts and page numbers.
//!
//! The output is pages of positioned text runs ([`Layout`]), independent of PDF: the PDF
//! exporter draws them, tests inspect them.

mod breaking;
mod closing;
mod formal;
mod paginate;
mod parts;
mod table;
mod title;

pub use paginate::{Keep, KeepFrom};
pub use table::{cell_align, cell_from_top, is_number, table_geometry, CellAlign, TableGeometry};

use crate::model::{body_blocks, Block, Report};
use crate::spec::{Role, Spec};
use breaking::{Measure, Style};
use serde::Serialize;

/// Font measurements the typesetter needs. Wide characters take a grid cell whatever the
/// font; only narrow (Latin, digit) characters are measured.
pub trait Metrics {
    /// Advance width of a narrow character in `role`'s Latin face, in em.
    fn narrow_advance(&self, role: Role, ch: char) -> f32;
    /// Vertical middle of the glyph's ink above the baseline, in em (places the page number's
    /// dashes 7 mm below the text block).
    fn ink_middle(&self, _role: Role, _ch: char, _latin: bool) -> Option<f32> {
        None
    }
    /// Top of the glyph's ink above the baseline, in em (places the 发文机关标志's ink
    /// 35 mm below the text block); `None` when the font cannot tell.
    fn ink_top(&self, _role: Role, _ch: char) -> Option<f32> {
        None
    }
}

pub use formal::attachment_label;

/// Times New Roman widths without any font file (tests, estimates), from the one Latin table
/// [`crate::spec::latin`].
pub struct FixedMetrics;

impl Metrics for FixedMetrics {
    fn narrow_advance(&self, _role: Role, ch: char) -> f32 {
        crate::spec::latin::advance(ch)
    }
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LineKind {
    /// A line of the title (标题, GB/T 9704-2012 §7.3.1), centred, in 2号 小标宋.
    Title,
    /// A line of the subtitle (副标题), centred below the title, in 3号 楷体 (common practice).
    Subtitle,
    /// A line of the addressee (主送机关, GB/T 9704-2012 §7.3.2), flush left, after the title
    /// block.
    Addressee,
    /// An empty grid line between parts (after the title, before the attachments note or the
    /// signature); it has no runs.
    Blank,
    /// A line of a body paragraph.
    Paragraph,
    /// A line of a heading on its own of this level, 1–4 (GB/T 9704-2012 §7.3.3).
    Heading(u8),
    /// A paragraph that starts with a run-in heading of this level.
    RunIn(u8),
    /// A line of the attachments note (附件说明, GB/T 9704-2012 §7.3.4).
    Attachment,
    /// The signing unit (发文机关署名, GB/T 9704-2012 §7.3.5).
    Signature,
    /// The date (成文日期, GB/T 9704-2012 §7.3.5).
    Date,
    /// A line of the note (附注, GB/T 9704-2012 §7.3.6), below the date.
    Note,
    /// A 版头 line: 签发人 and, on the last, the 发文字号 (GB/T 9704-2012 §7.2.5, §7.2.6).
    Header,
    /// A 版记 line: 抄送 or 印发机关 and 印发日期, 4号 (GB/T 9704-2012 §7.4).
    Record,
    /// `附件1` on the first line of an attachment's first page (GB/T 9704-2012 §7.3.7).
    AttachmentHead,
    /// A line of an attachment's title on its first page (GB/T 9704-2012 §7.3.7).
    AttachmentTitle,
    /// A line of a table's title, centred above the table in the body face (docs/format.md,
    /// “Tables”).
    TableTitle,
    /// One body grid line of a table: the cell text and border segments in its band; its
    /// runs' baselines and its rules lie anywhere in the band (not on the line's baseline).
    TableCell,
}

/// A rule: the 版头's red separating line (GB/T 9704-2012 §7.2.7), a 版记 rule (§7.4.1) or a
/// table border. Rules are axis-aligned: horizontal when `y0 == y1`, vertical when
/// `x0 == x1`; the stroke is centred on the segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// Left (or only) x, pt from the page's left edge.
    pub x0: f32,
    /// Right x, pt from the page's left edge (`x0` for a vertical rule).
    pub x1: f32,
    /// Top (or only) y of the stroke's centre, pt from the page's top edge.
    pub y0: f32,
    /// Bottom y, pt from the page's top edge (`y0` for a horizontal rule).
    pub y1: f32,
    /// Stroke weight in pt.
    pub weight: f32,
    /// Red (`spec.formal.red`) rather than black.
    pub red: bool,
}

impl Rule {
    /// A horizontal rule from `x0` to `x1` at `y` (pt from the page's left and top edges).
    pub fn horizontal(x0: f32, x1: f32, y: f32, weight: f32, red: bool) -> Rule {
        Rule {
            x0,
            x1,
            y0: y,
            y1: y,
            weight,
            red,
        }
    }

    /// A vertical rule at `x` from `y0` down to `y1` (pt from the page's left and top edges).
    pub fn vertical(x: f32, y0: f32, y1: f32, weight: f32) -> Rule {
        Rule {
            x0: x,
            x1: x,
            y0,
            y1,
            weight,
            red: false,
        }
    }

    /// The stroke as a filled rectangle `(x, top, width, height)` in pt from the page's left
    /// and top edges: a horizontal rule spans x0..x1 and a vertical one y0..y1, each with the
    /// weight centred on the segment. Every renderer draws rules from this, so the PDF and the
    /// preview agree to the point.
    pub fn rect(&self) -> (f32, f32, f32, f32) {
        let half = self.weight / 2.0;
        let (x, w) = if self.x1 > self.x0 {
            (self.x0, self.x1 - self.x0)
        } else {
            (self.x0 - half, self.weight)
        };
        let (top, h) = if self.y1 > self.y0 {
            (self.y0, self.y1 - self.y0)
        } else {
            (self.y0 - half, self.weight)
        };
        (x, top, w, h)
    }
}

/// Text in one font role, size and script, with the position of every character's glyph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    /// The role whose font sets the run.
    pub role: Role,
    /// Font size in pt (the role's size in the spec).
    pub size: f32,
    /// Bold wanted (level-3 headings); the PDF strokes the outline when the face has no bold.
    pub bold: bool,
    /// Digits/Latin in the Latin face (true) or CJK in the role's CJK face.
    pub latin: bool,
    /// Where the first glyph's origin is, in pt from the page's left edge.
    pub x: f32,
    /// Baseline, in pt from the page's top edge.
    pub y: f32,
    /// The run's characters, without the first-line indent (indents are in the positions).
    pub text: String,
    /// The glyph origin of each character of `text`, in pt from the page's left edge.
    pub xs: Vec<f32>,
}

/// One grid line of a page: its kind, where it sits and its runs of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// What the line belongs to.
    pub kind: LineKind,
    /// Grid line on the page, 0-based (0..22; up to 23 on a page tightened to keep the
    /// signature with the body, see [`Keep::Tightened`]).
    pub slot: u32,
    /// Baseline of body-size text on this grid line, in pt from the page top.
    pub y: f32,
    /// Left edge of the line's first cell and right edge of its last, in pt from the page's
    /// left edge (after squeezing or justification).
    pub left: f32,
    /// Right edge of the line's last cell, in pt from the page's left edge.
    pub right: f32,
    /// Width of the text before justification or squeezing, in grid cells.
    pub natural_cells: f32,
    /// The line's text, in reading order, as runs of one font each.
    pub runs: Vec<Run>,
    /// Rules drawn with the line (table borders in the band of a [`LineKind::TableCell`]
    /// line), in pt from the page's left and top edges once the line is placed.
    pub rules: Vec<Rule>,
}

impl Line {
    /// The line's text: its runs' text joined, without indents.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
    /// Width the line occupies, in grid cells.
    pub fn cells(&self, spec: &Spec) -> f32 {
        (self.right - self.left) / spec.grid.char_pitch
    }
}

/// One page of the layout: its grid lines and its page number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    /// The page's lines (blank lines included), top to bottom, each with its grid slot
    /// (`Line::slot`, 0 to `grid.lines_per_page` − 1; up to 23 on a page tightened to keep
    /// the signature with the body, [`Keep::Tightened`]).
    pub lines: Vec<Line>,
    /// `— N —` (or `- N -`): the dashes in the CJK face, the digits in the Latin face; empty
    /// on a page that shows no number.
    pub page_number: Vec<Run>,
    /// The 发文机关标志 (page 1 of a formal 报告), drawn in red (GB/T 9704-2012 §7.2.4); its
    /// runs lie off the grid. Empty on other pages.
    pub mark: Vec<Run>,
    /// Rules drawn on the page: the red line of the 版头, the 版记's rules, table borders.
    pub rules: Vec<Rule>,
}

impl Page {
    /// The runs drawn in black, in drawing order: every line's runs, then the page number
    /// (the red 发文机关标志, [`Page::mark`], is drawn apart).
    pub fn black_runs(&self) -> impl Iterator<Item = &Run> {
        self.lines
            .iter()
            .flat_map(|l| l.runs.iter())
            .chain(self.page_number.iter())
    }
}

/// A typeset report: pages of positioned runs, independent of PDF. All positions in pt from the
/// page's left and top edges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// Page width in pt (595.28 for A4).
    pub width: f32,
    /// Page height in pt (841.89 for A4).
    pub height: f32,
    /// The pages, in order; page `i` has the 1-based number `i + 1`.
    pub pages: Vec<Page>,
    /// How the signing unit and the date were kept with the body (GB/T 9704-2012 §7.3.5).
    pub keep: Keep,
}

impl Layout {
    /// All text, page by page and line by line (for tests and search).
    pub fn text(&self) -> String {
        let mut s = String::new();
        for p in &self.pages {
            for l in &p.lines {
                s.push_str(&l.text());
                s.push('\n');
            }
        }
        s
    }
}

/// A group of lines that pagination treats as one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    pub lines: Vec<Line>,
    /// Must share a page with the first lines of the next chunk (headings).
    pub keep_with_next: bool,
    /// Never split (signature + date).
    pub keep_together: bool,
    /// No single first or last line alone on a page.
    pub widow_control: bool,
    /// A table: its lines go to pages row by row, header rows repeated (typeset/table.rs).
    pub table: Option<table::TableRows>,
}

impl Chunk {
    fn para(lines: Vec<Line>) -> Chunk {
        Chunk {
            lines,
            keep_with_next: false,
            keep_together: false,
            widow_control: true,
            table: None,
        }
    }
}

pub(crate) struct Ctx<'a> {
    pub spec: &'a Spec,
    pub metrics: &'a dyn Metrics,
}

impl Ctx<'_> {
    pub fn style(&self, role: Role) -> Style {
        let f = self.spec.font(role);
        let cell = if f.size == self.spec.fonts.body.size {
            self.spec.grid.char_pitch
        } else {
            f.size
        };
        Style {
            role,
            size: f.size,
            bold: f.bold,
            cell,
        }
    }
    pub fn left(&self) -> f32 {
        self.spec.page.margin_left
    }
    pub fn width(&self) -> f32 {
        self.spec.page.text_width()
    }
    pub fn cells(&self, n: f32) -> f32 {
        n * self.spec.grid.char_pitch
    }

    fn line(&self, kind: LineKind, set: breaking::SetLine) -> Line {
        Line {
            kind,
            slot: 0,
            y: 0.0,
            left: set.left,
            right: set.right,
            natural_cells: set.natural / self.spec.grid.char_pitch,
            runs: set.runs,
            rules: Vec::new(),
        }
    }

    /// Breaks and sets a paragraph; `measure(k)` gives line `k`'s start and width.
    pub fn paragraph(
        &self,
        kind: LineKind,
        parts: &[(&str, Style)],
        measure: &dyn Fn(usize) -> Measure,
    ) -> Vec<Line> {
        let items = breaking::items(parts, self.metrics);
        let allowed = breaking::opportunities(&items);
        let ranges = breaking::break_lines(&items, &allowed, measure, self.spec.docx_line_slack());
        let count = ranges.len();
        ranges
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let set = breaking::set_line(&items[r], measure(k), k + 1 == count, 0.0);
                self.line(kind, set)
            })
            .collect()
    }

    /// A body-style paragraph: first line indented two cells, the rest full width.
    fn indented(&self, kind: LineKind, parts: &[(&str, Style)]) -> Vec<Line> {
        let indent = self.cells(self.spec.first_line_indent_chars as f32);
        let (left, width) = (self.left(), self.width());
        self.paragraph(kind, parts, &move |k| {
            if k == 0 {
                Measure {
                    x: left + indent,
                    width: width - indent,
                }
            } else {
                Measure { x: left, width }
            }
        })
    }

    pub fn blank(&self) -> Chunk {
        Chunk {
            lines: vec![Line {
                kind: LineKind::Blank,
                slot: 0,
                y: 0.0,
                left: self.left(),
                right: self.left(),
                natural_cells: 0.0,
                runs: Vec::new(),
                rules: Vec::new(),
            }],
            keep_with_next: false,
            keep_together: false,
            widow_control: false,
            table: None,
        }
    }
}

/// Lays out `report` on the grid of `spec`.
pub fn typeset(report: &Report, spec: &Spec, metrics: &dyn Metrics) -> Layout {
    let cx = Ctx { spec, metrics };
    let mut chunks: Vec<Chunk> = Vec::new();

    // A formal 报告's 版头 fills page 1 down to the title's grid line.
    let mut header = formal::header(&cx, report);
    if let Some(h) = header.as_mut() {
        chunks.push(Chunk {
            lines: std::mem::take(&mut h.lines),
            keep_with_next: false,
            keep_together: true,
            widow_control: false,
            table: None,
        });
    }
    let title = report.title.trim();
    if !title.is_empty() {
        chunks.push(centred_chunk(&cx, title, Role::Title, LineKind::Title));
    }
    let subtitle = parts::subtitle(&cx, report, &mut chunks);
    if !title.is_empty() || subtitle {
        for _ in 0..spec.blank_lines_after_title {
            chunks.push(cx.blank());
        }
    }
    parts::addressee(&cx, report, &mut chunks);

    // Body blocks are chunks[body_start..closing_start], one each (paginate::paginate_report).
    let body_start = chunks.len();
    for block in body_blocks(report) {
        match block {
            Block::Paragraph(text) => {
                let lines = cx.indented(LineKind::Paragraph, &[(&text, cx.style(Role::Body))]);
                chunks.push(Chunk::para(lines));
            }
            Block::Heading {
                level,
                number,
                text,
            } => {
                let full = format!("{number}{text}");
                let lines = cx.indented(
                    LineKind::Heading(level),
                    &[(&full, cx.style(Role::heading(level)))],
                );
                chunks.push(Chunk {
                    keep_with_next: true,
                    ..Chunk::para(lines)
                });
            }
            Block::RunIn {
                level,
                number,
                heading,
                body,
            } => {
                let head = format!("{number}{heading}");
                let lines = cx.indented(
                    LineKind::RunIn(level),
                    &[
                        (&head, cx.style(Role::heading(level))),
                        (&body, cx.style(Role::Body)),
                    ],
                );
                chunks.push(Chunk::para(lines));
            }
            Block::Table(t) => chunks.push(table::chunk(&cx, &t)),
        }
    }

    let closing_start = chunks.len();
    closing::attachments(&cx, report, &mut chunks);
    closing::signature(&cx, report, &mut chunks);

    let (mut pages, keep) = paginate::paginate_report(chunks, spec, body_start, closing_start);
    formal::attachment_pages(&cx, report, &mut pages);
    let record = formal::record_pages(&cx, report, &mut pages);
    let mut pages: Vec<Page> = pages
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let number = i as u32 + 1;
            let mut lines: Vec<Line> = lines
                .into_iter()
                .map(|(slot, top, l)| place(spec, slot, top, l))
                .collect();
            let rules = lines
                .iter_mut()
                .flat_map(|l| std::mem::take(&mut l.rules))
                .collect();
            Page {
                number,
                lines,
                page_number: closing::page_number(&cx, &report.page_numbers, number),
                mark: Vec::new(),
                rules,
            }
        })
        .collect();
    formal::finish(&cx, report, header, record, &mut pages);
    Layout {
        width: spec.page.width,
        height: spec.page.height,
        pages,
        keep,
    }
}

/// Baseline of text of `size` on grid line `slot`: body-size em boxes stack at the line pitch
/// from the top margin; other sizes are centred on the body em box.
pub fn baseline(spec: &Spec, slot: u32, size: f32) -> f32 {
    baseline_at(spec, slot as f32 * spec.grid.line_pitch, size)
}

/// Baseline of text of `size` on a line whose body-size em box starts `top` pt below the text
/// block's top edge.
fn baseline_at(spec: &Spec, top: f32, size: f32) -> f32 {
    let body = spec.fonts.body.size;
    spec.page.margin_top + top + (body - size) / 2.0 + spec.em_ascent * size
}

fn place(spec: &Spec, slot: u32, top: f32, mut line: Line) -> Line {
    line.slot = slot;
    line.y = baseline_at(spec, top, spec.fonts.body.size);
    if line.kind == LineKind::TableCell {
        // Runs and borders are set relative to the band's top; a band is one line pitch
        // centred on the line's body-size em box (where LibreOffice puts a row of our DOCX).
        let band = spec.page.margin_top + top - (spec.grid.line_pitch - spec.fonts.body.size) / 2.0;
        for r in &mut line.runs {
            r.y += band;
        }
        for rule in &mut line.rules {
            rule.y0 += band;
            rule.y1 += band;
        }
    } else {
        for r in &mut line.runs {
            r.y = baseline_at(spec, top, r.size);
        }
    }
    line
}

/// A title-like part (the title, the subtitle): centred lines in `role`'s font, broken into a
/// trapezoid where it does not fit, kept together and with what follows.
/// The lines a centred title in `role` (the title, the subtitle, an attachment's title) is
/// broken into, as the typesetter sets them: at meaningful points, upper lines no shorter
/// than lower ones (GB/T 9704-2012 §7.3.1; [`title`]). The DOCX writes these breaks as line
/// breaks (`w:br`), so Word, WPS and LibreOffice break a title where the PDF does instead of
/// filling its first line (`…工作情` / `况的报告`). One string per line, without spaces added.
pub fn title_lines(text: &str, role: Role, spec: &Spec, metrics: &dyn Metrics) -> Vec<String> {
    let cx = Ctx { spec, metrics };
    centred_chunk(&cx, text, role, LineKind::Title)
        .lines
        .iter()
        .map(Line::text)
        .collect()
}

pub(crate) fn centred_chunk(cx: &Ctx, text: &str, role: Role, kind: LineKind) -> Chunk {
    let st = cx.style(role);
    let items = breaking::items(&[(text, st)], cx.metrics);
    let allowed = breaking::opportunities(&items);
    let ranges = title::break_title(&items, &allowed, cx.width());
    let lines = ranges
        .into_iter()
        .map(|r| {
            let w: f32 = items[r.clone()].iter().map(|i| i.width).sum();
            let x = cx.left() + ((cx.width() - w) / 2.0).max(0.0);
            let set = breaking::set_line(
                &items[r],
                Measure {
                    x,
                    width: w.min(cx.width()),
                },
                true,
                0.0,
            );
            cx.line(kind, set)
        })
        .collect();
    Chunk {
        lines,
        keep_with_next: true,
        keep_together: true,
        widow_control: false,
        table: None,
    }
}

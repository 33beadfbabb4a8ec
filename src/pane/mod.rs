//! The live page preview beside the editor (issue 18): the typesetter's [`Layout`] of the
//! report as it stands on screen, drawn page by page as an image with the glyph outlines of
//! the fonts the PDF embeds (docs/decisions.md, “Preview pane”), so the pane shows the PDF's
//! line and page breaks while the clerk types.
//!
//! A [`PaneView`] carries, for every page, a content hash (the UI redraws only pages whose
//! hash changed), the image of the pages asked for (the ones in view, ± 1: memory stays
//! bounded for a 100-page report) with the area of each line for click-to-caret, the page
//! each field starts on, and the things clerks fix by hand in WPS: a heading alone at a
//! page's foot, a 落款 on a page without body text, a report running a line or two onto its
//! last page.

mod raster;
mod source;

pub use raster::{page_png, MAX_SIDE_PX, MIN_RULE_PX};
pub use source::{block_locations, line_sources};

use crate::check::Location;
use crate::fonts::Faces;
use crate::model::Report;
use crate::spec::Spec;
use crate::typeset::{typeset, Keep, Layout, LineKind, Page};
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};
use ts_rs::TS;

/// What the pane asks for besides the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PaneRequest {
    /// The pages to draw (1-based): those in view and one either side.
    pub pages: Vec<u32>,
    /// The hash of each page the pane already shows, by 1-based page number − 1 (an empty
    /// string for a page not drawn); a page asked for whose hash is unchanged is not drawn
    /// again.
    pub known: Vec<String>,
    /// Device px per pt at which to draw the pages: the width of the page's place on screen
    /// in CSS px × `devicePixelRatio` ÷ the page width in pt (a 357 px wide pane page at
    /// ratio 1: 0.6). Capped by [`MAX_SIDE_PX`].
    #[serde(default = "unit_scale")]
    pub scale: f32,
}

fn unit_scale() -> f32 {
    1.0
}

/// One drawn page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PanePage {
    /// 1-based page number.
    pub number: u32,
    /// The page drawn at [`PaneRequest::scale`] ([`page_png`]), as a
    /// `data:image/png;base64,…` URL.
    pub image: String,
    /// The image's width in device px.
    pub px_width: u32,
    /// The image's height in device px.
    pub px_height: u32,
    /// The lines that belong to a field, as areas of the page for click-to-caret.
    pub lines: Vec<PaneLine>,
}

/// Where a line of a field is on its page: its cells from a little above the em box to the
/// next line's (one grid line high), in pt from the page's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PaneLine {
    /// Left edge, pt.
    pub x: f32,
    /// Top edge, pt.
    pub y: f32,
    /// Width, pt.
    pub width: f32,
    /// Height, pt (the body's line pitch).
    pub height: f32,
    /// The field the line's text comes from.
    pub loc: Location,
}

/// The first page (1-based) a field's text is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PaneStart {
    /// The field (a heading, a paragraph, the title, the 落款 …).
    pub loc: Location,
    /// 1-based page number.
    pub page: u32,
}

/// Which layout problem a [`PaneWarning`] points out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaneWarningKind {
    /// A heading is the last line of a page, its text starts on the next page.
    HeadingAtFoot,
    /// The 落款 (signing unit, date) stands on a page without any body text
    /// (GB/T 9704-2012 §7.3.5; [`Keep::Alone`]).
    SignatureAlone,
    /// The last page holds only one or two lines of text: shortening the report by that much
    /// saves a page.
    LastPageShort,
}

/// A layout problem, shown in the pane at its place.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PaneWarning {
    /// What it is.
    pub kind: PaneWarningKind,
    /// 1-based page where it is seen.
    pub page: u32,
    /// Baseline of the line concerned, pt from the page's top edge.
    pub y: f32,
    /// The sentence the clerk reads, in Chinese.
    pub message: String,
    /// The field to go to, when there is one.
    pub loc: Option<Location>,
}

/// The pane's view of a report.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PaneView {
    /// Page width in pt.
    pub width: f32,
    /// Page height in pt.
    pub height: f32,
    /// A hash of each page's content (16 hex digits), page 1 first; its length is the page
    /// count.
    pub hashes: Vec<String>,
    /// The pages asked for whose hash differs from the one the pane knows.
    pub drawn: Vec<PanePage>,
    /// The page each field starts on, in reading order.
    pub starts: Vec<PaneStart>,
    /// Layout problems, in page order.
    pub warnings: Vec<PaneWarning>,
}

/// A hash of everything drawn on `page` (text, positions, fonts, rules), as 16 hex digits.
pub fn page_hash(page: &Page) -> String {
    let mut h = DefaultHasher::new();
    let run = |h: &mut DefaultHasher, r: &crate::typeset::Run| {
        r.role.hash(h);
        r.size.to_bits().hash(h);
        r.bold.hash(h);
        r.latin.hash(h);
        r.x.to_bits().hash(h);
        r.y.to_bits().hash(h);
        r.text.hash(h);
        for x in &r.xs {
            x.to_bits().hash(h);
        }
    };
    page.number.hash(&mut h);
    for l in &page.lines {
        format!("{:?}", l.kind).hash(&mut h);
        l.y.to_bits().hash(&mut h);
        for r in &l.runs {
            run(&mut h, r);
        }
    }
    for r in page.page_number.iter().chain(&page.mark) {
        run(&mut h, r);
    }
    for r in &page.rules {
        for v in [r.x0, r.x1, r.y0, r.y1, r.weight] {
            v.to_bits().hash(&mut h);
        }
        r.red.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

fn is_text(kind: LineKind) -> bool {
    matches!(
        kind,
        LineKind::Paragraph | LineKind::Heading(_) | LineKind::RunIn(_) | LineKind::Attachment
    )
}

/// The layout problems of `layout` ([`PaneWarningKind`]), with `sources` from [`line_sources`].
pub fn warnings(layout: &Layout, sources: &[Vec<Option<Location>>]) -> Vec<PaneWarning> {
    let mut out = Vec::new();
    let pages = &layout.pages;
    for (i, page) in pages.iter().enumerate() {
        if i + 1 == pages.len() {
            break;
        }
        // The last line with text on the page.
        if let Some((k, line)) = page
            .lines
            .iter()
            .enumerate()
            .rev()
            .find(|(_, l)| l.kind != LineKind::Blank)
        {
            if matches!(line.kind, LineKind::Heading(_)) {
                out.push(PaneWarning {
                    kind: PaneWarningKind::HeadingAtFoot,
                    page: page.number,
                    y: line.y,
                    message: format!(
                        "标题“{}”落在第 {} 页页末，正文在下一页。",
                        line.text(),
                        page.number
                    ),
                    loc: sources.get(i).and_then(|s| s.get(k)).cloned().flatten(),
                });
            }
        }
    }
    if matches!(layout.keep, Keep::Alone { .. }) {
        if let Some(page) = pages
            .iter()
            .find(|p| p.lines.iter().any(|l| l.kind == LineKind::Signature))
        {
            let y = page
                .lines
                .iter()
                .find(|l| l.kind == LineKind::Signature)
                .map_or(0.0, |l| l.y);
            out.push(PaneWarning {
                kind: PaneWarningKind::SignatureAlone,
                page: page.number,
                y,
                message: format!("落款单独在第 {} 页，与正文分开了。", page.number),
                loc: Some(Location::Signature),
            });
        }
    }
    // The last page of the main text: the last one with body text (attachment pages and the
    // 版记 come after and are not counted).
    let last_text = pages.iter().rposition(|p| {
        p.lines
            .iter()
            .any(|l| is_text(l.kind) || l.kind == LineKind::Signature)
            && !p.lines.iter().any(|l| l.kind == LineKind::AttachmentHead)
    });
    if let Some(i) = last_text.filter(|&i| i > 0) {
        let page = &pages[i];
        let text: Vec<_> = page.lines.iter().filter(|l| is_text(l.kind)).collect();
        if (1..=2).contains(&text.len()) {
            out.push(PaneWarning {
                kind: PaneWarningKind::LastPageShort,
                page: page.number,
                y: text[0].y,
                message: format!(
                    "第 {} 页只有 {} 行正文：删减 {} 行就能少一页。",
                    page.number,
                    text.len(),
                    text.len()
                ),
                loc: None,
            });
        }
    }
    out.sort_by_key(|w| w.page);
    out
}

/// The first page of each field, in reading order.
pub fn starts(sources: &[Vec<Option<Location>>]) -> Vec<PaneStart> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, row) in sources.iter().enumerate() {
        for loc in row.iter().flatten() {
            if seen.insert(loc.clone()) {
                out.push(PaneStart {
                    loc: loc.clone(),
                    page: i as u32 + 1,
                });
            }
        }
    }
    out
}

/// Typesets `report` with `faces` on `spec` (the PDF's layout) and builds the pane's view:
/// every page's hash, the image of the pages of `request.pages` whose hash differs from
/// `request.known`, the starts of the fields and the warnings. Pages asked for beyond the
/// last are ignored.
pub fn view(report: &Report, spec: &Spec, faces: &Faces, request: &PaneRequest) -> PaneView {
    let layout = typeset(report, spec, faces);
    view_of(report, &layout, spec, faces, request)
}

/// The areas of the lines of `page` that have a source in `sources` (one per line, from
/// [`line_sources`]), on `spec`'s grid.
pub fn line_areas(page: &Page, sources: &[Option<Location>], spec: &Spec) -> Vec<PaneLine> {
    let pitch = spec.grid.line_pitch;
    let body_size = spec.fonts.body.size;
    page.lines
        .iter()
        .zip(sources)
        .filter(|(line, _)| !line.runs.is_empty())
        .filter_map(|(line, loc)| {
            let loc = loc.as_ref()?;
            let left = line.runs.iter().map(|r| r.x).fold(line.left, f32::min);
            let right = line
                .runs
                .iter()
                .map(|r| r.xs.last().copied().unwrap_or(r.x) + r.size)
                .fold(line.right, f32::max);
            Some(PaneLine {
                x: left,
                y: line.y - spec.em_ascent * body_size - (pitch - body_size) / 2.0,
                width: right - left,
                height: pitch,
                loc: loc.clone(),
            })
        })
        .collect()
}

/// [`view`] of a layout already typeset from `report`.
pub fn view_of(
    report: &Report,
    layout: &Layout,
    spec: &Spec,
    faces: &Faces,
    request: &PaneRequest,
) -> PaneView {
    let sources = line_sources(report, layout);
    let hashes: Vec<String> = layout.pages.iter().map(page_hash).collect();
    let mut wanted: Vec<u32> = request.pages.clone();
    wanted.sort_unstable();
    wanted.dedup();
    let drawn = wanted
        .into_iter()
        .filter(|&n| n >= 1 && (n as usize) <= layout.pages.len())
        .filter(|&n| request.known.get(n as usize - 1) != Some(&hashes[n as usize - 1]))
        .filter_map(|n| {
            let i = n as usize - 1;
            let page = &layout.pages[i];
            let (png, px_width, px_height) = page_png(
                page,
                layout.width,
                layout.height,
                faces,
                spec,
                request.scale,
            )?;
            let mut image = String::from("data:image/png;base64,");
            base64::engine::general_purpose::STANDARD.encode_string(&png, &mut image);
            Some(PanePage {
                number: n,
                image,
                px_width,
                px_height,
                lines: line_areas(page, &sources[i], spec),
            })
        })
        .collect();
    PaneView {
        width: layout.width,
        height: layout.height,
        hashes,
        drawn,
        starts: starts(&sources),
        warnings: warnings(layout, &sources),
    }
}

/// The text of every line of `layout`, page by page (what the pane draws; tests compare it
/// with the PDF's text).
pub fn page_texts(layout: &Layout) -> Vec<Vec<String>> {
    layout
        .pages
        .iter()
        .map(|p| p.lines.iter().map(|l| l.text()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::model::{Item, Section};
    use crate::typeset::Rule;

    /// A report of `n` sections, each a heading and two paragraphs of several lines.
    fn report(n: usize) -> Report {
        let mut r = Report::new("work-summary", "甲乡", 2024, "年度");
        r.title = "甲乡2024年工作总结".into();
        r.opening = vec!["今年以来，全乡上下齐心协力，各项工作稳步推进。".repeat(3)];
        for i in 0..n {
            let mut s = Section::new(&format!("第{i}项工作"));
            s.paragraphs = vec![
                Item::Text(format!("全年完成项目{i}个，群众满意度明显提升。").repeat(4)),
                Item::Text(String::new()),
                Item::Text("坚持问题导向，抓好整改落实，确保取得实效。".repeat(3)),
            ];
            r.sections.push(s);
        }
        r.signature = "甲乡人民政府".into();
        r
    }

    fn setup() -> (FontSet, Spec) {
        (FontSet::bundled_only().unwrap(), Spec::official())
    }

    #[test]
    fn lines_know_their_field() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let r = report(3);
        let layout = typeset(&r, &spec, &faces);
        let sources = line_sources(&r, &layout);
        let flat: Vec<(String, Option<Location>)> = layout
            .pages
            .iter()
            .zip(&sources)
            .flat_map(|(p, s)| p.lines.iter().map(|l| l.text()).zip(s.iter().cloned()))
            .collect();
        let of = |loc: &Location| -> String {
            flat.iter()
                .filter(|(_, l)| l.as_ref() == Some(loc))
                .map(|(t, _)| t.as_str())
                .collect()
        };
        assert!(of(&Location::Title).starts_with("甲乡2024年"));
        assert_eq!(of(&Location::Opening { index: 0 }), r.opening[0]);
        assert_eq!(of(&Location::Heading { path: vec![1] }), "二、第1项工作");
        // The blank paragraph is skipped: the third item keeps its index 2.
        let p = Location::Paragraph {
            path: vec![2],
            index: 2,
        };
        assert_eq!(
            of(&p),
            "坚持问题导向，抓好整改落实，确保取得实效。".repeat(3)
        );
        let first = Location::Paragraph {
            path: vec![0],
            index: 0,
        };
        assert_eq!(
            of(&first).chars().count(),
            r.sections[0].paragraphs[0].text().unwrap().chars().count()
        );
        assert_eq!(of(&Location::Signature), "甲乡人民政府");
        let st = starts(&sources);
        assert_eq!(st[0].loc, Location::Title);
        assert!(st
            .iter()
            .any(|s| s.loc == Location::Heading { path: vec![2] }));
    }

    #[test]
    fn only_changed_pages_are_drawn_again() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let mut r = report(12);
        let all = |n: usize| PaneRequest {
            pages: (1..=n as u32).collect(),
            known: Vec::new(),
            scale: 1.0,
        };
        let v1 = view(&r, &spec, &faces, &all(20));
        let n = v1.hashes.len();
        assert!(n >= 3, "{n} pages");
        assert_eq!(v1.drawn.len(), n);
        // A change in the last section's text changes its page, not page 1.
        r.sections[11].paragraphs[2] = Item::Text("改了一句话。".into());
        let v2 = view(
            &r,
            &spec,
            &faces,
            &PaneRequest {
                pages: (1..=n as u32).collect(),
                known: v1.hashes.clone(),
                scale: 1.0,
            },
        );
        assert_eq!(v2.hashes[0], v1.hashes[0]);
        let redrawn: Vec<u32> = v2.drawn.iter().map(|p| p.number).collect();
        assert!(!redrawn.is_empty() && !redrawn.contains(&1), "{redrawn:?}");
        // Pages asked for beyond the end are ignored; only asked pages are drawn.
        let v3 = view(
            &r,
            &spec,
            &faces,
            &PaneRequest {
                pages: vec![2, 999],
                known: Vec::new(),
                scale: 1.0,
            },
        );
        assert_eq!(v3.drawn.iter().map(|p| p.number).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn warnings_point_at_a_heading_at_the_foot_and_a_short_last_page() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let r = report(8);
        let mut layout = typeset(&r, &spec, &faces);
        assert!(layout.pages.len() >= 2);
        let sources = line_sources(&r, &layout);
        assert!(warnings(&layout, &sources)
            .iter()
            .all(|w| w.kind != PaneWarningKind::HeadingAtFoot));
        // Make page 1's last line a heading, and the last page hold one line of text.
        let last = layout.pages[0]
            .lines
            .iter_mut()
            .rev()
            .find(|l| l.kind != LineKind::Blank)
            .unwrap();
        last.kind = LineKind::Heading(1);
        let end = layout.pages.last_mut().unwrap();
        let mut kept = false;
        end.lines.retain(|l| {
            if is_text(l.kind) {
                let keep = !kept;
                kept = true;
                keep
            } else {
                true
            }
        });
        let w = warnings(&layout, &sources);
        let kinds: Vec<_> = w.iter().map(|w| (w.kind, w.page)).collect();
        assert!(
            kinds.contains(&(PaneWarningKind::HeadingAtFoot, 1)),
            "{kinds:?}"
        );
        let n = layout.pages.len() as u32;
        assert!(
            kinds.contains(&(PaneWarningKind::LastPageShort, n)),
            "{kinds:?}"
        );
        assert!(w.iter().all(|w| !w.message.is_empty()));
    }

    /// The page `png` decoded: (width, height, RGB bytes).
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut d = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; d.output_buffer_size().unwrap()];
        let info = d.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    #[test]
    fn page_images_draw_glyphs_and_rules_where_the_layout_puts_them() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let r = report(1);
        let mut layout = typeset(&r, &spec, &faces);
        let page = &mut layout.pages[0];
        page.rules.push(Rule::vertical(100.0, 200.0, 300.0, 0.5));
        page.rules
            .push(Rule::horizontal(80.0, 500.0, 400.0, 1.0, true));
        let scale = 1.0;
        let (png, w, h) =
            page_png(page, layout.width, layout.height, &faces, &spec, scale).unwrap();
        assert_eq!((w, h), (595, 842));
        let (_, _, px) = decode(&png);
        let at = |x: f32, y: f32| {
            let i = ((y * scale) as usize * w as usize + (x * scale) as usize) * 3;
            [px[i], px[i + 1], px[i + 2]]
        };
        // The vertical rule, black, and white beside it; the red rule in the spec's red.
        assert_eq!(at(100.0, 250.0), [0, 0, 0]);
        assert_eq!(at(103.0, 250.0), [255, 255, 255]);
        let [rr, gg, bb] = spec.formal.red;
        assert_eq!(at(200.0, 400.0), [rr, gg, bb]);
        // Ink on every line of text, inside its area, and none in the margins.
        let sources = line_sources(&r, &layout);
        let page = &layout.pages[0];
        let areas = line_areas(page, &sources[0], &spec);
        assert!(areas.len() >= 4, "{areas:?}");
        for a in &areas {
            let ink = (a.y as u32..(a.y + a.height) as u32)
                .flat_map(|y| (a.x as u32..(a.x + a.width) as u32).map(move |x| (x, y)))
                .filter(|&(x, y)| at(x as f32, y as f32)[0] < 128)
                .count();
            assert!(ink > 20, "no ink in the line at {a:?}");
        }
        let margin_ink = (0..h)
            .flat_map(|y| (0..(spec.page.margin_left * scale) as u32 - 2).map(move |x| (x, y)))
            .filter(|&(x, y)| at(x as f32, y as f32) != [255, 255, 255])
            .count();
        assert_eq!(margin_ink, 0);
        assert_eq!(areas[0].loc, Location::Title);
    }

    #[test]
    fn thin_rules_stay_visible_and_the_image_size_is_bounded() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let mut layout = typeset(&report(1), &spec, &faces);
        let page = &mut layout.pages[0];
        page.rules
            .push(Rule::horizontal(100.0, 400.0, 400.0, 0.25, false));
        let scale = 0.5;
        let (png, w, _) =
            page_png(page, layout.width, layout.height, &faces, &spec, scale).unwrap();
        let (_, _, px) = decode(&png);
        let y = (400.0 * scale) as usize;
        let darkest = (y - 1..=y + 1)
            .map(|y| px[(y * w as usize + (250.0 * scale) as usize) * 3])
            .min()
            .unwrap();
        assert!(
            darkest < 100,
            "a 0.25 pt rule at half scale is too faint: {darkest}"
        );
        let (_, w, h) = page_png(page, layout.width, layout.height, &faces, &spec, 100.0).unwrap();
        assert!(w.max(h) as f32 <= MAX_SIDE_PX, "{w} × {h}");
    }
}

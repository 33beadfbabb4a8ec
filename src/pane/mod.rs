//! The live page preview beside the editor (issue 18): the typesetter's [`Layout`] of the
//! report as it stands on screen, drawn page by page as SVG with the glyph outlines of the
//! fonts the PDF embeds (docs/decisions.md, “Preview pane”), so the pane shows the PDF's line
//! and page breaks while the clerk types.
//!
//! A [`PaneView`] carries, for every page, a content hash (the UI redraws only pages whose
//! hash changed), the SVG of the pages asked for (the ones in view, ± 1: memory stays bounded
//! for a 100-page report), the page each field starts on, and the things clerks fix by hand
//! in WPS: a heading alone at a page's foot, a 落款 on a page without body text, a report
//! running a line or two onto its last page.

mod source;
mod svg;

pub use source::{block_locations, line_sources};
pub use svg::page_svg;

use crate::check::Location;
use crate::fonts::Faces;
use crate::model::Report;
use crate::spec::Spec;
use crate::typeset::{typeset, Keep, Layout, LineKind, Page};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use ts_rs::TS;

/// What the pane asks for besides the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaneRequest {
    /// The pages to draw (1-based): those in view and one either side.
    pub pages: Vec<u32>,
    /// The hash of each page the pane already shows, by 1-based page number − 1 (an empty
    /// string for a page not drawn); a page asked for whose hash is unchanged is not drawn
    /// again.
    pub known: Vec<String>,
    /// The ids of the glyph outlines the document already defines (`g{file}-{glyph id}`,
    /// [`page_svg`]): pages drawn now `<use>` them without defining them again. Empty: every
    /// page defines all its glyphs.
    #[serde(default)]
    pub glyphs: Vec<String>,
}

/// One drawn page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PanePage {
    /// 1-based page number.
    pub number: u32,
    /// The page as an SVG document, viewBox in pt (A4: 595.28 × 841.89). Its `<defs>` hold
    /// the outlines of the glyphs it uses that neither [`PaneRequest::glyphs`] nor an earlier
    /// page of the same [`PaneView`] defines: the pane moves them into one store for the
    /// document (ui/src/pagesvg.ts), as the other pages refer to them.
    pub svg: String,
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
/// every page's hash, the SVG of the pages of `request.pages` whose hash differs from
/// `request.known`, the starts of the fields and the warnings. Pages asked for beyond the
/// last are ignored.
pub fn view(report: &Report, spec: &Spec, faces: &Faces, request: &PaneRequest) -> PaneView {
    let layout = typeset(report, spec, faces);
    view_of(report, &layout, spec, faces, request)
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
    let mut defined: HashSet<String> = request.glyphs.iter().cloned().collect();
    let drawn = wanted
        .into_iter()
        .filter(|&n| n >= 1 && (n as usize) <= layout.pages.len())
        .filter(|&n| request.known.get(n as usize - 1) != Some(&hashes[n as usize - 1]))
        .map(|n| {
            let i = n as usize - 1;
            PanePage {
                number: n,
                svg: page_svg(
                    &layout.pages[i],
                    &sources[i],
                    layout.width,
                    layout.height,
                    faces,
                    spec,
                    &mut defined,
                ),
            }
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
            glyphs: Vec::new(),
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
                glyphs: Vec::new(),
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
                glyphs: Vec::new(),
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

    #[test]
    fn svg_draws_glyphs_rules_and_hit_areas() {
        let (fonts, spec) = setup();
        let faces = fonts.faces(&spec);
        let r = report(1);
        let mut layout = typeset(&r, &spec, &faces);
        let sources = line_sources(&r, &layout);
        let page = &mut layout.pages[0];
        page.rules.push(Rule::vertical(100.0, 200.0, 300.0, 0.5));
        page.rules
            .push(Rule::horizontal(80.0, 500.0, 400.0, 1.0, true));
        let svg = page_svg(
            page,
            &sources[0],
            layout.width,
            layout.height,
            &faces,
            &spec,
            &mut HashSet::new(),
        );
        // A vertical rule: as wide as its weight, as high as its segment.
        assert!(
            svg.contains(r##"<rect x="99.75" y="200" width="0.5" height="100" fill="#000"/>"##),
            "{svg:.300}"
        );
        let [rr, gg, bb] = spec.formal.red;
        assert!(svg.contains(&format!(r##"height="1" fill="#{rr:02x}{gg:02x}{bb:02x}""##)));
        // Every glyph is defined once per page and used for each character.
        let defs = svg.matches("<path id=").count();
        let uses = svg.matches("<use ").count();
        assert!(defs > 10 && uses > defs, "{defs} defs, {uses} uses");
        assert!(svg.contains(r#"data-loc="{&quot;part&quot;:&quot;title&quot;}""#));
        // Every glyph used is defined on the page (none known before), as `g{file}-{glyph}`.
        for (i, m) in svg.match_indices(r##"<use href="#"##) {
            let rest = &svg[i + m.len()..];
            let id = &rest[..rest.find('"').unwrap()];
            assert!(id.starts_with('g') && id.contains('-'), "{id}");
            assert!(
                svg.contains(&format!(r#"<path id="{id}""#)),
                "{id} not defined"
            );
        }
        // Glyphs the document defines already are used, not defined again.
        let mut known: HashSet<String> = svg
            .match_indices(r#"<path id=""#)
            .map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect();
        let again = page_svg(
            page,
            &sources[0],
            layout.width,
            layout.height,
            &faces,
            &spec,
            &mut known,
        );
        assert_eq!(again.matches("<path id=").count(), 0);
        assert_eq!(again.matches("<use ").count(), uses);
    }
}

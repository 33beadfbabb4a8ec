//! Cleaned lines → the parts of a report: title, opening, the section tree (by the spelling
//! of each heading number, nested by the order in which spellings appear), attachments,
//! signature and date.

use super::{ImportNote, NoteKind};
use crate::model::numbering::parse_marker;
use crate::model::{Date, Section, MAX_LEVEL};
use crate::text::{find_dates, SENTENCE_END};

#[derive(Debug, Default)]
pub struct Parts {
    pub title: String,
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    pub attachments: Vec<String>,
    pub signature: String,
    pub date: Option<Date>,
}

const TITLE_WORDS: &[&str] = &["总结", "报告", "汇报", "情况", "要点", "计划", "打算"];
/// Words that end a level-1 heading run together with its text (`下一步工作计划2024年，…`).
const HEADING_ENDS: &[&str] = &[
    "情况", "打算", "计划", "问题", "措施", "建议", "思路", "体会", "经验", "做法", "成效", "不足",
    "安排", "目标", "亮点",
];

fn title_like(line: &str) -> bool {
    let c: Vec<char> = line.chars().collect();
    !c.is_empty()
        && c.len() <= 60
        && parse_marker(&c).is_none()
        && !line.ends_with(['。', '，', '；', ',', ';', '：', ':'])
        && (TITLE_WORDS.iter().any(|w| line.contains(w)) || c.len() <= 30)
}

fn is_date_line(line: &str) -> Option<(Option<Date>, String)> {
    let t = line.trim();
    let d = find_dates(t).into_iter().next()?;
    (d.start == 0 && d.end == t.chars().count()).then(|| (Date::found(&d), t.to_string()))
}

fn signature_like(line: &str) -> bool {
    let c: Vec<char> = line.chars().collect();
    !c.is_empty()
        && c.len() <= 30
        && parse_marker(&c).is_none()
        && !line.contains(['。', '，', '；', '：', ',', ';', ':', '？', '！'])
}

/// Splits the text after a heading number into heading, body and run-in flag.
fn split_heading(rest: &str, marker_level: u8) -> (String, Option<String>, bool) {
    let c: Vec<char> = rest.chars().collect();
    if marker_level == 1 {
        for word in HEADING_ENDS {
            let w: Vec<char> = word.chars().collect();
            let hit = (0..c.len().saturating_sub(w.len() - 1))
                .take(24)
                .find(|&k| c[k..k + w.len()] == w[..]);
            if let Some(k) = hit {
                let e = k + w.len();
                let prefix_clean = !c[..e].iter().any(|ch| "，。；：,;:！？".contains(*ch));
                let next_is_text = c
                    .get(e)
                    .is_some_and(|ch| !"，。；：,;:！？、）)".contains(*ch));
                if prefix_clean && next_is_text && c.len() - e > 8 {
                    let body: String = c[e..].iter().collect();
                    return (
                        c[..e].iter().collect(),
                        Some(body.trim().to_string()),
                        false,
                    );
                }
            }
        }
    }
    if let Some(p) = c.iter().position(|ch| SENTENCE_END.contains(ch)) {
        if p < 80 {
            let heading: String = c[..=p].iter().collect();
            let body: String = c[p + 1..].iter().collect();
            let body = body.trim();
            if body.is_empty() {
                return (heading, None, false);
            }
            return (heading, Some(body.to_string()), true);
        }
    }
    (rest.trim().to_string(), None, false)
}

fn section_mut<'a>(sections: &'a mut [Section], path: &[usize]) -> Option<&'a mut Section> {
    let (first, rest) = path.split_first()?;
    let mut cur = sections.get_mut(*first)?;
    for i in rest {
        cur = cur.children.get_mut(*i)?;
    }
    Some(cur)
}

pub fn build(lines: &[String], notes: &mut Vec<ImportNote>) -> Parts {
    let mut parts = Parts::default();
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let mut start = 0;
    let mut end = lines.len();

    // Title: the first line when it reads like one (a title broken in two is rejoined).
    if let Some(first) = lines.first() {
        if title_like(first) {
            parts.title = first.to_string();
            start = 1;
            let short = first.chars().count() <= 16 && !first.contains("总结");
            if short {
                if let Some(second) = lines.get(1) {
                    if title_like(second) && second.contains("总结") && second.chars().count() <= 40
                    {
                        parts.title.push_str(second);
                        start = 2;
                    }
                }
            }
        } else {
            notes.push(ImportNote::new(NoteKind::Title, "没有找到标题，请补上", ""));
        }
    }

    // Date and signature at the end.
    if end > start {
        if let Some((date, text)) = is_date_line(lines[end - 1]) {
            end -= 1;
            match date {
                Some(d) => parts.date = Some(d),
                None => notes.push(ImportNote::new(
                    NoteKind::Date,
                    "成文日期无效，没有导入，请重新填写",
                    &text,
                )),
            }
            if end > start && signature_like(lines[end - 1]) {
                parts.signature = lines[end - 1].to_string();
                end -= 1;
            }
        } else if end - start >= 2
            && signature_like(lines[end - 1])
            && lines[end - 1].ends_with([
                '府', '委', '局', '办', '室', '会', '处', '心', '院', '所', '站', '队',
            ])
        {
            parts.signature = lines[end - 1].to_string();
            end -= 1;
        }
    }

    // Attachments note: `附件：…` and the numbered names after it.
    if let Some(k) = (start..end).find(|&k| {
        let l = lines[k];
        (l.starts_with("附件：") || l.starts_with("附件:")) && l.chars().count() <= 60
    }) {
        if k >= start && end - k <= 10 {
            let first = lines[k].chars().skip(3).collect::<String>();
            let mut names = vec![first];
            names.extend(lines[k + 1..end].iter().map(|s| s.to_string()));
            for n in names {
                let nc: Vec<char> = n.chars().collect();
                let skip = parse_marker(&nc).map(|m| m.len).unwrap_or(0);
                let name: String = nc[skip..].iter().collect();
                let name = name.trim().trim_end_matches(['。', '；', ';']).to_string();
                if !name.is_empty() {
                    parts.attachments.push(name);
                }
            }
            end = k;
        }
    }

    // Body: heading numbers nest by spelling; a deeper spelling under a shallower one becomes
    // its child whatever its spelling (the layout numbers by depth).
    let mut stack: Vec<(u8, Vec<usize>)> = Vec::new();
    let mut renumbered = false;
    for line in &lines[start..end] {
        let c: Vec<char> = line.chars().collect();
        let marker = parse_marker(&c).filter(|m| m.len < c.len());
        if let Some(m) = marker {
            while stack.last().is_some_and(|(l, _)| *l >= m.level) {
                stack.pop();
            }
            let depth = stack.len() + 1;
            if depth <= MAX_LEVEL as usize {
                let rest: String = c[m.len..].iter().collect();
                let (heading, body, run_in) = split_heading(&rest, m.level);
                let sec = Section {
                    heading,
                    run_in,
                    paragraphs: body.into_iter().collect(),
                    ..Section::default()
                };
                let path = match stack.last() {
                    Some((_, p)) => {
                        let parent = section_mut(&mut parts.sections, p);
                        let mut path = p.clone();
                        if let Some(parent) = parent {
                            parent.children.push(sec);
                            path.push(parent.children.len() - 1);
                        }
                        path
                    }
                    None => {
                        parts.sections.push(sec);
                        vec![parts.sections.len() - 1]
                    }
                };
                if m.level as usize != depth {
                    renumbered = true;
                }
                stack.push((m.level, path));
                continue;
            }
        }
        match stack.last() {
            Some((_, p)) => {
                if let Some(s) = section_mut(&mut parts.sections, p) {
                    s.paragraphs.push(line.to_string());
                }
            }
            None => parts.opening.push(line.to_string()),
        }
    }
    if renumbered {
        notes.push(ImportNote::new(
            NoteKind::Renumbered,
            "有的小标题跳过了层级（例如“一、”下直接是“1.”），已按层级重新编号（一、（一）1.（1））",
            "",
        ));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_split_rules() {
        assert_eq!(
            split_heading("夯实基础，强化管理。严格落实制度。", 2),
            (
                "夯实基础，强化管理。".into(),
                Some("严格落实制度。".into()),
                true
            )
        );
        assert_eq!(
            split_heading("下一步工作计划2024年，我办将继续深入推进。", 1),
            (
                "下一步工作计划".into(),
                Some("2024年，我办将继续深入推进。".into()),
                false
            )
        );
        assert_eq!(
            split_heading("存在的问题", 1),
            ("存在的问题".into(), None, false)
        );
        assert_eq!(
            split_heading("公布法规；", 3),
            ("公布法规；".into(), None, false)
        );
    }
}

//! Stages 6 and 7 of the import, "blocks" and "tree": the cleaned lines → the parts of a
//! report. The title block (one to three lines; the last title before the text starts, so
//! repeated titles and site names above it go), subtitle (`——…`), addressee (a short line
//! ending in `：` before the text), the ending (note after the date, date, one or two signing
//! organs, `附件：` and its items), and the body: headings accepted as a sequence per level,
//! label lines (`存在问题：`) heading their own list, tables pasted one cell per line kept
//! together, the rest paragraphs.
//!
//! Markdown headings (from [`super::Log::markdown_headings`]): the first is the title when it
//! reads like one and is shallower than the others (or alone ends like a summary's title);
//! lines above it are not the text. Every other Markdown heading starts the text at the
//! latest, and one without a typed number is a heading whose level is its depth's rank among
//! the body's heading depths (`##` → 1, `###` → 2 …); a typed number (`一、`, `（一）`) keeps
//! deciding the level of its own line.

use super::clean::TITLE_END_WORDS;
use super::{tables, Log, NoteKind};
use crate::model::numbering::{parse_marker, Marker};
use crate::model::{Date, Section, MAX_LEVEL};
use crate::text::find_dates;

#[derive(Debug, Default)]
pub struct Parts {
    pub title: String,
    pub subtitle: Option<String>,
    pub addressee: Option<String>,
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    pub attachments: Vec<String>,
    pub signature: String,
    pub date: Option<Date>,
    pub note: Option<String>,
    /// Tables kept together as one paragraph each.
    pub tables: usize,
}

/// Words that end a level-1 heading run together with its text (`下一步工作计划2024年，…`).
const HEADING_ENDS: &[&str] = &[
    "情况", "打算", "计划", "问题", "措施", "建议", "思路", "体会", "经验", "做法", "成效", "不足",
    "安排", "目标", "亮点",
];
/// Organ names end with these (a signature line, the first line of a joint title).
const ORGAN_ENDS: &[&str] = &[
    "委员会",
    "政府",
    "办公室",
    "办事处",
    "局",
    "委",
    "办",
    "院",
    "中心",
    "所",
    "站",
    "队",
    "处",
    "室",
    "会",
];

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？', ',', ';'])
}

fn ends_with_title_word(t: &str) -> bool {
    TITLE_END_WORDS.iter().any(|w| t.ends_with(w))
}

fn is_organ(t: &str) -> bool {
    ORGAN_ENDS.iter().any(|w| t.ends_with(w))
}

/// Could be (part of) a title: short, no sentence punctuation, no heading number, no date.
fn title_ish(line: &str) -> bool {
    let c = chars(line);
    !c.is_empty()
        && c.len() <= 60
        && !has_sentence_punct(line)
        && !line.ends_with(['：', ':'])
        && !line.starts_with("——")
        && parse_marker(&c).is_none()
        && is_date_line(line).is_none()
}

fn is_date_line(line: &str) -> Option<(Option<Date>, String)> {
    let t = line.trim();
    let d = find_dates(t).into_iter().next()?;
    (d.start == 0 && d.end == t.chars().count()).then(|| (Date::found(&d), t.to_string()))
}

fn signature_like(line: &str) -> bool {
    let c = chars(line);
    !c.is_empty()
        && c.len() <= 30
        && parse_marker(&c).is_none()
        && !line.starts_with("附件")
        && !line.contains(['。', '，', '；', '：', ',', ';', ':', '？', '！'])
}

/// The first line of the text proper: a heading, or a sentence.
fn body_starts(line: &str) -> bool {
    let c = chars(line);
    let marker = parse_marker(&c).is_some_and(|m| m.len < c.len());
    marker || (has_sentence_punct(line) && c.len() >= 12 && !line.starts_with("——"))
}

/// A table cell pasted on a line of its own: short, no sentence punctuation.
fn cell_like(line: &str) -> bool {
    let c = chars(line);
    c.len() <= 20
        && !line.contains(['。', '，', '；', '：', '！', '？'])
        && is_date_line(line).is_none()
}

fn numeric(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || ".%％,-".contains(c))
}

/// `存在问题：` heading its own `1. 2.` list.
fn label_like(line: &str) -> bool {
    let c = chars(line);
    c.len() <= 13
        && line.ends_with(['：', ':'])
        && parse_marker(&c).is_none()
        && !has_sentence_punct(line)
        && !line.starts_with("附件")
}

/// Splits the text after a heading number into heading, body and run-in flag.
fn split_heading(rest: &str, marker_level: u8, log: &mut Log) -> (String, Option<String>, bool) {
    let c = chars(rest);
    let end = c.iter().position(|ch| matches!(ch, '。' | '！' | '？'));
    if marker_level == 1 {
        for word in HEADING_ENDS {
            let w = chars(word);
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
    // `一、健全组织体系，落实工作责任成立了…`: a level-1 heading of two parallel phrases of
    // equal length, then the text with no mark between — the heading is the pair. (Level-1
    // only: a （一） heading runs on into its sentence far more often than it is glued.)
    // A second phrase that starts with a preposition or conjunction goes on the sentence.
    if let Some(q) = c
        .iter()
        .position(|ch| *ch == '，')
        .filter(|q| marker_level == 1 && (3..=10).contains(q))
    {
        let e = 2 * q + 1;
        let pair_clean = c.len() > e + 4
            && !c
                .get(q + 1)
                .is_some_and(|ch| "将把对在与为以按从向和及并使让由被是".contains(*ch))
            && !c[q + 1..e]
                .iter()
                .any(|ch| "，。；：、！？“”《》（）".contains(*ch))
            && c.get(e).is_some_and(|ch| crate::text::is_cjk(*ch))
            && end.is_none_or(|p| p > e);
        if pair_clean {
            let body: String = c[e..].iter().collect();
            return (c[..e].iter().collect(), Some(body), false);
        }
    }
    if let Some(p) = end {
        if p < 60 {
            let heading: String = c[..=p].iter().collect();
            let body: String = c[p + 1..].iter().collect();
            let body = body.trim();
            if body.is_empty() {
                return (heading, None, false);
            }
            return (heading, Some(body.to_string()), true);
        }
    }
    // A whole paragraph behind a number with no early full stop: its first clause is the
    // run-in heading, never five lines of heading font.
    if c.len() > 40 {
        if let Some(q) = c
            .iter()
            .position(|ch| *ch == '，')
            .filter(|q| (4..=25).contains(q))
        {
            log.removed("，", "小标题句后的逗号（导出时小标题句以句号结束）", false);
            let body: String = c[q + 1..].iter().collect();
            return (c[..q].iter().collect(), Some(body), true);
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

/// Where a heading goes in the numbering state, if it is accepted: the sequence rule.
/// `stack` holds (key, ordinal) of the open headings, key = 2 × spelling level (a label is
/// one less than the list it heads).
fn accept(
    stack: &[(u8, usize)],
    key: u8,
    ordinal: usize,
    in_table: bool,
    short: bool,
) -> Option<usize> {
    if let Some(p) = stack.iter().position(|(k, _)| *k == key) {
        let last = stack[p].1;
        // The next number at a level that is open; one skipped number is tolerated for a
        // short heading outside a table.
        let ok = ordinal == last + 1 || (ordinal == last + 2 && short && !in_table);
        return ok.then_some(p);
    }
    if ordinal != 1 || in_table {
        return None;
    }
    // A new level: below every open level that is shallower.
    Some(stack.iter().take_while(|(k, _)| *k < key).count())
}

/// Non-space characters of `s` (to find a Markdown heading's line after later stages changed
/// its spacing).
fn squashed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The Markdown depth (`#` = 1) of each line that a Markdown heading became, matched in order
/// by text ([`Log::markdown_headings`]); `None` for other lines. A heading whose line a later
/// stage changed beyond spacing is not found and stays a plain line.
fn markdown_depths(l: &[String], headings: &[(u8, String)]) -> Vec<Option<u8>> {
    let mut out = vec![None; l.len()];
    let mut from = 0;
    for (depth, text) in headings {
        let want = squashed(text);
        if let Some(k) = (from..l.len()).find(|&k| !want.is_empty() && squashed(&l[k]) == want) {
            out[k] = Some(*depth);
            from = k + 1;
        }
    }
    out
}

/// Whether the first Markdown heading (line `first`, of `depth`) is the document's title rather
/// than its first section: it reads like a title, and it is shallower than every other heading
/// (`# 标题` over `##` sections), or it alone ends like a summary's title (`…工作总结`) where all
/// headings have one depth.
fn markdown_title(l: &[String], depths: &[Option<u8>], first: usize, depth: u8) -> bool {
    if !title_ish(&l[first]) {
        return false;
    }
    let others: Vec<(usize, u8)> = depths
        .iter()
        .enumerate()
        .filter_map(|(k, d)| d.map(|d| (k, d)))
        .filter(|(k, _)| *k != first)
        .collect();
    let summary = |t: &str| ["总结", "报告", "汇报"].iter().any(|w| t.ends_with(w));
    others.iter().all(|(_, d)| *d > depth)
        || (summary(&l[first]) && others.iter().all(|(k, _)| !summary(&l[*k])))
}

/// Heading levels (1–4) of the Markdown depths of the body's headings: the shallowest depth
/// used in the body is level 1, the next level 2, and so on (deeper ones level 4).
fn markdown_levels(depths: &[Option<u8>]) -> Vec<Option<u8>> {
    let mut used: Vec<u8> = depths.iter().flatten().copied().collect();
    used.sort_unstable();
    used.dedup();
    depths
        .iter()
        .map(|d| {
            d.and_then(|d| used.iter().position(|u| *u == d))
                .map(|rank| (rank as u8 + 1).min(MAX_LEVEL))
        })
        .collect()
}

pub fn build(lines: &[String], log: &mut Log) -> Parts {
    let mut parts = Parts::default();
    let l: Vec<String> = lines.iter().map(|x| x.trim().to_string()).collect();
    let n = l.len();
    // Markdown headings: the first may be the title; every other one starts the text at the
    // latest, numbered or not.
    // A `#` title is the title: what stands above it (a chat assistant's "好的，以下是…：") is
    // not the text.
    let mut md = markdown_depths(&l, &log.markdown_headings);
    let mut md_title = None;
    if let Some(first) = md.iter().position(Option::is_some) {
        let depth = md[first].unwrap_or(1);
        if markdown_title(&l, &md, first, depth) {
            md[first] = None;
            md_title = Some(first);
        }
    }
    let b = (md_title.map_or(0, |t| t + 1)..n)
        .find(|&k| !l[k].is_empty() && (body_starts(&l[k]) || md[k].is_some()))
        .unwrap_or(n);

    // Title block: the last title before the text starts.
    let mut title_range: Option<(usize, usize)> = md_title.map(|t| (t, t));
    for j in (0..b).rev().filter(|_| md_title.is_none()) {
        let flat = &l[j];
        if flat.is_empty() || !title_ish(flat) {
            continue;
        }
        if ends_with_title_word(flat) {
            let mut i = j;
            while i > 0 && j - i < 2 {
                let up = &l[i - 1];
                if up.is_empty() || !title_ish(up) || ends_with_title_word(up) {
                    break;
                }
                if is_organ(up) && !l[i].starts_with("关于") {
                    break;
                }
                i -= 1;
            }
            title_range = Some((i, j));
            break;
        }
    }
    if title_range.is_none() {
        if let Some(f) = (0..b).find(|&k| !l[k].is_empty()) {
            if title_ish(&l[f]) && l[f].chars().count() <= 40 {
                title_range = Some((f, f));
            }
        }
    }
    let mut start = 0;
    match title_range {
        Some((i, j)) => {
            parts.title = l[i..=j].concat();
            for above in &l[..i] {
                if *above == parts.title {
                    log.removed(above, "重复的标题", true);
                } else {
                    log.removed(
                        above,
                        "标题上方的网页内容（网站或单位名称、栏目标题等）",
                        true,
                    );
                }
            }
            if i > 0 && l[..i].iter().any(|x| !x.is_empty()) {
                log.note(NoteKind::RemovedLine, "删除了标题上方的网页内容", "");
            }
            start = j + 1;
        }
        None => log.note(NoteKind::Title, "没有找到标题，请补上", ""),
    }

    // Between the title and the text: subtitle, addressee, repeated titles.
    let mut pre_opening = Vec::new();
    for t in &l[start..b.max(start)] {
        if t.is_empty() {
            continue;
        }
        if t == &parts.title {
            log.removed(t, "重复的标题", true);
        } else if parts.subtitle.is_none()
            && parts.addressee.is_none()
            && (t.starts_with('—') || t.starts_with("－－"))
        {
            parts.subtitle = Some(t.clone());
            log.note(NoteKind::Part, "识别出副标题", t);
        } else if parts.addressee.is_none()
            && t.ends_with(['：', ':'])
            && t.chars().count() <= 60
            && !has_sentence_punct(t)
        {
            let name: String = t.trim_end_matches(['：', ':']).to_string();
            // All the trailing colons go (`局::`), so all are listed as removed.
            log.removed(&t[name.len()..], "主送机关后的冒号（导出时加上）", false);
            log.note(NoteKind::Part, "识别出主送机关", &name);
            parts.addressee = Some(name);
        } else {
            pre_opening.push(t.clone());
        }
    }

    // The ending, from the end: note, date, signature, attachments.
    let mut end = n;
    let last_nb = |from: usize| (b..from).rev().find(|&k| !l[k].is_empty());
    if let Some(k) = last_nb(end) {
        let t = &l[k];
        let bracketed =
            (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
        let before_is_date = last_nb(k).is_some_and(|d| is_date_line(&l[d]).is_some());
        if (bracketed && t.chars().count() <= 80 || t.starts_with("附注")) && before_is_date {
            parts.note = Some(t.clone());
            log.note(NoteKind::Part, "识别出附注", t);
            end = k;
        }
    }
    let mut has_date = false;
    if let Some(k) = last_nb(end) {
        if let Some((date, text)) = is_date_line(&l[k]) {
            end = k;
            has_date = true;
            log.removed(&text, "成文日期（已填入日期栏）", false);
            match date {
                Some(d) => parts.date = Some(d),
                None => log.note(NoteKind::Date, "成文日期无效，没有导入，请重新填写", &text),
            }
        }
    }
    if let Some(k) = last_nb(end) {
        let organ_tail = l[k].ends_with([
            '府', '委', '局', '办', '室', '会', '处', '心', '院', '所', '站', '队',
        ]);
        if signature_like(&l[k]) && (has_date || (organ_tail && k > b)) {
            parts.signature = l[k].clone();
            end = k;
            if let Some(k0) = last_nb(end) {
                if has_date
                    && k0 + 1 == k
                    && signature_like(&l[k0])
                    && is_organ(&l[k0])
                    && is_organ(&l[k])
                    && k0 > b
                {
                    parts.signature = format!("{}\u{3000}{}", l[k0], l[k]);
                    end = k0;
                }
            }
        }
    }
    let att = (b..end).rev().take(14).find(|&k| {
        (l[k].starts_with("附件：") || l[k].starts_with("附件:")) && l[k].chars().count() <= 80
    });
    if let Some(k) = att {
        let first: String = l[k].chars().skip(3).collect();
        log.removed("附件：", "附件说明的标签（导出时加上）", false);
        let mut names = vec![first];
        names.extend(l[k + 1..end].iter().cloned());
        for name in names {
            let nc = chars(name.trim());
            if nc.is_empty() {
                continue;
            }
            let skip = parse_marker(&nc).map(|m| m.len).unwrap_or(0);
            if skip > 0 {
                log.removed(
                    &nc[..skip].iter().collect::<String>(),
                    "附件序号（导出时按顺序编号）",
                    false,
                );
            }
            let name: String = nc[skip..].iter().collect();
            let trimmed = name.trim().trim_end_matches(['。', '；', ';']).to_string();
            if trimmed.len() < name.trim().len() {
                log.removed(&name.trim()[trimmed.len()..], "附件名称后的标点", false);
            }
            if !trimmed.is_empty() {
                parts.attachments.push(trimmed);
            }
        }
        log.note(
            NoteKind::Part,
            format!("识别出{}个附件", parts.attachments.len()),
            "",
        );
        end = k;
    }

    // The body.
    let levels = markdown_levels(&md[b..end.max(b)]);
    let (body, levels): (Vec<&str>, Vec<Option<u8>>) = l[b..end.max(b)]
        .iter()
        .zip(levels)
        .filter(|(x, _)| !x.is_empty())
        .map(|(x, d)| (x.as_str(), d))
        .unzip();
    parts.opening.extend(pre_opening);
    build_body(&body, &levels, &mut parts, log);
    parts
}

/// Headings by the sequence rule, tables, paragraphs. `md_levels[k]` is the level the Markdown
/// syntax gives line `k` (a heading without a typed number takes it; a typed number wins).
fn build_body(body: &[&str], md_levels: &[Option<u8>], parts: &mut Parts, log: &mut Log) {
    let m = body.len();
    // The statutory tables of an annual report pasted one cell per line: rebuilt as tables.
    let mut statutory: Vec<Option<tables::Found>> = vec![None; m];
    let mut in_statutory = vec![false; m];
    let mut k = 0;
    while k < m {
        match tables::recognise(&body[k..]) {
            Some(f) => {
                in_statutory[k..k + f.len]
                    .iter_mut()
                    .for_each(|x| *x = true);
                let len = f.len;
                statutory[k] = Some(f);
                k += len;
            }
            None => k += 1,
        }
    }
    // Runs of table cells: four or more cell-like lines in a row, two of them numbers.
    let mut run_id = vec![None; m];
    let mut k = 0;
    while k < m {
        if !cell_like(body[k]) || in_statutory[k] {
            k += 1;
            continue;
        }
        let s = k;
        while k < m && cell_like(body[k]) && !in_statutory[k] {
            k += 1;
        }
        let nums = body[s..k].iter().filter(|x| numeric(x)).count();
        if k - s >= 4 && nums >= 2 {
            for r in run_id.iter_mut().take(k).skip(s) {
                *r = Some(s);
            }
        }
    }

    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut paths: Vec<Vec<usize>> = Vec::new();
    let mut table: Vec<String> = Vec::new();
    let mut renumbered = false;
    let mut markdown_count = 0;
    let flush_table = |table: &mut Vec<String>,
                       parts: &mut Parts,
                       paths: &[Vec<usize>],
                       log: &mut Log| {
        if table.is_empty() {
            return;
        }
        // Cells are separated by `｜` (inserted, so that the table can be told and rebuilt).
        let text = table.join("｜");
        for _ in 1..table.len() {
            log.inserted.push("｜".into());
        }
        table.clear();
        parts.tables += 1;
        log.note(
            NoteKind::Table,
            "有一处表格是按纯文字粘贴的（每格一行）：已把它的格子放在同一段里，请在 Word 中重新做成表格",
            &text,
        );
        push_paragraph(parts, paths.last().map(Vec::as_slice), text);
    };
    for (k, line) in body.iter().enumerate() {
        if in_statutory[k] {
            if paths.is_empty() {
                // No part to put it in (a table before any heading): a flagged block.
                table.push(line.to_string());
            } else if let Some(f) = statutory[k].take() {
                flush_table(&mut table, parts, &paths, log);
                place_statutory(f, parts, &paths, log);
            }
            continue;
        }
        let c = chars(line);
        let in_table = run_id[k].is_some();
        let run_started_before = run_id[k].is_some_and(|s| s < k);
        let marker = parse_marker(&c).filter(|m| m.len < c.len());
        let next_is_first_item = body
            .get(k + 1)
            .and_then(|x| parse_marker(&chars(x)))
            .filter(|m| m.ordinal == 1);
        let mut accepted: Option<(usize, u8, Marker)> = None;
        let md_level = md_levels.get(k).copied().flatten();
        let mut from_markdown = false;
        if let (None, Some(level)) = (marker, md_level) {
            // A Markdown heading without a typed number: its depth gives the level; it
            // follows a sibling at that level or opens the level below the open ones.
            let key = level * 2;
            let (p, ordinal) = match stack.iter().position(|(k, _)| *k == key) {
                Some(p) => (p, stack[p].1 + 1),
                None => (stack.iter().take_while(|(k, _)| *k < key).count(), 1),
            };
            from_markdown = true;
            markdown_count += 1;
            accepted = Some((
                p,
                key,
                Marker {
                    level,
                    ordinal,
                    len: 0,
                },
            ));
        } else if let Some(mk) = marker {
            let rest: String = c[mk.len..].iter().collect();
            let short = rest.chars().count() <= 25 && !has_sentence_punct(&rest);
            if let Some(p) = accept(
                &stack,
                mk.level * 2,
                mk.ordinal,
                in_table && run_started_before,
                short,
            ) {
                accepted = Some((p, mk.level * 2, mk));
            }
        } else if let Some(item) = next_is_first_item.filter(|_| label_like(line) && !in_table) {
            // A label heads the list that follows: one step above the list's level.
            let key = item.level * 2 - 1;
            let p = stack.iter().take_while(|(k, _)| *k < key).count();
            accepted = Some((
                p,
                key,
                Marker {
                    level: item.level,
                    ordinal: 0,
                    len: 0,
                },
            ));
        }
        let Some((p, key, mk)) = accepted.filter(|(p, _, _)| *p < MAX_LEVEL as usize) else {
            if in_table {
                table.push(line.to_string());
            } else {
                flush_table(&mut table, parts, &paths, log);
                push_paragraph(parts, paths.last().map(Vec::as_slice), line.to_string());
            }
            continue;
        };
        flush_table(&mut table, parts, &paths, log);
        stack.truncate(p);
        paths.truncate(p);
        stack.push((key, mk.ordinal));
        let (heading, body_text, run_in) = if from_markdown {
            (line.trim().to_string(), None, false)
        } else if mk.len == 0 {
            // A label: its text without the colon.
            log.removed("：", "标签后的冒号（作为小标题导出）", false);
            (line.trim_end_matches(['：', ':']).to_string(), None, false)
        } else {
            let number: String = c[..mk.len].iter().collect();
            log.removed(&number, "小标题序号（导出时按位置重新编号）", false);
            let mut rest: Vec<char> = c[mk.len..].to_vec();
            // `三、三、下步打算`: a number typed in front of Word's automatic one.
            if let Some(again) = parse_marker(&rest)
                .filter(|a| a.level == mk.level && a.ordinal == mk.ordinal && a.len < rest.len())
            {
                let dup: String = rest[..again.len].iter().collect();
                log.removed(
                    &dup,
                    "重复的小标题序号（Word 自动编号前又手打了一遍）",
                    false,
                );
                rest.drain(..again.len);
            }
            let rest: String = rest.iter().collect();
            split_heading(&rest, mk.level, log)
        };
        if key != (p as u8 + 1) * 2 {
            renumbered = true;
        }
        let sec = Section {
            heading,
            run_in,
            paragraphs: body_text.into_iter().map(Into::into).collect(),
            ..Section::default()
        };
        let path = match paths.last() {
            Some(parent) => {
                let mut path = parent.clone();
                if let Some(s) = section_mut(&mut parts.sections, parent) {
                    s.children.push(sec);
                    path.push(s.children.len() - 1);
                }
                path
            }
            None => {
                parts.sections.push(sec);
                vec![parts.sections.len() - 1]
            }
        };
        paths.push(path);
    }
    flush_table(&mut table, parts, &paths, log);
    if markdown_count > 0 {
        log.note(
            NoteKind::Markdown,
            format!("有{markdown_count}个没有序号的 Markdown 标题（#）按其层级作为小标题，序号导出时自动编排"),
            "",
        );
    }
    if renumbered {
        log.note(
            NoteKind::Renumbered,
            "有的小标题跳过了层级（例如“一、”下直接是“1.”），已按层级重新编号（一、（一）1.（1））",
            "",
        );
    }
}

/// Puts a recognised statutory table first in the part it belongs to (the open top-level
/// section when its heading names the table's matter, else the last such part before it),
/// after any tables already there; in the open section when no part fits. The labels the input
/// wrote differently, or left out, are listed as removed and inserted.
fn place_statutory(f: tables::Found, parts: &mut Parts, paths: &[Vec<usize>], log: &mut Log) {
    let open = paths.first().map(|p| p[0]);
    let part = open
        .filter(|&i| f.kind.heading_matches(&parts.sections[i].heading))
        .or_else(|| {
            (0..parts.sections.len())
                .rev()
                .find(|&i| f.kind.heading_matches(&parts.sections[i].heading))
        });
    for (written, label) in &f.rewritten {
        log.removed(
            written,
            "统计表的行列名称，按2021年格式（国办公开办函〔2021〕30号）的写法重写",
            false,
        );
        log.inserted.push(label.clone());
    }
    log.inserted.extend(f.added.iter().cloned());
    log.note(
        NoteKind::Table,
        format!(
            "“{}”统计表是按纯文字粘贴的（每格一行）：已按2021年格式重建为表格，请核对每一格的数字{}",
            f.kind.heading(),
            if f.added.is_empty() {
                String::new()
            } else {
                format!("（补上了{}个缺少的表头或行名）", f.added.len())
            }
        ),
        "",
    );
    let item = f.table.into();
    let target = match part {
        Some(i) => Some(&mut parts.sections[i]),
        None => paths
            .last()
            .and_then(|p| section_mut(&mut parts.sections, p)),
    };
    if let Some(s) = target {
        if part.is_some() {
            let at = s
                .paragraphs
                .iter()
                .take_while(|x| x.table().is_some())
                .count();
            s.paragraphs.insert(at, item);
        } else {
            s.paragraphs.push(item);
        }
    }
}

fn push_paragraph(parts: &mut Parts, path: Option<&[usize]>, text: String) {
    match path {
        Some(p) => {
            if let Some(s) = section_mut(&mut parts.sections, p) {
                s.paragraphs.push(text.into());
            }
        }
        None => parts.opening.push(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<String> {
        t.lines().map(String::from).collect()
    }

    fn headings(p: &Parts) -> Vec<(usize, String)> {
        fn walk(list: &[Section], d: usize, out: &mut Vec<(usize, String)>) {
            for s in list {
                out.push((d, s.heading.clone()));
                walk(&s.children, d + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&p.sections, 1, &mut out);
        out
    }

    #[test]
    fn headings_are_accepted_as_a_sequence() {
        let mut log = Log::default();
        let p = build(
            &lines("甲乡2024年信息公开年度报告\n一、总体情况\n本报告按统一格式编制，数据时段为全年。\n二、主动公开情况\n信息类别\n本年新制发\n1\n3\n三、依申请公开情况\n申请人类别\n一、本年新收申请数\n2\n0\n（一）全部公开\n1\n1.涉及国家秘密\n0\n四、存在的问题\n（一）存在问题。更新不够及时。\n甲乡人民政府\n2025年1月20日"),
            &mut log,
        );
        let h: Vec<_> = headings(&p)
            .into_iter()
            .map(|(d, t)| format!("{d}{t}"))
            .collect();
        assert_eq!(
            h,
            [
                "1总体情况",
                "1主动公开情况",
                "1依申请公开情况",
                "1存在的问题",
                "2存在问题。"
            ]
        );
        assert_eq!(p.tables, 2);
        assert!(p.sections[2].paragraphs[0]
            .plain()
            .contains("一、本年新收申请数"));
        assert_eq!(p.signature, "甲乡人民政府");
    }

    #[test]
    fn labels_head_their_own_lists_and_yishi_stays_body() {
        let mut log = Log::default();
        let p = build(
            &lines("某街道2024年工作总结\n2024年，街道做了很多工作，现汇报如下。\n一、问题及改进措施\n存在问题：\n1.更新慢。\n2.形式单一。\n改进措施：\n1.建立巡查制度。\n二、下步打算\n一是完善目录；二是加强培训。"),
            &mut log,
        );
        let h: Vec<_> = headings(&p)
            .into_iter()
            .map(|(d, t)| format!("{d}{t}"))
            .collect();
        assert_eq!(
            h,
            [
                "1问题及改进措施",
                "2存在问题",
                "3更新慢。",
                "3形式单一。",
                "2改进措施",
                "3建立巡查制度。",
                "1下步打算"
            ]
        );
        assert_eq!(p.sections[1].paragraphs, ["一是完善目录；二是加强培训。"]);
    }

    #[test]
    fn title_block_subtitle_addressee_and_ending() {
        let mut log = Log::default();
        let p = build(
            &lines("梅岭街道办事处\n\n中共青山镇委员会\u{3000}青山镇人民政府\n关于2024年工作开展情况的\n报告\n——以公开促落实\n县政务公开办：\n按照县里的安排，现将有关情况报告如下：\n一、主要工作\n做了很多工作。\n附件：1.统计表\n2.名单\n中共青山镇委员会\n青山镇人民政府\n二〇二四年十二月二十七日\n（此件公开发布）"),
            &mut log,
        );
        assert_eq!(
            p.title,
            "中共青山镇委员会\u{3000}青山镇人民政府关于2024年工作开展情况的报告"
        );
        assert_eq!(p.subtitle.as_deref(), Some("——以公开促落实"));
        assert_eq!(p.addressee.as_deref(), Some("县政务公开办"));
        assert_eq!(p.attachments, ["统计表", "名单"]);
        assert_eq!(p.signature, "中共青山镇委员会\u{3000}青山镇人民政府");
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2024-12-27"));
        assert_eq!(p.note.as_deref(), Some("（此件公开发布）"));
        assert!(log
            .removed
            .iter()
            .any(|r| r.text == "梅岭街道办事处" && r.restorable));
    }

    #[test]
    fn heading_split_rules() {
        let mut log = Log::default();
        assert_eq!(
            split_heading(
                "健全组织体系，落实工作责任成立了工作专班，专人负责。",
                1,
                &mut log
            ),
            (
                "健全组织体系，落实工作责任".into(),
                Some("成立了工作专班，专人负责。".into()),
                false
            )
        );
        assert_eq!(
            split_heading("进一步压实责任，将政务公开工作纳入年度目标考核，与业务工作同部署、同检查、同落实，年底前由分管领导带队逐村逐站所检查打分并通报结果，确保各项任务落到实处。", 2, &mut log),
            ("进一步压实责任".into(), Some("将政务公开工作纳入年度目标考核，与业务工作同部署、同检查、同落实，年底前由分管领导带队逐村逐站所检查打分并通报结果，确保各项任务落到实处。".into()), true)
        );
        assert_eq!(
            split_heading("夯实基础，强化管理。严格落实制度。", 2, &mut log),
            (
                "夯实基础，强化管理。".into(),
                Some("严格落实制度。".into()),
                true
            )
        );
        assert_eq!(
            split_heading("下一步工作计划2024年，我办将继续深入推进。", 1, &mut log),
            (
                "下一步工作计划".into(),
                Some("2024年，我办将继续深入推进。".into()),
                false
            )
        );
        assert_eq!(
            split_heading("存在的问题", 1, &mut log),
            ("存在的问题".into(), None, false)
        );
        assert_eq!(
            split_heading("公布法规；", 3, &mut log),
            ("公布法规；".into(), None, false)
        );
    }

    fn md_build(lines_text: &str, md: &[(u8, &str)]) -> Parts {
        let mut log = Log {
            markdown_headings: md.iter().map(|(d, t)| (*d, t.to_string())).collect(),
            ..Log::default()
        };
        build(&lines(lines_text), &mut log)
    }

    fn flat(p: &Parts) -> Vec<String> {
        headings(p)
            .into_iter()
            .map(|(d, t)| format!("{d}{t}"))
            .collect()
    }

    #[test]
    fn markdown_headings_without_numbers_take_their_depth() {
        // `# 标题`, then `##`/`###` sections without typed numbers (an AI chat answer).
        let p = md_build(
            "青山镇2024年政务公开工作总结\n\n2024年，我镇认真落实上级部署，现将有关情况总结如下。\n\n主要做法\n\n强化组织领导\n\n镇里成立了领导小组，定期研究工作。\n\n拓展公开载体\n\n各村更新了公开栏。\n\n存在问题\n\n个别村更新偏慢。\n\n青山镇人民政府\n2024年12月18日",
            &[
                (1, "青山镇2024年政务公开工作总结"),
                (2, "主要做法"),
                (3, "强化组织领导"),
                (3, "拓展公开载体"),
                (2, "存在问题"),
            ],
        );
        assert_eq!(p.title, "青山镇2024年政务公开工作总结");
        assert_eq!(
            flat(&p),
            ["1主要做法", "2强化组织领导", "2拓展公开载体", "1存在问题"]
        );
        assert_eq!(
            p.opening,
            ["2024年，我镇认真落实上级部署，现将有关情况总结如下。"]
        );
        assert_eq!(
            p.sections[0].children[0].paragraphs,
            ["镇里成立了领导小组，定期研究工作。"]
        );
        assert_eq!(p.signature, "青山镇人民政府");
    }

    #[test]
    fn typed_numbers_win_and_unnumbered_ones_fit_between() {
        // `## 一、…` typed, `### 强化组织领导` not: level 2 under it; `（二）` typed follows it.
        let p = md_build(
            "某镇2024年工作总结\n一、主要做法\n强化组织领导\n成立了领导小组，定期研究工作。\n（二）拓展公开载体\n各村更新了公开栏。\n二、下步打算\n继续做好工作。",
            &[
                (1, "某镇2024年工作总结"),
                (2, "一、主要做法"),
                (3, "强化组织领导"),
                (3, "（二）拓展公开载体"),
                (2, "二、下步打算"),
            ],
        );
        assert_eq!(
            flat(&p),
            ["1主要做法", "2强化组织领导", "2拓展公开载体", "1下步打算"]
        );
    }

    #[test]
    fn a_markdown_title_below_a_chat_preamble_is_the_title() {
        let mut log = Log {
            markdown_headings: vec![(1, "青山镇政务公开这一年".into()), (2, "主要做法".into())],
            ..Log::default()
        };
        let p = build(
            &lines("好的，以下是为您撰写的一篇工作总结：\n青山镇政务公开这一年\n2024年，我镇认真落实上级部署，现总结如下。\n主要做法\n做了很多工作。"),
            &mut log,
        );
        assert_eq!(p.title, "青山镇政务公开这一年");
        assert_eq!(flat(&p), ["1主要做法"]);
        assert!(log
            .removed
            .iter()
            .any(|r| r.text.starts_with("好的") && r.restorable));
    }

    #[test]
    fn all_headings_of_one_depth_and_no_title_heading() {
        // No `#` title: the plain first line is the title; every `##` is level 1.
        let p = md_build(
            "某镇2024年工作总结\n今年以来，我镇扎实推进各项工作，现总结如下。\n主要做法\n做了很多工作。\n明年打算\n继续努力。",
            &[(2, "主要做法"), (2, "明年打算")],
        );
        assert_eq!(p.title, "某镇2024年工作总结");
        assert_eq!(flat(&p), ["1主要做法", "1明年打算"]);
        // `#` everywhere: the first, ending like a summary's title, is the title.
        let p = md_build(
            "某镇2024年工作总结\n主要做法\n做了很多工作。\n明年打算\n继续努力。",
            &[(1, "某镇2024年工作总结"), (1, "主要做法"), (1, "明年打算")],
        );
        assert_eq!(p.title, "某镇2024年工作总结");
        assert_eq!(flat(&p), ["1主要做法", "1明年打算"]);
    }

    #[test]
    fn plain_text_lines_like_headings_stay_body_without_markdown() {
        // The same words without Markdown: not headings (no number, no syntax).
        let p = md_build(
            "某镇2024年工作总结\n今年以来，我镇扎实推进各项工作，现总结如下。\n主要做法\n做了很多工作。",
            &[],
        );
        assert!(p.sections.is_empty());
        assert!(p.opening.contains(&"主要做法".to_string()));
    }
}

//! Breaking a title that does not fit on one line. GB/T 9704 asks for breaks at meaningful
//! points (never inside a word or a name) and a trapezoid or diamond shape. Without a
//! dictionary we prefer breaks after the parts a work-summary title is made of — the unit
//! (…乡/镇/局…), the period (…年/年度), `关于`, `的` — and before `工作总结`, and we prefer
//! upper lines at least as long as lower ones (a trapezoid), as even as possible.

use super::breaking::Item;
use std::ops::Range;

/// Characters that end an administrative unit's name or a period; a break after them is good.
const GOOD_AFTER: &[char] = &[
    '省', '市', '县', '区', '乡', '镇', '村', '局', '委', '办', '府', '院', '所', '站', '厅', '部',
    '会', '处', '室', '队', '组', '社', '司', '年', '度', '季', '的', '于',
];

/// Tails a break before is good at.
const GOOD_BEFORE: &[&str] = &["工作总结", "工作情况", "情况报告", "总结", "报告"];

/// Cost of breaking before item `i`, in character widths of imbalance it is worth.
fn break_cost(items: &[Item], i: usize) -> f32 {
    let text: String = items[i..].iter().map(|it| it.ch).collect();
    let prev = items[i - 1].ch;
    if GOOD_BEFORE.iter().any(|t| text.starts_with(t)) {
        return 0.0;
    }
    if GOOD_AFTER.contains(&prev) {
        // `年` right after digits closes the period; after other text it may be a word.
        return 0.5;
    }
    if prev == '、' || prev == '，' || prev == '：' {
        return 0.0;
    }
    6.0
}

fn width(items: &[Item], r: Range<usize>) -> f32 {
    items[r].iter().map(|i| i.width).sum()
}

/// Lines of the title (ranges of `items`), each at most `max` wide where possible.
pub fn break_title(items: &[Item], allowed: &[bool], max: f32) -> Vec<Range<usize>> {
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    let total = width(items, 0..n);
    if total <= max + 0.01 {
        return std::iter::once(0..n).collect();
    }
    let em = items[0].size.max(1.0);
    let cands: Vec<usize> = (1..n).filter(|&i| allowed[i]).collect();
    let lines_needed = (total / max).ceil() as usize;

    // Exhaustive search over two or three lines (titles are short); greedy beyond.
    let score = |breaks: &[usize]| -> Option<f32> {
        let mut bounds = vec![0];
        bounds.extend_from_slice(breaks);
        bounds.push(n);
        let ws: Vec<f32> = bounds
            .windows(2)
            .map(|b| width(items, b[0]..b[1]))
            .collect();
        if ws.iter().any(|w| *w > max + 0.01) {
            return None;
        }
        let mean = total / ws.len() as f32;
        let mut cost: f32 = ws.iter().map(|w| ((w - mean) / em).powi(2)).sum::<f32>() * 0.5;
        for pair in ws.windows(2) {
            // A lower line longer than the upper one breaks the trapezoid.
            if pair[1] > pair[0] + 0.01 {
                cost += 2.0 + (pair[1] - pair[0]) / em;
            }
        }
        cost += breaks.iter().map(|&b| break_cost(items, b)).sum::<f32>();
        Some(cost)
    };

    let mut tries: Vec<Vec<usize>> = Vec::new();
    if lines_needed <= 2 {
        tries.extend(cands.iter().map(|&a| vec![a]));
    }
    let two_fit = tries.iter().any(|t| score(t).is_some());
    if !two_fit && lines_needed <= 3 && cands.len() <= 200 {
        for (k, &a) in cands.iter().enumerate() {
            for &b in &cands[k + 1..] {
                tries.push(vec![a, b]);
            }
        }
    }
    let best = tries
        .into_iter()
        .filter_map(|t| score(&t).map(|c| (c, t)))
        .min_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, breaks)) = best {
        let mut bounds = vec![0];
        bounds.extend(breaks);
        bounds.push(n);
        return bounds.windows(2).map(|b| b[0]..b[1]).collect();
    }
    // A very long title: fill greedily.
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        let mut last_ok = None;
        while end <= n && width(items, start..end) <= max + 0.01 {
            if allowed[end] {
                last_ok = Some(end);
            }
            end += 1;
        }
        let e = last_ok.unwrap_or((end - 1).max(start + 1));
        out.push(start..e);
        start = e;
    }
    out
}

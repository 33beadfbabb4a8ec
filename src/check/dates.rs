//! Dates and years: a date must be valid and written `2024年1月5日` (Arabic numerals, no
//! leading zeros, GB/T 9704-2012); a year in the text must not contradict the report's year.

use super::location::{texts, Location};
use super::{codes, Finding, Severity};
use crate::import::headings::chinese_number;
use crate::model::{Date, Report};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// `2024年1月5日` exactly as it should be.
    Standard,
    /// `2024年01月05日`.
    LeadingZero,
    /// `二〇二四年一月五日`.
    ChineseNumerals,
    /// `2024-1-5`, `2024.1.5`, `2024/1/5`.
    Separators,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub form: DateForm,
}

impl FoundDate {
    pub fn date(&self) -> Option<Date> {
        let (m, d) = (u8::try_from(self.month).ok()?, u8::try_from(self.day).ok()?);
        Date::new(self.year, m, d)
    }
}

fn digits(c: &[char], i: usize, max: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0;
    while i + n < c.len() && n < max {
        match c[i + n].to_digit(10) {
            Some(d) if c[i + n].is_ascii_digit() => v = v * 10 + d,
            _ => break,
        }
        n += 1;
    }
    (v, n)
}

fn cn_year_digit(ch: char) -> Option<u32> {
    match ch {
        '〇' | '○' | '零' | 'O' | '０' | 'Ｏ' | '◯' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == ch)
            .map(|p| p as u32 + 1),
    }
}

fn date_at(c: &[char], i: usize) -> Option<FoundDate> {
    if i > 0 && (c[i - 1].is_ascii_digit() || cn_year_digit(c[i - 1]).is_some()) {
        return None; // inside a longer number
    }
    // Arabic year.
    let (y, n) = digits(c, i, 4);
    if n == 4 {
        let sep = *c.get(i + 4)?;
        if sep == '年' {
            let (m, mn) = digits(c, i + 5, 2);
            if mn == 0 || c.get(i + 5 + mn) != Some(&'月') {
                return None;
            }
            let (d, dn) = digits(c, i + 6 + mn, 2);
            if dn == 0 || !matches!(c.get(i + 6 + mn + dn), Some('日') | Some('号')) {
                return None;
            }
            let zero = (mn == 2 && c[i + 5] == '0') || (dn == 2 && c[i + 6 + mn] == '0');
            let std = !zero && c[i + 6 + mn + dn] == '日';
            return Some(FoundDate {
                start: i,
                end: i + 7 + mn + dn,
                year: y as i32,
                month: m,
                day: d,
                form: if std {
                    DateForm::Standard
                } else {
                    DateForm::LeadingZero
                },
            });
        }
        if matches!(sep, '-' | '.' | '/') {
            let (m, mn) = digits(c, i + 5, 2);
            if mn == 0 || c.get(i + 5 + mn) != Some(&sep) {
                return None;
            }
            let (d, dn) = digits(c, i + 6 + mn, 2);
            let end = i + 6 + mn + dn;
            if dn == 0 || c.get(end).is_some_and(|x| x.is_ascii_digit() || *x == sep) {
                return None;
            }
            return Some(FoundDate {
                start: i,
                end,
                year: y as i32,
                month: m,
                day: d,
                form: DateForm::Separators,
            });
        }
        return None;
    }
    // Chinese numerals: 二〇二四年十二月十六日.
    let mut y = 0u32;
    for k in 0..4 {
        y = y * 10 + cn_year_digit(*c.get(i + k)?)?;
    }
    if c.get(i + 4) != Some(&'年') {
        return None;
    }
    let (m, mn) = chinese_number(c.get(i + 5..)?)?;
    if c.get(i + 5 + mn) != Some(&'月') {
        return None;
    }
    let (d, dn) = chinese_number(c.get(i + 6 + mn..)?)?;
    if !matches!(c.get(i + 6 + mn + dn), Some('日') | Some('号')) {
        return None;
    }
    Some(FoundDate {
        start: i,
        end: i + 7 + mn + dn,
        year: y as i32,
        month: m as u32,
        day: d as u32,
        form: DateForm::ChineseNumerals,
    })
}

/// Every full date (year, month and day) in `text`.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if let Some(d) = date_at(&c, i) {
            i = d.end;
            out.push(d);
        } else {
            i += 1;
        }
    }
    out
}

/// Years written `2023年` (Arabic, 1900–2199): `(start, end of digits, year)`.
fn years(text: &str) -> Vec<(usize, usize, i32)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < c.len() {
        let lead_ok = i == 0 || !c[i - 1].is_ascii_digit();
        let (y, n) = digits(&c, i, 4);
        if lead_ok && n == 4 && c[i + 4] == '年' && (1900..2200).contains(&y) {
            out.push((i, i + 4, y as i32));
            i += 5;
        } else {
            i += 1;
        }
    }
    out
}

/// The top-level section of plans for next year (下一步工作打算 and its variants).
pub fn is_plan_heading(h: &str) -> bool {
    ["下一步", "打算", "计划", "思路", "明年", "工作安排"]
        .iter()
        .any(|k| h.contains(k))
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let year = report.year;
    for (loc, text) in texts(report) {
        for d in find_dates(text) {
            let f = Finding::new(Severity::Error, codes::INVALID_DATE, loc.clone(), "");
            match d.date() {
                None => out.push(
                    Finding {
                        message: format!("日期无效：{}年没有{}月{}日。", d.year, d.month, d.day),
                        ..f
                    }
                    .span(text, d.start, d.end),
                ),
                Some(_) if d.form == DateForm::Standard => {}
                Some(valid) => {
                    let std = valid.to_chinese();
                    out.push(
                        Finding {
                            severity: Severity::Warning,
                            code: codes::DATE_FORMAT.into(),
                            message: format!(
                                "日期应写作“{std}”的形式（阿拉伯数字，月、日不加0）。"
                            ),
                            ..f
                        }
                        .span(text, d.start, d.end)
                        .replace_fix(text, format!("改为“{std}”"), &std),
                    );
                }
            }
        }
        year_in_text(report, &loc, text, year, out);
    }
    if let Some(d) = report.date {
        if d.year != year && d.year != year + 1 {
            out.push(Finding::new(
                Severity::Warning,
                codes::YEAR_MISMATCH,
                Location::Date,
                format!("成文日期是{}年，与报告年度{}年不符。", d.year, year),
            ));
        }
    }
}

/// Words after `2025年` that make it the year a plan is for (a summary with its next year's
/// plan: `2024年工作总结和2025年工作思路`).
const NEXT_YEAR_PLAN: &[&str] = &[
    "工作思路",
    "工作打算",
    "工作计划",
    "工作要点",
    "工作安排",
    "工作目标",
    "重点工作",
    "思路",
    "打算",
    "计划",
    "要点",
];

fn year_in_text(report: &Report, loc: &Location, text: &str, year: i32, out: &mut Vec<Finding>) {
    let in_plan = loc
        .path()
        .and_then(|p| p.first())
        .and_then(|i| report.sections.get(*i))
        .is_some_and(|s| is_plan_heading(&s.heading));
    let leading = text.len() - text.trim_start().len();
    let lead_chars = text[..leading].chars().count();
    let chars: Vec<char> = text.chars().collect();
    for (s, e, y) in years(text) {
        let fix_label = format!("改为{year}年");
        // `…总结和2025年工作思路`: the next year named as what a plan is for.
        let after: String = chars[(e + 1).min(chars.len())..].iter().take(6).collect();
        if y == year + 1 && NEXT_YEAR_PLAN.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let (severity, msg, fixable) = match loc {
            Location::Title if y != year => (
                Severity::Error,
                format!("标题中的{y}年与报告年度{year}年不符。"),
                true,
            ),
            Location::Title => continue,
            _ if y > year + 1 || (y == year + 1 && !in_plan) => (
                Severity::Warning,
                format!("{y}年晚于报告年度{year}年，请核对。"),
                false,
            ),
            // `2023年，我镇…` at the head of a paragraph: last year's text left in.
            _ if y < year && s == lead_chars => (
                Severity::Warning,
                format!("段首写的是{y}年，而报告年度是{year}年，可能是沿用往年的文字。"),
                true,
            ),
            _ => continue,
        };
        let f = Finding::new(severity, codes::YEAR_MISMATCH, loc.clone(), msg).span(text, s, e);
        out.push(if fixable {
            f.replace_fix(text, fix_label, &year.to_string())
        } else {
            f
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_date_forms() {
        let t = "2024年1月5日、2024年01月05日、二○○五年十二月十六日、2024-1-5和2023年2月30日";
        let forms: Vec<_> = find_dates(t)
            .iter()
            .map(|d| (d.form, d.year, d.month, d.day))
            .collect();
        assert_eq!(
            forms,
            vec![
                (DateForm::Standard, 2024, 1, 5),
                (DateForm::LeadingZero, 2024, 1, 5),
                (DateForm::ChineseNumerals, 2005, 12, 16),
                (DateForm::Separators, 2024, 1, 5),
                (DateForm::Standard, 2023, 2, 30),
            ]
        );
        assert!(find_dates("版本1.2.3，共2.6万次，12024年").is_empty());
    }

    #[test]
    fn years_only_whole_four_digits() {
        assert_eq!(years("2023年和12023年"), vec![(0, 4, 2023)]);
    }
}

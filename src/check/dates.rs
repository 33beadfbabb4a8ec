//! Dates and years: a date must be valid and written `2024年1月5日` (Arabic numerals, no
//! leading zeros, GB/T 9704-2012); a year in the text must not contradict the report's year.

use super::location::{texts, Location};
use super::{codes, Finding, Severity};
use crate::model::{is_plan_heading, Date, Report};
use crate::text::{find_dates, find_years, DateForm};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let year = report.year;
    for (loc, text) in texts(report) {
        for d in find_dates(text) {
            let f = Finding::new(Severity::Error, codes::INVALID_DATE, loc.clone(), "");
            match Date::found(&d) {
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
    for (s, e, y) in find_years(text) {
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

//! Wording of another administrative level left from the 范文 a report was started from: a
//! township's report that says `我县`, `县直部门` or `X县` of itself, a county department's that
//! says `我镇` or `我乡`. The report's level comes from its kind (template) or, without one,
//! from its unit.

use super::location::{texts, Location};
use super::{codes, Finding, Severity};
use crate::model::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Township,
    County,
}

fn level_of(report: &Report) -> Option<Level> {
    match report.kind.as_str() {
        "township-zwgk" => return Some(Level::Township),
        "county-dept-zwgk" => return Some(Level::County),
        _ => {}
    }
    let unit = if report.unit.is_empty() {
        &report.signature
    } else {
        &report.unit
    };
    if ["乡", "镇", "街道"].iter().any(|w| unit.contains(w)) {
        Some(Level::Township)
    } else if unit.contains('县') || unit.contains('局') {
        Some(Level::County)
    } else {
        None
    }
}

/// Words that speak as a county, and those that speak as a township.
const COUNTY_WORDS: &[&str] = &[
    "我县",
    "本县",
    "县直部门",
    "县直各部门",
    "县直单位",
    "X县",
    "XX县",
    "×县",
];
const TOWNSHIP_WORDS: &[&str] = &["我镇", "我乡", "本镇", "本乡", "全镇", "全乡"];

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let Some(level) = level_of(report) else {
        return;
    };
    let (words, own, other) = match level {
        Level::Township => (COUNTY_WORDS, "乡镇", "县级"),
        Level::County => (TOWNSHIP_WORDS, "县级部门", "乡镇"),
    };
    // What the township calls itself, for a one-click fix of `我县`.
    let self_word = if report.unit.contains('镇') {
        Some("我镇")
    } else if report.unit.contains('乡') {
        Some("我乡")
    } else {
        None
    };
    for (loc, text) in texts(report) {
        if matches!(loc, Location::Signature | Location::Addressee) {
            continue;
        }
        for w in words {
            for (b, _) in text.match_indices(w) {
                let start = text[..b].chars().count();
                let end = start + w.chars().count();
                let msg = format!(
                    "“{w}”是{other}的说法，而这是一份{own}的报告：可能是范文留下的，请改成本单位的说法。"
                );
                let f = Finding::new(Severity::Warning, codes::OTHER_LEVEL, loc.clone(), msg)
                    .span(text, start, end);
                out.push(match (level, *w, self_word) {
                    (Level::Township, "我县" | "本县", Some(s)) => {
                        f.replace_fix(text, format!("改为“{s}”"), s)
                    }
                    _ => f,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;

    fn findings(kind: &str, unit: &str, text: &str) -> Vec<Finding> {
        let mut r = Report::new(kind, unit, 2024, "年度");
        r.opening.push(text.into());
        let mut out = Vec::new();
        check(&r, &mut out);
        out
    }

    #[test]
    fn township_report_with_county_wording() {
        let f = findings(
            "township-zwgk",
            "青山镇",
            "我县按照X县要求，督促县直部门落实。",
        );
        let words: Vec<_> = f.iter().map(|f| f.excerpt.clone()).collect();
        assert_eq!(f.len(), 3, "{words:?}");
        assert!(f[0].fix.is_some());
        // The county's own report may say 我县; a township may name the county's offices.
        assert!(findings("county-dept-zwgk", "清水县司法局", "我县依法行政。").is_empty());
        assert!(findings(
            "township-zwgk",
            "青山镇",
            "按照县政务公开办的要求，我镇全面落实。"
        )
        .is_empty());
    }

    #[test]
    fn county_report_with_township_wording() {
        let f = findings("county-dept-zwgk", "清水县司法局", "我镇全面落实。");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("乡镇"));
    }
}

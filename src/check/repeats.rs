//! Repeated paragraphs (a paste that went in twice, a block copied and not rewritten).

use super::location::{texts, Location};
use super::{codes, Finding, Fix, FixAction, Severity};
use crate::model::Report;
use std::collections::HashMap;

/// Shorter paragraphs (`同上。`) may legitimately repeat.
const MIN_CHARS: usize = 10;

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, Location> = HashMap::new();
    for (loc, text) in texts(report) {
        if !matches!(loc, Location::Opening { .. } | Location::Paragraph { .. }) {
            continue;
        }
        let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if key.chars().count() < MIN_CHARS {
            continue;
        }
        match seen.get(&key) {
            Some(first) => out.push(Finding {
                excerpt: text.chars().take(20).collect(),
                fix: Some(Fix {
                    label: "删除重复的这一段".into(),
                    location: loc.clone(),
                    action: FixAction::RemoveParagraph {
                        expected: text.to_string(),
                    },
                }),
                ..Finding::new(
                    Severity::Warning,
                    codes::REPEATED,
                    loc,
                    format!("这一段与{}完全相同。", first.describe()),
                )
            }),
            None => {
                seen.insert(key, loc);
            }
        }
    }
}

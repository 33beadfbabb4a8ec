//! Report kinds: the section skeleton of a summary plus short guidance for each section,
//! loaded from the JSON files in `resources/templates/` (compiled in, so the CLI and the app
//! always have them). [`disclosure`] describes the statutory tables of the 政府信息公开工作年度报告.

pub mod disclosure;

use crate::error::{Error, Result};
use crate::model::{Report, Section};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What belongs in a section, and one example sentence (written by us).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct Guidance {
    /// What belongs in the section, one or two Chinese sentences.
    pub what: String,
    /// An example sentence.
    pub example: String,
}

/// One section of a template's skeleton: the heading the new report starts with, guidance for
/// the clerk, and its subsections.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct TemplateSection {
    /// The heading text, without its number (numbers are derived from position).
    pub heading: String,
    /// Whether the section starts as a run-in heading (heading sentence and text in one paragraph).
    #[serde(default)]
    pub run_in: bool,
    /// What to write there.
    pub guidance: Guidance,
    /// Subsections, one heading level deeper.
    #[serde(default)]
    pub children: Vec<TemplateSection>,
    /// The id of a built-in table the section starts with (the statutory tables of the
    /// 政府信息公开工作年度报告, [`disclosure::Statutory::id`]); absent for most sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub table: Option<String>,
}

/// A report kind (e.g. a township's 政务公开 work summary): its section skeleton and guidance,
/// read from `resources/templates/<id>.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, TS)]
pub struct Template {
    /// Stable id, stored as `Report::kind`, e.g. `township-zwgk`.
    pub id: String,
    /// Name shown to the clerk.
    pub name: String,
    /// 乡镇 / 县直部门 / …
    pub level: String,
    /// The matter the title names, e.g. 政务公开工作总结.
    pub subject: String,
    /// A sentence on when to use this kind.
    pub description: String,
    /// Guidance for the opening (导语) paragraphs.
    pub opening: Guidance,
    /// The top-level sections, in order.
    pub sections: Vec<TemplateSection>,
}

const BUILTIN: &[&str] = &[
    include_str!("../../resources/templates/township-zwgk.json"),
    include_str!("../../resources/templates/county-dept-zwgk.json"),
    include_str!("../../resources/templates/annual-disclosure.json"),
];

/// All built-in templates, in display order.
pub fn all() -> Vec<Template> {
    BUILTIN
        .iter()
        .map(|s| serde_json::from_str(s).expect("built-in template is valid JSON (tested)"))
        .collect()
}

/// The built-in template with `id`. `ErrorKind::NotFound` (the message lists the ids there
/// are) when there is none.
pub fn get(id: &str) -> Result<Template> {
    all().into_iter().find(|t| t.id == id).ok_or_else(|| {
        let ids: Vec<String> = all().into_iter().map(|t| t.id).collect();
        Error::not_found(format!(
            "没有编号为“{id}”的模板，可用的模板有：{}。",
            ids.join("、")
        ))
    })
}

/// The matter a title names when the report's kind has no template (an imported 范文 whose
/// kind was not recognised).
pub const GENERIC_SUBJECT: &str = "工作总结";

/// The title proposed for a report of kind `kind` (a template id) about `year` and `period`:
/// `单位 + 年份 + 时段 + 事项` as [`Report::proposed_title`] writes it, the 事项 being the
/// template's subject, or [`GENERIC_SUBJECT`] for a kind without a template. `unit` is trimmed.
pub fn proposed_title(kind: &str, unit: &str, year: i32, period: &str) -> String {
    let subject = get(kind).map_or_else(|_| GENERIC_SUBJECT.to_string(), |t| t.subject);
    Report::new(kind, unit.trim(), year, period).proposed_title(&subject)
}

impl Template {
    /// A new, empty report of this kind: title proposed from unit, year and period; the
    /// section skeleton with no text, except that a section naming a built-in table
    /// ([`TemplateSection::table`]) starts with it, its number cells empty.
    pub fn instantiate(&self, unit: &str, year: i32, period: &str) -> Report {
        fn skeleton(s: &TemplateSection) -> Section {
            let mut sec = Section {
                heading: s.heading.clone(),
                run_in: s.run_in,
                children: s.children.iter().map(skeleton).collect(),
                ..Section::default()
            };
            if let Some(t) = s.table.as_deref().and_then(disclosure::Statutory::from_id) {
                disclosure::open_with(&mut sec, t);
            }
            sec
        }
        let mut r = Report::new(&self.id, unit, year, period);
        r.title = r.proposed_title(&self.subject);
        r.sections = self.sections.iter().map(skeleton).collect();
        r
    }

    /// Guidance for the section at `path` (indices from the top level), if the template has
    /// one there.
    pub fn guidance_at(&self, path: &[usize]) -> Option<&Guidance> {
        let (first, rest) = path.split_first()?;
        let mut cur = self.sections.get(*first)?;
        for i in rest {
            cur = cur.children.get(*i)?;
        }
        Some(&cur.guidance)
    }

    /// Guidance for a section at `path` that the template may not have (a sub-item the clerk
    /// added, or one moved below the skeleton): the guidance of the deepest template section
    /// along `path`, with how many leading indices of `path` it answers (`path.len()` when the
    /// template has the section itself, less for an ancestor's). `None` when not even the
    /// top-level section is in the template, or `path` is empty.
    pub fn guidance_near(&self, path: &[usize]) -> Option<(&Guidance, usize)> {
        let mut cur = self.sections.get(*path.first()?)?;
        let mut depth = 1;
        for i in &path[1..] {
            match cur.children.get(*i) {
                Some(c) => {
                    cur = c;
                    depth += 1;
                }
                None => break,
            }
        }
        Some((&cur.guidance, depth))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_parse_and_have_guidance_everywhere() {
        let all = all();
        assert!(all.len() >= 2);
        fn check(s: &TemplateSection) {
            assert!(!s.guidance.what.is_empty() && !s.guidance.example.is_empty());
            s.children.iter().for_each(check);
        }
        for t in &all {
            assert!(!t.opening.example.is_empty());
            t.sections.iter().for_each(check);
        }
        assert!(all.iter().any(|t| t.level == "乡镇"));
        assert!(all.iter().any(|t| t.level == "县直部门"));
    }

    #[test]
    fn instantiate_builds_the_skeleton() {
        let t = get("township-zwgk").unwrap();
        let r = t.instantiate("双河镇", 2024, "年度");
        assert_eq!(r.title, "双河镇2024年政务公开工作总结");
        assert_eq!(r.sections.len(), t.sections.len());
        assert_eq!(r.sections[0].children.len(), t.sections[0].children.len());
        assert!(r.sections[0].children[0].run_in);
        assert!(r.validate().is_ok());
        assert_eq!(
            t.guidance_at(&[0, 1]).unwrap(),
            &t.sections[0].children[1].guidance
        );
        assert!(t.guidance_at(&[9]).is_none());
        // A sub-item below the skeleton gets its nearest ancestor's guidance.
        assert_eq!(
            t.guidance_near(&[0, 1]),
            Some((t.guidance_at(&[0, 1]).unwrap(), 2))
        );
        assert_eq!(
            t.guidance_near(&[0, 1, 7, 2]),
            Some((t.guidance_at(&[0, 1]).unwrap(), 2))
        );
        assert_eq!(
            t.guidance_near(&[0, 99]),
            Some((t.guidance_at(&[0]).unwrap(), 1))
        );
        assert!(t.guidance_near(&[9, 0]).is_none());
        assert!(t.guidance_near(&[]).is_none());
    }

    #[test]
    fn proposed_titles_name_the_template_subject_and_leave_out_the_whole_year() {
        let t = &all()[0];
        assert_eq!(
            proposed_title(&t.id, " 双河镇 ", 2024, "全年"),
            format!("双河镇2024年{}", t.subject)
        );
        assert_eq!(
            proposed_title(&t.id, "双河镇", 2024, "上半年"),
            format!("双河镇2024年上半年{}", t.subject)
        );
        assert_eq!(
            proposed_title("", "双河镇", 2024, "年度"),
            "双河镇2024年工作总结"
        );
    }

    #[test]
    fn unknown_template_lists_the_known_ones() {
        let e = get("nope").unwrap_err();
        assert!(e.message.contains("township-zwgk"), "{}", e.message);
    }
}

//! Nothing is lost silently: over arbitrary pasted texts, every non-space character of the
//! normalised input is in the imported report, or in `ImportResult::removed` (with its reason),
//! and the report has nothing else but what `ImportResult::inserted` lists.

use gongwen::import::{import_text, normalised, ImportOptions, ImportResult, Log, Stage};
use gongwen::model::{Report, Section};
use proptest::prelude::*;

/// Non-space characters of `s` (what the accounting counts).
pub(crate) fn count(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Non-space characters the imported report `r` holds, in every part the importer fills.
pub(crate) fn kept(r: &Report) -> usize {
    fn walk(list: &[Section]) -> usize {
        list.iter()
            .map(|s| {
                count(&s.heading)
                    + s.paragraphs
                        .iter()
                        .map(|p| count(&p.plain()))
                        .sum::<usize>()
                    + walk(&s.children)
            })
            .sum()
    }
    count(&r.title)
        + r.subtitle.as_deref().map_or(0, count)
        + r.addressee.as_deref().map_or(0, count)
        + r.opening.iter().map(|p| count(p)).sum::<usize>()
        + walk(&r.sections)
        + r.attachments.iter().map(|a| count(a)).sum::<usize>()
        + count(&r.signature)
        + r.note.as_deref().map_or(0, count)
}

/// Both sides of the import's character accounting for `text` imported as `res`: (non-space
/// characters of the normalised input + those listed as inserted, those the report keeps +
/// those removed with a reason after normalisation). Equal when nothing was lost.
pub(crate) fn accounting(text: &str, res: &ImportResult) -> (usize, usize) {
    let normal = normalised(text, &mut Log::default());
    // What normalisation itself took out (page markers) is already absent from `normal`.
    let removed: usize = res
        .removed
        .iter()
        .filter(|r| r.stage != Stage::Normalise)
        .map(|r| count(&r.text))
        .sum();
    let inserted: usize = res.inserted.iter().map(|t| count(t)).sum();
    (count(&normal) + inserted, kept(&res.report) + removed)
}

/// Lines of the kinds clerks paste: titles, headings of every spelling, run-in headings,
/// sentences with half-width marks, web chrome, 范文 junk, Markdown, table cells, the ending.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("白河乡2024年政务公开工作总结".to_string()),
        Just("——以公开促落实".to_string()),
        Just("县政务公开办：".to_string()),
        Just("一、主要做法".to_string()),
        Just("二、下步打算".to_string()),
        Just("（一）完善制度。修订了审核办法。".to_string()),
        Just("（二）拓展平台".to_string()),
        Just("1.建立台账。每条信息都有记录。".to_string()),
        Just("2、用好公开栏".to_string()),
        Just("存在问题：".to_string()),
        Just("一是完善目录；二是加强培训。".to_string()),
        Just("全年发布信息XX条,群众满意度明显提高;".to_string()),
        Just("每周一至周五8:30—17:30开放(节假日除外)".to_string()),
        Just("首页 > 工作总结 > 政务公开".to_string()),
        Just(" 号: 000512345/202412-00018  信息分类: 政务公开".to_string()),
        Just("以下是小编收集的几篇总结，欢迎阅读收藏。".to_string()),
        Just("政务公开工作总结（六篇）".to_string()),
        Just("篇一".to_string()),
        Just("【大】【中】【小】 【打印】".to_string()),
        Just("# 青山镇2024年工作总结".to_string()),
        Just("### **（一）夯实基础。**镇里明确了分管领导。".to_string()),
        Just("- 专栏没有断档；".to_string()),
        Just("> 计划于年底前完成。".to_string()),
        Just("---".to_string()),
        Just("信息类别".to_string()),
        Just("1".to_string()),
        Just("0".to_string()),
        Just("附件：1.统计表".to_string()),
        Just("2.联络员名单".to_string()),
        Just("中共白河乡委员会 白河乡人民政府".to_string()),
        Just("2024年12月16日".to_string()),
        Just("二○二四年十二月三十日".to_string()),
        Just("（此件公开发布）".to_string()),
        Just("政務公開工作總結(jié)".to_string()),
        Just("共  个村， 召开 3 次".to_string()),
        Just("截至 2 025 年 10 月底，共 3 48 条 — 1 — ".to_string()),
        Just(String::new()),
        "[一二三（）()、，,。.:：;；?？!！ XxA-z0-9年月日镇乡县局*#>|｜—-]{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn input_characters_are_kept_or_removed(lines in prop::collection::vec(line(), 1..25)) {
        let text = lines.join("\n");
        prop_assume!(!text.trim_start().starts_with('{'));
        let Ok(res) = import_text(&text, &ImportOptions::default()) else {
            return Ok(());
        };
        let (input, output) = accounting(&text, &res);
        prop_assert_eq!(
            input,
            output,
            "report {:#?}\nremoved {:#?}\ninserted {:?}",
            res.report, res.removed, res.inserted
        );
    }
}

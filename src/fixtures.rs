//! Sample reports written by us (not taken from any real summary), for tests, benchmarks and
//! demos: every heading level, run-in headings, digits and Latin inside Chinese text,
//! attachments, signature and date. Deterministic: the same size gives the same report.

use crate::model::{Attachment, Date, Header, Item, Record, Report, Section, Status};

/// Body sentences, our own. Digit runs and Latin are deliberate (typesetting must keep
/// `482` together and set it in the Latin font).
const SENTENCES: &[&str] = &[
    "全年通过镇政府信息公开专栏主动公开各类信息482条，其中政策文件37件、工作动态215条。",
    "我们把政务公开工作纳入年度目标考核，由党政办每季度通报一次进展情况。",
    "对群众反映集中的低保、医保、养老保险等事项，在便民服务中心设置了专门的查询窗口。",
    "按照“谁制作、谁公开，谁获取、谁公开”的原则，明确了各站所的公开责任。",
    "在12个行政村的村务公开栏统一张贴惠农补贴发放名单，接受群众监督。",
    "组织镇村两级信息员开展业务培训3次，参训人员累计达156人次。",
    "镇政府门户网站全年访问量约2.6万次，较上年增长18%。",
    "依托微信公众号“双河发布”推送政策解读文章64篇，阅读量超过3万次。",
    "对涉及群众切身利益的重大决策，事前通过座谈会、公示等形式征求意见。",
    "信息发布前严格执行审核和保密审查，全年未发生失泄密事件。",
    "对上级转办的12345热线诉求，均在规定时限内办结并回复群众。",
    "财政预算、决算和“三公”经费情况按规定时间在网站专栏全文公开。",
    "建立了政务公开工作台账，对公开内容、时间和载体逐项登记。",
    "结合乡村振兴工作，及时公开产业扶持项目的申报条件、评审结果和资金使用情况。",
    "通过LED显示屏、宣传册和入户走访等方式，把政策送到群众身边。",
    "对申请人提出的政府信息公开申请，做到依法受理、按期答复、规范送达。",
];

fn paragraph(seed: usize, sentences: usize) -> String {
    (0..sentences)
        .map(|i| SENTENCES[(seed * 7 + i * 3) % SENTENCES.len()])
        .collect()
}

fn section(heading: &str, run_in: bool, paragraphs: Vec<String>) -> Section {
    Section {
        heading: heading.to_string(),
        run_in,
        paragraphs: paragraphs.into_iter().map(Item::from).collect(),
        ..Section::default()
    }
}

/// A report of roughly `pages` pages in the official layout. Measured on LibreOffice's
/// rendering of the DOCX: the fixed parts (title, opening, problems, plans, attachments,
/// signature) take about one page and each level-2 item about 8/15 of a page. Every heading
/// level and run-in headings occur from one page up.
pub fn sample_report(pages: usize) -> Report {
    let pages = pages.max(1);
    let mut r = Report::new("township-zwgk", "双河镇人民政府", 2024, "年度");
    r.opening = vec![format!(
        "2024年，我镇在县委、县政府的领导下，以公开为常态、不公开为例外，推动政务公开工作取得新进展。{}现将全年工作情况总结如下：",
        paragraph(0, 1)
    )];

    // Level-2 items under 一、, each with level-3 and level-4 children; repeated to size.
    let mut seed = 1;
    let mut next = |n: usize| {
        seed += 1;
        paragraph(seed, n)
    };
    let level2_titles = [
        "健全工作机制",
        "做好重点领域信息公开",
        "规范依申请公开",
        "拓宽公开渠道",
        "加强政策解读",
        "强化监督考核",
    ];
    let mut work = section("工作开展情况", false, vec![]);
    let items = ((pages - 1) * 15).div_ceil(8).max(3);
    for i in 0..items {
        let title = level2_titles[i % level2_titles.len()];
        let mut l2 = section(title, i % 2 == 0, vec![next(3), next(2)]);
        if i % 3 == 1 {
            let mut l3 = section("村级公开栏规范化建设", true, vec![next(2)]);
            l3.children
                .push(section("统一版面和栏目", false, vec![next(1)]));
            l3.children
                .push(section("明确更新时限", true, vec![next(1)]));
            l2.children.push(l3);
            l2.children
                .push(section("政务新媒体管理", true, vec![next(2)]));
        }
        work.children.push(l2);
    }
    r.sections.push(work);
    r.sections.push(section(
        "存在的问题",
        false,
        vec![
            "一是个别村公开栏更新不够及时，内容不够全面。".to_string(),
            "二是政策解读以文字为主，图解、音视频等形式运用较少。".to_string(),
        ],
    ));
    let mut plan = section("下一步工作打算", false, vec![]);
    plan.children
        .push(section("加强业务培训", true, vec![next(1)]));
    plan.children
        .push(section("强化监督考核", true, vec![next(1)]));
    r.sections.push(plan);

    r.attachments = vec![
        "双河镇2024年政务公开工作台账".into(),
        "双河镇2024年依申请公开办理情况统计表".into(),
    ];
    r.signature = "双河镇人民政府".to_string();
    r.date = Date::new(2024, 12, 20);
    r.status = Status::Final;
    r
}

/// [`sample_report`] of `pages` pages sent upward as a formal 报告 (GB/T 9704-2012 §7.2,
/// §7.4): a 版头 with two 签发人, a 主送机关, two attachments with text of their own (a few
/// paragraphs each) and a 版记 with three 抄送 organs. Organs and names are invented.
pub fn formal_report(pages: usize) -> Report {
    let mut r = sample_report(pages);
    r.addressee = Some("双河县人民政府".to_string());
    r.header = Some(Header {
        organ: "双河镇人民政府文件".to_string(),
        number: "双政〔2024〕12号".to_string(),
        signers: vec!["李明远".to_string(), "王建华".to_string()],
    });
    r.record = Some(Record {
        cc: vec![
            "县政务公开办".to_string(),
            "县委办公室".to_string(),
            "县政府办公室".to_string(),
        ],
        printed_by: "双河镇党政综合办公室".to_string(),
        printed_on: Date::new(2024, 12, 21),
    });
    let texts = [paragraph(3, 2), paragraph(5, 3), paragraph(8, 2)];
    r.attachments = vec![
        Attachment {
            name: "双河镇2024年政务公开工作台账".to_string(),
            paragraphs: texts.iter().cloned().map(Item::from).collect(),
        },
        Attachment {
            name: "双河镇2024年依申请公开办理情况统计表".to_string(),
            paragraphs: texts[1..].iter().cloned().map(Item::from).collect(),
        },
    ];
    r
}

/// A filled-in 政府信息公开工作年度报告 of 2024 for 双河镇人民政府, every figure consistent:
/// the three statutory tables ([`crate::templates::disclosure`]) with numbers that add up
/// (table 三: 一 + 二 = 三（七） + 四 in every column, （七） the sum of its items, 总计 the sum
/// of the applicant columns; table 四: each 总计 the sum of its four results), and text whose
/// figures name the same numbers (本年新收政府信息公开申请5件 …). Last year's 结转 was 1 and the
/// 现行有效 规范性文件 were 8, so a 2023 report with those closing numbers fits it.
pub fn annual_disclosure_report() -> Report {
    use crate::templates::disclosure::{
        self, Statutory, THREE_CARRIED, THREE_CARRY_OVER, THREE_NEW, THREE_TOTAL,
    };
    let mut r = crate::templates::get(disclosure::KIND)
        .map(|t| t.instantiate("双河镇", 2024, "年度"))
        .unwrap_or_else(|_| Report::new(disclosure::KIND, "双河镇", 2024, "年度"));
    let set = |t: &mut crate::model::Table, row: usize, values: &[&str]| {
        let n = t.rows[row].len();
        for (k, v) in values.iter().enumerate() {
            t.rows[row][n - values.len() + k].set_text(v);
        }
    };
    let texts: [&[&str]; 6] = [
        &[
            "2024年，双河镇把政府信息公开作为转变作风的日常工作，全年在镇政府信息公开专栏主动公开信息126条。",
            "本年新收政府信息公开申请5件，上年结转1件，已办结5件，结转下年度继续办理1件。",
        ],
        &["本年度制发行政规范性文件2件、废止1件，现行有效的行政规范性文件9件。"],
        &["申请以群众个人申请为主，办理中没有收取信息处理费。"],
        &["本年度因政府信息公开引发行政复议1件，结果维持；没有发生行政诉讼。"],
        &["专栏部分栏目更新不够及时。明年由党政办每周检查一次，发现空档当周补齐。"],
        &["本年度未收取政府信息公开信息处理费。"],
    ];
    for (s, text) in r.sections.iter_mut().zip(texts) {
        s.paragraphs.extend(text.iter().map(|t| Item::from(*t)));
    }
    for st in Statutory::ALL {
        let Some(t) = r.sections[st.part()].paragraphs[0].table_mut() else {
            continue;
        };
        for (row, i) in st.number_cells() {
            t.rows[row][i].set_text("0");
        }
        match st {
            Statutory::Active => {
                set(t, 3, &["2", "1", "9"]);
                set(t, 6, &["41"]);
                set(t, 9, &["7"]);
                set(t, 13, &["2.5"]);
            }
            Statutory::Requests => {
                set(t, THREE_NEW, &["4", "1", "0", "0", "0", "0", "5"]);
                set(t, THREE_CARRIED, &["1", "0", "0", "0", "0", "0", "1"]);
                set(t, 5, &["3", "1", "0", "0", "0", "0", "4"]);
                set(t, 15, &["1", "0", "0", "0", "0", "0", "1"]);
                set(t, THREE_TOTAL, &["4", "1", "0", "0", "0", "0", "5"]);
                set(t, THREE_CARRY_OVER, &["1", "0", "0", "0", "0", "0", "1"]);
            }
            Statutory::Appeals => {
                // 行政复议: one case, 结果维持; no 行政诉讼.
                t.rows[3][0].set_text("1");
                t.rows[3][4].set_text("1");
            }
        }
    }
    r.signature = "双河镇人民政府".to_string();
    r.date = Date::new(2025, 1, 20);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{body_blocks, Block};

    #[test]
    fn every_level_and_run_in_occur() {
        let r = sample_report(5);
        assert!(r.validate().is_ok());
        let blocks = body_blocks(&r);
        for level in 1..=4 {
            assert!(
                blocks.iter().any(|b| matches!(b,
                    Block::Heading { level: l, .. } | Block::RunIn { level: l, .. } if *l == level)),
                "level {level}"
            );
        }
        assert!(blocks.iter().any(|b| matches!(b, Block::RunIn { .. })));
        assert_eq!(sample_report(5), sample_report(5));
    }

    #[test]
    fn size_grows_with_pages() {
        let chars = |r: &Report| serde_json::to_string(r).unwrap().chars().count();
        let (a, b) = (chars(&sample_report(10)), chars(&sample_report(100)));
        assert!(b > a * 8, "{a} {b}");
    }
}

//! The parts of a formal 报告 (GB/T 9704-2012 §7.2, §7.4): the 发文字号 in the form
//! `X政〔2024〕12号` (六角括号, no `第`, no leading zero, §7.2.5), 签发人 on a 报告 sent upward
//! (§7.2.6), 抄送 names one organ each (the exporters join them with `，` and end with `。`,
//! §7.4.2), and the 印发日期 not before the 成文日期 (§7.4.3).

use super::location::Location;
use super::{codes, Finding, Severity};
use crate::model::Report;

/// Why a 发文字号 is not in the `X政〔2024〕12号` form, or `None` when it is.
pub fn number_problem(number: &str) -> Option<String> {
    let n = number.trim();
    if n.is_empty() {
        return Some("发文字号为空，应写作“青政〔2024〕12号”的形式。".into());
    }
    if n.contains('第') {
        return Some(format!(
            "发文字号“{n}”中不加“第”字（GB/T 9704-2012 §7.2.5）。"
        ));
    }
    let (Some(open), Some(close)) = (n.find('〔'), n.find('〕')) else {
        return Some(format!(
            "发文字号“{n}”的年份应使用六角括号“〔〕”，写作“青政〔2024〕12号”（GB/T 9704-2012 §7.2.5）。"
        ));
    };
    let year = &n[open + '〔'.len_utf8()..close.max(open + '〔'.len_utf8())];
    let rest = &n[close + '〕'.len_utf8()..];
    let serial = rest.strip_suffix('号').unwrap_or("");
    if open == 0 || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!(
            "发文字号“{n}”应由机关代字、六角括号内的四位年份和序号组成，如“青政〔2024〕12号”。"
        ));
    }
    if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!(
            "发文字号“{n}”的序号应为阿拉伯数字并以“号”结尾，如“〔2024〕12号”。"
        ));
    }
    if serial.starts_with('0') {
        return Some(format!(
            "发文字号“{n}”的序号不编虚位（“1号”而非“01号”，GB/T 9704-2012 §7.2.5）。"
        ));
    }
    None
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    if let Some(h) = &report.header {
        if h.organ.trim().is_empty() {
            out.push(Finding::new(
                Severity::Error,
                codes::FORMAL_HEADER,
                Location::Header,
                "版头缺少发文机关标志（如“青石镇人民政府文件”）。",
            ));
        }
        if let Some(m) = number_problem(&h.number) {
            out.push(Finding::new(
                Severity::Error,
                codes::DOCUMENT_NUMBER,
                Location::Header,
                m,
            ));
        }
        if h.signers.iter().all(|s| s.trim().is_empty()) {
            out.push(Finding::new(
                Severity::Error,
                codes::MISSING_SIGNER,
                Location::Header,
                "报告是上行文，版头应标注签发人（GB/T 9704-2012 §7.2.6）。",
            ));
        }
        if report
            .addressee
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
        {
            out.push(Finding::new(
                Severity::Warning,
                codes::MISSING_ADDRESSEE,
                Location::Addressee,
                "正式报告应写主送机关，即报送的上级机关，如“县人民政府”（GB/T 9704-2012 §7.3.2）。",
            ));
        }
    }
    let Some(r) = &report.record else {
        return;
    };
    for c in &r.cc {
        let c = c.trim();
        if c.contains(['，', '、', ',', '；', ';']) || c.ends_with(['。', '.']) {
            out.push(Finding::new(
                Severity::Warning,
                codes::CC_FORM,
                Location::Record,
                format!(
                    "抄送机关“{c}”：每项只写一个机关，不加标点；导出时以“，”分隔、以“。”结尾（GB/T 9704-2012 §7.4.2）。"
                ),
            ));
        }
    }
    if r.printed_by.trim().is_empty() || r.printed_on.is_none() {
        out.push(Finding::new(
            Severity::Warning,
            codes::FORMAL_RECORD,
            Location::Record,
            "版记应有印发机关和印发日期（GB/T 9704-2012 §7.4.3）。",
        ));
    }
    if let (Some(on), Some(date)) = (r.printed_on, report.date) {
        if on < date {
            out.push(Finding::new(
                Severity::Error,
                codes::PRINTED_BEFORE_DATE,
                Location::Record,
                format!(
                    "印发日期{}早于成文日期{}。",
                    on.to_chinese(),
                    date.to_chinese()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Header, Record};

    #[test]
    fn document_numbers() {
        assert_eq!(number_problem("青政〔2024〕12号"), None);
        assert!(number_problem("青政[2024]12号")
            .unwrap()
            .contains("六角括号"));
        assert!(number_problem("青政（2024）12号")
            .unwrap()
            .contains("六角括号"));
        assert!(number_problem("青政〔2024〕第12号").unwrap().contains("第"));
        assert!(number_problem("青政〔2024〕012号")
            .unwrap()
            .contains("虚位"));
        assert!(number_problem("青政〔24〕12号").unwrap().contains("四位"));
        assert!(number_problem("〔2024〕12号").is_some());
        assert!(number_problem("青政〔2024〕12").is_some());
    }

    #[test]
    fn a_formal_report_names_its_addressee() {
        let mut r = Report::new("x", "青石镇人民政府", 2024, "年度");
        let codes_of = |r: &Report| {
            let mut out = Vec::new();
            check(r, &mut out);
            out.into_iter().map(|f| f.code).collect::<Vec<_>>()
        };
        assert!(!codes_of(&r).contains(&codes::MISSING_ADDRESSEE.to_string()));
        r.header = Some(Header::default());
        assert!(codes_of(&r).contains(&codes::MISSING_ADDRESSEE.to_string()));
        r.addressee = Some("县人民政府".into());
        assert!(!codes_of(&r).contains(&codes::MISSING_ADDRESSEE.to_string()));
    }

    #[test]
    fn signers_cc_and_printing_date() {
        let mut r = Report::new("x", "青石镇人民政府", 2024, "年度");
        r.date = Date::new(2024, 12, 20);
        r.addressee = Some("县人民政府".into());
        r.header = Some(Header {
            organ: "青石镇人民政府".into(),
            number: "青政〔2024〕12号".into(),
            signers: vec![],
        });
        r.record = Some(Record {
            cc: vec!["县政府办，县财政局".into(), "县统计局".into()],
            printed_by: "青石镇党政综合办公室".into(),
            printed_on: Date::new(2024, 12, 19),
        });
        let mut out = Vec::new();
        check(&r, &mut out);
        let codes: Vec<&str> = out.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                codes::MISSING_SIGNER,
                codes::CC_FORM,
                codes::PRINTED_BEFORE_DATE
            ]
        );
        r.header.as_mut().unwrap().signers = vec!["王某".into()];
        r.record.as_mut().unwrap().cc = vec!["县政府办".into()];
        r.record.as_mut().unwrap().printed_on = Date::new(2024, 12, 20);
        out.clear();
        check(&r, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}

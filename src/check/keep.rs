//! The 落款 on a page without body text: the typesetter keeps the signing unit and the date
//! with the body by a tighter line pitch on the last page or by carrying the last body
//! paragraphs over (GB/T 9704-2012 §7.3.5); when neither can work (the closing parts with the
//! last lines of the body are longer than a page), the clerk has to shorten something.

use super::location::Location;
use super::{codes, Finding, Severity};
use crate::model::Report;
use crate::spec::Spec;
use crate::typeset::{typeset, FixedMetrics, Keep};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    // The official layout, measured as the DOCX exporter measures it (the PDF's embedded
    // Latin faces are metric-compatible with this table).
    let keep = typeset(report, &Spec::official(), &FixedMetrics).keep;
    if let Keep::Alone { .. } = keep {
        out.push(Finding::new(
            Severity::Error,
            codes::SIGNATURE_ALONE,
            Location::Signature,
            "落款（署名和成文日期）所在的一页没有正文：收紧行距、把正文末段移到下一页都不能让落款与正文同页。请精简附件说明或正文末尾，使落款与正文在同一页。",
        ));
    }
}

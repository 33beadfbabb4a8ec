//! Import of a paste must never panic, whatever the text; what it yields must export.
#![no_main]

use gongwen::import::{import_text, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(res) = import_text(&text, &ImportOptions::default()) {
        let _ = gongwen::export::docx::docx_bytes(&res.report, &gongwen::spec::Spec::official());
    }
});

//! Import of a dropped file's bytes (text in any encoding, .docx, JSON) must never panic.
#![no_main]

use gongwen::import::{import_bytes, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the name the bytes arrive under.
    let Some((pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["paste.txt", "范文.docx", "report.json", "noext"][*pick as usize % 4];
    let _ = import_bytes(bytes, name, &ImportOptions::default());
});

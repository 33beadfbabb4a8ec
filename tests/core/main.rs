//! Core library tests without a document renderer: checks, import (pasted text, files, the
//! real samples and field inputs, nothing lost silently, the preview's lines and their rebuild), next-year carry-over, the 政府信息公开工作年度报告 kind with its statutory tables, and the
//! typesetter's grid. One test binary, so the
//! crate is linked once for all of them.

mod annual_disclosure;
mod check_findings;
mod check_next_year;
mod check_tables;
mod import_accounting;
mod import_bad_input;
mod import_field;
mod import_fixtures;
mod import_lines;
mod import_samples;
mod typeset_grid;

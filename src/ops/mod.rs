//! Operations: what one action of the clerk does, combining the modules below it (`store`,
//! `check`, `import`, `export`, `print`, `templates`, `fonts`). The app's IPC commands and the
//! CLI both call these, so an action behaves the same in both and is tested headless; the app
//! layer only translates arguments and results.
//!
//! Rules every operation here keeps:
//! - Its inputs are explicit — the [`Store`](crate::store::Store), the data folder (through
//!   [`Fonts`]), the paths to read or write. No global state, no environment look-ups.
//! - One user action is one transaction: an edit and the version kept before it are written
//!   together or not at all, and the ids of sections the action did not touch stay as they
//!   were (the app keeps its place in the tree by them).
//! - Errors are [`crate::Error`] values with a Chinese message; bad input is
//!   `ErrorKind::Input`, a disk or database failure `ErrorKind::Storage`.

mod edits;
mod fixes;
mod fonts;
mod next_year;
mod output;
mod pane;
mod tables;
mod text;

pub use edits::{add_section, create_from_template, run_checks, tree_op, TreeOp};
pub use fixes::{
    apply_fix, apply_fixes, fill_placeholder, fix_all, FixesApplied, VERSION_BEFORE_FIX_ALL,
};
pub use fonts::{import_font, is_font_file, FontReport, FontRow, Fonts};
pub use next_year::new_from_last_year;
pub use output::{
    export, print_file_name, print_report, print_setup, show_in_folder, Format, PrintSetup,
};
pub use pane::pane_view;
pub use tables::{fill_table_totals, last_year_report, TotalsFilled, VERSION_BEFORE_TOTALS};
pub use text::plain_text;

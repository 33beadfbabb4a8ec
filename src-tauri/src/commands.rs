//! IPC commands. Each one translates its arguments, calls one core operation (`gongwen::ops` or
//! a store method) and returns its result; errors cross as `{kind, message}` (the serialised
//! `gongwen::Error`), so the UI can tell a full disk from a bad input. Commands that render or
//! touch files are `async` so that Tauri runs them off the main thread and the window keeps
//! painting (and the IME keeps composing) meanwhile.

use gongwen::check::{self, Finding, Fix, Placeholder, WordList};
use gongwen::import::{self, ImportOptions, ImportResult, Line};
use gongwen::model::{PageNumbers, Report};
use gongwen::ops::{self, FixesApplied, FontReport, Fonts, Format, PrintSetup, TreeOp};
use gongwen::pane::{PaneRequest, PaneView};
use gongwen::print::PrintOptions;
use gongwen::spec::DocxFontNames;
use gongwen::store::{
    self, CarryItem, ReportMeta, ReportSummary, Store, VersionInfo, VersionSaved,
};
use gongwen::templates::{self, Template};
use gongwen::Error;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, State};

use crate::files::{self, Granted, Purpose};

pub struct AppState {
    store: Mutex<Store>,
    /// What the careful start found (a recovered database, a failed backup), shown once.
    startup_notices: Vec<String>,
    /// The PDF exporter of the data folder (fonts found once, again after a font import).
    fonts: Fonts,
    /// Files the clerk chose in a dialog; the only paths file commands accept.
    granted: Granted,
}

type Res<T> = Result<T, Error>;

impl AppState {
    /// Opens the store in `dir` (`GONGWEN_DATA_DIR` or the OS data folder — the same file the CLI
    /// uses) through the core's careful start: integrity check, recovery of a damaged database from
    /// the newest good backup, and the daily backup.
    pub fn open(dir: PathBuf) -> gongwen::Result<AppState> {
        let (store, report) = store::open_with_care(&dir)?;
        let mut startup_notices = report.notices;
        startup_notices.extend(report.backup_error);
        Ok(AppState {
            store: Mutex::new(store),
            startup_notices,
            fonts: Fonts::new(&dir),
            granted: Granted::default(),
        })
    }

    /// Runs `f` on the store, under its lock (one command at a time writes).
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> gongwen::Result<T>) -> Res<T> {
        let mut s = self.store.lock().map_err(|_| {
            Error::internal(
                "内部错误：数据库锁已失效，请重启程序。",
                "store lock poisoned",
            )
        })?;
        f(&mut s)
    }

    /// Report `id` as a value, the store's lock released again (for rendering, which takes a
    /// moment that autosave must not wait through).
    fn report(&self, id: i64) -> Res<Report> {
        self.with(|s| s.load(id))
    }
}

#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    version: &'static str,
    database: String,
    schema_version: u32,
    /// Chinese sentences from the start (e.g. a damaged database recovered from a backup).
    notices: Vec<String>,
}

#[tauri::command]
pub fn app_info(state: State<AppState>) -> Res<AppInfo> {
    state.with(|s| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            database: s.path().display().to_string(),
            schema_version: s.schema_version()?,
            notices: state.startup_notices.clone(),
        })
    })
}

// ---- report list -------------------------------------------------------------------------

#[tauri::command]
pub fn list_reports(state: State<AppState>) -> Res<Vec<ReportSummary>> {
    state.with(|s| s.list())
}

#[tauri::command]
pub fn list_trash(state: State<AppState>) -> Res<Vec<ReportSummary>> {
    state.with(|s| s.list_trash())
}

#[tauri::command]
pub fn list_templates() -> Vec<Template> {
    templates::all()
}

#[tauri::command]
pub fn create_report(
    state: State<AppState>,
    kind: String,
    unit: String,
    year: i32,
    period: String,
) -> Res<i64> {
    state.with(|s| ops::create_from_template(s, &kind, &unit, year, &period, None))
}

/// Stores a report the clerk accepted after an import preview.
#[tauri::command]
pub fn create_from(state: State<AppState>, report: Report) -> Res<i64> {
    state.with(|s| s.create(&report))
}

#[tauri::command]
pub fn load_report(state: State<AppState>, id: i64) -> Res<Report> {
    state.with(|s| s.load(id))
}

/// The list line of one report: its list name (the export's proposed file name) and the step
/// it was left at.
#[tauri::command]
pub fn report_summary(state: State<AppState>, id: i64) -> Res<ReportSummary> {
    state.with(|s| s.summary(id))
}

/// 改名 in the list: the name the list shows, not the printed title.
#[tauri::command]
pub fn rename_report(state: State<AppState>, id: i64, name: String) -> Res<()> {
    state.with(|s| s.rename(id, &name))
}

/// Remembers the editor step (1–6) the clerk is on, where the report opens next time.
#[tauri::command]
pub async fn set_last_step(state: State<'_, AppState>, id: i64, step: u8) -> Res<()> {
    state.with(|s| s.set_last_step(id, step))
}

#[tauri::command]
pub fn duplicate_report(state: State<AppState>, id: i64) -> Res<i64> {
    state.with(|s| s.duplicate(id))
}

#[tauri::command]
pub fn trash_report(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.trash(id))
}

#[tauri::command]
pub fn restore_report(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.restore(id))
}

#[tauri::command]
pub fn purge_report(state: State<AppState>, id: i64) -> Res<()> {
    state.with(|s| s.purge(id))
}

#[tauri::command]
pub fn new_from_last_year(state: State<AppState>, id: i64) -> Res<i64> {
    state.with(|s| ops::new_from_last_year(s, id))
}

// ---- editing -----------------------------------------------------------------------------
// The autosave commands are `async` so that their commit (one fsync, 4–8 ms when the disk is
// busy) runs off the main thread, which keeps painting and composing while the clerk types.
// The UI awaits pending saves (`flushAll`) before any structural change, so order is kept.

#[tauri::command]
pub async fn update_meta(state: State<'_, AppState>, id: i64, meta: ReportMeta) -> Res<()> {
    state.with(|s| s.update_meta(id, &meta))
}

#[tauri::command]
pub async fn set_opening(state: State<'_, AppState>, id: i64, paragraphs: Vec<String>) -> Res<()> {
    state.with(|s| s.set_opening(id, &paragraphs).map(|_| ()))
}

#[tauri::command]
pub async fn update_section(
    state: State<'_, AppState>,
    node: i64,
    heading: String,
    run_in: bool,
) -> Res<()> {
    state.with(|s| s.update_section(node, &heading, run_in))
}

#[tauri::command]
pub async fn set_paragraphs(
    state: State<'_, AppState>,
    node: i64,
    paragraphs: Vec<gongwen::model::Item>,
) -> Res<()> {
    state.with(|s| s.set_section_paragraphs(node, &paragraphs).map(|_| ()))
}

/// Adds a section (under `parent`, at the end) and returns the report as stored.
#[tauri::command]
pub fn add_section(
    state: State<AppState>,
    id: i64,
    parent: Option<i64>,
    heading: String,
) -> Res<Report> {
    state.with(|s| ops::add_section(s, id, parent, &heading))
}

/// One change to the section tree; returns the report as stored (numbers re-derived).
#[tauri::command]
pub fn tree_op(state: State<AppState>, id: i64, node: i64, op: TreeOp) -> Res<Report> {
    state.with(|s| ops::tree_op(s, id, node, op))
}

/// A structural change of a table (rows, columns, merged cells) worked out by the core; the
/// editor saves the returned table with the section's other items.
#[tauri::command]
pub fn table_edit(
    table: gongwen::model::Table,
    edit: gongwen::model::TableEdit,
) -> Res<gongwen::model::Table> {
    table.edited(edit).map_err(Error::input)
}

// ---- versions ----------------------------------------------------------------------------

/// 保存版本 (Ctrl+S): a new version only when the report changed since the newest one.
#[tauri::command]
pub fn save_version(state: State<AppState>, id: i64, name: String) -> Res<VersionSaved> {
    state.with(|s| s.save_version_if_changed(id, &name))
}

#[tauri::command]
pub fn rename_version(state: State<AppState>, version: i64, name: String) -> Res<()> {
    state.with(|s| s.rename_version(version, &name))
}

/// The text of a version, to read before 恢复.
#[tauri::command]
pub fn version_text(state: State<AppState>, version: i64) -> Res<String> {
    state.with(|s| Ok(gongwen::ops::plain_text(&s.version_report(version)?.1)))
}

#[tauri::command]
pub fn list_versions(state: State<AppState>, id: i64) -> Res<Vec<VersionInfo>> {
    state.with(|s| s.list_versions(id))
}

#[tauri::command]
pub fn restore_version(state: State<AppState>, version: i64) -> Res<i64> {
    state.with(|s| s.restore_version(version))
}

// ---- drafting aids ---------------------------------------------------------------------

#[tauri::command]
pub fn run_checks(state: State<AppState>, id: i64) -> Res<Vec<Finding>> {
    state.with(|s| ops::run_checks(s, id))
}

#[tauri::command]
pub fn apply_fix(state: State<AppState>, id: i64, fix: Fix) -> Res<Report> {
    state.with(|s| ops::apply_fix(s, id, &fix))
}

/// Applies many fixes at once; a named version is kept first (same transaction) so that
/// 历史版本 can undo it.
#[tauri::command]
pub fn apply_fixes(state: State<AppState>, id: i64, fixes: Vec<Fix>) -> Res<FixesApplied> {
    state.with(|s| ops::apply_fixes(s, id, &fixes))
}

/// Fills the totals of the statutory tables (表三, 表四) from their parts; a named version is
/// kept first when a cell changes (ops::fill_table_totals).
#[tauri::command]
pub fn fill_table_totals(state: State<AppState>, id: i64) -> Res<Report> {
    state.with(|s| ops::fill_table_totals(s, id).map(|t| t.report))
}

#[tauri::command]
pub fn list_placeholders(state: State<AppState>, id: i64) -> Res<Vec<Placeholder>> {
    state.with(|s| Ok(check::placeholders(&s.load(id)?)))
}

#[tauri::command]
pub fn fill_placeholder(
    state: State<AppState>,
    id: i64,
    placeholder: Placeholder,
    value: String,
) -> Res<Report> {
    state.with(|s| ops::fill_placeholder(s, id, &placeholder, &value))
}

#[tauri::command]
pub async fn import_text(text: String, options: ImportOptions) -> Res<ImportResult> {
    import::import_text(&text, &options)
}

/// The report built from the import preview's lines as the clerk corrected them.
#[tauri::command]
pub async fn import_rebuild(lines: Vec<Line>, options: ImportOptions) -> Res<ImportResult> {
    import::rebuild(&lines, &options)
}

#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: String,
    options: ImportOptions,
) -> Res<ImportResult> {
    import::import_file(&state.granted.check(&path)?, &options)
}

/// Opens the native dialog for `purpose` (`name`: the proposed name when saving) and returns
/// the chosen path, which the file commands then accept; `None` when the clerk cancels.
#[tauri::command]
pub async fn choose_file(
    app: AppHandle,
    state: State<'_, AppState>,
    purpose: Purpose,
    name: Option<String>,
) -> Res<Option<String>> {
    files::choose(&app, &state.granted, purpose, name.as_deref().unwrap_or(""))
}

#[tauri::command]
pub fn carry_checklist(state: State<AppState>, id: i64) -> Res<Vec<CarryItem>> {
    state.with(|s| s.carry_checklist(id))
}

#[tauri::command]
pub fn set_carry_done(state: State<AppState>, item: i64, done: bool) -> Res<()> {
    state.with(|s| s.set_carry_done(item, done))
}

#[tauri::command]
pub fn word_list(state: State<AppState>) -> Res<WordList> {
    state.with(|s| s.word_list())
}

#[tauri::command]
pub fn add_word(state: State<AppState>, wrong: String, right: String, note: String) -> Res<i64> {
    state.with(|s| s.add_word(&wrong, &right, &note))
}

#[tauri::command]
pub fn remove_word(state: State<AppState>, word: i64) -> Res<()> {
    state.with(|s| s.remove_word(word))
}

/// The page-number style new reports start with (设置).
#[tauri::command]
pub fn default_page_numbers(state: State<AppState>) -> Res<PageNumbers> {
    state.with(|s| s.default_page_numbers())
}

#[tauri::command]
pub fn set_default_page_numbers(state: State<AppState>, style: PageNumbers) -> Res<()> {
    state.with(|s| s.set_default_page_numbers(&style))
}

// ---- preview, export, print --------------------------------------------------------------

/// The live preview pane's view of the report as it stands on screen (edits not yet saved
/// included): page hashes, the pages asked for that changed, field starts, warnings.
#[tauri::command]
pub async fn pane_view(
    state: State<'_, AppState>,
    report: Report,
    request: PaneRequest,
) -> Res<PaneView> {
    ops::pane_view(&report, &state.fonts, &request)
}

/// Which font each role resolves to.
#[tauri::command]
pub async fn font_report(state: State<'_, AppState>) -> Res<FontReport> {
    state.fonts.report()
}

/// Copies a font file the clerk picked into `<data dir>/fonts/` (where the exporter looks for
/// imported fonts) and returns the fonts as now resolved.
#[tauri::command]
pub async fn import_font(state: State<'_, AppState>, path: String) -> Res<FontReport> {
    state.fonts.import(&state.granted.check(&path)?)
}

/// The font names the DOCX gives 仿宋/楷体 (设置 → Word 字体): `"gb2312"` or `"plain"`.
#[tauri::command]
pub fn docx_font_names(state: State<AppState>) -> Res<DocxFontNames> {
    state.with(|s| s.docx_font_names())
}

#[tauri::command]
pub fn set_docx_font_names(state: State<AppState>, names: DocxFontNames) -> Res<()> {
    state.with(|s| s.set_docx_font_names(names))
}

#[tauri::command]
pub async fn export_docx(state: State<'_, AppState>, id: i64, path: String) -> Res<()> {
    let out = state.granted.check(&path)?;
    let (report, names) = state.with(|s| Ok((s.load(id)?, s.docx_font_names()?)))?;
    ops::export(&report, &state.fonts, Format::Docx(names), &out)
}

#[tauri::command]
pub async fn export_pdf(state: State<'_, AppState>, id: i64, path: String) -> Res<()> {
    let out = state.granted.check(&path)?;
    ops::export(&state.report(id)?, &state.fonts, Format::Pdf, &out)
}

/// 打开所在文件夹 after an export: the system's file manager on the folder of `path`, which
/// must be a file the clerk chose in the save dialog.
#[tauri::command]
pub async fn show_in_folder(state: State<'_, AppState>, path: String) -> Res<()> {
    ops::show_in_folder(&state.granted.check(&path)?)
}

#[tauri::command]
pub async fn list_printers() -> Res<PrintSetup> {
    ops::print_setup()
}

/// Prints report `id`: renders its PDF, then sends it to CUPS (or opens the system viewer).
/// Returns the job id ("" when a viewer was opened).
#[tauri::command]
pub async fn print_report(
    state: State<'_, AppState>,
    id: i64,
    options: Option<PrintOptions>,
) -> Res<String> {
    let report = state.report(id)?;
    ops::print_report(
        &report,
        &state.fonts,
        options.as_ref(),
        &std::env::temp_dir(),
    )
}

/// The title proposed for a report of `kind` from the unit, year and period on screen (the
/// clerk's 重新生成标题), as the core proposes it for a new report.
#[tauri::command]
pub fn propose_title(kind: String, unit: String, year: i32, period: String) -> String {
    templates::proposed_title(&kind, &unit, year, &period)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app finds its database exactly where the CLI does (GONGWEN_DATA_DIR), so a report
    /// made by one is seen by the other.
    #[test]
    fn app_state_opens_the_cli_store() {
        let dir = std::env::temp_dir().join(format!("gongwen-app-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_var("GONGWEN_DATA_DIR", &dir);
        let id = Store::open_dir(&dir)
            .unwrap()
            .create(&gongwen::fixtures::sample_report(1))
            .unwrap();
        let state = AppState::open(store::data_dir(None).unwrap()).unwrap();
        let list = state.with(|s| s.list()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, id);

        // A stale fix changes nothing and says so in Chinese, as an input error the UI can
        // tell from a storage failure.
        let before = state.with(|s| s.load(id)).unwrap();
        let fix = Fix {
            label: "x".into(),
            location: gongwen::check::Location::Title,
            action: gongwen::check::FixAction::Replace {
                start: 0,
                end: 1,
                expected: "不存在的字".into(),
                replacement: "y".into(),
            },
        };
        let err = state.with(|s| ops::apply_fix(s, id, &fix)).unwrap_err();
        assert!(err.message.contains("改动"), "{err}");
        assert_eq!(
            serde_json::to_value(&err).unwrap()["kind"],
            serde_json::json!("input")
        );
        assert_eq!(state.with(|s| s.load(id)).unwrap(), before);
        std::fs::remove_dir_all(&dir).ok();
    }
}

//! IPC commands. Each one is a few lines: call the core, map its error to its Chinese message.
//! Commands that render or touch files are `async` so that Tauri runs them off the main
//! thread and the window keeps painting (and the IME keeps composing) meanwhile.

use gongwen::check::{self, Finding, Fix, Placeholder};
use gongwen::export::pdf::PdfExporter;
use gongwen::fonts::FontSet;
use gongwen::import::{self, ImportOptions, ImportResult, Line};
use gongwen::model::{PageNumbers, Report};
use gongwen::print::{self, PrintMethod, PrintOptions, Printer};
use gongwen::spec::{DocxFontNames, Spec};
use gongwen::store::{self, CarryItem, ReportMeta, ReportSummary, Store, VersionInfo};
use gongwen::templates::{self, Template};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::ipc::Response;
use tauri::{AppHandle, State};

use crate::files::{self, Granted, Purpose};

pub struct AppState {
    store: Mutex<Store>,
    data_dir: PathBuf,
    /// What the careful start found (a recovered database, a failed backup), shown once.
    startup_notices: Vec<String>,
    /// Fonts are found and parsed once (seconds), then every preview reuses them; reset when
    /// the clerk imports a font.
    pdf: Mutex<Option<PdfExporter>>,
    /// Files the clerk chose in a dialog; the only paths file commands accept.
    granted: Granted,
}

type Res<T> = Result<T, String>;

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
            data_dir: dir,
            startup_notices,
            pdf: Mutex::new(None),
            granted: Granted::default(),
        })
    }

    fn fonts_dir(&self) -> PathBuf {
        self.data_dir.join("fonts")
    }

    /// The PDF exporter, created on first use (system fonts, then imported, then bundled).
    fn exporter(&self) -> Res<PdfExporter> {
        let mut slot = self
            .pdf
            .lock()
            .map_err(|_| "内部错误：字体缓存已失效，请重启程序。".to_string())?;
        if let Some(e) = slot.as_ref() {
            return Ok(e.clone());
        }
        let dir = self.fonts_dir();
        let fonts = FontSet::discover(dir.is_dir().then_some(dir.as_path())).map_err(msg)?;
        let e = PdfExporter::new(fonts);
        *slot = Some(e.clone());
        Ok(e)
    }

    fn with<T>(&self, f: impl FnOnce(&mut Store) -> gongwen::Result<T>) -> Res<T> {
        let mut s = self
            .store
            .lock()
            .map_err(|_| "内部错误：数据库锁已失效，请重启程序。".to_string())?;
        f(&mut s).map_err(|e| e.message)
    }

    /// Loads report `id`, changes it with `f`, stores the whole report again and returns it
    /// (used by one-click fixes and placeholder filling, which work on the report as a value).
    fn edit(&self, id: i64, f: impl FnOnce(&mut Report) -> gongwen::Result<()>) -> Res<Report> {
        self.with(|s| {
            let mut r = s.load(id)?;
            f(&mut r)?;
            s.replace(id, &r)?;
            s.load(id)
        })
    }

    /// A scratch file for the preview and print jobs, private to this process.
    fn scratch(&self, name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("gongwen-{}-{name}", std::process::id()))
    }
}

fn msg(e: gongwen::Error) -> String {
    e.message
}

#[derive(Serialize)]
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
    let t = templates::get(&kind).map_err(msg)?;
    let mut r = t.instantiate(unit.trim(), year, &period);
    state.with(|s| {
        s.apply_defaults(&mut r)?;
        s.create(&r)
    })
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

#[tauri::command]
pub fn rename_report(state: State<AppState>, id: i64, title: String) -> Res<()> {
    state.with(|s| s.rename(id, &title))
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
    state.with(|s| s.new_from_last_year(id))
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
    paragraphs: Vec<String>,
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
    state.with(|s| {
        s.add_section(id, parent, None, &heading)?;
        s.load(id)
    })
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum TreeOp {
    Remove,
    Up,
    Down,
    Indent,
    Outdent,
}

/// One change to the section tree; returns the report as stored (numbers re-derived).
#[tauri::command]
pub fn tree_op(state: State<AppState>, id: i64, node: i64, op: TreeOp) -> Res<Report> {
    state.with(|s| {
        match op {
            TreeOp::Remove => s.remove_section(node)?,
            TreeOp::Up => s.move_up(node)?,
            TreeOp::Down => s.move_down(node)?,
            TreeOp::Indent => s.indent(node)?,
            TreeOp::Outdent => s.outdent(node)?,
        }
        s.load(id)
    })
}

// ---- versions ----------------------------------------------------------------------------

#[tauri::command]
pub fn save_version(state: State<AppState>, id: i64, name: String) -> Res<i64> {
    state.with(|s| s.save_version(id, &name))
}

#[tauri::command]
pub fn list_versions(state: State<AppState>, id: i64) -> Res<Vec<VersionInfo>> {
    state.with(|s| s.list_versions(id))
}

#[tauri::command]
pub fn restore_version(state: State<AppState>, version: i64) -> Res<i64> {
    state.with(|s| s.restore_version(version))
}

// ---- drafting aids (issue 6) -------------------------------------------------------------

#[tauri::command]
pub fn run_checks(state: State<AppState>, id: i64) -> Res<Vec<Finding>> {
    state.with(|s| {
        let words = s.word_list()?;
        Ok(check::run(&s.load(id)?, &words))
    })
}

#[tauri::command]
pub fn apply_fix(state: State<AppState>, id: i64, fix: Fix) -> Res<Report> {
    state.edit(id, |r| check::apply_fix(r, &fix))
}

#[derive(Serialize)]
pub struct FixesApplied {
    report: Report,
    applied: usize,
}

/// Applies many fixes at once; a named version is kept first so that 历史版本 can undo it.
#[tauri::command]
pub fn apply_fixes(state: State<AppState>, id: i64, fixes: Vec<Fix>) -> Res<FixesApplied> {
    state.with(|s| {
        s.save_version(id, "全部一键修正之前")?;
        let mut r = s.load(id)?;
        let applied = check::apply_fixes(&mut r, &fixes);
        s.replace(id, &r)?;
        Ok(FixesApplied {
            report: s.load(id)?,
            applied,
        })
    })
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
    state.edit(id, |r| check::fill_placeholder(r, &placeholder, &value))
}

#[tauri::command]
pub async fn import_text(text: String, options: ImportOptions) -> Res<ImportResult> {
    import::import_text(&text, &options).map_err(msg)
}

/// The report built from the import preview's lines as the clerk corrected them.
#[tauri::command]
pub async fn import_rebuild(lines: Vec<Line>, options: ImportOptions) -> Res<ImportResult> {
    import::rebuild(&lines, &options).map_err(msg)
}

#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: String,
    options: ImportOptions,
) -> Res<ImportResult> {
    let path = state.granted.check(&path)?;
    import::import_file(&path, &options).map_err(msg)
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
pub fn word_list(state: State<AppState>) -> Res<gongwen::check::WordList> {
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

fn render_pdf(state: &AppState, id: i64, out: &Path) -> Res<()> {
    let report = state.with(|s| s.load(id))?;
    state
        .exporter()?
        .export(&report, out)
        .map(|_| ())
        .map_err(msg)
}

/// The report as the PDF the exporter writes: the preview is the export itself.
#[tauri::command]
pub async fn preview_pdf(state: State<'_, AppState>, id: i64) -> Res<Response> {
    let report = state.with(|s| s.load(id))?;
    let bytes = state.exporter()?.render(&report).map_err(msg)?;
    Ok(Response::new(bytes))
}

#[derive(Serialize)]
pub struct FontRow {
    /// `正文：仿宋（系统）`
    summary: String,
    font_name: String,
    path: String,
}

/// Which font each role resolves to.
#[tauri::command]
pub async fn font_report(state: State<'_, AppState>) -> Res<Vec<FontRow>> {
    Ok(state
        .exporter()?
        .font_report()
        .iter()
        .map(|c| FontRow {
            summary: c.summary(),
            font_name: c.font_name.clone(),
            path: c.path.display().to_string(),
        })
        .collect())
}

/// TrueType, OpenType (CFF) and collections, by their first four bytes; anything else (a
/// renamed .doc, a .woff) is not a font the exporter can embed.
fn is_font_file(bytes: &[u8]) -> bool {
    let magic = bytes.get(..4).unwrap_or_default();
    [&[0, 1, 0, 0][..], b"OTTO", b"ttcf", b"true"].contains(&magic)
}

/// Copies a font file the clerk picked into `<data dir>/fonts/` (where the exporter looks for
/// imported fonts) and returns the fonts as now resolved.
#[tauri::command]
pub async fn import_font(state: State<'_, AppState>, path: String) -> Res<Vec<FontRow>> {
    let src = state.granted.check(&path)?;
    let name = src
        .file_name()
        .ok_or_else(|| "请选择一个字体文件。".to_string())?
        .to_owned();
    let bytes = std::fs::read(&src).map_err(|e| format!("无法读取字体文件 {path}：{e}"))?;
    if !is_font_file(&bytes) {
        return Err("这不是可用的字体文件，请选择 .ttf、.otf 或 .ttc 文件。".into());
    }
    let dir = state.fonts_dir();
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("无法创建字体文件夹 {}：{e}", dir.display()))?;
    gongwen::export::write_atomic(&dir.join(name), &bytes).map_err(msg)?;
    if let Ok(mut slot) = state.pdf.lock() {
        *slot = None;
    }
    font_report(state).await
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
    let path = state.granted.check(&path)?;
    let (report, names) = state.with(|s| Ok((s.load(id)?, s.docx_font_names()?)))?;
    let spec = Spec::official().with_docx_font_names(names);
    gongwen::export::docx::export_docx(&report, &spec, &path).map_err(msg)
}

#[tauri::command]
pub async fn export_pdf(state: State<'_, AppState>, id: i64, path: String) -> Res<()> {
    let path = state.granted.check(&path)?;
    render_pdf(&state, id, &path)
}

#[derive(Serialize)]
pub struct PrintSetup {
    method: PrintMethod,
    printers: Vec<Printer>,
}

#[tauri::command]
pub async fn list_printers() -> Res<PrintSetup> {
    let method = print::method();
    let printers = match method {
        PrintMethod::Cups => print::list_printers().map_err(msg)?,
        PrintMethod::SystemViewer => Vec::new(),
    };
    Ok(PrintSetup { method, printers })
}

/// Prints report `id`: renders its PDF, then sends it to CUPS (or opens the system viewer).
/// Returns the job id ("" when a viewer was opened).
#[tauri::command]
pub async fn print_report(
    state: State<'_, AppState>,
    id: i64,
    options: Option<PrintOptions>,
) -> Res<String> {
    let title = state.with(|s| s.summary(id).map(|r| r.title))?;
    let name = if title.trim().is_empty() {
        "报告".to_string()
    } else {
        title.replace(['/', '\\'], "_")
    };
    let out = state.scratch(&format!("{name}.pdf"));
    render_pdf(&state, id, &out)?;
    match (print::method(), options) {
        (PrintMethod::Cups, Some(o)) => {
            let job = print::print_cups(&out, &o).map_err(msg);
            // lp copies the file into the spool before it returns, so ours can go.
            std::fs::remove_file(&out).ok();
            job
        }
        (PrintMethod::Cups, None) => Err("请先选择一台打印机。".into()),
        (PrintMethod::SystemViewer, _) => print::open_in_viewer(&out)
            .map(|_| String::new())
            .map_err(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_files_are_recognised_by_their_header() {
        let otf =
            std::fs::read(gongwen::resources::dir().join("fonts/FandolKai-Regular.otf")).unwrap();
        assert!(is_font_file(&otf));
        assert!(is_font_file(b"OTTO...."));
        assert!(!is_font_file(b"PK\x03\x04 a docx"));
        assert!(!is_font_file(b""));
    }

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

        // A stale fix changes nothing and says so in Chinese.
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
        let err = state.edit(id, |r| check::apply_fix(r, &fix)).unwrap_err();
        assert!(err.contains("改动"), "{err}");
        assert_eq!(state.with(|s| s.load(id)).unwrap(), before);
        std::fs::remove_dir_all(&dir).ok();
    }
}

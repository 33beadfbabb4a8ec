// Typed wrappers over the app's IPC commands (src-tauri/src/commands.rs). A failed command
// rejects with the core's error as a value, `{kind, message}` (see `AppError`).

import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo, CarryItem, DocxFontNames, Finding, Fix, FixesApplied, FontReport, ImportOptions, Item, ImportResult, Line,
  PageNumbers, PaneRequest, PaneView, Placeholder, PrintOptions, PrintSetup, Purpose, Report, ReportMeta, ReportSummary, Table, TableEdit, Template,
  TreeOp, VersionInfo, VersionSaved, WordList,
} from "./bindings";

export const api = {
  appInfo: () => invoke<AppInfo>("app_info"),
  listReports: () => invoke<ReportSummary[]>("list_reports"),
  listTrash: () => invoke<ReportSummary[]>("list_trash"),
  listTemplates: () => invoke<Template[]>("list_templates"),
  createReport: (kind: string, unit: string, year: number, period: string) =>
    invoke<number>("create_report", { kind, unit, year, period }),
  createFrom: (report: Report) => invoke<number>("create_from", { report }),
  loadReport: (id: number) => invoke<Report>("load_report", { id }),
  /** The list line of one report: its list name and the step it was left at. */
  reportSummary: (id: number) => invoke<ReportSummary>("report_summary", { id }),
  /** 改名: the name the list shows; the printed title stays. */
  renameReport: (id: number, name: string) => invoke<void>("rename_report", { id, name }),
  setLastStep: (id: number, step: number) => invoke<void>("set_last_step", { id, step }),
  duplicateReport: (id: number) => invoke<number>("duplicate_report", { id }),
  trashReport: (id: number) => invoke<void>("trash_report", { id }),
  restoreReport: (id: number) => invoke<void>("restore_report", { id }),
  purgeReport: (id: number) => invoke<void>("purge_report", { id }),
  newFromLastYear: (id: number) => invoke<number>("new_from_last_year", { id }),
  updateMeta: (id: number, meta: ReportMeta) => invoke<void>("update_meta", { id, meta }),
  setOpening: (id: number, paragraphs: string[]) => invoke<void>("set_opening", { id, paragraphs }),
  updateSection: (node: number, heading: string, runIn: boolean) =>
    invoke<void>("update_section", { node, heading, runIn }),
  setParagraphs: (node: number, paragraphs: Item[]) => invoke<void>("set_paragraphs", { node, paragraphs }),
  addSection: (id: number, parent: number | null, heading: string) =>
    invoke<Report>("add_section", { id, parent, heading }),
  treeOp: (id: number, node: number, op: TreeOp) => invoke<Report>("tree_op", { id, node, op }),
  /** A structural change of a table (rows, columns, merged cells), worked out by the core. */
  tableEdit: (table: Table, edit: TableEdit) => invoke<Table>("table_edit", { table, edit }),
  /** 计算合计: the core fills the total cells of the report's statutory tables and saves. */
  fillTableTotals: (id: number) => invoke<Report>("fill_table_totals", { id }),
  /** A new version only when the report changed since the newest one. */
  saveVersion: (id: number, name: string) => invoke<VersionSaved>("save_version", { id, name }),
  renameVersion: (version: number, name: string) => invoke<void>("rename_version", { version, name }),
  versionText: (version: number) => invoke<string>("version_text", { version }),
  listVersions: (id: number) => invoke<VersionInfo[]>("list_versions", { id }),
  restoreVersion: (version: number) => invoke<number>("restore_version", { version }),
  runChecks: (id: number) => invoke<Finding[]>("run_checks", { id }),
  applyFix: (id: number, fix: Fix) => invoke<Report>("apply_fix", { id, fix }),
  applyFixes: (id: number, fixes: Fix[]) => invoke<FixesApplied>("apply_fixes", { id, fixes }),
  listPlaceholders: (id: number) => invoke<Placeholder[]>("list_placeholders", { id }),
  fillPlaceholder: (id: number, placeholder: Placeholder, value: string) =>
    invoke<Report>("fill_placeholder", { id, placeholder, value }),
  importText: (text: string, options: ImportOptions) => invoke<ImportResult>("import_text", { text, options }),
  importRebuild: (lines: Line[], options: ImportOptions) => invoke<ImportResult>("import_rebuild", { lines, options }),
  importFile: (path: string, options: ImportOptions) => invoke<ImportResult>("import_file", { path, options }),
  carryChecklist: (id: number) => invoke<CarryItem[]>("carry_checklist", { id }),
  setCarryDone: (item: number, done: boolean) => invoke<void>("set_carry_done", { item, done }),
  wordList: () => invoke<WordList>("word_list"),
  addWord: (wrong: string, right: string, note: string) => invoke<number>("add_word", { wrong, right, note }),
  removeWord: (word: number) => invoke<void>("remove_word", { word }),
  defaultPageNumbers: () => invoke<PageNumbers>("default_page_numbers"),
  setDefaultPageNumbers: (style: PageNumbers) => invoke<void>("set_default_page_numbers", { style }),
  /** The preview pane's view of the report as on screen (unsaved edits included). */
  paneView: (report: Report, request: PaneRequest) => invoke<PaneView>("pane_view", { report, request }),
  fontReport: () => invoke<FontReport>("font_report"),
  importFont: (path: string) => invoke<FontReport>("import_font", { path }),
  /** Font names the DOCX gives 仿宋/楷体: "gb2312" = 仿宋_GB2312/楷体_GB2312, "plain" = 仿宋/楷体. */
  docxFontNames: () => invoke<DocxFontNames>("docx_font_names"),
  setDocxFontNames: (names: DocxFontNames) => invoke<void>("set_docx_font_names", { names }),
  exportDocx: (id: number, path: string) => invoke<void>("export_docx", { id, path }),
  exportPdf: (id: number, path: string) => invoke<void>("export_pdf", { id, path }),
  /** The system's file manager on the folder of an exported file (a path chosen in the dialog). */
  showInFolder: (path: string) => invoke<void>("show_in_folder", { path }),
  /** The native dialog, opened by the Rust side; only a path chosen there is accepted by the file commands. */
  chooseFile: (purpose: Purpose, name?: string) =>
    invoke<string | null>("choose_file", { purpose, name: name ?? null }),
  listPrinters: () => invoke<PrintSetup>("list_printers"),
  printReport: (id: number, options: PrintOptions | null) =>
    invoke<string>("print_report", { id, options }),
  /** The title the core proposes for a report of `kind` from what is on screen. */
  proposeTitle: (kind: string, unit: string, year: number, period: string) =>
    invoke<string>("propose_title", { kind, unit, year, period }),
};

export { appError, errText, isInputError, type AppError, type ErrorKind } from "./errors";

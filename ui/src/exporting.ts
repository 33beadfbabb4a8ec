// 导出 Word / 导出 PDF: checks first (errors ask for confirmation), then the native save dialog
// with a proposed name 单位+年份+标题; the core writes the file atomically.

import { api } from "./api";
import { ask, h, toastError } from "./dom";
import { proposedFileName } from "./text";
import type { Finding, Report } from "./bindings";

/** Exports report `id`. With errors found, asks first; 先去修改 (the default) calls `fix` with
 *  the first error instead of exporting. */
export async function exportReport(id: number, report: Report, kind: "docx" | "pdf", fix?: (first: Finding) => Promise<void>): Promise<void> {
  try {
    const findings = await api.runChecks(id);
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length > 0 && !(await ask(`质检发现 ${errors.length} 处错误（如未填的“X”）。仍要导出吗？`, "仍然导出", "先去修改", { safe: "no" }))) {
      await fix?.(errors[0]);
      return;
    }
    // The name the clerk gave the report in the list, else 单位+年份+标题.
    const listName = await api.reportSummary(id).then((s) => s.name, () => report.title);
    const name = proposedFileName(report, kind, listName);
    const path = await api.chooseFile(kind, name);
    if (!path) return;
    if (kind === "docx") await api.exportDocx(id, path);
    else await api.exportPdf(id, path);
    exported(path);
  } catch (e) {
    toastError(e, "导出失败：");
  }
}

let noticeTimer: ReturnType<typeof setTimeout> | null = null;

/** Takes the export notice away (the report it was about is closed: it must not stand over
 *  another report's buttons). */
export function dismissExportNotice(): void {
  document.getElementById("export-done")?.remove();
  if (noticeTimer) clearTimeout(noticeTimer);
  noticeTimer = null;
}

/** A short message with the file's name (not its raw path) and 打开所在文件夹. */
function exported(path: string): void {
  dismissExportNotice();
  const file = path.split(/[\\/]/).pop() ?? path;
  const notice = h("div", { class: "notice", id: "export-done", role: "status", title: path },
    h("span", {}, `已导出“${file}”。`),
    h("button", { id: "b-open-folder", onclick: async () => {
      try { await api.showInFolder(path); notice.remove(); } catch (e) { toastError(e); }
    } }, "打开所在文件夹"),
    h("button", { class: "close", title: "关闭", "aria-label": "关闭", onclick: () => notice.remove() }, "×"));
  document.body.append(notice);
  noticeTimer = setTimeout(() => notice.remove(), 20000);
}

// 导出 Word / 导出 PDF: checks first (errors ask for confirmation), then the native save dialog
// with a proposed name 单位+年份+标题; the core writes the file atomically.

import { api } from "./api";
import { ask, toast, toastError } from "./dom";
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
    const name = proposedFileName(report, kind);
    const path = await api.chooseFile(kind, name);
    if (!path) return;
    if (kind === "docx") await api.exportDocx(id, path);
    else await api.exportPdf(id, path);
    toast(`已导出：${path}`);
  } catch (e) {
    toastError(e, "导出失败：");
  }
}

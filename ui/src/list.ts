// The report list (sorted by last change by the store), the 回收站, and the ways to start a
// report: from a template, from last year's, or by importing a 范文.

import { api, errText } from "./api";
import { PERIODS, STATUS_LABEL, YEARS, type ReportSummary, type Template } from "./bindings";
import { yearHint } from "./context";
import { ask, clear, h, modal, toast, toastError } from "./dom";
import { summaryLine } from "./format";
import { showImport } from "./importing";

export interface ListNav { open(id: number): void; settings(): void }

export async function showList(app: HTMLElement, templates: Template[], nav: ListNav, trash = false): Promise<void> {
  clear(app);
  const status = document.getElementById("status")!;
  status.textContent = "";
  let reports: ReportSummary[] = [];
  try {
    reports = trash ? await api.listTrash() : await api.listReports();
  } catch (e) {
    app.append(h("p", { class: "error" }, errText(e)));
    return;
  }
  const refresh = () => void showList(app, templates, nav, trash);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try { await fn(); toast(ok); refresh(); } catch (e) { toastError(e); }
  };

  const table = h("table", { class: "reports", id: "reports" },
    h("thead", {}, h("tr", {}, h("th", {}, "名称"), h("th", {}, "单位"), h("th", {}, "年份"), h("th", {}, "期间"),
      h("th", {}, "状态"), h("th", {}, "最后修改"), h("th", {}, ""))));
  const tbody = h("tbody");
  table.append(tbody);
  for (const r of reports) {
    const line = summaryLine(r);
    const titleCell = h("td", { class: "title" });
    const titleLink = h("a", { href: "#", title: trash ? "" : "打开（也可双击这一行）", onclick: (e) => { e.preventDefault(); if (!trash) nav.open(r.id); } }, line.name);
    titleCell.append(titleLink);
    // The printed title under the list name when the clerk named the report otherwise.
    if (line.printedTitle) titleCell.append(h("div", { class: "printed-title muted" }, `标题：${line.printedTitle}`));
    const rename = () => {
      const input = h("input", { class: "wide", id: `rename-${r.id}`, value: r.name });
      let finished = false;
      const done = async (keep: boolean) => {
        if (finished) return;
        finished = true;
        if (keep && input.value.trim() && input.value.trim() !== r.name) await act(() => api.renameReport(r.id, input.value.trim()), "已改名。文中打印的标题没有改，要改标题请在“基本信息”中修改。");
        else refresh();
      };
      input.addEventListener("keydown", (e) => {
        if (e.isComposing) return;
        if (e.key === "Enter") void done(true);
        if (e.key === "Escape") void done(false);
      });
      input.addEventListener("blur", () => void done(true));
      clear(titleCell);
      titleCell.append(input, h("div", { class: "muted printed-title" }, "只改列表中的名称和导出时建议的文件名，不改文中打印的标题。"));
      input.focus();
      input.select();
    };
    const actions = trash
      ? [h("button", { onclick: () => void act(() => api.restoreReport(r.id), "已从回收站恢复。") }, "恢复"),
         h("button", { class: "danger", onclick: async () => {
           if (await ask(`彻底删除“${line.name}”？此操作不能撤销。`, "彻底删除")) await act(() => api.purgeReport(r.id), "已彻底删除。");
         } }, "彻底删除")]
      : [h("button", { onclick: () => nav.open(r.id) }, "打开"),
         h("button", { class: "b-rename", title: "改列表中的名称（不改文中的标题）", onclick: rename }, "改名"),
         h("button", { onclick: () => void act(() => api.duplicateReport(r.id), "已复制一份。") }, "复制"),
         h("button", { class: "b-next-year", title: "以本报告为底稿新建下一年度的报告并打开，其“下一步工作打算”成为对照清单", onclick: async () => {
           try {
             const id = await api.newFromLastYear(r.id);
             toast(`已新建 ${r.year + 1} 年度报告。`);
             nav.open(id);
           } catch (e) { toastError(e); }
         } }, "下一年度"),
         h("button", { class: "danger", onclick: () => void act(() => api.trashReport(r.id), "已移到回收站，可在回收站中恢复。") }, "删除")];
    const row = h("tr", { "data-id": r.id },
      titleCell, h("td", {}, r.unit), h("td", { class: "nowrap" }, `${r.year}年`), h("td", { class: "nowrap" }, r.period),
      h("td", { class: "nowrap" }, STATUS_LABEL[r.status]), h("td", { class: "muted nowrap" }, r.updated),
      h("td", { class: "row-actions" }, ...actions));
    // Double-click anywhere on the line opens it (not in a field or on a button).
    if (!trash) row.addEventListener("dblclick", (e) => {
      if ((e.target as Element).closest("input, button")) return;
      nav.open(r.id);
    });
    tbody.append(row);
  }

  app.append(h("div", { class: "list-page" },
    h("div", { class: "list-bar" },
      h("h2", {}, trash ? "回收站" : "我的报告"),
      h("span", { class: "spacer" }),
      ...(trash
        ? [h("button", { id: "b-list", onclick: () => void showList(app, templates, nav, false) }, "← 返回报告列表")]
        : [h("button", { id: "b-new", class: "primary", onclick: () => newDialog(templates, nav) }, "新建报告"),
           h("button", { id: "b-import", onclick: () => showImport(templates, nav.open) }, "导入范文"),
           h("button", { id: "b-trash", onclick: () => void showList(app, templates, nav, true) }, "回收站"),
           h("button", { id: "b-settings", onclick: () => nav.settings() }, "设置")])),
    reports.length === 0
      ? h("p", { class: "empty" }, trash ? "回收站是空的。" : "还没有报告。点“新建报告”从模板开始，或点“导入范文”粘贴一篇范文。")
      : table));
}

function newDialog(templates: Template[], nav: ListNav): void {
  const kind = h("select", { id: "n-kind" }, ...templates.map((t) => h("option", { value: t.id }, t.name)));
  const desc = h("p", { class: "muted" }, templates[0]?.description ?? "");
  kind.addEventListener("change", () => (desc.textContent = templates.find((t) => t.id === kind.value)?.description ?? ""));
  const unit = h("input", { id: "n-unit", class: "wide", placeholder: "例如：双河镇人民政府" });
  const year = h("input", { id: "n-year", type: "number", min: YEARS.min, max: YEARS.max, value: new Date().getFullYear() });
  const period = h("select", { id: "n-period" }, ...PERIODS.map((p) => h("option", { value: p }, p)));
  const err = h("p", { class: "error" });
  const create = async () => {
    const y = Number(year.value);
    if (!unit.value.trim()) { err.textContent = "请填写单位名称。"; unit.focus(); return; }
    if (!Number.isInteger(y) || y < YEARS.min || y > YEARS.max) { err.textContent = `${yearHint()}。`; return; }
    try {
      const id = await api.createReport(kind.value, unit.value.trim(), y, period.value);
      close();
      nav.open(id);
    } catch (e) {
      err.textContent = errText(e);
    }
  };
  const close = modal("新建报告", h("div", { class: "form" },
    h("label", {}, "报告种类", kind), desc,
    h("label", {}, "单位", unit),
    h("div", { class: "row" }, h("label", {}, "年度", year), h("label", {}, "期间", period)),
    err,
    h("div", { class: "actions" }, h("button", { onclick: () => close() }, "取消"),
      h("button", { class: "primary", id: "n-create", onclick: () => void create() }, "创建"))), "new-report");
  unit.focus();
}

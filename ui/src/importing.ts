// 导入范文: paste text or pick a .txt/.docx; the cleaned, structured result and the import notes
// (what was removed or changed) are shown first; only 采用 creates a report. 放弃 keeps nothing.

import { api, errText } from "./api";
import { h, modal } from "./dom";
import { flatten } from "./numbering";
import type { ImportResult, Template } from "./bindings";

export function showImport(templates: Template[], opened: (id: number) => void): void {
  const text = h("textarea", { id: "i-text", rows: 14, placeholder: "把从网上找到的范文整篇粘贴到这里……" });
  const kind = h("select", { id: "i-kind" }, h("option", { value: "" }, "自动判断"), ...templates.map((t) => h("option", { value: t.id }, t.name)));
  const unit = h("input", { id: "i-unit", placeholder: "本单位名称（可选，替换范文中的单位）" });
  const err = h("p", { class: "error", id: "i-error" });
  const result = h("div", { class: "import-result", id: "i-result" });
  let last: ImportResult | null = null;
  const opts = () => ({ kind: kind.value || undefined, unit: unit.value.trim() || undefined });

  const showResult = (r: ImportResult) => {
    last = r;
    err.textContent = "";
    result.replaceChildren(
      h("h4", {}, `整理结果：${r.report.title || "（无标题）"}`),
      h("ol", { class: "outline" }, ...flatten(r.report.sections).map((f) =>
        h("li", { class: `level-${f.level}` }, `${f.number}${f.node.heading}`, h("small", {}, ` ${f.node.paragraphs.length} 段`)))),
      h("p", {}, `待填项 ${r.placeholders.length} 处（导入后在“检查”一步逐项填写）。`),
      h("h4", {}, `整理说明（${r.notes.length}）`),
      h("ul", { class: "notes", id: "i-notes" }, ...r.notes.map((n) => h("li", {}, n.message, n.text ? h("q", {}, n.text) : null))),
      h("div", { class: "actions" },
        h("button", { onclick: () => { last = null; result.replaceChildren(); } }, "放弃"),
        h("button", { class: "primary", id: "i-accept", onclick: async () => {
          if (!last) return;
          try {
            const id = await api.createFrom(last.report);
            close();
            opened(id);
          } catch (e) { err.textContent = errText(e); }
        } }, "采用，建立报告")));
  };
  const run = async (fn: () => Promise<ImportResult>) => {
    try { showResult(await fn()); } catch (e) { err.textContent = errText(e); result.replaceChildren(); }
  };
  const close = modal("导入范文", h("div", { class: "form" },
    text,
    h("div", { class: "row" }, h("label", {}, "报告种类", kind), h("label", {}, "单位", unit)),
    h("div", { class: "actions-left" },
      h("button", { class: "primary", id: "i-run", onclick: () => void run(() => api.importText(text.value, opts())) }, "整理粘贴的文字"),
      h("button", { onclick: async () => {
        try {
          const path = await api.chooseFile("import");
          if (path) await run(() => api.importFile(path, opts()));
        } catch (e) { err.textContent = errText(e); }
      } }, "选择文件……"),
      h("button", { onclick: () => close() }, "关闭")),
    err, result), "import");
  text.focus();
}

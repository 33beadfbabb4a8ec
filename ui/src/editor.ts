// The open report: step list on the left, the step's form in the middle, guidance on the right,
// a status line that says 已保存 + time. Leaving a step saves at once.

import { api } from "./api";
import { Autosave, statusText } from "./autosave";
import { STEPS, type EditorCtx, type Focus } from "./context";
import { clear, h, modal, toast, toastError } from "./dom";
import { exportReport } from "./exporting";
import { printReport } from "./printing";
import { renderBasic } from "./steps/basic";
import { renderBody } from "./steps/body";
import { renderCheck } from "./steps/check";
import { renderClosing } from "./steps/closing";
import { renderOpening } from "./steps/opening";
import { renderPreview } from "./steps/preview";
import { paragraphRange, stepOf } from "./text";
import type { Report, Template } from "./bindings";
import { flatten } from "./numbering";

export interface Editor { autosave: Autosave; close(): Promise<void> }

export async function openEditor(app: HTMLElement, id: number, templates: Template[], back: () => void): Promise<Editor> {
  const report = await api.loadReport(id);
  const status = document.getElementById("status")!;
  const autosave = new Autosave((s) => {
    status.textContent = statusText(s);
    status.className = `status ${s.kind}${s.kind === "error" && s.input ? " input" : ""}`;
  });
  status.textContent = "";
  let step = 1;

  clear(app);
  const titleEl = h("span", { class: "doc-title", id: "doc-title" }, report.title);
  const nav = h("nav", { class: "steps", id: "steps" });
  const main = h("section", { class: "form-area", id: "step-body" });
  const aside = h("aside", { class: "guide", id: "guide" });
  app.append(
    h("div", { class: "doc-bar" },
      h("button", { id: "b-back", onclick: () => void leave() }, "← 报告列表"),
      titleEl,
      h("span", { class: "spacer" }),
      h("button", { id: "b-version", title: "Ctrl+S", onclick: () => void saveVersion() }, "保存版本"),
      h("button", { id: "b-versions", onclick: () => void versions() }, "历史版本"),
      h("button", { id: "b-top-docx", title: "Ctrl+Shift+E", onclick: () => void doExport("docx") }, "导出 Word"),
      h("button", { onclick: () => void doExport("pdf") }, "导出 PDF"),
      h("button", { title: "Ctrl+P", onclick: () => void doPrint() }, "打印")),
    h("div", { class: "editor" }, nav, main, aside));

  const ctx: EditorCtx = {
    id,
    report,
    template: templates.find((t) => t.id === report.kind),
    autosave,
    aside(title, g, extra) {
      clear(aside);
      aside.append(h("h3", {}, title));
      if (g?.what) aside.append(h("p", { class: "what" }, g.what));
      if (g?.example) aside.append(h("div", { class: "example" }, h("b", {}, "示例："), g.example));
      if (extra) aside.append(extra);
    },
    replaced(r: Report) {
      ctx.report = r;
      titleEl.textContent = r.title;
      return new Promise((done) => autosave.whenNotComposing(() => void render().then(done)));
    },
    async go(n: number, focus?: Focus) {
      await show(n === 0 && focus ? stepOf(focus.loc) : n, focus);
    },
  };

  const renderNav = () => {
    clear(nav);
    STEPS.forEach((name, i) => nav.append(h("button", {
      class: i + 1 === step ? "step current" : "step", id: `step-${i + 1}`,
      onclick: () => void show(i + 1),
    }, h("span", { class: "n" }, String(i + 1)), name)));
  };

  async function render(): Promise<void> {
    autosave.clear();
    clear(main);
    main.append(h("h2", {}, `${step} ${STEPS[step - 1]}`));
    renderNav();
    switch (step) {
      case 1: renderBasic(ctx, main); break;
      case 2: renderOpening(ctx, main); break;
      case 3: await renderBody(ctx, main); break;
      case 4: renderClosing(ctx, main); break;
      case 5: await renderCheck(ctx, main); break;
      case 6: await renderPreview(ctx, main, {
        exportDocx: () => void doExport("docx"),
        exportPdf: () => void doExport("pdf"),
        print: () => void doPrint(),
      }); break;
    }
    main.setAttribute("data-step", String(step));
  }

  async function show(n: number, focus?: Focus): Promise<void> {
    await autosave.flushAll();
    if (autosave.dirty) {
      toast("有改动没能保存，请先处理状态栏中的错误。", "error");
      return;
    }
    // Re-read after leaving a step: the title or the tree may have changed elsewhere.
    try {
      ctx.report = await api.loadReport(id);
      titleEl.textContent = ctx.report.title;
    } catch (e) {
      toastError(e);
    }
    step = n;
    await render();
    if (focus) focusAt(focus);
  }

  function focusAt(f: Focus): void {
    const loc = f.loc;
    let el: HTMLInputElement | HTMLTextAreaElement | null = null;
    let range: [number, number] | null = null;
    const nodeAt = (path: number[]) => flatten(ctx.report.sections).find((x) => x.path.join(".") === path.join("."))?.node;
    if (loc.part === "title") el = document.getElementById("f-title") as HTMLInputElement;
    else if (loc.part === "opening") {
      el = document.getElementById("f-opening") as HTMLTextAreaElement;
      range = paragraphRange(ctx.report.opening, loc.index, f.start, f.end);
    } else if (loc.part === "heading") el = document.getElementById(`h-${nodeAt(loc.path)?.id}`) as HTMLInputElement;
    else if (loc.part === "paragraph") {
      const node = nodeAt(loc.path);
      el = document.getElementById(`p-${node?.id}`) as HTMLTextAreaElement;
      if (node) range = paragraphRange(node.paragraphs, loc.index, f.start, f.end);
    } else if (loc.part === "attachment") {
      el = document.getElementById("f-attachments") as HTMLTextAreaElement;
      range = paragraphRange(ctx.report.attachments.map((a) => a.name), loc.index, f.start, f.end);
    } else if (loc.part === "signature") el = document.getElementById("f-signature") as HTMLInputElement;
    else if (loc.part === "date") el = document.getElementById("f-date") as HTMLInputElement;
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus();
    if (range && "setSelectionRange" in el) el.setSelectionRange(range[0], range[1]);
  }

  async function saveVersion(): Promise<void> {
    await autosave.flushAll();
    const now = new Date();
    const name = `${now.getMonth() + 1}月${now.getDate()}日 ${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")} 的版本`;
    try {
      await api.saveVersion(id, name);
      toast(`已保存版本“${name}”。`);
    } catch (e) {
      toastError(e);
    }
  }

  async function versions(): Promise<void> {
    await autosave.flushAll();
    let list;
    try { list = await api.listVersions(id); } catch (e) { toastError(e); return; }
    const body = h("div", { class: "versions" });
    if (list.length === 0) body.append(h("p", { class: "muted" }, "还没有保存过版本。按 Ctrl+S 或“保存版本”保存当前内容。"));
    for (const v of list) body.append(h("div", { class: "version" },
      h("span", {}, v.name), h("small", {}, v.created),
      h("button", { onclick: async () => {
        try {
          // The store keeps the current text as a version of its own before restoring.
          await api.restoreVersion(v.id);
          close();
          toast(`已恢复“${v.name}”。`);
          await show(step);
        } catch (e) { toastError(e); }
      } }, "恢复")));
    body.append(h("div", { class: "actions" }, h("button", { onclick: () => close() }, "关闭")));
    const close = modal("历史版本", body, "versions");
  }

  async function doExport(kind: "docx" | "pdf"): Promise<void> {
    await autosave.flushAll();
    await exportReport(id, ctx.report, kind);
  }
  async function doPrint(): Promise<void> {
    await autosave.flushAll();
    await printReport(id);
  }

  const keys = (e: KeyboardEvent) => {
    if (!e.ctrlKey || e.isComposing) return;
    const k = e.key.toLowerCase();
    if (k === "s" && !e.shiftKey) { e.preventDefault(); void saveVersion(); }
    else if (k === "p") { e.preventDefault(); void doPrint(); }
    else if (k === "e" && e.shiftKey) { e.preventDefault(); void doExport("docx"); }
  };
  document.addEventListener("keydown", keys);

  async function leave(): Promise<void> {
    await editor.close();
    back();
  }
  const editor: Editor = {
    autosave,
    async close() {
      await autosave.flushAll();
      document.removeEventListener("keydown", keys);
    },
  };
  await show(1);
  return editor;
}

// The open report: step list on the left, the step's form in the middle, guidance on the right,
// a status line that says 已保存 + time. Leaving a step saves at once.

import { api } from "./api";
import { Autosave, statusText } from "./autosave";
import { STEPS, type EditorCtx, type Focus, type Place } from "./context";
import { clear, fitAll, h, toast, toastError } from "./dom";
import { saveVersion as saveVersionOf, showVersions } from "./versions";
import { dismissExportNotice, exportReport } from "./exporting";
import { printReport } from "./printing";
import { renderBasic } from "./steps/basic";
import { buildNear, buildSection, buildSectionOf, renderBody } from "./steps/body";
import { focusFinding, renderCheck } from "./steps/check";
import { renderClosing } from "./steps/closing";
import { renderOpening } from "./steps/opening";
import { renderPreview } from "./steps/preview";
import { paragraphRange, stepOf } from "./text";
import { fitCells } from "./tableview";
import { cellId, tableCellOf, tableItemIndex, locateParagraph, runId, splitBody } from "./table";
import type { Finding, Location, Report, Template } from "./bindings";
import { flatten } from "./numbering";
import { Pane } from "./pane";

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
    h("div", { class: "editor with-pane" }, nav, main, aside));

  // The live page preview beside steps 1–4 (issue 18). It reads the form, never takes the
  // focus, and redraws after each input that is not part of an IME composition.
  const pane = new Pane({
    report: () => ctx.report,
    focused: () => focusedLoc(),
    go: (loc) => {
      if (stepOf(loc) === step) focusAt({ loc, start: 0, end: 0 });
      else void ctx.go(0, { loc, start: 0, end: 0 });
    },
  });
  app.querySelector(".editor")!.append(pane.root);
  pane.setFolded(pane.isFolded);
  let composing = false;
  main.addEventListener("compositionstart", () => { composing = true; });
  main.addEventListener("compositionend", () => { composing = false; pane.update(); });
  main.addEventListener("input", (e) => {
    if (composing || (e as InputEvent).isComposing) return;
    pane.update();
  });
  main.addEventListener("change", () => { if (!composing) pane.update(); });
  // The caret moving to another field shows that field's page.
  main.addEventListener("focusin", () => pane.update());
  // A long report's 正文 builds its sections as they come near the view (never mid-word: the
  // scroll position may change by the height of sections built above).
  let building = false;
  main.addEventListener("scroll", () => {
    if (building || composing || step !== 3) return;
    building = true;
    requestAnimationFrame(() => {
      building = false;
      // The page of each section built is written beside it by the pane's next view.
      if (!composing && buildNear(main) > 0) pane.update();
    });
  }, { passive: true });

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
    replaced(r: Report, place?: Place) {
      ctx.report = r;
      titleEl.textContent = r.title;
      return new Promise((done) => autosave.whenNotComposing(() => void redraw(place).then(done)));
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

  // While a step is being drawn again, its old fields are no longer saved: nothing may be typed
  // into them (the redraw takes a few milliseconds; a keyboard shortcut can start it mid-typing).
  let drawing = false;
  main.addEventListener("beforeinput", (e) => { if (drawing) e.preventDefault(); }, true);

  async function render(): Promise<void> {
    autosave.clear();
    drawing = true;
    // The step is drawn off screen and swapped in at once, so that it never shows empty and
    // the scroll position can be put back (the preview draws its pages as they come).
    const stage = h("section");
    stage.append(h("h2", {}, `${step} ${STEPS[step - 1]}`));
    renderNav();
    try {
      switch (step) {
        case 1: renderBasic(ctx, stage); break;
        case 2: renderOpening(ctx, stage); break;
        case 3: await renderBody(ctx, stage); break;
        case 4: renderClosing(ctx, stage); break;
        case 5: await renderCheck(ctx, stage); break;
      }
      main.replaceChildren(...stage.childNodes);
      // A long report's 正文 builds the sections near the view only (steps/body.ts).
      if (step === 3) buildNear(main);
      if (step === 6) {
        drawing = false;
        await renderPreview(ctx, main, {
          exportDocx: () => void doExport("docx"),
          exportPdf: () => void doExport("pdf"),
          print: () => void doPrint(),
        });
      }
    } finally {
      drawing = false;
    }
    main.setAttribute("data-step", String(step));
    const editing = step <= 4;
    pane.root.hidden = !editing;
    app.querySelector(".editor")?.classList.toggle("with-pane", editing);
    if (editing) pane.update();
  }

  /** The field that has the focus, as a location (a paragraph: the one the caret is in). */
  function focusedLoc(): Location | null {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !main.contains(el)) return null;
    const caretLine = (ta: HTMLTextAreaElement) =>
      ta.value.slice(0, ta.selectionStart ?? 0).split(/\r?\n/).slice(0, -1).filter((l) => l.trim()).length;
    const id = el.id;
    const fixed: Record<string, Location> = {
      "f-title": { part: "title" }, "f-subtitle": { part: "subtitle" }, "f-addressee": { part: "addressee" },
      "f-signature": { part: "signature" }, "f-date": { part: "date" }, "f-note": { part: "note" },
    };
    if (fixed[id]) return fixed[id];
    if (id === "f-opening" && el instanceof HTMLTextAreaElement) return { part: "opening", index: caretLine(el) };
    if (id === "f-attachments" && el instanceof HTMLTextAreaElement) return { part: "attachment", index: caretLine(el) };
    if (id.startsWith("f-formal") || el.closest("#formal-panel")) return { part: "header" };
    const path = el.dataset.path?.split(".").map(Number);
    if (!path) return null;
    if (id.startsWith("h-")) return { part: "heading", path };
    if (id.startsWith("p-") && el instanceof HTMLTextAreaElement) {
      const node = flatten(ctx.report.sections).find((x) => x.path.join(".") === path.join("."))?.node;
      // A section's text runs around its tables: `p-{node}` is run 0, `p-{node}-{run}` the others.
      const run = Number(id.split("-")[2] ?? 0);
      const b = node ? splitBody(node.paragraphs) : null;
      const start = !b || run === 0 ? 0 : tableItemIndex(b, run - 1) + 1;
      const k = caretLine(el);
      const index = b && k < (b.texts[run]?.length ?? 0) ? start + k : -1;
      return index >= 0 ? { part: "paragraph", path, index } : { part: "heading", path };
    }
    return null;
  }

  /** Draws the step again after the report changed, keeping the clerk's place: the scroll
   *  position (or `place.anchor` at the same height on screen) and the focus with its
   *  selection (or `place.focus`). */
  async function redraw(place?: Place): Promise<void> {
    const active = document.activeElement instanceof HTMLElement && main.contains(document.activeElement)
      ? document.activeElement : null;
    const sel = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? [active.selectionStart ?? 0, active.selectionEnd ?? 0, active.selectionDirection ?? "none"] as const : null;
    const anchorId = place?.anchor ?? active?.closest(".node")?.id;
    const anchorTop = anchorId ? document.getElementById(anchorId)?.getBoundingClientRect().top : undefined;
    const scroll = main.scrollTop;
    await render();
    fitAll(main);
    fitCells(main);
    main.scrollTop = scroll;
    const anchor = anchorId ? document.getElementById(anchorId) : null;
    if (anchor && anchorTop !== undefined) main.scrollTop += anchor.getBoundingClientRect().top - anchorTop;
    // The anchor stays where it is while the sections around it are built.
    buildNear(main, anchor && anchorTop !== undefined ? anchorId : undefined);
    if (place?.reveal) {
      buildSectionOf(place.reveal);
      document.getElementById(place.reveal)?.scrollIntoView({ block: "nearest" });
    }
    const wanted = place?.focus === undefined ? [active?.id ?? ""] : [place.focus].flat();
    wanted.forEach(buildSectionOf);
    const el = wanted.map((id) => (id ? document.getElementById(id) : null))
      .find((e): e is HTMLElement => !!e && !(e as HTMLButtonElement).disabled);
    if (!el) return;
    el.focus({ preventScroll: true });
    if (sel && el.id === active?.id && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
      el.setSelectionRange(sel[0], sel[1], sel[2]);
    }
    el.scrollIntoView({ block: "nearest" });
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
    // Where the report opens next time; not a change of the report, and not worth a message.
    void api.setLastStep(id, n).catch(() => undefined);
    await render();
    if (focus) focusAt(focus);
  }

  function focusAt(f: Focus): void {
    const loc = f.loc;
    let el: HTMLInputElement | HTMLTextAreaElement | null = null;
    let range: [number, number] | null = null;
    const nodeAt = (path: number[]) => {
      const node = flatten(ctx.report.sections).find((x) => x.path.join(".") === path.join("."))?.node;
      // A long report's section far from the view is built first (steps/body.ts).
      buildSection(node?.id);
      return node;
    };
    if (loc.part === "title") el = document.getElementById("f-title") as HTMLInputElement;
    else if (loc.part === "subtitle" || loc.part === "addressee" || loc.part === "note") el = document.getElementById(`f-${loc.part}`) as HTMLInputElement;
    else if (loc.part === "opening") {
      el = document.getElementById("f-opening") as HTMLTextAreaElement;
      range = paragraphRange(ctx.report.opening, loc.index, f.start, f.end);
    } else if (loc.part === "heading") el = document.getElementById(`h-${nodeAt(loc.path)?.id}`) as HTMLInputElement;
    else if (loc.part === "paragraph") {
      const node = nodeAt(loc.path);
      // The paragraph's run of text (tables cut a body into runs, each its own field).
      const at = node ? locateParagraph(node.paragraphs, loc.index) : null;
      el = document.getElementById(node && at ? runId(node.id!, at.run) : `p-${node?.id}`) as HTMLTextAreaElement;
      if (node && at) range = paragraphRange(splitBody(node.paragraphs).texts[at.run], at.para, f.start, f.end);
    } else if (tableCellOf(loc)) {
      // A finding in a table cell (Location::TableCell): the cell's field, its text selected.
      const c = tableCellOf(loc)!;
      const node = nodeAt(c.path);
      el = document.getElementById(cellId(node?.id ?? -1, c.index, c.row, c.cell)) as HTMLTextAreaElement | null;
      if (el) range = [0, el.value.length];
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

  const saveVersion = () => saveVersionOf(id, autosave);
  const versions = () => showVersions(id, autosave, () => show(step));

  async function doExport(kind: "docx" | "pdf"): Promise<void> {
    await autosave.flushAll();
    // 先去修改 opens 检查 on the first error.
    await exportReport(id, ctx.report, kind, async (first: Finding) => {
      await show(5);
      if (step === 5) focusFinding(first);
    });
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
      dismissExportNotice();
      document.removeEventListener("keydown", keys);
    },
  };
  // A reopened report starts at the step where it was left.
  await show(await api.reportSummary(id).then((s) => s.last_step, () => 1));
  return editor;
}

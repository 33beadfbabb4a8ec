// Step 6 预览与导出: the exported PDF itself, drawn page by page with pdf.js (bundled, no eval),
// the fonts it used, and the export and print buttons.
//
// Only the pages in view are drawn (issue 18): every page gets a white placeholder of page 1's
// size at once, so the scroll bar and the page numbers are right from the start; an
// IntersectionObserver on the scrolling form area draws the pages that come within half a
// screen of view, one at a time, and releases the canvases of pages more than KEEP pages away
// from every page in view. A 100-page report holds a handful of canvases instead of 103.

import * as pdfjs from "pdfjs-dist";
import type { PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { api, errText } from "../api";
import type { EditorCtx } from "../context";
import { h } from "../dom";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export interface PreviewActions { exportDocx(): void; exportPdf(): void; print(): void }

/** CSS px per PDF pt of the drawn pages (A4: 744 × 1053 px). */
const SCALE = 1.25;
/** Canvases of pages at most this many pages from a page in view are kept when scrolling. */
const KEEP = 2;

/** The preview on screen, if any: closed when the step is drawn again. */
let current: PageView | null = null;

export async function renderPreview(ctx: EditorCtx, root: HTMLElement, actions: PreviewActions): Promise<void> {
  current?.close();
  current = null;
  performance.mark("gw-preview-start");
  const info = h("span", { id: "page-count", class: "muted" }, "正在生成预览……");
  const pages = h("div", { class: "pages", id: "pages" });
  root.append(
    h("div", { class: "toolbar" },
      h("button", { type: "button", id: "b-export-docx", class: "primary", onclick: actions.exportDocx }, "导出 Word"),
      h("button", { type: "button", id: "b-export-pdf", onclick: actions.exportPdf }, "导出 PDF"),
      h("button", { type: "button", id: "b-print", onclick: actions.print }, "打印"),
      info),
    pages);
  const fonts = h("ul", { class: "fonts", id: "font-report" });
  const advice = h("p", { class: "advice", id: "preview-font-advice" });
  ctx.aside("预览", {
    what: "这里显示的就是导出的 PDF：导出的 PDF 和打印出来的与此完全相同。导出的 Word 文件按同样的版式排好，但在对方电脑上的字形、换行取决于那台电脑装的字体。修改内容后回到本步骤会重新生成。",
    example: "",
  }, h("div", {}, h("h4", {}, "所用字体"), fonts, advice));
  api.fontReport().then((report) => {
    for (const l of report.rows) fonts.append(h("li", { class: l.stand_in ? "stand-in" : "" }, l.summary));
    advice.textContent = report.advice ?? "";
  }).catch((e) => fonts.append(h("li", { class: "error" }, errText(e))));

  // pdf.js's worker (a 1 MB script) starts while the core typesets and writes the PDF.
  const worker = new pdfjs.PDFWorker();
  let bytes: ArrayBuffer;
  try {
    await ctx.autosave.flushAll();
    bytes = await api.previewPdf(ctx.id);
  } catch (e) {
    worker.destroy();
    info.textContent = "";
    pages.append(h("p", { class: "error", id: "preview-error" }, `无法生成预览：${errText(e)}`));
    return;
  }
  performance.mark("gw-preview-pdf");
  try {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, worker }).promise;
    performance.mark("gw-preview-parsed");
    info.textContent = `共 ${doc.numPages} 页`;
    const view = new PageView(doc, worker, pages, root.closest(".form-area") ?? root);
    current = view;
    await view.open();
    if (view.closed) return;
    performance.mark("gw-preview-first-page");
    pages.setAttribute("data-ready", String(doc.numPages));
  } catch (e) {
    if (current === null) worker.destroy();
    pages.append(h("p", { class: "error" }, `预览显示失败：${errText(e)}`));
  }
}

/** The pages of one PDF: placeholders for all, canvases for those near the view. */
class PageView {
  /** `.page-slot` of page n at index n − 1. */
  private readonly slots: HTMLElement[] = [];
  /** Pages drawn (canvas in their slot). */
  private readonly drawn = new Map<number, HTMLCanvasElement>();
  /** Pages within the observer's margin of the view. */
  private readonly near = new Set<number>();
  private observer: IntersectionObserver | null = null;
  private busy = false;
  closed = false;

  constructor(private readonly doc: PDFDocumentProxy, private readonly worker: pdfjs.PDFWorker,
    private readonly pages: HTMLElement, private readonly scroller: Element) {}

  /** Lays out a placeholder per page sized from page 1, draws page 1, then watches the view. */
  async open(): Promise<void> {
    const first = await this.doc.getPage(1);
    performance.mark("gw-preview-page1");
    const vp = first.getViewport({ scale: SCALE });
    for (let n = 1; n <= this.doc.numPages; n++) {
      const slot = h("div", { class: "page-slot", "data-page": n });
      size(slot, vp.width, vp.height);
      this.slots.push(slot);
      this.pages.append(h("div", { class: "page-wrap" }, slot, h("div", { class: "page-no" }, `第 ${n} 页`)));
    }
    this.busy = true;
    try {
      await this.draw(1);
    } finally {
      this.busy = false;
    }
    if (this.closed) return;
    this.observer = new IntersectionObserver((entries) => this.seen(entries), {
      root: this.scroller,
      rootMargin: "50% 0px",
    });
    for (const s of this.slots) this.observer.observe(s);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.observer?.disconnect();
    for (const n of [...this.drawn.keys()]) this.release(n);
    void this.doc.destroy().finally(() => this.worker.destroy());
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    // The step was left (the pages are no longer in the document): free the PDF and canvases.
    if (!this.pages.isConnected) {
      this.close();
      if (current === this) current = null;
      return;
    }
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.page);
      if (e.isIntersecting) this.near.add(n);
      else this.near.delete(n);
    }
    if (this.near.size > 0) {
      for (const n of [...this.drawn.keys()]) if (this.distance(n) > KEEP) this.release(n);
    }
    void this.pump();
  }

  /** Pages from `n` to the nearest page in view. */
  private distance(n: number): number {
    let d = Infinity;
    for (const v of this.near) d = Math.min(d, Math.abs(v - n));
    return d;
  }

  /** Draws the pages in view that are not drawn yet, one at a time, lowest first. */
  private async pump(): Promise<void> {
    if (this.busy || this.closed) return;
    const next = [...this.near].filter((n) => !this.drawn.has(n)).sort((a, b) => a - b)[0];
    if (next === undefined) return;
    this.busy = true;
    try {
      await this.draw(next);
    } catch (e) {
      if (!this.closed) this.slots[next - 1].replaceChildren(h("p", { class: "error" }, `第 ${next} 页显示失败：${errText(e)}`));
    } finally {
      this.busy = false;
    }
    void this.pump();
  }

  /** Renders page `n` into a new canvas, then puts it into its slot (never half drawn). */
  private async draw(n: number): Promise<void> {
    const page = await this.doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const ratio = window.devicePixelRatio || 1;
    const canvas = h("canvas", { class: "page", "data-page": n });
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    await page.render({
      canvasContext: canvas.getContext("2d")!,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    // The page's parsed operators and fonts are not kept for a page that may not come back.
    page.cleanup();
    if (this.closed || (this.near.size > 0 && this.distance(n) > KEEP)) {
      canvas.width = 0;
      canvas.height = 0;
      return;
    }
    const slot = this.slots[n - 1];
    size(slot, viewport.width, viewport.height);
    slot.replaceChildren(canvas);
    this.drawn.set(n, canvas);
  }

  /** Puts the placeholder back and frees the canvas's pixels at once (not at the next GC). */
  private release(n: number): void {
    const canvas = this.drawn.get(n);
    if (!canvas) return;
    this.drawn.delete(n);
    canvas.remove();
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** A page's box in CSS px: as wide as the page but never wider than the pane, same shape. */
function size(slot: HTMLElement, width: number, height: number): void {
  slot.style.width = `${Math.floor(width)}px`;
  slot.style.aspectRatio = `${width} / ${height}`;
}

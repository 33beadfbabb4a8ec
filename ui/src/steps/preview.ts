// Step 6 预览与导出: the report's pages as the exporter lays them out, the fonts it used, and
// the export and print buttons.
//
// The pages are drawn by the core from the typesetter's layout, as images with the glyph outlines
// of the fonts the PDF embeds (`pane_view`, the live preview pane's renderer; docs/decisions.md,
// “Step 6 draws from the layout”): the very line and page breaks, glyphs and positions the
// exported and printed PDF has, without converting the PDF's fonts in the web view.
//
// Only the pages near the view are drawn (issue 18): every page gets a white placeholder of
// page 1's size at once, so the scroll bar and the page numbers are right from the start; when
// the form area scrolls, the pages within KEEP of those in view are asked for and the others
// emptied again. A 100-page report holds a handful of page images instead of 103.

import { api, errText } from "../api";
import type { PaneView, Report } from "../bindings";
import type { EditorCtx } from "../context";
import { h } from "../dom";
import { PageImages, scaleFor } from "../pageimages";

export interface PreviewActions { exportDocx(): void; exportPdf(): void; print(): void }

/** CSS px per PDF pt of the drawn pages (A4: 744 × 1053 px). */
const SCALE = 1.25;
/** Pages at most this many pages from a page in view are drawn and kept. */
const KEEP = 1;

export async function renderPreview(ctx: EditorCtx, root: HTMLElement, actions: PreviewActions): Promise<void> {
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
    what: "这里显示的页面与导出的 PDF 按同一排版结果绘制：换行、分页、字形和位置与导出的 PDF、打印出来的完全相同。导出的 Word 文件按同样的版式排好，但在对方电脑上的字形、换行取决于那台电脑装的字体。",
    example: "",
  }, h("div", {}, h("h4", {}, "所用字体"), fonts, advice));
  api.fontReport().then((report) => {
    for (const l of report.rows) fonts.append(h("li", { class: l.stand_in ? "stand-in" : "" }, l.summary));
    advice.textContent = report.advice ?? "";
  }).catch((e) => fonts.append(h("li", { class: "error" }, errText(e))));

  // Device px per pt of the page images: the slots are SCALE CSS px per pt wide.
  const scale = scaleFor(SCALE, 1);
  let view: PaneView;
  let report: Report;
  try {
    await ctx.autosave.flushAll();
    report = ctx.report;
    view = await api.paneView(report, { pages: [1], known: [], scale });
  } catch (e) {
    info.textContent = "";
    pages.append(h("p", { class: "error", id: "preview-error" }, `无法生成预览：${errText(e)}`));
    return;
  }
  performance.mark("gw-preview-layout");
  const count = view.hashes.length;
  info.textContent = `共 ${count} 页`;
  const width = view.width * SCALE;
  const slots = new PageImages((n) => {
    const slot = h("div", { class: "page-slot", "data-page": n });
    slot.style.width = `${Math.floor(width)}px`;
    slot.style.aspectRatio = `${view.width} / ${view.height}`;
    pages.append(h("div", { class: "page-wrap", "data-page-wrap": "" }, slot, h("div", { class: "page-no" }, `第 ${n} 页`)));
    return slot;
  });
  slots.resize(count);
  await slots.put(view, scale);
  performance.mark("gw-preview-page1");
  pages.setAttribute("data-ready", String(count));
  // Page 1 is on screen once the frame after it has been painted.
  requestAnimationFrame(() => setTimeout(() => performance.mark("gw-preview-first-page"), 0));

  const scroller = root.closest(".form-area") ?? root;
  let running = false, again = false, queued = false;
  const update = (): void => {
    if (!pages.isConnected) return;
    if (running) { again = true; return; }
    running = true;
    const wanted = slots.inView(scroller, KEEP);
    void api.paneView(report, { pages: wanted, known: slots.known(scale), scale }).then(async (v) => {
      if (!pages.isConnected) return;
      await slots.put(v, scale);
      slots.release(wanted);
      // Pages that came into view meanwhile are drawn by one more round.
      if (slots.inView(scroller, KEEP).some((n) => !slots.drawn(n))) again = true;
    }).catch((e) => {
      info.textContent = `预览显示失败：${errText(e)}`;
    }).finally(() => {
      running = false;
      if (again) { again = false; update(); }
    });
  };
  const onScroll = (): void => {
    if (!pages.isConnected) { scroller.removeEventListener("scroll", onScroll); return; }
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); });
  };
  scroller.addEventListener("scroll", onScroll, { passive: true });

  // The pages in view besides page 1 (page 2 on a tall window).
  update();
}

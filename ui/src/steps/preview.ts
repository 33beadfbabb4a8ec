// Step 6 预览与导出: the exported PDF itself, drawn page by page with pdf.js (bundled, no eval),
// the fonts it used, and the export and print buttons.

import * as pdfjs from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { api, errText } from "../api";
import type { EditorCtx } from "../context";
import { h } from "../dom";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export interface PreviewActions { exportDocx(): void; exportPdf(): void; print(): void }

export async function renderPreview(ctx: EditorCtx, root: HTMLElement, actions: PreviewActions): Promise<void> {
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

  let bytes: ArrayBuffer;
  try {
    await ctx.autosave.flushAll();
    bytes = await api.previewPdf(ctx.id);
  } catch (e) {
    info.textContent = "";
    pages.append(h("p", { class: "error", id: "preview-error" }, `无法生成预览：${errText(e)}`));
    return;
  }
  try {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    info.textContent = `共 ${doc.numPages} 页`;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1.25 });
      const canvas = h("canvas", { class: "page", "data-page": n });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      pages.append(h("div", { class: "page-wrap" }, canvas, h("div", { class: "page-no" }, `第 ${n} 页`)));
      await page.render({
        canvasContext: canvas.getContext("2d")!,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise;
    }
    pages.setAttribute("data-ready", String(doc.numPages));
  } catch (e) {
    pages.append(h("p", { class: "error" }, `预览显示失败：${errText(e)}`));
  }
}

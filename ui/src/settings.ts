// 设置: the word list (易错词) the checks use, and which font each role resolves to.

import { api, errText } from "./api";
import type { DocxFontNames, FontReport } from "./bindings";
import { clear, h, toast, toastError } from "./dom";
import { NATIONAL, pageNumberControls } from "./pagenumbers";

export async function showSettings(app: HTMLElement, back: () => void): Promise<void> {
  clear(app);
  const words = h("tbody", { id: "words" });
  const fonts = h("ul", { class: "font-roles", id: "settings-fonts" });
  const fontAdvice = h("p", { class: "advice", id: "font-advice" });
  const fontDetails = h("tbody", { id: "font-details-rows" });
  const importFont = async () => {
    try {
      const path = await api.chooseFile("font");
      if (!path) return;
      showFonts(await api.importFont(path));
      toast("字体已导入，复制到了数据文件夹中。");
    } catch (e) { toastError(e); }
  };
  const docxNames = h("select", { id: "s-docx-fonts" },
    h("option", { value: "gb2312" }, "仿宋_GB2312、楷体_GB2312（默认）"), h("option", { value: "plain" }, "仿宋、楷体"));
  docxNames.addEventListener("change", async () => {
    try {
      await api.setDocxFontNames(docxNames.value as DocxFontNames);
      toast("已保存，下次导出 Word 文件时生效。");
    } catch (e) { toast(errText(e), "error"); }
  });
  const wrong = h("input", { id: "w-wrong", placeholder: "错误写法" });
  const right = h("input", { id: "w-right", placeholder: "正确写法" });
  const note = h("input", { id: "w-note", placeholder: "说明（可选）" });
  const load = async () => {
    try {
      const list = await api.wordList();
      clear(words);
      for (const w of list.entries) words.append(h("tr", {},
        h("td", {}, w.wrong), h("td", {}, w.right), h("td", { class: "muted" }, w.note), h("td", { class: "muted" }, w.builtin ? "内置" : "自添"),
        h("td", {}, h("button", { onclick: async () => {
          try { await api.removeWord(w.id!); await load(); } catch (e) { toastError(e); }
        } }, "删除"))));
    } catch (e) { toastError(e); }
  };
  const add = async () => {
    try {
      await api.addWord(wrong.value.trim(), right.value.trim(), note.value.trim());
      wrong.value = right.value = note.value = "";
      await load();
      toast("已加入易错词表。");
    } catch (e) { toastError(e); }
  };
  const pages = h("div", { id: "settings-page-numbers", class: "form" });
  app.append(h("div", { class: "list-page settings" },
    h("div", { class: "list-bar" }, h("h2", {}, "设置"), h("span", { class: "spacer" }), h("button", { id: "b-back", onclick: back }, "← 返回报告列表")),
    h("p", { class: "muted", id: "app-info" }),
    h("section", { class: "card" }, h("h3", {}, "字体"),
      h("p", { class: "muted" }, "PDF 和预览中每个部分实际所用的字体：先用本机安装的，其次用导入的，都没有时用程序自带的替代字体。"),
      fonts,
      fontAdvice,
      h("div", { class: "actions-left" }, h("button", { id: "b-import-font", onclick: () => void importFont() }, "导入字体文件……")),
      h("details", { id: "font-details" }, h("summary", {}, "详细信息"),
        h("table", { class: "words" }, h("thead", {}, h("tr", {}, h("th", {}, "用途"), h("th", {}, "字体自身的名称"), h("th", {}, "文件"))), fontDetails)),
      h("p", { class: "muted" }, "Word 文件中写入的字体名：收文单位多装有“仿宋_GB2312、楷体_GB2312”（只含 GB2312 的字，缺“堃、玥”等）；装有 Windows 的“仿宋、楷体”时可选后者。两者互为替代字体。"),
      h("label", {}, "Word 字体：", docxNames)),
    h("section", { class: "card" }, h("h3", {}, "页码"),
      h("p", { class: "muted" }, "新建报告默认使用的页码样式；每份报告可在“附件与落款”中另选。"),
      pages),
    h("section", { class: "card" }, h("h3", {}, "易错词表"),
      h("p", { class: "muted" }, "质检时查找这些写法并提示改正。"),
      h("div", { class: "row" }, wrong, right, note, h("button", { id: "w-add", onclick: () => void add() }, "添加")),
      h("table", { class: "words" }, h("thead", {}, h("tr", {}, h("th", {}, "错误写法"), h("th", {}, "正确写法"), h("th", {}, "说明"), h("th", {}, "来源"), h("th", {}))), words))));
  const showFonts = (report: FontReport) => {
    clear(fonts);
    clear(fontDetails);
    for (const l of report.rows) {
      fonts.append(h("li", { class: l.stand_in ? "stand-in" : "" }, l.summary));
      fontDetails.append(h("tr", {}, h("td", {}, l.summary.split("：")[0]), h("td", {}, l.font_name), h("td", { class: "muted path" }, l.path)));
    }
    fontAdvice.textContent = report.advice ?? "";
  };
  try {
    showFonts(await api.fontReport());
  } catch (e) { fonts.append(h("li", { class: "error" }, errText(e))); }
  const current = await api.defaultPageNumbers().catch((e) => { toastError(e); return NATIONAL; });
  pages.append(pageNumberControls("s-pn", current, async (p) => {
    try { await api.setDefaultPageNumbers(p); toast("已保存默认页码样式。"); } catch (e) { toastError(e); }
  }));
  api.docxFontNames().then((n) => { docxNames.value = n; }).catch((e) => toast(errText(e), "error"));
  api.appInfo().then((i) => {
    document.getElementById("app-info")!.textContent = `公文写作台 ${i.version} · 数据文件：${i.database}`;
  }).catch(() => undefined);
  await load();
}

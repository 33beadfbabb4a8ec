// Step 4 附件与落款: attachments, signing unit, date (typed as 2024年12月20日 whatever the system's
// locale), status, seal, page numbers.

import { api } from "../api";
import { STATUS_LABEL } from "../bindings";
import { bindField } from "../autosave";
import { metaOf, type EditorCtx } from "../context";
import { h } from "../dom";
import { NATIONAL, pageNumberControls } from "../pagenumbers";
import { chineseDate, fromParagraphs, parseDateInput, toParagraphs, today } from "../text";
import { attachmentTexts, formalPanel, renameAttachments } from "./formal";

export function renderClosing(ctx: EditorCtx, root: HTMLElement): void {
  const r = ctx.report;
  const save = ctx.autosave.field(() => api.updateMeta(ctx.id, metaOf(ctx.report)));
  const att = h("textarea", { id: "f-attachments", rows: 4, placeholder: "每个附件一行，不写“附件”二字和序号" });
  att.value = fromParagraphs(r.attachments.map((a) => a.name));
  const sig = h("input", { id: "f-signature", class: "wide", value: r.signature, placeholder: r.unit });
  // A text field in the document's own form: a date input would show the system locale's
  // format (11/30/2026). The stored date changes only when what is typed is a real day.
  const date = h("input", { id: "f-date", class: "date", value: chineseDate(r.date), placeholder: "例如 2024年12月20日", autocomplete: "off" });
  const dateErr = h("span", { class: "field-error", id: "f-date-error", role: "alert" });
  const todayBtn = h("button", { type: "button", id: "b-today", onclick: () => {
    date.value = chineseDate(today());
    date.dispatchEvent(new Event("change"));
    void save.flush();
  } }, "今天");
  // Leaving the field writes a date typed as 2024-12-20 or 2024.12.20 in the document's form.
  date.addEventListener("change", () => {
    const p = parseDateInput(date.value);
    dateErr.textContent = "error" in p ? p.error : "";
    if (!("error" in p)) date.value = chineseDate(p.iso);
  });
  const status = h("select", { id: "f-status" },
    ...(["draft", "final"] as const).map((s) => h("option", { value: s }, STATUS_LABEL[s])));
  status.value = r.status;
  const seal = h("input", { id: "f-seal", type: "checkbox", checked: r.seal });
  const note = h("input", { id: "f-note", class: "wide", value: r.note ?? "", placeholder: "没有附注就空着，例如：（联系人：王敏，电话：0000-1234567）" });
  const sync = () => {
    ctx.report.attachments = renameAttachments(ctx.report.attachments, toParagraphs(att.value));
    ctx.report.signature = sig.value;
    const d = parseDateInput(date.value);
    if (!("error" in d)) ctx.report.date = d.iso;
    ctx.report.status = status.value === "final" ? "final" : "draft";
    ctx.report.seal = seal.checked;
    ctx.report.note = note.value.trim() || null;
  };
  for (const el of [att, sig, date, status, seal, note]) {
    el.addEventListener("input", sync);
    el.addEventListener("change", sync);
    bindField(el, save);
  }
  const pages = pageNumberControls("f-pn", r.page_numbers ?? NATIONAL, (p) => {
    ctx.report.page_numbers = p;
    save.changed();
    void save.flush();
  });
  const changed = () => { save.changed(); void save.flush(); };
  const texts = h("div", {}, attachmentTexts(ctx, changed));
  att.addEventListener("change", () => texts.replaceChildren(attachmentTexts(ctx, changed)));
  root.append(h("div", { class: "form" },
    h("label", {}, "附件说明（每行一个）", att),
    texts,
    h("label", {}, "落款单位（联合行文：各机关之间空一格，导出时每个机关一行）", sig),
    h("div", { class: "row" }, h("label", {}, "成文日期", h("span", { class: "row inline" }, date, todayBtn)), h("label", {}, "状态", status)),
    dateErr,
    h("label", { class: "check" }, seal, " 加盖印章（成文日期右空四字）"),
    h("label", {}, "附注（成文日期下一行，空二字，加圆括号）", note),
    pages,
    formalPanel(ctx, changed)));
  ctx.aside("附件与落款", {
    what: "落款写发文单位全称；成文日期用阿拉伯数字，年份写全，月、日不编虚位（如 2024年12月5日）。有附件时在正文之后注明附件名称。",
    example: "",
  });
}

// The panel 版头与版记 of step 4 (a summary sent upward as a formal 报告, GB/T 9704-2012 §7.2,
// §7.4), off by default: one switch “作为正式报告报送” turns on the 版头 (发文机关标志, 发文字号,
// 签发人) and the 版记 (抄送, 印发机关, 印发日期). The layout itself is the core's; this only
// edits the report's `header` and `record`.

import { api } from "../api";
import type { Attachment, Header, Record as RecordPart, Table, TableEdit } from "../bindings";
import type { EditorCtx } from "../context";
import { ask, h, toastError } from "../dom";
import { blankTable, hasText } from "../table";
import { renderTable } from "../tableview";
import { chineseDate, fromParagraphs, parseDateInput, textsOf, toParagraphs, withTexts } from "../text";

/** Names typed with spaces, `、` or `，` between them. */
export function splitNames(text: string): string[] {
  return text.split(/[\s、，,；;]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The attachments after the clerk edited the list of names: each keeps the text of the
 *  attachment it had at the same name (or, failing that, the same place). */
export function renameAttachments(old: Attachment[], names: string[]): Attachment[] {
  return names.map((name, i) => {
    const same = old.find((a) => a.name === name) ?? old[i];
    return { name, paragraphs: same ? same.paragraphs : [] };
  });
}

export function defaultHeader(unit: string): Header {
  return { organ: unit ? `${unit}文件` : "", number: "", signers: [] };
}

export function defaultRecord(): RecordPart {
  return { cc: [], printed_by: "", printed_on: null };
}

/** The panel; `changed` saves the report's metadata. */
export function formalPanel(ctx: EditorCtx, changed: () => void): HTMLElement {
  const r = ctx.report;
  const on = h("input", { id: "f-formal", type: "checkbox", checked: r.header !== null || r.record !== null });
  const header = r.header ?? defaultHeader(r.unit);
  const record = r.record ?? defaultRecord();
  const organ = h("input", { id: "f-organ", class: "wide", value: header.organ, placeholder: "如：青石镇人民政府文件" });
  const number = h("input", { id: "f-number", value: header.number, placeholder: "如：青政〔2024〕12号" });
  const signers = h("input", { id: "f-signers", value: header.signers.join("　"), placeholder: "如：王某某（多人用空格分开）" });
  const cc = h("textarea", { id: "f-cc", rows: 3, placeholder: "每行一个机关，不加标点" });
  cc.value = fromParagraphs(record.cc);
  const by = h("input", { id: "f-printed-by", class: "wide", value: record.printed_by, placeholder: "如：青石镇党政综合办公室" });
  // Typed as 2024年12月20日 whatever the system locale (a date input would show 12/20/2024).
  const date = h("input", { id: "f-printed-on", class: "date", value: chineseDate(record.printed_on), placeholder: "例如 2024年12月21日", autocomplete: "off" });
  const dateErr = h("span", { class: "field-error", id: "f-printed-on-error", role: "alert" });
  let printedOn = record.printed_on ?? null;
  date.addEventListener("change", () => {
    const p = parseDateInput(date.value, "印发日期");
    dateErr.textContent = "error" in p ? p.error : "";
    if (!("error" in p)) {
      printedOn = p.iso;
      date.value = chineseDate(p.iso);
    }
  });
  const fields = h("div", { class: "form", id: "f-formal-fields" },
    h("label", {}, "发文机关标志（红色，居中）", organ),
    h("div", { class: "row" }, h("label", {}, "发文字号", number), h("label", {}, "签发人", signers)),
    h("label", {}, "抄送机关（每行一个）", cc),
    h("div", { class: "row" }, h("label", {}, "印发机关", by), h("label", {}, "印发日期", date)),
    dateErr);
  const show = () => { fields.hidden = !on.checked; };
  const sync = () => {
    if (!on.checked) {
      ctx.report.header = null;
      ctx.report.record = null;
    } else {
      ctx.report.header = { organ: organ.value.trim(), number: number.value.trim(), signers: splitNames(signers.value) };
      ctx.report.record = { cc: toParagraphs(cc.value), printed_by: by.value.trim(), printed_on: printedOn };
    }
    show();
    changed();
  };
  for (const el of [on, organ, number, signers, cc, by, date]) {
    el.addEventListener("input", sync);
    el.addEventListener("change", sync);
  }
  show();
  return h("fieldset", { class: "formal", id: "formal-panel" },
    h("legend", {}, "版头与版记"),
    h("label", { class: "check" }, on, " 作为正式报告报送"),
    h("p", { class: "muted" }, "以乡镇政府名义向上级报送的报告：第一页加红色发文机关标志、发文字号、签发人和红色分隔线；最后一页（双数页）底部加抄送、印发机关和印发日期。发文字号写作“青政〔2024〕12号”（六角括号，不加“第”，序号不编虚位）。"),
    fields);
}

/** One textarea per attachment for its own text (printed on pages of its own after the body). */
export function attachmentTexts(ctx: EditorCtx, changed: () => void): HTMLElement {
  const box = h("div", { id: "f-attachment-texts" });
  const list = ctx.report.attachments;
  list.forEach((a, i) => {
    const t = h("textarea", { id: `f-attachment-text-${i}`, rows: 3, placeholder: "附件正文（可空：空着则只在附件说明中列出名称），每段一行" });
    t.value = fromParagraphs(textsOf(a.paragraphs));
    t.addEventListener("input", () => {
      const cur = ctx.report.attachments[i];
      if (cur) cur.paragraphs = withTexts(cur.paragraphs, toParagraphs(t.value));
      changed();
    });
    box.append(h("label", {}, `附件${list.length > 1 ? i + 1 : ""}“${a.name}”的内容`, t));
    // Its tables (e.g. an attachment that is a 统计表), after the text, editable as in 正文.
    a.paragraphs.forEach((item, index) => {
      if (typeof item !== "string") box.append(attachmentTable(ctx, i, index, changed));
    });
    box.append(h("div", { class: "actions-left" },
      h("button", { type: "button", class: "tool", id: `b-att-table-${i}`, onclick: () => void redrawAfter(ctx, changed, () => {
        ctx.report.attachments[i]?.paragraphs.push({ table: blankTable(3, 3) });
      }) }, "在这个附件中插入表格")));
  });
  return box;
}

/** Saves the report's attachments after `change` and draws the step again. */
async function redrawAfter(ctx: EditorCtx, changed: () => void, change: () => void, focus?: string): Promise<void> {
  await ctx.autosave.flushAll();
  change();
  changed();
  await ctx.autosave.flushAll();
  if (ctx.autosave.dirty) return; // the status line says why
  await ctx.replaced(ctx.report, focus ? { focus } : undefined);
}

/** Table `index` of attachment `i`, with the same editor as in 正文. */
function attachmentTable(ctx: EditorCtx, i: number, index: number, changed: () => void): HTMLElement {
  const key = `ta-${i}-${index}`;
  // Found by identity: typing in the attachment's text may move the table among its items.
  const start = (ctx.report.attachments[i].paragraphs[index] as { table: Table }).table;
  const item = (): { table: Table } => {
    const items = ctx.report.attachments[i]?.paragraphs ?? [];
    const at = items.findIndex((x) => typeof x !== "string" && x.table === start);
    return (items[at] as { table: Table } | undefined) ?? { table: start };
  };
  const idOf = (row: number, cell: number) => `acell-${i}-${index}-${row}-${cell}`;
  return renderTable(item().table, {
    cellIdOf: idOf, key,
    changed,
    edit: async (e: TableEdit, [row, cell]) => {
      await ctx.autosave.flushAll();
      try {
        const t = await api.tableEdit(item().table, e);
        await redrawAfter(ctx, changed, () => (item().table = t), idOf(row, cell));
      } catch (err) {
        toastError(err);
      }
    },
    setHeaderRows: (n) => redrawAfter(ctx, changed, () => (item().table.header_rows = n), `${key}-heads`),
    remove: async () => {
      if (hasText(item().table) && !(await ask("删除这个表格及其中的文字？", "删除"))) return;
      const items = ctx.report.attachments[i].paragraphs;
      await redrawAfter(ctx, changed, () => {
        const at = items.indexOf(item());
        if (at >= 0) items.splice(at, 1);
      });
    },
  }, (el) => el.addEventListener("blur", () => void ctx.autosave.flushAll()));
}

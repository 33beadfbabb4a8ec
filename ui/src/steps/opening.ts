// Step 2 导语: the paragraphs before the first heading.

import { api } from "../api";
import { bindField } from "../autosave";
import type { EditorCtx } from "../context";
import { autosize, h } from "../dom";
import { fromParagraphs, toParagraphs } from "../text";

export function renderOpening(ctx: EditorCtx, root: HTMLElement): void {
  const ta = h("textarea", { id: "f-opening", rows: 12, placeholder: "每段一行。概括全年工作的总体情况……" });
  ta.value = fromParagraphs(ctx.report.opening);
  const save = ctx.autosave.field(async () => {
    const paras = toParagraphs(ta.value);
    await api.setOpening(ctx.id, paras);
    ctx.report.opening = paras;
  });
  bindField(ta, save);
  // The preview pane follows the text as typed, before it is saved.
  ta.addEventListener("input", () => { ctx.report.opening = toParagraphs(ta.value); });
  autosize(ta);
  root.append(h("div", { class: "form" }, h("label", {}, "导语（每段一行）", ta)));
  ctx.aside("导语", ctx.template?.opening);
}

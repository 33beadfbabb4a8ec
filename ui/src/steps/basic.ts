// Step 1 基本信息: unit, year, period; a title proposed from them, editable.

import { api, errText } from "../api";
import { bindField } from "../autosave";
import { PERIODS, YEARS } from "../bindings";
import { metaOf, yearHint, type EditorCtx } from "../context";
import { h, toast } from "../dom";

export function renderBasic(ctx: EditorCtx, root: HTMLElement): void {
  const r = ctx.report;
  const save = ctx.autosave.field(() => api.updateMeta(ctx.id, metaOf(ctx.report)));
  const unit = h("input", { id: "f-unit", value: r.unit, placeholder: "例如：双河镇人民政府" });
  const year = h("input", { id: "f-year", type: "number", min: YEARS.min, max: YEARS.max, value: r.year });
  const period = h("select", { id: "f-period" }, ...PERIODS.map((p) => h("option", { value: p, selected: p === r.period }, p)));
  period.value = r.period;
  const title = h("input", { id: "f-title", class: "wide", value: r.title });
  const propose = h("button", { id: "b-propose", type: "button", onclick: async () => {
    try {
      title.value = await api.proposeTitle(ctx.report.kind, unit.value, ctx.report.year, period.value);
    } catch (e) {
      toast(errText(e), "error");
      return;
    }
    ctx.report.title = title.value;
    save.changed();
    void save.flush();
  } }, "按单位、年度重新生成标题");
  const sync = () => {
    ctx.report.unit = unit.value;
    const y = Number(year.value);
    if (Number.isInteger(y) && y >= YEARS.min && y <= YEARS.max) ctx.report.year = y;
    else if (year.value.length >= 4) toast(`${yearHint()}，未保存这一项。`, "error");
    ctx.report.period = period.value;
    ctx.report.title = title.value;
  };
  for (const el of [unit, year, period, title]) {
    el.addEventListener("input", sync);
    el.addEventListener("change", sync);
    bindField(el, save);
  }
  root.append(
    h("div", { class: "form" },
      h("label", {}, "单位", unit),
      h("div", { class: "row" }, h("label", {}, "年度", year), h("label", {}, "期间", period)),
      h("label", {}, "标题", title),
      h("div", { class: "hint" }, propose, " 标题由单位、年度、期间和报告种类生成，可以直接修改。"),
      h("p", { class: "muted" }, `报告种类：${ctx.template?.name ?? ctx.report.kind}`)));
  ctx.aside("基本信息", {
    what: "填写报送单位的全称、所总结的年度和期间。标题一般写作“单位+年度+事项+工作总结”，不加书名号。",
    example: "",
  });
}

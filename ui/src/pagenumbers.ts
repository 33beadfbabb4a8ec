// 页码样式 controls, shared by 设置 (the default for new reports) and 附件与落款 (this report):
// position, dash and whether the first page shows its number. The core places the number.

import { h } from "./dom";
import { DEFAULT_PAGE_NUMBERS, type PageNumbers } from "./bindings";

/** The national style, which a report has until the clerk chooses another (the core's default). */
export const NATIONAL: PageNumbers = DEFAULT_PAGE_NUMBERS;

/** The three controls for `value`; `changed` gets the new style after every change. */
export function pageNumberControls(prefix: string, value: PageNumbers, changed: (p: PageNumbers) => void): HTMLElement {
  const position = h("select", { id: `${prefix}-position` },
    h("option", { value: "national" }, "国标：单页居右、双页居左"),
    h("option", { value: "center" }, "居中"));
  position.value = value.position;
  const dash = h("select", { id: `${prefix}-dash` },
    h("option", { value: "em" }, "— 1 —"),
    h("option", { value: "hyphen" }, "- 1 -"));
  dash.value = value.dash;
  const first = h("input", { id: `${prefix}-first`, type: "checkbox", checked: value.first_page });
  const read = (): PageNumbers => ({
    position: position.value === "center" ? "center" : "national",
    dash: dash.value === "hyphen" ? "hyphen" : "em",
    first_page: first.checked,
  });
  for (const el of [position, dash, first]) el.addEventListener("change", () => changed(read()));
  return h("div", { class: "row", id: `${prefix}-page-numbers` },
    h("label", {}, "页码位置", position),
    h("label", {}, "页码样式", dash),
    h("label", { class: "check" }, first, " 首页显示页码"));
}

// The table editor: a table drawn as it will print (merged cells span their rows and columns,
// header rows shaded, numbers right-aligned), one field per cell, and a toolbar for its rows,
// columns, merged cells, header rows, title. Typing changes the cell's text here; the
// structural changes are the core's (`table_edit`), after which the step is drawn again.

import type { Table, TableEdit } from "./bindings";
import { h, toast } from "./dom";
import { boundingBox, cellText, colspanOf, isNumeric, overlaps, rowspanOf, setCellText } from "./table";

/** Where a table sits and what its toolbar does (body.ts supplies these). */
export interface TableHost {
  /** The element id of cell (`row`, index `cell` in the row) — in a section
   *  `cell-{node}-{index}-{row}-{cell}` (see `cellId`). */
  cellIdOf(row: number, cell: number): string;
  /** Element id prefix of this table's block and buttons. */
  key: string;
  /** A cell, the title or the header rows changed: save soon. */
  changed(): void;
  /** A structural edit; `focus` is the cell (row, index) to focus afterwards. */
  edit(edit: TableEdit, focus: [number, number]): Promise<void>;
  /** The number of header rows changed (saved and drawn again). */
  setHeaderRows(n: number): Promise<void>;
  /** 删除表格. */
  remove(): Promise<void>;
  /** 计算合计, for reports whose tables have totals the core can fill. */
  totals?: () => Promise<void>;
  /** A cell got the focus. */
  focused?: () => void;
}

/** Grows a cell's field with its text (one line at least). */
function fit(ta: HTMLTextAreaElement): void {
  ta.style.height = "auto";
  ta.style.height = `${ta.scrollHeight + 2}px`;
}

/** Fits every cell field under `root` (reads first, then writes: two layouts). */
export function fitCells(root: ParentNode): void {
  const all = [...root.querySelectorAll<HTMLTextAreaElement>("textarea.cell")];
  for (const ta of all) ta.style.height = "auto";
  const hs = all.map((ta) => ta.scrollHeight + 2);
  all.forEach((ta, i) => (ta.style.height = `${hs[i]}px`));
}

export function renderTable(t: Table, host: TableHost, bindCell: (el: HTMLInputElement | HTMLTextAreaElement) => void): HTMLElement {
  const { key } = host;
  let cur: [number, number] | null = null;
  let other: [number, number] | null = null;
  const tds = new Map<string, HTMLTableCellElement>();
  const columns = (t.rows[0] ?? []).reduce((n, c) => n + colspanOf(c), 0);

  const mark = () => {
    for (const td of tds.values()) td.classList.remove("sel");
    if (!cur || !other) return;
    const a = tds.get(cur.join("-"));
    const b = tds.get(other.join("-"));
    if (!a || !b) return;
    const box = boundingBox(a.getBoundingClientRect(), b.getBoundingClientRect());
    for (const td of tds.values()) if (overlaps(td.getBoundingClientRect(), box)) td.classList.add("sel");
  };

  const grid = h("table", { class: "tbl-grid", id: `${key}-grid`, style: `min-width: ${Math.max(columns, 1) * 3.2}em` });
  if (t.widths && t.widths.length === columns) {
    const total = t.widths.reduce((a, b) => a + b, 0);
    grid.append(h("colgroup", {}, ...t.widths.map((w) => h("col", { style: `width: ${(100 * w / total).toFixed(2)}%` }))));
  }
  t.rows.forEach((row, r) => {
    const tr = h("tr", { class: r < t.header_rows ? "head" : undefined });
    row.forEach((c, i) => {
      const text = cellText(c);
      const ta = h("textarea", {
        id: host.cellIdOf(r, i), class: `cell${isNumeric(text) ? " num" : ""}`, rows: 1,
        "aria-label": `第${r + 1}行第${i + 1}格`, spellcheck: false,
      });
      ta.value = text;
      ta.addEventListener("input", () => {
        setCellText(t, r, i, ta.value);
        ta.classList.toggle("num", isNumeric(ta.value));
        if (ta.scrollHeight > ta.clientHeight || ta.value === "") fit(ta);
        host.changed();
      });
      ta.addEventListener("focus", () => {
        cur = [r, i];
        other = null;
        mark();
        host.focused?.();
      });
      bindCell(ta);
      const td = h("td", {
        colspan: colspanOf(c) > 1 ? colspanOf(c) : undefined,
        rowspan: rowspanOf(c) > 1 ? rowspanOf(c) : undefined,
        "data-cell": `${r}-${i}`,
      }, ta);
      // Shift+click: the other corner of the cells to merge (the focus stays where it was).
      td.addEventListener("mousedown", (e) => {
        if (!e.shiftKey || !cur) return;
        e.preventDefault();
        other = [r, i];
        mark();
      });
      tds.set(`${r}-${i}`, td);
      tr.append(td);
    });
    grid.append(tr);
  });

  const need = (f: (c: [number, number]) => void) => () => {
    if (!cur) {
      toast("请先点一下表格里的一格，再用这个按钮。", "warn");
      return;
    }
    f(cur);
  };
  const btn = (op: string, label: string, what: string, run: () => void, cls = "tool") =>
    h("button", { type: "button", class: cls, id: `${key}-${op}`, title: what, onclick: run }, label);

  const title = h("input", { id: `${key}-title`, class: "tbl-title", value: t.title ?? "", placeholder: "表格标题（可不填）" });
  title.addEventListener("input", () => {
    t.title = title.value.trim() === "" ? null : title.value;
    host.changed();
  });
  bindCell(title);
  const heads = h("input", { id: `${key}-heads`, type: "number", min: 0, max: t.rows.length, value: t.header_rows, class: "tbl-heads" });
  heads.addEventListener("change", () => {
    const n = Number(heads.value);
    if (!Number.isInteger(n) || n < 0 || n > t.rows.length) {
      toast(`表头行数请填 0 到 ${t.rows.length} 之间的整数。`, "warn");
      heads.value = String(t.header_rows);
      return;
    }
    void host.setHeaderRows(n);
  });

  const tools = h("div", { class: "tbl-tools" },
    h("span", { class: "group" },
      btn("row-above", "上方插入行", "在当前格所在行的上方插入一行", need(([r]) => void host.edit({ op: "insert_row", at: r }, [r, 0]))),
      btn("row-below", "下方插入行", "在当前格所在行的下方插入一行",
        need(([r, i]) => { const below = r + rowspanOf(t.rows[r][i]); void host.edit({ op: "insert_row", at: below }, [below, 0]); })),
      btn("row-remove", "删除行", "删除当前格所在的行", need(([r]) => void host.edit({ op: "remove_row", row: r }, [Math.max(0, r - 1), 0])), "tool danger")),
    h("span", { class: "group" },
      btn("col-left", "左侧插入列", "在当前格左侧插入一列", need(([r, i]) => void host.edit({ op: "insert_column", row: r, index: i, after: false }, [r, i]))),
      btn("col-right", "右侧插入列", "在当前格右侧插入一列", need(([r, i]) => void host.edit({ op: "insert_column", row: r, index: i, after: true }, [r, i + 1]))),
      btn("col-remove", "删除列", "删除当前格所在的列", need(([r, i]) => void host.edit({ op: "remove_column", row: r, index: i }, [r, Math.max(0, i - 1)])), "tool danger")),
    h("span", { class: "group" },
      btn("merge", "合并单元格", "先点一格，再按住 Shift 点另一格，两格之间的范围合并为一格", need(([r, i]) => {
        if (!other) {
          toast("先点一格，再按住 Shift 点另一格，选出要合并的范围。", "warn");
          return;
        }
        const [r2, i2] = other;
        const first: [number, number] = r < r2 || (r === r2 && i <= i2) ? [r, i] : [r2, i2];
        void host.edit({ op: "merge", row: r, index: i, to_row: r2, to_index: i2 }, first);
      })),
      btn("split", "拆分单元格", "把合并的格拆回单格", need(([r, i]) => void host.edit({ op: "split", row: r, index: i }, [r, i])))));

  const wrap = h("div", { class: "tbl", id: key },
    h("div", { class: "tbl-head" }, title,
      // At the top, where the clerk starts filling in (table 三 is taller than the window).
      host.totals ? btn("totals", "计算合计", "由各分项算出“总计”等合计格（会覆盖合计格中原有的数）", () => void host.totals!(), "tool primary") : "",
      h("label", { class: "small", title: "表格开头几行是表头（跨页时在每页重复）" }, "表头行数", heads),
      btn("remove", "删除表格", "删除整个表格", () => void host.remove(), "tool danger")),
    h("div", { class: "tbl-scroll" }, grid),
    tools,
    h("p", { class: "hint small" }, "点一格输入；合并：先点一格，再按住 Shift 点另一格，然后点“合并单元格”。数字自动靠右。"));
  requestAnimationFrame(() => fitCells(wrap));
  // A narrower grid (window made smaller, side panel dragged) wraps cell text onto more lines:
  // fit again, or the cells' last lines are cut off.
  if (typeof ResizeObserver !== "undefined") {
    let width = 0;
    new ResizeObserver(([e]) => {
      const w = Math.round(e.contentRect.width);
      if (w !== width) {
        width = w;
        fitCells(wrap);
      }
    }).observe(grid);
  }
  return wrap;
}

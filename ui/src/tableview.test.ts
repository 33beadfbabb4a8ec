// @vitest-environment jsdom
import type { Table, TableEdit } from "./bindings";
import { renderTable, type TableHost } from "./tableview";

function host(over: Partial<TableHost> = {}): TableHost & { edits: TableEdit[]; changes: number } {
  const h = {
    edits: [] as TableEdit[],
    changes: 0,
    key: "tb-5-0",
    cellIdOf: (r: number, c: number) => `cell-5-2-${r}-${c}`,
    changed: () => { h.changes++; },
    edit: async (e: TableEdit) => { h.edits.push(e); },
    setHeaderRows: async () => undefined,
    remove: async () => undefined,
    ...over,
  };
  return h;
}

// Where the app says things (dom.ts toast).
beforeAll(() => {
  const t = document.createElement("div");
  t.id = "toast";
  document.body.append(t);
});

const table = (): Table => ({
  title: null,
  header_rows: 1,
  rows: [["项目", { text: "数量", colspan: 2, rowspan: 1 }], ["规章", "12", "3"]],
  widths: null,
});

test("cells are drawn with their spans, ids and the header row; typing sets the text and the alignment", () => {
  const t = table();
  const h = host();
  const el = renderTable(t, h, () => undefined);
  document.body.append(el);
  const rows = el.querySelectorAll("tr");
  expect(rows[0].className).toBe("head");
  expect((rows[0].cells[1] as HTMLTableCellElement).colSpan).toBe(2);
  const cell = document.getElementById("cell-5-2-1-2") as HTMLTextAreaElement;
  expect(cell.value).toBe("3");
  expect(cell.classList.contains("num")).toBe(true);
  expect(document.getElementById("cell-5-2-1-0")!.classList.contains("num")).toBe(false);
  cell.value = "三件";
  cell.dispatchEvent(new Event("input"));
  expect(t.rows[1][2]).toBe("三件");
  expect(cell.classList.contains("num")).toBe(false);
  // A merged cell keeps its span when typed into.
  const merged = document.getElementById("cell-5-2-0-1") as HTMLTextAreaElement;
  merged.value = "件数";
  merged.dispatchEvent(new Event("input"));
  expect(t.rows[0][1]).toEqual({ text: "件数", colspan: 2, rowspan: 1 });
  expect(h.changes).toBe(2);
  el.remove();
});

test("the toolbar acts on the cell that had the focus, in the core's terms", () => {
  const h = host();
  const el = renderTable(table(), h, () => undefined);
  document.body.append(el);
  const click = (op: string) => (document.getElementById(`tb-5-0-${op}`) as HTMLButtonElement).click();
  // No cell chosen yet: nothing is asked of the core.
  click("row-below");
  expect(h.edits).toEqual([]);
  expect(document.getElementById("toast")!.textContent).toContain("请先点一下表格里的一格");
  (document.getElementById("cell-5-2-0-1") as HTMLTextAreaElement).dispatchEvent(new Event("focus"));
  click("row-below");
  click("col-right");
  click("split");
  expect(h.edits).toEqual([
    { op: "insert_row", at: 1 },
    { op: "insert_column", row: 0, index: 1, after: true },
    { op: "split", row: 0, index: 1 },
  ]);
  // Merge wants a second corner (Shift+click).
  click("merge");
  expect(h.edits.length).toBe(3);
  expect(document.getElementById("toast")!.textContent).toContain("按住 Shift");
  const td = document.getElementById("cell-5-2-1-0")!.closest("td")!;
  td.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, shiftKey: true }));
  click("merge");
  expect(h.edits[3]).toEqual({ op: "merge", row: 0, index: 1, to_row: 1, to_index: 0 });
  el.remove();
});

test("计算合计 is offered only when the host can fill totals", () => {
  const plain = renderTable(table(), host(), () => undefined);
  expect(plain.querySelector("#tb-5-0-totals")).toBeNull();
  let asked = 0;
  const withTotals = renderTable(table(), host({ totals: async () => { asked++; } }), () => undefined);
  (withTotals.querySelector("#tb-5-0-totals") as HTMLButtonElement).click();
  expect(asked).toBe(1);
});

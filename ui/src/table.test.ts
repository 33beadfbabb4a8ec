import type { Item, Table } from "./bindings";
import {
  blankTable, boundingBox, cellId, hasText, isNumeric, joinBody, locateParagraph, overlaps, parseSize, runId,
  setCellText, splitBody, tableCellOf, tableItemIndex, totalsError,
} from "./table";
import { describe as where, stepOf } from "./text";

const t1: Table = { title: null, header_rows: 1, rows: [["项目", "数量"], ["规章", "3"]], widths: null };
const t2: Table = { title: "表2", header_rows: 0, rows: [[{ text: "合计", colspan: 2, rowspan: 1 }]], widths: null };

test("a body is cut into runs of paragraphs around its tables and joined back unchanged", () => {
  const items: Item[] = [{ table: t1 }, "甲", "乙", { table: t2 }];
  const b = splitBody(items);
  expect(b.texts).toEqual([[], ["甲", "乙"], []]);
  expect(b.tables).toEqual([t1, t2]);
  expect(joinBody(b)).toEqual(items);
  expect(tableItemIndex(b, 0)).toBe(0);
  expect(tableItemIndex(b, 1)).toBe(3);
  // No table: one run, the whole body.
  expect(splitBody(["一", "二"])).toEqual({ texts: [["一", "二"]], tables: [] });
  expect(joinBody({ texts: [[]], tables: [] })).toEqual([]);
});

test("typing more paragraphs before a table moves its item index, not the table", () => {
  const b = splitBody(["甲", { table: t1 }, "乙"]);
  b.texts[0] = ["甲", "新一段"];
  const items = joinBody(b);
  expect(items).toEqual(["甲", "新一段", { table: t1 }, "乙"]);
  expect(tableItemIndex(b, 0)).toBe(2);
});

test("a paragraph's item index finds its run and its place in the run", () => {
  const items: Item[] = ["甲", { table: t1 }, "乙", "丙"];
  expect(locateParagraph(items, 0)).toEqual({ run: 0, para: 0 });
  expect(locateParagraph(items, 3)).toEqual({ run: 1, para: 1 });
  expect(locateParagraph(items, 1)).toBeNull();
  expect(locateParagraph(items, 9)).toBeNull();
  expect(runId(7, 0)).toBe("p-7");
  expect(runId(7, 2)).toBe("p-7-2");
});

test("cells keep their spans when typed into; a new table is empty cells", () => {
  const t: Table = JSON.parse(JSON.stringify(t2));
  setCellText(t, 0, 0, "12");
  expect(t.rows[0][0]).toEqual({ text: "12", colspan: 2, rowspan: 1 });
  const b = blankTable(2, 3);
  expect(b.rows).toEqual([["", "", ""], ["", "", ""]]);
  expect(hasText(b)).toBe(false);
  setCellText(b, 1, 2, "x");
  expect(b.rows[1][2]).toBe("x");
  expect(hasText(b)).toBe(true);
  expect(hasText({ ...blankTable(1, 1), title: "表1" })).toBe(true);
});

test("numbers are told from words (right-aligned)", () => {
  for (const n of ["12", "0", "3.5", " 482 ", "１２", "-2", "12%"]) expect(isNumeric(n)).toBe(true);
  for (const w of ["", "规章", "12件", "3.", "1,000元", "第二十条"]) expect(isNumeric(w)).toBe(false);
});

test("the size of a new table is checked with a sentence for the clerk", () => {
  expect(parseSize("3", "4")).toEqual({ rows: 3, columns: 4 });
  expect(parseSize("0", "4")).toHaveProperty("error");
  expect(parseSize("3", "1.5")).toHaveProperty("error");
  expect(parseSize("3", "99")).toHaveProperty("error");
});

test("the cells a merge takes are those inside the box of its two corners", () => {
  const a = { left: 0, top: 0, right: 50, bottom: 20 };
  const b = { left: 100, top: 40, right: 150, bottom: 60 };
  const box = boundingBox(a, b);
  expect(box).toEqual({ left: 0, top: 0, right: 150, bottom: 60 });
  expect(overlaps({ left: 50, top: 20, right: 100, bottom: 40 }, box)).toBe(true);
  // A neighbour sharing only a border is not taken.
  expect(overlaps({ left: 150, top: 0, right: 200, bottom: 20 }, box)).toBe(false);
});

test("a finding in a table cell goes to step 3 and the cell's field", () => {
  const loc = { part: "table_cell", path: [1], index: 0, row: 3, cell: 2 };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(stepOf(loc as any)).toBe(3);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(where(loc as any)).toBe("二、表格第4行第3格");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(tableCellOf(loc as any)).toEqual(loc);
  expect(tableCellOf({ part: "title" })).toBeNull();
  expect(cellId(12, 0, 3, 2)).toBe("cell-12-0-3-2");
});

test("计算合计 missing from this build is said plainly", () => {
  expect(totalsError("fill_table_totals not allowed. Command not found")).toContain("还不能自动计算合计");
  expect(totalsError({ kind: "input", message: "表格第 2 行有空缺的格" })).toBe("没能计算合计：表格第 2 行有空缺的格");
});

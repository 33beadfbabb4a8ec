// Tables in a body, as the editor shows them: a section's items cut into runs of paragraphs
// (one textarea each) with the tables between them, cells addressed as the core addresses them
// (row, index in the row), and the few things the editor decides by itself (a number is
// right-aligned). Span resolution and structural edits are the core's (Table::grid,
// Table::edited via the `table_edit` command); the browser lays out the spans.

import type { Cell, Item, Location, Table } from "./bindings";

/** A section body as the editor shows it: `texts[0]`, `tables[0]`, `texts[1]`, … — one run of
 *  paragraphs more than there are tables (runs may be empty). */
export interface Body { texts: string[][]; tables: Table[] }

export function splitBody(items: Item[]): Body {
  const texts: string[][] = [[]];
  const tables: Table[] = [];
  for (const item of items) {
    if (typeof item === "string") texts[texts.length - 1].push(item);
    else {
      tables.push(item.table);
      texts.push([]);
    }
  }
  return { texts, tables };
}

/** The items of a body, in order (the inverse of `splitBody`). */
export function joinBody(b: Body): Item[] {
  const out: Item[] = [];
  b.texts.forEach((run, k) => {
    out.push(...run);
    if (k < b.tables.length) out.push({ table: b.tables[k] });
  });
  return out;
}

/** Index in the items of table `k` (the core's locations count items, tables included). */
export function tableItemIndex(b: Body, k: number): number {
  let n = 0;
  for (let j = 0; j < k; j++) n += b.texts[j].length + 1;
  return n + b.texts[k].length;
}

/** Where item `index` (a paragraph) sits: its run and its position in the run; null for a
 *  table or past the end. */
export function locateParagraph(items: Item[], index: number): { run: number; para: number } | null {
  if (typeof items[index] !== "string") return null;
  let run = 0;
  let para = 0;
  for (let i = 0; i < index; i++) {
    if (typeof items[i] === "string") para++;
    else {
      run++;
      para = 0;
    }
  }
  return { run, para };
}

/** The element id of run `run`'s textarea in section `node` (the first keeps `p-{node}`). */
export function runId(node: number, run: number): string {
  return run === 0 ? `p-${node}` : `p-${node}-${run}`;
}

/** The element id of a cell's field: section node, item index, row, index in the row (as
 *  `Location::TableCell` gives them). */
export function cellId(node: number, index: number, row: number, cell: number): string {
  return `cell-${node}-${index}-${row}-${cell}`;
}

export function cellText(c: Cell): string {
  return typeof c === "string" ? c : c.text;
}

export function colspanOf(c: Cell): number {
  return typeof c === "string" ? 1 : Math.max(1, c.colspan);
}

export function rowspanOf(c: Cell): number {
  return typeof c === "string" ? 1 : Math.max(1, c.rowspan);
}

/** Sets cell `i` of row `r` to `text`, keeping its spans. */
export function setCellText(t: Table, r: number, i: number, text: string): void {
  const c = t.rows[r]?.[i];
  if (c === undefined) return;
  t.rows[r][i] = typeof c === "string" ? text : { ...c, text };
}

/** A `rows` × `columns` table of empty cells (Table::blank). */
export function blankTable(rows: number, columns: number): Table {
  return {
    title: null,
    header_rows: 0,
    rows: Array.from({ length: Math.max(1, rows) }, () => Array.from({ length: Math.max(1, columns) }, () => "")),
    widths: null,
  };
}

/** A count or an amount (`12`, `0`, `3.5`, `-2`, `12%`, full-width digits too): printed and
 *  edited right-aligned. */
export function isNumeric(text: string): boolean {
  return /^[-+−]?[0-9０-９]+([.．][0-9０-９]+)?[%％]?$/.test(text.trim());
}

/** Whether any cell of the table holds text (deleting it then asks first). */
export function hasText(t: Table): boolean {
  return (t.title ?? "").trim() !== "" || t.rows.some((r) => r.some((c) => cellText(c).trim() !== ""));
}

/** Rows × columns the clerk typed for a new table, or the sentence that says what is wrong. */
export function parseSize(rows: string, columns: string): { rows: number; columns: number } | { error: string } {
  const r = Number(rows.trim());
  const c = Number(columns.trim());
  if (!Number.isInteger(r) || r < 1 || r > 200) return { error: "行数请填 1 到 200 之间的整数。" };
  if (!Number.isInteger(c) || c < 1 || c > 20) return { error: "列数请填 1 到 20 之间的整数。" };
  return { rows: r, columns: c };
}

/** Rectangles on screen (left, top, right, bottom): the bounding box of `a` and `b`. */
export interface Box { left: number; top: number; right: number; bottom: number }

export function boundingBox(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

/** Whether `cell` lies inside `box` by more than a border (the cells a merge would take as the
 *  clerk sees them; the core widens the range to whole merged cells). */
export function overlaps(cell: Box, box: Box, slack = 2): boolean {
  return cell.left < box.right - slack && cell.right > box.left + slack && cell.top < box.bottom - slack && cell.bottom > box.top + slack;
}

/** The message for a failed 计算合计: the command may not be in this build yet. */
export function totalsError(e: unknown): string {
  const text = typeof e === "string" ? e : e && typeof e === "object" && "message" in e ? String((e as { message: unknown }).message) : String(e);
  if (/not found|unknown command|fill_table_totals/i.test(text)) {
    return "这个版本还不能自动计算合计，请手工填写各“总计”格。";
  }
  return `没能计算合计：${text}`;
}

/** A finding's place in a table cell (`Location::TableCell`, `{part: "table_cell", path,
 *  index, row, cell}`): the section path, the item index, the row, the cell's index in it. */
export interface TableCellLocation { part: "table_cell"; path: number[]; index: number; row: number; cell: number }

/** The location as a table cell's, or null for any other part. */
export function tableCellOf(loc: Location | TableCellLocation): TableCellLocation | null {
  return (loc as { part: string }).part === "table_cell" ? (loc as unknown as TableCellLocation) : null;
}

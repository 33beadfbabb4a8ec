// Text helpers: paragraphs in a textarea, char offsets from the core, proposed names.

// The functions that mirror the core (describe, guidanceAt, periodInTitle, chineseDate) are
// checked against it by vectors.test.ts over tests/vectors/*.json, which the core writes.

import { GENERIC_SUBJECT, type Guidance, type Item, type Location, type Report, type Table, type Template } from "./bindings";
import { pathNumber } from "./numbering";

/** A textarea holds one paragraph per line; blank lines are not paragraphs. */
export function toParagraphs(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

export function fromParagraphs(paras: string[]): string {
  return paras.join("\n");
}

/** A body item's table, or null for a paragraph. */
export function tableOf(item: Item): Table | null {
  return typeof item === "string" ? null : item.table;
}

/** The paragraphs of a body (its text items, in order); tables are edited apart. */
export function textsOf(items: Item[]): string[] {
  return items.filter((i): i is string => typeof i === "string");
}

/** The position among the paragraphs of body item `index` (the core's locations count items,
 *  tables included); -1 for a table. */
export function textIndex(items: Item[], index: number): number {
  if (typeof items[index] !== "string") return -1;
  return items.slice(0, index).filter((i) => typeof i === "string").length;
}

/** The body with its paragraphs replaced by `texts`: each table stays after the paragraphs
 *  that preceded it (at the end when fewer paragraphs remain), so editing text never loses a
 *  table. */
export function withTexts(items: Item[], texts: string[]): Item[] {
  const out: Item[] = [];
  let t = 0;
  for (const item of items) {
    if (typeof item === "string") {
      if (t < texts.length) out.push(texts[t++]);
    } else {
      out.push(item);
    }
  }
  while (t < texts.length) out.push(texts[t++]);
  return out;
}

/** The core counts chars (Unicode scalar values); a textarea counts UTF-16 units. */
export function charToUtf16(text: string, chars: number): number {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= chars) break;
    units += ch.length;
    seen++;
  }
  return units;
}

/** Where paragraph `index` + char `start..end` of it sits in the textarea joined by "\n". */
export function paragraphRange(paras: string[], index: number, start = 0, end?: number): [number, number] {
  let offset = 0;
  for (let i = 0; i < index && i < paras.length; i++) offset += paras[i].length + 1;
  const p = paras[index] ?? "";
  const s = offset + charToUtf16(p, start);
  const e = offset + charToUtf16(p, end ?? Array.from(p).length);
  return [s, e];
}

/** 单位+年份+标题, as the clerk would name the file, or the name the clerk gave the report in
 *  the list (`listName`, when it is not the title); characters Windows forbids dropped. */
export function proposedFileName(r: Pick<Report, "unit" | "year" | "title">, ext: "docx" | "pdf", listName?: string): string {
  const own = listName?.replace(/[\\/:*?"<>|\r\n\t]/g, "").trim();
  if (own && listName!.trim() !== r.title.trim()) return `${own}.${ext}`;
  let title = r.title.trim();
  // A title usually already begins with unit and year; don't say them twice.
  const prefix = `${r.unit}${r.year}年`;
  let base = title.startsWith(r.unit) ? title : `${r.unit}${r.year}年${title}`;
  if (!title) base = `${prefix}${GENERIC_SUBJECT}`;
  base = base.replace(/[\\/:*?"<>|\r\n\t]/g, "").trim() || "报告";
  return `${base}.${ext}`;
}

/** How a period reads after the year, e.g. 2024年 + 上半年; the whole year adds nothing
 *  (model::period_in_title). */
export function periodInTitle(period: string): string {
  const p = period.trim();
  return p === "年度" || p === "全年" ? "" : p;
}

/** The step that shows a location, for "定位". */
export function stepOf(loc: Location): number {
  const part: string = loc.part;
  switch (part) {
    case "title":
    case "subtitle":
    case "addressee":
    case "report":
      return 1;
    case "opening":
      return 2;
    case "heading":
    case "paragraph":
    case "table_cell":
      return 3;
    default:
      return 4;
  }
}

/** Chinese label of a location, e.g. 一、（二）第1段 (check::Location::describe). */
export function describe(loc: Location): string {
  switch (loc.part) {
    case "title": return "标题";
    case "opening": return `导语第${loc.index + 1}段`;
    case "heading": return `${pathNumber(loc.path)}小标题`;
    case "paragraph": return `${pathNumber(loc.path)}第${loc.index + 1}段`;
    case "table_cell": return `${pathNumber(loc.path)}表格第${loc.row + 1}行第${loc.cell + 1}格`;
    case "attachment": return `附件${loc.index + 1}`;
    case "attachment_paragraph": return `附件${loc.attachment + 1}第${loc.index + 1}段`;
    case "header": return "版头";
    case "record": return "版记";
    case "signature": return "落款";
    case "date": return "成文日期";
    default: return "报告信息";
  }
}

/** Guidance for the section at `path` of a template (as Template::guidance_at). */
export function guidanceAt(t: Template | undefined, path: number[]): Guidance | undefined {
  if (!t || path.length === 0) return undefined;
  let cur = t.sections[path[0]];
  for (const i of path.slice(1)) {
    if (!cur) return undefined;
    cur = cur.children[i];
  }
  return cur?.guidance;
}

/** Guidance for a section the template may not have (as Template::guidance_near): that of the
 *  deepest template section along `path`, and how many leading indices of `path` it answers. */
export function guidanceNear(t: Template | undefined, path: number[]): { guidance: Guidance; depth: number } | undefined {
  if (!t || path.length === 0) return undefined;
  let cur = t.sections[path[0]];
  if (!cur) return undefined;
  let depth = 1;
  for (const i of path.slice(1)) {
    const next = cur.children[i];
    if (!next) break;
    cur = next;
    depth++;
  }
  return { guidance: cur.guidance, depth };
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 2024-12-05 → 2024年12月5日 as the document prints it (Date::to_chinese: no padding zeros);
 *  "" for no date or one the core would refuse (30 February). */
export function chineseDate(iso: string | null): string {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return "";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls 30 February over into March; a date that comes back changed did not exist.
  // setUTCFullYear, unlike Date.UTC, takes years below 100 as they are.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  const real = y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  return real ? `${y}年${mo}月${d}日` : "";
}

/** What the clerk typed in a date field, read the same whatever the system's locale:
 *  `2024年12月20日`, `2024-12-20`, `2024.12.20`, `2024/12/20` (full-width digits too) →
 *  `{ iso: "2024-12-20" }`; an empty field → `{ iso: null }`; anything else, or a day that does
 *  not exist (30 February) → `{ error }` with the sentence to show. */
export function parseDateInput(text: string, what = "成文日期"): { iso: string | null } | { error: string } {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (!t) return { iso: null };
  const m = t.match(/^(\d{4})\s*[年\-./／\s]\s*(\d{1,2})\s*[月\-./／\s]\s*(\d{1,2})\s*日?$/);
  const hint = `请按“2024年12月20日”的样子填写${what}。`;
  if (!m) return { error: hint };
  const pad = (n: string) => n.padStart(2, "0");
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return chineseDate(iso) ? { iso } : { error: `没有${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日这一天，${hint}` };
}

// Heading numbers derived from position (一、（一）1.（1）); the clerk never types them. The UI
// numbers while the clerk edits the tree, without asking the core; vectors.test.ts proves these
// functions give what the core's text::to_chinese and model::numbering give, over tests/vectors/numbering.json.

import { MAX_LEVEL } from "./bindings";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return "十" + (n % 10 === 0 ? "" : DIGITS[n % 10]);
  if (n < 100) return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 === 0 ? "" : DIGITS[n % 10]);
  if (n < 1000) {
    const rest = n % 100;
    let tail = "";
    if (rest === 0) tail = "";
    else if (rest < 10) tail = "零" + DIGITS[rest];
    else if (rest < 20) tail = "一" + chineseNumeral(rest);
    else tail = chineseNumeral(rest);
    return DIGITS[Math.floor(n / 100)] + "百" + tail;
  }
  return String(n);
}

export function headingNumber(level: number, index: number): string {
  const n = index + 1;
  switch (level) {
    case 1: return `${chineseNumeral(n)}、`;
    case 2: return `（${chineseNumeral(n)}）`;
    case 3: return `${n}.`;
    default: return `（${n}）`;
  }
}

/** The numbers of a section path joined, e.g. [0, 1, 2] → 一、（二）3. (what check's Location::describe writes before 小标题). */
export function pathNumber(path: number[]): string {
  return path.map((i, depth) => headingNumber(Math.min(depth + 1, MAX_LEVEL), i)).join("");
}

export interface FlatNode<S> { node: S; level: number; path: number[]; number: string }

/** The section tree in reading order with each node's level, path and derived number. */
export function flatten<S extends { children: S[] }>(sections: S[]): FlatNode<S>[] {
  const out: FlatNode<S>[] = [];
  const walk = (list: S[], level: number, prefix: number[]) => {
    list.forEach((node, i) => {
      const path = [...prefix, i];
      out.push({ node, level, path, number: headingNumber(level, i) });
      walk(node.children, level + 1, path);
    });
  };
  walk(sections, 1, []);
  return out;
}

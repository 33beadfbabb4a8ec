// Heading numbers derived from position, exactly as the core's model::numbering does it
// (一、（一）1.（1）); the clerk never types them.

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

export const MAX_LEVEL = 4;

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

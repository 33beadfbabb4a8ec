import { chineseNumeral, flatten, headingNumber } from "./numbering";
import { charToUtf16, chineseDate, describe, guidanceAt, paragraphRange, proposedFileName, proposedTitle, stepOf, toParagraphs } from "./text";
import type { Template } from "./types";

test("numbers match the core's 一、（一）1.（1）", () => {
  expect([1, 2, 3, 4].map((l) => headingNumber(l, 1))).toEqual(["二、", "（二）", "2.", "（2）"]);
  expect([10, 11, 20, 21, 100, 101, 110, 115].map(chineseNumeral)).toEqual(
    ["十", "十一", "二十", "二十一", "一百", "一百零一", "一百一十", "一百一十五"]);
});

test("flatten walks the tree in reading order with derived numbers", () => {
  interface N { heading: string; children: N[] }
  const s = (heading: string, children: N[] = []): N => ({ heading, children });
  const flat = flatten([s("工作开展情况", [s("甲"), s("乙")]), s("存在的问题")]);
  expect(flat.map((f) => `${f.number}${f.node.heading}`)).toEqual(
    ["一、工作开展情况", "（一）甲", "（二）乙", "二、存在的问题"]);
  expect(flat[2].path).toEqual([0, 1]);
});

test("paragraphs: one per line, blank lines dropped", () => {
  expect(toParagraphs("  第一段\n\n第二段 \r\n")).toEqual(["第一段", "第二段"]);
});

test("char offsets from the core become textarea offsets (astral chars count twice)", () => {
  expect(charToUtf16("𠀀共X条", 2)).toBe(3);
  expect(paragraphRange(["甲乙", "共X条"], 1, 1, 2)).toEqual([4, 5]);
});

test("proposed file name: 单位+年份+标题, never twice, no forbidden characters", () => {
  expect(proposedFileName({ unit: "双河镇人民政府", year: 2024, title: "双河镇人民政府2024年政务公开工作总结" }, "docx"))
    .toBe("双河镇人民政府2024年政务公开工作总结.docx");
  expect(proposedFileName({ unit: "双河镇", year: 2024, title: "政务公开/工作总结" }, "pdf")).toBe("双河镇2024年政务公开工作总结.pdf");
  expect(proposedFileName({ unit: "双河镇", year: 2024, title: "" }, "pdf")).toBe("双河镇2024年工作总结.pdf");
});

test("proposed title leaves out 年度", () => {
  expect(proposedTitle("双河镇", 2024, "年度", "政务公开工作总结")).toBe("双河镇2024年政务公开工作总结");
  expect(proposedTitle("双河镇", 2024, "上半年", "政务公开工作总结")).toBe("双河镇2024年上半年政务公开工作总结");
});

test("locations: step and Chinese label", () => {
  expect(stepOf({ part: "paragraph", path: [0], index: 0 })).toBe(3);
  expect(stepOf({ part: "signature" })).toBe(4);
  expect(describe({ part: "paragraph", path: [0, 1], index: 2 }, () => "一、（二）")).toBe("一、（二）第3段");
  expect(describe({ part: "opening", index: 0 }, () => "")).toBe("导语第1段");
});

test("guidance follows the template's tree", () => {
  const g = (what: string) => ({ what, example: "" });
  const t = { sections: [{ heading: "a", run_in: false, guidance: g("A"), children: [{ heading: "b", run_in: false, guidance: g("B"), children: [] }] }] } as unknown as Template;
  expect(guidanceAt(t, [0, 0])?.what).toBe("B");
  expect(guidanceAt(t, [3])).toBeUndefined();
});

test("dates read as the document prints them", () => {
  expect(chineseDate("2024-12-05")).toBe("2024年12月5日");
  expect(chineseDate(null)).toBe("");
  expect(chineseDate("garbage")).toBe("");
});

// The functions that mirror the core are checked against it in vectors.test.ts.
import { flatten } from "./numbering";
import { charToUtf16, paragraphRange, parseDateInput, proposedFileName, stepOf, textIndex, textsOf, toParagraphs, withTexts } from "./text";

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

test("locations: the step that shows them", () => {
  expect(stepOf({ part: "paragraph", path: [0], index: 0 })).toBe(3);
  expect(stepOf({ part: "signature" })).toBe(4);
  expect(stepOf({ part: "addressee" })).toBe(1);
});

test("dates are read in the document's form whatever the locale, and impossible days refused", () => {
  expect(parseDateInput("2024年12月20日")).toEqual({ iso: "2024-12-20" });
  expect(parseDateInput(" 2024年1月5日 ")).toEqual({ iso: "2024-01-05" });
  expect(parseDateInput("2024-12-20")).toEqual({ iso: "2024-12-20" });
  expect(parseDateInput("2024.3.8")).toEqual({ iso: "2024-03-08" });
  expect(parseDateInput("２０２４年１２月２０日")).toEqual({ iso: "2024-12-20" });
  expect(parseDateInput("")).toEqual({ iso: null });
  expect(parseDateInput("12/20/2024")).toHaveProperty("error");
  expect(parseDateInput("2023年2月29日")).toHaveProperty("error");
  expect(parseDateInput("2024年2月29日")).toEqual({ iso: "2024-02-29" });
});

test("a name given in the list is the proposed file name as it is", () => {
  const r = { unit: "双河镇人民政府", year: 2024, title: "双河镇人民政府2024年政务公开工作总结" };
  expect(proposedFileName(r, "docx", r.title)).toBe("双河镇人民政府2024年政务公开工作总结.docx");
  expect(proposedFileName(r, "pdf", "送审稿/第二版")).toBe("送审稿第二版.pdf");
});

test("editing a body's paragraphs keeps its tables where they were", () => {
  const table = { table: { title: null, header_rows: 1, rows: [["甲", "乙"]], widths: null } };
  const items = ["第一段", table, "第二段"];
  expect(textsOf(items)).toEqual(["第一段", "第二段"]);
  expect(textIndex(items, 2)).toBe(1);
  expect(textIndex(items, 1)).toBe(-1);
  expect(withTexts(items, ["改过", "第二段", "新增"])).toEqual(["改过", table, "第二段", "新增"]);
  // Fewer paragraphs than before: the table is still there.
  expect(withTexts(items, [])).toEqual([table]);
});

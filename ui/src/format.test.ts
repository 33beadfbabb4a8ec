import type { ReportSummary } from "./bindings";
import { summaryLine, yearAndPeriod } from "./format";

const summary = (over: Partial<ReportSummary>): ReportSummary => ({
  id: 1, kind: "township-zwgk", unit: "双河镇", year: 2024, period: "上半年", title: "", status: "final",
  name: "", updated_at: 0, updated: "2024年12月20日 16:05", trashed_at: null, last_step: 1, ...over,
});

test("summary line shows unit, year, period and the core's status label", () => {
  const line = summaryLine(summary({}));
  expect(line.name).toBe("（无标题）");
  expect(line.detail).toBe("双河镇 · 2024年上半年 · 定稿 · 2024年12月20日 16:05");
  expect(summaryLine(summary({ status: "draft", title: "甲" })).detail).toContain("草稿");
});

test("the whole year is not written out, however it is named", () => {
  expect(yearAndPeriod({ year: 2024, period: "年度" })).toBe("2024年");
  expect(yearAndPeriod({ year: 2024, period: "全年" })).toBe("2024年");
});

test("the list name comes first; the printed title is shown only when it differs", () => {
  expect(summaryLine(summary({ title: "双河镇2024年总结", name: "双河镇2024年总结" })).printedTitle).toBeNull();
  const renamed = summaryLine(summary({ title: "双河镇2024年总结", name: "送审稿" }));
  expect(renamed.name).toBe("送审稿");
  expect(renamed.printedTitle).toBe("双河镇2024年总结");
});

import type { ReportSummary } from "./bindings";
import { summaryLine, yearAndPeriod } from "./format";

const summary = (over: Partial<ReportSummary>): ReportSummary => ({
  id: 1, kind: "township-zwgk", unit: "双河镇", year: 2024, period: "上半年", title: "", status: "final",
  updated_at: 0, updated: "2024-12-20 16:05", trashed_at: null, ...over,
});

test("summary line shows unit, year, period and the core's status label", () => {
  const line = summaryLine(summary({}));
  expect(line.title).toBe("（无标题）");
  expect(line.detail).toBe("双河镇 · 2024年上半年 · 定稿 · 2024-12-20 16:05");
  expect(summaryLine(summary({ status: "draft", title: "甲" })).detail).toContain("草稿");
});

test("the whole year is not written out, however it is named", () => {
  expect(yearAndPeriod({ year: 2024, period: "年度" })).toBe("2024年");
  expect(yearAndPeriod({ year: 2024, period: "全年" })).toBe("2024年");
});

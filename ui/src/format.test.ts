import { summaryLine, statusLabel } from "./format";

test("status labels are Chinese", () => {
  expect(statusLabel("draft")).toBe("草稿");
  expect(statusLabel("final")).toBe("定稿");
});

test("summary line shows unit, year, period and status", () => {
  const line = summaryLine({
    id: 1, unit: "双河镇", year: 2024, period: "上半年", title: "", status: "final", updated: "2024-12-20 16:05",
  });
  expect(line.title).toBe("双河镇2024年工作总结");
  expect(line.detail).toBe("双河镇 · 2024年上半年 · 定稿 · 2024-12-20 16:05");
});

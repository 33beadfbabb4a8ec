// Pure helpers, unit-tested with vitest.

import { STATUS_LABEL, type ReportSummary } from "./bindings";
import { periodInTitle } from "./text";

/** 2024年 or 2024年上半年: the year and period of a report as its title would say them. */
export function yearAndPeriod(r: Pick<ReportSummary, "year" | "period">): string {
  return `${r.year}年${periodInTitle(r.period)}`;
}

/** One line of the report list: title, then unit · year · status · last change. */
export function summaryLine(r: ReportSummary): { title: string; detail: string } {
  return {
    title: r.title || "（无标题）",
    detail: `${r.unit} · ${yearAndPeriod(r)} · ${STATUS_LABEL[r.status]} · ${r.updated}`,
  };
}

// Pure helpers, unit-tested with vitest.

import { STATUS_LABEL, type ReportSummary } from "./bindings";
import { periodInTitle } from "./text";

/** 2024年 or 2024年上半年: the year and period of a report as its title would say them. */
export function yearAndPeriod(r: Pick<ReportSummary, "year" | "period">): string {
  return `${r.year}年${periodInTitle(r.period)}`;
}

/** One line of the report list: the list name, the printed title when it differs, and
 *  unit · year · status · last change. */
export function summaryLine(r: ReportSummary): { name: string; printedTitle: string | null; detail: string } {
  const name = r.name || r.title || "（无标题）";
  return {
    name,
    printedTitle: r.title && r.title !== name ? r.title : null,
    detail: `${r.unit} · ${yearAndPeriod(r)} · ${STATUS_LABEL[r.status]} · ${r.updated}`,
  };
}

// Pure helpers, unit-tested with vitest.

export interface ReportSummary {
  id: number;
  unit: string;
  year: number;
  period: string;
  title: string;
  status: "draft" | "final";
  updated: string;
}

export function statusLabel(s: ReportSummary["status"]): string {
  return s === "final" ? "定稿" : "草稿";
}

/** One line of the report list: title, then unit · year · status · last change. */
export function summaryLine(r: ReportSummary): { title: string; detail: string } {
  return {
    title: r.title || `${r.unit}${r.year}年工作总结`,
    detail: `${r.unit} · ${r.year}年${r.period === "年度" ? "" : r.period} · ${statusLabel(r.status)} · ${r.updated}`,
  };
}

// What every step of the editor shares: the open report, its template and autosave.

import type { Autosave } from "./autosave";
import { YEARS } from "./bindings";
import type { Guidance, Location, Report, ReportMeta, Template } from "./bindings";

export interface Focus { loc: Location; start?: number; end?: number }

export interface EditorCtx {
  id: number;
  report: Report;
  template?: Template;
  autosave: Autosave;
  /** Shows guidance (and anything else) beside the form. */
  aside(title: string, g?: Guidance, extra?: Node): void;
  /** Takes a report returned by the store and re-renders the step (after any IME composition). */
  replaced(r: Report): Promise<void>;
  go(step: number, focus?: Focus): Promise<void>;
}

export function metaOf(r: Report): ReportMeta {
  return {
    kind: r.kind, unit: r.unit, year: r.year, period: r.period, title: r.title,
    signature: r.signature, date: r.date, status: r.status, seal: r.seal, attachments: r.attachments,
    page_numbers: r.page_numbers, subtitle: r.subtitle, addressee: r.addressee, note: r.note,
    header: r.header, record: r.record,
  };
}

export const STEPS = ["基本信息", "导语", "正文", "附件与落款", "检查", "预览与导出"];

/** The message for a year outside the core's range. */
export function yearHint(): string {
  return `年度应是 ${YEARS.min} 到 ${YEARS.max} 之间的年份`;
}

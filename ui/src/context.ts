// What every step of the editor shares: the open report, its template and autosave.

import type { Autosave } from "./autosave";
import { YEARS } from "./bindings";
import type { Guidance, Location, Report, ReportMeta, Template } from "./bindings";

export interface Focus { loc: Location; start?: number; end?: number }

/** Where the clerk's place is after a step is drawn again (element ids). Without one, the
 *  scroll position is kept and the element that had the focus gets it back. */
export interface Place {
  /** An element that stays at the same height on screen (the section that moved). */
  anchor?: string;
  /** An element scrolled into view (a new section). */
  reveal?: string;
  /** The element that gets the focus: the first of these that is there and not disabled. */
  focus?: string | string[];
}

export interface EditorCtx {
  id: number;
  report: Report;
  template?: Template;
  autosave: Autosave;
  /** Shows guidance (and anything else) beside the form. */
  aside(title: string, g?: Guidance, extra?: Node): void;
  /** Takes a report returned by the store and re-renders the step (after any IME composition),
   *  keeping the clerk's place (`place`, or the scroll position and focus as they were). */
  replaced(r: Report, place?: Place): Promise<void>;
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

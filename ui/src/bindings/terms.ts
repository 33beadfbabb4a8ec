// Written by the gongwen-app test `contract` from the core's constants; do not edit.

import type { ErrorKind } from "./ErrorKind";
import type { PageNumbers } from "./PageNumbers";
import type { Severity } from "./Severity";
import type { Status } from "./Status";

/** Years a report may be about, inclusive (the core's `model::YEARS`). */
export const YEARS = { min: 1900, max: 2200 } as const;

/** Periods offered for a report, in order (`model::PERIODS`). */
export const PERIODS: readonly string[] = ["年度","上半年","下半年","第一季度","第二季度","第三季度","第四季度"];

/** Deepest heading level, 一、（一）1.（1） (`model::MAX_LEVEL`). */
export const MAX_LEVEL = 4;

/** What a title names when the report's kind has no template (`templates::GENERIC_SUBJECT`). */
export const GENERIC_SUBJECT = "工作总结";

/** The Chinese name of each report status (`Status::label`). */
export const STATUS_LABEL: Record<Status, string> = {"draft":"草稿","final":"定稿"};

/** The Chinese name of each finding severity (`Severity::label`). */
export const SEVERITY_LABEL: Record<Severity, string> = {"error":"错误","info":"提示","warning":"提醒"};

/** Every kind of error a command can reject with (`ErrorKind`), to recognise one. */
export const ERROR_KINDS: readonly ErrorKind[] = ["input","not_found","storage","newer_schema","unavailable","internal"];

/** The page-number style of a report that has none set (`PageNumbers::default`). */
export const DEFAULT_PAGE_NUMBERS: PageNumbers = {"dash":"em","first_page":true,"position":"national"};

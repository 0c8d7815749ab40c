/**
 * Reads the typed fields of one row. Each unreadable cell becomes exactly one finding at that cell
 * (cell-error, invalid-number, invalid-date, invalid-value) and the field is recorded as broken.
 */
import { Entity, Findings } from "../findings";
import { ParseFailure, Parsed, isFailure, settleDate, spokenDate } from "../values";
import { DateOrder } from "../settings";
import { Day } from "../dates";
import { Region, RowRef, cellOf } from "./region";
import { CellValue } from "../grid";

type InvalidRule = "invalid-number" | "invalid-date" | "invalid-value";

const NONE: readonly string[] = Object.freeze([]);

/** Rows are read by the hundred thousand: nothing is allocated for a row that reads cleanly. */
export class RowReader {
  broken: readonly string[] = NONE;
  id: string | null = null;
  /** What the row is called in messages once its ID is known, e.g. `KPI` → `KPI K-3`. */
  noun: string | null = null;

  /** Grid index of the row being read. */
  row = 0;

  constructor(
    readonly region: Region,
    readonly entity: Entity,
    readonly findings: Findings
  ) {}

  /** The row as a reference, for findings (made on demand: most rows never need one). */
  get ref(): RowRef {
    return { region: this.region, row: this.row };
  }

  /** Moves the reader to another row; one reader serves a whole sheet. */
  reset(row: number): this {
    this.row = row;
    this.broken = NONE;
    this.id = null;
    this.noun = null;
    return this;
  }

  /** Who the row is, for messages: `KPI K-3`, `Check-in of KPI K-3 (row 9)`, `Row 9 of KPIs`. */
  get subject(): string {
    const row = this.row + 1 + (this.region.grid.rowOffset ?? 0);
    if (this.id === null || this.noun === null) return `Row ${row} of ${this.region.grid.name}`;
    return this.entity === "actual"
      ? `Check-in of KPI ${this.id} (row ${row})`
      : `${this.noun} ${this.id}`;
  }

  markBroken(field: string): void {
    this.broken = [...this.broken, field];
  }

  label(field: string): string {
    return this.region.spec.fields.find((f) => f.key === field)?.label ?? field;
  }

  raw(field: string): CellValue {
    const col = this.region.columns[field];
    return col === undefined ? null : this.region.grid.rows[this.row]?.[col];
  }

  /** The parsed value, or null; a finding for an error value or unreadable text. */
  read<T>(
    field: string,
    parse: (v: CellValue) => Parsed<T>,
    rule: InvalidRule,
    expected: string
  ): T | null {
    const first = parse(this.raw(field));
    if (!isFailure(first)) return first;
    // Only a failure can be a date that reads both ways: settle it by the workbook's order.
    const parsed = settleDate(first, this.region.dateOrder?.() ?? null);
    if (!isFailure(parsed)) return parsed;
    this.markBroken(field);
    if (parsed.kind === "ambiguous") {
      this.findings.add(
        "ambiguous-date",
        cellOf(this.ref, field),
        this.entity,
        this.id,
        ambiguousDateMessage(`${this.subject}: ${this.label(field)}`, parsed)
      );
      return null;
    }
    const message =
      parsed.kind === "error"
        ? `${this.subject}: ${this.label(field)} holds the error value ${parsed.text}. Fix the formula or type the value.`
        : parsed.kind === "out-of-range"
          ? `${this.subject}: ${this.label(field)} is ${parsed.text}, beyond ±1e15, the largest number KPI Cascade reads; it is left out. Check the cell for a typing error.`
          : `${this.subject}: ${this.label(field)} is "${parsed.text}", which is not ${expected}.`;
    this.findings.add(
      parsed.kind === "error" ? "cell-error" : rule,
      cellOf(this.ref, field),
      this.entity,
      this.id,
      message
    );
    return null;
  }

  isBroken(field: string): boolean {
    return this.broken.includes(field);
  }

  /** A required field that is blank (not broken: that already has its finding). */
  requireValue(
    field: string,
    value: unknown,
    rule: "missing-value" | "missing-owner" | "missing-target",
    advice: string
  ): void {
    if (value !== null || this.isBroken(field) || this.region.columns[field] === undefined) return;
    if (this.region.optional?.(this.row, field)) return;
    this.findings.add(
      rule,
      cellOf(this.ref, field),
      this.entity,
      this.id,
      `${this.subject}: ${this.label(field)} is blank. ${advice}`
    );
  }
}

/** Why a date is left unread, with both readings and the two ways to settle it. */
export function ambiguousDateMessage(what: string, failure: ParseFailure): string {
  const r = failure.readings as Record<DateOrder, Day | { end: Day }>;
  const day = (x: Day | { end: Day }) => spokenDate(typeof x === "number" ? x : x.end);
  return `${what} is "${failure.text}", which reads as ${day(r.dmy)} day-first or ${day(r.mdy)} month-first, and the workbook's other dates do not settle which; it is left out. Set "Date Order" in Settings to DMY or MDY, or type the date as YYYY-MM-DD.`;
}

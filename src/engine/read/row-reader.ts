/**
 * Reads the typed fields of one row. Each unreadable cell becomes exactly one finding at that cell
 * (cell-error, invalid-number, invalid-date, invalid-value) and the field is recorded as broken.
 */
import { Entity, Findings } from "../findings";
import { Parsed, displayText } from "../values";
import { RowRef, cellOf, cellValue } from "./region";
import { CellValue } from "../grid";

type InvalidRule = "invalid-number" | "invalid-date" | "invalid-value";

export class RowReader {
  readonly broken: string[] = [];
  /** Who the row is, for messages: `KPI K-3`, `Check-in of KPI K-3 (row 9)`. */
  subject: string;
  id: string | null = null;

  constructor(
    readonly ref: RowRef,
    readonly entity: Entity,
    readonly findings: Findings
  ) {
    this.subject = `Row ${ref.row + 1 + (ref.region.grid.rowOffset ?? 0)} of ${ref.region.grid.name}`;
  }

  label(field: string): string {
    return this.ref.region.spec.fields.find((f) => f.key === field)?.label ?? field;
  }

  raw(field: string): CellValue {
    return cellValue(this.ref, field);
  }

  /** The parsed value, or null; a finding for an error value or unreadable text. */
  read<T>(
    field: string,
    parse: (v: CellValue) => Parsed<T>,
    rule: InvalidRule,
    expected: string
  ): T | null {
    const parsed = parse(this.raw(field));
    switch (parsed.kind) {
      case "ok":
        return parsed.value;
      case "blank":
        return null;
      case "error":
        this.broken.push(field);
        this.findings.add(
          "cell-error",
          cellOf(this.ref, field),
          this.entity,
          this.id,
          `${this.subject}: ${this.label(field)} holds the error value ${parsed.error}. Fix the formula or type the value.`
        );
        return null;
      case "invalid":
        this.broken.push(field);
        this.findings.add(
          rule,
          cellOf(this.ref, field),
          this.entity,
          this.id,
          `${this.subject}: ${this.label(field)} is "${displayText(this.raw(field))}", which is not ${expected}.`
        );
        return null;
    }
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
    if (value !== null || this.isBroken(field) || this.ref.region.columns[field] === undefined)
      return;
    this.findings.add(
      rule,
      cellOf(this.ref, field),
      this.entity,
      this.id,
      `${this.subject}: ${this.label(field)} is blank. ${advice}`
    );
  }
}

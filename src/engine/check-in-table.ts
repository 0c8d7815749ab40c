/**
 * Check-ins, stored by column. A workbook of 5,000 people holds 720,000 check-ins; one object per
 * check-in (plus its row reference) made the garbage collector the engine's biggest cost, so the
 * values live in typed arrays and a check-in is just an index.
 */
import { CellLocation } from "./findings";
import { Region, cellOf } from "./read/region";

export interface CheckInView {
  kpi: string;
  /** The day the period ends, or null when the period is blank or unreadable. */
  end: number | null;
  actual: number | null;
  note: string | null;
  /** As written: 0–10, or Low / Medium / High (SPEC 4.3). */
  confidence: string | null;
  row: number;
}

export class CheckInTable {
  readonly kpi: string[] = [];
  /** Period end day; NaN when blank or unreadable. */
  private ends: Float64Array;
  /** NaN when blank or unreadable. */
  private actuals: Float64Array;
  /** Grid row of each check-in. */
  private rows: Int32Array;
  private notes = new Map<number, string>();
  private confidences = new Map<number, string>();

  constructor(
    readonly region: Region | null,
    capacity: number
  ) {
    this.ends = new Float64Array(capacity);
    this.actuals = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  get length(): number {
    return this.kpi.length;
  }

  add(
    kpi: string,
    end: number | null,
    actual: number | null,
    note: string | null,
    row: number,
    confidence: string | null = null
  ): void {
    const i = this.kpi.length;
    this.kpi.push(kpi);
    this.ends[i] = end ?? NaN;
    this.actuals[i] = actual ?? NaN;
    this.rows[i] = row;
    if (note !== null) this.notes.set(i, note);
    if (confidence !== null) this.confidences.set(i, confidence);
  }

  /** Both a period and an actual could be read: the check-in can count. */
  usable(i: number): boolean {
    return !Number.isNaN(this.ends[i]) && !Number.isNaN(this.actuals[i]);
  }

  end(i: number): number {
    return this.ends[i];
  }

  actual(i: number): number {
    return this.actuals[i];
  }

  row(i: number): number {
    return this.rows[i];
  }

  cell(i: number, field: "kpi" | "period" | "actual" | "note"): CellLocation {
    return cellOf({ region: this.region as Region, row: this.rows[i] }, field);
  }

  at(i: number): CheckInView {
    const nan = (x: number) => (Number.isNaN(x) ? null : x);
    return {
      kpi: this.kpi[i],
      end: nan(this.ends[i]),
      actual: nan(this.actuals[i]),
      note: this.notes.get(i) ?? null,
      confidence: this.confidences.get(i) ?? null,
      row: this.rows[i],
    };
  }
}

/**
 * Turns each located region into records (SPEC section 2) and raises the row-level findings:
 * missing-id, duplicate-id, missing-value, missing-owner, missing-target, cell-error,
 * invalid-number, invalid-date, invalid-value and invalid-weight.
 */
import { Entity, Findings } from "../findings";
import { CheckInTable } from "../check-in-table";
import { Goal, Kpi, Kra, Objective, Person, Unit } from "../model";
import { SheetKind } from "../schema";
import {
  Period,
  isFailure,
  parseAggregation,
  parseDate,
  parseDirection,
  parseFrequency,
  parseId,
  parseNumber,
  parsePeriod,
  parseText,
} from "../values";
import { Region, RowRef, cellOf, dataRows } from "./region";
import { RowReader } from "./row-reader";

const NUMBER = "a number (such as 1200, 1,200, $1,200.50 or 85%)";
const ENTITY_NAME: Record<Entity, string> = {
  goal: "Goal",
  objective: "Objective",
  kra: "KRA",
  kpi: "KPI",
  actual: "Check-in",
  person: "Person",
  unit: "Unit",
  setting: "Setting",
  workbook: "Workbook",
};

/**
 * Reads the rows of a region that has an ID column: blank IDs and repeated IDs become findings
 * (the first row with an ID is the one used) and `build` makes the record of each other row.
 */
function readKeyed<T extends { id: string }>(
  region: Region | undefined,
  findings: Findings,
  build: (row: RowReader) => Omit<T, "id" | "ref" | "broken">
): Map<string, T> {
  const records = new Map<string, T>();
  if (!region || region.columns.id === undefined) return records;
  const entity = region.spec.entity;
  const what = ENTITY_NAME[entity];
  const reader = new RowReader(region, entity, findings);
  for (const index of dataRows(region)) {
    const row = reader.reset(index);
    const id = row.read("id", parseId, "invalid-value", "an ID");
    if (id === null) {
      if (!row.isBroken("id")) {
        findings.add(
          "missing-id",
          cellOf(row.ref, "id"),
          entity,
          null,
          `${row.subject} has data but no ${row.label("id")}. Give the row a unique ID, or clear it.`
        );
      }
      continue;
    }
    if (records.has(id)) {
      const first = records.get(id) as T & { ref: RowRef };
      findings.add(
        "duplicate-id",
        cellOf(row.ref, "id"),
        entity,
        id,
        `${what} ID ${id} is used again here; the first row (${cellOf(first.ref, "id").cell}) is the one used and this one is ignored. Give this row its own ID or delete it.`
      );
      continue;
    }
    row.id = id;
    row.noun = what;
    const record = build(row) as unknown as T & { ref: RowRef; broken: readonly string[] };
    record.id = id;
    record.ref = row.ref;
    record.broken = row.broken;
    records.set(id, record);
  }
  return records;
}

const idOf = (row: RowReader, field: string) => row.read(field, parseId, "invalid-value", "an ID");
const textOf = (row: RowReader, field: string) =>
  row.read(field, parseText, "invalid-value", "text");
const numberOf = (row: RowReader, field: string) =>
  row.read(field, parseNumber, "invalid-number", NUMBER);

/** Weights must not be negative; a negative one is left out like an unreadable one. */
function weightOf(row: RowReader): number | null {
  const weight = numberOf(row, "weight");
  if (weight === null || weight >= 0) return weight;
  row.markBroken("weight");
  row.findings.add(
    "invalid-weight",
    cellOf(row.ref, "weight"),
    row.entity,
    row.id,
    `${row.subject}: Weight is ${weight}; weights cannot be negative. Type 0 or a positive weight.`
  );
  return null;
}

export function readUnits(region: Region | undefined, findings: Findings): Map<string, Unit> {
  return readKeyed<Unit>(region, findings, (row) => ({
    name: textOf(row, "name"),
    parent: idOf(row, "parent"),
    level: textOf(row, "level"),
    head: idOf(row, "head"),
  }));
}

export function readPeople(region: Region | undefined, findings: Findings): Map<string, Person> {
  return readKeyed<Person>(region, findings, (row) => ({
    name: textOf(row, "name"),
    unit: idOf(row, "unit"),
    manager: idOf(row, "manager"),
    role: textOf(row, "role"),
  }));
}

export function readGoals(region: Region | undefined, findings: Findings): Map<string, Goal> {
  return readKeyed<Goal>(region, findings, (row) => {
    const name = textOf(row, "name");
    row.requireValue("name", name, "missing-value", "Write the goal statement.");
    return { name, period: textOf(row, "period"), owner: textOf(row, "owner") };
  });
}

export function readObjectives(
  region: Region | undefined,
  findings: Findings
): Map<string, Objective> {
  return readKeyed<Objective>(region, findings, (row) => {
    const goal = idOf(row, "goal");
    row.requireValue(
      "goal",
      goal,
      "missing-value",
      "Type the ID of the goal this objective serves."
    );
    const name = textOf(row, "name");
    row.requireValue("name", name, "missing-value", "Write the objective statement.");
    const due = row.read("due", parseDate, "invalid-date", "a date (such as 2026-12-31)");
    return { goal, name, owner: textOf(row, "owner"), due };
  });
}

export function readKras(region: Region | undefined, findings: Findings): Map<string, Kra> {
  return readKeyed<Kra>(region, findings, (row) => {
    const name = textOf(row, "name");
    row.requireValue("name", name, "missing-value", "Name the key result area.");
    const owner = idOf(row, "owner");
    row.requireValue(
      "owner",
      owner,
      "missing-owner",
      "Type the ID of the unit or person who owns this KRA."
    );
    return {
      name,
      owner,
      objective: idOf(row, "objective"),
      parent: idOf(row, "parent"),
      weight: weightOf(row),
    };
  });
}

export function readKpis(region: Region | undefined, findings: Findings): Map<string, Kpi> {
  return readKeyed<Kpi>(region, findings, (row) => {
    const kra = idOf(row, "kra");
    row.requireValue("kra", kra, "missing-value", "Type the ID of the KRA this KPI measures.");
    const name = textOf(row, "name");
    row.requireValue("name", name, "missing-value", "Name the KPI.");
    const target = numberOf(row, "target");
    row.requireValue(
      "target",
      target,
      "missing-target",
      "Type the target as a number; without it the KPI cannot be scored."
    );
    const direction = row.read(
      "direction",
      parseDirection,
      "invalid-value",
      "a direction (higher, lower or range)"
    );
    const aggregation = row.read(
      "aggregation",
      parseAggregation,
      "invalid-value",
      "an aggregation (sum, average, last, min or max)"
    );
    // Frequency is informational only (SPEC section 2): an unknown value is kept as nothing.
    const frequency = parseFrequency(row.raw("frequency"));
    return {
      kra,
      name,
      unit: textOf(row, "unit"),
      direction,
      baseline: numberOf(row, "baseline"),
      target,
      targetMax: numberOf(row, "targetMax"),
      weight: weightOf(row),
      aggregation,
      frequency: isFailure(frequency) ? null : frequency,
      greenAt: numberOf(row, "greenAt"),
      amberAt: numberOf(row, "amberAt"),
      owner: textOf(row, "owner"),
      actual: numberOf(row, "actual"),
    };
  });
}

export function readCheckIns(region: Region | undefined, findings: Findings): CheckInTable {
  if (!region || region.columns.kpi === undefined) return new CheckInTable(region ?? null, 0);
  const indexes = dataRows(region);
  const table = new CheckInTable(region, indexes.length);
  const periodCache = new Map<string, Period | null>();
  const parsePeriodCached = (v: Parameters<typeof parsePeriod>[0]) => parsePeriod(v, periodCache);
  const reader = new RowReader(region, "actual", findings);
  for (const index of indexes) {
    const row = reader.reset(index);
    const kpi = idOf(row, "kpi");
    if (kpi === null) {
      if (!row.isBroken("kpi")) {
        findings.add(
          "missing-id",
          cellOf(row.ref, "kpi"),
          "actual",
          null,
          `${row.subject} is a check-in without a KPI ID. Type the ID of the KPI it reports on, or clear the row.`
        );
      }
      continue;
    }
    row.id = kpi;
    row.noun = "Check-in";
    const period = row.read(
      "period",
      parsePeriodCached,
      "invalid-date",
      "a date or period (such as 2026-03-31, 2026-03, Mar 2026, 2026-Q1 or FY2026)"
    );
    row.requireValue(
      "period",
      period,
      "missing-value",
      "Type the date or period this value is for."
    );
    const actual = numberOf(row, "actual");
    row.requireValue(
      "actual",
      actual,
      "missing-value",
      "Type the measured value, or clear the row."
    );
    table.add(
      kpi,
      period?.end ?? null,
      actual,
      textOf(row, "note"),
      index,
      textOf(row, "confidence")
    );
  }
  return table;
}

/** The missing-column findings for one region (and missing-sheet is raised by the caller). */
export function checkColumns(kind: SheetKind, region: Region, findings: Findings): void {
  for (const f of region.spec.fields) {
    if (!f.required || region.columns[f.key] !== undefined) continue;
    const where = region.table
      ? `table "${region.table}" on sheet "${region.grid.name}"`
      : `sheet "${region.grid.name}"`;
    const found = Object.keys(region.columns).length > 0;
    findings.add(
      "missing-column",
      cellOf({ region, row: region.headerRow }, "\0"),
      kind === "settings" ? "setting" : region.spec.entity,
      null,
      found
        ? `The ${where} has no "${f.label}" column. Add a column headed "${f.label}", or name the existing one in Settings as "Column ${region.spec.name}.${f.label}".`
        : `The ${where} has no header row with the ${region.spec.name} columns in its first 10 rows, so "${f.label}" is missing. Add a header row (${region.spec.fields
            .filter((x) => x.required)
            .map((x) => x.label)
            .join(", ")}).`
    );
  }
}

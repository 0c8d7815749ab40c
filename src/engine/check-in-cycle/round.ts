/**
 * A round of check-ins by files (SPEC 7, `split` and `collect`): who is asked for which check-ins.
 * Each KPI goes to exactly one recipient — its owner, its owner's manager, or its owner's unit —
 * and each of its periods that has ended by the as-of date and has no check-in yet is open: one
 * row to fill. `split` writes a file per recipient from this; `collect` computes it again on the
 * merged workbook, and what is still open is the chase list. Pure: the model in, plain data out.
 */
import { Analysis } from "../analyze";
import { Day, dayFromYmd, isoFromDay, lastDayOfMonth, ymdFromDay } from "../dates";
import { live } from "../links";
import { Kpi, Model } from "../model";
import { nameWithId, ownerLabel } from "../names";
import { normaliseHeader } from "../schema";
import { periodLength } from "../history/periods";
import { Frequency } from "../values";
import { isBlank } from "../grid";

export type SplitBy = "owner" | "manager" | "unit";
export const SPLIT_BY: readonly SplitBy[] = ["owner", "manager", "unit"];

/** One period of a KPI's frequency: the check-ins dated from `start` to `end` are for it. */
export interface CyclePeriod {
  start: Day;
  end: Day;
  /** How the period is written in the files and the master: `Jun 2026`, `Q2 2026`, `FY2026`, a date. */
  label: string;
}

export interface OpenCheckIn extends CyclePeriod {
  kpi: string;
}

export interface Recipient {
  /** The owner, manager or unit ID; "" for the KPIs nobody owns. */
  id: string;
  kind: "person" | "unit" | null;
  /** `Emma Walsh (P07)`, or `Unassigned`. */
  label: string;
  name: string | null;
  /** From an E-mail column of the People sheet, the person's or the unit head's. */
  email: string | null;
  /** The KPIs in the recipient's file, in KPI sheet order. */
  kpis: Kpi[];
  /** The rows to fill: by KPI, then period. */
  open: OpenCheckIn[];
}

export interface Round {
  by: SplitBy;
  asOf: Day;
  /** `2025-07-01 to 2026-06-30`, or "" when the workbook sets no cycle. */
  cycle: string;
  recipients: Recipient[];
}

/** At most this many open periods per KPI (the latest): a KPI with no check-in in years is not 400 rows. */
export const MAX_OPEN_PERIODS = 36;

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** The cycle as the files name it: Cycle Start and Cycle End as the Settings give them. */
export function cycleKey(model: Model): string {
  const { cycleStart, cycleEnd } = model.settings;
  if (cycleStart === null && cycleEnd === null) return "";
  return `${cycleStart === null ? "…" : isoFromDay(cycleStart)} to ${cycleEnd === null ? "…" : isoFromDay(cycleEnd)}`;
}

/**
 * Who reports a KPI's check-ins: its own Owner when that names a person or unit (or anything,
 * in a workbook that lists neither), else its KRA's owner.
 */
export function kpiOwner(analysis: Analysis, kpi: Kpi): string | null {
  const { model, broken } = analysis;
  const known = (id: string) =>
    model.people.has(id) ||
    model.units.has(id) ||
    (model.people.size === 0 && model.units.size === 0);
  if (kpi.owner !== null && known(kpi.owner)) return kpi.owner;
  const kra = live(broken, "kpi", kpi.id, "kra", kpi.kra);
  const owner = kra === null ? null : model.kras.get(kra);
  return owner ? live(broken, "kra", owner.id, "owner", owner.owner) : null;
}

/** The recipient of an owner's KPIs when the files go by owner, manager or unit. */
export function recipientOf(analysis: Analysis, owner: string | null, by: SplitBy): string {
  if (owner === null) return "";
  if (by === "owner") return owner;
  const { model, broken } = analysis;
  const person = model.people.get(owner);
  const unit = model.units.get(owner);
  if (by === "manager") {
    if (person) return live(broken, "person", owner, "manager", person.manager) ?? owner;
    if (unit?.head && model.people.has(unit.head)) return unit.head;
    return owner;
  }
  if (person) return live(broken, "person", owner, "unit", person.unit) ?? owner;
  return owner;
}

/** The column of the People sheet that holds e-mail addresses, if it has one (an unknown column). */
function emailColumn(model: Model): number | null {
  const region = model.regions.people;
  if (!region) return null;
  const header = region.grid.rows[region.headerRow] ?? [];
  for (let c = 0; c < header.length; c++) {
    const h = header[c];
    if (typeof h !== "string") continue;
    const n = normaliseHeader(h);
    if (n === "email" || n === "emailaddress" || n === "mail" || n === "workemail") return c;
  }
  return null;
}

export function emailsOf(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  const col = emailColumn(model);
  if (col === null) return out;
  for (const person of model.people.values()) {
    const v = person.ref.region.grid.rows[person.ref.row]?.[col];
    if (!isBlank(v) && typeof v === "string") out.set(person.id, v.trim());
  }
  return out;
}

function monthEnd(year: number, month: number): Day {
  return dayFromYmd(year, month, lastDayOfMonth(year, month)) as Day;
}

/** The period of `frequency` that holds `day`. Annual periods are the cycle when both ends are set. */
export function periodHolding(day: Day, frequency: Frequency, model: Model): CyclePeriod {
  const { year, month } = ymdFromDay(day);
  const { cycleStart, cycleEnd } = model.settings;
  switch (frequency) {
    case "weekly": {
      // Monday to Sunday (1970-01-01 was a Thursday).
      const start = day - ((day + 3) % 7);
      const end = start + 6;
      return { start, end, label: isoFromDay(end) };
    }
    case "monthly":
      return {
        start: dayFromYmd(year, month, 1) as Day,
        end: monthEnd(year, month),
        label: `${MONTH_NAMES[month - 1]} ${year}`,
      };
    case "quarterly": {
      const q = Math.floor((month - 1) / 3);
      return {
        start: dayFromYmd(year, q * 3 + 1, 1) as Day,
        end: monthEnd(year, q * 3 + 3),
        label: `Q${q + 1} ${year}`,
      };
    }
    case "annual": {
      if (cycleStart !== null && cycleEnd !== null && cycleEnd - cycleStart < 400) {
        // Cycles repeat yearly: the one holding the day, counted from Cycle Start.
        const length = cycleEnd - cycleStart + 1;
        const n = Math.floor((day - cycleStart) / length);
        const start = cycleStart + n * length;
        const end = start + length - 1;
        return { start, end, label: isoFromDay(end) };
      }
      return {
        start: dayFromYmd(year, 1, 1) as Day,
        end: dayFromYmd(year, 12, 31) as Day,
        label: `FY${year}`,
      };
    }
  }
}

/**
 * The periods of `frequency` that have ended by `asOf` and reach `from` or later, oldest first:
 * the periods a KPI is asked about.
 */
export function endedPeriods(
  frequency: Frequency,
  from: Day | null,
  asOf: Day,
  model: Model
): CyclePeriod[] {
  const out: CyclePeriod[] = [];
  let p = periodHolding(asOf, frequency, model);
  if (p.end > asOf) p = periodHolding(p.start - 1, frequency, model);
  // Without a start, only the latest ended period.
  const limit = from ?? p.start;
  while (p.end >= limit && out.length < MAX_OPEN_PERIODS) {
    out.push(p);
    p = periodHolding(p.start - 1, frequency, model);
  }
  return out.reverse();
}

/** Each KPI's check-in period ends (any row with a readable period, its actual readable or not). */
function checkInEnds(model: Model): Map<string, Day[]> {
  const out = new Map<string, Day[]>();
  const table = model.checkIns;
  for (let i = 0; i < table.length; i++) {
    const end = table.end(i);
    if (Number.isNaN(end)) continue;
    const id = table.kpi[i];
    const list = out.get(id);
    if (list) list.push(end);
    else out.set(id, [end]);
  }
  return out;
}

/** The frequency a KPI is asked by: its own, else the workbook's (months, or quarters as in the history). */
export function defaultFrequency(model: Model): Frequency {
  const ends: Day[] = [];
  const table = model.checkIns;
  for (let i = 0; i < table.length && ends.length < 5000; i++)
    if (!Number.isNaN(table.end(i))) ends.push(table.end(i));
  return periodLength(model, ends) === "quarter" ? "quarterly" : "monthly";
}

/** Where the periods asked about begin: Cycle Start, else the earliest check-in of the workbook. */
function roundStart(model: Model, ends: Map<string, Day[]>): Day | null {
  if (model.settings.cycleStart !== null) return model.settings.cycleStart;
  let first: Day | null = null;
  for (const list of ends.values())
    for (const e of list) if (first === null || e < first) first = e;
  return first;
}

/** The periods of a KPI that have ended by `asOf` and hold no check-in. */
export function openPeriods(
  periods: readonly CyclePeriod[],
  ends: readonly Day[] | undefined
): CyclePeriod[] {
  if (!ends || ends.length === 0) return [...periods];
  return periods.filter((p) => !ends.some((e) => e >= p.start && e <= p.end));
}

export interface RoundOptions {
  by: SplitBy;
  /** The round's date; the model's as-of date when absent. */
  asOf?: Day;
}

/** Who is asked for which check-ins, as of the round's date. */
export function checkInRound(analysis: Analysis, options: RoundOptions): Round {
  const { model } = analysis;
  const asOf = options.asOf ?? model.asOf;
  const ends = checkInEnds(model);
  const start = roundStart(model, ends);
  const fallback = defaultFrequency(model);
  const emails = emailsOf(model);
  // Every KPI of one frequency is asked about the same periods.
  const periodsOf = new Map<Frequency, CyclePeriod[]>();
  const periods = (f: Frequency) => {
    let list = periodsOf.get(f);
    if (!list) periodsOf.set(f, (list = endedPeriods(f, start, asOf, model)));
    return list;
  };
  const byId = new Map<string, Recipient>();
  for (const kpi of model.kpis.values()) {
    const id = recipientOf(analysis, kpiOwner(analysis, kpi), options.by);
    let r = byId.get(id);
    if (!r) {
      const person = model.people.get(id);
      const unit = person ? undefined : model.units.get(id);
      const head = unit?.head ?? null;
      r = {
        id,
        kind: person ? "person" : unit ? "unit" : null,
        label: id === "" ? "Unassigned" : ownerLabel(model, id),
        name: person?.name ?? unit?.name ?? null,
        email: emails.get(id) ?? (head !== null ? (emails.get(head) ?? null) : null),
        kpis: [],
        open: [],
      };
      byId.set(id, r);
    }
    r.kpis.push(kpi);
    for (const p of openPeriods(periods(kpi.frequency ?? fallback), ends.get(kpi.id)))
      r.open.push({ ...p, kpi: kpi.id });
  }
  return { by: options.by, asOf, cycle: cycleKey(model), recipients: [...byId.values()] };
}

/** `Emma Walsh (P07)` for a recipient id. */
export function recipientLabel(model: Model, id: string): string {
  return id === ""
    ? "Unassigned"
    : nameWithId(model.people.get(id)?.name ?? model.units.get(id)?.name, id);
}

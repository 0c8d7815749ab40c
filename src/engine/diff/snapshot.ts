/**
 * The figures a build keeps in the workbook, for a later "what changed" against it: exactly what
 * `diff` reads of the workbook as it was (side.ts), as plain JSON — columns of KPI and KRA
 * fields, owners' names, scores rounded to SCORE_DECIMALS, settings, the as-of date and a digest
 * of the check-ins (check-in-digest.ts). Text columns are front-coded (an entry shares a prefix
 * with the one above it, as sorted IDs do). Read back, it is a DiffSide again; anything that is
 * not exactly this shape is refused, since the workbook (and so the snapshot) may have been edited.
 */
import { Analysis } from "../analyze";
import { Day, isoFromDay } from "../dates";
import { validRatingBands } from "../settings";
import { Aggregation, Direction } from "../values";
import { CheckInDigest, DIGEST_MODULUS, KpiDigest, digestCheckIns } from "./check-in-digest";
import { DIFF_SETTINGS, DiffSettings, DiffSide, KpiFacts, KraFacts, checkInsByKpi } from "./side";

export { LAST_BUILD_SIGNATURE, isLastBuildSheet, signatureRow } from "./signature";

export const SNAPSHOT_VERSION = 1;
/** Scores are kept to a millionth (0.0001 percentage points): a movement smaller is none. */
export const SCORE_DECIMALS = 6;

type Text = string | null;
type Num = number | null;
/** A text: as it is, or as `[n, rest]`: the first n characters of the entry above, then `rest`. */
type Packed = string | null | [number, string];

/** The snapshot as JSON: every list of a block has one entry per record, in the same order. */
export interface SnapshotJson {
  version: typeof SNAPSHOT_VERSION;
  asOf: Day;
  settings: DiffSettings;
  kpis: {
    id: Packed[];
    name: Packed[];
    kra: Packed[];
    target: Num[];
    weight: Num[];
    actual: Num[];
    direction: Text[];
    baseline: Num[];
    targetMax: Num[];
    aggregation: Text[];
    greenAt: Num[];
    amberAt: Num[];
    attainment: Num[];
  };
  kras: {
    id: Packed[];
    name: Packed[];
    owner: Packed[];
    weight: Num[];
    parent: Packed[];
    objective: Packed[];
    score: Num[];
  };
  owners: { id: Packed[]; name: Packed[]; score: Num[] };
  checkIns: {
    patterns: number[][];
    /**
     * The KPI: a number is its index in `kpis.id` as a step from the last index given (from −1),
     * a text its ID when the KPIs sheet lacks it.
     */
    kpi: (number | string)[];
    pattern: number[];
    s1: number[];
    s2: number[];
    sum: Num[];
  };
}

const rounded = (v: number | null) => (v === null ? null : Number(v.toFixed(SCORE_DECIMALS)));

/** Front coding: each text as the length it shares with the one above, and the rest. */
export function pack(texts: readonly Text[]): Packed[] {
  let above = "";
  return texts.map((t) => {
    if (t === null) return null;
    let n = 0;
    while (n < t.length && n < above.length && t.charCodeAt(n) === above.charCodeAt(n)) n++;
    above = t;
    return n > 1 ? [n, t.slice(n)] : t;
  });
}

export function snapshotOf(analysis: Analysis): SnapshotJson {
  const { model, scores } = analysis;
  const kpis = [...model.kpis.values()];
  const kras = [...model.kras.values()];
  const owners = [...scores.owners.values()];
  const kpiIndex = new Map(kpis.map((k, i) => [k.id, i]));
  const digest = digestCheckIns(checkInsByKpi(analysis));
  const digested = [...digest.kpis];
  let last = -1;
  const kpiRef = (id: string) => {
    const i = kpiIndex.get(id);
    if (i === undefined) return id;
    const step = i - last;
    last = i;
    return step;
  };
  const settings = {} as Record<string, unknown>;
  for (const key of DIFF_SETTINGS) settings[key] = model.settings[key];
  return {
    version: SNAPSHOT_VERSION,
    asOf: model.asOf,
    settings: settings as unknown as DiffSettings,
    kpis: {
      id: pack(kpis.map((k) => k.id)),
      name: pack(kpis.map((k) => k.name)),
      kra: pack(kpis.map((k) => k.kra)),
      target: kpis.map((k) => k.target),
      weight: kpis.map((k) => k.weight),
      actual: kpis.map((k) => k.actual),
      direction: kpis.map((k) => k.direction),
      baseline: kpis.map((k) => k.baseline),
      targetMax: kpis.map((k) => k.targetMax),
      aggregation: kpis.map((k) => k.aggregation),
      greenAt: kpis.map((k) => k.greenAt),
      amberAt: kpis.map((k) => k.amberAt),
      attainment: kpis.map((k) => rounded(scores.kpis.get(k.id)?.attainment ?? null)),
    },
    kras: {
      id: pack(kras.map((r) => r.id)),
      name: pack(kras.map((r) => r.name)),
      owner: pack(kras.map((r) => r.owner)),
      weight: kras.map((r) => r.weight),
      parent: pack(kras.map((r) => r.parent)),
      objective: pack(kras.map((r) => r.objective)),
      score: kras.map((r) => rounded(scores.kras.get(r.id)?.score ?? null)),
    },
    owners: {
      id: pack(owners.map((o) => o.id)),
      name: pack(
        owners.map((o) => model.people.get(o.id)?.name ?? model.units.get(o.id)?.name ?? null)
      ),
      score: owners.map((o) => rounded(o.score)),
    },
    checkIns: {
      patterns: digest.patterns,
      kpi: digested.map(([id]) => kpiRef(id)),
      pattern: digested.map(([, d]) => d.pattern),
      s1: digested.map(([, d]) => d.s1),
      s2: digested.map(([, d]) => d.s2),
      sum: digested.map(([, d]) => d.sum),
    },
  };
}

export class SnapshotRefused extends Error {}

function refuse(what: string): never {
  throw new SnapshotRefused(`its ${what} cannot be read`);
}

const isText = (v: unknown): v is Text => v === null || typeof v === "string";
const isNum = (v: unknown): v is Num => v === null || (typeof v === "number" && Number.isFinite(v));
const isDay = (v: unknown): v is Day => Number.isInteger(v) && Math.abs(v as number) < 1e7;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) refuse(what);
  return v as Record<string, unknown>;
}

/** A column of a block: an array of `length` entries (any length when null) that pass `check`. */
function column<T>(
  block: Record<string, unknown>,
  key: string,
  length: number | null,
  check: (v: unknown) => v is T,
  what: string
): T[] {
  const list = block[key];
  if (!Array.isArray(list) || (length !== null && list.length !== length) || !list.every(check))
    refuse(`${what} ${key}`);
  return list as T[];
}

/** A front-coded text column, decoded. */
function texts(
  block: Record<string, unknown>,
  key: string,
  length: number | null,
  what: string
): Text[] {
  const list = column(
    block,
    key,
    length,
    (v): v is Packed =>
      isText(v) ||
      (Array.isArray(v) && v.length === 2 && isCount(v[0]) && typeof v[1] === "string"),
    what
  );
  let above = "";
  return list.map((p) => {
    if (p === null) return null;
    if (typeof p === "string") return (above = p);
    if (p[0] > above.length) refuse(`${what} ${key}`);
    return (above = above.slice(0, p[0]) + p[1]);
  });
}

function ids(block: Record<string, unknown>, what: string): string[] {
  const list = texts(block, "id", null, what);
  if (list.some((id) => id === null)) refuse(`${what} IDs`);
  return list as string[];
}

function settingsOf(v: unknown): DiffSettings {
  const s = record(v, "settings");
  const day = (key: string) => {
    const d = s[key];
    if (d !== null && !isDay(d)) refuse(`setting ${key}`);
    return d as Day | null;
  };
  const number = (key: string) => {
    if (typeof s[key] !== "number" || !Number.isFinite(s[key])) refuse(`setting ${key}`);
    return s[key] as number;
  };
  const bands = Array.isArray(s.ratingBands) ? validRatingBands(s.ratingBands as number[]) : null;
  if (!bands) refuse("rating bands");
  if (typeof s.prorateTargets !== "boolean") refuse("setting prorateTargets");
  return {
    cycleStart: day("cycleStart"),
    cycleEnd: day("cycleEnd"),
    cap: number("cap"),
    floor: number("floor"),
    greenAt: number("greenAt"),
    amberAt: number("amberAt"),
    ratingBands: bands,
    prorateTargets: s.prorateTargets as boolean,
  };
}

function digestOf(v: unknown, kpiIds: readonly string[]): CheckInDigest {
  const c = record(v, "check-ins");
  const patterns = column(
    c,
    "patterns",
    null,
    (p): p is number[] => Array.isArray(p) && p.every(isDay),
    "check-in"
  );
  const kpi = column(
    c,
    "kpi",
    null,
    (x): x is number | string => typeof x === "string" || Number.isInteger(x),
    "check-in"
  );
  const n = kpi.length;
  const hashSum = (x: unknown): x is number => isCount(x) && x < DIGEST_MODULUS;
  const pattern = column(
    c,
    "pattern",
    n,
    (x): x is number => isCount(x) && x < patterns.length,
    "check-in"
  );
  const s1 = column(c, "s1", n, hashSum, "check-in");
  const s2 = column(c, "s2", n, hashSum, "check-in");
  const sum = column(c, "sum", n, isNum, "check-in");
  const kpis = new Map<string, KpiDigest>();
  let last = -1;
  kpi.forEach((k, i) => {
    let id: string | undefined;
    if (typeof k === "string") id = k;
    else id = kpiIds[(last += k)];
    if (id === undefined) refuse("check-in KPIs");
    kpis.set(id, { pattern: pattern[i], s1: s1[i], s2: s2[i], sum: sum[i] });
  });
  return { patterns, kpis };
}

const DIRECTIONS: readonly Text[] = [null, "higher", "lower", "range"];
const AGGREGATIONS: readonly Text[] = [null, "sum", "average", "last", "min", "max"];

/** The side a snapshot describes; throws SnapshotRefused when it is not a snapshot of this version. */
export function sideFromSnapshot(json: unknown): DiffSide & { asOfIso: string } {
  const s = record(json, "contents");
  if (s.version !== SNAPSHOT_VERSION) refuse("version");
  if (!isDay(s.asOf)) refuse("as-of date");
  const settings = settingsOf(s.settings);

  const k = record(s.kpis, "KPIs");
  const kpiIds = ids(k, "KPI");
  const n = kpiIds.length;
  const kNum = (key: string) => column(k, key, n, isNum, "KPI");
  const [kpiName, kpiKra] = [texts(k, "name", n, "KPI"), texts(k, "kra", n, "KPI")];
  const [target, kpiWeight, actual, baseline, targetMax, greenAt, amberAt, attainment] = [
    "target",
    "weight",
    "actual",
    "baseline",
    "targetMax",
    "greenAt",
    "amberAt",
    "attainment",
  ].map(kNum);
  const enumeration = (key: string, values: readonly Text[]) =>
    column(k, key, n, (v): v is Text => values.includes(v as Text), "KPI");
  const direction = enumeration("direction", DIRECTIONS);
  const aggregation = enumeration("aggregation", AGGREGATIONS);
  const kpis = new Map<string, KpiFacts>();
  const kpiScores = new Map<string, number | null>();
  kpiIds.forEach((id, i) => {
    kpis.set(id, {
      id,
      name: kpiName[i],
      kra: kpiKra[i],
      target: target[i],
      weight: kpiWeight[i],
      actual: actual[i],
      direction: direction[i] as Direction | null,
      baseline: baseline[i],
      targetMax: targetMax[i],
      aggregation: aggregation[i] as Aggregation | null,
      greenAt: greenAt[i],
      amberAt: amberAt[i],
    });
    kpiScores.set(id, attainment[i]);
  });

  const r = record(s.kras, "KRAs");
  const kraIds = ids(r, "KRA");
  const m = kraIds.length;
  const [kraName, owner, parent, objective] = ["name", "owner", "parent", "objective"].map((key) =>
    texts(r, key, m, "KRA")
  );
  const [kraWeight, kraScore] = ["weight", "score"].map((key) => column(r, key, m, isNum, "KRA"));
  const kras = new Map<string, KraFacts>();
  const kraScores = new Map<string, number | null>();
  kraIds.forEach((id, i) => {
    kras.set(id, {
      id,
      name: kraName[i],
      owner: owner[i],
      weight: kraWeight[i],
      parent: parent[i],
      objective: objective[i],
    });
    kraScores.set(id, kraScore[i]);
  });

  const o = record(s.owners, "owners");
  const ownerIds = ids(o, "owner");
  const ownerName = texts(o, "name", ownerIds.length, "owner");
  const ownerScore = column(o, "score", ownerIds.length, isNum, "owner");
  const names = new Map(ownerIds.map((id, i) => [id, ownerName[i]]));

  return {
    asOf: s.asOf,
    asOfIso: isoFromDay(s.asOf),
    settings,
    kpis,
    kras,
    ownerName: (id) => names.get(id) ?? null,
    scores: {
      owner: new Map(ownerIds.map((id, i) => [id, ownerScore[i]])),
      kra: kraScores,
      kpi: kpiScores,
    },
    checkIns: { digest: digestOf(s.checkIns, kpiIds) },
    precision: 10 ** -SCORE_DECIMALS,
  };
}

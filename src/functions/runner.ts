/**
 * The one runner behind every KPI.* function, after HyperFormula's plugin design
 * (handsontable/hyperformula, src/interpreter/plugin/): a function is declared once as data —
 * its parameters, their types and defaults — and this runner does the rest. It coerces cells
 * (numbers as text, blanks in all the ways Excel sends them, error values), broadcasts single
 * cells over ranges, rejects ranges of different shapes, and turns a bad cell into an error in
 * that cell only, never in the whole spill.
 */
import { dayFromExcelSerial } from "../engine/dates";
import {
  Aggregation,
  Direction,
  parseAggregation,
  parseDate,
  parseDirection,
  parseNumberText,
} from "../engine/values";

/** Error codes Excel accepts back from a custom function (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors). */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!" | "#NULL!";

/** A per-cell error, turned into a CustomFunctions.Error at the Excel boundary. */
export class FunctionError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string
  ) {}
}

export type CellResult = number | string | FunctionError;
export type Matrix<T> = T[][];

/** How each parameter's cells are read. `range` parameters are handed to the body whole. */
export type ParamType = "number" | "date" | "direction" | "aggregation" | "range";

export interface Param {
  name: string;
  type: ParamType;
  /** Optional parameters take `default` (or null) when omitted or blank. */
  optional?: boolean;
  default?: number | string;
}

/** A single value read from a parameter: null for an optional parameter left blank. */
export type Arg = number | Direction | Aggregation | null | unknown[][];

export interface Declaration {
  name: string;
  params: readonly Param[];
  /** Computes one result cell. Blank required inputs never reach it (the cell stays blank). */
  body: (args: Arg[]) => number | string | null | FunctionError;
}

export const BLANK = "";

const ERROR_BY_NAME: Record<string, string> = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
};
const OUTPUT_CODES: ReadonlySet<string> = new Set([
  "#VALUE!",
  "#DIV/0!",
  "#N/A",
  "#NUM!",
  "#NULL!",
]);

/**
 * The code of an error value coming in from a cell: a CustomFunctions.Error (`code` is `#N/A` or,
 * in older hosts, `notAvailable`), a rich error value (`type: "Error"` with `basicValue`), or null.
 */
function incomingCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  const raw =
    v.code !== undefined
      ? v.code
      : v.type === "Error"
        ? (v.basicValue ?? v.errorType ?? "#VALUE!")
        : undefined;
  if (raw === undefined) return null;
  const code = String(raw);
  return ERROR_BY_NAME[code] ?? code;
}

/**
 * An error value coming in from a cell, as an error Excel accepts back. The output-legal codes
 * pass through as Excel's own functions do (SUM of #N/A is #N/A); input-only ones (#REF!, #NAME?)
 * and newer ones (#SPILL!, #CALC!, #BUSY!…) become #VALUE! naming the code, since Excel refuses
 * them as a custom function's result.
 */
function incomingError(value: unknown, param: string): FunctionError | null {
  if (value instanceof FunctionError) return value;
  const code = incomingCode(value);
  if (code === null) return null;
  return OUTPUT_CODES.has(code)
    ? new FunctionError(code as ErrorCode, `${param}: the cell holds ${code}.`)
    : new FunctionError("#VALUE!", `${param}: the cell holds ${code}.`);
}

/**
 * Data types (a formatted number, an entity, a linked type) arrive as objects: the formula sees
 * their basic value, as Excel's own functions do.
 */
function basicValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const v = value as { type?: unknown; basicValue?: unknown; text?: unknown };
  if (v.type === "Error" || "code" in v) return value;
  if (v.basicValue !== undefined) return v.basicValue;
  if (typeof v.text === "string") return v.text;
  return value;
}

/** Excel sends a blank cell as null, undefined, "" or an empty 1×1 matrix, depending on host and version. */
export function isBlankCell(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

const BLANK_CELL = Symbol("blank");
type Coerced = number | string | null | typeof BLANK_CELL | FunctionError;

function coerce(cell: unknown, param: Param): Coerced {
  const value = basicValue(cell);
  if (isBlankCell(value)) return BLANK_CELL;
  if (typeof value === "number") {
    if (param.type === "number")
      return Number.isFinite(value)
        ? value
        : new FunctionError("#NUM!", `${param.name}: ${value} is not a finite number.`);
    if (param.type === "date")
      return (
        dayFromExcelSerial(value) ??
        new FunctionError("#VALUE!", `${param.name}: ${value} is not a date.`)
      );
  }
  const error = incomingError(value, param.name);
  if (error) return error;
  const text = typeof value === "string" ? value : String(value);
  const bad = (what: string) =>
    new FunctionError("#VALUE!", `${param.name}: "${text}" is not ${what}.`);
  if (typeof value === "boolean") return bad(param.type === "date" ? "a date" : "a number");
  switch (param.type) {
    case "number": {
      const n = parseNumberText(text);
      return n === null ? bad("a number") : n;
    }
    case "date": {
      const d = parseDate(text);
      return typeof d === "number" ? d : bad("a date");
    }
    case "direction": {
      const d = parseDirection(text);
      return typeof d === "string" ? d : bad("a direction (higher, lower or range)");
    }
    case "aggregation": {
      const a = parseAggregation(text);
      return typeof a === "string" ? a : bad("an aggregation (sum, average, last, min or max)");
    }
    default:
      return value as Coerced;
  }
}

function asMatrix(value: unknown): unknown[][] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
  return [[value]];
}

/**
 * Runs a declaration over Excel's arguments. Cell-by-cell parameters of the same shape are
 * paired; a 1×1 argument is repeated over the others' shape; any other mismatch is one #VALUE!.
 */
export function run(decl: Declaration, raw: readonly unknown[]): Matrix<CellResult> {
  const matrices = decl.params.map((p, i) => (p.type === "range" ? null : asMatrix(raw[i])));
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    if (!m || (m.length === 1 && m[0].length === 1)) continue;
    if (rows === 1 && cols === 1) {
      rows = m.length;
      cols = m[0].length;
    } else if (m.length !== rows || m[0].length !== cols) {
      return [
        [
          new FunctionError(
            "#VALUE!",
            `${decl.name}: the ranges have different shapes; give ranges of the same size, or single cells.`
          ),
        ],
      ];
    }
  }
  const out: Matrix<CellResult> = new Array(rows);
  const args: Arg[] = new Array(decl.params.length);
  const params = decl.params;
  for (let r = 0; r < rows; r++) {
    const line: CellResult[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cell(decl, params, matrices, raw, args, r, c);
    out[r] = line;
  }
  return out;
}

function cell(
  decl: Declaration,
  params: readonly Param[],
  matrices: (unknown[][] | null)[],
  raw: readonly unknown[],
  args: Arg[],
  r: number,
  c: number
): CellResult {
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.type === "range") {
      args[i] = asMatrix(raw[i]);
      continue;
    }
    const m = matrices[i];
    const value = m === null ? null : m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
    const v = coerce(value, p);
    if (v === BLANK_CELL) {
      if (!p.optional) return BLANK;
      args[i] = (p.default ?? null) as Arg;
    } else if (v instanceof FunctionError) {
      return v;
    } else {
      args[i] = v as Arg;
    }
  }
  const result = decl.body(args);
  if (typeof result === "number" && !Number.isFinite(result))
    return new FunctionError(
      "#NUM!",
      `${decl.name}: the result is ${Number.isNaN(result) ? "not a number" : "too large for Excel"}; check for very large inputs.`
    );
  return result === null ? BLANK : result;
}

/** The non-blank cells of a whole-range argument, in reading order, as numbers; or the first bad cell's error. */
export function numbersOf(range: unknown, name: string): number[] | FunctionError {
  const m = asMatrix(range) ?? [];
  const out: number[] = [];
  const param: Param = { name, type: "number" };
  for (const line of m) {
    for (const v of line) {
      const x = coerce(v, param);
      if (x === BLANK_CELL) continue;
      if (x instanceof FunctionError) return x;
      out.push(x as number);
    }
  }
  return out;
}

/** Pairs two whole-range arguments cell by cell (blank where missing), or says their shapes differ. */
export function pairedCells(a: unknown, b: unknown): [unknown[], unknown[]] | null {
  const ma = asMatrix(a) ?? [];
  const mb = asMatrix(b);
  if (mb && (mb.length !== ma.length || mb[0].length !== (ma[0]?.length ?? 0))) return null;
  return [ma.flat(), mb ? mb.flat() : ma.flat().map(() => null)];
}

export { coerce as coerceCell, BLANK_CELL };

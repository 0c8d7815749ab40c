/**
 * A typed fake of the slice of Office.js the writers use. office-addin-mock does not know the real
 * API surface, so this fake records what is written (cells by address, every property set, every
 * call) and counts `context.sync()` calls, for tests to check both what and how often. It also
 * measures each request as Office.js serialises it — every object path and action as JSON, in
 * UTF-8 bytes, which is what Excel on the web holds to 5 MB — and each read's response the same way.
 */
import { a1, parseA1, sheetRef } from "../../src/engine/address";

type Log = { path: string; value: unknown }[];

/** Ids in a real request grow with the batch; six digits is a long batch's size. */
const ID = 123456;

/** Office.js's request body entries: ObjectPaths (how to reach an object) and Actions (what to do). */
const OBJECT_PATH = { property: 4, method: 3 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

/** What one request entry adds to the serialised body, in UTF-8 bytes (with its separating comma). */
function entryBytes(entry: object): number {
  return Buffer.byteLength(JSON.stringify(entry), "utf8") + 1;
}

/** Serialised size of an object path (a property or method that gives an object). */
function pathBytes(kind: keyof typeof OBJECT_PATH, name: string, args: unknown[] = []): number {
  const path = {
    Id: ID,
    ObjectPathType: OBJECT_PATH[kind],
    Name: name,
    ParentObjectPathId: ID,
    ArgumentInfo: args.length ? { Arguments: args } : {},
  };
  const instantiate = { Id: ID, ActionType: ACTION.instantiate, Name: "", ObjectPathId: ID };
  return entryBytes({ [ID]: path }) + entryBytes(instantiate);
}

/** Serialised size of an action on an object: a property set, a method call or a load. */
function actionBytes(kind: keyof typeof ACTION, name: string, args: unknown[] = []): number {
  return entryBytes({
    Id: ID,
    ActionType: ACTION[kind],
    Name: name,
    ObjectPathId: ID,
    ArgumentInfo: { Arguments: args },
  });
}

/** Office.js names properties and methods in PascalCase on the wire. */
const wire = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Records every property set and method call under a path; reading a property nests deeper.
 * Each step adds what Office.js would put in the request to `count`.
 */
function recorder(log: Log, path: string, count: (bytes: number) => void): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_, key) => {
      if (typeof key === "symbol") return undefined;
      if (key === "__path") return path;
      count(pathBytes("property", wire(key)));
      return recorder(log, `${path}.${String(key)}`, count);
    },
    set: (_, key, value) => {
      log.push({ path: `${path}.${String(key)}`, value });
      count(actionBytes("setProperty", wire(String(key)), [value]));
      return true;
    },
    apply: (_, __, args) => {
      log.push({ path: `${path}()`, value: args });
      const name = wire(path.slice(path.lastIndexOf(".") + 1));
      count(actionBytes("method", name, args));
      return recorder(log, `${path}()`, count);
    },
  });
}

/** A cell the fake holds for reading: a value, or an Excel error such as `#N/A`. */
export type FakeValue = string | number | boolean | null | { error: string };

export class FakeSheet {
  cells = new Map<string, { formula: unknown; format: unknown }>();
  log: Log = [];
  deleted = false;
  activated = false;
  selected: string | null = null;
  constructor(
    private sheetName: string,
    private readonly book: FakeWorkbook,
    /** What reading the sheet gives, from A1 (before anything is written). */
    public data: FakeValue[][] = []
  ) {}
  get name(): string {
    return this.sheetName;
  }
  /** Renames the sheet and, as Excel does, every formula's reference to it. */
  set name(to: string) {
    const from = sheetRef(this.sheetName, "");
    const escaped = from.replace(/[.*+?^$()|[\]\\{}]/g, (c) => `\\${c}`);
    const pattern = new RegExp(`(?<![\\w.'])${escaped}`, "g");
    for (const sheet of this.book.sheets)
      for (const cell of sheet.cells.values())
        if (typeof cell.formula === "string" && cell.formula.startsWith("="))
          cell.formula = cell.formula.replace(pattern, sheetRef(to, ""));
    this.sheetName = to;
  }
  /**
   * A cell as reading gives it: what was written (`range.formulas`) over `data`. A formula reads
   * back as its text in `formulas` and, never computed here, 0 in `values`; text written with
   * Excel's `'` prefix reads back without it in both, as in Excel.
   */
  private readCell(r: number, c: number): { value: FakeValue; formula: unknown } {
    const written = this.cells.get(a1(r, c))?.formula;
    if (written === undefined || written === "") {
      const v = this.data[r]?.[c] ?? "";
      return { value: v, formula: typeof v === "object" && v !== null ? v.error : v };
    }
    if (typeof written === "string" && written.startsWith("="))
      return { value: 0, formula: written };
    const constant = typeof written === "string" ? written.replace(/^'/, "") : written;
    return { value: constant as FakeValue, formula: constant };
  }
  /** The used range of what reading gives, as Excel reports it: trimmed to the non-blank cells. */
  getUsedRangeOrNullObject(): unknown {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    const note = (r: number, c: number) => {
      const v = this.readCell(r, c).value;
      if (v === null || v === "") return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    this.data.forEach((row, r) => row.forEach((_, c) => note(r, c)));
    for (const at of this.cells.keys()) {
      const p = parseA1(at);
      if (p) note(p.row, p.col);
    }
    const empty = bottom < 0;
    const info = {
      isNullObject: empty,
      rowIndex: empty ? 0 : top,
      columnIndex: empty ? 0 : left,
      rowCount: empty ? 0 : bottom - top + 1,
      columnCount: empty ? 0 : right - left + 1,
      address: empty ? "" : `${this.name}!${a1(top, left)}:${a1(bottom, right)}`,
    };
    return { ...info, load: () => info };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): unknown {
    const sheet = this;
    sheet.book.payload += pathBytes("method", "GetRangeByIndexes", [row, col, rows, cols]);
    const out = {
      values: [] as unknown[][],
      valueTypes: [] as string[][],
      formulas: [] as unknown[][],
      load(what: string) {
        const wanted = what.split(",");
        sheet.book.reads += rows * cols;
        sheet.book.payload += actionBytes("query", "", [{ Select: wanted }]);
        sheet.book.afterSync.push(() => {
          for (let r = 0; r < rows; r++) {
            const vals: unknown[] = [];
            const types: string[] = [];
            const formulas: unknown[] = [];
            for (let c = 0; c < cols; c++) {
              const { value: v, formula } = sheet.readCell(row + r, col + c);
              const isError = typeof v === "object" && v !== null;
              vals.push(isError ? v.error : v);
              formulas.push(formula);
              types.push(
                isError
                  ? "Error"
                  : v === "" || v === null
                    ? "Empty"
                    : typeof v === "number"
                      ? "Double"
                      : typeof v === "boolean"
                        ? "Boolean"
                        : "String"
              );
            }
            out.values.push(vals);
            out.valueTypes.push(types);
            out.formulas.push(formulas);
          }
          const answer: Record<string, unknown> = {};
          for (const key of wanted) answer[key] = out[key as "values" | "valueTypes" | "formulas"];
          sheet.book.response += entryBytes({ Value: answer });
        });
        return out;
      },
    };
    return out;
  }
  activate(): void {
    this.book.payload += actionBytes("method", "Activate");
    this.activated = true;
  }
  /** Adds to the current request. */
  private readonly count = (bytes: number) => (this.book.payload += bytes);
  getRange(address: string): unknown {
    const sheet = this;
    const tl = parseA1(address.split(":")[0]);
    this.count(pathBytes("method", "GetRange", [address]));
    return new Proxy(recorder(this.log, `range(${address})`, this.count) as object, {
      get(target, key) {
        if (key === "select")
          return () => {
            sheet.count(actionBytes("method", "Select"));
            sheet.selected = address;
          };
        return Reflect.get(target, key);
      },
      set(target, key, value) {
        if ((key === "formulas" || key === "numberFormat") && tl) {
          (value as unknown[][]).forEach((row, r) =>
            row.forEach((v, c) => {
              const at = a1(tl.row + r, tl.col + c);
              const cell = sheet.cells.get(at) ?? { formula: "", format: "General" };
              if (key === "formulas") cell.formula = v;
              else cell.format = v;
              sheet.cells.set(at, cell);
            })
          );
          sheet.count(actionBytes("setProperty", wire(key), [value]));
          return true;
        }
        return Reflect.set(target, key, value);
      },
    });
  }
  getRanges(address: string): unknown {
    this.count(pathBytes("method", "GetRanges", [address]));
    return recorder(this.log, `ranges(${address})`, this.count);
  }
  get freezePanes(): unknown {
    this.count(pathBytes("property", "FreezePanes"));
    return recorder(this.log, "freezePanes", this.count);
  }
  get tables(): unknown {
    this.count(pathBytes("property", "Tables"));
    return recorder(this.log, "tables", this.count);
  }
  get charts(): unknown {
    this.count(pathBytes("property", "Charts"));
    return recorder(this.log, "charts", this.count);
  }
  get notes(): unknown {
    this.count(pathBytes("property", "Notes"));
    return recorder(this.log, "notes", this.count);
  }
  getCell(row: number, col: number): unknown {
    this.count(pathBytes("method", "GetCell", [row, col]));
    return recorder(this.log, `cell(${a1(row, col)})`, this.count);
  }
  get pageLayout(): unknown {
    this.count(pathBytes("property", "PageLayout"));
    return recorder(this.log, "pageLayout", this.count);
  }
  get horizontalPageBreaks(): unknown {
    this.count(pathBytes("property", "HorizontalPageBreaks"));
    return recorder(this.log, "horizontalPageBreaks", this.count);
  }
  private shown = "Visible";
  get visibility(): string {
    return this.shown;
  }
  set visibility(state: string) {
    this.count(actionBytes("setProperty", "Visibility", [state]));
    this.log.push({ path: "visibility", value: state });
    this.shown = state;
  }
  set tabColor(color: string) {
    this.count(actionBytes("setProperty", "TabColor", [color]));
    this.log.push({ path: "tabColor", value: color });
  }
  delete(): void {
    this.count(actionBytes("method", "Delete"));
    this.deleted = true;
    this.book.sheets = this.book.sheets.filter((s) => s !== this);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: { name: string; formula: string }[] = [];
  /** Excel tables: name, sheet and address (`A1:C4`). */
  tables: { name: string; sheet: string; address: string }[] = [];
  syncs = 0;
  /** UTF-8 bytes of the request being built, as Office.js would serialise it. */
  payload = 0;
  /** Bytes of each request sent, one per sync. */
  payloads: number[] = [];
  /** UTF-8 bytes of the response being built, and of each response received. */
  response = 0;
  responses: number[] = [];
  /** Cells loaded for reading, over all syncs. */
  reads = 0;
  /** Loads are answered at the next sync, as in Office.js. */
  afterSync: (() => void)[] = [];
  /** Make the sync with this 1-based number reject, as Excel does on a refused request. */
  failAtSync: number | null = null;

  constructor(userSheets: (string | { name: string; rows: FakeValue[][] })[] = []) {
    this.sheets = userSheets.map((s) =>
      typeof s === "string" ? new FakeSheet(s, this) : new FakeSheet(s.name, this, s.rows)
    );
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  context(): Excel.RequestContext {
    const book = this;
    const worksheets = {
      items: [] as FakeSheet[],
      load() {
        worksheets.items = [...book.sheets];
        return worksheets;
      },
      getItem: (name: string) => {
        const found = book.sheet(name);
        if (!found) throw new Error(`ItemNotFound: ${name}`);
        return found;
      },
      getItemOrNullObject: (name: string) =>
        book.sheet(name) ?? { isNullObject: true, delete: () => undefined },
      add: (name: string) => {
        book.payload += pathBytes("method", "Add", [name]);
        if (book.sheet(name)) throw new Error(`A sheet named ${name} exists`);
        const s = new FakeSheet(name, book);
        book.sheets.push(s);
        return s;
      },
    };
    const names = {
      items: [] as { name: string; formula: string; delete(): void }[],
      load() {
        names.items = book.names.map((n) => ({
          ...n,
          delete: () => (book.names = book.names.filter((x) => x.name !== n.name)),
        }));
        return names;
      },
      add: (name: string, _range: unknown, comment: string) => {
        book.payload += actionBytes("method", "Add", [name, { ObjectPathId: ID }, comment]);
        book.names.push({ name, formula: `=${comment}` });
      },
    };
    const tables = {
      items: [] as unknown[],
      load() {
        tables.items = book.tables.map((t) => ({
          name: t.name,
          getRange: () => ({ load: () => ({ address: `${t.sheet}!${t.address}` }) }),
          worksheet: { load: () => ({ name: t.sheet }) },
        }));
        return tables;
      },
    };
    return {
      workbook: { worksheets, names, tables },
      sync: async () => {
        book.syncs++;
        book.payloads.push(book.payload);
        book.payload = 0;
        if (book.failAtSync === book.syncs) throw new Error("RequestPayloadSizeLimitExceeded");
        for (const answer of book.afterSync.splice(0)) answer();
        book.responses.push(book.response);
        book.response = 0;
      },
    } as unknown as Excel.RequestContext;
  }
}

/** Office.js enums, as their member names: enough for code that only passes them on. */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = new Proxy(
    {},
    { get: () => new Proxy({}, { get: (__, member) => String(member) }) }
  );
}

/**
 * A typed fake of the slice of Office.js the writers use. office-addin-mock does not know the real
 * API surface, so this fake records what is written (cells by address, every property set, every
 * call) and counts `context.sync()` calls, for tests to check both what and how often.
 */
import { a1, parseA1 } from "../../src/engine/address";

type Log = { path: string; value: unknown }[];

/** Records every property set and method call under a path; reading a property nests deeper. */
function recorder(log: Log, path: string): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_, key) =>
      typeof key === "symbol" ? undefined : recorder(log, `${path}.${String(key)}`),
    set: (_, key, value) => {
      log.push({ path: `${path}.${String(key)}`, value });
      return true;
    },
    apply: (_, __, args) => {
      log.push({ path: `${path}()`, value: args });
      return recorder(log, `${path}()`);
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
    public name: string,
    private readonly book: FakeWorkbook,
    /** What reading the sheet gives, from A1 (before anything is written). */
    public data: FakeValue[][] = []
  ) {}
  /** The used range of `data`, as Excel reports it: trimmed to the non-blank cells. */
  getUsedRangeOrNullObject(): unknown {
    const filled = (v: FakeValue | undefined) => v !== null && v !== undefined && v !== "";
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    this.data.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!filled(v)) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      })
    );
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
    const out = {
      values: [] as unknown[][],
      valueTypes: [] as string[][],
      load() {
        sheet.book.reads += rows * cols;
        sheet.book.afterSync.push(() => {
          for (let r = 0; r < rows; r++) {
            const vals: unknown[] = [];
            const types: string[] = [];
            for (let c = 0; c < cols; c++) {
              const v = sheet.data[row + r]?.[col + c] ?? "";
              const isError = typeof v === "object" && v !== null;
              vals.push(isError ? v.error : v);
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
          }
        });
        return out;
      },
    };
    return out;
  }
  activate(): void {
    this.activated = true;
  }
  getRange(address: string): unknown {
    const sheet = this;
    const tl = parseA1(address.split(":")[0]);
    return new Proxy(recorder(this.log, `range(${address})`) as object, {
      get(target, key) {
        if (key === "select") return () => (sheet.selected = address);
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
          sheet.book.payload += JSON.stringify(value).length;
          return true;
        }
        sheet.book.payload += String(value).length + address.length;
        return Reflect.set(target, key, value);
      },
    });
  }
  getRanges(address: string): unknown {
    this.book.payload += address.length;
    return recorder(this.log, `ranges(${address})`);
  }
  get freezePanes(): unknown {
    return recorder(this.log, "freezePanes");
  }
  get tables(): unknown {
    return recorder(this.log, "tables");
  }
  get pageLayout(): unknown {
    return recorder(this.log, "pageLayout");
  }
  get horizontalPageBreaks(): unknown {
    return recorder(this.log, "horizontalPageBreaks");
  }
  set tabColor(color: string) {
    this.log.push({ path: "tabColor", value: color });
  }
  delete(): void {
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
  payload = 0;
  payloads: number[] = [];
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
        book.payload += name.length + comment.length;
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

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

export class FakeSheet {
  cells = new Map<string, { formula: unknown; format: unknown }>();
  log: Log = [];
  deleted = false;
  constructor(
    public name: string,
    private readonly book: FakeWorkbook
  ) {}
  getRange(address: string): unknown {
    const sheet = this;
    const tl = parseA1(address.split(":")[0]);
    return new Proxy(recorder(this.log, `range(${address})`) as object, {
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
  syncs = 0;
  payload = 0;
  payloads: number[] = [];

  constructor(userSheets: string[] = []) {
    this.sheets = userSheets.map((n) => new FakeSheet(n, this));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  context(): Excel.RequestContext {
    const book = this;
    const worksheets = {
      items: [] as { name: string }[],
      load() {
        worksheets.items = book.sheets.map((s) => ({ name: s.name }));
        return worksheets;
      },
      getItem: (name: string) => book.sheet(name) as FakeSheet,
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
    return {
      workbook: { worksheets, names },
      sync: async () => {
        book.syncs++;
        book.payloads.push(book.payload);
        book.payload = 0;
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

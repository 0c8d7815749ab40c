/** Command-line arguments of SPEC section 7, parsed without a library: the grammar is tiny. */
import { dayFromYmd } from "../engine/dates";
import type { Day } from "../engine/dates";
import { SPLIT_BY, SplitBy } from "../engine/check-in-cycle/round";

export class UsageError extends Error {}

export interface CliArgs {
  command: string;
  input: string | null;
  /** The second workbook of `diff`. */
  other: string | null;
  output: string | null;
  json: string | null;
  asOf: Day | null;
  /** Replace an existing output that kpi-cascade did not write, or a read-only one. */
  force: boolean;
  help: boolean;
  /** `validate --explain`: also print how each sheet was read (SPEC 2.2). */
  explain: boolean;
  /** `split` and `collect`: one file per owner, manager or unit. */
  by: SplitBy | null;
  /** `collect`: the returned files and folders. */
  returned: string[];
  /** `collect --csv FILE`: who still owes what, as a mail-merge CSV. */
  csv: string | null;
}

export const USAGE = `Usage:
  kpi-cascade validate <workbook.xlsx> [--as-of YYYY-MM-DD] [--json FILE|-] [--explain]
  kpi-cascade build <workbook.xlsx> -o <out.xlsx> [--as-of YYYY-MM-DD] [--json FILE|-]
  kpi-cascade template -o <new.xlsx>
  kpi-cascade demo [--as-of YYYY-MM-DD] [--json FILE|-]
  kpi-cascade diff <before.xlsx> <after.xlsx> [--as-of YYYY-MM-DD] [--json FILE|-]
  kpi-cascade diff <built.xlsx> [--as-of YYYY-MM-DD] [--json FILE|-]   (against its last build)
  kpi-cascade split <master.xlsx> -o <folder> [--by owner|manager|unit] [--as-of YYYY-MM-DD]
  kpi-cascade collect <master.xlsx> <returned.xlsx|folder>... -o <merged.xlsx>
      [--as-of YYYY-MM-DD] [--by owner|manager|unit] [--json FILE|-] [--csv FILE]

An existing output is replaced only if kpi-cascade wrote it; --force replaces any other file.
Exit status: 0 done, no errors; 1 done, with error findings; 2 nothing done.`;

function parseBy(text: string): SplitBy {
  const by = text.toLowerCase() as SplitBy;
  if (!SPLIT_BY.includes(by))
    throw new UsageError(`--by wants owner, manager or unit, not "${text}".`);
  return by;
}

function parseAsOf(text: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null) throw new UsageError(`--as-of wants a date as YYYY-MM-DD, not "${text}".`);
  return day;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: "",
    input: null,
    other: null,
    output: null,
    json: null,
    asOf: null,
    force: false,
    help: false,
    explain: false,
    by: null,
    returned: [],
    csv: null,
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || (v.startsWith("-") && v !== "-"))
        throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === "-h" || a === "--help") args.help = true;
    else if (a === "--force") args.force = true;
    else if (a === "--explain") args.explain = true;
    else if (a === "-o" || a === "--output") args.output = value();
    else if (a === "--json") args.json = value();
    else if (a === "--as-of") args.asOf = parseAsOf(value());
    else if (a.startsWith("--as-of=")) args.asOf = parseAsOf(a.slice(8));
    else if (a.startsWith("--json=")) args.json = a.slice(7);
    else if (a === "--by") args.by = parseBy(value());
    else if (a.startsWith("--by=")) args.by = parseBy(a.slice(5));
    else if (a === "--csv") args.csv = value();
    else if (a.startsWith("--csv=")) args.csv = a.slice(6);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`Unknown option ${a}.`);
    else positional.push(a);
  }
  args.command = positional[0] ?? "";
  args.input = positional[1] ?? null;
  if (args.command === "collect") {
    args.returned = positional.slice(2);
    return args;
  }
  const most = args.command === "diff" ? 3 : 2;
  if (args.command === "diff") args.other = positional[2] ?? null;
  if (positional.length > most) throw new UsageError(`Unexpected argument "${positional[most]}".`);
  return args;
}

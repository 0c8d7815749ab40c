/**
 * The sample workbook shipped in examples/: Harbour Lane Foods, a food distributor with a July–June
 * financial year. Three goals, six objectives, five units, twelve people, KRAs cascading from the
 * company to departments to people, about 80 KPIs with every direction, and twelve monthly
 * check-ins per KPI, plus the deliberate problems listed in examples/README.md.
 */
import { CellValue } from "../engine/grid";
import { Random, round, seeded } from "./random";
import { SheetData } from "./sheet-data";

type Dir = "higher" | "lower" | "range" | "";
type Agg = "sum" | "average" | "last" | "min" | "max";

/** id, KRA, name, unit, direction, baseline, target, target max, weight, aggregation */
type KpiRow = [
  string,
  string,
  string,
  string,
  Dir,
  number | null,
  number | string,
  number | null,
  number | null,
  Agg,
];

const UNITS: CellValue[][] = [
  ["HLF", "Harbour Lane Foods", null, "Company", "P01"],
  ["SAL", "Sales", "HLF", "Department", "P02"],
  ["OPS", "Operations", "HLF", "Department", "P03"],
  ["FIN", "Finance", "HLF", "Department", "P04"],
  ["PPL", "People & Culture", "HLF", "Department", "P05"],
];

const PEOPLE: CellValue[][] = [
  ["P01", "Maya Chen", "HLF", null, "Chief Executive"],
  ["P02", "Daniel Okafor", "SAL", "P01", "Head of Sales"],
  ["P03", "Priya Raman", "OPS", "P01", "Head of Operations"],
  ["P04", "Tom Becker", "FIN", "P01", "Chief Financial Officer"],
  ["P05", "Aisha Noor", "PPL", "P01", "Head of People & Culture"],
  ["P06", "Lucas Silva", "SAL", "P02", "Account Manager"],
  ["P07", "Emma Walsh", "SAL", "P02", "Key Account Manager"],
  ["P08", "Kenji Sato", "OPS", "P03", "Warehouse Lead"],
  ["P09", "Sofia Rossi", "OPS", "P03", "Logistics Planner"],
  ["P10", "Omar Haddad", "FIN", "P04", "Financial Analyst"],
  ["P11", "Grace Mensah", "PPL", "P05", "HR Business Partner"],
  ["P12", "Ben Novak", "PPL", "P05", "Talent Acquisition Lead"],
];

const GOALS: CellValue[][] = [
  ["G1", "Grow profitable revenue", "FY2025-26", "Maya Chen"],
  ["G2", "Deliver reliably to every customer", "FY2025-26", "Maya Chen"],
  ["G3", "Be a great place to work", "FY2025-26", "Maya Chen"],
];

const OBJECTIVES: CellValue[][] = [
  ["O1", "G1", "Grow revenue 15% to $48M", "Daniel Okafor", "2026-06-30"],
  ["O2", "G1", "Lift gross margin to 24%", "Tom Becker", "2026-06-30"],
  ["O3", "G2", "Deliver 97% of orders on time and in full", "Priya Raman", "2026-06-30"],
  ["O4", "G2", "Cut waste and spoilage by a third", "Priya Raman", "2026-06-30"],
  ["O5", "G3", "Keep regretted attrition below 8%", "Aisha Noor", "2026-06-30"],
  // Deliberate: no KRA links to O6 (objective-without-kra).
  ["O6", "G3", "Put every manager through the leadership programme", "Aisha Noor", "2026-06-30"],
];

/** id, name, owner, objective, parent, weight */
const KRAS: CellValue[][] = [
  ["R-HLF-1", "Revenue growth", "HLF", "O1", null, 40],
  ["R-HLF-2", "Service reliability", "HLF", "O3", null, 35],
  ["R-HLF-3", "Engaged workforce", "HLF", "O5", null, 25],
  ["R-SAL-1", "New business", "SAL", "O1", "R-HLF-1", 40],
  ["R-SAL-2", "Key account retention", "SAL", "O1", "R-HLF-1", 35],
  ["R-SAL-3", "Pricing discipline", "SAL", "O2", null, 25],
  ["R-OPS-1", "Order fulfilment", "OPS", "O3", "R-HLF-2", 45],
  ["R-OPS-2", "Inventory health", "OPS", "O4", null, 35],
  ["R-OPS-3", "Workplace safety", "OPS", null, "R-HLF-3", 20],
  ["R-FIN-1", "Margin management", "FIN", "O2", null, 40],
  ["R-FIN-2", "Cash conversion", "FIN", "O2", null, 35],
  ["R-FIN-3", "Close and reporting", "FIN", "O2", null, 25],
  ["R-PPL-1", "Retention", "PPL", "O5", "R-HLF-3", 40],
  ["R-PPL-2", "Hiring", "PPL", "O5", "R-HLF-3", 35],
  ["R-PPL-3", "Capability building", "PPL", "O5", null, 25],
  ["R-P06-1", "New logos", "P06", null, "R-SAL-1", 40],
  ["R-P06-2", "Account growth", "P06", null, "R-SAL-2", 35],
  ["R-P06-3", "Pipeline hygiene", "P06", null, "R-SAL-1", 25],
  ["R-P07-1", "Key accounts", "P07", null, "R-SAL-2", 40],
  ["R-P07-2", "Renewals", "P07", null, "R-SAL-2", 30],
  ["R-P07-3", "Upsell", "P07", null, "R-SAL-1", 30],
  ["R-P08-1", "Pick accuracy", "P08", null, "R-OPS-1", 40],
  ["R-P08-2", "Dock to stock", "P08", null, "R-OPS-1", 30],
  ["R-P08-3", "Spoilage control", "P08", null, "R-OPS-2", 30],
  ["R-P09-1", "On-time dispatch", "P09", null, "R-OPS-1", 40],
  ["R-P09-2", "Route cost", "P09", null, "R-OPS-2", 30],
  // Deliberate: Sofia (Operations) cascades from a Finance KRA (misaligned-cascade).
  ["R-P09-3", "Freight invoice accuracy", "P09", null, "R-FIN-2", 30],
  ["R-P10-1", "Month-end close", "P10", null, "R-FIN-3", 40],
  ["R-P10-2", "Working capital analysis", "P10", null, "R-FIN-2", 30],
  ["R-P10-3", "Cost reporting", "P10", null, "R-FIN-1", 30],
  // Deliberate: Grace owns only two KRAs (kra-count).
  ["R-P11-1", "Retention actions", "P11", null, "R-PPL-1", 60],
  ["R-P11-2", "Engagement", "P11", null, "R-PPL-1", 40],
  ["R-P12-1", "Time to hire", "P12", null, "R-PPL-2", 40],
  ["R-P12-2", "Offer acceptance", "P12", null, "R-PPL-2", 30],
  // Deliberate: the parent KRA R-PPL-9 does not exist (unknown-reference).
  ["R-P12-3", "Quality of hire", "P12", null, "R-PPL-9", 30],
];

const KPIS: KpiRow[] = [
  ["K-001", "R-HLF-1", "Net revenue", "$", "higher", null, 48_000_000, null, 60, "sum"],
  [
    "K-002",
    "R-HLF-1",
    "Revenue from new customers",
    "$",
    "higher",
    null,
    6_000_000,
    null,
    40,
    "sum",
  ],
  ["K-003", "R-HLF-2", "Orders on time in full", "%", "higher", 0.93, 0.97, null, 60, "average"],
  [
    "K-004",
    "R-HLF-2",
    "Customer complaints per 1,000 orders",
    "per 1,000",
    "lower",
    4.2,
    2.5,
    null,
    40,
    "average",
  ],
  ["K-005", "R-HLF-3", "Employee engagement score", "score", "higher", 68, 75, null, 50, "last"],
  [
    "K-006",
    "R-HLF-3",
    "Regretted attrition (12-month rolling)",
    "%",
    "",
    0.11,
    0.08,
    null,
    50,
    "last",
  ],
  ["K-007", "R-SAL-1", "New customer revenue", "$", "higher", null, 6_000_000, null, 50, "sum"],
  ["K-008", "R-SAL-1", "New customers signed", "count", "higher", null, 60, null, 30, "sum"],
  ["K-009", "R-SAL-1", "Win rate", "%", "higher", 0.22, 0.28, null, 20, "average"],
  [
    "K-010",
    "R-SAL-2",
    "Key account revenue retention",
    "%",
    "higher",
    0.94,
    0.98,
    null,
    60,
    "last",
  ],
  ["K-011", "R-SAL-2", "Key accounts lost", "count", "lower", null, 2, null, 40, "sum"],
  ["K-012", "R-SAL-3", "Average discount given", "%", "lower", 0.085, 0.06, null, 50, "average"],
  ["K-013", "R-SAL-3", "Price realisation vs list", "%", "range", null, 0.92, 0.96, 50, "average"],
  ["K-014", "R-OPS-1", "Orders on time in full", "%", "higher", 0.93, 0.97, null, 50, "average"],
  ["K-015", "R-OPS-1", "Order cycle time", "hours", "lower", 30, 24, null, 30, "average"],
  ["K-016", "R-OPS-1", "Backorders", "count", "lower", null, 150, null, 20, "sum"],
  ["K-017", "R-OPS-2", "Days of inventory", "days", "range", null, 30, 40, 40, "last"],
  ["K-018", "R-OPS-2", "Spoilage as % of COGS", "%", "", 0.021, 0.014, null, 35, "average"],
  ["K-019", "R-OPS-2", "Inventory accuracy", "%", "higher", 0.95, 0.99, null, 25, "min"],
  ["K-020", "R-OPS-3", "Lost-time injuries", "count", "lower", null, 2, null, 60, "sum"],
  ["K-021", "R-OPS-3", "Safety walks completed", "count", "higher", null, 48, null, 40, "sum"],
  ["K-022", "R-FIN-1", "Gross margin", "%", "higher", 0.215, 0.24, null, 60, "average"],
  [
    "K-023",
    "R-FIN-1",
    "Freight cost as % of revenue",
    "%",
    "lower",
    0.062,
    0.055,
    null,
    40,
    "average",
  ],
  ["K-024", "R-FIN-2", "Days sales outstanding", "days", "lower", 48, 40, null, 50, "last"],
  ["K-025", "R-FIN-2", "Cash conversion cycle", "days", "", 52, 42, null, 30, "last"],
  // Deliberate: KPI weights of R-FIN-2 add up to 90 (weights-sum).
  [
    "K-026",
    "R-FIN-2",
    "Overdue receivables > 60 days",
    "$",
    "lower",
    900_000,
    400_000,
    null,
    10,
    "last",
  ],
  ["K-027", "R-FIN-3", "Working days to close", "days", "lower", 9, 5, null, 60, "max"],
  ["K-028", "R-FIN-3", "Audit adjustments", "count", "lower", null, 3, null, 40, "sum"],
  [
    "K-029",
    "R-PPL-1",
    "Regretted attrition (12-month rolling)",
    "%",
    "lower",
    0.11,
    0.08,
    null,
    60,
    "last",
  ],
  ["K-030", "R-PPL-1", "Stay interviews held", "count", "higher", null, 40, null, 40, "sum"],
  ["K-031", "R-PPL-2", "Time to hire", "days", "lower", 52, 38, null, 50, "average"],
  ["K-032", "R-PPL-2", "Offer acceptance rate", "%", "higher", 0.78, 0.88, null, 50, "average"],
  ["K-033", "R-PPL-3", "Training hours per employee", "hours", "higher", null, 24, null, 50, "sum"],
  // Deliberate: a range KPI without Target Max (invalid-range).
  ["K-034", "R-PPL-3", "Internal fill rate", "%", "range", null, 0.3, null, 50, "last"],
  ["K-035", "R-P06-1", "New customers signed", "count", "higher", null, 25, null, 60, "sum"],
  ["K-036", "R-P06-1", "New customer revenue", "$", "higher", null, 2_400_000, null, 40, "sum"],
  ["K-037", "R-P06-2", "Revenue growth in own book", "%", "higher", 0.04, 0.1, null, 100, "last"],
  [
    "K-038",
    "R-P06-3",
    "Opportunities with next step",
    "%",
    "higher",
    0.7,
    0.95,
    null,
    50,
    "average",
  ],
  ["K-039", "R-P06-3", "Stale opportunities", "count", "lower", 40, 10, null, 50, "last"],
  [
    "K-040",
    "R-P07-1",
    "Key account revenue retention",
    "%",
    "higher",
    0.94,
    0.98,
    null,
    60,
    "last",
  ],
  [
    "K-041",
    "R-P07-1",
    "Quarterly business reviews held",
    "count",
    "higher",
    null,
    32,
    null,
    40,
    "sum",
  ],
  ["K-042", "R-P07-2", "Renewal rate", "%", "higher", 0.9, 0.95, null, 100, "last"],
  ["K-043", "R-P07-3", "Upsell revenue", "$", "higher", null, 900_000, null, 100, "sum"],
  ["K-044", "R-P08-1", "Pick accuracy", "%", "higher", 0.985, 0.997, null, 70, "average"],
  [
    "K-045",
    "R-P08-1",
    "Mis-picks per 10,000 lines",
    "per 10,000",
    "lower",
    15,
    5,
    null,
    30,
    "average",
  ],
  ["K-046", "R-P08-2", "Dock-to-stock time", "hours", "lower", 10, 6, null, 100, "average"],
  [
    "K-047",
    "R-P08-3",
    "Spoiled stock written off",
    "$",
    "lower",
    480_000,
    320_000,
    null,
    60,
    "sum",
  ],
  [
    "K-048",
    "R-P08-3",
    "Cold-chain temperature breaches",
    "count",
    "lower",
    null,
    6,
    null,
    40,
    "sum",
  ],
  ["K-049", "R-P09-1", "Dispatches on time", "%", "higher", 0.92, 0.97, null, 100, "average"],
  ["K-050", "R-P09-2", "Cost per drop", "$", "lower", 38, 33, null, 60, "average"],
  ["K-051", "R-P09-2", "Truck fill rate", "%", "range", null, 0.85, 0.95, 40, "average"],
  [
    "K-052",
    "R-P09-3",
    "Freight invoices matched first time",
    "%",
    "higher",
    0.8,
    0.95,
    null,
    100,
    "average",
  ],
  ["K-053", "R-P10-1", "Close checklist items late", "count", "lower", null, 6, null, 50, "sum"],
  [
    "K-054",
    "R-P10-1",
    "Reconciliations done by day 3",
    "%",
    "higher",
    0.7,
    0.95,
    null,
    50,
    "average",
  ],
  ["K-055", "R-P10-2", "Cash forecast accuracy", "%", "higher", 0.85, 0.95, null, 100, "average"],
  ["K-056", "R-P10-3", "Cost centre reports on time", "%", "higher", 0.8, 1, null, 100, "average"],
  ["K-057", "R-P11-1", "Stay interviews held", "count", "higher", null, 24, null, 50, "sum"],
  ["K-058", "R-P11-1", "Regretted leavers", "count", "lower", 14, 9, null, 50, "sum"],
  ["K-059", "R-P11-2", "Pulse survey participation", "%", "higher", 0.6, 0.8, null, 50, "average"],
  // Deliberate: Direction says higher, but the target is below the baseline (direction-conflict).
  [
    "K-060",
    "R-P11-2",
    "Engagement action plans completed",
    "count",
    "higher",
    30,
    20,
    null,
    50,
    "sum",
  ],
  ["K-061", "R-P12-1", "Time to hire", "days", "lower", 52, 38, null, 100, "average"],
  ["K-062", "R-P12-2", "Offer acceptance rate", "%", "higher", 0.78, 0.88, null, 100, "average"],
  [
    "K-063",
    "R-P12-3",
    "New hires rated strong at 6 months",
    "%",
    "higher",
    0.6,
    0.75,
    null,
    60,
    "last",
  ],
  ["K-064", "R-P12-3", "Early leavers (first 90 days)", "count", "lower", null, 3, null, 40, "sum"],
  ["K-065", "R-HLF-1", "EBITDA", "$", "higher", null, 4_300_000, null, null, "sum"],
  [
    "K-066",
    "R-SAL-2",
    "Net promoter score (key accounts)",
    "score",
    "higher",
    32,
    45,
    null,
    null,
    "average",
  ],
  ["K-067", "R-OPS-1", "Perfect order rate", "%", "higher", 0.88, 0.94, null, null, "min"],
  ["K-068", "R-FIN-1", "Operating expense ratio", "%", "range", null, 0.14, 0.16, null, "average"],
  ["K-069", "R-PPL-2", "Diverse shortlist rate", "%", "higher", 0.5, 0.7, null, null, "average"],
  ["K-070", "R-P06-2", "Cross-sell attach rate", "%", "higher", 0.15, 0.25, null, null, "average"],
  ["K-071", "R-P08-2", "Receiving errors", "count", "lower", null, 24, null, null, "sum"],
  [
    "K-072",
    "R-P09-1",
    "Average delay on late dispatches",
    "minutes",
    "lower",
    55,
    30,
    null,
    null,
    "average",
  ],
  [
    "K-073",
    "R-P10-3",
    "Variance explanations accepted first time",
    "%",
    "higher",
    0.75,
    0.9,
    null,
    null,
    "average",
  ],
  // Deliberate: the target is "TBD" (invalid-number).
  [
    "K-074",
    "R-P12-1",
    "Hiring manager satisfaction",
    "score",
    "higher",
    3.6,
    "TBD",
    null,
    null,
    "average",
  ],
  [
    "K-075",
    "R-P07-2",
    "Renewals signed 30 days early",
    "%",
    "higher",
    0.5,
    0.8,
    null,
    null,
    "average",
  ],
  [
    "K-076",
    "R-P07-3",
    "Upsell opportunities opened",
    "count",
    "higher",
    null,
    60,
    null,
    null,
    "sum",
  ],
  ["K-077", "R-P11-1", "Exit interviews completed", "%", "higher", 0.6, 0.9, null, null, "average"],
  ["K-078", "R-OPS-2", "Slow-moving stock", "$", "lower", 700_000, 450_000, null, null, "last"],
  // Deliberate: no check-in and no Actual (missing-actual).
  [
    "K-079",
    "R-HLF-2",
    "Delivery photo compliance",
    "%",
    "higher",
    null,
    0.95,
    null,
    null,
    "average",
  ],
  [
    "K-080",
    "R-P12-2",
    "Candidate experience score",
    "score",
    "higher",
    4.1,
    4.5,
    null,
    null,
    "average",
  ],
];

/** The one KRA left with some KPI weights blank, deliberately (partial-weights). */
const PARTIAL_WEIGHTS_KRA = "R-OPS-2";

/** KPIs added later (K-065…) have no weight: their KRAs weigh all KPIs equally, as blank weights do. */
function equaliseLateAdditions(rows: CellValue[][]): void {
  const unweighted = new Set(rows.filter((r) => r[8] === null).map((r) => r[1]));
  unweighted.delete(PARTIAL_WEIGHTS_KRA);
  for (const r of rows) if (unweighted.has(r[1])) r[8] = null;
}

const MONTHS = [
  "2025-07",
  "2025-08",
  "2025-09",
  "2025-10",
  "2025-11",
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
];
const MONTH_NAMES = [
  "Jul 2025",
  "Aug 2025",
  "Sep 2025",
  "Oct 2025",
  "Nov 2025",
  "Dec 2025",
  "Jan 2026",
  "Feb 2026",
  "Mar 2026",
  "Apr 2026",
  "May 2026",
  "Jun 2026",
];

/** A KPI's path over the year: from its baseline towards target × performance, with noise. */
function monthlyValues(kpi: KpiRow, random: Random): number[] {
  const [, , , unit, direction, baseline, target, targetMax, , aggregation] = kpi;
  const t = typeof target === "number" ? target : 4;
  const goal = direction === "range" ? (t + (targetMax ?? t)) / 2 : t;
  const performance = 0.86 + random() * 0.32; // 0.86 … 1.18 of the way there
  const decimals = unit === "%" ? 4 : unit === "$" ? 0 : unit === "count" ? 0 : 1;
  const values: number[] = [];
  for (let m = 0; m < 12; m++) {
    const noise = 1 + (random() - 0.5) * 0.08;
    let v: number;
    if (aggregation === "sum") v = (goal / 12) * performance * noise;
    else {
      const start = baseline ?? goal * 0.85;
      const lowerBetter =
        direction === "lower" || (direction === "" && baseline !== null && t < baseline);
      const reach = lowerBetter ? 2 - performance : performance;
      const end = start + (goal - start) * reach;
      // Most of the change comes early in the year, so averages and minimums stay near the level reached.
      v = (start + (end - start) * (0.85 + (0.15 * (m + 1)) / 12)) * noise;
    }
    values.push(round(Math.max(0, v), decimals));
  }
  return values;
}

export interface SampleOptions {
  /**
   * How many of the twelve months have their check-ins in (12: the whole year). The check-in
   * cycle's tests and README use 11: the workbook on 1 July, before June's figures came back.
   */
  months?: number;
}

export function sampleCompany(options: SampleOptions = {}): SheetData[] {
  const months = options.months ?? 12;
  const random = seeded(20260630);
  const kpiRows: CellValue[][] = KPIS.map(
    ([id, kra, name, unit, direction, baseline, target, targetMax, weight, aggregation]) => [
      id,
      kra,
      name,
      unit,
      direction || null,
      baseline,
      target,
      targetMax,
      weight,
      aggregation,
      "Monthly",
      null,
      null,
    ]
  );
  equaliseLateAdditions(kpiRows);
  // Numbers typed as text the way people do: the reader must take them as numbers.
  kpiRows[0][6] = "$48,000,000";
  kpiRows[2][5] = "93%";
  // Deliberate: a copy-pasted row repeats K-042 (duplicate-id).
  kpiRows.splice(43, 0, [
    "K-042",
    "R-P07-2",
    "Renewal rate (copy)",
    "%",
    "higher",
    0.9,
    0.95,
    null,
    100,
    "last",
    "Monthly",
    null,
    null,
  ]);
  // Own thresholds on one KPI: safety is green only when perfect.
  kpiRows[19][11] = 1;
  kpiRows[19][12] = 0.95;

  const checkIns: CellValue[][] = [];
  for (const kpi of KPIS) {
    if (kpi[0] === "K-079") continue;
    const values = monthlyValues(kpi, random);
    values.forEach((v, m) => {
      if (m >= months) return;
      // Mix the period shapes the reader accepts: 2025-07, Jul 2025, and month-end dates.
      const period =
        m % 3 === 0
          ? MONTHS[m]
          : m % 3 === 1
            ? MONTH_NAMES[m]
            : `${MONTHS[m]}-${new Date(Date.UTC(Number(MONTHS[m].slice(0, 4)), Number(MONTHS[m].slice(5)), 0)).getUTCDate()}`;
      checkIns.push([kpi[0], period, v, null]);
    });
  }
  // Deliberate problems in the check-ins.
  checkIns[5][2] = { error: "#N/A" }; // cell-error
  checkIns.push(["K-014", "2026-03", 0.95, "Re-entered after system outage"]); // duplicate-actual
  checkIns.push(["K-049", "2026-07", 0.96, "Entered early"]); // future-period, period-out-of-cycle
  checkIns[1][2] = `$${(checkIns[1][2] as number).toLocaleString("en-US")}`; // a number typed as text

  return [
    {
      name: "Read me",
      header: ["Harbour Lane Foods — performance workbook FY2025-26"],
      rows: [
        [
          "This sample workbook is read by KPI Cascade. Sheets: Org, Team Roster (table tblStaff), Goals, Objectives, KRAs, KPIs, Check-ins, Settings.",
        ],
        ["It contains deliberate problems for the demo; see examples/README.md in the repository."],
      ],
    },
    {
      name: "Org",
      header: ["Unit ID", "Unit Name", "Parent Unit ID", "Level", "Head"],
      rows: UNITS,
    },
    {
      name: "Team Roster",
      header: ["Employee ID", "Full Name", "Department", "Reports To", "Job Title"],
      rows: PEOPLE,
      table: "tblStaff",
    },
    {
      name: "Goals",
      preamble: [["Strategic goals FY2025-26"], []],
      header: ["Goal ID", "Goal Statement", "Period", "Owner"],
      rows: GOALS,
    },
    {
      name: "Objectives",
      header: ["Objective ID", "Goal ID", "Objective", "Owner", "Due Date"],
      rows: OBJECTIVES,
    },
    {
      name: "KRAs",
      header: ["KRA ID", "Key Result Area", "Owner", "Objective ID", "Parent KRA", "Weight"],
      rows: KRAS,
    },
    {
      name: "KPIs",
      preamble: [
        ["Key performance indicators"],
        ["Targets are for the full year; weights within each KRA should add up to 100."],
      ],
      header: [
        "KPI ID*",
        "KRA ID*",
        "KPI*",
        "UoM",
        "Direction",
        "Baseline",
        "Target*",
        "Target Max",
        "Weight",
        "Aggregation",
        "Frequency",
        "Green At",
        "Amber At",
      ],
      rows: kpiRows,
      formats: { "Green At": "0%", "Amber At": "0%" },
    },
    { name: "Check-ins", header: ["KPI ID", "Period", "Actual", "Comment"], rows: checkIns },
    {
      name: "Settings",
      header: ["Setting", "Value"],
      rows: [
        ["Cycle Start", "2025-07-01"],
        ["Cycle End", "2026-06-30"],
        ["As Of", "2026-06-30"],
        ["Cap", 1.2],
        ["Floor", 0],
        ["Green At", 1],
        ["Amber At", 0.9],
        ["Rating Bands", "1.10, 1.00, 0.90, 0.75"],
        ["Prorate Targets", "no"],
        ["KRA Count Min", 3],
        ["KRA Count Max", 5],
      ],
      formats: {},
    },
  ];
}

/**
 * A corpus of KPI workbooks in the shapes people keep them (SPEC 2.1, issue 11), each with the
 * reading a person would give it. `scripts/make-layout-fixtures.ts` writes each as an .xlsx (with
 * merged cells, formulas with cached results and error values) and its expected reading as JSON
 * beside it, in test/fixtures/layouts/. The shapes follow public templates found while building
 * this: HR KRA/KPI appraisal forms (S.No, KRA, KPI, Weightage, Target, Achievement), sales
 * trackers (a sheet or a row per salesperson, Target vs Actual per month, a Total row, a legend
 * below), balanced scorecards (Perspective as a section row, Measure, Target, Actual, Owner) and
 * long data-entry tables (Date, Sales Representative, Target, Actual).
 */

/** A formula cell: the formula and the result Excel cached. */
export interface FormulaCell {
  formula: string;
  result: number | string | { error: string } | null;
}

export type FixtureCell = string | number | null | { error: string } | FormulaCell;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** A1 ranges, e.g. `A5:A7`. */
  merges?: string[];
}

export interface ExpectedKpi {
  id: string;
  name: string;
  kra: string | null;
  owner: string | null;
  target: number | null;
  actual: number | null;
  direction?: "higher" | "lower" | "range";
  baseline?: number;
  targetMax?: number;
  weight?: number | null;
  /** The number of check-ins read for it (periods across, long format, sheets per period). */
  checkIns?: number;
}

export interface LayoutFixture {
  name: string;
  /** The shape(s) of SPEC 2.1 this workbook shows. */
  shapes: string[];
  /** The real-world template it mirrors and what is peculiar about it. */
  note: string;
  asOf: string;
  sheets: FixtureSheet[];
  kpis: ExpectedKpi[];
  /** KRA weights where the workbook gives them (else every KRA weighs 1). */
  kraWeights?: Record<string, number>;
  /** Rows inside the data read as headers, totals, sections or footnotes. */
  skippedRows: number;
  /** Every rule the reading raises. */
  rules: string[];
}

const f = (formula: string, result: FormulaCell["result"]): FormulaCell => ({ formula, result });
const DIV0 = { error: "#DIV/0!" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const noIdColumn: LayoutFixture = {
  name: "no-id-column",
  shapes: [
    "no ID column",
    "KRA repeated on every row",
    "title above the header",
    "Weightage as %",
    "inferred direction",
  ],
  note: "An HR KPI list as in CiteHR's KRA/KPI threads: a title, S.No numbering the rows, the KRA repeated on each row, Weightage as text percentages per KRA, last year's figure beside the target and no Direction column.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "KPI List",
      merges: ["A1:G1"],
      rows: [
        ["Key Performance Indicators — Operations 2026"],
        [],
        ["S.No", "KRA", "KPI", "Weightage", "Last Year", "Target", "Actual"],
        [1, "Delivery", "On-time delivery", "60%", 0.9, 0.95, 0.931],
        [2, "Delivery", "Order cycle time (days)", "40%", 6, 4, 5],
        [3, "Quality", "First pass yield", "50%", 0.97, 0.98, 0.985],
        [4, "Quality", "Customer complaints", "50%", 12, 8, 6],
      ],
    },
  ],
  kpis: [
    {
      id: "On-time delivery",
      name: "On-time delivery",
      kra: "Delivery",
      owner: null,
      target: 0.95,
      actual: 0.931,
      baseline: 0.9,
      weight: 0.6,
    },
    {
      id: "Order cycle time (days)",
      name: "Order cycle time (days)",
      kra: "Delivery",
      owner: null,
      target: 4,
      actual: 5,
      baseline: 6,
      direction: "lower",
      weight: 0.4,
    },
    {
      id: "First pass yield",
      name: "First pass yield",
      kra: "Quality",
      owner: null,
      target: 0.98,
      actual: 0.985,
      baseline: 0.97,
      weight: 0.5,
    },
    {
      id: "Customer complaints",
      name: "Customer complaints",
      kra: "Quality",
      owner: null,
      target: 8,
      actual: 6,
      baseline: 12,
      direction: "lower",
      weight: 0.5,
    },
  ],
  skippedRows: 0,
  rules: ["inferred-direction"],
};

const kraMerged: LayoutFixture = {
  name: "kra-merged-appraisal",
  shapes: [
    "KRA merged down over its KPIs",
    "KRA weightage",
    "title block",
    "text targets",
    "totals row",
    "footnote merged across",
    "formulas with cached results",
  ],
  note: "An annual appraisal form: a banner and employee details above the table, the KRA and its weightage merged down over its KPIs, KPI weights as whole percentages, targets typed as text (>= 1200, at least 35%, < 5%), an Achieved % formula column, a Total row summing the weightage and a footnote merged across the sheet.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Appraisal",
      merges: ["A1:G1", "A6:A7", "B6:B7", "A8:A10", "B8:B10", "A13:G13"],
      rows: [
        ["Annual Performance Appraisal 2026"],
        ["Employee: Ana Alvarez", null, null, "Department: Sales"],
        ["Reviewer: Bo Berg"],
        [],
        ["KRA", "KRA Weightage", "KPI", "Weight (%)", "Target", "Actual", "% Achieved"],
        ["Revenue growth", 50, "New revenue ($k)", 60, ">= 1200", 1260, f("F6/1200", 1.05)],
        [null, null, "Gross margin", 40, "at least 35%", 0.33, f("F7/0.35", 0.9428571428571428)],
        ["Customer", 30, "Net promoter score", 50, 40, 44, f("F8/E8", 1.1)],
        [null, null, "Churn rate", 30, "< 5%", 0.06, f("0.05/F9", 0.8333333333333334)],
        [null, null, "First response (hours)", 20, "< 4 hours", 3, f("4/F10", 1.3333333333333333)],
        ["People", 20, "Training hours", 100, 20, 12, f("F11/E11", 0.6)],
        ["Total", f("SUM(B6:B11)", 100), null, null, null, null, null],
        [
          "* Targets as agreed in the goal-setting meeting of January 2026; text targets give the direction.",
        ],
      ],
    },
  ],
  kpis: [
    {
      id: "New revenue ($k)",
      name: "New revenue ($k)",
      kra: "Revenue growth",
      owner: null,
      target: 1200,
      actual: 1260,
      direction: "higher",
      weight: 60,
    },
    {
      id: "Gross margin",
      name: "Gross margin",
      kra: "Revenue growth",
      owner: null,
      target: 0.35,
      actual: 0.33,
      direction: "higher",
      weight: 40,
    },
    {
      id: "Net promoter score",
      name: "Net promoter score",
      kra: "Customer",
      owner: null,
      target: 40,
      actual: 44,
      weight: 50,
    },
    {
      id: "Churn rate",
      name: "Churn rate",
      kra: "Customer",
      owner: null,
      target: 0.05,
      actual: 0.06,
      direction: "lower",
      weight: 30,
    },
    {
      id: "First response (hours)",
      name: "First response (hours)",
      kra: "Customer",
      owner: null,
      target: 4,
      actual: 3,
      direction: "lower",
      weight: 20,
    },
    {
      id: "Training hours",
      name: "Training hours",
      kra: "People",
      owner: null,
      target: 20,
      actual: 12,
      weight: 100,
    },
  ],
  kraWeights: { "Revenue growth": 50, Customer: 30, People: 20 },
  skippedRows: 2,
  rules: ["skipped-rows"],
};

const filledDown: LayoutFixture = {
  name: "owner-kra-filled-down",
  shapes: [
    "owner and KRA written once, blank below",
    "derived IDs with owner",
    "text target with k",
  ],
  note: "A team KPI sheet kept by a sales manager: the owner and the KRA written on the first row of their group only, blanks below, one row per KPI.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Team KPIs",
      rows: [
        ["Owner", "KRA", "KPI", "Target", "Actual", "Weight"],
        ["Ana", "Sales", "Deals closed", 40, 38, 50],
        [null, null, "Pipeline value", 500000, 450000, 50],
        [null, "Service", "CSAT", 0.9, 0.92, 100],
        ["Bo", "Sales", "Deals closed", 30, 33, 60],
        [null, null, "Upsell revenue", "$120k", 90000, 40],
        [null, "Service", "CSAT", 0.9, 0.85, 100],
      ],
    },
  ],
  kpis: [
    {
      id: "Ana / Deals closed",
      name: "Deals closed",
      kra: "Ana / Sales",
      owner: "Ana",
      target: 40,
      actual: 38,
      weight: 50,
    },
    {
      id: "Ana / Pipeline value",
      name: "Pipeline value",
      kra: "Ana / Sales",
      owner: "Ana",
      target: 500000,
      actual: 450000,
      weight: 50,
    },
    {
      id: "Ana / CSAT",
      name: "CSAT",
      kra: "Ana / Service",
      owner: "Ana",
      target: 0.9,
      actual: 0.92,
      weight: 100,
    },
    {
      id: "Bo / Deals closed",
      name: "Deals closed",
      kra: "Bo / Sales",
      owner: "Bo",
      target: 30,
      actual: 33,
      weight: 60,
    },
    {
      id: "Bo / Upsell revenue",
      name: "Upsell revenue",
      kra: "Bo / Sales",
      owner: "Bo",
      target: 120000,
      actual: 90000,
      weight: 40,
    },
    {
      id: "Bo / CSAT",
      name: "CSAT",
      kra: "Bo / Service",
      owner: "Bo",
      target: 0.9,
      actual: 0.85,
      weight: 100,
    },
  ],
  skippedRows: 0,
  rules: ["kra-count"],
};

const sectionRows: LayoutFixture = {
  name: "balanced-scorecard-sections",
  shapes: [
    "KRA as section rows",
    "text targets with operators and spans",
    "prose target",
    "totals row",
    "footnote",
    "owner column",
  ],
  note: "A balanced scorecard as ClearPoint's and ProjectManager's Excel templates lay it out: a banner, each perspective as a row of its own above its measures, an owner per measure, targets typed as text ($1.2M, > 15%, 95–100%, < 2 days, ≤ 3%, at least 90, and one written as a formula in words), a Total row and a note below.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Balanced Scorecard",
      merges: ["A1:E1", "A4:E4", "A7:E7", "A10:E10", "A13:E13", "A16:E16"],
      rows: [
        ["Balanced Scorecard FY2026"],
        [],
        ["Measure", "Owner", "Target", "Actual", "Status"],
        ["Financial Perspective"],
        ["Revenue", "CFO", "$1.2M", 1150000, "Amber"],
        ["Operating margin", "CFO", "> 15%", 0.16, "Green"],
        ["Customer Perspective"],
        ["Customer satisfaction", "COO", "95–100%", 0.97, "Green"],
        ["Complaint resolution (days)", "COO", "< 2 days", 2.5, "Red"],
        ["Internal Process Perspective"],
        ["Defect rate", "COO", "≤ 3%", 0.02, "Green"],
        ["Process audits completed", "COO", "at least 90", 81, "Amber"],
        ["Learning & Growth Perspective"],
        ["Training completion", "CHRO", "(Completed trainings / Planned) x 100", 0.8, ""],
        ["Total", null, null, null, null],
        ["Note: status is green at or above target, amber within 10% of it, red below."],
      ],
    },
  ],
  kpis: [
    {
      id: "CFO / Revenue",
      name: "Revenue",
      kra: "CFO / Financial Perspective",
      owner: "CFO",
      target: 1200000,
      actual: 1150000,
      direction: "higher",
    },
    {
      id: "CFO / Operating margin",
      name: "Operating margin",
      kra: "CFO / Financial Perspective",
      owner: "CFO",
      target: 0.15,
      actual: 0.16,
      direction: "higher",
    },
    {
      id: "COO / Customer satisfaction",
      name: "Customer satisfaction",
      kra: "COO / Customer Perspective",
      owner: "COO",
      target: 0.95,
      targetMax: 1,
      actual: 0.97,
      direction: "range",
    },
    {
      id: "COO / Complaint resolution (days)",
      name: "Complaint resolution (days)",
      kra: "COO / Customer Perspective",
      owner: "COO",
      target: 2,
      actual: 2.5,
      direction: "lower",
    },
    {
      id: "COO / Defect rate",
      name: "Defect rate",
      kra: "COO / Internal Process Perspective",
      owner: "COO",
      target: 0.03,
      actual: 0.02,
      direction: "lower",
    },
    {
      id: "COO / Process audits completed",
      name: "Process audits completed",
      kra: "COO / Internal Process Perspective",
      owner: "COO",
      target: 90,
      actual: 81,
      direction: "higher",
    },
    {
      id: "CHRO / Training completion",
      name: "Training completion",
      kra: "CHRO / Learning & Growth Perspective",
      owner: "CHRO",
      target: null,
      actual: 0.8,
    },
  ],
  skippedRows: 6,
  rules: ["invalid-number", "kra-count", "skipped-rows"],
};

function personSheet(name: string, rows: FixtureCell[][]): FixtureSheet {
  return {
    name,
    rows: [
      [`Sales scorecard — ${name}`],
      [],
      ["KRA", "KPI", "Target", "Actual", "Weight"],
      ...rows,
    ],
  };
}

const sheetPerPerson: LayoutFixture = {
  name: "sheet-per-person",
  shapes: ["one sheet per person", "owner from the sheet name", "title above the header"],
  note: "A sales tracker with one tab per salesperson, as in OffiDocs' team sales trackers: every tab has the same columns, the person is only in the tab's name and title.",
  asOf: "2026-06-30",
  sheets: [
    personSheet("Ana Alvarez", [
      ["Sales", "Deals closed", 40, 42, 70],
      [null, "Calls made", 600, 540, 30],
    ]),
    personSheet("Bo Berg", [
      ["Sales", "Deals closed", 30, 24, 70],
      [null, "Calls made", 500, 520, 30],
    ]),
    personSheet("Cy Chen", [
      ["Sales", "Deals closed", 35, 35, 70],
      [null, "Calls made", 550, 440, 30],
    ]),
  ],
  kpis: [
    {
      id: "Ana Alvarez / Deals closed",
      name: "Deals closed",
      kra: "Ana Alvarez / Sales",
      owner: "Ana Alvarez",
      target: 40,
      actual: 42,
      weight: 70,
    },
    {
      id: "Ana Alvarez / Calls made",
      name: "Calls made",
      kra: "Ana Alvarez / Sales",
      owner: "Ana Alvarez",
      target: 600,
      actual: 540,
      weight: 30,
    },
    {
      id: "Bo Berg / Deals closed",
      name: "Deals closed",
      kra: "Bo Berg / Sales",
      owner: "Bo Berg",
      target: 30,
      actual: 24,
      weight: 70,
    },
    {
      id: "Bo Berg / Calls made",
      name: "Calls made",
      kra: "Bo Berg / Sales",
      owner: "Bo Berg",
      target: 500,
      actual: 520,
      weight: 30,
    },
    {
      id: "Cy Chen / Deals closed",
      name: "Deals closed",
      kra: "Cy Chen / Sales",
      owner: "Cy Chen",
      target: 35,
      actual: 35,
      weight: 70,
    },
    {
      id: "Cy Chen / Calls made",
      name: "Calls made",
      kra: "Cy Chen / Sales",
      owner: "Cy Chen",
      target: 550,
      actual: 440,
      weight: 30,
    },
  ],
  skippedRows: 0,
  rules: ["kra-count"],
};

function quarterSheet(name: string, rows: FixtureCell[][]): FixtureSheet {
  return { name, rows: [["KRA", "KPI", "Target", "Actual"], ...rows] };
}

const sheetPerPeriod: LayoutFixture = {
  name: "sheet-per-quarter",
  shapes: ["one sheet per period", "period from the sheet name", "period targets"],
  note: "A quarterly KPI review kept as one tab per quarter (Q1 2026, Q2 2026, Q3 2026), the same KPIs on each with that quarter's target and result; the coming quarter's results are still blank.",
  asOf: "2026-06-30",
  sheets: [
    quarterSheet("Q1 2026", [
      ["Growth", "New customers", 50, 46],
      ["Growth", "Revenue ($k)", 300, 310],
    ]),
    quarterSheet("Q2 2026", [
      ["Growth", "New customers", 60, 63],
      ["Growth", "Revenue ($k)", 320, 288],
    ]),
    quarterSheet("Q3 2026", [
      ["Growth", "New customers", 70, null],
      ["Growth", "Revenue ($k)", 340, null],
    ]),
  ],
  kpis: [
    {
      id: "New customers",
      name: "New customers",
      kra: "Growth",
      owner: null,
      target: 60,
      actual: 63,
      checkIns: 2,
    },
    {
      id: "Revenue ($k)",
      name: "Revenue ($k)",
      kra: "Growth",
      owner: null,
      target: 320,
      actual: 288,
      checkIns: 2,
    },
  ],
  skippedRows: 0,
  rules: [],
};

const monthsAcross: LayoutFixture = {
  name: "months-across",
  shapes: ["periods across the columns (months)", "year from the sheet name", "aggregation column"],
  note: "A monthly KPI tracker: Jan … Dec across, one row per KPI, the annual target in its own column and the year only in the tab's name (KPIs 2026); months not yet reported are blank.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "KPIs 2026",
      rows: [
        ["Monthly KPI tracker"],
        ["KRA", "KPI", "Direction", "Aggregation", "Target", ...MONTHS],
        ["Sales", "Units sold", null, "Sum", 1200, 100, 100, 100, 100, 100, 100],
        ["Quality", "Defect rate", "Lower", "Average", 0.02, 0.02, 0.03, 0.01, 0.02, 0.02, 0.02],
        ["People", "Headcount", null, null, 50, 45, 46, 46, 47, 48],
      ],
    },
  ],
  kpis: [
    {
      id: "Units sold",
      name: "Units sold",
      kra: "Sales",
      owner: null,
      target: 1200,
      actual: 600,
      checkIns: 6,
    },
    {
      id: "Defect rate",
      name: "Defect rate",
      kra: "Quality",
      owner: null,
      target: 0.02,
      actual: 0.02,
      direction: "lower",
      checkIns: 6,
    },
    {
      id: "Headcount",
      name: "Headcount",
      kra: "People",
      owner: null,
      target: 50,
      actual: 48,
      checkIns: 5,
    },
  ],
  skippedRows: 0,
  rules: [],
};

function pairsSheet(
  name: string,
  revenue: (number | null)[],
  accounts: (number | null)[]
): FixtureSheet {
  const months = MONTHS.slice(0, 6);
  const group: FixtureCell[] = ["KRA", "KPI"];
  const measure: FixtureCell[] = [null, null];
  const merges = ["A1:T1", "A3:A4", "B3:B4"];
  months.forEach((m, i) => {
    const c = 3 + i * 3;
    group.push(m, null, null);
    measure.push("Target", "Actual", "%");
    merges.push(`${col(c)}3:${col(c + 2)}3`);
  });
  const row = (kpi: string, targets: (number | null)[], actuals: (number | null)[], r: number) => {
    const cells: FixtureCell[] = ["Sales", kpi];
    months.forEach((_, i) => {
      const t = targets[i];
      const a = actuals[i];
      const tc = `${col(3 + i * 3)}${r}`;
      const ac = `${col(4 + i * 3)}${r}`;
      cells.push(t, a, f(`${ac}/${tc}`, t === null || t === 0 ? DIV0 : (a ?? 0) / t));
    });
    return cells;
  };
  return {
    name,
    merges,
    rows: [
      ["Sales 2026 — monthly plan vs actual"],
      [],
      group,
      measure,
      row("Revenue ($)", [10000, 10000, 12000, 12000, 12000, 14000], revenue, 5),
      row("New accounts", [4, 4, 5, 5, 5, null], accounts, 6),
    ],
  };
}

function col(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const salespersonPairs: LayoutFixture = {
  name: "salesperson-months-target-actual",
  shapes: [
    "one sheet per person",
    "periods across with Target/Actual/% pairs",
    "two-row merged header",
    "#DIV/0! in empty months",
    "period targets",
  ],
  note: "A sheet per salesperson with months across, each month a merged group header over Target, Actual and an Actual/Target % formula; months not yet reported show #DIV/0! where the target is blank. Mirrors monthly sales plan-vs-actual trackers.",
  asOf: "2026-04-30",
  sheets: [
    pairsSheet("Ana", [9500, 10400, 12600, 11000, null, null], [3, 5, 5, 4, null, null]),
    pairsSheet("Bo", [8000, 9000, 10000, 13000, null, null], [4, 4, 6, 6, null, null]),
  ],
  kpis: [
    {
      id: "Ana / Revenue ($)",
      name: "Revenue ($)",
      kra: "Ana / Sales",
      owner: "Ana",
      target: 12000,
      actual: 11000,
      checkIns: 4,
    },
    {
      id: "Ana / New accounts",
      name: "New accounts",
      kra: "Ana / Sales",
      owner: "Ana",
      target: 5,
      actual: 4,
      checkIns: 4,
    },
    {
      id: "Bo / Revenue ($)",
      name: "Revenue ($)",
      kra: "Bo / Sales",
      owner: "Bo",
      target: 12000,
      actual: 13000,
      checkIns: 4,
    },
    {
      id: "Bo / New accounts",
      name: "New accounts",
      kra: "Bo / Sales",
      owner: "Bo",
      target: 5,
      actual: 6,
      checkIns: 4,
    },
  ],
  skippedRows: 0,
  rules: ["kra-count"],
};

const quarterly: LayoutFixture = {
  name: "quarterly-scorecard",
  shapes: [
    "periods across (quarters) with Goal/Forecast/Actual",
    "several columns headed Goal",
    "section rows",
    "footnotes",
    "year from the title (FY26)",
  ],
  note: "A quarterly scorecard: Q1 … Q4 merged over Goal, Forecast and Actual, a Goal column under every quarter, the KRA as section rows, an owner column and two footnotes merged across. The year is only in the title (FY26).",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Scorecard",
      merges: [
        "A1:N1",
        "A3:A4",
        "B3:B4",
        "C3:E3",
        "F3:H3",
        "I3:K3",
        "L3:N3",
        "A5:N5",
        "A8:N8",
        "A11:N11",
        "A12:N12",
      ],
      rows: [
        ["Quarterly Scorecard FY26"],
        [],
        ["KPI", "Owner", "Q1", null, null, "Q2", null, null, "Q3", null, null, "Q4", null, null],
        [
          null,
          null,
          "Goal",
          "Forecast",
          "Actual",
          "Goal",
          "Forecast",
          "Actual",
          "Goal",
          "Forecast",
          "Actual",
          "Goal",
          "Forecast",
          "Actual",
        ],
        ["Growth"],
        ["Bookings ($k)", "Dana", 500, 480, 470, 550, 560, 575, 600, 610, null, 650, 640, null],
        ["Win rate", "Dana", 0.3, 0.28, 0.27, 0.3, 0.31, 0.33, 0.32, 0.32, null, 0.32, 0.33, null],
        ["Efficiency"],
        [
          "Cost per lead ($)",
          "Eli",
          "< 120",
          118,
          125,
          "< 115",
          112,
          110,
          "< 110",
          108,
          null,
          "< 105",
          104,
          null,
        ],
        [
          "Sales cycle (days)",
          "Eli",
          "max 45",
          44,
          47,
          "max 42",
          41,
          40,
          "max 40",
          40,
          null,
          "max 38",
          38,
          null,
        ],
        ["Forecasts are updated monthly by Finance; actuals are final after the quarter closes."],
        ["Source: CRM export, June 2026."],
      ],
    },
  ],
  kpis: [
    {
      id: "Dana / Bookings ($k)",
      name: "Bookings ($k)",
      kra: "Dana / Growth",
      owner: "Dana",
      target: 550,
      actual: 575,
      checkIns: 2,
    },
    {
      id: "Dana / Win rate",
      name: "Win rate",
      kra: "Dana / Growth",
      owner: "Dana",
      target: 0.3,
      actual: 0.33,
      checkIns: 2,
    },
    {
      id: "Eli / Cost per lead ($)",
      name: "Cost per lead ($)",
      kra: "Eli / Efficiency",
      owner: "Eli",
      target: 115,
      actual: 110,
      direction: "lower",
      checkIns: 2,
    },
    {
      id: "Eli / Sales cycle (days)",
      name: "Sales cycle (days)",
      kra: "Eli / Efficiency",
      owner: "Eli",
      target: 42,
      actual: 40,
      direction: "lower",
      checkIns: 2,
    },
  ],
  skippedRows: 4,
  rules: ["kra-count", "skipped-rows"],
};

const FULL_MONTHS = ["January", "February", "March", "April", "May", "June"];

const longFormat: LayoutFixture = {
  name: "long-format",
  shapes: [
    "long format: one row per KPI and month",
    "period split over Month and Year",
    "no KRA: Unassigned KPIs",
  ],
  note: "A data-entry table as in OffiDocs' 'Sales Tracker (Data Version)': one row per person, KPI and month, the month's name and the year in two columns, a value and that month's target. No KRA anywhere, so the KPIs are Unassigned.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Data",
      rows: [
        ["Employee", "KPI", "Month", "Year", "Value", "Target"],
        ...FULL_MONTHS.map((m, i) => ["Ana", "Calls made", m, 2026, 90 + i * 4, 100]),
        ...FULL_MONTHS.map((m, i) => ["Bo", "Calls made", m, 2026, 120 - i * 5, 110]),
        ...FULL_MONTHS.slice(0, 3).map((m, i) => ["Ana", "Meetings booked", m, 2026, 10 + i, 12]),
      ],
    },
  ],
  kpis: [
    {
      id: "Ana / Calls made",
      name: "Calls made",
      kra: null,
      owner: "Ana",
      target: 100,
      actual: 110,
      checkIns: 6,
    },
    {
      id: "Bo / Calls made",
      name: "Calls made",
      kra: null,
      owner: "Bo",
      target: 110,
      actual: 95,
      checkIns: 6,
    },
    {
      id: "Ana / Meetings booked",
      name: "Meetings booked",
      kra: null,
      owner: "Ana",
      target: 12,
      actual: 12,
      checkIns: 3,
    },
  ],
  skippedRows: 0,
  rules: [],
};

const ratingScale: LayoutFixture = {
  name: "rating-scale",
  shapes: [
    "rating rubric: Score (1–5) with weights and no target",
    "Sr. No. column",
    "title block",
  ],
  note: "A self-appraisal form: Sr. No., KRA, KPI, Weightage and a Score (1-5) the employee fills in; no targets, the scale's top is the target.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Self Appraisal",
      rows: [
        ["Self Appraisal 2026"],
        ["Name: Ana Alvarez"],
        [],
        ["Sr. No.", "KRA", "KPI", "Weightage", "Score (1-5)"],
        [1, "Delivery", "Projects delivered on time", 40, 4],
        [2, "Delivery", "Quality of deliverables", 60, 3],
        [3, "Growth", "Certifications earned", 100, 5],
      ],
    },
  ],
  kpis: [
    {
      id: "Projects delivered on time",
      name: "Projects delivered on time",
      kra: "Delivery",
      owner: null,
      target: 5,
      actual: 4,
      direction: "higher",
      weight: 40,
    },
    {
      id: "Quality of deliverables",
      name: "Quality of deliverables",
      kra: "Delivery",
      owner: null,
      target: 5,
      actual: 3,
      direction: "higher",
      weight: 60,
    },
    {
      id: "Certifications earned",
      name: "Certifications earned",
      kra: "Growth",
      owner: null,
      target: 5,
      actual: 5,
      direction: "higher",
      weight: 100,
    },
  ],
  skippedRows: 0,
  rules: [],
};

const repeatedHeaders: LayoutFixture = {
  name: "repeated-headers-totals",
  shapes: [
    "repeated header rows",
    "blank separator rows",
    "subtotal and grand total rows",
    "Achievement as the actual",
  ],
  note: "A KPI report printed in pages: the header repeated before the second page, blank rows between groups, a Subtotal under each group and a Grand Total at the end (formulas summing the column above).",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "Report",
      rows: [
        ["KRA", "KPI", "Target", "Achievement"],
        ["Sales", "Orders", 200, 190],
        ["Sales", "Revenue ($k)", 800, 840],
        ["Subtotal", null, f("SUM(C2:C3)", 1000), f("SUM(D2:D3)", 1030)],
        [],
        ["KRA", "KPI", "Target", "Achievement"],
        ["Support", "Tickets closed", 900, 930],
        ["Support", "Backlog (tickets)", "< 50", 40],
        ["Subtotal", null, f("SUM(C7:C8)", 950), f("SUM(D7:D8)", 970)],
        [],
        ["Grand Total", null, f("C4+C9", 1950), f("D4+D9", 2000)],
      ],
    },
  ],
  kpis: [
    { id: "Orders", name: "Orders", kra: "Sales", owner: null, target: 200, actual: 190 },
    {
      id: "Revenue ($k)",
      name: "Revenue ($k)",
      kra: "Sales",
      owner: null,
      target: 800,
      actual: 840,
    },
    {
      id: "Tickets closed",
      name: "Tickets closed",
      kra: "Support",
      owner: null,
      target: 900,
      actual: 930,
    },
    {
      id: "Backlog (tickets)",
      name: "Backlog (tickets)",
      kra: "Support",
      owner: null,
      target: 50,
      actual: 40,
      direction: "lower",
    },
  ],
  skippedRows: 4,
  rules: ["skipped-rows"],
};

const ambiguous: LayoutFixture = {
  name: "two-target-columns",
  shapes: ["several columns with one header that are not periods", "duplicate KPI names"],
  note: "A KPI list with a Target column and a second, revised Target column, and one KPI listed twice: the first Target column is used and said so; the second row of a name gets #2.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "KPIs",
      rows: [
        ["KRA", "KPI", "Target", "Target", "Actual"],
        ["Ops", "Uptime", 0.99, 0.995, 0.996],
        ["Ops", "Tickets resolved", 500, 520, 480],
        ["Ops", "Tickets resolved", 200, 200, 210],
      ],
    },
  ],
  kpis: [
    { id: "Uptime", name: "Uptime", kra: "Ops", owner: null, target: 0.99, actual: 0.996 },
    {
      id: "Tickets resolved",
      name: "Tickets resolved",
      kra: "Ops",
      owner: null,
      target: 500,
      actual: 480,
    },
    {
      id: "Tickets resolved #2",
      name: "Tickets resolved",
      kra: "Ops",
      owner: null,
      target: 200,
      actual: 210,
    },
  ],
  skippedRows: 0,
  rules: ["ambiguous-column"],
};

const canonicalTargets: LayoutFixture = {
  name: "canonical-with-targets-sheet",
  shapes: ["canonical format", "Targets sheet (period targets)"],
  note: "The template's own format plus a Targets sheet phasing a sum KPI's annual target by month: the year-to-date actual is compared with the year-to-date target.",
  asOf: "2026-03-31",
  sheets: [
    {
      name: "KRAs",
      rows: [
        ["KRA ID", "KRA", "Owner"],
        ["R1", "Sales", "P1"],
      ],
    },
    {
      name: "KPIs",
      rows: [
        ["KPI ID", "KRA ID", "KPI", "Target", "Aggregation"],
        ["K1", "R1", "Units sold", 1200, "Sum"],
        ["K2", "R1", "Win rate", 0.3, null],
      ],
    },
    {
      name: "Actuals",
      rows: [
        ["KPI ID", "Period", "Actual"],
        ["K1", "2026-01", 90],
        ["K1", "2026-02", 110],
        ["K1", "2026-03", 130],
        ["K2", "2026-03", 0.3],
      ],
    },
    {
      name: "Targets",
      rows: [
        ["KPI ID", "Period", "Target"],
        ["K1", "2026-01", 80],
        ["K1", "2026-02", 100],
        ["K1", "2026-03", 120],
        ["K1", "2026-04", 120],
      ],
    },
  ],
  kpis: [
    { id: "K1", name: "Units sold", kra: "R1", owner: "P1", target: 300, actual: 330 },
    { id: "K2", name: "Win rate", kra: "R1", owner: "P1", target: 0.3, actual: 0.3 },
  ],
  skippedRows: 0,
  rules: ["kra-count"],
};

const kpisWithoutKras: LayoutFixture = {
  name: "kpi-sheet-without-kras",
  shapes: [
    "KPIs sheet with IDs and a KRA column, no KRAs sheet",
    "KPI Master sheet name",
    "KRA Code",
  ],
  note: "A 'KPI Master' sheet with KPI codes and KRA codes but no KRA sheet: one KRA per code.",
  asOf: "2026-06-30",
  sheets: [
    {
      name: "KPI Master",
      rows: [
        ["KPI Code", "KRA Code", "KPI", "Target", "Actual"],
        ["K-1", "FIN", "Revenue ($k)", 900, 870],
        ["K-2", "FIN", "Margin", 0.3, 0.31],
        ["K-3", "CUS", "CSAT", 0.9, 0.9],
      ],
    },
  ],
  kpis: [
    { id: "K-1", name: "Revenue ($k)", kra: "FIN", owner: null, target: 900, actual: 870 },
    { id: "K-2", name: "Margin", kra: "FIN", owner: null, target: 0.3, actual: 0.31 },
    { id: "K-3", name: "CSAT", kra: "CUS", owner: null, target: 0.9, actual: 0.9 },
  ],
  skippedRows: 0,
  rules: [],
};

export const LAYOUT_CORPUS: readonly LayoutFixture[] = [
  noIdColumn,
  kraMerged,
  filledDown,
  sectionRows,
  sheetPerPerson,
  sheetPerPeriod,
  monthsAcross,
  salespersonPairs,
  quarterly,
  longFormat,
  ratingScale,
  repeatedHeaders,
  ambiguous,
  canonicalTargets,
  kpisWithoutKras,
];

/** SPEC 4's attainment, written out plainly so the expected readings do not reuse the engine. */
export function expectedAttainment(k: ExpectedKpi): number | null {
  const { target: t, actual: a } = k;
  if (t === null || a === null) return null;
  const b = k.baseline ?? null;
  const d = k.direction ?? (b !== null && t < b ? "lower" : "higher");
  let r: number;
  if (d === "range") {
    const u = k.targetMax as number;
    r = a < t ? 1 - (t - a) / Math.abs(t) : a > u ? 1 - (a - u) / Math.abs(u) : 1;
  } else if (b !== null) r = d === "higher" ? (a - b) / (t - b) : (b - a) / (b - t);
  else r = d === "higher" ? 1 + (a - t) / Math.abs(t) : 1 + (t - a) / Math.abs(t);
  return Math.min(1.2, Math.max(0, r));
}

function weightedMean(items: { score: number | null; weight: number }[]): number | null {
  const scored = items.filter((i) => i.score !== null);
  const total = scored.reduce((s, i) => s + i.weight, 0);
  if (scored.length === 0 || total === 0) return null;
  return scored.reduce((s, i) => s + (i.score as number) * i.weight, 0) / total;
}

export interface ExpectedReading {
  name: string;
  shapes: string[];
  note: string;
  asOf: string;
  kpis: (ExpectedKpi & { attainment: number | null })[];
  kras: { id: string; owner: string | null; score: number | null }[];
  owners: { id: string; score: number | null }[];
  skippedRows: number;
  rules: string[];
}

/** The reading a person gives the fixture: its KPIs, and the KRA and owner scores they make. */
export function expectedReading(fx: LayoutFixture): ExpectedReading {
  const kpis = fx.kpis.map((k) => ({ ...k, attainment: expectedAttainment(k) }));
  const kraIds = [...new Set(kpis.flatMap((k) => (k.kra === null ? [] : [k.kra])))];
  const kras = kraIds.map((id) => {
    const own = kpis.filter((k) => k.kra === id);
    const allBlank = own.every((k) => k.weight === undefined || k.weight === null);
    return {
      id,
      owner: own[0].owner,
      score: weightedMean(
        own.map((k) => ({ score: k.attainment, weight: allBlank ? 1 : (k.weight ?? 0) }))
      ),
    };
  });
  const ownerIds = [...new Set(kras.flatMap((k) => (k.owner === null ? [] : [k.owner])))];
  const owners = ownerIds.map((id) => ({
    id,
    score: weightedMean(
      kras
        .filter((k) => k.owner === id)
        .map((k) => ({ score: k.score, weight: fx.kraWeights?.[k.id] ?? 1 }))
    ),
  }));
  const { name, shapes, note, asOf, skippedRows, rules } = fx;
  return { name, shapes, note, asOf, kpis, kras, owners, skippedRows, rules };
}

/** What the command line prints for an HR analyst: names first, rating labels, provisional scores. */
import { analyzeWorkbook } from "../../../src/engine/analyze";
import { buildReport } from "../../../src/engine/report";
import { countLine } from "../../../src/cli/format";
import { terminalText } from "../../../src/cli/terminal-text";
import { demoSummary } from "../../../src/cli/demo-summary";
import { AS_OF, KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

const report = buildReport(
  analyzeWorkbook(
    workbook({
      People: [
        ["Person ID", "Name"],
        ["P12", "Ana Alvarez"],
        ["P13", "Bo Berg"],
      ],
      Goals: [
        ["Goal ID", "Goal"],
        ["G1", "Grow revenue"],
      ],
      KRAs: [
        KRA_HEADER,
        kra("R1", { owner: "P12" }),
        kra("R2", { owner: "P13" }),
        kra("R3", { owner: "P13" }),
      ],
      KPIs: [
        KPI_HEADER,
        kpi("K1", { kra: "R1", actual: 110 }),
        kpi("K2", { kra: "R2", actual: 95 }),
        kpi("K3", { kra: "R3", actual: null }),
      ],
    }),
    { today: AS_OF }
  )
);

describe("CLI text", () => {
  it("lists owners and goals by name with the ID in brackets, ratings with their labels", () => {
    const text = demoSummary(report, "in.xlsx", "out.xlsx", "r.json");
    expect(text).toMatch(
      /Ana Alvarez \(P12\)\s+person\s+110\.0%\s+5 Exceptional\s+coverage 100\.0%\n/
    );
    expect(text).toMatch(
      /Bo Berg \(P13\)\s+person\s+95\.0%\s+3 Largely achieved\s+coverage 50\.0%\n/
    );
    expect(text).toContain("Grow revenue (G1)");
  });
  it("marks provisional scores", () => {
    const provisional = {
      ...report,
      owners: report.owners.map((o) => ({ ...o, provisional: o.id === "P13" })),
    };
    expect(demoSummary(provisional, "in", "out", "j")).toMatch(/Bo Berg \(P13\).*provisional/);
    expect(countLine(provisional)).toMatch(
      /\n1 of 2 owner scores are provisional .*: Bo Berg \(P13\)\./
    );
    expect(countLine(report)).not.toContain("provisional");
  });
  it("shows workbook text with control characters escaped and cut", () => {
    expect(terminalText("a\r\nb\x1b[2J")).toBe("a\\r\\nb\\x1b[2J");
    expect(terminalText("x".repeat(100), 80)).toHaveLength(81); // 80 and "…"
  });
});

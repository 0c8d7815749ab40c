/** The small workbook the pane's tests open: one goal, three KRAs of one unit, two errors. */
import { KPI_HEADER, KRA_HEADER, kpi, kra, workbook } from "../../support/workbook";

export function sampleGrids() {
  return workbook({
    Org: [
      ["Unit ID", "Unit Name", "Parent Unit ID"],
      ["ORG", "Company", null],
      ["OPS", "Operations", "ORG"],
    ],
    Goals: [
      ["Goal ID", "Goal"],
      ["G1", "Grow"],
    ],
    Objectives: [
      ["Objective ID", "Goal ID", "Objective"],
      ["O1", "G1", "Sell more"],
    ],
    KRAs: [
      KRA_HEADER,
      kra("R1", { owner: "ORG", objective: "O1", weight: 50 }),
      kra("R2", { owner: "ORG", objective: "O1", weight: 50 }),
      kra("R3", { owner: "ORG", objective: "O1" }),
      kra("R1", { owner: "ORG" }),
    ],
    KPIs: [
      KPI_HEADER,
      kpi("K1", { actual: 95 }),
      kpi("K2", { kra: "R2", actual: 80 }),
      kpi("K3", { kra: "R3", target: "TBD" }),
    ],
    Settings: [
      ["Setting", "Value"],
      ["As Of", "2026-06-30"],
    ],
  });
}

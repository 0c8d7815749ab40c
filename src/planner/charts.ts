/** Chart plans shared by the generated sheets: colours of the statuses, and the dashboard's chart. */
import { ChartPlan, ChartSeriesPlan } from "./plan";

export const STATUS_COLORS = { green: "63BE7B", amber: "FFC000", red: "F8696B" } as const;

/** Green, amber and red series over three rows (`rows`) or three columns (`columns`) of counts. */
export function statusSeries(ranges: [string, string, string]): ChartSeriesPlan[] {
  return [
    { name: "Green", values: ranges[0], color: STATUS_COLORS.green },
    { name: "Amber", values: ranges[1], color: STATUS_COLORS.amber },
    { name: "Red", values: ranges[2], color: STATUS_COLORS.red },
  ];
}

/**
 * The dashboard's chart: each unit's KPIs by status, stacked. `first`…`last` are the 1-based rows
 * of the unit table; names in A, counts in C (green), D (amber), E (red).
 */
export function statusByUnitChart(first: number, last: number, anchor: string): ChartPlan {
  return {
    type: "stackedColumn",
    title: "KPIs by status and unit",
    categories: `A${first}:A${last}`,
    series: statusSeries([`C${first}:C${last}`, `D${first}:D${last}`, `E${first}:E${last}`]),
    anchor,
    size: { columns: 9, rows: 20 },
  };
}

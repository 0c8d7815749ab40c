/**
 * What the pane's screens show of one analysis, small enough to cross from the worker to the
 * page in a few milliseconds at any size: the overview, the findings, the settings form, the
 * mapping choices and the top of the cascade. Everything larger (the whole tree, the grids) stays
 * in the worker and is asked for a piece at a time.
 */
import { Analysis } from "../../engine/analyze";
import { Finding } from "../../engine/findings";
import { WorkbookGrids } from "../../engine/grid";
import { sortFindings } from "../../engine/report";
import { SheetKind } from "../../engine/schema";
import { KindMapping, SheetPreview, mappingOf, previewsOf, sheetChoices } from "../model/mapping";
import { Overview, overviewOf } from "../model/overview";
import { SettingsForm, formOf } from "../model/settings-form";
import { TreeRow } from "./cascade-index";

export interface PaneView {
  overview: Overview;
  /** Errors first, then warnings, then notes. */
  findings: Finding[];
  /** The settings as the form shows them, and how many findings concern settings. */
  settings: SettingsForm;
  settingFindings: number;
  mapping: KindMapping[];
  sheetChoices: string[];
  /** Each sheet as the reader understood it, for the import screen. */
  previews: SheetPreview[];
  /** The sheet kinds found in the workbook. */
  present: SheetKind[];
  /** The cascade's top level; children are asked for as nodes are opened. */
  roots: TreeRow[];
}

export function paneView(analysis: Analysis, grids: WorkbookGrids, roots: TreeRow[]): PaneView {
  return {
    overview: overviewOf(analysis),
    findings: sortFindings(analysis.findings),
    settings: formOf(analysis.model.settings),
    settingFindings: analysis.findings.filter((f) => f.entity === "setting").length,
    mapping: mappingOf(analysis),
    sheetChoices: sheetChoices(grids),
    previews: previewsOf(analysis, grids),
    present: Object.keys(analysis.model.regions) as SheetKind[],
    roots,
  };
}

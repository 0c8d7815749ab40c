/**
 * Everything heavy the pane does, behind one asynchronous interface: analysing a workbook,
 * planning what to write, and in file mode reading and writing the .xlsx bytes. It runs in a Web
 * Worker in the browser (worker-engine.ts passes messages to it), and in place in tests and
 * wherever there is no Worker. It keeps the workbook's grids and analysis; the page receives
 * views (pane-view.ts) and asks for the rest a piece at a time.
 */
import { Analysis, analyzeWorkbook } from "../../engine/analyze";
import { isGeneratedSheet } from "../../engine/generated-sheets";
import { SheetGrid, WorkbookGrids } from "../../engine/grid";
import { planWorkbook, planWorkbookSheets } from "../../planner";
import { WorkbookPlan } from "../../planner/plan";
import { SettingValue, SheetEdit, planSettingsEdit } from "../../planner/settings-edit";
import { RowPreview, rowPreview } from "../model/row-preview";
import { CascadeIndex, SearchResult, TreeRow } from "./cascade-index";
import { ChangesView, WhatChanged, movementChanges, whatChanged } from "./changes-view";
import { PaneView, paneView } from "./pane-view";
import { SplitBy } from "../../engine/check-in-cycle/round";
import { CollectPlan } from "../../planner/check-in-cycle";
import {
  CheckInIo,
  CollectSummary,
  PreparedCheckIns,
  ReturnedBytes,
  prepareCheckIns,
  previewCollect,
} from "./check-ins";

/** What is being done, and how far along the whole operation is (0 to 100). */
export interface Progress {
  stage: string;
  percent: number;
}
export type OnProgress = (p: Progress) => void;

/** The sheets written and the workbook's view after writing them. */
export interface Written {
  sheets: string[];
  /** Sheets marked as generated but changed since: kept as they are, the new ones written beside. */
  kept: string[];
  view: PaneView;
}

export interface PaneEngine {
  /** Analyses grids read on the page (Excel's workbook). */
  analyze(grids: WorkbookGrids, onProgress: OnProgress): Promise<PaneView>;
  /** File mode: keeps the .xlsx bytes and analyses them. Empty bytes: a new workbook. */
  openFile(bytes: Uint8Array, fileName: string, onProgress: OnProgress): Promise<PaneView>;
  /** The scorecards, cascade, findings and dashboard sheets to write into Excel. */
  planBuild(): Promise<WorkbookPlan>;
  /** The Settings rows that make these changes, for the workbook analysed last. */
  planSettings(changes: ReadonlyMap<string, SettingValue>): Promise<SheetEdit>;
  /** File mode: writes the build (or a given plan) into the file, all or nothing, and reads it again. */
  writeFile(what: "build" | WorkbookPlan, onProgress: OnProgress): Promise<Written>;
  /** File mode: writes Settings rows into the file and reads it again. */
  editFile(edit: SheetEdit, onProgress: OnProgress): Promise<PaneView>;
  /** File mode: the file as it now is. */
  fileBytes(): Promise<Uint8Array>;
  children(key: number): Promise<TreeRow[]>;
  search(query: string, limit: number): Promise<SearchResult>;
  /** Positions in the view's findings of those that match the query. */
  matchingFindings(query: string): Promise<number[]>;
  rowPreview(sheet: string, cell: string): Promise<RowPreview | null>;
  /** What changed since the last build, whose figures the workbook keeps (computed once a read). */
  whatChanged(): Promise<ChangesView>;
  /** The changes behind the view's movement at `index`, in words. */
  movementChanges(index: number): Promise<string[]>;
  /** The check-in files of the workbook analysed last, zipped, with the mail-merge CSV. */
  prepareCheckIns(by: SplitBy, masterName: string): Promise<PreparedCheckIns>;
  /** Reads returned check-in files against the workbook; says what collecting them would do. */
  previewCollect(files: ReturnedBytes[], masterName: string): Promise<CollectSummary>;
  /** What the last preview would write (for Excel, which the page writes through Office.js). */
  collectPlan(): Promise<WorkbookPlan>;
  /** File mode: writes the last preview into the file and reads it again. */
  applyCollect(onProgress: OnProgress): Promise<Written>;
}

export type XlsxIo = typeof import("../ports/xlsx-io");

/**
 * Whether two readings of a workbook hold the same sheets of the user's, as the same grids in the
 * same order, and the same tables on them: only the sheets a build writes may differ.
 */
export function sameUserSheets(before: WorkbookGrids, after: WorkbookGrids): boolean {
  const users = (grids: WorkbookGrids) => grids.sheets.filter((s) => !isGeneratedSheet(s));
  const tables = (grids: WorkbookGrids, sheets: SheetGrid[]) => {
    const names = new Set(sheets.map((s) => s.name));
    return JSON.stringify((grids.tables ?? []).filter((t) => names.has(t.sheet)));
  };
  const a = users(before);
  const b = users(after);
  return (
    a.length === b.length &&
    a.every((sheet, i) => sheet === b[i]) &&
    tables(before, a) === tables(after, b)
  );
}

interface State {
  grids: WorkbookGrids;
  analysis: Analysis;
  index: CascadeIndex;
  changes?: WhatChanged;
}

export function createPaneEngine(
  loadIo: () => Promise<XlsxIo>,
  loadCheckIns: () => Promise<CheckInIo> = () =>
    import(/* webpackChunkName: "check-ins" */ "../ports/check-in-io")
): PaneEngine {
  let state: State | null = null;
  let bytes: Uint8Array | null = null;
  let collected: CollectPlan | null = null;

  const current = (): State => {
    if (!state) throw new Error("Open a workbook first.");
    return state;
  };
  const file = (): Uint8Array => {
    if (!bytes) throw new Error("This workbook is not a file.");
    return bytes;
  };

  /** Analyses the grids and keeps them; `from` is where the progress bar stands. */
  const analyse = (grids: WorkbookGrids, onProgress: OnProgress, from: number): PaneView => {
    onProgress({ stage: "Checking the cascade", percent: from });
    const analysis = analyzeWorkbook(grids);
    onProgress({ stage: "Preparing the screens", percent: from + (100 - from) * 0.7 });
    const view = paneView(analysis, grids, []);
    const index = new CascadeIndex(analysis, view.findings);
    state = { grids, analysis, index };
    collected = null;
    return { ...view, roots: index.rootRows() };
  };

  /**
   * Reads the bytes and analyses them; `from` is where the progress bar stands. A reading whose
   * sheets of the user's are the very grids analysed before (the reader carries a copied part's
   * reading over; the engine reads none of the sheets a build writes), as after a build, keeps the
   * analysis and the cascade's index: at 5,000 people analysing again cost a second of the
   * build. What changed is worked out afresh, since the last build may have changed.
   */
  const read = async (
    next: Uint8Array,
    onProgress: OnProgress,
    from: number,
    fileName?: string
  ) => {
    onProgress({ stage: "Reading the workbook", percent: from });
    const grids = await (await loadIo()).readGrids(next, fileName);
    bytes = next;
    if (!state || !sameUserSheets(state.grids, grids))
      return analyse(grids, onProgress, from + (100 - from) * 0.6);
    const { analysis, index } = state;
    state = { grids, analysis, index };
    collected = null;
    return paneView(analysis, grids, index.rootRows());
  };

  return {
    analyze: async (grids, onProgress) => analyse(grids, onProgress, 0),
    openFile: (next, fileName, onProgress) => read(next, onProgress, 0, fileName),
    planBuild: async () => planWorkbook(current().analysis),
    planSettings: async (changes) => {
      const { grids, analysis } = current();
      return planSettingsEdit(grids, analysis.model.regions.settings ?? null, changes);
    },
    async writeFile(what, onProgress) {
      onProgress({ stage: "Planning the sheets", percent: 0 });
      // A build's sheets are planned one at a time as they are written.
      const plan = what === "build" ? { sheets: planWorkbookSheets(current().analysis) } : what;
      onProgress({ stage: "Writing the workbook", percent: 15 });
      const written = await (await loadIo()).writePlan(file(), plan);
      const view = await read(written.bytes, onProgress, 55);
      // The names come in the plan's order; the hidden sheet of the build's figures is not news.
      const shown = written.sheets.filter((_, i) => !plan.sheets[i]?.hidden);
      return { sheets: shown, kept: written.kept, view };
    },
    async editFile(edit, onProgress) {
      onProgress({ stage: "Saving to the workbook", percent: 0 });
      return read(await (await loadIo()).applyEdit(file(), edit), onProgress, 30);
    },
    fileBytes: async () => file(),
    children: async (key) => current().index.children(key),
    search: async (query, limit) => current().index.search(query, limit),
    matchingFindings: async (query) => current().index.matchingFindings(query),
    rowPreview: async (sheet, cell) => {
      const { grids, analysis } = current();
      return rowPreview(grids, Object.values(analysis.model.regions), sheet, cell);
    },
    whatChanged: async () => {
      const s = current();
      s.changes ??= whatChanged(s.grids, s.analysis);
      return s.changes.view;
    },
    movementChanges: async (index) => movementChanges(current().changes?.diff ?? null, index),
    prepareCheckIns: async (by, masterName) =>
      prepareCheckIns(await loadCheckIns(), current().analysis, { name: masterName, bytes }, by),
    async previewCollect(files, masterName) {
      const { analysis, grids } = current();
      const preview = previewCollect(
        await loadCheckIns(),
        analysis,
        grids,
        { name: masterName, bytes },
        files
      );
      collected = preview.plan;
      return preview.summary;
    },
    async collectPlan() {
      if (!collected) throw new Error("Pick the returned files first.");
      return collected.plan;
    },
    async applyCollect(onProgress) {
      if (!collected) throw new Error("Pick the returned files first.");
      const plan = collected.plan;
      onProgress({ stage: "Adding the check-ins", percent: 10 });
      const written = await (await loadIo()).writePlan(file(), plan);
      const view = await read(written.bytes, onProgress, 55);
      return { sheets: written.sheets, kept: written.kept, view };
    },
  };
}

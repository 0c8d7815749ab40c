/**
 * The pane's state: the workbook port, its grids and the engine's analysis of them, and the
 * actions the screens take. Every action goes through the port, then reads the workbook again,
 * so what the screens show is always what the workbook now holds.
 */
import { useCallback, useState } from "react";
import { Analysis, analyzeWorkbook } from "../engine/analyze";
import { WorkbookGrids } from "../engine/grid";
import { SheetKind } from "../engine/schema";
import { planWorkbook } from "../planner";
import { WriteProgress } from "../planner/plan";
import { SettingValue, planSettingsEdit } from "../planner/settings-edit";
import { planTemplate } from "../planner/template";
import { WorkbookPort } from "./workbook-port";

export interface Loaded {
  port: WorkbookPort;
  grids: WorkbookGrids;
  analysis: Analysis;
  /** From asking the port for the workbook to the analysis being ready. */
  readMs: number;
  /** Counts reads, so that screens holding a draft start afresh when the workbook is read again. */
  version: number;
}

export interface Session {
  loaded: Loaded | null;
  busy: string | null;
  error: string | null;
  open(port: WorkbookPort | Promise<WorkbookPort>): Promise<void>;
  refresh(): Promise<void>;
  build(onProgress: (p: WriteProgress) => void): Promise<{ sheets: string[]; ms: number }>;
  insertTemplate(kinds: readonly SheetKind[]): Promise<string[]>;
  saveSettings(changes: ReadonlyMap<string, SettingValue>): Promise<void>;
}

export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text || "Something went wrong.";
}

/** Lets the browser paint (a spinner, a progress bar) before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let reads = 0;

async function load(port: WorkbookPort): Promise<Loaded> {
  const started = performance.now();
  const grids = await port.readGrids();
  await nextFrame();
  const analysis = analyzeWorkbook(grids);
  return { port, grids, analysis, readMs: performance.now() - started, version: ++reads };
}

export function useSession(initial: Loaded | null = null): Session {
  const [loaded, setLoaded] = useState<Loaded | null>(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    setBusy(label);
    setError(null);
    try {
      return await step();
    } catch (e) {
      setError(messageOf(e));
      throw e;
    } finally {
      setBusy(null);
    }
  }, []);

  const open = useCallback(
    (port: WorkbookPort | Promise<WorkbookPort>) =>
      run("Reading the workbook…", async () => setLoaded(await load(await port))).catch(
        () => undefined
      ),
    [run]
  );

  const reload = useCallback(async (port: WorkbookPort) => setLoaded(await load(port)), []);

  const current = (): Loaded => {
    if (!loaded) throw new Error("Open a workbook first.");
    return loaded;
  };

  return {
    loaded,
    busy,
    error,
    open,
    refresh: () =>
      run("Reading the workbook…", () => reload(current().port)).catch(() => undefined),
    build: (onProgress) =>
      run("Building scorecards…", async () => {
        const { port, analysis } = current();
        const started = performance.now();
        const plan = planWorkbook(analysis);
        const { sheets } = await port.writePlan(plan, onProgress);
        const ms = performance.now() - started;
        await reload(port);
        return { sheets, ms };
      }),
    insertTemplate: (kinds) =>
      run("Inserting the template…", async () => {
        const { port } = current();
        const { sheets } = await port.writePlan({ sheets: planTemplate(kinds) }, () => undefined);
        await reload(port);
        return sheets;
      }),
    saveSettings: (changes) =>
      run("Saving to the Settings sheet…", async () => {
        const { port, grids, analysis } = current();
        if (changes.size === 0) return;
        await port.applyEdit(
          planSettingsEdit(grids, analysis.model.regions.settings ?? null, changes)
        );
        await reload(port);
      }),
  };
}

/**
 * The pane's state: the open workbook, the engine's view of it, and the actions the screens take.
 * The engine (analysis, planning, and in file mode the .xlsx reading and writing) runs in a Web
 * Worker, so the page stays responsive at any size; every action reads the workbook again
 * afterwards, so what the screens show is always what the workbook now holds. Long actions
 * report their stage and how far along they are.
 */
import { useCallback, useRef, useState } from "react";
import { SheetKind } from "../engine/schema";
import { WorkbookPlan, WriteProgress } from "../planner/plan";
import { SettingValue } from "../planner/settings-edit";
import { planTemplate } from "../planner/template";
import { XLSX_TYPE } from "./ports/file-port";
import { OnProgress, PaneEngine, Progress, Written } from "./worker/pane-engine";
import { SplitBy } from "../engine/check-in-cycle/round";
import { CollectSummary, PreparedCheckIns } from "./worker/check-ins";
import { PaneView } from "./worker/pane-view";
import { FileWorkbook, OpenWorkbook, WorkbookPort } from "./workbook-port";

export type { Progress } from "./worker/pane-engine";

export interface Loaded {
  workbook: OpenWorkbook;
  view: PaneView;
  /** For what the screens fetch as they need it: a node's children, searches, a row. */
  engine: PaneEngine;
  /** From opening the workbook to its view being ready. */
  readMs: number;
  /** Counts reads, so that screens holding a draft start afresh when the workbook is read again. */
  version: number;
}

export interface Session {
  loaded: Loaded | null;
  /** What is being done, or null when nothing is. */
  busy: string | null;
  progress: Progress | null;
  error: string | null;
  open(source: WorkbookPort | FileWorkbook | Promise<WorkbookPort | FileWorkbook>): Promise<void>;
  /** Back to the start, to open another file. */
  close(): void;
  refresh(): Promise<void>;
  build(): Promise<{ sheets: string[]; kept: string[]; ms: number }>;
  insertTemplate(kinds: readonly SheetKind[]): Promise<string[]>;
  saveSettings(changes: ReadonlyMap<string, SettingValue>): Promise<void>;
  /** One check-in file per owner (manager, unit) of the open workbook, zipped, to download. */
  prepareCheckIns(by: SplitBy): Promise<PreparedCheckIns>;
  /** What collecting these returned files would do; nothing is written yet. */
  previewCollect(files: readonly File[]): Promise<CollectSummary>;
  /** Writes what the last preview said into the workbook and reads it again. */
  applyCollect(): Promise<{ sheets: string[] }>;
}

export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text || "Something went wrong.";
}

/** A step's progress as part of a larger operation: its 0–100 mapped onto [from, to]. */
export function within(onProgress: OnProgress, from: number, to: number): OnProgress {
  return (p) => onProgress({ stage: p.stage, percent: from + ((to - from) * p.percent) / 100 });
}

/** Office.js's write progress in words and as a share of the write. */
export function writeProgress(p: WriteProgress): Progress {
  if (p.stage === "preparing") return { stage: "Preparing the sheets", percent: 0 };
  if (p.stage === "writing")
    return {
      stage: `Writing ${p.sheet ?? "sheets"}`,
      percent: p.chunks ? (80 * ((p.chunk ?? 1) - 1)) / p.chunks : 0,
    };
  if (p.stage === "formatting") return { stage: `Formatting ${p.sheet ?? "sheets"}`, percent: 85 };
  return { stage: "Written", percent: 100 };
}

/** How each kind of workbook is read and written: what differs between Excel and a file. */
interface Backend {
  workbook: OpenWorkbook;
  load(onProgress: OnProgress): Promise<PaneView>;
  write(what: "build" | WorkbookPlan, onProgress: OnProgress): Promise<Written>;
  edit(changes: ReadonlyMap<string, SettingValue>, onProgress: OnProgress): Promise<PaneView>;
  /** Writes the check-ins collected last (the engine holds the plan). */
  collect(onProgress: OnProgress): Promise<Written>;
}

/** Excel (and the tests' fake): grids are read and plans written on the page, through the port. */
function portBackend(port: WorkbookPort, engine: PaneEngine): Backend {
  const load = async (onProgress: OnProgress) => {
    onProgress({ stage: "Reading the workbook", percent: 0 });
    const grids = await port.readGrids();
    return engine.analyze(grids, within(onProgress, 40, 100));
  };
  return {
    workbook: { mode: port.mode, title: port.title, selectCell: port.selectCell.bind(port) },
    load,
    async write(what, onProgress) {
      onProgress({ stage: "Planning the sheets", percent: 0 });
      const plan = what === "build" ? await engine.planBuild() : what;
      const writing = within(onProgress, 10, 70);
      const { sheets, kept } = await port.writePlan(plan, (p) => writing(writeProgress(p)));
      // The names come in the plan's order; a hidden sheet (the build's figures) is not news.
      const shown = sheets.filter((_, i) => !plan.sheets[i]?.hidden);
      return { sheets: shown, kept, view: await load(within(onProgress, 70, 100)) };
    },
    async edit(changes, onProgress) {
      await port.applyEdit(await engine.planSettings(changes));
      return load(onProgress);
    },
    async collect(onProgress) {
      onProgress({ stage: "Adding the check-ins", percent: 0 });
      const plan = await engine.collectPlan();
      for (const append of plan.appends ?? []) await port.appendRows(append);
      const writing = within(onProgress, 40, 70);
      const { sheets, kept } = await port.writePlan({ sheets: plan.sheets }, (p) =>
        writing(writeProgress(p))
      );
      return { sheets, kept, view: await load(within(onProgress, 70, 100)) };
    },
  };
}

/** A file: the engine holds its bytes, reads and writes them. */
function fileBackend(file: FileWorkbook, engine: PaneEngine): Backend {
  return {
    workbook: {
      mode: "file",
      title: file.title,
      selectCell: async () => false,
      download: async () => new Blob([(await engine.fileBytes()) as BlobPart], { type: XLSX_TYPE }),
    },
    async load(onProgress) {
      const view = await engine.openFile(file.bytes, file.title, within(onProgress, 0, 50));
      if (!file.initialPlan) return view;
      return (await engine.writeFile(file.initialPlan, within(onProgress, 50, 100))).view;
    },
    write: (what, onProgress) => engine.writeFile(what, onProgress),
    edit: async (changes, onProgress) =>
      engine.editFile(await engine.planSettings(changes), onProgress),
    collect: (onProgress) => engine.applyCollect(onProgress),
  };
}

/** The worker in a browser; in place where there is no Worker (the tests' jsdom). */
export function defaultEngine(): Promise<PaneEngine> {
  return typeof Worker === "function"
    ? import("./worker/worker-engine").then((m) => m.workerEngine())
    : import("./worker/pane-engine").then((m) =>
        m.createPaneEngine(() => import("./ports/xlsx-io"))
      );
}

let reads = 0;

export function useSession(engine?: Promise<PaneEngine>): Session {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const engineRef = useRef<Promise<PaneEngine> | null>(null);
  const backendRef = useRef<Backend | null>(null);
  const getEngine = () => (engineRef.current ??= engine ?? defaultEngine());

  const run = useCallback(async <T>(label: string, step: (p: OnProgress) => Promise<T>) => {
    setBusy(label);
    setProgress({ stage: label, percent: 0 });
    setError(null);
    try {
      return await step(setProgress);
    } catch (e) {
      setError(messageOf(e));
      throw e;
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const show = (backend: Backend, view: PaneView, engine: PaneEngine, started: number) => {
    backendRef.current = backend;
    setLoaded({
      workbook: backend.workbook,
      view,
      engine,
      readMs: performance.now() - started,
      version: ++reads,
    });
  };

  const current = (): Backend => {
    if (!backendRef.current) throw new Error("Open a workbook first.");
    return backendRef.current;
  };

  return {
    loaded,
    busy,
    progress,
    error,
    open: (source) =>
      run("Opening the workbook", async (onProgress) => {
        const started = performance.now();
        const [given, ready] = await Promise.all([source, getEngine()]);
        const backend = "bytes" in given ? fileBackend(given, ready) : portBackend(given, ready);
        show(backend, await backend.load(onProgress), ready, started);
      }).catch(() => undefined),
    close: () => {
      backendRef.current = null;
      setLoaded(null);
      setError(null);
    },
    refresh: () =>
      run("Reading the workbook", async (onProgress) => {
        const started = performance.now();
        show(current(), await current().load(onProgress), await getEngine(), started);
      }).catch(() => undefined),
    build: () =>
      run("Building scorecards", async (onProgress) => {
        const started = performance.now();
        const { sheets, kept, view } = await current().write("build", onProgress);
        const ms = performance.now() - started;
        show(current(), view, await getEngine(), started);
        return { sheets, kept, ms };
      }),
    insertTemplate: (kinds) =>
      run("Inserting the template", async (onProgress) => {
        const started = performance.now();
        const { sheets, view } = await current().write({ sheets: planTemplate(kinds) }, onProgress);
        show(current(), view, await getEngine(), started);
        return sheets;
      }),
    saveSettings: (changes) =>
      run("Saving to the Settings sheet", async (onProgress) => {
        if (changes.size === 0) return;
        const started = performance.now();
        show(current(), await current().edit(changes, onProgress), await getEngine(), started);
      }),
    prepareCheckIns: (by) =>
      run("Preparing the check-in files", async () =>
        (await getEngine()).prepareCheckIns(by, current().workbook.title)
      ),
    previewCollect: (files) =>
      run("Reading the returned files", async () => {
        const picked = await Promise.all(
          files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
        );
        return (await getEngine()).previewCollect(picked, current().workbook.title);
      }),
    applyCollect: () =>
      run("Adding the check-ins", async (onProgress) => {
        const started = performance.now();
        const { sheets, view } = await current().collect(onProgress);
        show(current(), view, await getEngine(), started);
        return { sheets };
      }),
  };
}

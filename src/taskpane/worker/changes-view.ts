/**
 * The "What changed" screen's view: the diff (engine/diff) from the figures the last build kept
 * in the workbook (planner/last-build.ts) to the workbook as it is now — what `kpi-cascade diff`
 * prints, as data small enough to cross to the page: the largest movements first, each with its
 * first change in words; a movement's whole list is asked for when it is opened.
 */
import { Analysis } from "../../engine/analyze";
import {
  Movement,
  WorkbookDiff,
  describeChange,
  diffSides,
  unscoredChanges,
} from "../../engine/diff/diff";
import { sideOf } from "../../engine/diff/side";
import { WorkbookGrids } from "../../engine/grid";
import { readLastBuild } from "../../planner/last-build";

/** Movements sent to the page: the largest. `kpi-cascade diff <built.xlsx>` lists them all. */
export const MOVEMENTS_SHOWN = 2000;
/** Change lines of one movement, or of the changes that moved no score, sent at a time. */
export const CHANGES_SHOWN = 200;

export interface MovementLine {
  entity: Movement["entity"];
  id: string;
  name: string | null;
  before: number | null;
  after: number | null;
  delta: number | null;
  /** The first change behind it, in words. */
  first: string | null;
  /** How many changes are behind it. */
  changes: number;
}

export type ChangesView =
  | { state: "none" }
  | { state: "unreadable"; sheet: string; reason: string }
  | {
      state: "read";
      /** The as-of dates of the last build and of now. */
      asOf: { before: string; after: string };
      changes: number;
      /** Movements by kind, and the first MOVEMENTS_SHOWN of them, largest first. */
      moved: Record<Movement["entity"], number>;
      movements: MovementLine[];
      /** Changes that moved no score (the first CHANGES_SHOWN, in words) and how many there are. */
      unscored: string[];
      unscoredCount: number;
    };

export interface WhatChanged {
  view: ChangesView;
  diff: WorkbookDiff | null;
}

export function whatChanged(grids: WorkbookGrids, analysis: Analysis): WhatChanged {
  const last = readLastBuild(grids);
  if (last.state === "none") return { view: { state: "none" }, diff: null };
  if (last.state === "unreadable")
    return { view: { state: "unreadable", sheet: last.sheet, reason: last.reason }, diff: null };
  const diff = diffSides(last.side, sideOf(analysis));
  const moved = { owner: 0, kra: 0, kpi: 0 };
  for (const m of diff.movements) moved[m.entity]++;
  const unscored = unscoredChanges(diff);
  return {
    diff,
    view: {
      state: "read",
      asOf: diff.asOf,
      changes: diff.changes.length,
      moved,
      movements: diff.movements.slice(0, MOVEMENTS_SHOWN).map((m) => ({
        entity: m.entity,
        id: m.id,
        name: m.name,
        before: m.before,
        after: m.after,
        delta: m.delta,
        first: m.changes.length ? describeChange(diff.changes[m.changes[0]]) : null,
        changes: m.changes.length,
      })),
      unscored: unscored.slice(0, CHANGES_SHOWN).map((i) => describeChange(diff.changes[i])),
      unscoredCount: unscored.length,
    },
  };
}

/** The changes behind one movement, in words (the first CHANGES_SHOWN). */
export function movementChanges(diff: WorkbookDiff | null, index: number): string[] {
  const m = diff?.movements[index];
  if (!diff || !m) return [];
  return m.changes.slice(0, CHANGES_SHOWN).map((i) => describeChange(diff.changes[i]));
}

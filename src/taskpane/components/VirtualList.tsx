/**
 * A long list drawn a window at a time: rows of one fixed height in a scrolling box, and only
 * those in view (and a few either side) in the page. 5,000 rows cost what 40 do. The box's height
 * is fixed rather than measured, so the same rows render where there is no layout (tests).
 *
 * Arrow keys, Home and End move focus from row to row (scrolling as they go): each row renders
 * with `data-row` and a tabIndex of 0 for the active one, -1 for the rest, so Tab enters the list
 * once and leaves it.
 */
import { KeyboardEvent, ReactNode, useEffect, useRef, useState } from "react";

/** Rows drawn beyond each edge of the box, so that a quick scroll shows no gap. */
const OVERSCAN = 8;

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** The box's height when the rows overflow it. */
  maxHeight: number;
  /** Renders row i; `tabIndex` makes it the list's one tab stop when it is the active row. */
  renderRow: (index: number, tabIndex: 0 | -1) => ReactNode;
  /** Whether row i takes focus; headings between rows do not. All do when not given. */
  focusable?: (index: number) => boolean;
  /** Keys the list does not handle itself (e.g. a tree's Left and Right) reach this. */
  onRowKey?: (index: number, event: KeyboardEvent) => void;
  role?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, maxHeight, renderRow, onRowKey } = props;
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [chosen, setChosen] = useState(0);
  const focusable = props.focusable ?? (() => true);
  /** The first row from `from` on, stepping by `step`, that takes focus. */
  const nearest = (from: number, step: 1 | -1): number | null => {
    for (let i = from; i >= 0 && i < count; i += step) if (focusable(i)) return i;
    return null;
  };
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  const active = nearest(clamp(chosen), 1) ?? nearest(clamp(chosen), -1) ?? 0;
  const focusNext = useRef(false);

  const height = Math.min(maxHeight, count * rowHeight);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);

  const moveTo = (index: number, step: 1 | -1) => {
    const next = nearest(clamp(index), step) ?? nearest(clamp(index), -step as 1 | -1) ?? active;
    // Scroll just enough to show the row, as a native list does. The window follows the wanted
    // position, not the box's, so the row is drawn (and can take focus) at once.
    const scrolled =
      next * rowHeight < top
        ? next * rowHeight
        : (next + 1) * rowHeight > top + height
          ? (next + 1) * rowHeight - height
          : top;
    if (box.current) box.current.scrollTop = scrolled;
    setTop(scrolled);
    focusNext.current = true;
    setChosen(next);
  };

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    box.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest("[data-row]")?.getAttribute("data-row");
    if (row === null || row === undefined) return;
    const index = Number(row);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, [number, 1 | -1]> = {
      ArrowDown: [index + 1, 1],
      ArrowUp: [index - 1, -1],
      PageDown: [index + page, 1],
      PageUp: [index - page, -1],
      Home: [0, 1],
      End: [count - 1, -1],
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(...moves[event.key]);
    } else onRowKey?.(index, event);
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++)
    rows.push(
      <div
        key={i}
        style={{ position: "absolute", top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
      >
        {renderRow(i, i === active ? 0 : -1)}
      </div>
    );
  return (
    <div
      ref={box}
      role={props.role}
      aria-label={props["aria-label"]}
      data-testid={props["data-testid"]}
      style={{ height, overflowY: "auto", position: "relative" }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest("[data-row]")?.getAttribute("data-row");
        if (row !== null && row !== undefined) setChosen(Number(row));
      }}
    >
      <div style={{ height: count * rowHeight, position: "relative" }}>{rows}</div>
    </div>
  );
}

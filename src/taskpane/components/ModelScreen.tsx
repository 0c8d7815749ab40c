/**
 * The cascade as a tree — Goal → Objective → KRA → child KRAs → KPI — with owners (names first,
 * IDs in brackets), statuses and scores. Children are fetched from the engine as a node opens and
 * the rows are drawn a window at a time, so an objective with 5,000 KRAs opens at once. With a
 * search, the matching nodes are listed instead, each with the path above it.
 */
import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ChevronDown12Regular, ChevronRight12Regular } from "@fluentui/react-icons";
import { KeyboardEvent, useEffect, useMemo, useState } from "react";
import { SearchResult, TreeRow } from "../worker/cascade-index";
import { Loaded } from "../use-session";
import { matches, percent } from "./format";
import { useDebounced } from "./use-debounced";
import { VirtualList } from "./VirtualList";

const ROW = 44;
const HEIGHT = 560;
/** Search matches sent from the engine at most; the count says how many there are. */
export const SEARCH_LIMIT = 1000;

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    height: "100%",
    boxSizing: "border-box",
    paddingRight: tokens.spacingHorizontalXS,
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  leaf: { cursor: "default" },
  chevron: { width: "12px", flexShrink: 0 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  line: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  aside: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  note: { display: "block", margin: `${tokens.spacingVerticalXS} 0` },
});

const STATUS_COLOR = { green: "success", amber: "warning", red: "danger" } as const;

/** What a screen reader says for a node: `KRA Revenue (R1), owner Ann Lee (P1), score 95.0%, amber`. */
export function nodeLabel(n: TreeRow): string {
  const who = n.owner ? `, owner ${n.owner}` : "";
  const status = n.status ? `, ${n.status}` : "";
  return `${n.level} ${n.label}${who}, score ${percent(n.score)}${status}`;
}

function NodeText({ node, caption }: { node: TreeRow; caption?: string }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.text}>
        <Caption1 className={styles.line}>
          {caption ??
            `${node.level === "Unlinked" ? "" : node.level}${node.owner ? ` · ${node.owner}` : ""}`}
        </Caption1>
        <Body1 className={styles.line}>{node.label}</Body1>
      </span>
      <span className={styles.aside}>
        {node.status && (
          <Badge size="small" color={STATUS_COLOR[node.status]} aria-hidden>
            {node.status}
          </Badge>
        )}
        <Caption1>{percent(node.score)}</Caption1>
      </span>
    </>
  );
}

interface Shown {
  node: TreeRow;
  depth: number;
}

export function ModelScreen({ loaded, query }: { loaded: Loaded; query: string }) {
  const styles = useStyles();
  const { engine, view } = loaded;
  const [children, setChildren] = useState(new Map<number, TreeRow[]>());
  const [open, setOpen] = useState(new Set<number>());
  const searched = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<SearchResult | null>(null);

  // The top levels start open, as the workbook's own outline would.
  useEffect(() => {
    let live = true;
    void Promise.all(view.roots.map((r) => engine.children(r.key))).then((lists) => {
      if (!live) return;
      setChildren(new Map(view.roots.map((r, i) => [r.key, lists[i]])));
      setOpen(new Set(view.roots.map((r) => r.key)));
    });
    return () => {
      live = false;
    };
  }, [engine, view]);

  useEffect(() => {
    let live = true;
    if (!searched) setFound(null);
    else void engine.search(searched, SEARCH_LIMIT).then((r) => live && setFound(r));
    return () => {
      live = false;
    };
  }, [engine, view, searched]);

  const rows = useMemo(() => {
    // Opened rows in tree order, walked with a stack of our own: a cascade opened 10,000 levels
    // deep would overflow the call stack of a recursive walk.
    const out: Shown[] = [];
    const pending: Shown[] = [];
    const later = (nodes: readonly TreeRow[], depth: number) => {
      for (let i = nodes.length - 1; i >= 0; i--) pending.push({ node: nodes[i], depth });
    };
    later(view.roots, 0);
    while (pending.length > 0) {
      const shown = pending.pop() as Shown;
      out.push(shown);
      const kids = children.get(shown.node.key);
      if (open.has(shown.node.key) && kids) later(kids, shown.depth + 1);
    }
    return out;
  }, [view, children, open]);

  const toggle = async (node: TreeRow, to = !open.has(node.key)) => {
    if (node.childCount === 0) return;
    if (to && !children.has(node.key)) {
      const kids = await engine.children(node.key);
      setChildren((m) => new Map(m).set(node.key, kids));
    }
    setOpen((s) => {
      const next = new Set(s);
      if (to) next.add(node.key);
      else next.delete(node.key);
      return next;
    });
  };

  const onRowKey = (index: number, event: KeyboardEvent) => {
    const node = rows[index]?.node;
    if (!node) return;
    const to =
      event.key === "ArrowRight"
        ? true
        : event.key === "ArrowLeft"
          ? false
          : event.key === "Enter" || event.key === " "
            ? !open.has(node.key)
            : null;
    if (to === null) return;
    event.preventDefault();
    void toggle(node, to);
  };

  if (view.roots.length === 0) return <Body1>No goals, objectives or KRAs were found yet.</Body1>;

  if (searched && found) {
    const list = found.rows;
    return (
      <div>
        <Caption1 className={styles.note} role="status">
          {found.total > list.length
            ? `The first ${list.length.toLocaleString()} of ${matches(found.total)}: type more to narrow the search.`
            : found.total === 0
              ? `Nothing in the cascade matches "${searched}".`
              : matches(found.total)}
        </Caption1>
        <VirtualList
          role="list"
          aria-label="Matches in the cascade"
          count={list.length}
          rowHeight={ROW}
          maxHeight={HEIGHT}
          renderRow={(i, tabIndex) => {
            const node = list[i];
            return (
              <div
                role="listitem"
                data-row={i}
                tabIndex={tabIndex}
                aria-label={`${nodeLabel(node)}${node.path ? `, in ${node.path}` : ""}`}
                className={mergeClasses(styles.row, styles.leaf)}
              >
                <NodeText
                  node={node}
                  caption={`${node.level}${node.owner ? ` · ${node.owner}` : ""}${node.path ? ` · in ${node.path}` : ""}`}
                />
              </div>
            );
          }}
        />
      </div>
    );
  }

  return (
    <VirtualList
      role="tree"
      aria-label="Cascade"
      count={rows.length}
      rowHeight={ROW}
      maxHeight={HEIGHT}
      onRowKey={onRowKey}
      renderRow={(i, tabIndex) => {
        const { node, depth } = rows[i];
        const branch = node.childCount > 0;
        const expanded = open.has(node.key);
        return (
          <div
            role="treeitem"
            data-row={i}
            tabIndex={tabIndex}
            aria-level={depth + 1}
            aria-expanded={branch ? expanded : undefined}
            aria-label={nodeLabel(node)}
            className={mergeClasses(styles.row, !branch && styles.leaf)}
            style={{ paddingLeft: depth * 12 }}
            onClick={() => void toggle(node)}
          >
            <span className={styles.chevron} aria-hidden>
              {branch && (expanded ? <ChevronDown12Regular /> : <ChevronRight12Regular />)}
            </span>
            <NodeText node={node} />
          </div>
        );
      }}
    />
  );
}

/** The cascade as a tree — Goal → Objective → KRA → child KRAs → KPI — with owners, statuses and scores. */
import {
  Badge,
  Body1,
  Caption1,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { CascadeNode, cascadeTree } from "../../planner/cascade-tree";
import { Loaded } from "../use-session";
import { percent } from "./format";

const useStyles = makeStyles({
  aside: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  label: { overflow: "hidden", textOverflow: "ellipsis" },
});

const STATUS_COLOR = { green: "success", amber: "warning", red: "danger" } as const;

function Node({ node }: { node: CascadeNode }) {
  const styles = useStyles();
  const leaf = node.children.length === 0;
  const who = node.owner ? `, owner ${node.owner}` : "";
  const status = node.status ? `, ${node.status}` : "";
  return (
    <TreeItem
      itemType={leaf ? "leaf" : "branch"}
      value={`${node.level}:${node.id}`}
      aria-label={`${node.level} ${node.id}: ${node.label}${who}, score ${percent(node.score)}${status}`}
    >
      <TreeItemLayout
        aside={
          <span className={styles.aside}>
            {node.status && (
              <Badge size="small" color={STATUS_COLOR[node.status]} aria-hidden>
                {node.status}
              </Badge>
            )}
            <Caption1>{percent(node.score)}</Caption1>
          </span>
        }
      >
        <span className={styles.label}>
          <Caption1>{`${node.level === "Unlinked" ? "" : `${node.level} ${node.id}`}${node.owner ? ` · ${node.owner}` : ""}`}</Caption1>
          <br />
          <Body1>{node.label}</Body1>
        </span>
      </TreeItemLayout>
      {!leaf && (
        <Tree>
          {node.children.map((child) => (
            <Node key={`${child.level}:${child.id}`} node={child} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

export function ModelScreen({ loaded }: { loaded: Loaded }) {
  const roots = useMemo(() => cascadeTree(loaded.analysis), [loaded]);
  if (roots.length === 0) return <Body1>No goals, objectives or KRAs were found yet.</Body1>;
  return (
    <Tree aria-label="Cascade" defaultOpenItems={roots.map((r) => `${r.level}:${r.id}`)}>
      {roots.map((root) => (
        <Node key={`${root.level}:${root.id}`} node={root} />
      ))}
    </Tree>
  );
}

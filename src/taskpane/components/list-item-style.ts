/** The look of a clickable row in the pane's long lists (Findings, What changed): a plain button. */
import { GriffelStyle, tokens } from "@fluentui/react-components";

export const LIST_ITEM_STYLE: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: "2px",
  boxSizing: "border-box",
  height: "100%",
  width: "100%",
  padding: tokens.spacingVerticalXS,
  border: "none",
  borderRadius: tokens.borderRadiusMedium,
  background: "none",
  color: "inherit",
  font: "inherit",
  textAlign: "left",
  cursor: "pointer",
  ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
};

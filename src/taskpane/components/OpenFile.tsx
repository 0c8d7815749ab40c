/**
 * File mode's first screen: open a workbook (.xlsx, .xlsm, .xls, .ods or .csv; picker or drag and
 * drop), or start from the template.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { fileWorkbook, templateWorkbook } from "../ports/file-port";
import { Session } from "../use-session";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { display: "none" },
});

export function OpenFile({ session }: { session: Session }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const openFile = (file: File | undefined) => {
    if (file) void session.open(fileWorkbook(file));
  };
  return (
    <div
      className={over ? `${styles.drop} ${styles.over}` : styles.drop}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        openFile(e.dataTransfer.files[0]);
      }}
    >
      <Body1>
        Open a workbook with your goals, KRAs and KPIs to check the cascade and build scorecards.
      </Body1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,.xls,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Workbook file"
        onChange={(e) => {
          openFile(e.target.files?.[0]);
          // Choosing the same file again, after opening another, must fire again.
          e.target.value = "";
        }}
      />
      <Button
        appearance="primary"
        onClick={() => input.current?.click()}
        disabled={session.busy !== null}
      >
        Open a workbook
      </Button>
      <Caption1>
        (.xlsx, .xlsm, .xls, .ods or .csv) or drop it here. The file is read in this page and never
        uploaded.
      </Caption1>
      <Button
        appearance="secondary"
        onClick={() => void session.open(templateWorkbook())}
        disabled={session.busy !== null}
      >
        Start from the template
      </Button>
    </div>
  );
}

/**
 * The import screen (SPEC 2.2): how each sheet was read, with its corrections; then which sheet
 * holds which kind and which column holds which field, where names did not find them. Every
 * choice is saved as a `Layout …`, `Sheet …` or `Column …` row of the Settings sheet, so the
 * command line reads the workbook the same way.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { KindMapping, SheetPreview, layoutChanges, mappingChanges } from "../model/mapping";
import { SheetReading } from "./SheetReadings";
import { Loaded, Session } from "../use-session";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  kind: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  field: { minWidth: 0 },
  fields: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

const NONE = "";

export function MappingScreen({ session, loaded }: { session: Session; loaded: Loaded }) {
  const styles = useStyles();
  const found = loaded.view.mapping;
  const [draft, setDraft] = useState<KindMapping[]>(found);
  const sheets = loaded.view.sheetChoices;
  const read = loaded.view.previews;
  const [layouts, setLayouts] = useState<SheetPreview[]>(read);
  const changes = new Map([...layoutChanges(read, layouts), ...mappingChanges(found, draft)]);
  const update = (kind: string, change: (m: KindMapping) => KindMapping) =>
    setDraft((current) => current.map((m) => (m.kind === kind ? change(m) : m)));

  return (
    <div className={styles.stack}>
      <Body1>
        How each sheet was read: the first rows, each column&apos;s meaning, skipped rows greyed.
        Correct a guess below; corrections are saved to the Settings sheet.
      </Body1>
      {layouts.map((p) => (
        <SheetReading
          key={p.description.sheet}
          preview={p}
          onChange={(layout) =>
            setLayouts((all) =>
              all.map((x) => (x.description.sheet === p.description.sheet ? { ...x, layout } : x))
            )
          }
        />
      ))}
      <Subtitle2 as="h2">Sheets and columns of the template format</Subtitle2>
      <Body1>
        Pick the sheet and the columns that hold each kind of data when KPI Cascade did not find
        them by name.
      </Body1>
      {draft.map((m) => {
        const missing = m.fields.filter((f) => f.required && !f.header).length;
        return (
          <section key={m.kind} className={styles.kind} aria-label={`${m.label} mapping`}>
            <Subtitle2 as="h2">{m.label}</Subtitle2>
            <Field label={`Sheet holding ${m.label}`}>
              <Select
                value={m.sheet}
                onChange={(_, d) => update(m.kind, (x) => ({ ...x, sheet: d.value }))}
              >
                <option value={NONE}>(none)</option>
                {sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
            {m.sheet && m.sheet === found.find((f) => f.kind === m.kind)?.sheet && (
              <>
                {missing > 0 && (
                  <Caption1>{`${missing} required column${missing > 1 ? "s" : ""} not found.`}</Caption1>
                )}
                <div className={styles.fields}>
                  {m.fields.map((f) => (
                    <Field
                      key={f.key}
                      className={styles.field}
                      label={f.required ? `${f.label} *` : f.label}
                      size="small"
                    >
                      <Select
                        size="small"
                        value={f.header}
                        onChange={(_, d) =>
                          update(m.kind, (x) => ({
                            ...x,
                            fields: x.fields.map((y) =>
                              y.key === f.key ? { ...y, header: d.value } : y
                            ),
                          }))
                        }
                      >
                        <option value={NONE}>(not found)</option>
                        {[...new Set([...(f.header ? [f.header] : []), ...m.headers])].map((h) => (
                          <option key={h}>{h}</option>
                        ))}
                      </Select>
                    </Field>
                  ))}
                </div>
              </>
            )}
          </section>
        );
      })}
      <Button
        appearance="primary"
        disabled={changes.size === 0 || session.busy !== null}
        onClick={() => void session.saveSettings(changes).catch(() => undefined)}
      >
        {changes.size
          ? `Save ${changes.size} mapping${changes.size > 1 ? "s" : ""}`
          : "No changes to save"}
      </Button>
    </div>
  );
}

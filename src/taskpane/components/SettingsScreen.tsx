/** The settings of SPEC section 5, read from and saved to the Settings sheet. */
import {
  Body1,
  Button,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { SETTING_FIELDS, changedSettings, formOf } from "../model/settings-form";
import { Loaded, Session } from "../use-session";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(136px, 100%), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

export function SettingsScreen({ session, loaded }: { session: Session; loaded: Loaded }) {
  const styles = useStyles();
  const saved = useMemo(() => formOf(loaded.analysis.model.settings), [loaded]);
  const [form, setForm] = useState(saved);
  const changes = changedSettings(saved, form);
  const set = (name: string, value: string) => setForm((f) => ({ ...f, [name]: value }));
  const settingFindings = loaded.analysis.findings.filter((f) => f.entity === "setting").length;

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void session.saveSettings(changes).catch(() => undefined);
      }}
    >
      <Body1>
        Saved to the Settings sheet; clear a field to use its default.
        {settingFindings ? ` ${settingFindings} finding(s) concern settings: see Findings.` : ""}
      </Body1>
      <div className={styles.grid}>
        {SETTING_FIELDS.map((f) => (
          <Field key={f.name} className={styles.field} label={f.name} hint={f.hint} size="small">
            {f.kind === "yesno" ? (
              <Select
                className={styles.input}
                size="small"
                value={form[f.name]}
                onChange={(_, d) => set(f.name, d.value)}
              >
                <option value="no">no</option>
                <option value="yes">yes</option>
              </Select>
            ) : (
              <Input
                className={styles.input}
                size="small"
                type={f.kind === "date" ? "date" : "text"}
                inputMode={f.kind === "number" ? "decimal" : undefined}
                value={form[f.name]}
                onChange={(_, d) => set(f.name, d.value)}
              />
            )}
          </Field>
        ))}
      </div>
      <Button
        type="submit"
        appearance="primary"
        disabled={changes.size === 0 || session.busy !== null}
      >
        {changes.size
          ? `Save ${changes.size} setting${changes.size > 1 ? "s" : ""}`
          : "No changes to save"}
      </Button>
    </form>
  );
}

/**
 * The settings of SPEC section 5, read from and saved to the Settings sheet. The engine checks
 * the form as it is typed: a value it would reject shows its message under the field, and
 * nothing can be saved until the form reads cleanly. In the browser, the saved workbook can then
 * be downloaded.
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { SETTING_FIELDS, changedSettings, settingErrors } from "../model/settings-form";
import { Loaded, Session } from "../use-session";
import { count } from "./format";
import { DownloadButton } from "./DownloadButton";

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
  const saved = loaded.view.settings;
  const [form, setForm] = useState(saved);
  const [savedCount, setSavedCount] = useState(0);
  // Read again (after saving, or a refresh): the form starts afresh from the workbook.
  const [version, setVersion] = useState(loaded.version);
  if (version !== loaded.version) {
    setVersion(loaded.version);
    setForm(saved);
  }
  const changes = changedSettings(saved, form);
  const errors = useMemo(() => settingErrors(form), [form]);
  const wrong = Object.keys(errors).length;
  const set = (name: string, value: string) => setForm((f) => ({ ...f, [name]: value }));
  const settingFindings = loaded.view.settingFindings;

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (wrong) return;
        const n = changes.size;
        void session.saveSettings(changes).then(
          () => setSavedCount(n),
          () => undefined
        );
      }}
    >
      <Body1>
        Saved to the Settings sheet; clear a field to use its default.
        {settingFindings ? ` ${settingFindings} finding(s) concern settings: see Findings.` : ""}
      </Body1>
      <div className={styles.grid}>
        {SETTING_FIELDS.map((f) => (
          <Field
            key={f.name}
            className={styles.field}
            label={f.name}
            hint={errors[f.name] ? undefined : f.hint}
            validationMessage={errors[f.name]}
            size="small"
          >
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
        disabled={changes.size === 0 || wrong > 0 || session.busy !== null}
      >
        {wrong
          ? `Correct ${count(wrong, "setting")} to save`
          : changes.size
            ? `Save ${changes.size} setting${changes.size > 1 ? "s" : ""}`
            : "No changes to save"}
      </Button>
      {savedCount > 0 && changes.size === 0 && (
        <>
          <MessageBar intent="success" role="status">
            <MessageBarBody>{`Saved ${count(savedCount, "setting")} to the Settings sheet.`}</MessageBarBody>
          </MessageBar>
          <DownloadButton loaded={loaded} suffix="-settings.xlsx" />
        </>
      )}
    </form>
  );
}

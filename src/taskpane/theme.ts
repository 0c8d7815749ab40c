/**
 * The Fluent theme that matches where the pane runs: Office's own theme in Excel (a dark body
 * background means a dark theme), the system's colour scheme in a browser.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance of `#RRGGBB`, 0 (black) to 1 (white); null when it is not such a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFor(officeBackground: string | undefined, prefersDark: boolean): Theme {
  const lum = luminance(officeBackground);
  const dark = lum === null ? prefersDark : lum < 0.5;
  return dark ? webDarkTheme : webLightTheme;
}

/** Figures as the bench's output and the README's table write them: `1,234`, `1.39`. */
export const fmt = (n: unknown, digits = 0) =>
  Number(n).toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

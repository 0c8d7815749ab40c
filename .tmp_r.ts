import { readFileSync } from "fs";
import { readPackage } from "./src/adapters/xlsx/read";
import { streamGrids } from "./src/adapters/xlsx/stream-grids";
async function main() {
  const bytes = readFileSync(process.argv[2]);
  let t = Date.now();
  const r = readPackage(bytes);
  console.log("new", Date.now() - t, "ms", r.grids.sheets.map((s) => `${s.name}:${s.rows.length}`).join(" "), process.memoryUsage().rss/1e6|0);
  if (process.argv[3]) {
    t = Date.now();
    const old = await streamGrids(bytes);
    console.log("old", Date.now() - t, "ms");
    let diff = 0;
    old.sheets.forEach((s, i) => { const n = r.grids.sheets[i]; for (let y = 0; y < Math.max(s.rows.length, n.rows.length); y++) for (let x = 0; x < Math.max(s.rows[y]?.length ?? 0, n.rows[y]?.length ?? 0); x++) { const a = s.rows[y]?.[x], b = n.rows[y]?.[x]; if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) { if (diff++ < 5) console.log(s.name, y, x, a, b); } } });
    console.log("diffs", diff);
  }
}
main();

/**
 * A synthetic organisation where every name — units, people, goals, objectives, KRAs, KPIs — is
 * 40 Japanese characters: three UTF-8 bytes a character, the case where counting characters
 * instead of bytes under-counts a request up to threefold.
 */
import { bigOrganisation } from "../../src/synthetic/big-org";
import { SheetData } from "../../src/synthetic/sheet-data";

const KANJI = "零一二三四五六七八九";
const STEM = "営業本部東日本統括部第二営業課主任担当山田花子さくら株式会社関東支店";

/** A name of exactly 40 Japanese characters, different for every (kind, index). */
export function japaneseName(kind: number, index: number): string {
  const digits = [...String(index).padStart(6, "0")].map((d) => KANJI[Number(d)]).join("");
  return (STEM + STEM).slice(kind, kind + 33) + KANJI[kind % 10] + digits;
}

/** The header of each sheet's name column. */
const NAME_COLUMN: Record<string, string> = {
  Org: "Unit Name",
  People: "Name",
  Goals: "Goal",
  Objectives: "Objective",
  KRAs: "KRA",
  KPIs: "KPI",
};

export function japaneseOrganisation(people: number): SheetData[] {
  return bigOrganisation(people).map((sheet, kind) => {
    const column = sheet.header.indexOf(NAME_COLUMN[sheet.name] ?? "");
    if (column < 0) return sheet;
    const rows = sheet.rows.map((row, i) =>
      row.map((v, c) => (c === column ? japaneseName(kind, i) : v))
    );
    return { ...sheet, rows };
  });
}

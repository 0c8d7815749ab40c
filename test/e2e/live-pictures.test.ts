/**
 * The live scorecard as a person sees it (README, "A live scorecard"): scripts/make-live-pictures.ts
 * builds the sample, types one check-in into the user's own Check-ins sheet and prints the
 * scorecard with LibreOffice before and after, recalculated. Lucas Silva signs 5 new customers in
 * June instead of 2: his KPI turns green, his KRA passes 100% and his rating goes from 3 to 4, with
 * no rebuild. The pictures are written to .tmp/live/ (`npm run pictures:live` writes the README's).
 */
import * as path from "path";
import { OWNER_LINE, makeLivePictures } from "../../scripts/make-live-pictures";

const OUT = path.resolve(__dirname, "../../.tmp/live");

it("moves the scorecard when a check-in is typed into the user's sheet", () => {
  const { cell, before, after } = makeLivePictures(OUT);
  expect(cell).toBe("C421"); // K-035's June check-in, as the README says
  const line = (page: string, what: string) =>
    page
      .split("\n")
      .find((l) => l.includes(what))
      ?.replace(/\s+/g, " ") ?? "";
  expect(line(before, "New customers signed")).toMatch(/25 24 .*96\.0% Amber/);
  expect(line(after, "New customers signed")).toMatch(/25 27 .*108\.0% Green/);
  expect(line(before, OWNER_LINE)).toContain("Largely achieved");
  expect(line(after, OWNER_LINE)).toMatch(/100\.2% 4 Achieved/);
}, 180_000);

/**
 * Offline checks of manifest.xml (office-addin-manifest validate calls a web service, so it cannot
 * run here): it parses, every resid resolves, and the custom functions extension point names the
 * script, page, metadata and the KPI namespace.
 */
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "fs";
import * as path from "path";
import { REQUIRED_EXCEL_API } from "../../../src/adapters/office/write-plan";

const xml = readFileSync(path.resolve(__dirname, "../../../manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: () => false,
});
const doc = parser.parse(xml);

function collect(
  node: unknown,
  visit: (key: string, value: Record<string, unknown>) => void,
  key = ""
): void {
  if (Array.isArray(node)) node.forEach((n) => collect(n, visit, key));
  else if (node && typeof node === "object") {
    visit(key, node as Record<string, unknown>);
    for (const [k, v] of Object.entries(node)) collect(v, visit, k);
  }
}

const resources = new Map<string, string>();
collect(doc.OfficeApp.VersionOverrides.Resources, (_, n) => {
  if (typeof n["@id"] === "string") resources.set(n["@id"], String(n["@DefaultValue"]));
});

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel", () => {
    expect(doc.OfficeApp["@type"]).toBe("TaskPaneApp");
    expect(doc.OfficeApp.Hosts.Host["@Name"]).toBe("Workbook");
    expect(doc.OfficeApp.DefaultSettings.SourceLocation["@DefaultValue"]).toMatch(
      /\/taskpane\.html$/
    );
  });

  it("resolves every resid it uses", () => {
    const used: string[] = [];
    collect(doc.OfficeApp.VersionOverrides.Hosts, (_, n) => {
      if (typeof n["@resid"] === "string") used.push(n["@resid"]);
    });
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(resources.has(id)).toBe(true);
  });

  it("wires the KPI custom functions to functions.js, functions.html and functions.json", () => {
    const host = doc.OfficeApp.VersionOverrides.Hosts.Host;
    const point = host.AllFormFactors.ExtensionPoint;
    expect(point["@type"]).toBe("CustomFunctions");
    expect(resources.get(point.Script.SourceLocation["@resid"])).toMatch(/\/functions\.js$/);
    expect(resources.get(point.Page.SourceLocation["@resid"])).toMatch(/\/functions\.html$/);
    expect(resources.get(point.Metadata.SourceLocation["@resid"])).toMatch(/\/functions\.json$/);
    expect(resources.get(point.Namespace["@resid"])).toBe("KPI");
  });

  it("declares the requirement sets the code uses", () => {
    const sets = [doc.OfficeApp.Requirements.Sets.Set]
      .flat()
      .map((s: Record<string, string>) => `${s["@Name"]} ${s["@MinVersion"]}`);
    expect(sets).toEqual(
      expect.arrayContaining([`ExcelApi ${REQUIRED_EXCEL_API}`, "CustomFunctionsRuntime 1.2"])
    );
  });

  it("serves every URL from the same origin as the task pane", () => {
    for (const url of resources.values())
      if (/^https?:/.test(url)) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });
});

/**
 * Offline checks of manifest.xml (office-addin-manifest validate calls a web service, so it cannot
 * run here): it parses, every resid resolves, the custom functions extension point names the
 * script, page, metadata and the KPI namespace, icons have the sizes they claim, requirement sets
 * match the Office APIs the code calls, and a production build points every URL at its host.
 */
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "fs";
import * as path from "path";
import { READER_EXCEL_API } from "../../../src/adapters/office/read-grids";
import { REQUIRED_EXCEL_API } from "../../../src/adapters/office/write-plan";

const ROOT = path.resolve(__dirname, "../../..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const addinFiles = require(path.join(ROOT, "build/addin-files.js")) as {
  deploymentUrl(raw: string): string | Error;
  manifestFor(xml: string, baseUrl: string): string;
};
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

  it("gates the pane on what the pane needs and the functions on theirs", () => {
    const sets = (node: { Sets: { Set: unknown } }) =>
      [node.Sets.Set].flat().map((s) => {
        const set = s as Record<string, string>;
        return `${set["@Name"]} ${set["@MinVersion"] ?? node.Sets["@DefaultMinVersion" as never]}`;
      });
    // The pane opens where it can read; it explains itself where it cannot build (ExcelApi 1.9).
    expect(sets(doc.OfficeApp.Requirements)).toEqual([`ExcelApi ${READER_EXCEL_API}`]);
    expect(READER_EXCEL_API < REQUIRED_EXCEL_API).toBe(true);
    // CustomFunctions.ErrorCode's #DIV/0!, #NUM!, #NULL! are CustomFunctionsRuntime 1.3.
    expect(sets(doc.OfficeApp.VersionOverrides.Requirements)).toEqual([
      "CustomFunctionsRuntime 1.3",
    ]);
  });

  it("declares exactly the Excel API versions the adapters' calls need", () => {
    // Members above ExcelApi 1.1 that the adapters use, with the set that introduced them
    // (learn.microsoft.com/javascript/api/excel).
    const since: Record<string, string> = {
      getRangeByIndexes: "1.7",
      getUsedRangeOrNullObject: "1.4",
      getItemOrNullObject: "1.4",
      isNullObject: "1.4",
      getRanges: "1.9",
      pageLayout: "1.9",
      setPrintTitleRows: "1.9",
      indentLevel: "1.9",
      tabColor: "1.7",
      freezePanes: "1.7",
      dataValidation: "1.8",
      conditionalFormats: "1.6",
      columnHidden: "1.2",
      merge: "1.2",
    };
    const needs = (...files: string[]) => {
      const code = files
        .map((file) => readFileSync(path.join(ROOT, "src/adapters/office", file), "utf8"))
        .join("\n");
      const used = Object.keys(since).filter((m) => new RegExp(`\\.${m}\\b`).test(code));
      return used.map((m) => since[m]).reduce((a, b) => (Number(b) > Number(a) ? b : a), "1.1");
    };
    expect(needs("read-grids.ts", "range-blocks.ts")).toBe(READER_EXCEL_API);
    expect(Number(needs("edit-cells.ts"))).toBeLessThanOrEqual(Number(READER_EXCEL_API));
    expect(needs("write-plan.ts", "generated-sheets.ts")).toBe(REQUIRED_EXCEL_API);
  });

  it("names icons of the sizes Microsoft asks for, and each file has that size", () => {
    const pngSize = (url: string) => {
      const png = readFileSync(path.join(ROOT, "assets", path.basename(url)));
      return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    };
    expect(pngSize(doc.OfficeApp.IconUrl["@DefaultValue"])).toBe("32x32");
    expect(pngSize(doc.OfficeApp.HighResolutionIconUrl["@DefaultValue"])).toBe("64x64");
    const images: Record<string, string>[] = [];
    collect(doc.OfficeApp.VersionOverrides.Hosts, (key, n) => {
      if (key === "Image") images.push(n as Record<string, string>);
    });
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      const size = image["@size"];
      expect(pngSize(resources.get(image["@resid"]) as string)).toBe(`${size}x${size}`);
    }
  });

  it("serves every URL from the same origin as the task pane", () => {
    for (const url of resources.values())
      if (/^https?:/.test(url)) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });
});

describe("the production manifest (ADDIN_URL=… npm run build)", () => {
  const built = addinFiles.manifestFor(xml, "https://kpi.example.com/addins/kpi");
  // Every address Office loads: DefaultValue attributes and the AppDomain (not the xmlns names).
  const urls = [...built.matchAll(/DefaultValue="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map(
    (m) => m[1] ?? m[2]
  );

  it("points every URL under the deployment address, and the AppDomain at its origin", () => {
    expect(built).not.toContain("localhost");
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls)
      expect(
        url === "https://kpi.example.com" || url.startsWith("https://kpi.example.com/addins/kpi/")
      ).toBe(true);
    expect(built).toContain("<AppDomain>https://kpi.example.com</AppDomain>");
    expect(built).toContain('"https://kpi.example.com/addins/kpi/functions.json"');
    expect(built).toContain("built for https://kpi.example.com/addins/kpi");
  });

  it("keeps everything else of the manifest", () => {
    const parsed = parser.parse(built);
    expect(parsed.OfficeApp.Id).toBe(doc.OfficeApp.Id);
    expect(parsed.OfficeApp.VersionOverrides.Requirements).toEqual(
      doc.OfficeApp.VersionOverrides.Requirements
    );
    expect(
      built
        .replace(/https:\/\/kpi\.example\.com(\/addins\/kpi)?/g, "U")
        .replace(/<!--[\s\S]*?-->/, "")
    ).toBe(xml.replace(/https:\/\/localhost:3000/g, "U").replace(/<!--[\s\S]*?-->/, ""));
  });

  it("accepts an https address only", () => {
    expect(addinFiles.deploymentUrl("https://kpi.example.com/x/")).toBe(
      "https://kpi.example.com/x"
    );
    expect(addinFiles.deploymentUrl("http://kpi.example.com")).toBeInstanceOf(Error);
    expect(addinFiles.deploymentUrl("kpi.example.com")).toBeInstanceOf(Error);
  });
});

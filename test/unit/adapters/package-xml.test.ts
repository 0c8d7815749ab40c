/**
 * The package writer's edits of relationships and content types: the elements it removes, in each
 * way a writer spells them, and nothing else touched.
 */
import { editContentTypes, editRels } from "../../../src/adapters/xlsx/write/package-xml";

describe("editing a relationships part", () => {
  it("removes the relationships named, self-closed or not, and keeps the rest byte for byte", () => {
    const xml =
      '<Relationships xmlns="x"><Relationship Id="rId1" Target="a.xml"/>' +
      '<Relationship\nId="rId2" Target="b.xml" ></Relationship>' +
      '<Relationship Id="rId3" Target="c>d.xml"/><Relationship Id="rId4" Target="e.xml">\n</Relationship></Relationships>';
    expect(editRels(xml, new Set(["rId2", "rId4"]), [])).toBe(
      '<Relationships xmlns="x"><Relationship Id="rId1" Target="a.xml"/>' +
        '<Relationship Id="rId3" Target="c>d.xml"/></Relationships>'
    );
  });

  it("adds to a part whose root is empty and self-closed", () => {
    expect(
      editRels('<?xml version="1.0"?><Relationships xmlns="x"/>', new Set(), [
        { id: "rId1", type: "t", target: "a&b.xml" },
      ])
    ).toBe(
      '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="a&amp;b.xml"/></Relationships>'
    );
  });
});

describe("editing the content types", () => {
  it("removes the overrides of removed parts, whatever their case, and adds the new ones", () => {
    const xml =
      '<Types><Default Extension="xml" ContentType="d"/><Override PartName="/xl/A.xml" ContentType="a"/>' +
      '<Override PartName="/xl/b.xml" ContentType="b"></Override></Types>';
    expect(editContentTypes(xml, new Set(["xl/a.xml"]), [{ part: "xl/c.xml", type: "c" }])).toBe(
      '<Types><Default Extension="xml" ContentType="d"/>' +
        '<Override PartName="/xl/b.xml" ContentType="b"></Override><Override PartName="/xl/c.xml" ContentType="c"/></Types>'
    );
  });
});

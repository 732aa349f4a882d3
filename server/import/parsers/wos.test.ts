import { describe, expect, it } from "vitest";
import { NotBibliographicError } from "../types";
import { parseText } from "./parser.fixture";
import { parseWos } from "./wos";

const CIW = [
  "FN Clarivate Analytics Web of Science",
  "VR 1.0",
  "PT J",
  "AU Parkes-Loach, PS",
  "   Majeed, AP",
  "AF Parkes-Loach, Pamela S.",
  "   Majeed, Aamir P.",
  "TI Interactions stabilizing the structure of the core light-harvesting",
  "   complex (LHl) of photosynthetic bacteria",
  "SO BIOCHEMISTRY",
  "LA English",
  "DT Article",
  "DE light harvesting; bacteriochlorophyll",
  "ID CHEMICALLY SYNTHESIZED POLYPEPTIDES; IN-VITRO",
  "   RECONSTITUTION; ANTENNA COMPLEX",
  "AB Reconstitution experiments (NCT01234567).",
  "CR ALLEN JP, 1986, P NATL ACAD SCI USA, V83, P8589",
  "   Arluison W, 2004, BIOCHEMISTRY-US, V43, P1276",
  "PY 2004",
  "VL 43",
  "IS 22",
  "BP 7003",
  "EP 7016",
  "DI 10.1021/BI049798F",
  "UT WOS:000221920800013",
  "PM 15170338",
  "ER",
  "",
  "PT J",
  "AU Higgins, Kathleen Marie",
  "TI Aesthetics and the Containment of Grief",
  "PD DEC 2020",
  "ER",
  "",
  "EF",
].join("\n");

describe("parseWos", () => {
  it("maps the Web of Science tags: a line per author, wrapped titles joined", async () => {
    const { records, lines, skipped } = await parseText(parseWos, CIW);
    expect(skipped).toEqual([]);
    expect(lines).toEqual([3, 29]);
    expect(records[0]).toMatchObject({
      title:
        "Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria",
      authors: ["Parkes-Loach, Pamela S.", "Majeed, Aamir P."],
      year: 2004,
      journal: "BIOCHEMISTRY",
      volume: "43",
      issue: "22",
      pages: "7003-7016",
      doi: "10.1021/bi049798f",
      pmid: "15170338",
      nctIds: ["NCT01234567"],
      keywords: [
        "light harvesting",
        "bacteriochlorophyll",
        "CHEMICALLY SYNTHESIZED POLYPEPTIDES",
        "IN-VITRO RECONSTITUTION",
        "ANTENNA COMPLEX",
      ],
      type: "Article",
      language: "English",
    });
    expect(records[0]!.raw.AU).toEqual(["Parkes-Loach, PS", "Majeed, AP"]);
    expect(records[0]!.raw.CR).toHaveLength(2);
    expect(records[0]!.raw).not.toHaveProperty("FN");
    expect(records[1]).toMatchObject({
      title: "Aesthetics and the Containment of Grief",
      authors: ["Higgins, Kathleen Marie"],
      year: 2020,
      type: "J",
    });
  });

  it("reads the same records whatever the chunk size and line breaks", async () => {
    const whole = await parseText(parseWos, CIW);
    for (const size of [1, 3, 50]) expect(await parseText(parseWos, CIW.replaceAll("\n", "\r"), size)).toEqual(whole);
  });

  it("keeps a record left open at the end of the file", async () => {
    const { records } = await parseText(parseWos, "PT J\nTI First\nER\nPT J\nTI Cut off");
    expect(records.map((r) => r.title)).toEqual(["First", "Cut off"]);
  });

  it("throws NotBibliographicError for text with no Web of Science field", async () => {
    await expect(parseText(parseWos, "this is not\na web of science file")).rejects.toThrow(NotBibliographicError);
  });
});

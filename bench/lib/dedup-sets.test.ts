import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLabelledSet, scoreRemovals } from "./dedup-sets";

describe("scoreRemovals", () => {
  it("counts a removal as right when the record it merged into is in its truth group", () => {
    const groupOf = new Map([
      ["a", 0],
      ["b", 0],
      ["c", 0],
      ["d", 1],
      ["e", 1],
    ]);
    // 7 records (f and g are singletons): D = 2 + 1 = 3 duplicates, U = 4 unique records.
    const removals = [
      { removedId: "b", keptId: "a", pairScore: 1 },
      { removedId: "c", keptId: "a", pairScore: 1 },
      { removedId: "f", keptId: "d", pairScore: 1 },
    ];
    expect(scoreRemovals(removals, groupOf, 7, 3)).toEqual({
      removed: 3,
      tp: 2,
      fp: 1,
      sensitivity: 66.67,
      specificity: 75,
    });
  });
});

describe("readLabelledSet", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dedup-set-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("maps the CSV columns a set carries and sums D over the truth groups", () => {
    writeFileSync(
      path.join(dir, "records_pre_merged.csv"),
      [
        '"ID","title","year","author","pages","volume","number","ENTRYTYPE","journal","doi"',
        '"r1","A trial (NCT01234567)",2011,"Zuber, J and Le Quintrec, M","23-35",7,1,"article","Nat Rev Nephrol","10.1038/X"',
        '"r2","A trial",2011,"Zuber, J.",,,,"article",,',
        '"r3","Other",,"",,,,"article",,',
      ].join("\n"),
    );
    writeFileSync(path.join(dir, "merged_record_ids.csv"), 'merged_ids\n"r1;r2"\n');
    const set = readLabelledSet(dir);
    expect(set.truthDuplicates).toBe(1);
    expect(set.groupOf.get("r2")).toBe(set.groupOf.get("r1"));
    expect(set.groupOf.has("r3")).toBe(false);
    expect(set.records[0]).toMatchObject({
      id: "r1",
      authors: ["Zuber, J", "Le Quintrec, M"],
      year: 2011,
      issue: "1",
      doi: "10.1038/x",
      nctIds: ["NCT01234567"],
    });
    expect(set.records[2]).toMatchObject({ year: null, authors: [], journal: null });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decideRightly, readLabelledSet, scoreKeptTrash, scoreRemovals } from "./dedup-sets";

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

describe("scoreKeptTrash", () => {
  it("counts k - 1 false merges for a cluster holding k kept records, and the other removals as right", () => {
    // k1, k2, k3 kept; t1, t2 trashed: D = 2, U = 3.
    const kept = new Set(["k1", "k2", "k3"]);
    const removals = [
      { removedId: "t1", keptId: "k1", pairScore: 1 },
      { removedId: "k2", keptId: "k1", pairScore: 1 },
      { removedId: "t2", keptId: "k3", pairScore: 1 },
    ];
    expect(scoreKeptTrash(removals, kept, 5, 2)).toEqual({
      removed: 3,
      tp: 2,
      fp: 1,
      sensitivity: 100,
      specificity: 66.67,
    });
  });
});

describe("readLabelledSet, kept/trash layout", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dedup-kept-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("splits run-together authors, drops NA and reads either truth column", () => {
    writeFileSync(
      path.join(dir, "set.csv"),
      [
        "author,title,year,journal,doi,pages,volume,record_id,label,source",
        '"Adeli K.Lewis G. F.",A title,2008,Curr Opin Lipidol,NA,221-8,19,1,In_database,unique',
        '"Adeli K.Lewis G. F.",A title,2008,Curr Opin Lipidol,10.1/X,221-228,19,2,In_database,duplicate',
        '"Other A.",Other,2009,J,NA,1-2,3,3,Duplicate_in_trash,unique',
      ].join("\n"),
    );
    const byLabel = readLabelledSet(dir);
    expect(byLabel.records[0]).toMatchObject({ id: "1", authors: ["Adeli K.", "Lewis G. F."], doi: null });
    expect(byLabel.truthDuplicates).toBe(1);
    expect([...byLabel.kept!]).toEqual(["1", "2"]);
    const bySource = readLabelledSet(dir, "source");
    expect([...bySource.kept!]).toEqual(["1", "3"]);
  });
});

describe("decideRightly", () => {
  it("refuses a review pair that would put two kept records of a kept/trash set into one cluster", () => {
    const record = (id: string) => ({ id }) as never;
    const set = {
      records: ["k1", "k2", "t1"].map(record),
      groupOf: new Map(),
      kept: new Set(["k1", "k2"]),
      truthDuplicates: 1,
    };
    const pair = (aId: string, bId: string, score: number) => ({
      aId,
      bId,
      score,
      decision: "review" as const,
      evidence: {},
    });
    const decided = decideRightly([pair("k1", "t1", 0.9), pair("k2", "t1", 0.8), pair("k1", "k2", 0.7)], set);
    expect(decided.map((p) => p.decision)).toEqual(["merge", "review", "review"]);
  });
});

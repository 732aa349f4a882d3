// The record browser and record page, proved blind by difference: three reviews identical except for what
// co-reviewer B decided on records still open to reviewer A (include, exclude, nothing; at both stages). Every
// list A or an observer may ask for, every refusal, every record page and the filter choices must read the same
// in all three once ids and times are named alike. The generic walk (server/api/blinding.int.test.ts) covers the
// procedures too; this one asks many more filter combinations than it generates.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../test/integration";
import { type BrowseReview, browseReview, decide, type RecordName } from "./browse.fixture";

type Side = "include" | "exclude" | "none";
const SIDES: Side[] = ["include", "exclude", "none"];
const worlds: BrowseReview[] = [];

async function world(side: Side): Promise<BrowseReview> {
  const f = await browseReview(testDb());
  await decide(f, "A", "msc", "include");
  await decide(f, "B", "msc", "include");
  const report = await testDb().report.findFirstOrThrow({ where: { recordId: f.ids.msc } });
  await f.as("lead").fullText.setLink({ reviewId: f.review.id, reportId: report.id, url: "https://example.org/a.pdf" });
  await decide(f, "A", "msc", "include", "full_text");
  await decide(f, "A", "volunteers", "include");
  await decide(f, "A", "neural", "exclude");
  if (side !== "none") {
    await decide(f, "B", "volunteers", side);
    await decide(f, "B", "neural", side);
    await decide(f, "B", "pendingB", side);
    await decide(f, "B", "msc", side, "full_text");
  }
  // Who gets an allocation depends on who has decided already: B only where B has not.
  for (const reviewer of ["A", "B"] as const)
    await f.as("lead").records.allocate({
      reviewId: f.review.id,
      stage: "title_abstract",
      reviewerId: f.people[reviewer].id,
      recordIds: [f.ids.volunteers, f.ids.neural, f.ids.pendingB, f.ids.mouse],
    });
  return f;
}

beforeAll(async () => {
  for (const side of SIDES) worlds.push(await world(side));
}, 120_000);

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const SOME_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The answer with every id of the world by its name, and the rest of the ids and times by order of appearance. */
function normalise(f: BrowseReview, value: unknown): string {
  let text = JSON.stringify(value);
  const named: [string, string][] = [
    ...Object.entries(f.ids),
    ...Object.entries(f.people).map(([name, p]) => [name, p.id] as [string, string]),
    ["reason:ta", f.reasons.ta.id],
    ["reason:ft", f.reasons.ft.id],
    ["review", f.review.id],
    ...f.imports.map((i, n) => [`import${n}`, i.id] as [string, string]),
    ...Object.entries(f.sources).map(([name, s]) => [`source:${name}`, s.id] as [string, string]),
  ];
  for (const [name, id] of named) text = text.replaceAll(id, `<${name}>`);
  text = text.replace(new RegExp(f.people.B.email.split("@")[0]!, "g"), "<b-email>").replace(ISO_TIME, "<time>");
  const seen = new Map<string, string>();
  return text.replace(SOME_ID, (m) => {
    if (!seen.has(m)) seen.set(m, `<id${seen.size}>`);
    return seen.get(m)!;
  });
}

async function answer(f: BrowseReview, call: (f: BrowseReview) => Promise<unknown>) {
  try {
    return normalise(f, { ok: await call(f) });
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return normalise(f, { error: err.code, message: err.message });
  }
}

function expectAlike(label: string, answers: string[]) {
  for (let n = 1; n < answers.length; n++)
    expect(answers[n], `${label}: B ${SIDES[n]} vs B ${SIDES[0]}`).toBe(answers[0]);
}

const LISTS: object[] = [
  {},
  { query: "stem cell" },
  { query: "mesenchymal", sort: "relevance" },
  { query: "healthy volunteers" },
  { query: "volunters excercise" },
  { query: "10.1001/jamaneurol.2016.0001" },
  { sort: "title", descending: true },
  { sort: "year" },
  { duplicates: "pending" },
  { duplicates: "unique" },
  { decision: "include" },
  { decision: "exclude" },
  { decision: "none" },
  { stage: "full_text", decision: "include" },
  { stage: "full_text", decision: "none" },
  { outcome: "included" },
  { outcome: "undecided" },
  { outcome: "conflict" },
  { stage: "full_text", outcome: "included" },
  { conflict: "open" },
  { reached: "full_text" },
  { fullText: "yes" },
  { offset: 3, limit: 2 },
];

describe("the record browser, by difference", () => {
  it("the worlds really differ where B decided", async () => {
    const status = await Promise.all(
      worlds.map(
        async (f) =>
          (
            await testDb().screeningOutcome.findFirst({
              where: { recordId: f.ids.volunteers, stage: "title_abstract" },
            })
          )?.status,
      ),
    );
    expect(status).toEqual(["included", "conflict", "awaiting"]);
  });

  for (const who of ["A", "observer"] as const) {
    it(`answers ${who} every list alike whatever B decided`, async () => {
      for (const filters of LISTS) {
        const list = (f: BrowseReview) => f.as(who).records.list({ reviewId: f.review.id, ...filters });
        expectAlike(JSON.stringify(filters), await Promise.all(worlds.map((f) => answer(f, list))));
      }
      const byB = (f: BrowseReview) => f.as(who).records.list({ reviewId: f.review.id, decidedBy: f.people.B.id });
      expectAlike("decidedBy B", await Promise.all(worlds.map((f) => answer(f, byB))));
    });

    it(`shows ${who} every record page and the filter choices alike whatever B decided`, async () => {
      for (const name of Object.keys(worlds[0]!.ids) as RecordName[]) {
        const page = (f: BrowseReview) => f.as(who).records.get({ reviewId: f.review.id, recordId: f.ids[name] });
        expectAlike(name, await Promise.all(worlds.map((f) => answer(f, page))));
      }
      const options = (f: BrowseReview) => f.as(who).records.filterOptions({ reviewId: f.review.id });
      expectAlike("filterOptions", await Promise.all(worlds.map((f) => answer(f, options))));
    });
  }

  it("a lead, who resolves conflicts, does see the difference", async () => {
    const lead = await Promise.all(
      worlds.map((f) => answer(f, (g) => g.as("lead").records.list({ reviewId: g.review.id, outcome: "conflict" }))),
    );
    expect(lead[0]).not.toBe(lead[1]);
    const page = await Promise.all(
      worlds.map((f) =>
        answer(f, (g) => g.as("lead").records.get({ reviewId: g.review.id, recordId: g.ids.volunteers })),
      ),
    );
    expect(page[1]).toContain(`"kind":"conflict_opened"`);
    expect(page[2]).not.toContain(`"kind":"conflict_opened"`);
    const allocated = await Promise.all(
      worlds.map((f) =>
        answer(f, (g) => g.as("lead").records.get({ reviewId: g.review.id, recordId: g.ids.pendingB })),
      ),
    );
    const toB = `"kind":"allocated","stage":"title_abstract","reviewer":"reviewer-b"`;
    expect(allocated[0]).not.toContain(toB);
    expect(allocated[2]).toContain(toB);
  });
});

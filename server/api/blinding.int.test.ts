// Blinding, proved by difference rather than by the fields we expect to matter: the same review is built three
// times, identical except for what co-reviewer B decided on records that are still open to reviewer A (include,
// exclude, or nothing yet), at title/abstract and at full text. Then every procedure of appRouter and every REST
// or file route is called as A and as an observer with the same inputs, and each answer must be the same in
// every world once ids and times are named alike. A new procedure or route is called without anyone listing it:
// its inputs are made from its own input schema, and a route file nobody taught this test to call fails it.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { TOOL_NAMES } from "../appraisal/tools/types";
import { type Db, poolOf } from "../db/client";
import { runExport } from "../export/export-jobs";
import { retrainRanking } from "../prioritise/retrain";
import { createReview } from "../reviews/create-review";
import { fileStorage } from "../storage/file-storage";
import { callerFor, makeUser, testDb } from "../test/integration";
import { API_DIR, callRoute as callRouteAs, routeDirs } from "../test/route-calls";
import { appRouter } from "./root";
import type { Meta } from "./trpc";

// Route handlers read the signed-in user from the request's session cookie; here, from the test's own header.
vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));

type Verdict = "include" | "exclude";
type BSide = Verdict | "none";
const WORLDS: BSide[] = ["include", "exclude", "none"];
const SECRET = "co-reviewer-note";

/** One world: a name for every id it made, and the strings that differ between worlds for no reason of theirs. */
interface World {
  tag: string;
  side: BSide;
  ids: Map<string, string>;
  db: Db;
}

const id = (w: World, name: string) => w.ids.get(name) ?? `missing-${w.tag}-${name}`;

async function decide(
  w: World,
  who: string,
  stage: "title_abstract" | "full_text",
  record: string,
  verdict: Verdict,
  note = "",
) {
  const reasonId = verdict === "exclude" ? id(w, stage === "full_text" ? "reason:ft" : "reason:ta") : undefined;
  await callerFor(w.db, id(w, who)).screening.decide({
    reviewId: id(w, "review"),
    stage,
    recordId: id(w, record),
    verdict,
    reasonId,
    note,
  });
}

/**
 * Records: `ta:*` vary at title/abstract (A included, excluded, or has not decided; B as the world says);
 * `agreed:*` both included (lead retrieved the full text of 1–3); at full text `agreed:1` varies with A
 * included and `agreed:2` with A undecided; `agreed:3` both included, grouped by the lead into a study;
 * `resolved` went to conflict and a lead resolved it. The varying records are decided by B last, after every
 * common step, so the common steps are the same in every world.
 */
async function buildWorld(side: BSide, n: number): Promise<World> {
  const db = testDb();
  const tag = `w${n}${Math.random().toString(36).slice(2, 7)}`;
  const w: World = { tag, side, ids: new Map(), db };
  for (const name of ["owner", "lead", "A", "B", "observer"]) {
    const user = await makeUser(db, `${name}-${tag}`);
    w.ids.set(name, user.id);
    w.ids.set(`email:${name}`, user.email);
  }
  const review = await createReview(db, id(w, "owner"), {
    title: `Blinding ${tag}`,
    exclusionReasons: { title_abstract: ["Not ALS"], full_text: ["Not a trial"] },
    extractionTemplates: ["als_clinical"],
  });
  w.ids.set("review", review.id);
  w.ids.set("slug", review.slug);
  for (const [name, role] of [
    ["lead", "lead"],
    ["A", "reviewer"],
    ["B", "reviewer"],
    ["observer", "observer"],
  ] as const) {
    await db.membership.create({ data: { reviewId: review.id, userId: id(w, name), role } });
  }
  for (const reason of await db.exclusionReason.findMany({
    where: { reviewId: review.id },
    orderBy: { position: "asc" },
  })) {
    const name = reason.stage === "full_text" ? "reason:ft" : "reason:ta";
    if (!w.ids.has(name)) w.ids.set(name, reason.id);
  }
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  w.ids.set("source", source.id);
  const names = [
    "ta:a-included",
    "ta:a-excluded",
    "ta:a-undecided",
    "agreed:1",
    "agreed:2",
    "agreed:3",
    "agreed:4",
    "resolved",
    "round:1",
    "round:2",
  ];
  for (const [i, name] of names.entries()) {
    const record = await db.record.create({
      data: {
        reviewId: review.id,
        sourceId: source.id,
        title: `Mesenchymal stem cells in ALS, record ${i + 1}`,
        abstract: `Intrathecal MSC in amyotrophic lateral sclerosis (${name.replace(/:.*/, "")}).`,
        authors: [`Author ${i}`],
        year: 2010 + i,
        nctIds: name === "agreed:3" ? ["NCT01234567"] : [],
      },
    });
    w.ids.set(name, record.id);
  }

  // Common to every world.
  // A calibration round, open throughout: the lead takes part but never decides, so A cannot close it by finishing.
  const round = await callerFor(db, id(w, "lead")).calibration.open({
    reviewId: review.id,
    stage: "title_abstract",
    recordIds: [id(w, "round:1"), id(w, "round:2")],
    participantIds: [id(w, "A"), id(w, "B"), id(w, "lead")],
  });
  w.ids.set("round", round.id);
  await callerFor(db, id(w, "A")).calibration.decide({
    reviewId: review.id,
    roundId: round.id,
    recordId: id(w, "round:1"),
    verdict: "include",
  });
  for (const record of ["agreed:1", "agreed:2", "agreed:3", "agreed:4"]) {
    await decide(w, "A", "title_abstract", record, "include");
    await decide(w, "B", "title_abstract", record, "include");
  }
  await decide(w, "A", "title_abstract", "resolved", "include");
  await decide(w, "B", "title_abstract", "resolved", "exclude", SECRET);
  const lead = callerFor(db, id(w, "lead"));
  const conflict = await db.conflict.findFirstOrThrow({ where: { recordId: id(w, "resolved") } });
  await lead.screening.resolveConflict({ reviewId: review.id, conflictId: conflict.id, verdict: "include" });
  for (const report of await db.report.findMany({ where: { reviewId: review.id } })) {
    const name = [...w.ids].find(([, v]) => v === report.recordId)![0];
    w.ids.set(`report:${name}`, report.id);
  }
  for (const record of ["agreed:1", "agreed:2", "agreed:3"]) {
    await lead.fullText.setLink({
      reviewId: review.id,
      reportId: id(w, `report:${record}`),
      url: `https://example.org/${record}.pdf`,
    });
  }
  await decide(w, "A", "full_text", "agreed:3", "include");
  await decide(w, "B", "full_text", "agreed:3", "include");
  const study = await lead.studies.create({ reviewId: review.id, reportIds: [id(w, "report:agreed:3")] });
  w.ids.set("study", study.id);
  await decide(w, "A", "title_abstract", "ta:a-included", "include");
  await decide(w, "A", "title_abstract", "ta:a-excluded", "exclude");
  await decide(w, "A", "full_text", "agreed:1", "include");
  await retrainRanking(db, { reviewId: review.id, stage: "title_abstract", reviewerId: id(w, "A") });
  // Team labels and notes are on records, not decisions: the same in every world.
  const label = await lead.labels.create({ reviewId: review.id, name: "Animal study", colour: "teal", shortcut: "A" });
  w.ids.set("label", label.id);
  await lead.labels.setOnRecord({ reviewId: review.id, recordId: id(w, "ta:a-included"), labelId: label.id, on: true });
  const note = await lead.notes.add({ reviewId: review.id, recordId: id(w, "ta:a-included"), text: "Check the dose" });
  w.ids.set("note", note.id);

  // The world's difference: B's side of the records still open to A.
  if (side !== "none") {
    for (const record of ["ta:a-included", "ta:a-excluded", "ta:a-undecided"])
      await decide(w, "B", "title_abstract", record, side, SECRET);
    for (const record of ["agreed:1", "agreed:2"]) await decide(w, "B", "full_text", record, side, SECRET);
  }
  // B finishes the round in every world (who has finished is what the team is told); only how differs.
  for (const record of ["round:1", "round:2"]) {
    await callerFor(db, id(w, "B")).calibration.decide({
      reviewId: review.id,
      roundId: id(w, "round"),
      recordId: id(w, record),
      verdict: side === "none" ? "maybe" : side,
      note: SECRET,
    });
  }
  for (const report of await db.report.findMany({ where: { reviewId: review.id } })) {
    const name = [...w.ids].find(([, v]) => v === report.recordId)![0];
    w.ids.set(`report:${name}`, report.id);
  }
  for (const form of await db.extractionForm.findMany({ where: { reviewId: review.id } })) w.ids.set("form", form.id);
  // The template's last outcome, so reordering the whole list with it alone is refused as stale, alike everywhere.
  const outcome = await db.reviewOutcome.findFirstOrThrow({
    where: { reviewId: review.id },
    orderBy: { position: "desc" },
  });
  w.ids.set("outcome", outcome.id);
  return w;
}

// ---- Inputs, made from each procedure's own schema ----

type Schema = {
  _zod: { def: Record<string, unknown> & { type: string } };
  shape?: Record<string, Schema>;
  options?: unknown[];
};
type Procedure = { _def: { type: string; meta?: Meta; inputs: Schema[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/** Symbolic values (names, resolved per world) tried for inputs of these names. */
const RECORDS = [
  "ta:a-included",
  "ta:a-excluded",
  "ta:a-undecided",
  "agreed:1",
  "agreed:2",
  "agreed:3",
  "resolved",
  "round:1",
  "round:2",
];
const REPORTS = RECORDS.map((r) => `report:${r}`);
const BY_KEY: Record<string, unknown[]> = {
  reviewId: ["@review"],
  recordId: RECORDS.map((r) => `@${r}`),
  reportId: REPORTS.map((r) => `@${r}`),
  reportIds: REPORTS.map((r) => [`@${r}`]),
  studyId: ["@study"],
  targetId: ["@study"],
  sourceIds: [["@study"]],
  reviewerId: ["@A", "@B"],
  userId: ["@B"],
  reasonId: ["@reason:ta", "@reason:ft"],
  formId: ["@form"],
  roundId: ["@round"],
  labelId: [undefined, "@label"],
  outcomeId: ["@outcome"],
  outcomeIds: [["@outcome"]],
  noteId: ["@note"],
  slug: ["@slug"],
  url: ["https://example.org/full-text.pdf"],
  email: ["new-@tag@test.sift"],
  title: ["New review @tag"],
  note: ["a note"],
  // The record browser's search and optional filters: absent first (undefined), then each value on its own.
  query: [undefined, "agreed", "mesenchymal stem", "record 3", "NCT01234567"],
  sourceId: [undefined, "@source"],
  decidedBy: [undefined, "@A", "@B"],
  exclusionReasonId: [undefined, "@reason:ta", "@reason:ft"],
  study: [undefined, "@study"],
  // A selection export's filters (every record first), then filters that tell what blinding hides, which are refused.
  filters: [
    {},
    { query: "agreed" },
    { decision: "include" },
    { decision: "none", stage: "full_text" },
    { decision: "include", decidedBy: "@B" },
    { outcome: "included" },
    { conflict: "open" },
    { reached: "full_text" },
  ],
  exceptIds: [undefined, ["@ta:a-included", "@resolved"]],
  recordIds: [undefined, RECORDS.map((r) => `@${r}`)],
};

/** Inputs a procedure is called with besides those made from its schema, for choices one key at a time misses. */
const MORE_INPUTS: Record<string, unknown[]> = {
  "exports.startSelection": ["csv", "ris"].flatMap((format) =>
    ["title_abstract", "full_text"].map((stage) => ({
      reviewId: "@review",
      format,
      stage,
      recordIds: RECORDS.map((r) => `@${r}`),
    })),
  ),
};

function unwrap(s: Schema): { schema: Schema; optional: boolean } {
  let schema = s;
  let optional = false;
  for (;;) {
    const def = schema._zod.def;
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") {
      optional = true;
      schema = def.innerType as Schema;
    } else if (def.type === "pipe") schema = def.in as Schema;
    else return { schema, optional };
  }
}

function candidates(key: string, s: Schema): { values: unknown[]; optional: boolean } {
  const { schema, optional } = unwrap(s);
  const def = schema._zod.def;
  if (BY_KEY[key]) return { values: BY_KEY[key]!, optional: false };
  if (def.type === "enum") return { values: Object.values(def.entries as object), optional };
  if (def.type === "boolean") return { values: [false, true], optional };
  if (def.type === "literal") return { values: def.values as unknown[], optional };
  if (optional) return { values: [], optional };
  if (def.type === "number" || def.type === "int") return { values: [2], optional };
  if (def.type === "string") return { values: ["x"], optional };
  if (def.type === "array") return { values: [[]], optional };
  if (def.type === "object") return { values: [{}], optional };
  return { values: [null], optional };
}

/** A first input, then each value of each key in turn; every stage with every other variation. */
function inputsOf(procedure: Procedure): unknown[] {
  const shape: Record<string, Schema> = {};
  for (const input of procedure._def.inputs) Object.assign(shape, unwrap(input).schema.shape ?? {});
  if (Object.keys(shape).length === 0) return [undefined];
  const keys = Object.entries(shape).map(([key, s]) => ({ key, ...candidates(key, s) }));
  const stages = keys.find((k) => k.key === "stage")?.values ?? [undefined];
  const out = new Map<string, Record<string, unknown>>();
  for (const stage of stages) {
    const base: Record<string, unknown> = {};
    for (const k of keys) if (k.values.length && k.key !== "stage") base[k.key] = k.values[0];
    if (stage !== undefined) base.stage = stage;
    out.set(JSON.stringify(base), base);
    for (const k of keys) {
      if (k.key === "stage") continue;
      for (const value of k.values.slice(k.values[0] === base[k.key] ? 1 : 0)) {
        const input = { ...base, [k.key]: value };
        out.set(JSON.stringify(input), input);
      }
    }
  }
  return [...out.values()];
}

function resolve(w: World, value: unknown): unknown {
  if (typeof value === "string") {
    return value.startsWith("@") && !value.includes("@tag") ? id(w, value.slice(1)) : value.replaceAll("@tag", w.tag);
  }
  if (Array.isArray(value)) return value.map((v) => resolve(w, v));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(w, v)]));
  return value;
}

// ---- Answers, with ids and times named alike ----

const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g;
const SOME_ID = /\b(c[a-z0-9]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

function normalise(w: World, text: string): string {
  let out = text;
  const names = [...w.ids].sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of names) out = out.replaceAll(value, `<${name}>`);
  out = out.replace(new RegExp(`missing-${w.tag}-`, "g"), "").replace(new RegExp(w.tag, "gi"), "<world>");
  out = out.replace(ISO_TIME, "<time>");
  // A workbook's size moves with the time written into it; its cells are compared where it is downloaded.
  out = out.replace(/("fileName":"[^"]*\.xlsx"[^{}]*"byteSize":)\d+/g, "$1<size>");
  const seen = new Map<string, string>();
  return out.replace(SOME_ID, (m) => seen.get(m) ?? (seen.set(m, `<id${seen.size}>`), `<id${seen.size - 1}>`));
}

function serialise(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Uint8Array || v instanceof ArrayBuffer)
      return `<${v.byteLength} bytes ${createHash("sha256")
        .update(new Uint8Array(v as ArrayBuffer))
        .digest("hex")
        .slice(0, 12)}>`;
    return v;
  });
}

async function call(w: World, who: string, procedurePath: string, input: unknown): Promise<string> {
  const caller = callerFor(w.db, id(w, who)) as unknown as Record<string, unknown>;
  const fn = procedurePath
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    return normalise(w, serialise({ ok: await fn(resolve(w, input)) }));
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return normalise(w, serialise({ error: err.code, message: err.message }));
  }
}

// ---- REST and file routes ----

type RouteCall = { method: "GET" | "POST"; params: Record<string, unknown>; query?: string; body?: string };
const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
/** How this test calls each route; a route that is not here fails the walk. */
const ROUTES: Record<string, RouteCall[] | { skip: string }> = {
  "auth/[...nextauth]": { skip: "next-auth's sign-in endpoints: no review data" },
  "trpc/[trpc]": { skip: "the tRPC endpoint: every procedure behind it is walked above" },
  health: { skip: "the health check reads no review" },
  "reviews/[reviewId]/live": {
    skip: "a stream of the changes from now on: server/live/live-blinding.int.test.ts opens it in worlds where B decides differently, or not at all, and compares what A and an observer receive",
  },
  "reports/[reportId]/file": [
    ...REPORTS.map((r) => ({ method: "GET" as const, params: { reportId: `@${r}` } })),
    ...REPORTS.map((r) => ({
      method: "POST" as const,
      params: { reportId: `@${r}` },
      query: "reviewId=@review&fileName=full.pdf",
      body: PDF,
    })),
  ],
  "reviews/[reviewId]/prisma-2020/[format]": ["svg", "csv"].map((format) => ({
    method: "GET" as const,
    params: { reviewId: "@review", format },
  })),
  "reviews/[reviewId]/appraisal/plots/[tool]": TOOL_NAMES.flatMap((tool) =>
    ["traffic-light", "summary"].map((kind) => ({
      method: "GET" as const,
      params: { reviewId: "@review", tool },
      query: `kind=${kind}&format=svg`,
    })),
  ),
  "reviews/[reviewId]/appraisal/export": [
    { method: "GET", params: { reviewId: "@review" }, query: "format=csv&layout=long" },
  ],
  "reviews/[reviewId]/extraction/export": ["consensus", "extractors"].map((values) => ({
    method: "GET" as const,
    params: { reviewId: "@review" },
    query: `form=@form&format=csv&layout=long&values=${values}`,
  })),
  // Every export A and the observer asked for: the records exports, then their selections.
  "reviews/[reviewId]/exports/[exportId]": ["A", "observer"].flatMap((who) =>
    Array.from({ length: 40 }, (_, n) => ({
      method: "GET" as const,
      params: { reviewId: "@review", exportId: `@export:${who}:${n}` },
    })),
  ),
  "reviews/[reviewId]/imports/search-log": ["csv", "xlsx"].map((format) => ({
    method: "GET" as const,
    params: { reviewId: "@review" },
    query: `format=${format}`,
  })),
  // A lead's upload: refused alike to the reviewer and the observer whatever co-reviewers decided.
  "reviews/[reviewId]/prisma-2020/previous-version": [
    { method: "POST", params: { reviewId: "@review" }, body: "not a bundle" },
  ],
  "reviews/[reviewId]/imports": [
    {
      method: "POST",
      params: { reviewId: "@review" },
      query: "fileName=more.ris&source=PubMed&sourceKind=database",
      body: "TY  - JOUR\nTI  - More\nER  - \n",
    },
  ],
};

/** A workbook's cells: the file itself carries the time it was written. */
async function sheets(bytes: Uint8Array): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues() }));
}

async function callRoute(w: World, who: string, route: string, spec: RouteCall): Promise<string> {
  const module = (await import(path.join(API_DIR, route, "route.ts"))) as Record<
    string,
    Parameters<typeof callRouteAs>[0]
  >;
  const query = Object.fromEntries(
    new URLSearchParams(spec.query?.replace(/@([\w:-]+)/g, (_m, name: string) => id(w, name))),
  );
  const res = await callRouteAs(module[spec.method]!, id(w, who), {
    params: resolve(w, spec.params),
    query,
    ...(spec.method === "POST" ? { body: spec.body ?? "" } : {}),
  });
  const body = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const textual = /^(text|application\/(json|x-research)|image\/svg)/.test(type);
  return normalise(
    w,
    serialise({
      status: res.status,
      type: res.headers.get("content-type"),
      disposition: res.headers.get("content-disposition"),
      body: textual ? new TextDecoder().decode(body) : type.includes("spreadsheetml") ? await sheets(body) : body,
    }),
  );
}

// ---- The walk ----

const VIEWERS = ["A", "observer"];
const results = new Map<string, string[]>(); // key → answer per world

function keep(worldIndex: number, key: string, answer: string) {
  const row = results.get(key) ?? [];
  row[worldIndex] = answer;
  results.set(key, row);
}

const namespaceOf = (procedurePath: string) => procedurePath.split(".")[0]!;
/** Uploads (and other POSTs) belong with the procedures of their domain, so they run on that domain's fresh worlds. */
const UPLOADS_WITH: Record<string, string> = {
  "reports/[reportId]/file": "fullText",
  "reviews/[reviewId]/imports": "imports",
  "reviews/[reviewId]/prisma-2020/previous-version": "prisma2020Flow",
};

async function callProcedures(w: World, worldIndex: number, label: string, list: typeof procedures) {
  for (const who of VIEWERS) {
    for (const [procedurePath, procedure] of list) {
      for (const input of [...inputsOf(procedure), ...(MORE_INPUTS[procedurePath] ?? [])])
        keep(
          worldIndex,
          `${procedurePath} ${label} as ${who} ${JSON.stringify(input)}`,
          await call(w, who, procedurePath, input),
        );
    }
  }
}

async function callRoutes(
  w: World,
  worldIndex: number,
  label: string,
  method: RouteCall["method"],
  only?: (route: string) => boolean,
) {
  for (const who of VIEWERS) {
    for (const [route, specs] of Object.entries(ROUTES)) {
      if (!Array.isArray(specs) || (only && !only(route))) continue;
      for (const spec of specs.filter((s) => s.method === method)) {
        keep(
          worldIndex,
          `route ${route} ${label} as ${who} ${JSON.stringify(spec)}`,
          await callRoute(w, who, route, spec),
        );
      }
    }
  }
}

/** Exports asked for are built as the worker would, then downloaded through their route. */
async function buildExports(w: World) {
  for (const who of VIEWERS) {
    const exports = await w.db.export.findMany({
      where: { reviewId: id(w, "review"), requestedById: id(w, who) },
      orderBy: { createdAt: "asc" },
    });
    for (const [n, e] of exports.entries()) {
      await runExport({ db: w.db, pool: poolOf(w.db), storage: fileStorage() }, e.id);
      w.ids.set(`export:${who}:${n}`, e.id);
    }
  }
}

const queries = procedures.filter(([, p]) => p._def.type === "query");
// Those that take the caller out of the review go last, so the others still act as a member.
const lastOf = (procedurePath: string) => (/\b(leave|removeMember|changeRole)$/.test(procedurePath) ? 1 : 0);
const mutations = procedures.filter(([, p]) => p._def.type === "mutation").sort(([a], [b]) => lastOf(a) - lastOf(b));

/**
 * First every read on untouched worlds; then each domain's writes on worlds of their own (one domain's writes
 * would change what the next finds: A changing a decision undoes an agreement), each followed by that domain's
 * reads and every download again, so "act, then look" is compared too.
 */
async function walk() {
  const fresh = async () => Promise.all(WORLDS.map((side, n) => buildWorld(side, n)));
  const first = await fresh();
  worlds.push(...first);
  for (const [n, w] of first.entries()) {
    await callProcedures(w, n, "read", queries);
    await callRoutes(w, n, "read", "GET");
  }
  for (const namespace of new Set([...mutations.map(([p]) => namespaceOf(p)), ...Object.values(UPLOADS_WITH)])) {
    const mine = ([p]: [string, Procedure]) => namespaceOf(p) === namespace;
    for (const [n, w] of (await fresh()).entries()) {
      const label = `after ${namespace} writes`;
      await callProcedures(w, n, `write (${namespace})`, mutations.filter(mine));
      await callRoutes(w, n, `write (${namespace})`, "POST", (route) => UPLOADS_WITH[route] === namespace);
      await buildExports(w);
      await callProcedures(w, n, label, queries.filter(mine));
      await callRoutes(w, n, label, "GET");
    }
  }
}

const worlds: World[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.SIFT_STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "sift-blinding-"));
  await walk();
}, 600_000);

afterAll(async () => {
  const { stopJobQueue } = await import("../jobs/queue");
  await stopJobQueue();
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 120), i + 200)}\n  vs\n…${b.slice(Math.max(0, i - 120), i + 200)}`;
}

describe("blinding, by difference", () => {
  it("the worlds really differ where B decided", async () => {
    const [include, exclude] = worlds;
    const outcome = (w: World) =>
      w.db.screeningOutcome.findUnique({
        where: { recordId_stage: { recordId: id(w, "ta:a-included"), stage: "title_abstract" } },
      });
    expect((await outcome(include!))?.status).toBe("included");
    expect((await outcome(exclude!))?.status).toBe("conflict");
  });

  it("a lead, who resolves conflicts, does see the difference", async () => {
    const answers = await Promise.all(
      worlds.map((w) =>
        call(w, "lead", "screening.record", {
          reviewId: "@review",
          stage: "title_abstract",
          recordId: "@ta:a-included",
        }),
      ),
    );
    expect(answers[0]).toContain('"outcome":"included"');
    expect(answers[1]).toContain('"outcome":"conflict"');
    expect(answers[1]).toContain(SECRET);
    expect(answers[2]).toContain('"outcome":"awaiting"');
  });

  it("every route file is called or says why not", () => {
    expect(routeDirs().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [procedurePath] of procedures) {
    it(`${procedurePath} answers A and an observer alike whatever B decided`, () => {
      const mine = [...results].filter(([key]) => key.startsWith(`${procedurePath} `));
      expect(mine.length).toBeGreaterThan(0);
      for (const [key, answers] of mine) {
        for (let n = 1; n < WORLDS.length; n++) {
          if (answers[n] !== answers[0])
            expect.fail(`${key}: B ${WORLDS[0]} vs B ${WORLDS[n]}\n${firstDifference(answers[0]!, answers[n]!)}`);
        }
      }
    });
  }

  for (const route of Object.keys(ROUTES).filter((r) => Array.isArray(ROUTES[r]))) {
    it(`route ${route} answers A and an observer alike whatever B decided`, () => {
      const mine = [...results].filter(([key]) => key.startsWith(`route ${route} `));
      expect(mine.length).toBeGreaterThan(0);
      for (const [key, answers] of mine) {
        for (let n = 1; n < WORLDS.length; n++) {
          if (answers[n] !== answers[0])
            expect.fail(`${key}: B ${WORLDS[0]} vs B ${WORLDS[n]}\n${firstDifference(answers[0]!, answers[n]!)}`);
        }
      }
    });
  }
});

#!/usr/bin/env node
// `npm run lint:deps`: the import rules of .dependency-cruiser.cjs, plus no import cycle between domain folders
// (dependency-cruiser sees cycles between modules, not folders). Violations that predate a rule are listed in
// scripts/imports-known.json and shrink as the code is untangled: a new one fails, and so does a listed one that is
// gone, so the list only ever gets shorter (`npm run lint:deps -- --update` rewrites it after a fix).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const knownFile = path.join(root, "scripts/imports-known.json");
const bin = path.join(root, "node_modules/.bin/depcruise");
const report = JSON.parse(
  execFileSync(bin, ["server", "app", "proxy.ts", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    cwd: root,
    maxBuffer: 1 << 28,
  }).toString(),
);

const found = new Set(report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`));

// Domain folders: server/<name>, except the API layer, the command line and test helpers, which sit above them.
const domainOf = (file) => file.match(/^server\/(?!api\/|cli\/|test\/)([^/]+)\//)?.[1] ?? null;
const edges = new Map();
for (const mod of report.modules) {
  const from = domainOf(mod.source);
  if (!from || /\.test\.ts$/.test(mod.source)) continue;
  for (const dep of mod.dependencies) {
    const to = domainOf(dep.resolved);
    if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
}
const reaches = (from, target, seen = new Set()) =>
  from === target ||
  (!seen.has(from) && (seen.add(from), [...(edges.get(from) ?? [])].some((next) => reaches(next, target, seen))));
for (const [from, tos] of edges)
  for (const to of tos) if (reaches(to, from)) found.add(`folder-cycle: server/${from} → server/${to}`);

if (process.argv.includes("--update")) {
  writeFileSync(knownFile, `${JSON.stringify([...found].sort(), null, 2)}\n`);
  console.log(`imports: ${found.size} known violations written to scripts/imports-known.json`);
  process.exit(0);
}
const known = new Set(JSON.parse(readFileSync(knownFile, "utf8")));
const added = [...found].filter((v) => !known.has(v)).sort();
const gone = [...known].filter((v) => !found.has(v)).sort();
for (const v of added) console.error(`new import violation: ${v}`);
for (const v of gone)
  console.error(`fixed, so remove it from scripts/imports-known.json (npm run lint:deps -- --update): ${v}`);
console.log(
  `imports: ${report.summary.totalCruised} modules, ${found.size} known violations left, ${added.length} new, ${gone.length} fixed`,
);
process.exit(added.length || gone.length ? 1 : 0);

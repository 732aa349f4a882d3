#!/usr/bin/env node
// `npm run lint:depth`: how tangled the domain folders are. Collapses modules to server/<folder> as
// scripts/check-imports.mjs does (without the API layer, the command line and test helpers, which sit above the
// domains; tests themselves do not count), finds the folder cycles (strongly connected components) and prints one
// JSON line: how many folders, the size of the largest cycle (1 when there is none) and the depth, the longest path
// of folders (counted in folders) once each cycle is taken as one.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "node_modules/.bin/depcruise");
const report = JSON.parse(
  execFileSync(bin, ["server", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    cwd: root,
    maxBuffer: 1 << 28,
  }).toString(),
);

const folderOf = (file) => file.match(/^server\/(?!api\/|cli\/|test\/)([^/]+)\//)?.[1] ?? null;
const edges = new Map();
for (const mod of report.modules) {
  const from = folderOf(mod.source);
  if (!from || /\.test\.ts$/.test(mod.source)) continue;
  if (!edges.has(from)) edges.set(from, new Set());
  for (const dep of mod.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to) continue;
    if (!edges.has(to)) edges.set(to, new Set());
    if (to !== from) edges.get(from).add(to);
  }
}

// Tarjan's strongly connected components.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const componentOf = new Map();
const components = [];
const visit = (v) => {
  index.set(v, index.size);
  low.set(v, index.get(v));
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      componentOf.set(w, components.length);
      component.push(w);
    } while (w !== v);
    components.push(component);
  }
};
for (const v of edges.keys()) if (!index.has(v)) visit(v);

// Longest path in the condensation, counted in components.
const depthOf = new Map();
const depth = (c) => {
  if (depthOf.has(c)) return depthOf.get(c);
  let deepest = 0;
  for (const v of components[c])
    for (const w of edges.get(v)) if (componentOf.get(w) !== c) deepest = Math.max(deepest, depth(componentOf.get(w)));
  depthOf.set(c, deepest + 1);
  return deepest + 1;
};

const largest = components.reduce((a, b) => (b.length > a.length ? b : a), []);
const result = {
  folders: edges.size,
  largestCycle: largest.length,
  depth: Math.max(0, ...components.map((_, c) => depth(c))),
};
console.log(JSON.stringify(result));
if (process.argv.includes("--verbose")) {
  for (const c of components.filter((c) => c.length > 1)) console.error(`cycle: ${c.sort().join(", ")}`);
}

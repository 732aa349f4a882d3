// Import boundaries, checked by `npm run lint:deps` (part of `npm test`). docs/architecture.md says why each holds.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "app-reaches-server-only-through-api",
      comment:
        "Pages and components use the server only through server/api (client types, the server caller) and the shared kernel.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^server/", pathNot: "^server/(api|shared)/" },
    },
    {
      name: "domains-are-framework-free",
      comment:
        "Domain code is plain functions: no tRPC, no Next.js, nothing from app/. HTTP and tRPC live in server/api.",
      severity: "error",
      from: { path: "^server/(?!api/|cli/|test/)[^/]+/", pathNot: "\\.test\\.ts$" },
      to: { path: "(^node_modules/(@trpc/|next/)|^app/)" },
    },
    {
      name: "no-circular",
      comment: "A module that imports itself through others cannot be understood or tested on its own.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "production-never-imports-tests",
      comment: "Test helpers live in server/test or *.fixture.ts and are imported by tests only.",
      severity: "error",
      from: { pathNot: "(\\.test\\.ts$|^server/test/|\\.fixture\\.ts$|^e2e/|^bench/)" },
      to: { path: "(\\.test\\.ts$|^server/test/|\\.fixture\\.ts$)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^server/db/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};

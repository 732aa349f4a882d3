#!/usr/bin/env node
// The `sift` command. tsx runs the TypeScript sources directly, so the CLI calls the very domain functions the
// web app uses, with no separate build.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

process.env.SIFT_ROOT ??= fileURLToPath(new URL("..", import.meta.url));
register();
const { main } = await import("../server/cli/main.ts");
await main(process.argv);

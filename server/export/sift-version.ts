import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../config/paths";

let version: string | undefined;

/** The running Sift's version from package.json, written into bundles for the people who read them. */
export function siftVersion(): string {
  return (version ??= (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string })
    .version);
}

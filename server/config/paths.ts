import path from "node:path";

/**
 * The project folder (package.json, prisma/, .next/). bin/sift.mjs sets SIFT_ROOT, so the CLI works from any
 * directory; the web server and the tests run from the project folder itself.
 */
export const projectRoot = path.resolve(/* turbopackIgnore: true */ process.env.SIFT_ROOT ?? process.cwd());

/**
 * Sift's own state on this machine (embedded database, session secret, uploaded files). `SIFT_HOME` moves it,
 * which is how tests and e2e runs keep away from the user's data.
 */
export function siftHome(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.SIFT_HOME ?? path.join(projectRoot, ".sift"));
}

// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the Chromium
// shipped inside the @sparticuz/chromium npm package, unpacked once into node_modules/.cache. So `npm test` needs
// no browser installed and nothing downloaded beyond `npm install`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export type ChromiumChoice = { source: "CHROMIUM_PATH" | "system"; path: string } | { source: "bundled" };

/**
 * The choice alone, from what exists: `CHROMIUM_PATH` when set (it must exist: a mistyped path is an error, not a
 * silent fallback; `CHROMIUM_PATH=bundled` forces the npm one), else /usr/bin/chromium, else the bundled one.
 */
export function chooseChromium(chromiumPath: string | undefined, exists: (path: string) => boolean): ChromiumChoice {
  const wanted = chromiumPath?.trim();
  if (wanted === "bundled") return { source: "bundled" };
  if (wanted) {
    if (!exists(wanted))
      throw new Error(
        `CHROMIUM_PATH=${wanted}: no such file (unset it to use ${SYSTEM_CHROMIUM} or the bundled Chromium)`,
      );
    return { source: "CHROMIUM_PATH", path: wanted };
  }
  if (exists(SYSTEM_CHROMIUM)) return { source: "system", path: SYSTEM_CHROMIUM };
  return { source: "bundled" };
}

export type Chromium = {
  source: ChromiumChoice["source"];
  executablePath: string;
  /** Extra environment for the browser process only (empty for an installed browser). */
  env: Record<string, string>;
};

/** The Chromium to launch, unpacking the bundled one first when it is the choice. */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<Chromium> {
  const choice = chooseChromium(env.CHROMIUM_PATH, existsSync);
  if (choice.source !== "bundled") return { source: choice.source, executablePath: choice.path, env: {} };
  return { source: "bundled", ...(await bundledChromium()) };
}

/**
 * @sparticuz/chromium's Chromium: a headless-shell build whose only shared libraries outside glibc are NSS's.
 * `executablePath()` brotli-unpacks it into os.tmpdir() and afterwards reuses whatever `chromium` it finds there,
 * even a half-written or older one, so it unpacks into a fresh folder (TMPDIR pointed at it for the synchronous
 * part of the call, where the package reads it) that is then renamed to one named after the package's version.
 */
async function bundledChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium"); // node_modules/@sparticuz/chromium/build/index.js
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const cacheRoot = join(packageDir, "..", "..", ".cache", "sift-chromium");
  const dir = join(cacheRoot, version);
  const executablePath = join(dir, "chromium");

  if (!existsSync(executablePath)) {
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(join(cacheRoot, `${version}.partial-`));
    try {
      const { default: chromium, inflate } = await import("@sparticuz/chromium");
      const unpacking = withTmpdir(staging, () =>
        Promise.all([chromium.executablePath(), inflate(join(packageDir, "bin", "al2023.tar.br"))]),
      );
      const [unpacked] = await unpacking;
      if (unpacked !== join(staging, "chromium"))
        throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
      try {
        renameSync(staging, dir);
      } catch (error) {
        if (!existsSync(executablePath)) throw error; // else another run unpacked it first
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { executablePath, env: browserEnv(executablePath, dir) };
}

function withTmpdir<T>(dir: string, run: () => T): T {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * The system's NSS and fonts when it has them; otherwise the package's copies (NSS built for Amazon Linux 2023, which
 * needs glibc ≥ 2.34, so only as a fallback; Open Sans), which is what makes it start on a bare Debian.
 */
function browserEnv(executablePath: string, dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  const probe = spawnSync(executablePath, ["--version"], { encoding: "utf8", timeout: 30_000 });
  if (probe.status !== 0 && /error while loading shared libraries/.test(probe.stderr)) {
    const libs = join(dir, "al2023", "lib");
    env.LD_LIBRARY_PATH = [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  }
  if (!process.env.FONTCONFIG_FILE && !process.env.FONTCONFIG_PATH && !existsSync("/etc/fonts/fonts.conf")) {
    // The package's own fonts.conf names /tmp/fonts; this one names where the fonts are.
    const conf = join(dir, "fonts.conf");
    if (!existsSync(conf)) {
      writeFileSync(
        conf,
        `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
      );
    }
    env.FONTCONFIG_FILE = conf;
  }
  return env;
}

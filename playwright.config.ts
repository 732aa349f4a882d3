import { defineConfig } from "@playwright/test";
import { resolveChromium } from "./e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// CHROMIUM_PATH, else /usr/bin/chromium, else the one inside @sparticuz/chromium (see e2e/browser.ts).
const chromium = await resolveChromium();
if (!process.env.TEST_WORKER_INDEX) console.log(`e2e: Chromium ${chromium.executablePath} (${chromium.source})`);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts", // e2e/*.test.ts are Vitest's
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium.executablePath,
      ...(Object.keys(chromium.env).length > 0 ? { env: { ...process.env, ...chromium.env } } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // A database of its own, made anew each run; DATABASE_URL is blanked so e2e never runs against a real server.
    command: `rm -rf .sift-e2e && node bin/sift.mjs start --port ${PORT} --no-demo`,
    url: `http://localhost:${PORT}/api/health`,
    env: { SIFT_HOME: ".sift-e2e", DATABASE_URL: "", SIFT_URL: "" },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});

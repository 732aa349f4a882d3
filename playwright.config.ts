import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
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
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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

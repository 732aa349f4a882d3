import { chromium } from "@playwright/test";
const base = "http://localhost:3203";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
await page.goto(`${base}/sign-in`);
await page.getByLabel("Email").fill(process.argv[2] ?? "owner@sift.demo");
await page.getByLabel("Password").fill("sift-demo-password");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.waitForURL(/reviews/);
const slug = "/r/stem-cell-therapy-for-als";
for (const [name, path, tab] of [["retrieval", "/full-text", null], ["retrieved", "/full-text", "Retrieved"], ["screen", "/full-text/screen", null]] as const) {
  await page.goto(base + slug + path);
  if (tab) await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/ft-${process.argv[3] ?? ""}${name}.png`, fullPage: true });
}
await browser.close();

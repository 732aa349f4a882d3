import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
const base = "http://localhost:3207";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${base}/sign-in`);
await page.getByLabel("Email").fill(process.argv[2] ?? "owner@sift.demo");
await page.getByLabel("Password").fill("sift-demo-password");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.waitForURL(/reviews/);
await page.goto(`${base}/r/stem-cell-therapy-for-als/prisma`);
await page.waitForTimeout(1000);
await page.screenshot({ path: "/tmp/pf-page.png", fullPage: true });
const box = page.locator('[data-list="identified_dbr"]');
if (await box.count()) {
  await box.click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/pf-page-list.png", fullPage: true });
  for (const f of ["png", "pdf", "svg", "csv"]) {
    const href = await page.getByRole("link", { name: new RegExp(`^${f}`, "i") }).first().getAttribute("href");
    const res = await page.request.get(`${base}${href}`);
    writeFileSync(`/tmp/pf-demo.${f}`, await res.body());
  }
}
await browser.close();

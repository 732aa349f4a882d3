import { expect, type Page, test } from "@playwright/test";
import { createReview, expectOnReviews, section, signIn, signUp, uniqueEmail } from "./helpers";

const SECTIONS = [
  "Import",
  "Duplicates",
  "Screening",
  "Conflicts",
  "Full text",
  "Studies",
  "Extraction",
  "Appraisal",
  "PRISMA 2020",
  "Export",
  "Team",
  "Settings",
  "Overview",
];

/** Every CSP violation in any frame of the page, as the browser reports it to the page itself. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|csp violation/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`csp violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test("pages, API responses and the full-text file carry the security headers; page scripts carry the nonce", async ({
  request,
}) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  const csp = page.headers()["content-security-policy"]!;
  const nonce = csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  const scripts = (await page.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  // Signed out, the file route refuses, and still says who may frame it: our own pages.
  const file = await request.get("/api/reports/no-such-report/file");
  expect(file.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");

  for (const response of [page, api, file]) {
    expect(response.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
  }
});

test("signing up, creating a review and visiting each of its sections run under the policy without a violation", async ({
  page,
}) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  const email = uniqueEmail("csp");
  await signUp(page, "Casey Policy", email);
  // Some versions sign a new account in at once, others send it to the sign-in page.
  await page.waitForURL(/\/(reviews$|sign-in\?)/);
  if (page.url().includes("/sign-in")) await signIn(page, email);
  await expectOnReviews(page);
  await createReview(page, "Headers under test", { question: "Do the pages still work?" });
  for (const name of SECTIONS) {
    await section(page, name).click();
    await expect(section(page, name)).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("main")).toBeVisible();
  }
  await page.reload();
  await expect(page.getByRole("heading", { name: "Headers under test" })).toBeVisible();

  // Our pages may frame the full-text file route, and nothing else of ours: the second frame is refused, and
  // being reported shows that a refusal of the first would have been seen too.
  const frame = (src: string) =>
    page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const iframe = document.createElement("iframe");
          iframe.onload = () => resolve();
          iframe.src = url;
          document.body.append(iframe);
        }),
      src,
    );
  await frame("/api/reports/no-such-report/file");
  await frame("/api/health");
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.filter((v) => !v.includes("frame-ancestors 'none'"))).toEqual([]);
});

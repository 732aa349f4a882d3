import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, section, signUp, uniqueEmail } from "./helpers";

function seedStudy(slug: string, label: string): string {
  return execFileSync("npx", ["tsx", "e2e/support/seed-study.ts", slug, label], {
    env: { ...process.env, SIFT_HOME: ".sift-e2e", DATABASE_URL: "" },
    encoding: "utf8",
  }).trim();
}

/** What an archived review still lets its members do: restore it, delete it, and reset a member's password. */
const STILL_ALLOWED = [
  /^Restore this review$/,
  /^Restore from archive$/,
  /^Type the review's title/,
  /^Member$/,
  /^Issue reset link$/,
];

/** The names of the enabled controls in the page's main column that would change something (tabs only show). */
async function changingControls(page: Page): Promise<string[]> {
  await expect(page.locator(".archived-banner")).toBeVisible();
  const names = await page.evaluate(() =>
    [...document.querySelectorAll("main button, main input:not([type=hidden]), main select, main textarea")]
      .filter((el) => !el.matches(":disabled, [role=tab]") && el.getClientRects().length > 0)
      .map((el) => {
        const labelled = el as HTMLInputElement;
        return (el.getAttribute("aria-label") ?? labelled.labels?.[0]?.textContent ?? el.textContent ?? "").trim();
      }),
  );
  return names.filter((name) => !STILL_ALLOWED.some((allowed) => allowed.test(name)));
}

test("an archived review offers no change on any screen, and its owner restores it from the banner", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, "Olga Owner", uniqueEmail("olga"));
  await createReview(owner, "Archived e2e");
  const reviewUrl = owner.url();
  const slug = new URL(reviewUrl).pathname.split("/")[2]!;
  seedStudy(slug, "NurOwn phase 3");
  const reviewer = await addReviewer(browser, owner, "Rita");

  await section(owner, "Extraction").click();
  await owner.getByLabel("Start from").selectOption({ label: "Template: ALS stem cell, clinical" });
  await owner.getByRole("button", { name: "Create form" }).click();
  await owner.getByLabel("Extractor 1 for NurOwn phase 3").selectOption({ label: "Olga Owner" });
  await expect(owner.getByText("Saved: Olga Owner.")).toBeVisible();
  await owner.getByLabel("Extractor 2 for NurOwn phase 3").selectOption({ label: "Rita" });
  await expect(owner.getByText("Saved: Olga Owner and Rita.")).toBeVisible();
  await owner.getByRole("link", { name: "Extract", exact: true }).click();
  await owner.waitForURL(/\/extraction\/studies\//);
  const extractUrl = owner.url();

  await section(owner, "Settings").click();
  await owner.getByRole("button", { name: "Archive review" }).click();
  await expect(owner.getByText(/Archived .*: read-only/)).toBeVisible();

  for (const path of ["", "/extraction", "/team", "/import", "/settings", "/screening", "/studies"]) {
    await owner.goto(`${reviewUrl}${path}`);
    expect(await changingControls(owner), `owner on ${path || "the overview"}`).toEqual([]);
  }
  await owner.goto(extractUrl);
  await expect(owner.getByLabel("N enrolled")).toBeDisabled();
  expect(await changingControls(owner), "owner on the extraction form").toEqual([]);
  await expect(owner.getByRole("button", { name: "Save and mark complete" })).toHaveCount(0);

  // A reviewer sees the same banner without the way back, and neither controls nor keys change anything.
  await reviewer.goto(extractUrl);
  await expect(reviewer.getByText(/an owner can restore it to make changes/)).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Restore this review" })).toHaveCount(0);
  expect(await changingControls(reviewer), "reviewer on the extraction form").toEqual([]);
  await reviewer.keyboard.press("Control+s");
  // A save would answer within this time, with "Saved." or the server's refusal.
  await reviewer.waitForTimeout(1500);
  await expect(reviewer.locator("main .alert-error, main .alert-success")).toHaveCount(0);
  for (const path of ["/screening", "/team", "/full-text"]) {
    await reviewer.goto(`${reviewUrl}${path}`);
    expect(await changingControls(reviewer), `reviewer on ${path}`).toEqual([]);
  }

  // The owner restores it from the banner of whatever screen they are on; the form is theirs to fill again.
  await owner.getByRole("button", { name: "Restore this review" }).click();
  await expect(owner.locator(".archived-banner")).toHaveCount(0);
  await expect(owner.getByLabel("N enrolled")).toBeEnabled();
  await expect(owner.getByRole("button", { name: "Save and mark complete" })).toBeVisible();
});

import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

/** Opens the open round from the screening page and decides its records with one key each. */
async function screenRound(page: Page, keys: string[]) {
  await section(page, "Screening").click();
  await page.getByRole("link", { name: "Screen the round" }).click();
  for (const key of keys) {
    await expect(page.locator("#record-title")).toBeVisible();
    await readyToDecide(page);
    // A round may hold two records with one title (copies not merged yet), so the decision's own request is
    // what says it was taken, not a change of title.
    const decided = page.waitForResponse((r) => r.url().includes("/api/trpc/calibration.decide") && r.ok());
    await page.locator("body").press(key);
    await decided;
  }
}

async function openRound(lead: Page, slug: string, size: number) {
  await lead.goto(`/r/${slug}/screening/calibration`);
  await lead.getByLabel(/^Records/).fill(String(size));
  // The lead compares the reviewers rather than taking part.
  await lead.getByRole("group", { name: "Participants" }).getByLabel("Lena Lead").uncheck();
  await lead.getByRole("button", { name: "Open the round" }).click();
  await expect(lead.getByRole("heading", { name: /Round \d+ is open/ })).toBeVisible();
}

test("a lead runs two calibration rounds around a criteria edit; the team sees its split, the kappa and the history", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Calibration e2e");
  const slug = new URL(lead.url()).pathname.split("/")[2]!;
  await importFile(lead, fixture("pubmed-search.ris"));
  await importFile(lead, fixture("embase-search.ris"), "Embase");
  const bob = await addReviewer(browser, lead, "Bob");
  const cara = await addReviewer(browser, lead, "Cara");

  await openRound(lead, slug, 2);
  await screenRound(bob, ["i", "i"]);
  // Bob finished; Cara is told so, never how he decided.
  await section(cara, "Screening").click();
  await expect(cara.getByText("Calibration round 1 is open for you.")).toBeVisible();
  await screenRound(cara, ["i", "e"]);
  await expect(cara.getByText("The round is closed")).toBeVisible();

  await lead.goto(`/r/${slug}/screening/calibration`);
  await lead.getByRole("link", { name: "Round 1" }).click();
  await expect(lead.getByText("The team split on 1 records, listed first.")).toBeVisible();
  const split = lead.getByRole("row").filter({ hasText: "Split" });
  await expect(split.getByText("Include")).toBeVisible();
  await expect(split.getByText("Exclude")).toBeVisible();
  // Bob included both, Cara one of two: observed 1/2, chance 1/2, so Cohen's kappa is 0.
  await expect(lead.getByText("Cohen's kappa")).toBeVisible();
  await expect(lead.getByText("0.00", { exact: true })).toBeVisible();

  // Between rounds the lead sharpens the inclusion criteria: a new version, and the second round uses it.
  await section(lead, "Settings").click();
  await lead.getByLabel("Inclusion criteria").fill("Adults with ALS given mesenchymal stem cells");
  await lead.getByRole("button", { name: "Save protocol" }).click();
  await expect(lead.getByText(/changed the inclusion or exclusion criteria/)).toBeVisible();

  await openRound(lead, slug, 2);
  await screenRound(bob, ["i", "e"]);
  await screenRound(cara, ["i", "e"]);
  await lead.goto(`/r/${slug}/screening/calibration`);
  const history = lead.getByRole("table", { name: "Closed calibration rounds and their agreement" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row", { name: /Round 2/ }).getByText(/Version 2/)).toBeVisible();
  await expect(lead.getByRole("img", { name: "Agreement per calibration round" })).toBeVisible();
});

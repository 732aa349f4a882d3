import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

/** Screens the record served with one key and waits for the next. */
async function screenOne(page: Page, key: string) {
  const heading = page.locator("#record-title");
  await expect(heading).toBeVisible();
  const title = (await heading.textContent())!.trim();
  await readyToDecide(page);
  await page.locator("body").press(key);
  await expect(page.locator("#record-title", { hasText: title })).toHaveCount(0);
}

/** Marks the page so a later check can tell that it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const stillSamePage = (page: Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

test("the lead's Overview and conflicts follow the reviewers' decisions live, without a reload", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Live session e2e");
  await importFile(lead, fixture("pubmed-search.ris"));
  const bob = await addReviewer(browser, lead, "Bob");
  const cara = await addReviewer(browser, lead, "Cara");

  await section(lead, "Overview").click();
  const progress = lead.getByRole("region", { name: "Screening progress" });
  await expect(progress.getByRole("status")).toHaveText("Live");
  // The Overview's figures may come a while after the page while the import's background work still runs.
  await expect(lead.getByText("No decisions in the last 7 days, so no finish can be projected.")).toBeVisible({
    timeout: 30_000,
  });
  await markPage(lead);

  await section(bob, "Screening").click();
  await section(cara, "Screening").click();
  await screenOne(bob, "i");
  const pace = lead.getByRole("table", { name: "Reviewers' pace at title and abstract" });
  await expect(pace.getByRole("row", { name: /Bob/ }).getByRole("cell").nth(0)).toHaveText("1");
  await screenOne(bob, "i");
  await expect(pace.getByRole("row", { name: /Bob/ }).getByRole("cell").nth(0)).toHaveText("2");
  // Cara disagrees on the first record: the conflict shows among the team's figures as it opens.
  await screenOne(cara, "e");
  const titleAbstract = progress.getByRole("row", { name: /Title and abstract/ });
  await expect(titleAbstract.getByRole("cell").nth(3)).toHaveText("1");
  expect(await stillSamePage(lead)).toBe(true);

  await section(lead, "Conflicts").click();
  await expect(lead.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(lead.getByRole("article")).toHaveCount(1);
  await markPage(lead);
  // Cara excludes the second record too, and a second conflict appears in the lead's open list.
  await screenOne(cara, "e");
  await expect(lead.getByRole("article")).toHaveCount(2);
  await expect(lead.getByRole("tab", { name: /^Open\s*2$/ })).toBeVisible();
  expect(await stillSamePage(lead)).toBe(true);
});

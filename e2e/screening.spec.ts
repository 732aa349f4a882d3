import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

/** Screens every record served, in order, with one key per record, and returns the titles seen. */
async function screenWithKeys(page: Page, keys: string[]): Promise<string[]> {
  await section(page, "Screening").click();
  const titles: string[] = [];
  for (const key of keys) {
    const heading = page.locator("#record-title");
    await expect(heading).toBeVisible();
    const title = (await heading.textContent())!.trim();
    titles.push(title);
    await readyToDecide(page);
    await page.locator("body").press(key);
    // The next record replaces it (or, after the last, the empty state does).
    await expect(page.locator("#record-title", { hasText: title })).toHaveCount(0);
  }
  await expect(page.getByText("Nothing is left for you to screen at this stage.")).toBeVisible();
  return titles;
}

test("two reviewers screen blind with the keyboard; the lead resolves the conflict; counts and kappa follow", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Screening e2e");
  await importFile(lead, fixture("pubmed-search.ris"));

  const bob = await addReviewer(browser, lead, "Bob");
  const cara = await addReviewer(browser, lead, "Cara");

  const bobSaw = await screenWithKeys(bob, ["i", "i", "e"]);
  // Cara screens blind: nothing on her screen shows Bob's decisions.
  await section(cara, "Screening").click();
  await expect(cara.getByText(/Bob/)).toHaveCount(0);
  const caraSaw = await screenWithKeys(cara, ["i", "e", "e"]);
  expect(caraSaw).toEqual(bobSaw);
  await expect(cara.getByText(/\b\d+ conflicts?\b/)).toHaveCount(0); // a count of conflicts would tell her how Bob decided

  await section(lead, "Conflicts").click();
  const conflict = lead.getByRole("article").filter({ hasText: bobSaw[1]! });
  await expect(conflict).toBeVisible();
  await expect(lead.getByRole("article")).toHaveCount(1);
  // A new review leaves the title/abstract reason optional, and the label follows that setting.
  await expect(conflict.getByText("Exclusion reason (optional)")).toBeVisible();
  await expect(lead.getByRole("tab", { name: /^Open\s*1$/ })).toBeVisible();
  await conflict.getByLabel("Include").check();
  await conflict.getByRole("button", { name: "Resolve" }).click();
  await expect(lead.getByText(/Resolved: /)).toBeVisible();
  await expect(lead.getByRole("tab", { name: /^Resolved\s*1$/ })).toBeVisible();
  await expect(lead.getByRole("tab", { name: /^Withdrawn\s*0$/ })).toBeVisible();

  await section(lead, "Screening").click();
  await expect(lead.getByText("3 of 3 records resolved").first()).toBeVisible();
  const agreement = lead.getByRole("row", { name: /Bob.*Cara|Cara.*Bob/ });
  await expect(agreement.getByRole("cell", { name: "0.40" })).toBeVisible();
  await expect(agreement.getByText("fair")).toBeVisible();
});

import { expect, type Page, test } from "@playwright/test";
import { createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

const title = (page: Page) => page.locator("#record-title");
const note = (page: Page) => page.getByLabel(/Note with your decision/);

async function decideShown(page: Page, key: string): Promise<string> {
  const shown = (await title(page).textContent())!.trim();
  await readyToDecide(page);
  await page.locator("body").press(key);
  await expect(title(page).filter({ hasText: shown })).toHaveCount(0);
  return shown;
}

test("a decision that never reached the server brings its record back with the note and reason as typed", async ({
  page,
}) => {
  await signUp(page, "Nora Note", uniqueEmail("nora"));
  await createReview(page, "Kept note e2e");
  await importFile(page, fixture("pubmed-search.ris"));
  await section(page, "Screening").click();
  const first = (await title(page).textContent())!.trim();

  await note(page).fill("Adults only? Check the protocol's table 2.");
  await note(page).press("Escape");
  await page.locator("body").press("2");
  const reason = page.getByRole("group", { name: /Exclusion reason/ }).getByRole("radio", { checked: true });
  const chosen = (await reason.getAttribute("id"))!;
  await page.route("**/api/trpc/screening.decide*", (route) => route.abort("internetdisconnected"), { times: 1 });
  await readyToDecide(page);
  await page.locator("body").press("e");
  await expect(page.getByRole("alert").filter({ hasText: "was not recorded" })).toContainText(
    "Sift could not be reached: check your connection. It is shown again, with your note and exclusion reason kept.",
  );
  await expect(title(page)).toHaveText(first);
  await expect(note(page)).toHaveValue("Adults only? Check the protocol's table 2.");
  await expect(page.locator(`#${chosen}`)).toBeChecked();

  // Sent again, it is recorded with them.
  await readyToDecide(page);
  await page.locator("body").press("e");
  await expect(title(page)).not.toHaveText(first);
  await page.getByRole("button", { name: "My recent decisions" }).click();
  const row = page.getByRole("row").filter({ hasText: first });
  await expect(row).toContainText("Adults only? Check the protocol's table 2.");
  await expect(row.getByText("Exclude", { exact: true })).toBeVisible();
});

test("history offers Change only where it can succeed, and a change refused meanwhile keeps its note and says why", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, "Cleo Closed", uniqueEmail("cleo"));
  // One reviewer per record at both stages, so one person takes records all the way through.
  await createReview(page, "Closed records e2e", { reviewers: { title_abstract: 1, full_text: 1 } });
  await importFile(page, fixture("pubmed-search.ris"));
  await section(page, "Screening").click();
  const [screenedAtFullText, stillOpen, excluded] = [
    await decideShown(page, "i"),
    await decideShown(page, "i"),
    await decideShown(page, "e"),
  ] as [string, string, string];

  // In a second tab, the full text of both inclusions is retrieved and the first is screened at full text.
  const other = await context.newPage();
  await other.goto(page.url());
  await section(other, "Full text").click();
  for (const included of [screenedAtFullText, stillOpen]) {
    const report = other.getByRole("article", { name: included });
    await report.getByLabel("PDF file").setInputFiles(fixture("full-text.pdf"));
    await expect(report).toHaveCount(0);
  }
  await other.getByRole("link", { name: "Screen full text" }).click();
  await expect(title(other)).toHaveText(screenedAtFullText);
  await decideShown(other, "i");
  await expect(title(other)).toHaveText(stillOpen);

  await page.reload();
  await page.getByRole("button", { name: "My recent decisions" }).click();
  const row = (name: string) => page.getByRole("row").filter({ hasText: name });
  // The reviewer here is the review's owner, a lead, who reopens a record from its page.
  await expect(row(screenedAtFullText)).toContainText(
    "In full-text screening: reopen it from its record page to change your decision.",
  );
  await expect(row(screenedAtFullText).getByRole("button", { name: "Change" })).toHaveCount(0);
  await expect(row(excluded).getByRole("button", { name: "Change" })).toBeVisible();

  // Change is offered on the one nobody has screened at full text yet; meanwhile the other tab screens it there.
  await row(stillOpen).getByRole("button", { name: "Change" }).click();
  await expect(title(page)).toHaveText(stillOpen);
  await note(page).fill("On reflection the population is wrong.");
  await note(page).press("Escape");
  await decideShown(other, "i");
  await readyToDecide(page);
  await page.locator("body").press("e");
  await expect(page.getByRole("alert").filter({ hasText: "was not recorded" })).toContainText(
    "This record is already in full-text screening, so its title/abstract decisions can no longer change. It is shown again, with your note kept.",
  );
  await expect(title(page)).toHaveText(stillOpen);
  await expect(note(page)).toHaveValue("On reflection the population is wrong.");
  const panel = page.getByRole("region", { name: "Your decision" });
  await expect(panel).toContainText(
    "You decided Include; it can no longer change. In full-text screening: reopen it from its record page",
  );
  await expect(panel.getByRole("button", { name: /^Exclude/ })).toBeDisabled();
  await panel.getByRole("button", { name: "Go on to the next record" }).click();
  await expect(title(page)).toHaveCount(0);
  await context.close();
});

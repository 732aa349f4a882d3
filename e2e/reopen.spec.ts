import { expect, type Page, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

/** The PRISMA boxes this test follows, read from the diagram the lead sees. */
async function expectFlow(page: Page, counts: { excluded: number; sought: number }) {
  await section(page, "PRISMA 2020").click();
  await expect(page.getByRole("heading", { name: "PRISMA 2020 flow diagram" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Records screened \(n = 3\)/ })).toBeVisible();
  await expect(
    page.getByRole("button", { name: new RegExp(`^Records excluded \\(n = ${counts.excluded}\\)`) }),
  ).toBeVisible();
  await expect(
    page.getByRole("button", { name: new RegExp(`^Reports sought for retrieval \\(n = ${counts.sought}\\)`) }).first(),
  ).toBeVisible();
}

test("a lead finds a record by words, opens its history, reopens it; it is screened again and PRISMA follows", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Reopen e2e", { reviewers: { title_abstract: 1 } });
  await importFile(lead, fixture("pubmed-search.ris"));

  // Bob, the one reviewer each record needs, includes the first record served to him and excludes the other two:
  // every record is settled.
  const bob = await addReviewer(browser, lead, "Bob");
  await section(bob, "Screening").click();
  const heading = bob.locator("#record-title");
  let screened = "";
  for (const key of ["i", "e", "e"]) {
    await expect(heading).toBeVisible();
    const title = (await heading.textContent())!.trim();
    screened ||= title;
    await readyToDecide(bob);
    await bob.locator("body").press(key);
    await expect(bob.locator("#record-title", { hasText: title })).toHaveCount(0);
  }
  await expectFlow(lead, { excluded: 2, sought: 1 });

  // The lead finds it by words and opens its history.
  await section(lead, "Records").click();
  await lead.getByLabel("Search records").fill(screened.split(/\s+/).slice(0, 4).join(" "));
  const found = lead.getByRole("table", { name: "Records" }).getByRole("link");
  await expect(found.first()).toHaveText(screened);
  await expect(lead.getByText(/^1–\d+ of \d+ records?$/)).toBeVisible();
  await found.first().click();
  await expect(lead.getByRole("heading", { level: 1, name: screened })).toBeVisible();
  const history = lead.getByRole("region", { name: "History" });
  await expect(history.getByText("Bob included it at title/abstract")).toBeVisible();

  // Reopen, from the keyboard: the dialog takes focus, Escape closes it, and it says what would be undone.
  const reopen = lead.getByRole("button", { name: "Reopen…" }).first();
  await reopen.click();
  const dialog = lead.getByRole("dialog", { name: "Reopen at title and abstract" });
  await expect(dialog).toBeVisible();
  await lead.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reopen).toBeFocused();
  await lead.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Its full text is no longer sought")).toBeVisible();
  await dialog.getByLabel(/Note for the record's history/).fill("Phase of the trial unclear: screen again");
  await dialog.getByRole("button", { name: "Reopen", exact: true }).click();
  await expect(lead.getByText("Reopened: the record is back in screening at this stage.")).toBeVisible();
  await expect(history.getByText(/^You reopened it at title\/abstract \(it was included\)/)).toBeVisible();
  await expectFlow(lead, { excluded: 2, sought: 0 });

  // Bob is served it again, told why, and excludes it this time.
  await bob.reload();
  await expect(bob.locator("#record-title")).toHaveText(screened);
  await expect(bob.getByText("A lead reopened this record for screening again.")).toBeVisible();
  await readyToDecide(bob);
  await bob.locator("body").press("e");
  await expect(bob.locator("#record-title", { hasText: screened })).toHaveCount(0);
  await expectFlow(lead, { excluded: 3, sought: 0 });
});

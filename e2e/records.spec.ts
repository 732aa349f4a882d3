import { expect, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

test("a record is found by words and by DOI, and its page tells its history: the import and each decision", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Records e2e");
  await importFile(lead, fixture("pubmed-search.ris"));

  // A reviewer screens the first record served to them.
  const bob = await addReviewer(browser, lead, "Bob");
  await section(bob, "Screening").click();
  const heading = bob.locator("#record-title");
  await expect(heading).toBeVisible();
  const screened = (await heading.textContent())!.trim();
  await readyToDecide(bob);
  await bob.locator("body").press("i");
  await expect(bob.locator("#record-title", { hasText: screened })).toHaveCount(0);

  // Bob finds it by words from its title, typed after pressing "/", and opens it from the keyboard.
  await section(bob, "Records").click();
  await expect(bob.getByRole("heading", { name: "Records", exact: true })).toBeVisible();
  await bob.locator("body").press("/");
  // Its first five words as a phrase: no other record of the search has them in a row.
  const words = `"${screened.split(/\s+/).slice(0, 5).join(" ")}"`;
  await bob.keyboard.type(words);
  // The search is sent once typing pauses, and kept in the address.
  await expect(bob).toHaveURL(/[?&]q=/);
  const rows = bob.getByRole("table", { name: "Records" }).getByRole("link");
  await expect(rows.first()).toHaveText(screened);
  await expect(bob.getByText(/^1–\d+ of \d+ records?$/)).toBeVisible();
  await bob.getByLabel("Search records").press("ArrowDown");
  await expect(rows.first()).toBeFocused();
  await bob.keyboard.press("Enter");

  await expect(bob.getByRole("heading", { level: 1, name: screened })).toBeVisible();
  const history = bob.getByRole("region", { name: "History" });
  await expect(history.getByText("Lena Lead imported it from PubMed (pubmed-search.ris)")).toBeVisible();
  await expect(history.getByText("You included it at title/abstract")).toBeVisible();
  // Blinded: Bob sees his own decision, not where the record stands.
  await expect(bob.getByText("This stage is blinded: you see your own decision only")).toHaveCount(2);
  await bob.getByRole("link", { name: "← Records" }).click();
  await expect(bob.getByLabel("Search records")).toHaveValue(words);

  // The lead looks it up by DOI and sees Bob's decision in its history.
  await section(lead, "Records").click();
  await lead.getByLabel("Search records").fill("https://doi.org/10.1016/S1474-4422(17)30115-1");
  await expect(lead.getByText("Looked up by DOI.")).toBeVisible();
  await lead.getByRole("link", { name: /^Edaravone in amyotrophic lateral sclerosis/ }).click();
  await expect(
    lead.getByRole("region", { name: "History" }).getByText("You imported it from PubMed (pubmed-search.ris)"),
  ).toBeVisible();
  await section(lead, "Records").click();
  await lead.getByLabel("Search records").fill(words);
  await lead.getByRole("link", { name: screened }).click();
  await expect(
    lead.getByRole("region", { name: "History" }).getByText("Bob included it at title/abstract"),
  ).toBeVisible();
});

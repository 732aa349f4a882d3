import { expect, test } from "@playwright/test";
import { addReviewer, createReview, fixture, importFile, section, signUp, uniqueEmail } from "./helpers";

test("a lead makes a label with a key, a reviewer puts it on while screening and writes a team note, the lead finds the record by its label and reads the note", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Labels e2e", { reviewers: { title_abstract: 1 } });
  await importFile(lead, fixture("pubmed-search.ris"));

  // The lead's label list: a verdict is refused as a name, and so is a key that decides; then the label is made.
  await section(lead, "Settings").click();
  const labels = lead.getByRole("region", { name: "Labels" });
  await labels.getByLabel("Name").fill("Maybe");
  await expect(labels.getByText(/a label cannot carry a screening verdict/)).toBeVisible();
  await labels.getByLabel("Name").fill("Animal study");
  await labels.getByLabel("Teal").check();
  await labels.getByLabel("Screening key (optional)").fill("i");
  await expect(labels.getByText("I is the screening screen's key for Include: choose another key.")).toBeVisible();
  await labels.getByLabel("Screening key (optional)").fill("a");
  await labels.getByRole("button", { name: "Add label" }).click();
  await expect(lead.getByText("Label “Animal study” added.")).toBeVisible();
  await expect(labels.getByText("0 records")).toBeVisible();

  // Bob screens: the label's key puts it on the record on screen, which is announced; he writes a note for the team.
  const bob = await addReviewer(browser, lead, "Bob");
  await section(bob, "Screening").click();
  const heading = bob.locator("#record-title");
  await expect(heading).toBeVisible();
  const title = (await heading.textContent())!.trim();
  const toggle = bob.getByRole("button", { name: /Animal study/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await bob.locator("body").press("a");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(
    bob.getByRole("status").filter({ hasText: "Label “Animal study” added to this record." }),
  ).toBeAttached();
  await bob.getByLabel("Add a note for the team").fill("Mice only: is there a human arm?");
  await bob.getByRole("button", { name: "Add note" }).click();
  await expect(bob.getByText("Mice only: is there a human arm?")).toBeVisible();
  // Keys typed in the note are text; the record is still the same, undecided.
  await expect(heading).toHaveText(title);

  // The lead filters the records by the label and opens the one Bob labelled.
  await section(lead, "Records").click();
  await lead.getByText("Filters", { exact: true }).click();
  await lead.getByLabel("Label", { exact: true }).selectOption({ label: "Animal study (1)" });
  await expect(lead.getByText("1–1 of 1 record")).toBeVisible();
  const found = lead.getByRole("table", { name: "Records" }).getByRole("link");
  await expect(found).toHaveText(title);
  await found.click();
  await expect(lead.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const team = lead.getByRole("region", { name: "Labels and team notes" });
  await expect(team.getByRole("button", { name: /Animal study/ })).toHaveAttribute("aria-pressed", "true");
  await expect(team.getByText("Bob", { exact: true })).toBeVisible();
  await expect(team.getByText("Mice only: is there a human arm?")).toBeVisible();
  const history = lead.getByRole("region", { name: "History" });
  await expect(history.getByText("Bob labelled it “Animal study”")).toBeVisible();
  await expect(history.getByText(/Bob wrote a team note/)).toBeVisible();
});

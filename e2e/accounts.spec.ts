import { expect, test } from "@playwright/test";
import { addReviewer, createReview, expectOnReviews, section, signUp, submitSignIn, uniqueEmail } from "./helpers";

test("a member who forgot their password gets a link from the owner; the new password works and old sign-ins end", async ({
  browser,
  page: owner,
}) => {
  await signUp(owner, "Olive Owner", uniqueEmail("olive"));
  await createReview(owner, "Forgotten passwords");
  // Signing up from the invitation, the invited address is filled in and fixed (submitSignUp checks it).
  const reviewer = await addReviewer(browser, owner, "Rafael");

  await owner.reload();
  await section(owner, "Team").click();
  const option = owner.getByLabel("Member").locator("option", { hasText: "Rafael" });
  const reviewerEmail = (await option.textContent())!.match(/\((.+)\)/)![1]!;
  await owner.getByLabel("Member").selectOption({ label: `Rafael (${reviewerEmail})` });
  await owner.getByRole("button", { name: "Issue reset link" }).click();
  const link = await owner.getByLabel("Password reset link").inputValue();

  // Without SMTP, "Forgot password?" says whom to ask.
  const forgetful = await (await browser.newContext()).newPage();
  await forgetful.goto("/sign-in");
  await forgetful.getByRole("link", { name: "Forgot password?" }).click();
  await expect(forgetful.getByText(/ask an owner of a review you are on/)).toBeVisible();
  expect(link).toMatch(/\/reset-password\/[\w-]{32}$/);

  await forgetful.goto(link);
  await expect(forgetful.getByLabel("Account")).toHaveValue(reviewerEmail);
  await forgetful.getByLabel("New password", { exact: true }).fill("a fresh password 42");
  await forgetful.getByLabel("New password again").fill("a fresh password 42");
  await forgetful.getByRole("button", { name: "Set new password" }).click();
  await expect(forgetful).toHaveURL(/\/sign-in\?passwordReset=1/);
  await expect(forgetful.getByText("every earlier sign-in was ended")).toBeVisible();
  await submitSignIn(forgetful, reviewerEmail, "a fresh password 42");
  await expectOnReviews(forgetful);

  // The reviewer's earlier sign-in has ended.
  await reviewer.goto("/reviews");
  await expect(reviewer).toHaveURL(/\/sign-in/);

  // The link worked once.
  await forgetful.goto(link);
  await expect(forgetful.getByText("This reset link has already been used")).toBeVisible();
});

test("an owner archives a review (read-only, listed apart), restores it, and deletes it after typing its title", async ({
  page,
}) => {
  await signUp(page, "Ada Archivist", uniqueEmail("ada"));
  await createReview(page, "A review to put away");
  const reviewUrl = page.url();
  await section(page, "Settings").click();
  await page.getByRole("button", { name: "Archive review" }).click();
  await expect(page.getByText(/Archived .*: read-only/)).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toBeDisabled();

  await page.goto("/reviews");
  const archived = page.getByRole("region", { name: "Archived" });
  await expect(archived.getByRole("link", { name: "A review to put away" })).toBeVisible();

  await page.goto(reviewUrl);
  await section(page, "Settings").click();
  await page.getByRole("button", { name: "Restore from archive" }).click();
  await expect(page.getByText(/Archived .*: read-only/)).toHaveCount(0);
  await page.goto("/reviews");
  await expect(page.getByRole("region", { name: "Archived" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "A review to put away" })).toBeVisible();

  await page.goto(reviewUrl);
  await section(page, "Settings").click();
  await expect(page.getByRole("link", { name: "Download a whole-review bundle first" })).toHaveAttribute(
    "href",
    /\/export$/,
  );
  const remove = page.getByRole("button", { name: "Delete review for good" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(/Type the review's title/).fill("A review to put");
  await expect(remove).toBeDisabled();
  await page.getByLabel(/Type the review's title/).fill("A review to put away");
  await remove.click();
  await expectOnReviews(page);
  await expect(page.getByRole("link", { name: "A review to put away" })).toHaveCount(0);
  await page.goto(reviewUrl);
  await expect(page.getByRole("heading", { name: "No access to this review" })).toBeVisible();
});

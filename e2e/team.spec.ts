import { expect, test } from "@playwright/test";
import { expectOnReviews, signUp, submitSignIn, submitSignUp, uniqueEmail } from "./helpers";

test("a lead creates a review, invites a colleague who joins, an outsider is refused, and signs out", async ({
  browser,
}) => {
  const alice = await (await browser.newContext()).newPage();
  const aliceEmail = uniqueEmail("alice");
  await signUp(alice, "Alice Lead", aliceEmail);
  await expectOnReviews(alice);

  await alice.getByRole("link", { name: "New review" }).first().click();
  await alice.getByLabel("Title").fill("MSC trials in ALS");
  await alice.getByLabel("Review question").fill("Are intrathecal MSCs safe in ALS?");
  await alice.getByRole("button", { name: "Create review" }).click();
  await expect(alice).toHaveURL(/\/r\/msc-trials-in-als(-\d+)?$/);
  const reviewPath = new URL(alice.url()).pathname;
  await expect(alice.getByRole("heading", { name: "MSC trials in ALS" })).toBeVisible();

  await alice.getByRole("link", { name: "Team" }).click();
  const bobEmail = uniqueEmail("bob");
  await alice.getByLabel("Email").fill(bobEmail);
  await alice.getByLabel("Role").selectOption("reviewer");
  await alice.getByRole("button", { name: "Send invitation" }).click();
  const link = await alice.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  // Bob opens the link signed out, creates his account from there and comes back to accept.
  const bob = await (await browser.newContext()).newPage();
  await bob.goto(link);
  await expect(bob.getByText("MSC trials in ALS")).toBeVisible();
  await bob.getByRole("link", { name: "Create account" }).click();
  await submitSignUp(bob, "Bob Reviewer", bobEmail);
  await expect(bob).toHaveURL(/\/sign-in\?signedUp=1/);
  await submitSignIn(bob, bobEmail);
  await expect(bob).toHaveURL(/\/invite\//);
  await bob.getByRole("button", { name: "Accept invitation" }).click();
  await expect(bob).toHaveURL(new RegExp(`${reviewPath}$`));
  await expect(bob.getByRole("heading", { name: "MSC trials in ALS" })).toBeVisible();
  await bob.goto("/reviews");
  await expect(bob.getByRole("link", { name: "MSC trials in ALS" })).toBeVisible();

  await alice.reload();
  await expect(alice.getByRole("cell", { name: bobEmail })).toBeVisible();

  // Carol is signed in but not a member: a refusal page, and none of the review's content.
  const carol = await (await browser.newContext()).newPage();
  await signUp(carol, "Carol Outsider", uniqueEmail("carol"));
  await expectOnReviews(carol);
  await carol.goto(reviewPath);
  await expect(carol.getByRole("heading", { name: "No access to this review" })).toBeVisible();
  await expect(carol.getByText("Are intrathecal MSCs safe in ALS?")).toHaveCount(0);
  await carol.goto(`${reviewPath}/team`);
  await expect(carol.getByRole("heading", { name: "No access to this review" })).toBeVisible();
  await expect(carol.getByText(bobEmail)).toHaveCount(0);

  await alice.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(alice).toHaveURL(/\/sign-in/);
  await alice.goto("/reviews");
  await expect(alice).toHaveURL(/\/sign-in\?callbackUrl=/);
});

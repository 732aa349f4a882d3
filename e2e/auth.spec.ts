import { expect, test } from "@playwright/test";
import { expectOnReviews, signIn, signUp, uniqueEmail } from "./helpers";

test("sign-up refuses a taken email and a weak password; sign-in refuses a wrong password", async ({ page }) => {
  const email = uniqueEmail("dana");
  await signUp(page, "Dana", email);
  await expectOnReviews(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signUp(page, "Dana again", email);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/An account with this email already exists/);

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Weak");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/at least 10 characters/);

  await signIn(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/do not match an account/);
  await signIn(page, email);
  await expectOnReviews(page);
});

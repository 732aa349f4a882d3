import { expect, test } from "@playwright/test";
import { expectOnReviews, signIn, signUp, submitSignIn, submitSignUp, uniqueEmail } from "./helpers";

const alert = (page: import("@playwright/test").Page) => page.getByRole("main").getByRole("alert");
const SIGNED_UP =
  "Now sign in with your email and password. If that address already had an account, it is unchanged: use its existing password.";

test("sign-up answers a taken email like a new one and refuses weak passwords; sign-in refuses a wrong password", async ({
  page,
}) => {
  const email = uniqueEmail("dana");
  await signUp(page, "Dana", email);
  await expectOnReviews(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The same page and words as for a new address; the account keeps its own password.
  await page.goto("/sign-up");
  await submitSignUp(page, "Dana again", email, "another password 5678");
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await expect(page.getByRole("status")).toHaveText(SIGNED_UP);
  await submitSignIn(page, email, "another password 5678");
  await expect(alert(page)).toHaveText(/do not match an account/);

  for (const [password, message] of [
    ["short", /at least 10 characters/],
    ["Password123", /one of the most common passwords/],
    [email.toUpperCase(), /must not be your email address/],
  ] as const) {
    await page.goto("/sign-up");
    await submitSignUp(page, "Weak", email, password);
    await expect(alert(page)).toHaveText(message);
  }

  await signIn(page, email, "not the password");
  await expect(alert(page)).toHaveText(/do not match an account/);
  await signIn(page, email);
  await expectOnReviews(page);
});

test("after sign-up and sign-in, a callback that browsers would take elsewhere leads to the reviews instead", async ({
  page,
}) => {
  const email = uniqueEmail("redirected");
  await page.goto("/sign-up?callbackUrl=%2F%09%2Fevil.test%2Fpwn");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  await submitSignUp(page, "Redirected", email);
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1&callbackUrl=%2Freviews$/);
  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.test");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/sign-up");
  await submitSignIn(page, email);
  await expectOnReviews(page);
});

test("the sign-in page shows its own words for an error, never text from the link", async ({ page }) => {
  await page.goto(`/sign-in?error=${encodeURIComponent("Your account is locked. Call +1 555 0100.")}`);
  await expect(alert(page)).toHaveText("Sign-in did not work. Try again.");
});

test("signing out ends this browser's session on the server, copies of its cookie included, and no other", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("copied");
  await signUp(page, "Copied", email);
  await expectOnReviews(page);
  const created = await page.request.post("/api/trpc/reviews.create", { data: { json: { title: "Sessions review" } } });
  expect(created.ok()).toBe(true);
  const reviewId = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  const copy = await page.context().cookies();

  const thief = await browser.newContext();
  await thief.addCookies(copy);
  const diagram = () => thief.request.get(`/api/reviews/${reviewId}/prisma-2020/csv`);
  const me = () => thief.request.get("/api/trpc/auth.me");
  expect((await diagram()).status()).toBe(200);
  expect((await me()).status()).toBe(200);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email);
  await expectOnReviews(other);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await diagram()).status()).toBe(401);
  expect((await me()).status()).toBe(401);
  // The same user in another browser stays signed in.
  await other.goto("/reviews");
  await expectOnReviews(other);
  expect((await other.request.get(`/api/reviews/${reviewId}/prisma-2020/csv`)).status()).toBe(200);

  // Sign out everywhere ends the other browser's session as well as this one's.
  await signIn(page, email);
  await expectOnReviews(page);
  await expectOnReviews(other);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await other.goto("/reviews");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await thief.close();
});

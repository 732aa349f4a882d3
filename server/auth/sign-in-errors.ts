// What a failed sign-in tells the user. next-auth hands the sign-in page whatever authorize() throws, as
// `?error=<message>` in a URL anyone can write, so only codes travel there and the page shows our text for them:
// never an internal message (a database error once reached the page that way), never text from a link.
import { AppError } from "../errors/app-error";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  ServerError:
    "Sign-in did not work because of a problem on the server. Try again; if it persists, tell your administrator.",
  AccessDenied: "Your sign-in provider did not share an email address, so Sift could not sign you in.",
  SessionRequired: "Sign in to continue.",
  OAuthSignin: "Single sign-on could not start. Try again, or use your email and password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or use your email and password.",
  OAuthCreateAccount: "Single sign-on did not complete. Try again, or use your email and password.",
  Callback: "Single sign-on did not complete. Try again, or use your email and password.",
  Configuration: "Sign-in is not configured correctly on this server. Tell your administrator.",
  Default: "Sign-in did not work. Try again.",
};

const TOO_MANY = /^TooManyAttempts:(\d{1,6})$/;

/** The code authorize() throws for an error of sign-in: next-auth passes it on to the page. */
export function signInErrorCode(err: unknown): string {
  if (err instanceof AppError) {
    if (err.code === "INVALID_CREDENTIALS") return "CredentialsSignin";
    if (err.code === "TOO_MANY_ATTEMPTS") return `TooManyAttempts:${/(\d+) s/.exec(err.message)?.[1] ?? 60}`;
  }
  return "ServerError";
}

/** The user's message for a code from the URL or from signIn(); anything unknown gets the general one. */
export function signInErrorMessage(code: string): string {
  const seconds = TOO_MANY.exec(code)?.[1];
  if (seconds) return `Too many failed sign-ins. Try again in ${seconds} s.`;
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : MESSAGES.Default!;
}

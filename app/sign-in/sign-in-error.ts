// next-auth reports its own failures as codes; thrown sign-in messages from the server are already for users.
const NEXT_AUTH_CODES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  AccessDenied: "Your sign-in provider did not share an email address, so Sift could not sign you in.",
  SessionRequired: "Sign in to continue.",
  OAuthSignin: "Single sign-on could not start. Try again, or use your email and password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or use your email and password.",
  OAuthCreateAccount: "Single sign-on did not complete. Try again, or use your email and password.",
  Callback: "Single sign-on did not complete. Try again, or use your email and password.",
  Configuration: "Sign-in is not configured correctly on this server. Tell your administrator.",
  Default: "Sign-in did not work. Try again.",
};

export function signInErrorMessage(error: string): string {
  return NEXT_AUTH_CODES[error] ?? error.slice(0, 300);
}

// The part of auth the screens may use, in the browser too: what a failed sign-in tells the user.
export { signInErrorMessage } from "../../auth/sign-in-errors";

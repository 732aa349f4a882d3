import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton, SignOutEverywhereButton } from "@/app/_components/sign-out-button";
import { signedInUser } from "@/app/_lib/session";

/** The shell of signed-in pages. It shows who is signed in; each page does its own sign-in check. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await signedInUser();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link className="brand" href="/">
          Sift
        </Link>
        {user && (
          <div className="user">
            <span>{user.name}</span>
            <SignOutButton />
            <SignOutEverywhereButton />
          </div>
        )}
      </header>
      {children}
    </>
  );
}

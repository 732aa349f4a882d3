import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "@/server/api/request-session";

export default async function HomePage() {
  if (await currentUserId()) redirect("/reviews");
  return (
    <main id="main" className="hero">
      <h1>Sift — open systematic-review workbench</h1>
      <p className="lead">
        Import search results, screen them with your team, resolve disagreements and report the flow of records, all on
        a server you control.
      </p>
      <div className="form-actions">
        <Link className="btn btn-primary" href="/sign-in">
          Sign in
        </Link>
        <Link className="btn btn-secondary" href="/sign-up">
          Create account
        </Link>
      </div>
    </main>
  );
}

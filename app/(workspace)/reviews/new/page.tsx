import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/session";
import { NewReviewForm } from "./new-review-form";

export const metadata: Metadata = { title: "New review" };

export default async function NewReviewPage() {
  await requireUser("/reviews/new");
  return (
    <main id="main" className="page">
      <h1>New review</h1>
      <p className="muted">You will be the review&apos;s owner. Everything here can be changed later in Settings.</p>
      <NewReviewForm />
    </main>
  );
}

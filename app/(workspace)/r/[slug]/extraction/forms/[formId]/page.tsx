import type { Metadata } from "next";
import Link from "next/link";
import { LeadsOnly } from "@/app/_components/leads-only";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { mayChange } from "@/app/_lib/review-changes";
import { FormBuilder } from "@/app/(workspace)/r/[slug]/extraction/form-builder";

export const metadata: Metadata = { title: "Form builder" };

interface Props {
  params: Promise<{ slug: string; formId: string }>;
}

export default async function FormBuilderPage({ params }: Props) {
  const { slug, formId } = await params;
  const review = await memberReview(slug, `/r/${slug}/extraction/forms/${formId}`);
  if (!review) return <NoAccess />;
  return (
    <>
      <h1>Form builder</h1>
      {mayChange(review, "lead") ? (
        <FormBuilder reviewId={review.id} slug={slug} formId={formId} />
      ) : review.archivedAt ? (
        <p>
          The review&apos;s forms stay as they were published; the{" "}
          <Link href={`/r/${slug}/extraction?form=${formId}`}>Extraction page</Link> shows this one and its data.
        </p>
      ) : (
        <LeadsOnly role={review.myRole} back={{ href: `/r/${slug}/extraction`, label: "Back to Extraction" }}>
          Leads design the extraction forms.
        </LeadsOnly>
      )}
    </>
  );
}

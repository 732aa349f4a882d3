import type { Metadata } from "next";
import { LeadsOnly } from "@/app/_components/leads-only";
import { NoAccess } from "@/app/_components/no-access";
import { memberReview } from "@/app/_lib/review-access";
import { FormBuilder } from "@/app/(workspace)/r/[slug]/extraction/form-builder";
import { hasRole } from "@/server/shared/roles";

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
      {hasRole(review.myRole, "lead") ? (
        <FormBuilder reviewId={review.id} slug={slug} formId={formId} />
      ) : (
        <LeadsOnly role={review.myRole} back={{ href: `/r/${slug}/extraction`, label: "Back to Extraction" }}>
          Leads design the extraction forms.
        </LeadsOnly>
      )}
    </>
  );
}

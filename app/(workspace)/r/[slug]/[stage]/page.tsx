import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoAccess } from "../../../../_components/no-access";
import { memberReview } from "../../../../_lib/review-access";
import { PLANNED_SECTIONS, sectionLabel } from "../../../../_lib/review-sections";

interface Props {
  params: Promise<{ slug: string; stage: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: sectionLabel((await params).stage) ?? "Not found" };
}

export default async function PlannedSectionPage({ params }: Props) {
  const { slug, stage } = await params;
  const purpose = PLANNED_SECTIONS.get(stage);
  if (!purpose) notFound();
  const review = await memberReview(slug, `/r/${slug}/${stage}`);
  if (!review) return <NoAccess />;
  const label = sectionLabel(stage);
  return (
    <>
      <h1>{label}</h1>
      <div className="alert alert-info">
        <p>
          <strong>{label} is not built yet.</strong>
        </p>
        <p>{purpose}</p>
      </div>
    </>
  );
}

"use client";
import { ScreeningScreen } from "@/app/(workspace)/r/[slug]/screening/screening-screen";
import type { StageSetup } from "@/app/(workspace)/r/[slug]/screening/screening-types";
import { FullTextDocument } from "./full-text-document";

interface Props {
  reviewId: string;
  slug: string;
  setup: StageSetup;
  keywords: { include: string[]; exclude: string[] };
  canResolve: boolean;
}

/** The screening screen of title/abstract, with the report's full text in place of the abstract. */
export function FullTextScreening(props: Props) {
  return <ScreeningScreen {...props} renderRecord={(item) => <FullTextDocument record={item.record} />} />;
}

import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/server/shared/roles";
import { InfoAlert } from "./alerts";

interface Props {
  /** What leads do on this page, as a sentence: "Leads resolve conflicts." */
  children: ReactNode;
  role: Role;
  /** Where the member can go instead, e.g. the section this page belongs to. */
  back: { href: string; label: string };
}

/**
 * What a member below lead sees at a lead's page reached by its address: said at once by the server, instead of
 * the page's own requests being refused one by one.
 */
export function LeadsOnly({ children, role, back }: Props) {
  return (
    <InfoAlert className="leads-only">
      <p>
        <strong>This page is for the review&apos;s leads and owners.</strong> {children} You are{" "}
        {role === "observer" ? "an" : "a"} {ROLE_LABELS[role].toLowerCase()} in this review; a lead or owner can change
        your role on the Team page.
      </p>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
    </InfoAlert>
  );
}

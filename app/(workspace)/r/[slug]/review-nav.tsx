"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { sectionsFor } from "@/app/_lib/review-sections";
import type { Role } from "@/server/shared/roles";

export function ReviewNav({ slug, role }: { slug: string; role: Role }) {
  const pathname = usePathname();
  const base = `/r/${slug}`;
  return (
    <nav className="review-nav" aria-label="Review sections">
      <ul>
        {sectionsFor(role).map(({ segment, label }) => {
          const href = segment ? `${base}/${segment}` : base;
          const active = segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
          return (
            <li key={segment}>
              <Link href={href} aria-current={active ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

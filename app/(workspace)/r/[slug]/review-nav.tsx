"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { REVIEW_SECTIONS } from "@/app/_lib/review-sections";

export function ReviewNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/r/${slug}`;
  return (
    <nav className="review-nav" aria-label="Review sections">
      <ul>
        {REVIEW_SECTIONS.map(({ segment, label }) => {
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

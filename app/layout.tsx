import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ApiProvider } from "@/app/_components/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sift", template: "%s · Sift" },
  description: "Open systematic-review workbench",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: Next can only put proxy.ts's CSP nonce on the scripts of a page it
  // renders for that request, and a prerendered page's scripts would all be refused.
  await connection();
  return (
    <html lang="en">
      <body>
        <ApiProvider>{children}</ApiProvider>
      </body>
    </html>
  );
}

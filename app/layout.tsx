import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ApiProvider } from "./_components/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sift", template: "%s · Sift" },
  description: "Open systematic-review workbench",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ApiProvider>{children}</ApiProvider>
      </body>
    </html>
  );
}

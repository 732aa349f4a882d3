import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate, and `migrate deploy` where schema engines exist); the app connects
// through the pg driver adapter in server/db/client.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/sift" },
});

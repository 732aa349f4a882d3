# syntax=docker/dockerfile:1
# Sift for servers: built here once, so a container only migrates and serves. It needs a PostgreSQL server in
# DATABASE_URL (see docker-compose.yml and docs/deploy.md); the embedded one is for running Sift on a laptop.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall generates the Prisma client, so the schema and its config must be here before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The type-check inside `next build` needs the dev dependencies; the runtime does not, so prune after it.
RUN node node_modules/next/dist/bin/next build \
 && rm -rf .next/cache \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    SIFT_HOME=/var/lib/sift \
    SIFT_DEMO=0
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/next.config.ts /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/bin ./bin
COPY --from=build /app/server ./server
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/app ./app
# Next writes its runtime cache under .next; the code itself stays root-owned and read-only to the app.
COPY --from=build --chown=node:node /app/.next ./.next
# `sift start` rebuilds when a source file is newer than .next/BUILD_ID. Copying between stages can give
# folders fresh times, and a rebuild here would fail (no dev dependencies), so mark the build as current.
RUN touch .next/BUILD_ID \
 && mkdir -p "$SIFT_HOME" && chown node:node "$SIFT_HOME"
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Refuse to start without DATABASE_URL rather than fall back to an embedded database inside the container,
# whose data would vanish with it. SIFT_DEMO=1 adds the demo review.
CMD ["sh", "-c", "[ -n \"$DATABASE_URL\" ] || { echo 'sift: set DATABASE_URL to your PostgreSQL server (see docs/deploy.md)' >&2; exit 1; }; exec node bin/sift.mjs start"]

# syntax=docker/dockerfile:1.7
# Binwise: multi-stage build of the Next.js standalone server.
#   docker build -t binwise:$(git rev-parse --short HEAD) .                  # runtime image (the Deployment)
#   docker build --target tools -t binwise-tools:$(git rev-parse --short HEAD) .  # migrations, ML training CronJob
# Node 20.19+ is required by Prisma 7; Debian bookworm matches the CI image.
ARG NODE_IMAGE=node:20.19-bookworm-slim

# ---- deps: every npm dependency, exactly as locked (postinstall generates the Prisma client)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/dev/null
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY scripts/prisma-generate.ts ./scripts/prisma-generate.ts
RUN npm ci --no-audit --no-fund

# ---- build: next build with `output: 'standalone'` (next.config.js)
FROM deps AS build
COPY . .
RUN npx next build

# ---- tools: the full source tree with dev dependencies, for one-off jobs that run tsx
# scripts: `npm run db:migrate`, `npm run -s ml:train -- --json`. Not exposed to traffic.
FROM deps AS tools
COPY . .
RUN groupadd --system --gid 10001 binwise && useradd --system --uid 10001 --gid binwise --home-dir /app binwise \
  && chown -R binwise:binwise /app
USER 10001
CMD ["npm", "run", "db:migrate"]

# ---- runtime: only the standalone server, its traced node_modules, static assets
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system --gid 10001 binwise && useradd --system --uid 10001 --gid binwise --home-dir /app binwise
COPY --from=build --chown=binwise:binwise /app/.next/standalone ./
COPY --from=build --chown=binwise:binwise /app/.next/static ./.next/static
COPY --from=build --chown=binwise:binwise /app/public ./public
# Non-root: the Deployment also enforces runAsNonRoot with this uid.
USER 10001
EXPOSE 3000
# Liveness only (the process serves); readiness with the runbook checks is the Kubernetes probe
# on /api/wms/optimization/health. node:*-slim has no curl, so use Node's fetch.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]

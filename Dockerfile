# syntax=docker/dockerfile:1
# One recipe for the four services, the storefront (web) and the demo loader; choose with --target:
#   docker build --target catalog -t bookstore-marketplace/catalog:local .
# Images run as uid 1000 with a read-only root filesystem (nothing is written at run time), carry
# production dependencies only, and listen on 0.0.0.0 at their service's port (libs/contracts).
ARG NODE_VERSION=24.22.3

# ---- production dependencies only -------------------------------------------------------------
FROM node:${NODE_VERSION}-alpine AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# The root workspace alone: Next, React and the web app's other dependencies (apps/web) never enter
# the services' images (checked: this installs 190 packages, none of next, react, react-dom).
RUN npm ci --omit=dev --workspaces=false --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ---- compile TypeScript (npm run build: tsc -p tsconfig.build.json -> dist/) ------------------
FROM node:${NODE_VERSION}-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
COPY tools ./tools
RUN npm run build

# ---- what every image shares -------------------------------------------------------------------
FROM node:${NODE_VERSION}-alpine AS runtime
# tsconfig-paths resolves the @app/* aliases of tsconfig.json against the compiled dist/.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    TS_NODE_BASEURL=./dist
WORKDIR /app
# Root-owned: the app user can read its code and dependencies but never change them.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json tsconfig.json ./
# The official image's unprivileged "node" user, numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000

# ---- one target per service --------------------------------------------------------------------
FROM runtime AS catalog
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/catalog/src/main.js"]

FROM runtime AS offers
EXPOSE 3002
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3002/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/offers/src/main.js"]

FROM runtime AS reviews
EXPOSE 3003
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3003/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/reviews/src/main.js"]

FROM runtime AS reports
EXPOSE 3004
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3004/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "-r", "tsconfig-paths/register", "dist/apps/reports/src/main.js"]

# ---- the storefront (apps/web): a Next.js standalone server -------------------------------------
# Its own dependency install (the workspace's package.json brings Next and React), so neither ever
# enters the services' images above, which install from the root package.json alone.
FROM node:${NODE_VERSION}-alpine AS web-build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY apps/web ./apps/web
# The local sign-in shares the development token constants with the services (libs/platform).
COPY libs ./libs
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_OUTPUT=standalone
# public/ may hold nothing yet (git keeps no empty folder); the runtime stage copies it regardless.
RUN mkdir -p apps/web/public && npm run build:web

# server.js plus the traced files it needs (node_modules included), the hashed static assets and
# public/. Next writes its cache under .next/cache: the one writable path (an emptyDir or tmpfs).
FROM node:${NODE_VERSION}-alpine AS web
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    HOST=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=web-build /app/apps/web/.next/standalone ./
COPY --from=web-build /app/apps/web/.next/static ./apps/web/.next/static
COPY --from=web-build /app/apps/web/public ./apps/web/public
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/web/server.js"]

# ---- one-shot demo data loader (compose's demo-loader service) ---------------------------------
# Loads the seed book and its offers through the services' APIs (CATALOG_URL, OFFERS_URL,
# AUTH_JWT_SECRET); a second run changes nothing. Exits 0, or 1 with one line saying why.
FROM runtime AS demo-loader
CMD ["node", "-r", "tsconfig-paths/register", "dist/tools/demo/load-demo.js"]

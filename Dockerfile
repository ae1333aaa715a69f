# Multi-stage build of Gaung on the current Node LTS. One image runs the API, the worker, or both:
#   docker run gaung node dist/main.js api|worker|all
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json .swcrc ./
RUN DATABASE_URL=postgresql://build@localhost/build npx prisma generate
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# The web desk (web/, its own package.json): built to web/dist, served by the API at /app.
FROM node:22-bookworm-slim AS web
WORKDIR /app/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY web ./
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system gaung && useradd --system --gid gaung gaung
# The media volume's mount point, owned by the app's user: a new named volume takes this ownership.
RUN mkdir -p /app/data/media && chown -R gaung:gaung /app/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=web /app/web/dist ./web/dist
USER gaung
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js", "all"]

# Migrations need the prisma CLI (a dev dependency): a separate target for the one-shot migrate service.
FROM build AS migrate
CMD ["npx", "prisma", "migrate", "deploy"]

# Production image: the built app against DATABASE_URL (and S3, SMTP, Stripe by
# environment). Node 22 LTS: Node 20 reached its end of life in April 2026.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx remix build

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json tsconfig.json ./
COPY --chown=node:node app ./app
COPY --chown=node:node db ./db
COPY --chown=node:node jobs ./jobs
COPY --chown=node:node public ./public
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/public/build ./public/build
# The build is newer than the sources, so start does not try to rebuild.
RUN touch build/index.js
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# App servers: WORKER=off and run `npx tsx jobs/worker.ts` in separate containers.
CMD ["npx", "tsx", "app/server/main.ts"]

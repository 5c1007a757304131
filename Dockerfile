# Production image: the compiled app against DATABASE_URL (and S3, SMTP, Stripe by
# environment). Node 22 LTS: Node 20 reached its end of life in April 2026.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Remix app (build/index.js, public/build/) and the server compiled to JavaScript
# (build/server/: main.js, worker.js, migrate.js, create-staff.js).
RUN npm run build

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# No sources at run time: node runs the build. What it reads from disk is build/
# (the seed's lesson audio is copied into build/server/), public/, and package.json
# ("type": "module" makes the build's .js files ES modules).
FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node public ./public
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/public/build ./public/build
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# App servers: WORKER=off and run `node build/server/worker.js` in separate containers.
# Migrations run at start; `node build/server/migrate.js` runs them alone, and
# `node build/server/create-staff.js --email ... --name ... --country` makes a staff account.
CMD ["node", "build/server/main.js"]

# One image for every Atlas Sync service; docker-compose.yml picks the app with `command`.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ATLAS_DATA_DIR=/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web app, built beside its sources (nest build empties dist/); the gateway serves it at /.
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY demo ./demo
RUN mkdir -p /data/imports && chown -R node:node /data
USER node
EXPOSE 3000
# The all-in-one under its supervisor: one line on how it died, and a restart (docs/OPERATIONS.md).
CMD ["node", "dist/apps/atlas/src/supervised.js"]

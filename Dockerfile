# One image for the server and the workers; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY workers/package.json workers/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Offer letters embed a CJK font (WQY MicroHei) from Debian; with JANUS_WS_URL unset the server
# starts Janus from PATH for video, as `npm start` does.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei janus && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3000
CMD ["node", "server/dist/main.js"]

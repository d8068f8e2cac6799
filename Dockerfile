# gapbot's image: build with the dev toolchain, run with production dependencies only, as a non-root user.
# docker build -t gapbot . && docker run --rm -e SLACK_BOT_TOKEN=… -e SLACK_APP_TOKEN=… gapbot

# ── build: install everything from the lockfile, compile, and check the knowledge before it ships.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are copied in.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY bench ./bench
COPY knowledge ./knowledge
RUN npm run build && npm run knowledge:check

# ── runtime: production dependencies, the compiled code and the data; nothing else.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would try to build, and TypeScript is a devDependency.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY knowledge ./knowledge
COPY commands ./commands
# The embedded database (the question record) lives in DATA_DIR: a folder the node user may write, and a
# volume so that it outlives the container.
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
# Slack's HTTP mode (/slack/events) and GET /healthz; PORT changes it.
EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /healthz (200 while every platform is connected).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node runs as PID 1 and gets `docker stop`'s SIGTERM itself, so the graceful shutdown runs.
CMD ["node", "bin/gapbot.js", "start"]

# syntax=docker/dockerfile:1
# Build stage: install everything, compile TypeScript to dist/ (the bot and all its CLIs).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

# Runtime stage: production dependencies only (no tsx), the compiled JavaScript and its wording; non-root.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    ATTUNE_DATA_DIR=/app/data \
    ATTUNE_HEALTH_PORT=3001
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
# 3000: Slack HTTP mode (events and /healthz). 3001: /healthz in Socket Mode or Discord-only runs.
EXPOSE 3000 3001
# Asks /healthz on the port this configuration serves it on; exits 1 unless it answers 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/src/health/healthcheck-cli.js"]
# Node itself is PID 1 and gets SIGTERM; Attune stops within 10 s (Docker's default grace).
STOPSIGNAL SIGTERM
# The CLIs run the same way: docker run --rm <image> node dist/src/adapters/discord/deploy-cli.js
# (or slack/manifest-cli.js, store/check-cli.js).
CMD ["node", "dist/src/main.js"]

import { loadConfig } from '../config.js';

/**
 * `node dist/src/health/healthcheck-cli.js` (the Docker HEALTHCHECK): exit 0 when GET /healthz answers
 * 200 on the port Attune serves it on (PORT in Slack's HTTP mode, else ATTUNE_HEALTH_PORT), 1 otherwise.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const port = config.slack && !config.slack.appToken ? config.port : config.healthPort;
  if (port === undefined) {
    process.stderr.write('No health port: set ATTUNE_HEALTH_PORT (or run Slack in HTTP mode, which serves /healthz on PORT).\n');
    process.exit(1);
  }
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.stdout.write(`${res.status} ${await res.text()}\n`);
  process.exit(res.ok ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`Health check failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

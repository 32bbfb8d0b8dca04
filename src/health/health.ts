import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppContext } from '../core/app-context.js';
import type { Adapter } from '../core/adapter.js';

export interface HealthReport {
  ok: boolean;
  store: 'ok' | 'unreachable';
  adapters: Record<string, 'connected' | 'disconnected'>;
}

/** Store reachable and every adapter connected. Never throws. */
export async function checkHealth(app: Pick<AppContext, 'store'>, adapters: readonly Adapter[]): Promise<HealthReport> {
  let store: HealthReport['store'] = 'ok';
  try {
    if (!(await app.store.health()).ok) store = 'unreachable';
  } catch {
    store = 'unreachable';
  }
  const states = Object.fromEntries(adapters.map((a) => [a.platform, a.connected?.() === false ? 'disconnected' : 'connected'] as const));
  return { ok: store === 'ok' && Object.values(states).every((s) => s === 'connected'), store, adapters: states };
}

/** Answers GET /healthz with the report: 200 when healthy, 503 when not (what Docker and load balancers read). */
export function healthHandler(check: () => Promise<HealthReport>): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    void check().then((report) => {
      res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(report));
    });
  };
}

/** A server for GET /healthz alone (when Slack's HTTP mode is not serving it), on 0.0.0.0 for container probes. */
export async function startHealthServer(port: number, check: () => Promise<HealthReport>): Promise<Server> {
  const handle = healthHandler(check);
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/healthz') handle(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of Slack's chat.postMessage with its rate limits:
 * - per channel: 1 message a second (each person's DM is its own channel);
 * - per workspace: `workspacePerSecond` calls in each fixed 1-second window (counted calls are the
 *   ones that reach the handler: accepted posts and the injected 500s; a 429 is not counted);
 * - past either limit: HTTP 429 with `Retry-After` in whole seconds, as Slack sends it;
 * - otherwise `failRate` of the calls fail with HTTP 500 (seeded, so runs are comparable).
 * It counts deliveries per channel, so a duplicate is visible.
 */
export class FakeSlackApi {
  readonly delivered = new Map<string, number>();
  calls = 0;
  rateLimited = 0;
  serverErrors = 0;
  private server: Server | undefined;
  private window = -1;
  private windowCount = 0;
  private readonly lastPost = new Map<string, number>();
  private random: () => number;

  constructor(
    private readonly workspacePerSecond: number,
    private readonly failRate: number,
    seed = 42,
  ) {
    this.random = mulberry32(seed);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, headers, body }) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: unknown }> {
    const raw = await readBody(req);
    if (req.url?.endsWith('/_stats')) return { status: 200, body: this.stats() };
    this.calls++;
    if (!req.url?.endsWith('/chat.postMessage')) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    if (req.headers.authorization !== 'Bearer xoxb-bench') return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
    const channel = params.channel;
    if (!channel) return { status: 200, body: { ok: false, error: 'channel_not_found' } };

    const now = performance.now();
    const window = Math.floor(now / 1000);
    if (window !== this.window) {
      this.window = window;
      this.windowCount = 0;
    }
    if (this.windowCount >= this.workspacePerSecond) return this.tooMany((window + 1) * 1000 - now);
    const last = this.lastPost.get(channel);
    if (last !== undefined && now - last < 1000) return this.tooMany(1000 - (now - last));
    this.windowCount++;
    if (this.random() < this.failRate) {
      this.serverErrors++;
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    this.lastPost.set(channel, now);
    this.delivered.set(channel, (this.delivered.get(channel) ?? 0) + 1);
    return { status: 200, body: { ok: true, channel, ts: `${Math.floor(now)}.000100` } };
  }

  /** What the benchmark reads at the end (the fake runs in its own process, so over HTTP). */
  stats(): FakeSlackStats {
    return { calls: this.calls, rateLimited: this.rateLimited, serverErrors: this.serverErrors, delivered: Object.fromEntries(this.delivered) };
  }

  private tooMany(waitMs: number) {
    this.rateLimited++;
    return { status: 429, headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) }, body: { ok: false, error: 'ratelimited' } };
  }
}

export interface FakeSlackStats {
  calls: number;
  rateLimited: number;
  serverErrors: number;
  /** Accepted posts per channel. */
  delivered: Record<string, number>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

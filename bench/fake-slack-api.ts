import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblems, PER_MINUTE, PerMinuteLimiter, POST_PER_CHANNEL_MS } from '../tests/slack/slack-api-rules.js';

/**
 * A local fake of the Slack Web API calls a scheduled DM makes (auth.test at start, conversations.open,
 * chat.postMessage), with chat.postMessage's rate limits:
 * - per channel: 1 message a second (each person's DM is its own channel);
 * - per workspace: `workspacePerSecond` calls in each fixed 1-second window (counted calls are the
 *   ones that reach the handler: accepted posts and the injected 500s; a 429 is not counted);
 * - past either limit: HTTP 429 with `Retry-After` in whole seconds, as Slack sends it;
 * - otherwise `failRate` of the calls fail with HTTP 500 (seeded, so runs are comparable).
 * - a message over Block Kit's limits is refused (`invalid_blocks`) and not delivered, as Slack does;
 * - with `tierLimits`, conversations.open and users.info are held to their tiers (Tier 3: 50 a minute,
 *   Tier 4: 100), answering 429 with Retry-After past them. Off by default: a fan-out to thousands
 *   opens one DM each, which at Tier 3 alone takes minutes per 1,000 people (see fanout.md).
 * The rules are tests/slack/slack-api-rules.ts, the same module the tests' fake Slack uses.
 * It counts deliveries per channel (`D` + user id), so a duplicate is visible.
 */
export class FakeSlackApi {
  readonly delivered = new Map<string, number>();
  /** chat.postMessage calls (the limited method). */
  calls = 0;
  rateLimited = 0;
  opens = 0;
  openErrors = 0;
  serverErrors = 0;
  /** Posts refused for breaking Block Kit's limits. */
  invalidBlocks = 0;
  private readonly tiers: PerMinuteLimiter | undefined;
  private server: Server | undefined;
  private window = -1;
  private windowCount = 0;
  private readonly lastPost = new Map<string, number>();
  private random: () => number;
  private openRandom: () => number;

  constructor(
    private readonly workspacePerSecond: number,
    private readonly failRate: number,
    seed = 42,
    options: { tierLimits?: boolean } = {},
  ) {
    this.tiers = options.tierLimits ? new PerMinuteLimiter(PER_MINUTE) : undefined;
    this.random = mulberry32(seed);
    this.openRandom = mulberry32(seed + 1);
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
    if (req.headers.authorization !== 'Bearer xoxb-bench') return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
    const method = req.url?.split('/').pop() ?? '';
    const tier = this.tiers?.take(method, performance.now());
    if (tier && !tier.ok) {
      this.rateLimited++;
      return { status: 429, headers: { 'retry-after': String(tier.retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } };
    }
    // What Bolt calls at start (token check): answered, not counted.
    if (method === 'auth.test') return { status: 200, body: { ok: true, url: 'https://bench.slack.com/', team: 'Bench', team_id: 'T0BENCH', user: 'attune', user_id: 'UATTUNE', bot_id: 'BATTUNE' } };
    if (method === 'conversations.open') return this.open(params.users);
    if (method !== 'chat.postMessage') return { status: 200, body: { ok: false, error: 'unknown_method' } };
    this.calls++;
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
    if (last !== undefined && now - last < POST_PER_CHANNEL_MS) return this.tooMany(POST_PER_CHANNEL_MS - (now - last));
    this.windowCount++;
    const problems = messageProblems({ ...params, ...(typeof params.blocks === 'string' ? { blocks: JSON.parse(params.blocks) as unknown } : {}) });
    if (problems.length) {
      this.invalidBlocks++;
      return { status: 200, body: { ok: false, error: 'invalid_blocks', errors: problems } };
    }
    if (this.random() < this.failRate) {
      this.serverErrors++;
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    this.lastPost.set(channel, now);
    this.delivered.set(channel, (this.delivered.get(channel) ?? 0) + 1);
    return { status: 200, body: { ok: true, channel, ts: `${Math.floor(now)}.000100` } };
  }

  /**
   * conversations.open: the DM with one person is `D` + their user id. It fails `failRate` of its calls
   * with a 500 too, but has no rate limit here (see fanout.md: Slack's is Tier 3, per method).
   */
  private open(users: string | undefined): { status: number; body: unknown } {
    this.opens++;
    if (!users || users.includes(',')) return { status: 200, body: { ok: false, error: 'users_not_found' } };
    if (this.openRandom() < this.failRate) {
      this.openErrors++;
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    return { status: 200, body: { ok: true, channel: { id: `D${users}` } } };
  }

  /** What the benchmark reads at the end (the fake runs in its own process, so over HTTP). */
  stats(): FakeSlackStats {
    return { calls: this.calls, rateLimited: this.rateLimited, serverErrors: this.serverErrors, invalidBlocks: this.invalidBlocks, opens: this.opens, openErrors: this.openErrors, delivered: Object.fromEntries(this.delivered) };
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
  invalidBlocks: number;
  /** conversations.open calls, and how many of them failed with a 500. */
  opens: number;
  openErrors: number;
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

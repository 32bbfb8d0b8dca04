import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** Milliseconds since the fake started, to show a retry waited. */
  at: number;
  status: number;
}

/**
 * A local fake of the Slack Web API (plus response_url and the file upload URL). It records every call
 * and answers like Slack; `rateLimitNext` makes the next call of a method answer 429 with Retry-After,
 * `failNext` another status.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** users.info answers: user id -> tz (absent: no tz field, as Slack does for some users). */
  readonly zones = new Map<string, string>();
  private readonly rateLimited = new Map<string, number>();
  private readonly failing = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  private server: Server | undefined;
  /** performance.now() when the fake was created; `at` of each call counts from here. */
  readonly started = performance.now();
  private uploadCount = 0;
  url = '';
  /** The WebSocket URL apps.connections.open hands out (Socket Mode tests set it). */
  socketUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.rateLimited.set(method, retryAfterSeconds);
  }

  /** The next call of `method` answers this HTTP status (a 500, say) instead of its usual answer. */
  failNext(method: string, status: number): void {
    this.failing.set(method, status);
  }

  /** Successful calls of one method, in order. */
  ok(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Calls other than the start-up auth.test and the users.info look-ups. */
  effects(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'users.info');
  }

  /** Resolves once `count` successful calls of `method` were recorded (the adapter works after its ack). */
  async waitFor(method: string, count = 1): Promise<RecordedCall[]> {
    await this.until(() => this.ok(method).length >= count);
    return this.ok(method);
  }

  /** Resolves once the recorded calls satisfy the condition (checked at every new call). */
  async until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of this.waiters.splice(0)) w();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '').split('?')[0]!;
    const at = performance.now() - this.started;
    if (path.startsWith('/upload/')) {
      this.record({ method: 'upload', args: { file: path.slice('/upload/'.length), bytes: raw.length, body: raw.toString('utf8') }, at, status: 200 });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    if (path.startsWith('/response/')) {
      this.record({ method: 'response_url', args: { id: path.slice('/response/'.length), ...(JSON.parse(raw.toString('utf8')) as Record<string, unknown>) }, at, status: 200 });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(req.headers['content-type'] ?? '', raw.toString('utf8'));
    const wait = this.rateLimited.get(method);
    if (wait !== undefined) {
      this.rateLimited.delete(method);
      this.record({ method, args, at, status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(wait) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const status = this.failing.get(method);
    if (status !== undefined) {
      this.failing.delete(method);
      this.record({ method, args, at, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'internal_error' }));
      return;
    }
    const body = this.answer(method, args);
    this.record({ method, args, at, status: 200 });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'attune', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const id = String(args.user);
        const tz = this.zones.get(id);
        return { ok: true, user: { id, team_id: 'T1', name: id.toLowerCase(), real_name: `Person ${id}`, profile: { display_name: '' }, ...(tz ? { tz, tz_label: tz, tz_offset: 0 } : {}) } };
      }
      case 'conversations.open': {
        const users = String(args.users).split(',');
        return { ok: true, channel: { id: users.length > 1 ? `G${users.join('')}` : `D${users[0]}` } };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000000.${String(this.calls.length).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.000001' };
      case 'views.open':
        return { ok: true, view: { id: 'VMODAL1', hash: 'h1' } };
      case 'views.publish':
        return { ok: true, view: { id: 'VHOME1' } };
      case 'files.getUploadURLExternal':
        this.uploadCount++;
        return { ok: true, upload_url: `${this.url}/upload/F${this.uploadCount}`, file_id: `F${this.uploadCount}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'file' }] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseArgs(contentType: string, body: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return out;
}

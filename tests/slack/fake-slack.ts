import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { messageProblems, PerMinuteLimiter, RESPONSE_URL_MS, RESPONSE_URL_USES, TRIGGER_MS, viewProblems } from './slack-api-rules.js';

export { PER_MINUTE, RESPONSE_URL_MS, RESPONSE_URL_USES, TRIGGER_MS } from './slack-api-rules.js';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** Milliseconds since the fake started, to show a retry waited. */
  at: number;
  status: number;
}


/**
 * A local fake of the Slack Web API (plus response_url and the file upload URL), as strict as Slack:
 * it refuses Block Kit over Slack's limits (invalid_blocks), trigger_ids that are unknown, older than
 * 3 s or used (views.open/push), response_urls past 30 minutes or 5 posts, and rate-limits
 * conversations.open and users.info. Time is its own: real time plus `advance(ms)`.
 * `rateLimitNext` makes the next call of a method answer 429 with Retry-After, `failNext` another status.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** users.info answers: user id -> tz (absent: no tz field, as Slack does for some users). */
  readonly zones = new Map<string, string>();
  /** users.info real names: user id -> name (default `Person <id>`). */
  readonly names = new Map<string, string>();
  private readonly rateLimited = new Map<string, number>();
  private readonly failing = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  private server: Server | undefined;
  /** performance.now() when the fake was created; `at` of each call counts from here. */
  readonly started = performance.now();
  private uploadCount = 0;
  private offset = 0;
  private readonly triggers = new Map<string, { issued: number; used: boolean }>();
  private readonly responseUrls = new Map<string, { issued: number; uses: number }>();
  private readonly tiers = new PerMinuteLimiter();
  private triggerCount = 0;
  /** Views opened (views.open), which views.update may change. */
  private readonly views = new Set<string>();
  url = '';
  /** The WebSocket URL apps.connections.open hands out (Socket Mode tests set it). */
  socketUrl = '';
  private wss: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  /** Socket Mode connections opened so far (each starts with Slack's hello). */
  socketConnections = 0;
  /** Envelope ids the app acknowledged over the socket. */
  readonly socketAcks: string[] = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves Socket Mode: apps.connections.open hands out this server's URL; each connection gets a hello. */
  async startSocketMode(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.socketUrl = `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link`;
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      this.socketConnections++;
      ws.on('message', (data: Buffer) => {
        this.socketAcks.push(String((JSON.parse(data.toString('utf8')) as { envelope_id: string }).envelope_id));
        for (const w of this.waiters.splice(0)) w();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Sends an envelope over the current Socket Mode connection, as Slack does (retry > 0 for a redelivery). */
  envelope(id: string, type: string, payload: Record<string, unknown>, retry = 0): void {
    if (!this.socket) throw new Error('no Socket Mode connection');
    this.socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: retry, retry_reason: retry ? 'timeout' : '' }));
  }

  /**
   * Drops the Socket Mode connection: with `warning`, as Slack does before a refresh (a disconnect
   * message, then close); without, as a network fault does (the socket just dies).
   */
  dropSocket(opts: { warning?: boolean } = {}): void {
    const ws = this.socket;
    this.socket = undefined;
    if (!ws) return;
    if (opts.warning) {
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
      ws.close();
    } else ws.terminate();
  }

  /** Resolves once the app acknowledged this envelope. */
  async acked(id: string): Promise<void> {
    await this.until(() => this.socketAcks.includes(id));
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** The fake's clock in ms: real time since start, plus whatever `advance` added. */
  now(): number {
    return performance.now() - this.started + this.offset;
  }

  /** Moves the fake's clock on (trigger and response_url expiry, rate-limit windows). */
  advance(ms: number): void {
    this.offset += ms;
  }

  /** Issues a trigger_id as Slack does with an interaction: valid 3 s, for one view. */
  trigger(id = `${++this.triggerCount}.trigger.${Math.random().toString(36).slice(2, 8)}`): string {
    this.triggers.set(id, { issued: this.now(), used: false });
    return id;
  }

  /** Issues (or names again) a response_url: 30 minutes, 5 posts. */
  responseUrl(id: string): string {
    if (!this.responseUrls.has(id)) this.responseUrls.set(id, { issued: this.now(), uses: 0 });
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
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.args.error === undefined);
  }

  /** Calls Slack refused (an error answer or status), in order. */
  refused(method?: string): RecordedCall[] {
    return this.calls.filter((c) => (!method || c.method === method) && (c.status !== 200 || c.args.error !== undefined));
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

  /**
   * Resolves once `count` forms were shown in modals, and returns those calls: a modal opened with the
   * form (views.open), or a placeholder the form then filled (views.update).
   */
  async waitForForm(count = 1): Promise<RecordedCall[]> {
    const forms = () => this.calls.filter((c) => /^views\.(open|update|push)$/.test(c.method) && c.status === 200 && c.args.error === undefined && viewOf(c).callback_id === 'attune_form');
    await this.until(() => forms().length >= count);
    return forms();
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
      const id = decodeURIComponent(path.slice('/response/'.length));
      const args = { id, ...(JSON.parse(raw.toString('utf8')) as Record<string, unknown>) };
      const url = this.responseUrls.get(id);
      const error = !url ? 'invalid_url' : this.now() - url.issued > RESPONSE_URL_MS ? 'expired_url' : url.uses >= RESPONSE_URL_USES ? 'used_url' : messageProblems(args).length ? 'invalid_blocks' : undefined;
      const status = error === 'invalid_blocks' ? 400 : error ? 404 : 200;
      if (url && !error) url.uses++;
      this.record({ method: 'response_url', args: error ? { ...args, error, problems: messageProblems(args) } : args, at, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(error ?? 'ok');
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
    const tier = this.tiers.take(method, this.now());
    if (!tier.ok) {
      this.record({ method, args, at, status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(tier.retryAfterSeconds) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const refused = this.refusal(method, args);
    if (refused) {
      this.record({ method, args: { ...args, error: refused.error, problems: refused.problems ?? [] }, at, status: 200 });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, ...refused }));
      return;
    }
    const body = this.answer(method, args);
    this.record({ method, args, at, status: 200 });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  /** Slack's refusals, before any effect: a bad trigger_id or Block Kit past its limits. */
  private refusal(method: string, args: Record<string, unknown>): { error: string; problems?: string[] } | undefined {
    if (method === 'views.open' || method === 'views.push') {
      const trigger = this.triggers.get(String(args.trigger_id));
      if (!trigger) return { error: 'invalid_trigger_id' };
      if (trigger.used) return { error: 'exchanged_trigger_id' };
      if (this.now() - trigger.issued > TRIGGER_MS) return { error: 'expired_trigger_id' };
      trigger.used = true;
    }
    if (method === 'views.update' && !this.views.has(String(args.view_id))) return { error: 'not_found' };
    if (method.startsWith('views.')) {
      const problems = viewProblems(typeof args.view === 'string' ? JSON.parse(args.view) : args.view);
      if (problems.length) return { error: 'invalid_arguments', problems };
    }
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
      // In this fake every DM channel is D<user id> (what conversations.open returns); Slack refuses a
      // channel it does not know, e.g. one kept from before the app was reinstalled.
      if (/^D/.test(String(args.channel)) && !/^D[UW][A-Z0-9]*$/.test(String(args.channel))) return { error: 'channel_not_found' };
      const problems = messageProblems(args);
      if (problems.length) return { error: 'invalid_blocks', problems };
    }
    return undefined;
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
        return { ok: true, user: { id, team_id: 'T1', name: id.toLowerCase(), real_name: this.names.get(id) ?? `Person ${id}`, profile: { display_name: '' }, ...(tz ? { tz, tz_label: tz, tz_offset: 0 } : {}) } };
      }
      case 'conversations.open': {
        const users = String(args.users).split(',');
        return { ok: true, channel: { id: users.length > 1 ? `G${users.join('')}` : `D${users[0]}` } };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000000.${String(this.calls.length).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.000001' };
      case 'views.open': {
        const id = `VMODAL${this.views.size + 1}`;
        this.views.add(id);
        return { ok: true, view: { id, hash: 'h1' } };
      }
      case 'views.update':
        return { ok: true, view: { id: args.view_id, hash: 'h2' } };
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

function viewOf(call: RecordedCall): { callback_id?: string } {
  const view = call.args.view;
  return (typeof view === 'string' ? JSON.parse(view) : (view ?? {})) as { callback_id?: string };
}

function parseArgs(contentType: string, body: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return out;
}

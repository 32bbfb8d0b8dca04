import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { commandProblems, invocationProblems } from './command-rules.js';
import { messageProblems, modalProblems } from './discord-rules.js';

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
export const BOT_TOKEN = 'fake-bot-token.NOT-A-REAL-ONE.abc123';

/** One REST request as the fake received it: path URL-decoded and without /api/v10, body parsed. */
export interface Call {
  method: string;
  path: string;
  query: string;
  authorization: string | undefined;
  json: unknown;
  files: Array<{ field: string; name: string; type: string; text: string }>;
  at: number;
  /** The status the fake answered. */
  status?: number;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a call instead of the defaults; return undefined to let the next one (or the defaults) answer. */
export type Responder = (call: Call) => FakeResponse | undefined;

/** An interaction must be answered within 3 s; its token then serves follow-ups for 15 minutes. */
export const ACK_MS = 3000;
export const TOKEN_MS = 15 * 60_000;

/**
 * A local stand-in for Discord: the REST API (recording every call) and the gateway (HELLO, IDENTIFY,
 * READY, heartbeats, then whatever the test dispatches), on 127.0.0.1. As strict as Discord: an
 * interaction answered past 3 s gets 10062, one answered twice 40060, and a message or modal over
 * Discord's limits 50035 (checked with discord.js's own builders). Its clock is real time plus `advance`.
 */
export class FakeDiscord {
  readonly calls: Call[] = [];
  readonly identifies: Array<{ token: string; intents: number }> = [];
  /** RESUMEs received (op 6): the session and the last sequence number the client had seen. */
  readonly resumes: Array<{ sessionId: string; seq: number }> = [];
  /** Every dispatch sent (or due while no client was connected), for replay on RESUME. */
  private readonly sent: Array<{ s: number; packet: string; token?: string }> = [];
  heartbeats = 0;
  private readonly responders: Responder[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: Array<() => void> = [];
  private seq = 0;
  private messageId = 0;
  private offset = 0;
  private readonly interactions = new Map<string, { issued: number; acked: boolean }>();
  /** The commands last registered (PUT .../commands), which a person's invocation must fit. */
  private registered: Array<Record<string, unknown>> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, wss);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (socket) => fake.onSocket(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base for discord.js's `rest.api` option. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  respond(responder: Responder): void {
    this.responders.push(responder);
  }

  /** The fake's clock in ms: real time plus whatever `advance` added. */
  now(): number {
    return performance.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  /** Sends a gateway dispatch (op 0) to every connected client; an interaction's 3 s start now. */
  dispatch(t: string, d: unknown): void {
    const token = t === 'INTERACTION_CREATE' ? String((d as { token: string }).token) : undefined;
    // An interaction's 3 s run from its delivery: one held during an outage starts when it is replayed,
    // so the fake judges the bot's answer, not how long the reconnect took on a busy machine.
    if (token && (this.sockets.size || this.identifies.length === 0)) this.interactions.set(token, { issued: this.now(), acked: false });
    const s = ++this.seq;
    const packet = JSON.stringify({ op: 0, t, s, d });
    // While no client is connected, Discord keeps the session's events for a resume.
    this.sent.push({ s, packet, ...(token ? { token } : {}) });
    for (const socket of this.sockets) socket.send(packet);
  }

  /** Drops the gateway connection as a network fault or Discord restart does (close 4000: resumable). */
  drop(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'fake drop');
    this.sockets.clear();
  }

  /** Asks the client to reconnect and resume (op 7 RECONNECT), as Discord does before moving a session. */
  requestReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /** Resolves once a client has sent RESUME `count` times and been sent RESUMED. */
  async waitForResume(count = 1): Promise<void> {
    while (this.resumes.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Connected gateway clients now. */
  get connections(): number {
    return this.sockets.size;
  }

  /**
   * A person uses a registered command, as Discord's client sends it to Discord: values that break an
   * option's registered limits (max_length, min/max, choices, required) are refused with 50035 and the
   * bot never sees them; anything else reaches the bot as INTERACTION_CREATE.
   */
  invoke(payload: { data: Record<string, unknown> }): { status: 204 } | { status: 400; code: 50035; problems: string[] } {
    if (!this.registered) throw new Error('no commands registered: deploy them to the fake first');
    const problems = invocationProblems(this.registered, payload.data);
    if (problems.length) return { status: 400, code: 50035, problems };
    this.dispatch('INTERACTION_CREATE', payload);
    return { status: 204 };
  }

  /** Resolves when `count` calls match; the calls are returned in arrival order. */
  async waitForCalls(match: (c: Call) => boolean, count = 1): Promise<Call[]> {
    for (;;) {
      const found = this.calls.filter(match);
      if (found.length >= count) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves once a client has identified (and been sent READY). */
  async waitForIdentify(): Promise<void> {
    while (this.identifies.length === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 1000 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: { token: string; intents: number; session_id?: string; seq?: number } };
      if (packet.op === 1) {
        this.heartbeats++;
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (packet.op === 2) {
        this.identifies.push({ token: packet.d.token, intents: packet.d.intents });
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: this.readyPayload() }));
        for (const wake of this.waiters.splice(0)) wake();
      } else if (packet.op === 6) {
        // RESUME: replay what the client missed after its last sequence number, then RESUMED.
        const seq = Number(packet.d.seq ?? 0);
        this.resumes.push({ sessionId: String(packet.d.session_id), seq });
        for (const missed of this.sent.filter((p) => p.s > seq)) {
          if (missed.token && !this.interactions.has(missed.token)) this.interactions.set(missed.token, { issued: this.now(), acked: false });
          socket.send(missed.packet);
        }
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
        for (const wake of this.waiters.splice(0)) wake();
      }
    });
  }

  private readyPayload() {
    return {
      v: 10,
      user: { id: BOT_ID, username: 'Attune', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0 },
      guilds: [],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
      private_channels: [],
      relationships: [],
      user_settings: {},
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: Call = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.search,
      authorization: req.headers.authorization,
      json: undefined,
      files: [],
      at: performance.now(),
    };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/json') && raw.length) call.json = JSON.parse(raw.toString('utf8'));
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      for (const [field, value] of form.entries()) {
        if (field === 'payload_json') call.json = JSON.parse(String(value));
        else if (typeof value !== 'string') call.files.push({ field, name: value.name, type: value.type, text: await value.text() });
      }
    }
    this.calls.push(call);
    const answer = this.responders.reduce<FakeResponse | undefined>((found, r) => found ?? r(call), undefined) ?? this.refusal(call) ?? this.defaults(call);
    call.status = answer.status;
    if (answer.body === undefined) {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
    } else {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Discord's refusals: late or repeated interaction answers, expired tokens, bodies over the limits. */
  private refusal(call: Call): FakeResponse | undefined {
    const { method, path } = call;
    const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && callback) {
      const interaction = this.interactions.get(callback[1]!);
      if (!interaction || this.now() - interaction.issued > ACK_MS) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      if (interaction.acked) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      const body = (call.json ?? {}) as { type?: number; data?: unknown };
      const problems = body.type === 9 ? modalProblems(body.data) : body.type === 4 || body.type === 7 ? messageProblems(withFiles(body.data, call)) : [];
      if (problems.length) return invalidFormBody(problems);
      interaction.acked = true;
      return undefined;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook && (method === 'POST' || method === 'PATCH')) {
      const interaction = this.interactions.get(webhook[1]!);
      if (interaction && this.now() - interaction.issued > TOKEN_MS) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      const problems = messageProblems(withFiles(call.json, call));
      if (problems.length) return invalidFormBody(problems);
    }
    if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) {
      const problems = messageProblems(withFiles(call.json, call));
      if (problems.length) return invalidFormBody(problems);
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const problems = commandProblems(call.json);
      if (problems.length) return invalidFormBody(problems);
      this.registered = call.json as Array<Record<string, unknown>>;
    }
    return undefined;
  }

  private defaults(call: Call): FakeResponse {
    const { method, path } = call;
    const body = (call.json ?? {}) as { content?: string; embeds?: unknown[]; flags?: number; recipient_id?: string };
    if (method === 'GET' && path === '/gateway/bot') {
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return { status: 200, body: this.message(CHANNEL_ID, body) };
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: this.message(CHANNEL_ID, body) };
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = { id: body.recipient_id, username: `user${body.recipient_id}`, discriminator: '0', global_name: null, avatar: null };
      return { status: 200, body: { id: dmChannelId(body.recipient_id ?? ''), type: 1, last_message_id: null, recipients: [recipient] } };
    }
    if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) return { status: 200, body: this.message(path.split('/')[2]!, body) };
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return { status: 200, body: (call.json as Array<Record<string, unknown>>).map((c, i) => ({ id: String(700000000000000000 + i), application_id: APP_ID, version: '1', ...c })) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private message(channelId: string, body: { content?: string; embeds?: unknown[]; flags?: number }) {
    return {
      id: String(600000000000000000n + BigInt(++this.messageId)),
      channel_id: channelId,
      type: 0,
      content: body.content ?? '',
      author: { id: BOT_ID, username: 'Attune', discriminator: '0000', global_name: null, avatar: null, bot: true },
      timestamp: '2026-03-02T10:00:00.000000+00:00',
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: body.flags ?? 0,
    };
  }
}

function invalidFormBody(problems: string[]): FakeResponse {
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_INVALID', message })) } } };
}

/** A message body with its uploaded files counted as attachments (a file-only message is not empty). */
function withFiles(body: unknown, call: Call): unknown {
  const b = (body ?? {}) as Record<string, unknown>;
  return call.files.length ? { ...b, attachments: call.files } : b;
}

/** The DM channel the fake opens with a user. */
export const dmChannelId = (userId: string): string => `4${userId.slice(1)}`;

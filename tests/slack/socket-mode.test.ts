import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { FakeSlack } from './fake-slack.js';

let app: TestApp;
let fake: FakeSlack;
let wss: WebSocketServer;
let adapter: SlackAdapter;
let socket: WebSocket;
const acks: string[] = [];

beforeEach(async () => {
  app = await makeTestApp();
  fake = new FakeSlack();
  await fake.start();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  const connected = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (ws) => {
      ws.on('message', (data: Buffer) => acks.push(String((JSON.parse(data.toString('utf8')) as { envelope_id: string }).envelope_id)));
      // Slack opens every Socket Mode connection with a hello.
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
      resolve(ws);
    }),
  );
  adapter = new SlackAdapter({ app, slack: { botToken: 'xoxb-fake', appToken: 'xapp-test-token', apiUrl: fake.apiUrl }, port: 0 });
  await adapter.start();
  socket = await connected;
});

afterEach(async () => {
  await adapter.stop();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await fake.stop();
  await app.cleanup();
  acks.length = 0;
});

function envelope(id: string, type: string, payload: Record<string, unknown>, retry = 0): void {
  socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: retry, retry_reason: retry ? 'timeout' : '' }));
}

async function acked(id: string): Promise<void> {
  while (!acks.includes(id)) await new Promise((resolve) => setImmediate(resolve));
}

it('in Socket Mode, acks a slash command over the socket and replies through the same code path', async () => {
  envelope('env-1', 'slash_commands', {
    token: 'unused', team_id: 'T1', team_domain: 'test', channel_id: 'C1', channel_name: 'general', user_id: 'U1', user_name: 'u1',
    command: '/attune', text: 'reflect Socket Mode works for me.', api_app_id: 'A1', is_enterprise_install: 'false',
    response_url: fake.responseUrl('socket'), trigger_id: 'trig-socket',
  });
  await acked('env-1');
  const [reply] = await fake.waitFor('response_url');
  expect(reply!.args).toMatchObject({ id: 'socket', response_type: 'ephemeral', text: expect.stringMatching(/^Saved \(/) });
  const stored = await app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
  expect(stored.map((r) => r.answer)).toEqual(['Socket Mode works for me.']);
});

it('in Socket Mode, a redelivered event is handled once', async () => {
  const event = { token: 'unused', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvSock1', event_time: 1772445600, event: { type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1772445600.000100' } };
  envelope('env-2', 'events_api', event);
  envelope('env-3', 'events_api', event, 1);
  await acked('env-2');
  await acked('env-3');
  envelope('env-4', 'events_api', { ...event, event_id: 'EvSock2', event: { ...event.event, user: 'U2' } });
  await fake.until(() => fake.ok('views.publish').some((c) => c.args.user_id === 'U2'));
  expect(fake.ok('views.publish').map((c) => c.args.user_id).sort()).toEqual(['U1', 'U2']);
});

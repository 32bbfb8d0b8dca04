import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { FakeSlack } from './fake-slack.js';

let app: TestApp;
let fake: FakeSlack;
let adapter: SlackAdapter;

beforeEach(async () => {
  app = await makeTestApp();
  fake = new FakeSlack();
  await fake.start();
  await fake.startSocketMode();
  adapter = new SlackAdapter({ app, slack: { botToken: 'xoxb-fake', appToken: 'xapp-test-token', apiUrl: fake.apiUrl }, port: 0 });
  await adapter.start();
  await fake.until(() => fake.socketConnections === 1);
});

afterEach(async () => {
  await adapter.stop();
  await fake.stop();
  await app.cleanup();
});

const homeOpened = (eventId: string, user: string) => ({
  token: 'unused', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: 1772445600,
  event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1772445600.000100' },
});

const published = (user: string) => fake.ok('views.publish').filter((c) => c.args.user_id === user).length;

describe('Slack Socket Mode drops and reconnects', () => {
  for (const warning of [false, true]) {
    it(`after a ${warning ? 'refresh (disconnect message)' : 'network drop'} it reconnects, keeps receiving, and handles a redelivered event once`, { timeout: 60_000 }, async () => {
      fake.envelope('env-1', 'events_api', homeOpened('EvA', 'U1'));
      await fake.acked('env-1');
      await fake.until(() => published('U1') === 1);
      fake.dropSocket({ warning });
      await fake.until(() => fake.socketConnections === 2);
      // Slack never saw the ack of env-1 arrive, say, and redelivers the event on the new connection.
      fake.envelope('env-2', 'events_api', homeOpened('EvA', 'U1'), 1);
      fake.envelope('env-3', 'events_api', homeOpened('EvB', 'U2'));
      await fake.acked('env-2');
      await fake.acked('env-3');
      await fake.until(() => published('U2') === 1);
      expect(fake.ok('apps.connections.open')).toHaveLength(2);
      expect(published('U1')).toBe(1);
      expect(adapter.connected()).toBe(true);
    });
  }
});

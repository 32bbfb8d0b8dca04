import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, describePg, type TestDatabase } from '../helpers/pg-database.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { eventBody, postSigned, SIGNING_SECRET } from '../slack/slack-requests.js';

await describePg('Slack HTTP mode behind two replicas on one database', (adminUrl) => {
  let db: TestDatabase | undefined;
  const apps: TestApp[] = [];
  const adapters: SlackAdapter[] = [];
  let fake: FakeSlack | undefined;

  afterEach(async () => {
    for (const a of adapters.splice(0)) await a.stop();
    for (const a of apps.splice(0)) await a.cleanup();
    await fake?.stop();
    await db?.drop();
  });

  it('given an event answered by one replica and its retry landing on the other, the reflection is stored once and answered once', async () => {
    db = await createTestDatabase(adminUrl, 'slackhttp');
    fake = new FakeSlack();
    await fake.start();
    for (let i = 0; i < 2; i++) {
      const app = await makeTestApp({ config: { databaseUrl: db.url } });
      apps.push(app);
      const adapter = new SlackAdapter({ app, slack: { botToken: 'xoxb-fake', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl }, port: 0 });
      await adapter.start();
      adapters.push(adapter);
    }
    const dm = { type: 'message', channel: 'DU1', user: 'U1', text: 'I paused before answering today.', ts: '1772445600.000100', event_ts: '1772445600.000100', channel_type: 'im', client_msg_id: randomUUID() };
    const body = eventBody(dm, 'EvReplica1');
    await postSigned(adapters[0]!.port!, body, 'application/json');
    await postSigned(adapters[1]!.port!, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await fake.waitFor('chat.postMessage');
    // A later, different event through the second replica proves the retry was finished with, not merely slow.
    await postSigned(adapters[1]!.port!, eventBody({ ...dm, text: 'And a second thought.', client_msg_id: randomUUID() }, 'EvReplica2'), 'application/json');
    await fake.waitFor('chat.postMessage', 2);
    const stored = await apps[1]!.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['I paused before answering today.']);
    expect(fake.ok('chat.postMessage')).toHaveLength(2);
  });
});

import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { blockActionsPayload, interactionBody, postSigned, slashCommandBody } from './slack-requests.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
});

it('logs a refused payload and an unknown action id in one line each, with no token, secret or answer', async () => {
  let logs = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString('utf8');
      done();
    },
  });
  h = await startSlack({ log: createLogger('info', sink) });
  const bad = slashCommandBody({ text: 'reflect my secret answer', triggerId: '', responseUrl: h.fake.responseUrl('bad') });
  await postSigned(h.port, bad, 'application/x-www-form-urlencoded');
  await h.fake.waitFor('response_url');
  await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'old_button', value: 'my secret answer', actionTs: '1772445609.000900', responseUrl: h.fake.responseUrl('old') })), 'application/x-www-form-urlencoded');
  await h.fake.waitFor('response_url', 2);

  const lines = logs.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const refused = lines.filter((l) => l.msg === 'slack payload refused');
  expect(refused.map((l) => l.reason)).toEqual(['slash command failed validation', 'unknown action id']);
  expect(refused[0]).toMatchObject({ level: 40, component: 'slack', field: 'trigger_id' });
  expect(logs).not.toContain('xoxb-fake');
  expect(logs).not.toContain('test-signing-secret');
  expect(logs).not.toContain('my secret answer');
  expect(h.fake.ok('response_url').map((c) => c.args.text)).toEqual([h.app.content.copy('slack.badPayload'), h.app.content.copy('error.unknownAction')]);
  expect((await h.app.store.people.list())).toEqual([]);
});

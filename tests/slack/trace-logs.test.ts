import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { eventBody, postSigned, slashCommandBody } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
});

it('at trace level, no log line holds what a person typed or what Attune replied with it', async () => {
  let logs = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString('utf8');
      done();
    },
  });
  h = await startSlack({ log: createLogger('trace', sink) });
  const planted = { reflection: 'PLANTED-REFLECTION-kq7', note: 'PLANTED-NOTE-zx4', dm: 'PLANTED-DM-mw2' };
  await postSigned(h.port, slashCommandBody({ text: `reflect I snapped at a caller ${planted.reflection}`, triggerId: 't-1', responseUrl: h.fake.responseUrl('r1') }), FORM);
  await h.fake.waitFor('response_url');
  await postSigned(h.port, slashCommandBody({ text: `checkin 2 2 4 ${planted.note}`, triggerId: 't-2', responseUrl: h.fake.responseUrl('r2') }), FORM);
  await h.fake.waitFor('response_url', 2);
  await postSigned(h.port, slashCommandBody({ text: 'history', triggerId: 't-3', responseUrl: h.fake.responseUrl('r3') }), FORM);
  await h.fake.waitFor('response_url', 3);
  // A DM reply: Bolt logs whole event bodies at debug, and Attune answers by chat.postMessage, whose
  // request body the Web API client logs at debug too.
  const dm = { type: 'message', channel: 'DU1', user: 'U1', text: `I keep thinking about it ${planted.dm}`, ts: '1772445600.000100', event_ts: '1772445600.000100', channel_type: 'im', client_msg_id: randomUUID() };
  await postSigned(h.port, eventBody(dm, 'EvTrace1'), 'application/json');
  await h.fake.waitFor('chat.postMessage');

  // The replies really carried the planted text (so the logs had the chance to leak it).
  const replied = JSON.stringify([...h.fake.ok('response_url'), ...h.fake.ok('chat.postMessage')].map((c) => c.args));
  expect(replied).toContain(planted.reflection);
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).toContain('"level":20');
  for (const text of Object.values(planted)) expect(logs).not.toContain(text);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/invocation.js';
import { makeTestApp, shellActor, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

/** The welcome's zone picker, if the message has one. */
function zonePicker(personId: string) {
  const sent = app.outbox.sent.find((s) => s.to.includes(personId));
  return sent?.reply.blocks.find((b) => b.type === 'choice' && b.id === 'tz');
}

async function addAs(actor: Actor, who: string): Promise<void> {
  await app.dispatcher.dispatch({ kind: 'command', actor, text: 'team create Care' });
  await app.dispatcher.dispatch({ kind: 'command', actor, text: `team add care ${who}` });
}

describe('the team welcome asks for a time zone by what the platform declares, not by its name', () => {
  it('a platform that declares it knows nobody\'s zone gets the picker in the welcome', async () => {
    await addAs({ ...shellActor('me'), traits: { asksTimeZone: true, namesAreAddresses: true } }, 'bob');
    expect(zonePicker('shell:bob')).toBeDefined();
  });

  it('a platform that reports zones (or has the local default) does not', async () => {
    await addAs(shellActor('me'), 'bob');
    expect(app.outbox.sent.some((s) => s.to.includes('shell:bob'))).toBe(true);
    expect(zonePicker('shell:bob')).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/shell/render.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'sam', 'history');
});
afterEach(async () => {
  await app.cleanup();
});

describe('thanks through the shell', () => {
  it('delivers a private thank-you to the person by the outbox and confirms to the sender', async () => {
    const out = await typeIntoShell(app, ['thanks @sam for taking the angry caller when I needed a minute'], 'kim');
    expect(out).toContain('Sent to sam, privately: only they see what you wrote, and there is no leaderboard.');
    expect(app.outbox.sent).toHaveLength(1);
    expect(app.outbox.sent[0]!.to).toEqual(['shell:sam']);
    const dm = renderReply(app.outbox.sent[0]!.reply).text;
    expect(dm).toContain('A thank-you from kim');
    expect(dm).toContain('> for taking the angry caller when I needed a minute');
    expect(dm).toContain('There is no leaderboard');
    expect(await app.store.practice.thanks.list({ from: 'shell:kim' })).toEqual([
      expect.objectContaining({ from: 'shell:kim', to: 'shell:sam', text: 'for taking the angry caller when I needed a minute', at: '2026-03-02T10:00:00.000Z', localDate: '2026-03-02' }),
    ]);
    // The recipient's export holds only when: the words are the sender's and live in the recipient's DM.
    expect((await app.store.privacy.exportPerson('shell:sam'))!.practice).toMatchObject({ thanksReceived: [{ at: '2026-03-02T10:00:00.000Z', localDate: '2026-03-02' }], thanksSent: [] });
    expect(await typeIntoShell(app, ['history'], 'sam')).toContain('Thank-yous: 0 sent, 1 received.');
  });

  it('refuses thanking oneself, an unknown person, no name, empty and overlong text, with clear messages, sending and storing nothing', async () => {
    const copy = app.content.copy;
    await run(app, 'kim', 'history');
    expect((await run(app, 'kim', 'thanks kim for being great')).text).toBe(copy('thanks.self'));
    expect((await run(app, 'kim', 'thanks zed for the help')).text).toBe(copy('thanks.unknown', { name: 'zed' }));
    expect((await run(app, 'kim', 'thanks')).text).toBe(`${copy('thanks.noPerson')}\nUsage: /attune thanks @name <what they did>\nExample: thanks @sam for taking over the angry caller when I needed a minute`);
    expect((await run(app, 'kim', 'thanks sam')).text).toContain(copy('thanks.empty', { name: 'sam' }));
    expect((await run(app, 'kim', `thanks sam ${'x'.repeat(501)}`)).text).toBe('Your thank-you is 501 characters; the limit is 500. Nothing was sent: shorten it and send it again.');
    expect(app.outbox.sent).toEqual([]);
    expect(await app.store.practice.thanks.list()).toEqual([]);
    expect(await app.store.practice.people.list()).toEqual([]);
  });

  it('a retried event with the same key sends and stores one thank-you', async () => {
    const actor = { id: 'shell:kim', platform: 'shell' as const, workspace: 'shell', displayName: 'kim' };
    for (let i = 0; i < 2; i++) await app.dispatcher.dispatch({ kind: 'command', actor, text: 'thanks sam for the cover', idempotencyKey: 'evt-1' });
    expect(app.outbox.sent).toHaveLength(1);
    expect(await app.store.practice.thanks.list({ to: 'shell:sam' })).toHaveLength(1);
  });
});

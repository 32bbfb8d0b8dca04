import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { afterCheckInHooks } from '../../src/features/checkin-hooks.js';
import { text } from '../../src/core/reply.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const TODAY = { from: '2026-03-02', to: '2026-03-02' };
const ALL = { from: '2026-01-01', to: '2026-12-31' };
const BANNER = 'Attune shell. You are "alice". Type help for commands, \\help for shell commands, \\quit to leave.\n';
const USAGE = 'Usage: /attune checkin [mood energy stress] [--share] [note]\nExample: checkin 4 3 2 long day, good team';

describe('checkin quick path through the shell', () => {
  it('stores mood, energy, stress and a private note, and confirms with the scale words', async () => {
    const out = await typeIntoShell(app, ['checkin 4 3 2 long day, good team'], 'alice');
    expect(out).toBe(
      BANNER + 'Checked in: mood 4 (good), energy 3 (steady), stress 2 (relaxed). Thank you.\nYour note is private: only you can read it.\n',
    );
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toMatchObject({ mood: 4, energy: 3, stress: 2, note: 'long day, good team', shareNote: false, teams: [], custom: {}, localDate: '2026-03-02' });
  });

  it('takes three numbers with no note', async () => {
    // Calm numbers, so no nudge is offered after it.
    const out = await typeIntoShell(app, ['checkin 3 5 1'], 'alice');
    expect(out).toBe(BANNER + 'Checked in: mood 3 (okay), energy 5 (charged), stress 1 (calm). Thank you.\n');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored!.note).toBeUndefined();
  });

  it('shares the note with the lead only when it starts with --share', async () => {
    await run(app, 'me', 'team create Care');
    await run(app, 'me', 'team add care alice');
    await run(app, 'me', 'team lead care maya');
    const out = await typeIntoShell(app, ['checkin 2 2 4 --share the release is wearing me down'], 'alice');
    expect(out).toContain('You chose to share your note: your lead will see it with your name.');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toMatchObject({ note: 'the release is wearing me down', shareNote: true, teams: ['shell/care'] });
  });

  it('records the teams the person is a current member of when they answer', async () => {
    await run(app, 'me', 'team create Care');
    await run(app, 'me', 'team create Ops');
    await run(app, 'me', 'team create Sales');
    await run(app, 'me', 'team add care alice');
    await run(app, 'me', 'team add ops alice');
    await run(app, 'me', 'team add sales alice');
    await run(app, 'me', 'team remove sales alice');
    await run(app, 'alice', 'checkin 3 3 3');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored!.teams).toEqual(['shell/care', 'shell/ops']);
  });
});

describe('checkin form through the shell', () => {
  it('asks the three scales with their words, the note and the share choice, line by line', async () => {
    const out = await typeIntoShell(app, ['checkin', '4', '2', '3', 'busy but fine', ''], 'alice');
    expect(out).toBe(
      BANNER +
        [
          'Check in',
          '--------',
          'Three quick numbers and a note if you like. Leads only ever see team totals, never your answers.',
          "Today's check-in (5 questions; type \\cancel to stop):",
          'How is your mood right now?',
          '  1) rough',
          '  2) low',
          '  3) okay',
          '  4) good',
          '  5) great',
          'Type 1-5:',
          'How much energy do you have?',
          '  1) drained',
          '  2) tired',
          '  3) steady',
          '  4) lively',
          '  5) charged',
          'Type 1-5:',
          'How stressed do you feel?',
          '  1) calm',
          '  2) relaxed',
          '  3) some pressure',
          '  4) stretched',
          '  5) overwhelmed',
          'Type 1-5:',
          'A note (optional, press Enter to skip) [up to 1000 characters]:',
          'Who may read your note? (optional)',
          '  1) Only me (private)',
          '  2) My lead, with my name',
          'Type 1-2:',
          'Checked in: mood 4 (good), energy 2 (tired), stress 3 (some pressure). Thank you.',
          'Your note is private: only you can read it.',
          '',
        ].join('\n'),
    );
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toMatchObject({ mood: 4, energy: 2, stress: 3, note: 'busy but fine', shareNote: false });
  });

  it('re-asks a scale answered out of range and stores the corrected answer', async () => {
    const out = await typeIntoShell(app, ['checkin', '7', '4', '2', '2', '', ''], 'alice');
    expect(out).toContain('Type a whole number from 1 to 5.');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toMatchObject({ mood: 4, energy: 2, stress: 2, shareNote: false });
  });

  it('shares the note when "my lead, with my name" is chosen', async () => {
    await typeIntoShell(app, ['checkin', '2', '2', '4', 'tough week', '2'], 'alice');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toMatchObject({ note: 'tough week', shareNote: true });
  });

  it('does not mark a check-in without a note as shared', async () => {
    await typeIntoShell(app, ['checkin', '2', '2', '4', '', '2'], 'alice');
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored!.shareNote).toBe(false);
  });
});

describe('a second check-in the same day', () => {
  it('asks whether to replace the first, and keeps the first when told to', async () => {
    const out = await typeIntoShell(app, ['checkin 4 3 2 first', 'checkin 2 2 5 second', '2'], 'alice');
    expect(out).toContain(
      [
        'You already checked in today (mood 4 (good), energy 3 (steady), stress 2 (relaxed)). This one says mood 2 (low), energy 2 (tired), stress 5 (overwhelmed).',
        "Replace today's check-in with the new one?",
        '  1) Replace it',
        '  2) Keep the first',
      ].join('\n'),
    );
    expect(out).toContain('Kept your first check-in; the new one was discarded.');
    const stored = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored.map((c) => [c.mood, c.note])).toEqual([[4, 'first']]);
  });

  it('replaces the first when the person chooses to', async () => {
    const out = await typeIntoShell(app, ['checkin 4 3 2 first', 'checkin 2 2 5 second', '1'], 'alice');
    expect(out).toContain("Done: today's check-in is now mood 2 (low), energy 2 (tired), stress 5 (overwhelmed).");
    const stored = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored.map((c) => [c.mood, c.energy, c.stress, c.note])).toEqual([[2, 2, 5, 'second']]);
  });

  it('a new day takes a new check-in without asking', async () => {
    await run(app, 'alice', 'checkin 4 3 2');
    app.clock.advance(24 * 3600_000);
    const out = await typeIntoShell(app, ['checkin 3 3 3'], 'alice');
    expect(out).toContain('Checked in: mood 3 (okay)');
    expect((await app.store.history.checkIns('shell:alice', ALL)).map((c) => c.localDate)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('counts the day in the person\'s own time zone', async () => {
    await run(app, 'alice', 'settings tz Asia/Tokyo');
    app.clock.set('2026-03-02T16:00:00Z'); // already 01:00 on 3 March in Tokyo
    await run(app, 'alice', 'checkin 4 4 2');
    expect((await app.store.history.checkIns('shell:alice', ALL)).map((c) => c.localDate)).toEqual(['2026-03-03']);
  });
});

describe('checkin bad input', () => {
  it.each([
    ['checkin 6 3 2', 'mood: use a whole number from 1 to 5'],
    ['checkin 4 0 2', 'energy: use a whole number from 1 to 5'],
    ['checkin 4 3 2.5', 'stress: use a whole number from 1 to 5'],
    ['checkin great 3 2', 'mood: use a whole number from 1 to 5'],
    ['checkin tired today', 'mood: use a whole number from 1 to 5'],
    ['checkin 4 3', 'Give all three numbers (mood, energy, stress, each 1-5), or none to get the form.'],
  ])('"%s" answers with the problem, the usage and an example, and stores nothing', async (line, problem) => {
    const out = await typeIntoShell(app, [line], 'alice');
    expect(out).toBe(`${BANNER}${problem}\n${USAGE}\n`);
    expect(await app.store.history.checkIns('shell:alice', ALL)).toEqual([]);
  });

  it('refuses a note over 1,000 characters with the limit and stores nothing', async () => {
    const out = await typeIntoShell(app, [`checkin 4 3 2 ${'x'.repeat(1001)}`], 'alice');
    expect(out).toBe(`${BANNER}Your note is 1001 characters; the limit is 1000. Nothing was saved: shorten it and check in again.\n`);
    expect(await app.store.history.checkIns('shell:alice', ALL)).toEqual([]);
  });

  it('takes a note of exactly 1,000 characters', async () => {
    await run(app, 'alice', `checkin 4 3 2 ${'x'.repeat(1000)}`);
    expect((await app.store.history.checkIns('shell:alice', ALL))[0]!.note).toHaveLength(1000);
  });

  it('refuses a form whose scales are missing with the usage', async () => {
    const res = await app.dispatcher.dispatch({
      kind: 'action',
      actor: { id: 'shell:alice', platform: 'shell', workspace: 'shell', displayName: 'alice' },
      command: 'checkin',
      action: 'submit',
      values: { mood: '4', energy: '3' },
    });
    expect(res.reply.text).toBe(`Mood, energy and stress each need a whole number from 1 to 5.\n${USAGE}`);
    expect(await app.store.history.checkIns('shell:alice', ALL)).toEqual([]);
  });
});

describe('checkin idempotency and hooks', () => {
  it('stores a retried request with the same idempotency key once', async () => {
    const actor = { id: 'shell:alice', platform: 'shell' as const, workspace: 'shell', displayName: 'alice' };
    const first = await app.dispatcher.dispatch({ kind: 'command', actor, text: 'checkin 4 3 2 hello', idempotencyKey: 'evt-1' });
    const again = await app.dispatcher.dispatch({ kind: 'command', actor, text: 'checkin 4 3 2 hello', idempotencyKey: 'evt-1' });
    expect(again.reply.text).toBe(first.reply.text);
    const stored = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.key).toBe('evt-1');
  });

  it('appends the blocks of the after-check-in hooks to the confirmation, given the stored check-in', async () => {
    const seen: number[] = [];
    const hook = (_ctx: unknown, c: { mood: number }) => {
      seen.push(c.mood);
      return [text(`A hook saw mood ${c.mood}.`)];
    };
    afterCheckInHooks.push(hook);
    try {
      const out = await typeIntoShell(app, ['checkin 3 3 3'], 'alice');
      expect(out).toBe(`${BANNER}Checked in: mood 3 (okay), energy 3 (steady), stress 3 (some pressure). Thank you.\nA hook saw mood 3.\n`);
      expect(seen).toEqual([3]);
    } finally {
      afterCheckInHooks.splice(afterCheckInHooks.indexOf(hook), 1);
    }
  });

  it('keeps the check-in and confirms it when a hook fails', async () => {
    const hook = () => {
      throw new Error('boom');
    };
    afterCheckInHooks.push(hook);
    try {
      const out = await typeIntoShell(app, ['checkin 3 3 3'], 'alice');
      expect(out).toBe(`${BANNER}Checked in: mood 3 (okay), energy 3 (steady), stress 3 (some pressure). Thank you.\n`);
      expect(await app.store.history.checkIns('shell:alice', TODAY)).toHaveLength(1);
    } finally {
      afterCheckInHooks.splice(afterCheckInHooks.indexOf(hook), 1);
    }
  });
});

describe('the form after a check-in today', () => {
  it('says what was saved today, and saving the form asks whether to replace it', async () => {
    const out = await typeIntoShell(app, ['checkin 4 3 2', 'checkin', '2', '2', '2', '', '', '1'], 'alice');
    expect(out).toContain("You already checked in today (mood 4 (good), energy 3 (steady), stress 2 (relaxed)); if you save this one, I'll ask whether to replace it.");
    expect(out).toContain("Done: today's check-in is now mood 2 (low), energy 2 (tired), stress 2 (relaxed).");
    const stored = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored.map((c) => c.mood)).toEqual([2]);
  });
});

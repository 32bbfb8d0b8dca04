import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Adapter, SendResult } from '../../src/core/adapter.js';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import { QueuedOutbox } from '../../src/core/queued-outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { dailyPromptExtras } from '../../src/features/daily-prompt-extras.js';
import { checkinReminderJob } from '../../src/scheduler/jobs/checkin-reminder.js';
import { dailyPromptJob } from '../../src/scheduler/jobs/daily-prompt.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { addPerson } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T09:30:00Z' });
  await addPerson(app, 'ana');
});
afterEach(async () => {
  await app.cleanup();
});

const occurrence = (key: string) => ({ personId: 'shell:ana', key, localDate: '2026-03-02', dueAt: new Date('2026-03-02T09:30:00Z') });

describe('the daily prompt job', () => {
  it('sends the same prompt and form as the reflect command, and the form answers today\'s reflection', async () => {
    const scheduled = await dailyPromptJob.what(app, occurrence('daily-prompt'));
    const command = await run(app, 'ana', 'reflect');
    expect(scheduled?.blocks).toEqual(command.blocks);
    expect(scheduled?.text).toBe(command.text);
    const form = scheduled!.blocks.find((b) => b.type === 'form');
    expect(form && form.type === 'form' ? form.action : undefined).toEqual({ command: 'reflect', action: 'answer' });
    await act(app, 'ana', 'reflect', 'answer', { values: { answer: 'I paused before answering.' } });
    expect((await app.store.history.reflections('shell:ana', { from: '2026-03-02', to: '2026-03-02' })).map((r) => r.answer)).toEqual(['I paused before answering.']);
  });

  it('appends the blocks of the daily-prompt extras hooks, and their text to the fallback', async () => {
    const hook = () => [{ type: 'text' as const, text: 'A two-minute breathing exercise is here when you want it.' }];
    dailyPromptExtras.push(hook);
    try {
      const reply = await dailyPromptJob.what(app, occurrence('daily-prompt'));
      expect(reply?.blocks.at(-1)).toEqual({ type: 'text', text: 'A two-minute breathing exercise is here when you want it.' });
      expect(reply?.text.endsWith('\nA two-minute breathing exercise is here when you want it.')).toBe(true);
    } finally {
      dailyPromptExtras.splice(dailyPromptExtras.indexOf(hook), 1);
    }
  });

  it('is due for nobody before they first met Attune', async () => {
    await addPerson(app, 'ana', { createdAt: '2026-03-02T09:45:00Z' });
    expect(await dailyPromptJob.occurrences(app, { from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-03T12:00:00Z') })).toEqual([
      { personId: 'shell:ana', key: 'daily-prompt', localDate: '2026-03-03', dueAt: new Date('2026-03-03T09:30:00Z') },
    ]);
  });
});

describe('the check-in reminder job', () => {
  it('says /attune checkin and carries a button that runs the checkin command', async () => {
    const reply = await checkinReminderJob.what(app, occurrence('checkin-reminder'));
    expect(reply?.text).toBe('Time for a quick check-in\nHow are your mood, energy and stress today? It takes under a minute: type /attune checkin, or use the button.');
    expect(reply?.blocks.find((b) => b.type === 'choice')).toEqual({
      type: 'choice',
      id: 'checkin-now',
      label: 'Check in now?',
      style: 'buttons',
      options: [{ label: 'Check in now', value: '' }],
      action: { command: 'checkin', action: 'run' },
    });
  });

  it('sends nothing to someone who already checked in that day', async () => {
    await app.store.history.addCheckIn({ id: 'c1', personId: 'shell:ana', at: '2026-03-02T08:00:00Z', localDate: '2026-03-02', mood: 4, energy: 3, stress: 2, shareNote: false, teams: [], custom: {} });
    expect(await checkinReminderJob.what(app, occurrence('checkin-reminder'))).toBeUndefined();
  });
});

describe('the scheduler over the send queue', () => {
  it('retries a 5xx behind the ledger and records one sent delivery', async () => {
    const clock = new ManualClock('2026-03-02T09:30:00Z');
    const calls: string[] = [];
    const answers: SendResult[] = [{ ok: false, permanent: false, error: 'HTTP 503' }, { ok: true }];
    const adapter: Adapter = {
      platform: 'shell',
      start: async () => undefined,
      stop: async () => undefined,
      send: async (id: string, reply: Reply) => {
        calls.push(`${id}: ${reply.text.split('\n')[0]}`);
        return answers.shift()!;
      },
    };
    const direct = new DirectOutbox();
    direct.attach(adapter);
    const queued = new QueuedOutbox(direct, { clock, wait: async (ms) => clock.advance(ms) });
    const scheduler = new Scheduler(app, { outbox: queued, jobs: [dailyPromptJob] });
    const summary = await scheduler.tick(new Date('2026-03-02T09:30:00Z'));
    expect(summary.sent).toBe(1);
    expect(calls).toHaveLength(2);
    expect(new Set(calls).size).toBe(1);
    expect((await app.store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02'))?.status).toBe('sent');
  });
});

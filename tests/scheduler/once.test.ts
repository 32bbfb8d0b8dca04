import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { SendResult } from '../../src/core/adapter.js';
import type { Outbox } from '../../src/core/outbox.js';
import { silentLogger } from '../../src/logger.js';
import type { Job } from '../../src/scheduler/job.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { addPerson, sentLines, TimedOutbox } from './helpers.js';

let app: TestApp;
let outbox: TimedOutbox;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T09:00:00Z' });
  outbox = new TimedOutbox(app.clock);
  await addPerson(app, 'ana');
});
afterEach(async () => {
  await app.cleanup();
});

const at = async (scheduler: Scheduler, iso: string) => {
  app.clock.set(iso);
  return scheduler.tick(new Date(iso));
};
const status = async (job = 'daily-prompt', date = '2026-03-02') => (await app.store.ledger.get('shell:ana', job, date))?.status;

describe('each message is sent once', () => {
  it('sends once across two ticks in the same minute', async () => {
    const s = new Scheduler(app, { outbox });
    await at(s, '2026-03-02T09:00:00Z');
    await at(s, '2026-03-02T09:30:00Z');
    await at(s, '2026-03-02T09:30:40Z');
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-02T09:30Z']);
    expect(await status()).toBe('sent');
  });

  it('sends once when ticks overlap (the second starts before the first finishes)', async () => {
    const s = new Scheduler(app, { outbox });
    app.clock.set('2026-03-02T09:31:00Z');
    const [a, b] = await Promise.all([s.tick(new Date('2026-03-02T09:30:00Z')), s.tick(new Date('2026-03-02T09:31:00Z'))]);
    expect(a.sent + b.sent).toBe(1);
    expect(outbox.sent).toHaveLength(1);
  });

  it('sends once when two scheduler instances tick on one store at the same moment', async () => {
    const one = new Scheduler(app, { outbox });
    const two = new Scheduler(app, { outbox });
    app.clock.set('2026-03-02T09:30:00Z');
    const [a, b] = await Promise.all([one.tick(app.clock.now()), two.tick(app.clock.now())]);
    expect(a.sent + b.sent).toBe(1);
    expect(a.duplicate + b.duplicate).toBe(1);
    expect(outbox.sent.map((s) => s.to)).toEqual(['shell:ana']);
  });

  it('after a restart between pending and sent, marks the entry unknown, counts it, and does not resend', async () => {
    // The first process claims the prompt and stops while the platform call is still open.
    let called!: () => void;
    const sending = new Promise<void>((resolve) => (called = resolve));
    const never = () => {
      called();
      return new Promise<SendResult>(() => undefined);
    };
    const hanging: Outbox = { send: never, sendGroup: never };
    const first = new Scheduler(app, { outbox: hanging });
    app.clock.set('2026-03-02T09:30:00Z');
    void first.tick(app.clock.now());
    await sending;
    expect(await status()).toBe('pending');
    await app.store.close();

    // A new process on the same data directory, 20 minutes later (past the 15-minute send timeout).
    app.clock.set('2026-03-02T09:50:00Z');
    const warnings: unknown[] = [];
    const log = Object.assign(Object.create(silentLogger), { warn: (obj: unknown) => warnings.push(obj) }) as typeof silentLogger;
    const restarted = await createApp({ config: app.config, clock: app.clock, log, outbox });
    try {
      const second = new Scheduler(restarted, { outbox });
      await second.start();
      await second.stop();
      const entry = await restarted.store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02');
      expect(entry?.status).toBe('unknown');
      expect(warnings).toEqual([{ count: 1 }]);
      expect(outbox.sent).toEqual([]);
    } finally {
      await restarted.store.close();
    }
  });

  it('leaves a recent pending entry alone at start (another instance may be sending) and still does not resend it', async () => {
    await app.store.ledger.claim({ personId: 'shell:ana', job: 'daily-prompt', localDate: '2026-03-02', status: 'pending', dueAt: '2026-03-02T09:30:00Z', updatedAt: '2026-03-02T09:30:00Z', attempts: 0 });
    app.clock.set('2026-03-02T09:35:00Z');
    const s = new Scheduler(app, { outbox });
    expect(await s.recoverPending(app.clock.now())).toBe(0);
    const summary = await s.tick(app.clock.now());
    expect(summary.duplicate).toBe(1);
    expect(await status()).toBe('pending');
    expect(outbox.sent).toEqual([]);
  });

  it('marks a send the platform refused as failed, with its error, and does not retry it on later ticks', async () => {
    const refusing = new TimedOutbox(app.clock, () => ({ ok: false, permanent: true, error: 'Cannot send messages to this user (50007)' }));
    const s = new Scheduler(app, { outbox: refusing });
    await at(s, '2026-03-02T09:30:00Z');
    await at(s, '2026-03-02T09:31:00Z');
    const entry = await app.store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02');
    expect(entry).toMatchObject({ status: 'failed', error: 'Cannot send messages to this user (50007)' });
    expect(refusing.sent).toHaveLength(1);
  });
});

describe('catch-up after downtime', () => {
  it('sends an occurrence still within the 2-hour grace window when the scheduler comes back', async () => {
    const s = new Scheduler(app, { outbox });
    await at(s, '2026-03-02T11:29:00Z');
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-02T11:29Z']);
  });

  it('records an occurrence older than the grace window as missed and does not send it', async () => {
    const s = new Scheduler(app, { outbox });
    const summary = await at(s, '2026-03-02T11:31:00Z');
    expect(summary).toMatchObject({ sent: 0, missed: 1 });
    expect(outbox.sent).toEqual([]);
    expect(await status()).toBe('missed');
    // Later ticks do not send it either.
    await at(s, '2026-03-02T11:32:00Z');
    expect(outbox.sent).toEqual([]);
  });

  it('honours a custom grace window', async () => {
    const s = new Scheduler(app, { outbox, graceMs: 30 * 60_000 });
    await at(s, '2026-03-02T10:01:00Z');
    expect(await status()).toBe('missed');
  });
});

describe('pause', () => {
  it('sends nothing up to and including pausedUntil, and resumes the day after', async () => {
    await addPerson(app, 'ana', { pausedUntil: '2026-03-03' });
    const s = new Scheduler(app, { outbox });
    for (const day of ['02', '03', '04']) {
      await at(s, `2026-03-${day}T09:00:00Z`);
      await at(s, `2026-03-${day}T09:30:00Z`);
    }
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-04T09:30Z']);
    expect(await status('daily-prompt', '2026-03-02')).toBeUndefined();
  });

  it('still sends a job that ignores pause (a follow-up the person asked for)', async () => {
    await addPerson(app, 'ana', { pausedUntil: '2026-03-31' });
    const followUp: Job = {
      name: 'follow-up',
      ignoresPause: true,
      occurrences: (_app, w) => (w.from < new Date('2026-03-02T12:00:00Z') && w.to >= new Date('2026-03-02T12:00:00Z') ? [{ personId: 'shell:ana', key: 'follow-up', localDate: '2026-03-02', dueAt: new Date('2026-03-02T12:00:00Z') }] : []),
      what: () => ({ text: 'How did the conversation go?', blocks: [] }),
    };
    const s = new Scheduler(app, { outbox, jobs: [followUp] });
    await at(s, '2026-03-02T11:59:00Z');
    await at(s, '2026-03-02T12:00:00Z');
    expect(outbox.sent.map((m) => m.text)).toEqual(['How did the conversation go?']);
  });
});

describe('quiet hours', () => {
  it('defers an occurrence due in quiet hours to their end when that is within the grace window', async () => {
    await addPerson(app, 'ana', { quietHours: { from: '09:00', to: '10:15' } });
    const s = new Scheduler(app, { outbox });
    for (const t of ['09:00', '09:30', '10:00', '10:14', '10:15', '10:16']) await at(s, `2026-03-02T${t}:00Z`);
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-02T10:15Z']);
    expect(await status()).toBe('sent');
  });

  it('skips it (recorded missed) when quiet hours last past the grace window', async () => {
    await addPerson(app, 'ana', { quietHours: { from: '08:00', to: '12:00' } });
    const s = new Scheduler(app, { outbox });
    for (const t of ['09:00', '09:30', '12:00', '12:01']) await at(s, `2026-03-02T${t}:00Z`);
    expect(outbox.sent).toEqual([]);
    const entry = await app.store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02');
    expect(entry).toMatchObject({ status: 'missed', error: 'quiet hours lasted past the grace window' });
  });

  it('does not catch up into quiet hours after downtime', async () => {
    await addPerson(app, 'ana', { quietHours: { from: '10:00', to: '11:00' } });
    const s = new Scheduler(app, { outbox });
    await at(s, '2026-03-02T10:30:00Z');
    expect(outbox.sent).toEqual([]);
    await at(s, '2026-03-02T11:00:00Z');
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-02T11:00Z']);
  });
});

describe('start and stop', () => {
  it('start() catches up at once and stop() ends the minute timer', async () => {
    app.clock.set('2026-03-02T09:45:00Z');
    const s = new Scheduler(app, { outbox });
    await s.start();
    await s.stop();
    expect(sentLines(outbox)).toEqual(['ana prompt @ 2026-03-02T09:45Z']);
  });
});

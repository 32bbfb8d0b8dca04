import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { addPerson, sentLines, tickThrough, TimedOutbox } from './helpers.js';

let app: TestApp;
let outbox: TimedOutbox;
let scheduler: Scheduler;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-02-28T00:00:00Z' });
  outbox = new TimedOutbox(app.clock);
  scheduler = new Scheduler(app, { outbox });
});
afterEach(async () => {
  await app.cleanup();
});

const prompts = () => sentLines(outbox).filter((l) => l.includes(' prompt '));

describe('who is due when', () => {
  it('sends the prompt at 09:30 in each person\'s own zone, on their working days only, for a week', async () => {
    await addPerson(app, 'berlin', { tz: 'Europe/Berlin' });
    await addPerson(app, 'tokyo', { tz: 'Asia/Tokyo', workingDays: ['mon', 'wed'] });
    await tickThrough(app.clock, scheduler, '2026-02-28T00:00:00Z', '2026-03-08T23:59:00Z', 10);
    expect(prompts()).toEqual([
      'tokyo prompt @ 2026-03-02T00:30Z',
      'berlin prompt @ 2026-03-02T08:30Z',
      'berlin prompt @ 2026-03-03T08:30Z',
      'tokyo prompt @ 2026-03-04T00:30Z',
      'berlin prompt @ 2026-03-04T08:30Z',
      'berlin prompt @ 2026-03-05T08:30Z',
      'berlin prompt @ 2026-03-06T08:30Z',
    ]);
  });

  it('sends the reminder at the reminder time only to those who have not checked in that day', async () => {
    await addPerson(app, 'done', { reminderTime: '17:00' });
    await addPerson(app, 'todo', { reminderTime: '17:00' });
    await app.store.history.addCheckIn({ id: 'c1', personId: 'shell:done', at: '2026-03-02T12:00:00Z', localDate: '2026-03-02', mood: 3, energy: 3, stress: 3, shareNote: false, teams: [], custom: {} });
    await tickThrough(app.clock, scheduler, '2026-03-02T16:00:00Z', '2026-03-02T17:30:00Z');
    expect(sentLines(outbox)).toEqual(['todo reminder @ 2026-03-02T17:00Z']);
    expect(await app.store.ledger.get('shell:done', 'checkin-reminder', '2026-03-02')).toBeUndefined();
  });

  it('sends to people in UTC+14 and UTC-12 on the same tick, each on their own local date', async () => {
    // Kiritimati's Tuesday 09:30 is Monday 19:30 UTC, which is Monday 07:30 at UTC-12.
    await addPerson(app, 'kiritimati', { tz: 'Pacific/Kiritimati' });
    await addPerson(app, 'bakerisland', { tz: 'Etc/GMT+12', promptTime: '07:30' });
    app.clock.set('2026-03-02T19:00:00Z');
    await scheduler.tick(app.clock.now());
    app.clock.set('2026-03-02T19:30:00Z');
    const summary = await scheduler.tick(app.clock.now());
    expect(summary.sent).toBe(2);
    expect(prompts().sort()).toEqual(['bakerisland prompt @ 2026-03-02T19:30Z', 'kiritimati prompt @ 2026-03-02T19:30Z']);
    expect((await app.store.ledger.get('shell:kiritimati', 'daily-prompt', '2026-03-03'))?.status).toBe('sent');
    expect((await app.store.ledger.get('shell:bakerisland', 'daily-prompt', '2026-03-02'))?.status).toBe('sent');
  });

  it('skips a UTC+14 person\'s local Saturday that is a Friday in UTC', async () => {
    await addPerson(app, 'kiritimati', { tz: 'Pacific/Kiritimati' });
    await tickThrough(app.clock, scheduler, '2026-03-06T00:00:00Z', '2026-03-08T23:59:00Z', 10);
    // Fri 6 March 19:30 UTC is Saturday in Kiritimati: nothing; Sunday 19:30 UTC is its Monday.
    expect(prompts()).toEqual(['kiritimati prompt @ 2026-03-08T19:30Z']);
  });
});

describe('daylight saving time through the tick', () => {
  const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

  it('delivers a 09:30 prompt once at 09:30 local in Berlin and New York on both transition days', async () => {
    await addPerson(app, 'berlin', { tz: 'Europe/Berlin', workingDays: [...everyDay] });
    await addPerson(app, 'newyork', { tz: 'America/New_York', workingDays: [...everyDay] });
    await tickThrough(app.clock, scheduler, '2026-03-07T23:00:00Z', '2026-03-08T16:00:00Z', 10);
    await tickThrough(app.clock, scheduler, '2026-03-28T23:00:00Z', '2026-03-29T16:00:00Z', 10);
    await tickThrough(app.clock, scheduler, '2026-10-24T22:00:00Z', '2026-10-25T16:00:00Z', 10);
    await tickThrough(app.clock, scheduler, '2026-10-31T23:00:00Z', '2026-11-01T16:00:00Z', 10);
    expect(prompts()).toEqual([
      'berlin prompt @ 2026-03-08T08:30Z',
      'newyork prompt @ 2026-03-08T13:30Z', // spring forward: EDT, UTC-4
      'berlin prompt @ 2026-03-29T07:30Z', // spring forward: CEST, UTC+2
      'newyork prompt @ 2026-03-29T13:30Z',
      'berlin prompt @ 2026-10-25T08:30Z', // fall back: CET, UTC+1
      'newyork prompt @ 2026-10-25T13:30Z',
      'berlin prompt @ 2026-11-01T08:30Z',
      'newyork prompt @ 2026-11-01T14:30Z', // fall back: EST, UTC-5
    ]);
  });

  it('sends a 02:30 prompt inside the spring-forward gap at 03:00, and once in the fall-back overlap', async () => {
    await addPerson(app, 'berlin', { tz: 'Europe/Berlin', promptTime: '02:30', workingDays: [...everyDay] });
    await addPerson(app, 'newyork', { tz: 'America/New_York', promptTime: '01:30', workingDays: [...everyDay] });
    await tickThrough(app.clock, scheduler, '2026-03-28T23:00:00Z', '2026-03-29T03:00:00Z', 10);
    await tickThrough(app.clock, scheduler, '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z', 10);
    // Berlin's 02:30 on 1 November (01:30 UTC) is 2.5 hours before this run starts: recorded missed, not sent.
    await tickThrough(app.clock, scheduler, '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z', 10);
    expect(prompts()).toEqual([
      'berlin prompt @ 2026-03-29T01:00Z', // 03:00 CEST, the first minute after the gap
      'berlin prompt @ 2026-10-25T00:30Z', // the first 02:30 (CEST); the second (CET) sends nothing
      'newyork prompt @ 2026-11-01T05:30Z', // the first 01:30 (EDT); not again at 06:30Z (EST)
    ]);
    expect((await app.store.ledger.get('shell:berlin', 'daily-prompt', '2026-11-01'))?.status).toBe('missed');
  });
});

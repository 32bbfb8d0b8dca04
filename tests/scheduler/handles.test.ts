import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { addPerson, TimedOutbox } from './helpers.js';

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

describe('replicas that can deliver to different platforms', () => {
  it('given a replica that cannot reach a person now, it leaves the occurrence unclaimed and the replica that can sends it', async () => {
    const without = new Scheduler(app, { outbox, handles: () => false });
    const holder = new Scheduler(app, { outbox });
    for (const s of [without, holder]) await s.tick(new Date('2026-03-02T09:00:00Z'));
    app.clock.set('2026-03-02T09:30:00Z');
    const skipped = await without.tick(app.clock.now());
    expect(skipped).toMatchObject({ sent: 0, duplicate: 0 });
    expect(await app.store.ledger.get('shell:ana', 'daily-prompt', '2026-03-02')).toBeUndefined();
    expect((await holder.tick(app.clock.now())).sent).toBe(1);
    expect(outbox.sent.map((m) => m.to)).toEqual(['shell:ana']);
  });

  it('given a replica that takes the platform over after an occurrence came due (its holder died), it sends it then, once', async () => {
    let holding = false;
    const taker = new Scheduler(app, { outbox, handles: () => holding });
    await taker.tick(new Date('2026-03-02T09:00:00Z'));
    app.clock.set('2026-03-02T09:30:00Z');
    expect((await taker.tick(app.clock.now())).sent).toBe(0);
    holding = true;
    app.clock.set('2026-03-02T09:31:00Z');
    expect((await taker.tick(app.clock.now())).sent).toBe(1);
    app.clock.set('2026-03-02T09:32:00Z');
    expect((await taker.tick(app.clock.now())).sent).toBe(0);
    expect(outbox.sent.map((m) => m.to)).toEqual(['shell:ana']);
  });

  it('given a replica that takes over after the grace window, it does not send the old occurrence late', async () => {
    let holding = false;
    const taker = new Scheduler(app, { outbox, handles: () => holding });
    await taker.tick(new Date('2026-03-02T09:00:00Z'));
    app.clock.set('2026-03-02T09:30:00Z');
    await taker.tick(app.clock.now());
    holding = true;
    app.clock.set('2026-03-02T12:00:00Z');
    expect((await taker.tick(app.clock.now())).sent).toBe(0);
    expect(outbox.sent).toEqual([]);
  });
});

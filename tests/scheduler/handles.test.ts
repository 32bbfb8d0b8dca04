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
});

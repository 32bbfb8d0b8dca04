import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { testConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { RecordingOutbox } from '../../../src/core/direct-outbox.js';
import type { Outbox } from '../../../src/core/outbox.js';
import { OutboxRelay } from '../../../src/core/outbox-relay.js';
import { openLowdbStore } from '../../../src/store/lowdb/open-lowdb-store.js';
import { silentLogger } from '../../../src/logger.js';
import { act, run } from '../../helpers/test-app.js';
import { mentoringOf } from '../../helpers/seed.js';

/** A process that stops right after each commit: whatever the features queued is never relayed by it. */
const stopsAfterCommit: Outbox = {
  send: () => Promise.reject(new Error('a message was sent outside the outbox')),
  sendGroup: () => Promise.reject(new Error('a message was sent outside the outbox')),
  flush: async () => undefined,
};

let dataDir: string;
let app: App;
afterEach(async () => {
  await app.store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<App> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'attune-outbox-'));
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  app = await createApp({ config: testConfig({ dataDir, defaultTimeZone: 'UTC' }), clock, log: silentLogger, outbox: stopsAfterCommit });
  return app;
}

/** The restarted process: a fresh store on the same data and a relay that sends what was left queued. */
async function restartAndRelay(): Promise<RecordingOutbox> {
  await app.store.close();
  const store = await openLowdbStore({ dataDir, now: new Date('2026-03-02T10:05:00Z') });
  app = { ...app, store };
  const sink = new RecordingOutbox();
  await new OutboxRelay({ outbox: store.outbox, clock: new ManualClock('2026-03-02T10:05:00Z'), claimer: 'restarted', deliver: sink }).relay();
  return sink;
}

describe('messages a mentoring decision starts are written with the decision', () => {
  it('given the process stops right after a request is committed, the mentor invitation is still sent after the restart, once', async () => {
    await start();
    await run(app, 'alice', 'mentor offer handling stress');
    await run(app, 'bob', 'mentor request handling stress before deadlines');
    const [invitation] = Object.values((await mentoringOf(app.store)).invitations);
    expect(invitation).toMatchObject({ mentorId: 'shell:alice', status: 'pending' });
    const sink = await restartAndRelay();
    expect(sink.sent.map((m) => m.to)).toEqual([['shell:alice']]);
    expect(sink.sent[0]!.reply.text).toContain('bob');
    expect(await app.store.outbox.pending()).toBe(0);
  });

  it('given the process stops right after an accept is committed, both intros are sent after the restart, once each', async () => {
    await start();
    await run(app, 'alice', 'mentor offer handling stress');
    await run(app, 'bob', 'mentor request handling stress before deadlines');
    const [invitation] = Object.values((await mentoringOf(app.store)).invitations);
    await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${invitation!.id}` });
    const sink = await restartAndRelay();
    expect(sink.sent.map((m) => m.to).sort()).toEqual([['shell:alice'], ['shell:alice'], ['shell:bob']]);
  });

  it('given a decline whose transaction fails, neither the decline nor the requester notice nor a next invitation is left', async () => {
    await start();
    await run(app, 'alice', 'mentor offer handling stress');
    await run(app, 'carol', 'mentor offer handling stress');
    await run(app, 'bob', 'mentor request handling stress before deadlines');
    const [invitation] = Object.values((await mentoringOf(app.store)).invitations);
    const mentor = invitation!.mentorId.replace('shell:', '');
    const queuedBefore = await app.store.outbox.pending();
    // The store fails the commit: a transaction that throws after its writes.
    const failing = app.store.transaction.bind(app.store);
    app.store.transaction = (work) => failing(async (tx) => {
      await work(tx);
      throw new Error('the disk is full');
    });
    await act(app, mentor, 'mentor request', 'answer', { value: `decline:${invitation!.id}` });
    app.store.transaction = failing;
    expect(await app.store.outbox.pending()).toBe(queuedBefore);
    expect(Object.values((await mentoringOf(app.store)).invitations).map((i) => i.status)).toEqual(['pending']);
  });
});

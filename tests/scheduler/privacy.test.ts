import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

describe('scheduler data in privacy export and delete', () => {
  it('exports the schedule settings and the ledger entries, and erasing removes the ledger entries', async () => {
    await run(app, 'alice', 'settings quiet 22:00-07:00 reminder 17:00');
    const scheduler = new Scheduler(app);
    await scheduler.tick(app.clock.now());
    app.clock.set('2026-03-02T09:30:00Z');
    await scheduler.tick(app.clock.now());

    const exported = await run(app, 'alice', 'privacy export');
    const file = exported.blocks.find((b) => b.type === 'file');
    const data = JSON.parse(new TextDecoder().decode(file && file.type === 'file' ? file.data : new Uint8Array())) as {
      person: { quietHours: unknown; reminderTime: string };
      deliveries: Array<{ job: string; localDate: string; status: string }>;
    };
    expect(data.person.quietHours).toEqual({ from: '22:00', to: '07:00' });
    expect(data.person.reminderTime).toBe('17:00');
    expect(data.deliveries.map((d) => `${d.job} ${d.localDate} ${d.status}`)).toEqual(['daily-prompt 2026-03-02 sent']);

    const confirm = await run(app, 'alice', 'privacy delete');
    const choice = confirm.blocks.find((b) => b.type === 'choice');
    const token = choice && choice.type === 'choice' ? choice.options[0]!.value : '';
    await act(app, 'alice', 'privacy delete', 'confirm', { value: token });
    expect(await app.store.ledger.on('2026-03-02')).toEqual([]);
    expect((await app.store.people.get('shell:alice'))).toBeUndefined();
  });
});

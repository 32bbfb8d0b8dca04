import { afterEach, describe, expect, it } from 'vitest';
import type { FaultHook, Store } from '../../../src/core/store/index.js';
import { engines, type EngineHandle } from './engines.js';
import { checkIn, delivery, match, person, team } from './records.js';

const ANN = 'shell:ann';
const MONTH = { from: '2026-01-01', to: '2026-12-31' };

/** A fault hook that, once armed, throws at its nth call (counting from 0), like a crash at that step. */
function crashAt(n: number, armed = true): { hook: FaultHook; hit: () => boolean; arm: () => void } {
  let calls = 0;
  let hit = false;
  return {
    hook: (point) => {
      if (armed && calls++ === n) {
        hit = true;
        throw new Error(`simulated crash at ${point}`);
      }
    },
    hit: () => hit,
    arm: () => {
      armed = true;
    },
  };
}

/** One user action over several repositories: an accepted mentor match, with its team and ledger sides. */
async function action(tx: Pick<Store, 'people' | 'teams' | 'mentoring' | 'ledger' | 'history'>): Promise<void> {
  await tx.people.update(ANN, (p) => ({ ...p, admin: true }));
  await tx.teams.update('shell/care', (t) => ({ ...t, leads: [ANN] }));
  await tx.mentoring.matches.create(match('m1', 'ann', 'bob'));
  await tx.ledger.claim(delivery('ann'));
  await tx.history.addCheckIn(checkIn('ann', 'c1', { localDate: '2026-02-10', at: '2026-02-10T10:00:00.000Z' }));
}

/** What the action changes, read back: all of it or none of it. */
async function outcome(store: Store): Promise<boolean[]> {
  return [
    (await store.people.get(ANN))!.admin,
    (await store.teams.get('shell/care'))!.leads.includes(ANN),
    Boolean(await store.mentoring.matches.get('m1')),
    Boolean(await store.ledger.get(ANN, 'daily-prompt', '2026-03-02')),
    (await store.history.checkIns(ANN, MONTH)).length === 1,
  ];
}

const NONE = [false, false, false, false, false];
const ALL = [true, true, true, true, true];

describe.each(engines)('store contract ($name): transactions', (engine) => {
  let h: EngineHandle | undefined;
  afterEach(async () => {
    await h?.destroy();
    h = undefined;
  });

  async function seeded(faults?: FaultHook): Promise<EngineHandle> {
    h = await engine.create(faults ? { faults } : {});
    await h.store.people.create(person('ann'));
    await h.store.people.create(person('bob'));
    await h.store.teams.create(team('care'));
    return h;
  }

  it('commits every write together, and reads inside see the writes before them', async () => {
    const { store } = await seeded();
    const seen = await store.transaction(async (tx) => {
      await action(tx);
      return [(await tx.people.get(ANN))!.admin, (await tx.mentoring.matches.list()).length];
    });
    expect(seen).toEqual([true, 1]);
    expect(await outcome(store)).toEqual(ALL);
    expect(await outcome(await h!.reopen())).toEqual(ALL);
  });

  it('a transaction that throws changes nothing, in memory or on disk', async () => {
    const { store } = await seeded();
    await expect(
      store.transaction(async (tx) => {
        await action(tx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await outcome(store)).toEqual(NONE);
    expect(await outcome(await h!.reopen())).toEqual(NONE);
  });

  it('a crash at any step of the commit leaves all or nothing after a restart', async () => {
    const seen: boolean[][] = [];
    for (let step = 0; ; step++) {
      const crash = crashAt(step);
      const { store } = await seeded(crash.hook);
      const result = await store.transaction((tx) => action(tx)).then(
        () => 'ok',
        (err: Error) => err.message,
      );
      if (!crash.hit()) {
        // Past the last step: the transaction simply committed.
        expect(result).toBe('ok');
        expect(await outcome(await h!.reopen())).toEqual(ALL);
        break;
      }
      expect(result).toMatch(/simulated crash/);
      const after = await outcome(await h!.reopen());
      expect([NONE, ALL]).toContainEqual(after);
      seen.push(after);
      await h!.destroy();
      h = undefined;
      expect(step).toBeLessThan(50);
    }
    // The commit has steps to crash between (otherwise this test proves nothing).
    expect(seen.length).toBeGreaterThan(0);
  });

  it('a crash while erasing a person leaves them whole or gone after a restart', async () => {
    for (let step = 0; ; step++) {
      const crash = crashAt(step, false);
      const { store } = await seeded(crash.hook);
      await store.transaction((tx) => action(tx));
      await store.history.addCheckIn(checkIn('ann', 'c2'));
      crash.arm();
      const erased = await store.privacy.erasePerson(ANN).then(
        () => true,
        () => false,
      );
      const reopened = await h!.reopen();
      const left = [Boolean(await reopened.people.get(ANN)), (await reopened.history.checkIns(ANN, MONTH)).length, (await reopened.ledger.on('2026-03-02')).length];
      if (!crash.hit()) {
        expect(erased).toBe(true);
        expect(left).toEqual([false, 0, 0]);
        break;
      }
      expect([[true, 2, 1], [false, 0, 0]]).toContainEqual(left);
      await h!.destroy();
      h = undefined;
      expect(step).toBeLessThan(50);
    }
  });

  it('writes outside a transaction wait for it: a concurrent update is applied after, not lost', async () => {
    const { store } = await seeded();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = store.transaction(async (t) => {
      await t.people.update(ANN, (p) => ({ ...p, name: 'in-tx' }));
      await gate;
    });
    const outside = store.people.update(ANN, (p) => ({ ...p, promptTime: '07:00' }));
    release();
    await Promise.all([tx, outside]);
    const ann = (await store.people.get(ANN))!;
    expect([ann.name, ann.promptTime]).toEqual(['in-tx', '07:00']);
  });
});

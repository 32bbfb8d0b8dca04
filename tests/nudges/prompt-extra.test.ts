import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPromptExtras } from '../../src/features/daily-prompt-extras.js';
import { nudgeWithDailyPrompt } from '../../src/features/nudges/prompt-extra.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { blocksText, nudgeIdIn, storeCheckIn } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'alice', 'help'); // alice exists, working mon-fri
});
afterEach(async () => {
  await app.cleanup();
});

const hard = { mood: 2, energy: 3, stress: 4 };
const fine = { mood: 4, energy: 4, stress: 2 };
const extra = async (date: string) => nudgeWithDailyPrompt(app, (await app.store.people.get('shell:alice'))!, date);

describe('a nudge with the daily prompt after two hard days in a row', () => {
  it('is registered as a daily prompt extra', () => {
    expect(dailyPromptExtras).toContain(nudgeWithDailyPrompt);
  });

  it('after hard Tuesday and Wednesday, Thursday\'s prompt comes with a nudge', async () => {
    await storeCheckIn(app, 'alice', '2026-03-03', hard);
    await storeCheckIn(app, 'alice', '2026-03-04', hard);
    const blocks = await extra('2026-03-05');
    expect(blocksText(blocks)).toContain('The last couple of days looked hard.');
    expect(nudgeIdIn(blocks)).toBeDefined();
    expect((await app.store.nudges.get('shell:alice')).served.map((s) => [s.localDate, s.source])).toEqual([['2026-03-05', 'prompt']]);
  });

  it('after one hard day, adds nothing', async () => {
    await storeCheckIn(app, 'alice', '2026-03-03', fine);
    await storeCheckIn(app, 'alice', '2026-03-04', hard);
    expect(await extra('2026-03-05')).toEqual([]);
  });

  it('after hard days with a gap between them, adds nothing', async () => {
    await storeCheckIn(app, 'alice', '2026-03-02', hard);
    await storeCheckIn(app, 'alice', '2026-03-04', hard);
    expect(await extra('2026-03-05')).toEqual([]);
  });

  it('counts working days: hard Thursday and Friday bring a nudge on Monday', async () => {
    await storeCheckIn(app, 'alice', '2026-03-05', hard);
    await storeCheckIn(app, 'alice', '2026-03-06', hard);
    expect(nudgeIdIn(await extra('2026-03-09'))).toBeDefined();
  });

  it('adds nothing when snoozed, or when a nudge was already started that day', async () => {
    await storeCheckIn(app, 'alice', '2026-03-03', hard);
    await storeCheckIn(app, 'alice', '2026-03-04', hard);
    await run(app, 'alice', 'nudge snooze 4');
    expect(await extra('2026-03-05')).toEqual([]);
    await run(app, 'alice', 'nudge on');
    expect(nudgeIdIn(await extra('2026-03-05'))).toBeDefined();
    expect(await extra('2026-03-05')).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/shell/render.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, names, team } from '../digest/fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
  await run(app, 'root', 'help'); // the workspace's admin
  await team(app, 'care', { members: names('m', 5), leads: ['maya'], name: 'Care' });
});
afterEach(async () => {
  await app.cleanup();
});

const say = async (who: string, text: string) => renderReply(await run(app, who, text)).text;

describe('admins manage a team over its life', () => {
  it('set the digest day and time: the lead gets it then, not on Monday morning', async () => {
    expect(await say('root', 'team schedule care fri 16:00')).toBe("Care's leads now get its digest every fri at 16:00, each in their own time zone.");
    const out = await typeIntoShell(app, ['\\advance 5d'], 'root');
    expect(out).not.toContain('(Mon 2026-03-02 09:00 UTC)\n-- message for maya --');
    expect(out).toContain('(Fri 2026-03-06 16:00 UTC)\n-- message for maya --');
  });

  it('a bad day or time says what to type, and changes nothing', async () => {
    expect(await say('root', 'team schedule care someday 16:00')).toContain('"someday" is not a day. Use mon, tue');
    expect(await say('root', 'team schedule care fri 25:00')).toContain('"25:00" is not a time of day.');
    expect(await app.store.teams.get('shell/care')).toMatchObject({ digestDay: 'mon', digestTime: '09:00' });
  });

  it('rename a team: the name changes, the handle and history stay', async () => {
    expect(await say('root', 'team rename care "Customer Success"')).toBe('Care is now called Customer Success. Its handle stays care, and its history stays as it was.');
    expect((await app.store.teams.get('shell/care'))?.name).toBe('Customer Success');
    expect(await say('root', 'team add care bob')).toBe('Added bob to Customer Success.');
  });

  it('delete a team after confirming: its frozen digests go, its members keep their own check-ins', async () => {
    for (const m of names('m', 5)) await checkIn(app, m, '2026-02-24', { mood: 3 }, { teams: ['care'] });
    await say('maya', 'digest care');
    expect(Object.keys(await app.store.digest.weeks('shell/care')).length).toBeGreaterThan(0);
    // What the team's digests published stays in the workspace's ledger, so later digests are still audited against it.
    const ledger = await app.store.digest.ledger('shell', '2026-02-23');
    expect(ledger.length).toBeGreaterThan(0);
    const out = await typeIntoShell(app, ['team delete care', '1', 'team list'], 'root');
    expect(out).toContain('This deletes Care');
    expect(out).toContain('Care is deleted, with its digests.');
    expect(out).toContain('No teams yet.');
    expect(await app.store.teams.get('shell/care')).toBeUndefined();
    expect((await app.store.digest.weeks('shell/care'))).toEqual({});
    expect(await app.store.digest.ledger('shell', '2026-02-23')).toEqual(ledger);
    expect(await app.store.history.checkIns('shell:m1', { from: '2026-02-24', to: '2026-02-24' })).toHaveLength(1);
    expect(await say('maya', 'digest care')).not.toMatch(/Participation/);
  });

  it('a confirm button works once: two clicks at once delete the team once, and the second says it expired', async () => {
    const asked = await run(app, 'root', 'team delete care');
    const choice = asked.blocks.find((b) => b.type === 'choice')!;
    const yes = choice.type === 'choice' ? choice.options[0]!.value : '';
    const clicks = await Promise.all([1, 2].map(() => act(app, 'root', 'team delete', 'confirm', { value: yes })));
    const texts = clicks.map((r) => renderReply(r).text).sort();
    expect(texts).toEqual([app.content.copy('team.deleted', { team: 'Care' }), app.content.copy('team.deleteExpired')].sort());
    expect(await app.store.teams.get('shell/care')).toBeUndefined();
  });

  it('"Keep it" deletes nothing', async () => {
    await typeIntoShell(app, ['team delete care', '2'], 'root');
    expect((await app.store.teams.get('shell/care'))?.name).toBe('Care');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/shell/render.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
  await run(app, 'root', 'help'); // the first person is the workspace's admin
  await run(app, 'root', 'team create Care');
  await run(app, 'root', 'team lead care maya');
});
afterEach(async () => {
  await app.cleanup();
});

const sentTo = (name: string) => app.outbox.sent.filter((s) => s.to.includes(`shell:${name}`)).map((s) => renderReply(s.reply).text);

describe('people an admin adds to a team', () => {
  it('get a welcome saying what Attune is, what is private, who leads the team and how to pause or stop', async () => {
    await run(app, 'root', 'team add care bob');
    const [welcome, ...more] = sentTo('bob');
    expect(more).toEqual([]);
    expect(welcome).toContain('root added you to Care on Attune. Attune helps a team grow emotional intelligence');
    expect(welcome).toContain('nobody else ever reads your reflections');
    expect(welcome).toContain('Care is led by maya. Your check-ins count toward Care\'s weekly digest, which shows only totals across at least 5 people');
    expect(welcome).toContain('reflection prompt at 09:30 and a check-in reminder at 16:30, on mon-fri (UTC)');
    expect(welcome).toContain('/attune settings pause 7; stop every message with /attune stop');
  });

  it('then get the normal schedule without ever typing to Attune', async () => {
    await run(app, 'root', 'team add care bob');
    const out = await typeIntoShell(app, ['\\advance 9h'], 'root');
    expect(out).toContain("-- message for bob --\nToday's reflection");
    expect(out).toContain('-- message for bob --\nTime for a quick check-in');
  });

  it('someone Attune already knows gets the short version, without the introduction', async () => {
    await run(app, 'bob', 'help');
    await run(app, 'root', 'team add care bob');
    const [welcome] = sentTo('bob');
    expect(welcome).toMatch(/^root added you to Care on Attune\.\nWhat is private/);
  });

  it('can see which teams count their check-ins', async () => {
    await run(app, 'root', 'team add care bob');
    const out = await typeIntoShell(app, ['teams'], 'bob');
    expect(out).toContain('Your teams\n----------\nCare: led by maya. Your check-ins count toward its weekly digest (totals across at least 5 people).');
    expect(await typeIntoShell(app, ['teams'], 'carol')).toContain('You are in no team, so your check-ins count toward no digest');
  });

  it('"stop" opts out of everything: no scheduled messages and no welcome, until settings resume', async () => {
    const stopped = await typeIntoShell(app, ['stop', 'pairs join'], 'bob');
    expect(stopped).toContain('Done: Attune will not start any conversation with you');
    await run(app, 'bob', 'stop');
    await run(app, 'root', 'team add care bob');
    expect(sentTo('bob')).toEqual([]);
    const day = await typeIntoShell(app, ['\\advance 1d'], 'root');
    expect(day).not.toContain('-- message for bob --');
    expect(await typeIntoShell(app, ['settings'], 'bob')).toContain('stopped (every message, until /attune settings resume)');
    await run(app, 'bob', 'settings resume');
    const next = await typeIntoShell(app, ['\\advance 1d'], 'root');
    expect(next).toContain('-- message for bob --');
  });

  it('"stop" is stored: it is in the person\'s export and still holds after the lowdb store restarts', async () => {
    await run(app, 'bob', 'stop');
    const exported = await app.store.privacy.exportPerson('shell:bob');
    expect(exported?.person.stoppedAt).toBe('2026-03-02T08:00:00.000Z');
    await app.store.close();
    const reopened = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect((await reopened.people.get('shell:bob'))?.stoppedAt).toBe('2026-03-02T08:00:00.000Z');
    await reopened.close();
  });
});

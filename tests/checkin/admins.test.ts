import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const admins = async () => (await app.store.people.list('shell')).filter((p) => p.admin).map((p) => p.id).sort();

describe('admins', () => {
  it('the first person to use Attune in a workspace is its admin; the next is not', async () => {
    await run(app, 'me', 'help');
    await run(app, 'alice', 'help');
    expect((await admins())).toEqual(['shell:me']);
    expect((await run(app, 'alice', 'team create Care')).text).toBe('Only an admin of this workspace can use "team create".');
  });

  it('an admin makes others admins, who can then manage teams', async () => {
    await run(app, 'me', 'help');
    app.clock.advance(60_000);
    await run(app, 'alice', 'help');
    const out = await typeIntoShell(app, ['admin add alice', 'admin add alice'], 'me');
    expect(out).toContain('alice is now an admin. Admins: me, alice.\nalice is already an admin. Admins: me, alice.');
    expect((await admins())).toEqual(['shell:alice', 'shell:me']);
    expect((await run(app, 'alice', 'team create Care')).text).toContain('Created team Care.');
  });

  it('makes someone admin before their first visit', async () => {
    await run(app, 'me', 'help');
    app.clock.advance(60_000);
    expect((await run(app, 'me', 'admin add maya')).text).toBe('maya is now an admin. Admins: me, maya.');
    expect((await app.store.people.get('shell:maya'))).toMatchObject({ admin: true, workspace: 'shell', name: 'maya' });
  });

  it('removes an admin but never the last one', async () => {
    await run(app, 'me', 'help');
    await run(app, 'me', 'admin add alice');
    expect((await run(app, 'alice', 'admin remove me')).text).toBe('me is no longer an admin. Admins: alice.');
    expect((await run(app, 'alice', 'admin remove alice')).text).toBe(
      'alice is the only admin left, and a workspace always keeps one. Make someone else admin first with /attune admin add @name.',
    );
    expect((await admins())).toEqual(['shell:alice']);
  });

  it('says so when the person is not an admin', async () => {
    await run(app, 'me', 'help');
    await run(app, 'bob', 'help');
    expect((await run(app, 'me', 'admin remove bob')).text).toBe('bob is not an admin, so nothing changed.');
  });

  it('a member cannot make anyone an admin, themselves included', async () => {
    await run(app, 'me', 'help');
    expect((await run(app, 'bob', 'admin add bob')).text).toBe('Only an admin of this workspace can use "admin add".');
    expect((await run(app, 'bob', 'admin remove me')).text).toBe('Only an admin of this workspace can use "admin remove".');
    expect((await admins())).toEqual(['shell:me']);
  });

  it('reads several words as one name, and changes nothing when nobody has it', async () => {
    await run(app, 'me', 'help');
    expect((await run(app, 'me', 'admin add alice bob')).text).toBe('I don\'t know anyone called "alice bob" here. Mention them (type @ and pick their name) so I can tell who you mean.');
    expect((await app.store.people.list('shell')).filter((p) => p.admin).map((p) => p.id)).toEqual(['shell:me']);
  });
});

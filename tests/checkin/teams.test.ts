import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextPart } from '../../src/core/invocation.js';
import { makeTestApp, run, shellActor, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import type { CommandContext } from '../../src/core/command.js';
import { UserError } from '../../src/core/errors.js';
import { addMembers, createTeam, setLead, setThreshold } from '../../src/features/teams/team-admin.js';
import { wasMemberAt } from '../../src/features/teams/membership.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'me', 'help'); // the first person here: the admin
});
afterEach(async () => {
  await app.cleanup();
});

const care = async () => (await app.store.teams.get('shell/care'))!;

describe('team create', () => {
  it('creates a team with a handle from its name', async () => {
    const res = await run(app, 'me', 'team create Customer Care');
    expect(res.text.split('\n')[0]).toBe(
      'Created team Customer Care. Its handle is customer-care: add people with /attune team add customer-care @name, and a lead with /attune team lead customer-care @name.',
    );
    expect((await app.store.teams.get('shell/customer-care'))).toMatchObject({ name: 'Customer Care', workspace: 'shell', members: [], leads: [], questions: [] });
  });

  it('refuses a second team with the same name', async () => {
    await run(app, 'me', 'team create Care');
    expect((await run(app, 'me', 'team create care')).text).toBe('There is already a team called Care (handle care). Pick another name.');
    expect((await app.store.teams.list('shell'))).toHaveLength(1);
  });

  it('refuses a name with no letters or digits', async () => {
    expect((await run(app, 'me', 'team create ---')).text).toBe('A team name needs at least one letter or digit, for example: /attune team create Customer Care');
    expect((await app.store.teams.list('shell'))).toEqual([]);
  });

  it('gives the usage when the name is missing', async () => {
    expect((await run(app, 'me', 'team create')).text).toBe('name: give the team a name\nUsage: /attune team create <name>\nExample: team create Customer Care');
  });
});

describe('membership intervals', () => {
  beforeEach(async () => {
    await run(app, 'me', 'team create Care');
  });

  it('adds several people at once and reports who was already in', async () => {
    await run(app, 'me', 'team add care alice');
    const res = await run(app, 'me', 'team add care alice, bob @carol');
    expect(res.text).toBe('Added bob, carol to Care.\nAlready in Care: alice.');
    expect((await care()).members).toEqual([
      { personId: 'shell:alice', from: '2026-03-02T10:00:00.000Z' },
      { personId: 'shell:bob', from: '2026-03-02T10:00:00.000Z' },
      { personId: 'shell:carol', from: '2026-03-02T10:00:00.000Z' },
    ]);
  });

  it('removing closes the interval, re-adding opens a new one', async () => {
    await run(app, 'me', 'team add care alice');
    app.clock.set('2026-03-05T12:00:00Z');
    expect((await run(app, 'me', 'team remove care alice')).text).toBe('Removed alice from Care. Their past check-ins stay counted where they were given.');
    app.clock.set('2026-03-09T08:00:00Z');
    await run(app, 'me', 'team add care alice');
    expect((await care()).members).toEqual([
      { personId: 'shell:alice', from: '2026-03-02T10:00:00.000Z', to: '2026-03-05T12:00:00.000Z' },
      { personId: 'shell:alice', from: '2026-03-09T08:00:00.000Z' },
    ]);
    expect(wasMemberAt((await care()), 'shell:alice', new Date('2026-03-04T00:00:00Z'))).toBe(true);
    expect(wasMemberAt((await care()), 'shell:alice', new Date('2026-03-07T00:00:00Z'))).toBe(false);
    expect(wasMemberAt((await care()), 'shell:alice', new Date('2026-03-09T09:00:00Z'))).toBe(true);
  });

  it('a check-in keeps the teams of its day after the person leaves', async () => {
    await run(app, 'me', 'team add care alice');
    await run(app, 'alice', 'checkin 3 3 3');
    app.clock.set('2026-03-03T10:00:00Z');
    await run(app, 'me', 'team remove care alice');
    await run(app, 'alice', 'checkin 4 4 2');
    const stored = await app.store.history.checkIns('shell:alice', { from: '2026-03-01', to: '2026-03-31' });
    expect(stored.map((c) => c.teams)).toEqual([['shell/care'], []]);
  });

  it('a person may be in several teams', async () => {
    await run(app, 'me', 'team create Ops');
    await run(app, 'me', 'team add care alice');
    await run(app, 'me', 'team add ops alice');
    expect((await app.store.teams.list('shell')).filter((t) => t.members.some((m) => m.personId === 'shell:alice' && !m.to)).map((t) => t.id)).toEqual(['shell/care', 'shell/ops']);
  });

  it('adds nobody when one of the people named is unknown', async () => {
    // Mention syntax typed in the shell is no person: only an adapter identifies people.
    const res = await run(app, 'me', 'team add care alice <@U123>');
    expect(res.text).toBe('I don\'t know anyone called "<@U123>" here. Mention them (type @ and pick their name) so I can tell who you mean.');
    expect((await care()).members).toEqual([]);
  });

  it('adds people the adapter identified in the text (names with spaces included), each once', async () => {
    const admin = { id: 'slack:T1:U001', platform: 'slack' as const, workspace: 'slack:T1', displayName: 'Ana' };
    const say = async (parts: TextPart[]) => (await app.dispatcher.dispatch({ kind: 'command', actor: admin, text: '', parts })).reply.text;
    const jane: TextPart = { kind: 'person', id: 'slack:T1:U002', name: 'Jane Doe' };
    const u3: TextPart = { kind: 'person', id: 'slack:T1:U003' };
    await say(['team create Care']);
    expect(await say(['team add care ', jane, ' ', u3, ', ', jane])).toBe('Added Jane Doe, U003 to Care.');
    expect((await app.store.teams.get('slack:T1/care'))!.members.map((m) => m.personId)).toEqual(['slack:T1:U002', 'slack:T1:U003']);
    expect(await say(['team lead care ', u3])).toBe("U003 now leads Care and can read its digest (team totals only, never anyone's answers).");
    expect((await app.store.teams.get('slack:T1/care'))!.leads).toEqual(['slack:T1:U003']);
  });

  it('refuses to remove someone who is not a member', async () => {
    expect((await run(app, 'me', 'team remove care bob')).text).toBe('bob is not a member of Care, so there was nothing to remove.');
  });

  it('names the teams there are when the team is unknown', async () => {
    expect((await run(app, 'me', 'team add kitchen alice')).text).toBe('There is no team "kitchen". Teams here: care.');
  });

  it('finds a team by its name as well as its handle', async () => {
    await run(app, 'me', 'team create Customer Success');
    await run(app, 'me', 'team add "Customer Success" alice');
    expect((await app.store.teams.get('shell/customer-success'))!.members.map((m) => m.personId)).toEqual(['shell:alice']);
  });
});

describe('team lead', () => {
  beforeEach(async () => {
    await run(app, 'me', 'team create Care');
  });

  it('makes someone a lead and takes it away with "remove"', async () => {
    expect((await run(app, 'me', 'team lead care maya')).text).toBe("maya now leads Care and can read its digest (team totals only, never anyone's answers).");
    expect((await care()).leads).toEqual(['shell:maya']);
    expect((await run(app, 'me', 'team lead care maya')).text).toBe('maya already leads Care. To take that away: /attune team lead care maya remove');
    expect((await run(app, 'me', 'team lead care maya remove')).text).toBe('maya no longer leads Care.');
    expect((await care()).leads).toEqual([]);
    expect((await run(app, 'me', 'team lead care maya remove')).text).toBe('maya does not lead Care, so nothing changed.');
  });

  it('gives the usage for a second person instead of "remove"', async () => {
    expect((await run(app, 'me', 'team lead care maya bob')).text).toBe(
      'remove: add "remove" to take the lead role away, or nothing\nUsage: /attune team lead <team> <person> [remove]\nExample: team lead care @maya',
    );
  });
});

describe('team threshold', () => {
  beforeEach(async () => {
    await run(app, 'me', 'team create Care');
  });

  it('sets a threshold of 3 or more', async () => {
    expect((await run(app, 'me', 'team threshold care 4')).text).toBe('Care now needs at least 4 different people before its digest shows anything beyond participation.');
    expect((await care()).threshold).toBe(4);
  });

  it.each(['2', '0', '-1'])('refuses %s with the reason and changes nothing', async (value) => {
    const res = await run(app, 'me', `team threshold care ${value}`);
    expect(res.text).toBe(`The threshold can't be ${value}: the lowest is 3, because with fewer people a lead could work out one person's answers. Nothing changed.`);
    expect((await care()).threshold).toBeUndefined();
  });

  it('gives the usage for a threshold that is not a whole number', async () => {
    expect((await run(app, 'me', 'team threshold care five')).text).toBe('value: use a whole number, 3 or more\nUsage: /attune team threshold <team> <number>\nExample: team threshold care 5');
  });
});

describe('team list', () => {
  it('lists every team with member counts, leads and threshold, and never an answer', async () => {
    await run(app, 'me', 'team create Care');
    await run(app, 'me', 'team create Ops');
    await run(app, 'me', 'team add care alice bob');
    await run(app, 'me', 'team lead care maya');
    await run(app, 'me', 'team threshold ops 3');
    await run(app, 'alice', 'checkin 1 1 5 secret worry');
    const out = await typeIntoShell(app, ['team list'], 'me');
    expect(out).toBe(
      [
        'Attune shell. You are "me". Type help for commands, \\help for shell commands, \\quit to leave.',
        'Teams (2)',
        '---------',
        'Care (care): 2 members, lead maya, threshold 5, 0 custom questions',
        'Ops (ops): 0 members, no lead yet, threshold 3, 0 custom questions',
        'Admins: me',
        '',
      ].join('\n'),
    );
  });

  it('says there are no teams yet', async () => {
    expect((await run(app, 'me', 'team list')).text).toBe('No teams yet. Create one with /attune team create <name>.\nAdmins: me');
  });
});

describe('access: only admins manage teams', () => {
  it.each([
    ['team create Rogue', 'team create'],
    ['team add care bob', 'team add'],
    ['team remove care alice', 'team remove'],
    ['team lead care alice', 'team lead'],
    ['team threshold care 3', 'team threshold'],
    ['team list', 'team list'],
  ])('a member typing "%s" is refused and nothing changes', async (line, command) => {
    await run(app, 'me', 'team create Care');
    await run(app, 'me', 'team add care alice');
    const before = JSON.stringify((await app.store.teams.list('shell')));
    expect((await run(app, 'alice', line)).text).toBe(`Only an admin of this workspace can use "${command}".`);
    expect(JSON.stringify((await app.store.teams.list('shell')))).toBe(before);
  });

  it('the team functions themselves refuse a non-admin (access.ts canManageTeams)', async () => {
    await run(app, 'me', 'team create Care');
    await run(app, 'bob', 'help');
    const ctx = { ...app, person: (await app.store.people.get('shell:bob'))!, now: app.clock.now() } as unknown as CommandContext;
    const message = 'Only an admin of this workspace can change teams. Ask one of your admins.';
    await expect(createTeam(ctx, 'Rogue')).rejects.toThrow(new UserError(message));
    await expect(addMembers(ctx, 'care', [{ kind: 'name', text: 'bob' }])).rejects.toThrow(message);
    await expect(setLead(ctx, 'care', { kind: 'name', text: 'bob' }, true)).rejects.toThrow(message);
    await expect(setThreshold(ctx, 'care', 3)).rejects.toThrow(message);
    expect((await app.store.teams.list('shell')).map((t) => t.id)).toEqual(['shell/care']);
  });

  it('an admin of another workspace cannot touch this workspace\'s teams', async () => {
    await run(app, 'me', 'team create Care');
    const other = { ...shellActor('x'), id: 'slack:T9:U9', platform: 'slack' as const, workspace: 'slack:T9' };
    const res = await app.dispatcher.dispatch({ kind: 'command', actor: other, text: 'team add care alice' });
    expect(res.reply.text).toBe('There is no team "care": this workspace has no teams yet. Create one with /attune team create <name>.');
    expect((await care()).members).toEqual([]);
  });
});

import { ApplicationCommandOptionType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCommandManifest } from '../../src/adapters/discord/command-manifest.js';
import { Registry } from '../../src/core/registry.js';
import { currentMembers } from '../../src/core/model/team.js';
import { commands } from '../../commands/index.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, BOB, chatInput, group, personOf, str, sub, userOpt, type FakeUser } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CAROL: FakeUser = { id: '500000000000000003', username: 'carol', global_name: 'Carol Ann' };

interface Opt {
  name: string;
  type: number;
  required?: boolean;
  options?: Opt[];
}

function subcommand(path: string[]): Opt {
  const root = buildCommandManifest(new Registry(commands))[0]!.options as Opt[];
  let found: Opt | undefined;
  let level = root;
  for (const name of path) {
    found = level.find((o) => o.name === name);
    level = found?.options ?? [];
  }
  return found!;
}

/** The text of the interaction's first answer. */
const said = (calls: Array<{ json?: unknown }>) => String((calls[0]!.json as { data?: { content?: string } }).data?.content);

describe('person arguments on Discord', () => {
  it('are native USER options: one for a person, several for a list of people', () => {
    const types = (path: string[]) => Object.fromEntries((subcommand(path).options ?? []).map((o) => [o.name, `${o.type}${o.required ? '!' : ''}`]));
    const USER = ApplicationCommandOptionType.User;
    expect(types(['team', 'lead'])).toMatchObject({ person: `${USER}!` });
    expect(types(['team', 'remove'])).toMatchObject({ person: `${USER}!` });
    expect(types(['admin', 'add'])).toEqual({ person: `${USER}!` });
    expect(types(['admin', 'remove'])).toEqual({ person: `${USER}!` });
    expect(types(['thanks'])).toMatchObject({ person: `${USER}` });
    expect(types(['practice'])).toMatchObject({ partner: `${USER}` });
    const add = types(['team', 'add']);
    expect(add).toMatchObject({ people: `${USER}!`, people_2: `${USER}`, people_10: `${USER}` });
    expect(Object.values(add).filter((t) => t.startsWith(String(USER)))).toHaveLength(10);
  });

  it('team add, lead and remove take picked members, named by their server name', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [group('team', sub('create', [str('name', 'Care')]))]));
    const added = await h.interact(chatInput(ALICE, [group('team', sub('add', [str('team', 'care'), userOpt('people', BOB), userOpt('people_2', CAROL)]))]));
    expect(said(added)).toBe('Added Bob, Carol Ann to Care.');
    const team = () => h!.app.store.teams.get(`discord:${personOf(ALICE).split(':')[1]}/care`);
    expect((await team())!.members.map((m) => m.personId)).toEqual([personOf(BOB), personOf(CAROL)]);
    await h.interact(chatInput(ALICE, [group('team', sub('lead', [str('team', 'care'), userOpt('person', CAROL)]))]));
    expect((await team())!.leads).toEqual([personOf(CAROL)]);
    await h.interact(chatInput(ALICE, [group('team', sub('lead', [str('team', 'care'), userOpt('person', CAROL), str('remove', 'remove')]))]));
    expect((await team())!.leads).toEqual([]);
    const removed = await h.interact(chatInput(ALICE, [group('team', sub('remove', [str('team', 'care'), userOpt('person', BOB)]))]));
    expect(said(removed)).toContain('Removed Bob from Care.');
    expect(currentMembers((await team())!)).toEqual([personOf(CAROL)]);
  });

  it('admin add and remove take a picked member', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const added = await h.interact(chatInput(ALICE, [group('admin', sub('add', [userOpt('person', BOB)]))]));
    expect(said(added)).toContain('Bob is now an admin.');
    expect((await h.app.store.people.get(personOf(BOB)))?.admin).toBe(true);
    await h.interact(chatInput(ALICE, [group('admin', sub('remove', [userOpt('person', BOB)]))]));
    expect((await h.app.store.people.get(personOf(BOB)))?.admin).toBe(false);
  });
});

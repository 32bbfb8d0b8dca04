import { afterEach, describe, expect, it } from 'vitest';
import { buildCommandManifest } from '../../src/adapters/discord/command-manifest.js';
import { deployCommands } from '../../src/adapters/discord/deploy-commands.js';
import { MAX_THANKS } from '../../src/core/model/practice.js';
import { Registry } from '../../src/core/registry.js';
import { MAX_QUESTION_DETAILS } from '../../src/features/teams/questions.js';
import { commands } from '../../commands/index.js';
import { APP_ID, BOT_TOKEN, GUILD_ID } from './fake-discord.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, chatInput, group, str, sub } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Opt {
  name: string;
  type: number;
  max_length?: number;
  choices?: unknown[];
  options?: Opt[];
}

/** Every free-text option of /attune, by its path: `team question details`. */
function freeText(): Map<string, Opt> {
  const out = new Map<string, Opt>();
  const walk = (opts: Opt[] | undefined, path: string[]) => {
    for (const o of opts ?? []) {
      if (o.type === 1 || o.type === 2) walk(o.options, [...path, o.name]);
      else if (o.type === 3 && !o.choices) out.set([...path, o.name].join(' '), o);
    }
  };
  walk(buildCommandManifest(new Registry(commands))[0]!.options as Opt[], []);
  return out;
}

describe('Discord text options declare the core\'s length limits', () => {
  it('every free-text option has a max_length, and those with a limit of their own carry that limit', () => {
    const options = freeText();
    expect([...options].filter(([, o]) => o.max_length === undefined).map(([path]) => path)).toEqual([]);
    expect(options.get('team question details')?.max_length).toBe(MAX_QUESTION_DETAILS);
    expect(options.get('thanks text')?.max_length).toBe(MAX_THANKS);
    expect(options.get('nudge value')?.max_length).toBe(1500);
  });

  it('the fake refuses (50035) a team question longer than the limit before it reaches the bot; one at the limit is saved', async () => {
    h = await startHarness();
    await deployCommands({ token: BOT_TOKEN, appId: APP_ID, guildId: GUILD_ID, apiUrl: h.fake.apiUrl }, new Registry(commands));
    await h.interact(chatInput(ALICE, [group('team', sub('create', [str('name', 'Care')]))]));
    const question = (n: number) => `scale ${'Was the week clear enough for you? '.repeat(10).slice(0, n)}`;
    const tooLong = chatInput(ALICE, [group('team', sub('question', [str('op', 'add'), str('team', 'care'), str('details', question(151))]))]);
    const refused = h.fake.invoke(tooLong);
    expect(refused).toMatchObject({ status: 400, code: 50035 });
    expect(h.fake.calls.filter((c) => c.path.includes(tooLong.token))).toEqual([]);
    expect(h.fake.invoke(chatInput(ALICE, [group('team', sub('question', [str('op', 'add'), str('team', 'care'), str('details', question(150))]))]))).toEqual({ status: 204 });
    await h.fake.waitForCalls((c) => c.path.includes('/callback'), 2);
    await h.adapter.idle();
    const team = (await h.app.store.teams.list(`discord:${GUILD_ID}`))[0]!;
    expect(team.questions.map((q) => q.text.length)).toEqual([150]);
  });

  it('the fake refuses (50035) to register an option Discord would refuse', async () => {
    h = await startHarness();
    const manifest = buildCommandManifest(new Registry(commands));
    const bad = structuredClone(manifest);
    (bad[0]!.options![0] as { description: string }).description = 'x'.repeat(101);
    const res = await fetch(`${h.fake.apiUrl}/v10/applications/${APP_ID}/commands`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bot ${BOT_TOKEN}` }, body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(50035);
  });
});

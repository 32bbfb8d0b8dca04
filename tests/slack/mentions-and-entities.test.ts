import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/adapters/slack/manifest.js';
import { readIncomingText } from '../../src/adapters/slack/incoming-text.js';
import { commands } from '../../commands/index.js';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { postSigned, slashCommandBody } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;
let seq = 0;

beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

async function slash(text: string, user = 'U1', opts: { literal?: boolean } = {}): Promise<Record<string, unknown>> {
  const id = `m${++seq}`;
  const before = h.fake.ok('response_url').length;
  await postSigned(h.port, slashCommandBody({ text, user, triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl(id), ...(opts.literal ? { literal: true } : {}) }), FORM);
  const calls = await h.fake.waitFor('response_url', before + 1);
  return calls.at(-1)!.args;
}

describe('Slack mentions and escaped text', () => {
  it('the manifest asks Slack to escape mentions, so a mention arrives as a user id', () => {
    const manifest = buildManifest(commands) as { features: { slash_commands: Array<{ should_escape: boolean }> } };
    expect(manifest.features.slash_commands[0]!.should_escape).toBe(true);
  });

  it('team add with escaped mentions adds people Attune has never met, named through users.info', async () => {
    await slash('team create Care');
    const out = await slash('team add care <@U0BOB2> <@U0CAROL3|carol>');
    expect(out.text).toBe('Added Person U0BOB2, Person U0CAROL3 to Care.');
    const team = (await h.app.store.teams.list('slack:T1'))[0]!;
    expect(team.members.map((m) => m.personId)).toEqual(expect.arrayContaining(['slack:T1:U0BOB2', 'slack:T1:U0CAROL3']));
    expect(h.fake.ok('users.info').map((c) => c.args.user)).toEqual(expect.arrayContaining(['U0BOB2', 'U0CAROL3']));
  });

  it('team remove, team lead and admin add/remove take people by mention, names with spaces and symbols included', async () => {
    h.fake.names.set('U0BOB2', 'Bob <Jones> | Jr');
    await slash('team create Care');
    expect((await slash('team add care <@U0BOB2>')).text).toBe('Added Bob <Jones> | Jr to Care.');
    expect((await slash('team lead care <@U0BOB2>')).text).toContain('Bob <Jones> | Jr now leads Care');
    expect((await h.app.store.teams.get('slack:T1/care'))!.leads).toEqual(['slack:T1:U0BOB2']);
    expect((await slash('team lead care <@U0BOB2> remove')).text).toContain('Bob <Jones> | Jr');
    expect((await h.app.store.teams.get('slack:T1/care'))!.leads).toEqual([]);
    expect((await slash('team remove care <@U0BOB2>')).text).toBe('Removed Bob <Jones> | Jr from Care. Their past check-ins stay counted where they were given.');
    expect((await slash('admin add <@U0CAROL3>')).text).toContain('Person U0CAROL3');
    expect((await h.app.store.people.get('slack:T1:U0CAROL3'))?.admin).toBe(true);
    await slash('admin remove <@U0CAROL3>');
    expect((await h.app.store.people.get('slack:T1:U0CAROL3'))?.admin).toBe(false);
  });

  it('text that only looks like a mention (typed, so Slack escaped it) names nobody', async () => {
    await slash('team create Care');
    // Slack sends a typed "<@U0EVE9>" as &lt;@U0EVE9&gt;: it is words, not a person.
    expect((await slash('team add care <@U0EVE9>', 'U1', { literal: true })).text).toBe(
      'I don\'t know anyone called "<@U0EVE9>" here. Mention them (type @ and pick their name) so I can tell who you mean.',
    );
    expect((await h.app.store.teams.get('slack:T1/care'))!.members).toEqual([]);
  });

  it('a team named "Q&A <Crew>" is stored as typed, not as Slack escaped it', async () => {
    await slash('team create Q&A <Crew>');
    expect((await h.app.store.teams.list('slack:T1')).map((t) => t.name)).toEqual(['Q&A <Crew>']);
  });

  it('a check-in note with & < > is stored as typed and counts its typed length', async () => {
    await slash('checkin 4 3 2 Q&A went well <3');
    const [checkIn] = await h.app.store.history.checkIns('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(checkIn!.note).toBe('Q&A went well <3');
  });
});

describe('reading Slack text', () => {
  const names = async (id: string) => ({ U0BOB2: 'Bob Jones' })[id];
  it('decodes entities, turns user mentions into people named through users.info, and reads links, channels and @here', async () => {
    expect(await readIncomingText('Q&amp;A &lt;b&gt; &amp;lt; <@U0BOB2> <@U0NINE|nine> <#C1|general> <https://x.org|x.org> <!here>', 'T1', names)).toEqual([
      'Q&A <b> &lt; ',
      { kind: 'person', id: 'slack:T1:U0BOB2', name: 'Bob Jones' },
      ' ',
      { kind: 'person', id: 'slack:T1:U0NINE', name: 'nine' },
      ' #general x.org @here',
    ]);
  });
});

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

async function slash(text: string, user = 'U1'): Promise<Record<string, unknown>> {
  const id = `m${++seq}`;
  const before = h.fake.ok('response_url').length;
  await postSigned(h.port, slashCommandBody({ text, user, triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl(id) }), FORM);
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
  it('decodes entities, keeps user mentions with their users.info name, and reads links, channels and @here', async () => {
    expect(await readIncomingText('Q&amp;A &lt;b&gt; &amp;lt; <@U0BOB2> <@U0NINE|nine> <#C1|general> <https://x.org|x.org> <!here>', names)).toBe(
      'Q&A <b> &lt; <@U0BOB2|Bob Jones> <@U0NINE|nine> #general x.org @here',
    );
  });
});

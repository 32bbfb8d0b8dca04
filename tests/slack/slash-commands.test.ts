import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/** Sends `/attune <text>` and returns what came back on its response_url. */
async function slash(text: string, user = 'U1'): Promise<Record<string, unknown>> {
  const id = `r${++seq}`;
  const before = h.fake.ok('response_url').length;
  const res = await postSigned(h.port, slashCommandBody({ text, user, triggerId: h.fake.trigger(`trig-${id}`), responseUrl: h.fake.responseUrl(id) }), FORM);
  expect(res.status).toBe(200);
  const calls = await h.fake.waitFor('response_url', before + 1);
  return calls.at(-1)!.args;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

describe('/attune subcommands in Slack', () => {
  it('help answers ephemerally with the command list in Block Kit', async () => {
    const copy = h.app.content.copy;
    const order = ['anyone', 'member', 'lead', 'admin'];
    // The first person in a workspace is its admin, so help lists every command.
    const sorted = [...commands].sort((a, b) => order.indexOf(a.audience) - order.indexOf(b.audience) || a.name.localeCompare(b.name));
    const lines = sorted.map((c) => `${c.usage} - ${c.description}`).join('\n');
    const out = await slash('help');
    const escaped = lines.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const blocks = (out as { blocks: Array<{ text?: { text: string } }> }).blocks;
    // The list is split over whole-line sections, each within Slack's 3,000 characters.
    const listed = blocks.slice(3, -1);
    expect(listed.map((b) => b.text!.text).join('\n')).toBe(escaped);
    for (const b of listed) expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    expect(out).toEqual({
      id: expect.any(String),
      response_type: 'ephemeral',
      replace_original: false,
      text: expect.stringContaining(copy('help.intro')),
      blocks: [header(copy('help.title')), section(copy('help.intro')), { type: 'divider' }, ...listed.map((b) => section(b.text!.text)), context(copy('help.privacy'))],
    });
    expect(listed.length).toBeGreaterThan(0);
  });

  it('reflect opens a modal with the command trigger at once, then fills it with the prompt and an answer input', async () => {
    await postSigned(h.port, slashCommandBody({ text: 'reflect', triggerId: h.fake.trigger('trig-reflect'), responseUrl: h.fake.responseUrl('reflect') }), FORM);
    const [open] = await h.fake.waitForForm();
    expect(h.fake.ok('views.open').map((c) => c.args.trigger_id)).toEqual(['trig-reflect']);
    const [served] = await h.app.store.history.served('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    const prompt = h.app.content.reflections.find((p) => p.id === served!.promptId)!;
    const title = h.app.content.copy('reflect.title', { component: { 'self-awareness': 'Self-awareness', 'self-regulation': 'Self-regulation', motivation: 'Motivation', empathy: 'Empathy', 'social-skills': 'Social skills' }[prompt.component] });
    expect(open!.args.view_id).toBe('VMODAL1');
    expect(open!.args.view).toEqual({
      type: 'modal',
      callback_id: 'attune_form',
      private_metadata: JSON.stringify({ c: 'reflect', a: 'answer', f: [['answer', 't', 1, 4000]], r: h.fake.responseUrl('reflect') }),
      title: { type: 'plain_text', text: "Today's reflection" },
      submit: { type: 'plain_text', text: 'Save' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        header(title),
        section(`>${prompt.text}`),
        context(h.app.content.copy('reflect.howToAnswer')),
        { type: 'input', block_id: 'answer', optional: false, label: { type: 'plain_text', text: 'Your reflection' }, hint: { type: 'plain_text', text: prompt.text }, element: { type: 'plain_text_input', action_id: 'value', multiline: true } },
      ],
    });
    expect(h.fake.ok('response_url')).toEqual([]);
  });

  it('reflect with an answer saves it and confirms ephemerally; history then shows it', async () => {
    const saved = await slash('reflect I noticed I rush when the queue grows.');
    expect(saved.response_type).toBe('ephemeral');
    expect(saved.blocks).toEqual([section(expect.stringMatching(/^Saved \(.+\)\. Thank you for taking a moment to reflect; only you can read it\.$/))]);
    const history = await slash('history');
    expect(history.response_type).toBe('ephemeral');
    const blocks = history.blocks as Array<Record<string, unknown>>;
    expect(blocks[0]).toEqual(header('Your history'));
    expect(blocks[1]).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: '*Streak*\n1 day' }, { type: 'mrkdwn', text: '*Reflections (last 90 days)*\n1' }] });
    expect(JSON.stringify(blocks[3])).toContain('I noticed I rush when the queue grows.');
  });

  it('a reflection over 4,000 characters typed after /attune gets the limit in an ephemeral message and is not stored', async () => {
    const out = await slash(`reflect ${'x'.repeat(4001)}`);
    expect(out).toMatchObject({ response_type: 'ephemeral', text: 'Your answer is 4001 characters; the limit is 4000. Nothing was saved: shorten it and send it again.' });
    expect(await h.app.store.history.reflections('slack:T1:U1', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
  });

  it('settings saves a zone and shows the settings as section fields', async () => {
    const out = await slash('settings tz Europe/Berlin time 08:45');
    expect(out).toEqual({
      id: expect.any(String),
      response_type: 'ephemeral',
      replace_original: false,
      text: expect.any(String),
      blocks: [
        header('Settings saved'),
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Time zone*\nEurope/Berlin' },
            { type: 'mrkdwn', text: '*Daily prompt at*\n08:45' },
            { type: 'mrkdwn', text: '*Check-in reminder at*\n16:30' },
            { type: 'mrkdwn', text: '*Working days*\nmon-fri' },
            { type: 'mrkdwn', text: '*Paused until*\nnot paused' },
            { type: 'mrkdwn', text: '*Quiet hours*\nnone' },
          ],
        },
        context('Change with /attune settings tz Europe/Berlin time 09:30 days mon-fri (any of the three).'),
        context(h.app.content.copy('scheduler.settingsScheduleHowTo')),
      ],
    });
    expect((await h.app.store.people.get('slack:T1:U1'))).toMatchObject({ tz: 'Europe/Berlin', tzSource: 'user', promptTime: '08:45' });
  });

  it('privacy export uploads the JSON to the person\'s DM and says so ephemerally', async () => {
    await slash('reflect something only I should read');
    const out = await slash('privacy export');
    const filename = 'attune-export-2026-03-02.json';
    expect(out.blocks).toEqual([
      section(h.app.content.copy('privacy.exported', { reflections: 1, checkins: 0, filename })),
      context(`I sent ${filename} to you in a direct message with Attune.`),
    ]);
    const [getUrl] = h.fake.ok('files.getUploadURLExternal');
    expect(getUrl!.args).toMatchObject({ filename, length: expect.any(String) });
    const [upload] = h.fake.ok('upload');
    const body = String(upload!.args.body);
    expect(JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1))).toMatchObject({ person: { id: 'slack:T1:U1' }, reflections: [{ answer: 'something only I should read' }] });
    const [complete] = h.fake.ok('files.completeUploadExternal');
    expect(complete!.args).toMatchObject({ channel_id: 'DU1', files: [{ id: 'F1', title: 'Attune export' }] });
  });

  it('privacy delete asks with two buttons that carry a one-time token', async () => {
    const out = await slash('privacy delete');
    const copy = h.app.content.copy;
    expect(out.blocks).toEqual([
      section(copy('privacy.confirmDelete', { minutes: 10 })),
      section(copy('privacy.confirmLabel')),
      {
        type: 'actions',
        block_id: 'confirm',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Erase everything' }, action_id: 'attune|act|privacy delete|confirm|0', value: expect.stringMatching(/^[0-9a-f-]{12}$/) },
          { type: 'button', text: { type: 'plain_text', text: 'Keep my data' }, action_id: 'attune|act|privacy delete|confirm|1', value: 'cancel' },
        ],
      },
    ]);
  });

  it('an unknown subcommand or bad arguments get a clear ephemeral message and store nothing', async () => {
    const unknown = await slash('dance');
    expect(unknown).toMatchObject({ response_type: 'ephemeral', blocks: [section('I don\'t know "dance". Type /attune help to see what I can do.')] });
    const bad = await slash('settings tz Mars/Olympus');
    expect(bad).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('"Mars/Olympus" is not a time zone I know') });
    expect((await h.app.store.people.get('slack:T1:U1'))!.tz).toBeUndefined();
  });

  it('every command in the registry answers /attune <name>', async () => {
    for (const c of h.app.registry.list()) {
      const answered = () => h.fake.ok('response_url').length + h.fake.ok('views.open').length;
      const before = answered();
      await postSigned(h.port, slashCommandBody({ text: c.name, triggerId: h.fake.trigger(`every-${c.name}`), responseUrl: h.fake.responseUrl(`every-${c.name}`) }), FORM);
      await h.fake.until(() => answered() > before || h.fake.refused().length > 0);
      expect(h.fake.refused().map((r) => [c.name, r.method, r.args.error, r.args.problems])).toEqual([]);
    }
    expect(h.fake.ok('response_url').length + h.fake.ok('views.open').length).toBe(h.app.registry.list().length);
  });
});

describe('time zone from users.info', () => {
  it('takes the zone Slack reports at first contact and looks the person up once', async () => {
    h.fake.zones.set('U2', 'America/New_York');
    await slash('settings', 'U2');
    await slash('settings', 'U2');
    expect((await h.app.store.people.get('slack:T1:U2'))).toMatchObject({ tz: 'America/New_York', tzSource: 'platform', name: 'Person U2' });
    expect(h.fake.ok('users.info').map((c) => c.args.user)).toEqual(['U2']);
  });

  it('never replaces a zone the person set', async () => {
    await slash('settings tz Asia/Tokyo', 'U3');
    h.fake.zones.set('U3', 'Europe/Paris');
    await slash('settings', 'U3');
    expect((await h.app.store.people.get('slack:T1:U3'))).toMatchObject({ tz: 'Asia/Tokyo', tzSource: 'user' });
  });
});

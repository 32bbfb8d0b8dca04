import { describe, expect, it } from 'vitest';
import { renderHome, type HomeLabels } from '../../src/adapters/slack/home-view.js';
import { buildManifest } from '../../src/adapters/slack/manifest.js';
import { commands } from '../../commands/index.js';

const labels: HomeLabels = {
  title: 'Attune',
  intro: 'Intro',
  streak: 'Streak',
  streakValue: (d) => `${d} day(s)`,
  lastCheckIn: 'Last check-in',
  lastCheckInValue: (c) => `${c.localDate}: ${c.mood}/${c.energy}/${c.stress}`,
  lastReflection: 'Last reflection',
  lastReflectionValue: (r) => `${r.localDate} ${r.component}`,
  none: 'None yet',
  reflectNow: 'Reflect now',
  checkInNow: 'Check in now',
  digests: 'Digests',
  digestButton: (t) => `${t} digest`,
  privacy: 'Private',
};

describe('App Home view', () => {
  it('offers only buttons for commands that exist, and a digest button per readable team', () => {
    const summary = { streak: 3, lastCheckIn: { localDate: '2026-03-01', mood: 4, energy: 3, stress: 2 }, teams: [{ slug: 'care', name: 'Care' }] };
    expect(renderHome(summary, { reflect: true, checkin: true, digest: true }, labels)).toEqual({
      type: 'home',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Attune', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Intro' } },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Streak*\n3 day(s)' },
            { type: 'mrkdwn', text: '*Last check-in*\n2026-03-01: 4/3/2' },
            { type: 'mrkdwn', text: '*Last reflection*\nNone yet' },
          ],
        },
        {
          type: 'actions',
          block_id: 'home_now',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Reflect now' }, action_id: 'attune|act|reflect|run|0', style: 'primary' },
            { type: 'button', text: { type: 'plain_text', text: 'Check in now' }, action_id: 'attune|act|checkin|run|1' },
          ],
        },
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: '*Digests*' } },
        { type: 'actions', block_id: 'home_digests_0', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Care digest' }, action_id: 'attune|act|digest|run|0', value: 'care' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Private' }] },
      ],
    });
    const withoutDigest = renderHome(summary, { reflect: true, checkin: false, digest: false }, labels);
    expect(JSON.stringify(withoutDigest)).not.toContain('digest|run');
    expect(JSON.stringify(withoutDigest)).not.toContain('checkin|run');
  });
});

describe('Slack manifest', () => {
  it('lists every registry command in the usage hint and turns socket mode on without a URL', () => {
    const manifest = buildManifest(commands) as { features: { slash_commands: Array<{ command: string; usage_hint: string }> }; settings: Record<string, unknown>; oauth_config: { scopes: { bot: string[] } } };
    expect(manifest.features.slash_commands).toEqual([
      { command: '/attune', description: 'Attune: reflect, check in, see your history, and more', usage_hint: commands.map((c) => c.name).join(' | '), should_escape: true },
    ]);
    expect(manifest.settings).toEqual({
      event_subscriptions: { bot_events: ['app_home_opened', 'message.im'] },
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    });
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'im:write', 'mpim:write', 'im:history', 'users:read', 'files:write']);
  });

  it('points commands, events and interactivity at /slack/events in HTTP mode', () => {
    const manifest = buildManifest(commands, { url: 'https://attune.example.org/' }) as { features: { slash_commands: Array<{ url: string }> }; settings: { event_subscriptions: { request_url: string }; interactivity: { request_url: string }; socket_mode_enabled: boolean } };
    expect(manifest.features.slash_commands[0]!.url).toBe('https://attune.example.org/slack/events');
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://attune.example.org/slack/events');
    expect(manifest.settings.interactivity.request_url).toBe('https://attune.example.org/slack/events');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});

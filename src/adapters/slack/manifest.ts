import type { Command } from '../../core/command.js';
import { SLASH_COMMAND } from './slack-listeners.js';

/** The bot scopes Attune uses, each for one reason. */
export const BOT_SCOPES = [
  'commands', // /attune
  'chat:write', // replies and scheduled messages
  'im:write', // open a DM for scheduled messages and files
  'mpim:write', // a group DM for mentoring intros
  'im:history', // read replies in the DM with Attune (message.im)
  'users:read', // the time zone from users.info
  'files:write', // charts and privacy exports
] as const;

export const BOT_EVENTS = ['app_home_opened', 'message.im'] as const;

export interface ManifestOptions {
  /** HTTP mode's public base URL (e.g. https://attune.example.org); Socket Mode when absent. */
  url?: string;
  name?: string;
}

/** The Slack app manifest, generated from the command registry. Pure. */
export function buildManifest(commands: readonly Command[], options: ManifestOptions = {}): Record<string, unknown> {
  const name = options.name ?? 'Attune';
  const endpoint = options.url ? `${options.url.replace(/\/+$/, '')}/slack/events` : undefined;
  const usage = commands.map((c) => c.name).join(' | ');
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Grow emotional intelligence together: reflections, check-ins, nudges, mentoring.',
      background_color: '#2f4f4f',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          description: 'Attune: reflect, check in, see your history, and more',
          usage_hint: usage.length > 1000 ? `${usage.slice(0, 997)}...` : usage,
          // Mentions then arrive as <@U123|name> (an id, even for names with spaces) and &, <, > as entities.
          should_escape: true,
          ...(endpoint ? { url: endpoint } : {}),
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(endpoint ? { request_url: endpoint } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(endpoint ? { request_url: endpoint } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !endpoint,
      token_rotation_enabled: false,
    },
  };
}

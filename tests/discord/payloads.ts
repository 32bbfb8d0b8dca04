import { APP_ID, CHANNEL_ID, GUILD_ID, dmChannelId } from './fake-discord.js';

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
}

export const ALICE: FakeUser = { id: '500000000000000001', username: 'alice', global_name: 'Alice' };
export const BOB: FakeUser = { id: '500000000000000002', username: 'bob', global_name: 'Bob' };

/** A person's address as the adapter forms it. */
export const personOf = (user: FakeUser): string => `discord:${GUILD_ID}:${user.id}`;

let next = 800000000000000000n;

const apiUser = (u: FakeUser) => ({ id: u.id, username: u.username, global_name: u.global_name, discriminator: '0', avatar: null });

function base(type: number, user: FakeUser, dm: boolean) {
  const id = String(++next);
  const common = {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    attachment_size_limit: 10485760,
  };
  if (dm) {
    return {
      ...common,
      channel_id: dmChannelId(user.id),
      channel: { id: dmChannelId(user.id), type: 1, last_message_id: null, recipients: [apiUser(user)], flags: 0 },
      user: apiUser(user),
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0, last_message_id: null, rate_limit_per_user: 0, topic: null },
    member: { user: apiUser(user), roles: [], joined_at: '2025-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false, permissions: '2248473465835073' },
    context: 0,
  };
}

export interface RawOption {
  type: number;
  name: string;
  value?: string | number | boolean;
  options?: RawOption[];
}

const picked = new Map<string, FakeUser>();

/** A USER option: the picked person's id, resolved (user and member) in the payload as Discord does. */
export function userOpt(name: string, picked_: FakeUser): RawOption {
  picked.set(picked_.id, picked_);
  return { type: 6, name, value: picked_.id };
}

function userIds(options: RawOption[]): string[] {
  return options.flatMap((o) => (o.type === 6 ? [String(o.value)] : userIds(o.options ?? [])));
}

/** `/attune <options>` as Discord sends it; users picked in USER options come in `resolved`. */
export function chatInput(user: FakeUser, options: RawOption[]) {
  const ids = userIds(options);
  const users = Object.fromEntries(ids.map((id) => [id, apiUser(picked.get(id) ?? { id, username: `user${id.slice(-4)}`, global_name: null })]));
  const members = Object.fromEntries(ids.map((id) => [id, { roles: [], joined_at: '2025-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false, permissions: '0' }]));
  const resolved = ids.length ? { resolved: { users, members } } : {};
  return { ...base(2, user, false), data: { id: '900000000000000001', name: 'attune', type: 1, options, ...resolved } };
}

export const sub = (name: string, options: RawOption[] = []): RawOption => ({ type: 1, name, options });
export const group = (name: string, subcommand: RawOption): RawOption => ({ type: 2, name, options: [subcommand] });
export const str = (name: string, value: string): RawOption => ({ type: 3, name, value });

function message(dm: boolean, user: FakeUser) {
  return {
    id: '610000000000000001',
    channel_id: dm ? dmChannelId(user.id) : CHANNEL_ID,
    type: 0,
    content: '',
    author: { id: '100000000000000002', username: 'Attune', discriminator: '0000', global_name: null, avatar: null, bot: true },
    timestamp: '2026-03-02T10:00:00.000000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: dm ? 0 : 64,
  };
}

export function buttonClick(user: FakeUser, customId: string, opts: { dm?: boolean } = {}) {
  const dm = opts.dm ?? false;
  return { ...base(3, user, dm), message: message(dm, user), data: { custom_id: customId, component_type: 2 } };
}

export function selectPick(user: FakeUser, customId: string, values: string[]) {
  return { ...base(3, user, false), message: message(false, user), data: { custom_id: customId, component_type: 3, values } };
}

/** A modal submission as Discord sends one of Label components: a string is typed text, an array a select's picks. */
export function modalSubmit(user: FakeUser, customId: string, fields: Record<string, string | string[]>) {
  return {
    ...base(5, user, false),
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], i) => ({
        type: 18,
        id: i + 1,
        component: Array.isArray(value) ? { type: 3, id: i + 100, custom_id: id, values: value } : { type: 4, id: i + 100, custom_id: id, value },
      })),
    },
  };
}

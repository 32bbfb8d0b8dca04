import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

/** Slack's request signature: v0= + HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  /** Seconds since the epoch; default now (Bolt checks it against the real clock). */
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

/** Posts a body to Bolt's endpoint, signed as Slack does. */
export async function postSigned(port: number, body: string, contentType: string, opts: PostOptions = {}): Promise<{ status: number; body: string }> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? sign(body, timestamp),
      ...opts.headers,
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/**
 * Text as Slack sends it with `should_escape: true`: &, < and > as entities; mentions written in
 * their wire form (`<@U2>`, `<@U2|bob>`) pass through as Slack's markup.
 */
export function slackEscaped(typed: string): string {
  return typed
    .split(/(<@[UW][A-Z0-9]+(?:\|[^>]*)?>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** A slash command, form-encoded with the fields Slack sends; `text` is escaped as Slack does. */
export function slashCommandBody(input: { text: string; user?: string; team?: string; triggerId: string; responseUrl: string; literal?: boolean }): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: input.team ?? 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: input.user ?? 'U1',
    user_name: (input.user ?? 'U1').toLowerCase(),
    command: '/attune',
    // literal: every character as typed (a typed "<@U1>" is text, so Slack escapes it all).
    text: input.literal ? input.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : slackEscaped(input.text),
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

/** Interactivity: form-encoded `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionsPayload(input: { user?: string; actionId: string; value?: string; selected?: string; actionTs: string; responseUrl?: string; triggerId?: string; container?: Record<string, unknown>; view?: Record<string, unknown> }): Record<string, unknown> {
  const user = input.user ?? 'U1';
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    container: input.container ?? { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: true },
    trigger_id: input.triggerId ?? `trigger-${input.actionTs}`,
    team: { id: 'T1', domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: 'C1', name: 'general' },
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    ...(input.view ? { view: input.view } : {}),
    state: { values: {} },
    actions: [
      {
        action_id: input.actionId,
        block_id: 'b1',
        ...(input.selected !== undefined
          ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: input.selected }, value: input.selected } }
          : { type: 'button', text: { type: 'plain_text', text: 'x', emoji: true }, value: input.value }),
        action_ts: input.actionTs,
      },
    ],
  };
}

export function viewSubmissionPayload(input: { user?: string; view: Record<string, unknown>; values: Record<string, Record<string, unknown>>; viewId?: string; hash?: string }): Record<string, unknown> {
  const user = input.user ?? 'U1';
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token-unused',
    trigger_id: 'trigger-view',
    view: {
      id: input.viewId ?? 'VMODAL1',
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'BBOT',
      root_view_id: input.viewId ?? 'VMODAL1',
      previous_view_id: null,
      external_id: '',
      state: { values: input.values },
      hash: input.hash ?? '1700000000.abc',
      clear_on_close: false,
      notify_on_close: false,
      ...input.view,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An Events API envelope. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1772445600,
    authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  });
}

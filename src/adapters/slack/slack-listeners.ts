import type { App as BoltApp } from '@slack/bolt';
import { RUN_ACTION } from '../../core/dispatch.js';
import { decodeActionId } from './action-id.js';
import { FORM_CALLBACK_ID, readFormMetadata, validateSubmission } from './form-modal.js';
import type { ReplyTarget, SlackAdapter } from './slack-adapter.js';
import { errorCode } from './slack-errors.js';
import { AppHomeOpened, BlockActionsPayload, DirectMessage, EventEnvelope, SlashCommandPayload, teamOf, ViewSubmissionPayload } from './slack-payloads.js';

export const SLASH_COMMAND = '/attune';
/** How long a view submission's work may take before its ack (Slack allows 3 s in all). */
const VIEW_ACK_BUDGET_MS = 2000;

/**
 * Bolt listeners. Each acknowledges first (Slack's 3 s deadline) and does the work after; retried
 * deliveries are dropped by claiming the payload's own id in the store.
 */
export function registerListeners(bolt: BoltApp, adapter: SlackAdapter): void {
  const { log } = adapter.app;
  const warn = (reason: string, extra: Record<string, unknown> = {}) => log.warn({ component: 'slack', reason, ...extra }, 'slack payload refused');
  const copy = adapter.app.content.copy;

  bolt.command(SLASH_COMMAND, async ({ ack, body }) => {
    await ack();
    const parsed = SlashCommandPayload.safeParse(body);
    if (!parsed.success) {
      warn('slash command failed validation', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
      await tellBadPayload(adapter, (body as { response_url?: unknown }).response_url, copy('slack.badPayload'));
      return;
    }
    const p = parsed.data;
    // A command that answers with a form opens its modal first, before the claim, users.info and the
    // command itself (any of which can be slow): the trigger_id lasts 3 s. The form fills it later.
    const placeholder = adapter.formFirst(p.text) ? adapter.openPlaceholder(p.trigger_id) : undefined;
    // Past the queue: the command's reply may be a form, and its trigger_id lasts 3 s.
    void adapter.work.urgent(async () => {
      if (!(await adapter.claim(`slack:cmd:${p.team_id}:${p.trigger_id}`))) return;
      const actor = await adapter.actor(p.team_id, p.user_id, p.user_name);
      const { text, parts } = await adapter.incomingText(p.team_id, p.text);
      const viewId = await placeholder;
      // A trigger the placeholder tried is used (or expired): the form then goes as a button.
      const modal = viewId ? { viewId } : placeholder ? {} : { triggerId: p.trigger_id };
      await adapter.run({ kind: 'command', actor, text, parts, idempotencyKey: `slack:${p.trigger_id}` }, { teamId: p.team_id, userId: p.user_id, responseUrl: p.response_url, ...modal });
    });
  });

  bolt.action(/.*/, async ({ ack, body }) => {
    await ack();
    const parsed = BlockActionsPayload.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data) : undefined;
    if (!parsed.success || !teamId) {
      warn('block_actions failed validation');
      await tellBadPayload(adapter, (body as { response_url?: unknown }).response_url, copy('slack.badPayload'));
      return;
    }
    const p = parsed.data;
    const action = p.actions[0]!;
    // A click on a message in the DM with Attune (a scheduled prompt, say) is answered there with a
    // message that stays: an ephemeral reply through response_url would vanish when Slack reloads.
    const dm = p.container?.type === 'message' && !p.container.is_ephemeral && p.container.channel_id?.startsWith('D') ? p.container.channel_id : undefined;
    const target: ReplyTarget = { teamId, userId: p.user.id, triggerId: p.trigger_id, ...(dm ? { channel: dm } : p.response_url ? { responseUrl: p.response_url } : {}) };
    const decoded = decodeActionId(action.action_id);
    if (!decoded) {
      warn('unknown action id', { actionId: action.action_id.slice(0, 80) });
      await adapter.deliver({ text: copy('error.unknownAction'), blocks: [{ type: 'text', text: copy('error.unknownAction') }], private: true }, target);
      return;
    }
    if (decoded.kind === 'form') {
      // The kept form opens first, before anything else can use up the trigger's 3 s; a retried
      // click finds its trigger used and changes nothing.
      const kept = action.value ? await adapter.keptForm(teamId, p.user.id, action.value).catch(() => undefined) : undefined;
      if (kept && (await adapter.openModal(kept, { text: kept.title, blocks: [kept] }, { ...target, triggerId: p.trigger_id }))) return;
      void adapter.work.urgent(async () => {
        if (!(await adapter.claim(`slack:act:${teamId}:${p.trigger_id}:${action.action_ts}`))) return;
        const actor = await adapter.actor(teamId, p.user.id, p.user.name ?? p.user.username);
        await adapter.openForm(actor, decoded, { ...target, triggerId: p.trigger_id });
      });
      return;
    }
    void adapter.work.urgent(async () => {
      if (!(await adapter.claim(`slack:act:${teamId}:${p.trigger_id}:${action.action_ts}`))) return;
      const actor = await adapter.actor(teamId, p.user.id, p.user.name ?? p.user.username);
      // A button rendered without a value (its value was '') arrives without one.
      const value = action.value ?? action.selected_option?.value ?? '';
      await adapter.run(
        { kind: 'action', actor, command: decoded.command, action: decoded.action, value, idempotencyKey: `slack:${teamId}:${p.trigger_id}` },
        target,
      );
      // A click on App Home refreshes it, so the streak and "last check-in" stay current.
      if (p.view?.type === 'home') await adapter.publishHome(teamId, p.user.id).catch((err: unknown) => log.warn({ component: 'slack', error: errorCode(err) }, 'views.publish failed'));
    });
  });

  bolt.view(/.*/, async ({ ack, body }) => {
    const parsed = ViewSubmissionPayload.safeParse(body);
    const teamId = parsed.success ? teamOf(parsed.data) : undefined;
    if (!parsed.success || !teamId) {
      warn('view_submission failed validation');
      await ack();
      return;
    }
    const { view, user } = parsed.data;
    const meta = (body as { view?: { callback_id?: string } }).view?.callback_id === FORM_CALLBACK_ID ? readFormMetadata(view.private_metadata) : undefined;
    const command = meta && adapter.app.registry.get(meta.c);
    if (!meta || !command || (!command.actions?.[meta.a] && meta.a !== RUN_ACTION)) {
      warn('form no longer exists', { command: meta?.c, action: meta?.a });
      // The message shows in the modal, next to what the person typed, so nothing they wrote is lost.
      const firstInput = Object.keys(view.state.values)[0];
      if (firstInput) await ack({ response_action: 'errors', errors: { [firstInput]: copy('slack.form.gone') } });
      else {
        await ack();
        await adapter.deliver({ text: copy('slack.form.gone'), blocks: [{ type: 'text', text: copy('slack.form.gone') }], private: true }, { teamId, userId: user.id });
      }
      return;
    }
    const result = validateSubmission(meta, view.state.values, view.blocks, adapter.submission);
    if ('errors' in result) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    const target: ReplyTarget = { teamId, userId: user.id, ...(meta.r ? { responseUrl: meta.r } : {}) };
    const handled = adapter.work.urgent(async () => {
      if (!(await adapter.claim(`slack:view:${view.id}:${view.hash}`))) return undefined;
      const actor = await adapter.actor(teamId, user.id, user.name ?? user.username);
      return adapter.app.dispatcher.dispatch({ kind: 'action', actor, command: meta.c, action: meta.a, values: result.values, idempotencyKey: `slack:${view.id}:${view.hash}` });
    });
    // Slack waits 3 s for the ack. A quick result that asks more (the team questions after a check-in)
    // replaces the modal with its form; the rest of the reply is sent as a message either way.
    const quick = await within(handled, VIEW_ACK_BUDGET_MS);
    const form = quick.done ? quick.value?.reply.blocks.find((b): b is Extract<typeof b, { type: 'form' }> => b.type === 'form') : undefined;
    if (quick.done && quick.value && form) {
      const { reply } = quick.value;
      await ack({ response_action: 'update', view: adapter.modalView(form, reply, meta.r) as never });
      const rest = reply.blocks.filter((b) => b !== form);
      if (rest.length) await adapter.deliver({ ...reply, blocks: rest }, target);
      return;
    }
    await ack();
    const done = quick.done ? quick.value : await handled;
    if (done) await adapter.deliver(done.reply, target);
  });

  bolt.event('app_home_opened', async ({ body, event }) => {
    const envelope = EventEnvelope.safeParse(body);
    const home = AppHomeOpened.safeParse(event);
    if (!envelope.success || !home.success) return warn('app_home_opened failed validation');
    if (home.data.tab && home.data.tab !== 'home') return;
    await adapter.work.run(async () => {
      if (!(await adapter.claim(`slack:event:${envelope.data.event_id}`))) return;
      await adapter.publishHome(envelope.data.team_id, home.data.user).catch((err: unknown) => log.warn({ component: 'slack', error: errorCode(err) }, 'views.publish failed'));
    });
  });

  // A reply to Attune in its DM: a command when it reads as one, else an answer to today's reflection.
  bolt.event('message', async ({ body, event }) => {
    const envelope = EventEnvelope.safeParse(body);
    const dm = DirectMessage.safeParse(event);
    if (!envelope.success || !dm.success || !adapter.app.registry.get('reflect')) return;
    const { team_id: teamId, event_id: eventId } = envelope.data;
    await adapter.work.run(async () => {
      if (!(await adapter.claim(`slack:event:${eventId}`))) return;
      const actor = await adapter.actor(teamId, dm.data.user);
      // The core decides whether the text is a command or an answer to the open prompt; Slack's escaping is undone first.
      const { text, parts } = await adapter.incomingText(teamId, dm.data.text);
      await adapter.run(
        { kind: 'message', actor, text, parts, idempotencyKey: `slack:${eventId}` },
        { teamId, userId: dm.data.user, channel: dm.data.channel },
      );
    });
  });

  bolt.error(async (err) => {
    log.error({ component: 'slack', error: (err as { code?: string }).code ?? err.name }, 'slack listener failed');
  });
}

async function tellBadPayload(adapter: SlackAdapter, responseUrl: unknown, message: string): Promise<void> {
  if (typeof responseUrl !== 'string' || !/^https?:\/\//.test(responseUrl)) return;
  await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message }) }).catch((err: unknown) =>
    adapter.app.log.warn({ component: 'slack', error: errorCode(err) }, 'could not post to response_url'),
  );
}

/** Whether the promise settled within ms, and its value if so; it keeps running either way. */
async function within<T>(promise: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

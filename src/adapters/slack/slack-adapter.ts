import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App as BoltApp, webApi } from '@slack/bolt';
import type { App } from '../../app.js';
import type { AppConfig } from '../../config.js';
import type { Adapter, SendResult } from '../../core/adapter.js';
import { RUN_ACTION } from '../../core/dispatch.js';
import type { GroupCapable } from '../../core/direct-outbox.js';
import { textOf } from '../../core/args.js';
import type { Actor, Invocation, TextPart } from '../../core/invocation.js';
import type { ActionRef, Block, Reply } from '../../core/reply.js';
import { localDate } from '../../core/time.js';
import { homeSummary } from '../../features/home-summary.js';
import { componentLabel } from '../../features/labels.js';
import { effectiveTimeZone } from '../../features/people.js';
import { boltLogger } from './bolt-logger.js';
import { renderModal, type ModalLabels, type SubmissionMessages } from './form-modal.js';
import { renderHome, type HomeLabels } from './home-view.js';
import type { SlackBlock } from './block-kit.js';
import { renderMessage, SLACK_PAGE, type SlackMessage, type Upload } from './render-blocks.js';
import { errorCode, postSendResult, toSendResult } from './slack-errors.js';
import { readIncomingText } from './incoming-text.js';
import { keepForms, keptForm } from './pending-forms.js';
import { registerListeners } from './slack-listeners.js';
import { UserDirectory } from './user-directory.js';
import { WorkQueue } from './work-queue.js';
import type { PlatformTraits } from '../../core/platform-traits.js';

/** Slack reports each person's zone (users.info) and names people by mention, never by a typed name alone. */
/** The drafts purpose under which a person's DM channel id is kept, and for how long (it is stable). */
const DM_CHANNEL = 'slack.dmChannel';
const DM_CHANNEL_DAYS = 90;

export const SLACK_TRAITS: PlatformTraits = { asksTimeZone: false, namesAreAddresses: false };

type FormBlock = Extract<Block, { type: 'form' }>;

/**
 * Bolt's client serves people who are waiting (users.info, views.open, replies): a few quick retries
 * and a timeout, instead of the default ten retries over about 30 minutes with none, so a Slack
 * outage fails these fast (logged; the reply falls back where it can) instead of holding every worker.
 */
const INTERACTIVE_CLIENT: webApi.WebClientOptions = { timeout: 5_000, retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 } };

/** Requests worked on at once after their ack; the rest wait their turn (see WorkQueue). */
const WORK_CONCURRENCY = 8;

export interface SlackAdapterOptions {
  app: App;
  slack: NonNullable<AppConfig['slack']>;
  /** HTTP mode's port (0 picks a free one; see `port` after start). Ignored in Socket Mode. */
  port: number;
  /** Extra Web API client options, e.g. a shorter retry policy in tests. */
  clientOptions?: webApi.WebClientOptions;
  /** Serves GET /healthz next to /slack/events (HTTP mode only). */
  healthRoute?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Where a reply goes: back through the interaction's response_url (ephemeral or in channel), else a DM. */
export interface ReplyTarget {
  teamId: string;
  userId: string;
  responseUrl?: string;
  /** A fresh trigger_id (valid 3 s, once): a reply's form opens as a modal with it. */
  triggerId?: string;
  /** Post into this conversation instead of the person's DM (a DM the person wrote in). */
  channel?: string;
  /** A placeholder modal already open for this request: a reply's form fills it (no trigger needed). */
  viewId?: string;
}

/**
 * The Slack adapter: one Bolt app for Socket Mode (SLACK_APP_TOKEN) and HTTP mode (signing secret),
 * `/attune <subcommand>` for every registry command, interactivity, modals, App Home and DMs.
 */
export class SlackAdapter implements Adapter, GroupCapable {
  readonly platform = 'slack' as const;
  readonly traits = SLACK_TRAITS;
  readonly bolt: BoltApp;
  readonly users: UserDirectory;
  readonly submission: SubmissionMessages;
  private readonly modalLabels: ModalLabels;
  private readonly homeLabels: HomeLabels;
  private readonly dmChannels = new Map<string, string>();
  private readonly socketMode: boolean;
  private boundPort: number | undefined;
  private started = false;
  /** The work after each ack (dispatch, store writes, replies), a few requests at a time. */
  readonly work: WorkQueue;
  /**
   * Clients for messages Attune starts (send/sendGroup), which the send queue (QueuedOutbox) paces and
   * retries. Both hand a 429 to the queue (which waits out its Retry-After once for the whole platform)
   * instead of waiting inside the client as Bolt's client does: waiting in both would double the wait.
   * The post is tried once: a post whose answer was lost could otherwise go out twice (Slack has no
   * idempotency key for it). Opening a DM is idempotent, so it retries a 5xx itself, quickly, to keep
   * the post near the slot the queue paced it in.
   */
  private readonly postClient: webApi.WebClient;
  private readonly openClient: webApi.WebClient;

  constructor(private readonly options: SlackAdapterOptions) {
    const { app, slack } = options;
    this.socketMode = Boolean(slack.appToken);
    this.bolt = new BoltApp({
      token: slack.botToken,
      ...(this.socketMode
        ? { socketMode: true, appToken: slack.appToken }
        : { signingSecret: slack.signingSecret, port: options.port, ...(options.healthRoute ? { customRoutes: [{ path: '/healthz', method: ['GET'], handler: options.healthRoute }] } : {}) }),
      logger: boltLogger(app.log),
      // Attune keeps no conversation state in Bolt; skipping its store saves work on every request.
      convoStore: false,
      deferInitialization: true,
      clientOptions: { ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}), ...INTERACTIVE_CLIENT, ...options.clientOptions },
    });
    const copy = app.content.copy;
    this.modalLabels = { choose: copy('slack.choose'), cancel: copy('slack.cancel'), shortened: copy('slack.modalShortened') };
    this.submission = {
      required: () => copy('slack.form.required'),
      tooLong: (max, length) => copy('slack.form.tooLong', { max, length }),
      scale: (min, max) => copy('slack.form.scale', { min, max }),
      choice: () => copy('slack.form.choice'),
    };
    this.homeLabels = {
      title: copy('slack.home.title'),
      intro: copy('slack.home.intro'),
      streak: copy('slack.home.streak'),
      streakValue: (days) => copy('slack.home.streakValue', { days }),
      lastCheckIn: copy('slack.home.lastCheckIn'),
      lastCheckInValue: (c) => copy('slack.home.lastCheckInValue', { date: c.localDate, mood: c.mood, energy: c.energy, stress: c.stress }),
      lastReflection: copy('slack.home.lastReflection'),
      lastReflectionValue: (r) => copy('slack.home.lastReflectionValue', { date: r.localDate, component: componentLabel(r.component) }),
      none: copy('slack.home.none'),
      reflectNow: copy('slack.home.reflectNow'),
      checkInNow: copy('slack.home.checkInNow'),
      digests: copy('slack.home.digests'),
      digestButton: (team) => copy('slack.home.digestButton', { team }),
      privacy: copy('slack.home.privacy'),
    };
    const sendOptions: webApi.WebClientOptions = {
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      logger: boltLogger(app.log),
      ...options.clientOptions,
      rejectRateLimitedCalls: true,
    };
    this.postClient = new webApi.WebClient(slack.botToken, { ...sendOptions, retryConfig: { retries: 0 } });
    this.openClient = new webApi.WebClient(slack.botToken, { ...sendOptions, retryConfig: { retries: 2, factor: 2, minTimeout: 50, maxTimeout: 200 } });
    this.users = new UserDirectory(this.bolt.client, app.clock, app.log);
    this.work = new WorkQueue(WORK_CONCURRENCY, (err) => app.log.error({ component: 'slack', error: errorCode(err) }, 'slack work failed'));
    registerListeners(this.bolt, this);
  }

  get app(): App {
    return this.options.app;
  }

  /** The HTTP port actually bound (after start, in HTTP mode). */
  get port(): number | undefined {
    return this.boundPort;
  }

  async start(): Promise<void> {
    await this.bolt.init();
    const server = (this.socketMode ? await this.bolt.start() : await this.bolt.start(this.options.port)) as { address?: () => unknown } | undefined;
    const address = server?.address?.();
    if (address && typeof address === 'object' && 'port' in address) this.boundPort = Number(address.port);
    this.started = true;
    this.app.log.info({ component: 'slack', mode: this.socketMode ? 'socket' : 'http', port: this.boundPort }, 'slack adapter on');
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.bolt.stop();
  }

  connected(): boolean {
    return this.started;
  }

  /** Remembers an event or interaction id; false when it was already handled (a retry). */
  async claim(key: string): Promise<boolean> {
    const fresh = await this.app.store.events.claim(key, this.app.clock.now());
    if (!fresh) this.app.log.info({ component: 'slack', key }, 'duplicate delivery ignored');
    return fresh;
  }

  /** The actor for a Slack user, with their zone from users.info unless they chose one themselves. */
  async actor(teamId: string, userId: string, fallbackName?: string): Promise<Actor> {
    const id = `slack:${teamId}:${userId}`;
    const existing = await this.app.store.people.get(id);
    const info = existing?.tzSource === 'user' ? {} : await this.users.lookup(userId);
    return {
      id,
      platform: 'slack',
      traits: SLACK_TRAITS,
      workspace: `slack:${teamId}`,
      displayName: info.name ?? existing?.name ?? fallbackName ?? userId,
      ...(info.tz ? { platformTimeZone: info.tz } : {}),
    };
  }

  /** What the person typed, from Slack's escaped text: entities decoded, mentions as people named through users.info. */
  async incomingText(teamId: string, raw: string): Promise<{ text: string; parts: TextPart[] }> {
    const parts = await readIncomingText(raw, teamId, async (userId) => (await this.users.lookup(userId)).name);
    return { text: textOf(parts), parts };
  }

  /** Dispatches and delivers the reply; a reply's form opens as a modal when the target has a trigger. */
  async run(inv: Invocation, target: ReplyTarget): Promise<Reply> {
    const { reply } = await this.app.dispatcher.dispatch(inv);
    await this.deliver(reply, target);
    return reply;
  }

  /** Runs the command behind a form button, then opens that form in a modal with the click's trigger. */
  async openForm(actor: Actor, ref: ActionRef, target: ReplyTarget & { triggerId: string }): Promise<void> {
    const { reply } = await this.app.dispatcher.dispatch({ kind: 'action', actor, command: ref.command, action: RUN_ACTION });
    const form = reply.blocks.find((b): b is FormBlock => b.type === 'form' && b.action.command === ref.command && b.action.action === ref.action);
    if (form && (await this.openModal(form, reply, target))) return;
    await this.deliver(reply, target);
  }

  async deliver(reply: Reply, target: ReplyTarget): Promise<void> {
    const personId = `slack:${target.teamId}:${target.userId}`;
    const message = this.render(reply);
    if (message.form && target.viewId && (await this.updateModal(target.viewId, this.modalView(message.form, reply, target.responseUrl)))) return;
    // No form after all: the placeholder says where the answer went, and the answer goes there.
    if (target.viewId) await this.updateModal(target.viewId, this.placeholderView(this.app.content.copy('slack.loading.answered')));
    if (message.form && target.triggerId && (await this.openModal(message.form, reply, { ...target, triggerId: target.triggerId }))) return;
    await this.keep(personId, message.forms);
    const notes = message.uploads.length ? await this.uploadToDm(target, message.uploads) : undefined;
    const note: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: notes ?? '' }] };
    const pages = withNote([message.blocks, ...message.more], notes ? note : undefined);
    for (const [i, blocks] of pages.entries()) await this.deliverPage({ ...message, blocks }, i, reply, target);
  }

  private async deliverPage(message: Pick<SlackMessage, 'text' | 'blocks'>, page: number, reply: Reply, target: ReplyTarget): Promise<void> {
    if (target.responseUrl) {
      try {
        await this.respond(target.responseUrl, message, Boolean(reply.private));
        return;
      } catch (err) {
        // A response_url lasts 30 minutes and 5 posts; past that the reply goes to the person's DM.
        this.app.log.info({ component: 'slack', error: errorCode(err), page }, 'response_url refused the reply; sending it as a DM');
      }
    }
    try {
      const channel = target.channel ?? (await this.dmChannel(target.userId));
      await this.bolt.client.chat.postMessage({ channel, text: message.text, ...(message.blocks.length ? { blocks: message.blocks as never } : {}) });
    } catch (err) {
      this.app.log.warn({ component: 'slack', error: errorCode(err), page }, 'could not deliver a reply');
    }
  }

  /** The form a message button opened for this person, kept when the message was sent. */
  keptForm(teamId: string, userId: string, token: string): Promise<FormBlock | undefined> {
    return keptForm(this.app.store, `slack:${teamId}:${userId}`, token, this.app.clock.now());
  }

  /** The modal a form opens in, with the reply's other text above its inputs. */
  modalView(form: FormBlock, reply: Reply, responseUrl?: string): Record<string, unknown> {
    return renderModal(form, reply.blocks.filter((b) => b !== form), this.modalLabels, responseUrl);
  }

  private render(reply: Reply): SlackMessage {
    return renderMessage(reply, this.modalLabels, { formToken: () => randomBytes(6).toString('base64url') });
  }

  private async keep(personId: string, forms: SlackMessage['forms']): Promise<void> {
    await keepForms(this.app.store, personId, forms, this.app.clock.now()).catch((err: unknown) => this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'could not keep a form for its button'));
  }

  /**
   * Whether a slash command's text asks for a command that answers with a form when run bare: its
   * modal must open with the trigger_id (3 s, once) before anything slow (claim, users.info, the command).
   */
  formFirst(rawText: string): boolean {
    const found = this.app.registry.resolve(rawText);
    return Boolean(found?.command.formWhenBare && found.rest.trim() === '');
  }

  /** Opens a placeholder modal with a fresh trigger; its view id, or undefined when Slack refused it. */
  async openPlaceholder(triggerId: string): Promise<string | undefined> {
    try {
      const res = await this.bolt.client.views.open({ trigger_id: triggerId, view: this.placeholderView(this.app.content.copy('slack.loading.text')) as never });
      return res.view?.id;
    } catch (err) {
      this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'views.open failed for the placeholder; the form follows as a button');
      return undefined;
    }
  }

  private placeholderView(text: string): Record<string, unknown> {
    const copy = this.app.content.copy;
    return {
      type: 'modal',
      title: { type: 'plain_text', text: copy('slack.loading.title').slice(0, 24) },
      close: { type: 'plain_text', text: copy('slack.loading.close').slice(0, 24) },
      blocks: [{ type: 'section', text: { type: 'plain_text', text: text.slice(0, 3000) } }],
    };
  }

  /** Replaces an open modal's content (no trigger needed); false when Slack refused. */
  private async updateModal(viewId: string, view: Record<string, unknown>): Promise<boolean> {
    try {
      await this.bolt.client.views.update({ view_id: viewId, view: view as never });
      return true;
    } catch (err) {
      this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'views.update failed');
      return false;
    }
  }

  async openModal(form: FormBlock, reply: Reply, target: ReplyTarget & { triggerId: string }): Promise<boolean> {
    try {
      await this.bolt.client.views.open({ trigger_id: target.triggerId, view: this.modalView(form, reply, target.responseUrl) as never });
      return true;
    } catch (err) {
      // An expired trigger (over 3 s) is the usual cause: the message with its "open" button follows instead.
      this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'views.open failed; sending the form as a button');
      return false;
    }
  }

  /** Files and images go to the person's DM with the app: a file in a channel would not stay private. */
  private async uploadToDm(target: ReplyTarget, uploads: Upload[]): Promise<string> {
    const names = uploads.map((u) => u.filename).join(', ');
    try {
      const channel = target.channel ?? (await this.dmChannel(target.userId));
      await this.upload(channel, uploads);
      return this.app.content.copy('slack.fileSent', { files: names });
    } catch (err) {
      this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'file upload failed');
      return this.app.content.copy('slack.fileFailed', { files: names });
    }
  }

  private async upload(channel: string, uploads: Upload[]): Promise<void> {
    for (const u of uploads) {
      await this.bolt.client.filesUploadV2({ channel_id: channel, file: Buffer.from(u.data), filename: u.filename, title: u.title });
    }
  }

  private async respond(responseUrl: string, message: Pick<SlackMessage, 'text' | 'blocks'>, ephemeral: boolean): Promise<void> {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: ephemeral ? 'ephemeral' : 'in_channel', replace_original: false, text: message.text, ...(message.blocks.length ? { blocks: message.blocks } : {}) }),
    });
    if (!res.ok) throw Object.assign(new Error('response_url refused the reply'), { code: `response_url_${res.status}` });
  }

  /**
   * The DM channel with a person. With their address it is kept in the store too, so conversations.open
   * (Tier 3, about 50 a minute) runs once per person, not once per person per process start or replica:
   * at 50 a minute, a morning's fan-out to 5,000 people would otherwise wait 100 minutes on it.
   */
  async dmChannel(userId: string, client: webApi.WebClient = this.bolt.client, personId?: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const now = this.app.clock.now();
    const kept = personId ? await this.app.store.drafts.get<string>(personId, DM_CHANNEL, now) : undefined;
    if (kept) {
      this.dmChannels.set(userId, kept);
      return kept;
    }
    const res = await client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw Object.assign(new Error('conversations.open returned no channel'), { code: 'no_channel' });
    this.dmChannels.set(userId, id);
    if (personId) await this.app.store.drafts.set(personId, DM_CHANNEL, id, new Date(now.getTime() + DM_CHANNEL_DAYS * 86_400_000));
    return id;
  }

  /** Forgets a DM channel Slack no longer knows (channel_not_found), so the next send opens it again. */
  private async forgetDmChannel(userId: string, personId: string): Promise<void> {
    this.dmChannels.delete(userId);
    await this.app.store.drafts.clear(personId, DM_CHANNEL);
  }

  /** Publishes App Home with this person's own data. */
  async publishHome(teamId: string, userId: string): Promise<void> {
    const { store, registry, clock, config } = this.app;
    const person = await store.people.get(`slack:${teamId}:${userId}`);
    const tz = person ? effectiveTimeZone(this.app, person) : ((await this.users.lookup(userId)).tz ?? config.defaultTimeZone);
    const summary = await homeSummary(store, person, localDate(clock.now(), tz));
    const view = renderHome(summary, { reflect: Boolean(registry.get('reflect')), checkin: Boolean(registry.get('checkin')), digest: Boolean(registry.get('digest')) }, this.homeLabels);
    await this.bolt.client.views.publish({ user_id: userId, view: view as never });
  }

  /** A scheduled message: a DM from the app; a 429 (with its Retry-After) or a 5xx is reported for the queue to retry. */
  async send(personId: string, reply: Reply): Promise<SendResult> {
    const parts = personId.split(':');
    if (parts.length !== 3 || parts[0] !== 'slack') return { ok: false, permanent: true, error: 'not a slack address' };
    try {
      const result = await this.post(await this.dmChannel(parts[2]!, this.openClient, personId), reply, [personId]);
      if (result.ok || result.error !== 'channel_not_found') return result;
      // A kept channel Slack no longer knows (nothing was posted): open it again, once.
      await this.forgetDmChannel(parts[2]!, personId);
      return await this.post(await this.dmChannel(parts[2]!, this.openClient, personId), reply, [personId]);
    } catch (err) {
      return toSendResult(err);
    }
  }

  /** One group DM with all of them (a mentoring intro); Slack allows up to 8 people in one. */
  async sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    const users = personIds.map((id) => id.split(':'));
    if (users.some((p) => p.length !== 3 || p[0] !== 'slack') || new Set(users.map((p) => p[1])).size !== 1) {
      return { ok: false, permanent: true, error: 'a group DM needs slack people of one workspace' };
    }
    try {
      const res = await this.openClient.conversations.open({ users: users.map((p) => p[2]).join(',') });
      if (!res.channel?.id) return { ok: false, permanent: false, error: 'no_channel' };
      return await this.post(res.channel.id, reply, personIds);
    } catch (err) {
      return toSendResult(err);
    }
  }

  private async post(channel: string, reply: Reply, personIds: string[]): Promise<SendResult> {
    const message = this.render(reply);
    for (const id of personIds) await this.keep(id, message.forms);
    try {
      await this.postClient.chat.postMessage({ channel, text: message.text, ...(message.blocks.length ? { blocks: message.blocks as never } : {}) });
    } catch (err) {
      return postSendResult(err);
    }
    // Further pages of a long message: the first is out, so a failure here is logged, not retried.
    for (const blocks of message.more) {
      await this.postClient.chat.postMessage({ channel, text: message.text, blocks: blocks as never }).catch((err: unknown) => this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'a further page of a message failed'));
    }
    // The message is out: a failed attachment is logged, not reported, or a retry would post it twice.
    if (message.uploads.length) await this.upload(channel, message.uploads).catch((err: unknown) => this.app.log.warn({ component: 'slack', error: errorCode(err) }, 'file upload failed'));
    return { ok: true };
  }
}

/** The upload note goes at the end of the last page, or on a page of its own when that one is full. */
function withNote(pages: SlackBlock[][], note: SlackBlock | undefined): SlackBlock[][] {
  if (!note) return pages;
  const last = pages[pages.length - 1] ?? [];
  if (last.length < SLACK_PAGE) return [...pages.slice(0, -1), [...last, note]];
  return [...pages, [note]];
}

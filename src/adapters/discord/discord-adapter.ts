import { randomBytes, randomUUID } from 'node:crypto';
import {
  ButtonStyle,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Adapter, SendResult } from '../../core/adapter.js';
import type { AppContext } from '../../core/app-context.js';
import type { DirectOutbox } from '../../core/direct-outbox.js';
import type { Dispatcher, DispatchResult } from '../../core/dispatch.js';
import type { Actor, Invocation } from '../../core/invocation.js';
import { privateReply, text, type FormField, type Reply } from '../../core/reply.js';
import { ROOT_COMMAND } from './command-manifest.js';
import { commandFromOptions } from './command-invocation.js';
import { formCustomId, parseCustomId } from './custom-id.js';
import { renderModal, readModalValues } from './modal.js';
import { keepForms, markDmClosed, openForm, takeDmClosed } from './pending-forms.js';
import { renderMessage, type RenderedMessage } from './render.js';
import { errorInfo } from './safe-error.js';
import { COMMON_ZONES } from './time-zones.js';
import type { PlatformTraits } from '../../core/platform-traits.js';

/** Discord tells Attune nobody's zone, so people are asked; people are named by picking them, not by typed names. */
export const DISCORD_TRAITS: PlatformTraits = { asksTimeZone: true, namesAreAddresses: false };

export interface DiscordAdapterOptions {
  app: AppContext;
  dispatcher: Pick<Dispatcher, 'dispatch' | 'registry'>;
  token: string;
  /** REST base such as http://127.0.0.1:3000/api (tests); Discord's own by default. */
  apiUrl?: string;
  /** Past this, an interaction is deferred (Discord allows 3 s) and its reply edited in when ready. */
  deferAfterMs?: number;
  /** Names stored forms; random by default, fixed in tests. */
  newToken?: () => string;
}

/** Discord error: the user does not accept direct messages from this bot (or server members). */
const DMS_CLOSED = 50007;
const SNOWFLAKE = /^\d{5,25}$/;

/**
 * The Discord adapter: `/attune` interactions in servers (gateway with the Guilds intent only, which
 * is all interactions need), replies rendered as embeds and components, and direct messages for
 * what Attune sends on its own.
 */
// No sendGroup: bots cannot open group DMs on Discord, so a group message is one queued DM per person
// (QueuedOutbox), and one person's failed DM is retried alone, never re-sending the others'.
export class DiscordAdapter implements Adapter {
  readonly platform = 'discord' as const;
  readonly traits = DISCORD_TRAITS;
  private client: Client | undefined;
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly options: DiscordAdapterOptions) {}

  private get app(): AppContext {
    return this.options.app;
  }

  /** The connected discord.js client (for tests and tools). */
  get discord(): Client | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: this.options.apiUrl ? { api: this.options.apiUrl } : {},
      // Replies can quote what people wrote; never let that ping anyone.
      allowedMentions: { parse: [] },
    });
    this.client = client;
    client.on(Events.InteractionCreate, (interaction) => {
      const handling = this.onInteraction(interaction).finally(() => this.inflight.delete(handling));
      this.inflight.add(handling);
    });
    client.on(Events.Error, (err) => this.app.log.error({ err: errorInfo(err) }, 'discord client error'));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(this.options.token);
    await ready;
    this.app.log.info({ bot: client.user?.id }, 'discord adapter on');
  }

  connected(): boolean {
    return this.client?.isReady() ?? false;
  }

  /** Resolves when every interaction received so far has been answered. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  /** Finishes what is in hand (so nobody is left without an answer), then disconnects. */
  async stop(): Promise<void> {
    await this.idle();
    await this.client?.destroy();
    this.client = undefined;
  }

  /** A direct message; DMs closed (50007) is permanent, and the person hears about it next time. */
  async send(personId: string, reply: Reply): Promise<SendResult> {
    const userId = personId.split(':')[2] ?? '';
    if (!personId.startsWith('discord:') || !SNOWFLAKE.test(userId)) return { ok: false, permanent: true, error: 'not a discord person address' };
    const client = this.client;
    if (!client?.isReady()) return { ok: false, permanent: false, error: 'discord is not connected' };
    try {
      const rendered = await this.render(personId, { ...reply, private: false });
      const channel = await client.users.createDM(userId);
      await channel.send(toMessageOptions(rendered));
      return { ok: true };
    } catch (err) {
      const now = this.app.clock.now();
      if (err instanceof DiscordAPIError) {
        if (err.code === DMS_CLOSED) {
          await markDmClosed(this.app.store, personId, now);
          this.app.log.warn({ personId, code: err.code }, 'discord DMs closed; the person will be told next time');
          return { ok: false, permanent: true, error: `discord ${DMS_CLOSED}: direct messages closed` };
        }
        if (err.status >= 400 && err.status < 500) {
          this.app.log.warn({ personId, err: errorInfo(err) }, 'discord DM refused');
          return { ok: false, permanent: true, error: `discord ${err.code}: ${err.message.slice(0, 100)}` };
        }
      }
      this.app.log.warn({ personId, err: errorInfo(err) }, 'discord DM failed; can retry');
      return { ok: false, permanent: false, error: 'discord DM failed' };
    }
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await this.onCommand(interaction);
      else if (interaction.isButton() || interaction.isStringSelectMenu()) await this.onComponent(interaction);
      else if (interaction.isModalSubmit()) await this.onModal(interaction);
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      this.app.log.error({ err: errorInfo(err), ref }, 'discord interaction failed');
      if (interaction.isRepliable()) await this.answer(interaction, privateReply(this.app.content.copy('error.internal', { ref }))).catch(() => undefined);
    }
  }

  private async onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const actor = await this.actor(i);
    if (!actor) return this.answer(i, privateReply(this.app.content.copy('discord.noWorkspace')));
    if (i.commandName !== ROOT_COMMAND) return this.answer(i, privateReply(this.app.content.copy('error.unknownCommand', { word: i.commandName })));
    const { command, options } = commandFromOptions(this.options.dispatcher.registry, i.options.data, actor.workspace);
    await this.run(i, actor, { kind: 'command', actor, command, options, idempotencyKey: `discord:${i.id}` });
  }

  private async onComponent(i: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
    const parsed = parseCustomId(i.customId);
    const actor = await this.actor(i);
    if (!parsed || parsed.kind === 'modal' || (parsed.kind === 'form' && !i.isButton())) {
      this.app.log.warn({ customId: i.customId.slice(0, 100) }, 'unknown discord component');
      return this.answer(i, privateReply(this.app.content.copy('discord.unknownComponent')));
    }
    if (!actor) return this.answer(i, privateReply(this.app.content.copy('discord.noWorkspace')));
    if (parsed.kind === 'form') {
      const form = await openForm(this.app.store, actor.id, parsed.token, this.app.clock.now());
      if (!form) return this.answer(i, privateReply(this.app.content.copy('discord.formExpired')));
      await i.showModal(renderModal(parsed.token, form, this.app.content.copy));
      return;
    }
    const value = i.isStringSelectMenu() ? i.values[0] : parsed.value;
    await this.run(i, actor, {
      kind: 'action',
      actor,
      command: parsed.command,
      action: parsed.action,
      ...(value !== undefined ? { value } : {}),
      idempotencyKey: `discord:${i.id}`,
    });
  }

  private async onModal(i: ModalSubmitInteraction): Promise<void> {
    const parsed = parseCustomId(i.customId);
    const actor = await this.actor(i);
    if (parsed?.kind !== 'modal') {
      this.app.log.warn({ customId: i.customId.slice(0, 100) }, 'unknown discord modal');
      return this.answer(i, privateReply(this.app.content.copy('discord.unknownComponent')));
    }
    if (!actor) return this.answer(i, privateReply(this.app.content.copy('discord.noWorkspace')));
    const form = await openForm(this.app.store, actor.id, parsed.token, this.app.clock.now());
    if (!form) return this.answer(i, privateReply(this.app.content.copy('discord.formExpired')));
    const submitted: Record<string, string> = {};
    for (const field of form.fields) submitted[field.id] = modalValue(i, field);
    const read = readModalValues(form, submitted, this.app.content.copy);
    if ('error' in read) {
      const copy = this.app.content.copy;
      const message = `${read.error}\n${copy('discord.form.tryAgain')}`;
      return this.answer(i, privateReply(message), [
        { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: formCustomId(parsed.token), label: copy('discord.form.reopen') }] },
      ]);
    }
    await this.run(i, actor, { kind: 'action', actor, command: form.action.command, action: form.action.action, values: read.values, idempotencyKey: `discord:${i.id}` });
  }

  /** Dispatches; answers at once when quick, else defers first and edits the reply in. Then any notices. */
  private async run(i: RepliableInteraction, actor: Actor, inv: Invocation): Promise<void> {
    const pending = this.options.dispatcher.dispatch(inv);
    // In a DM only the person sees Attune's answers anyway; an ephemeral one there would vanish on reload.
    const inDm = !i.guildId;
    const shown = (reply: Reply): Reply => (inDm ? { ...reply, private: false } : reply);
    let result: DispatchResult | undefined = await within(pending, this.options.deferAfterMs ?? 1500);
    if (result) {
      await i.reply(toMessageOptions(await this.render(actor.id, shown(result.reply))));
    } else {
      await i.deferReply(inDm ? {} : { flags: MessageFlags.Ephemeral });
      result = await pending;
      const { flags: _flags, ...rest } = toMessageOptions(await this.render(actor.id, shown(result.reply)));
      await i.editReply(rest);
    }
    await this.notices(i, actor, result.firstContact);
  }

  /** Told privately after the reply: the time-zone question at first contact, a refused DM once. */
  private async notices(i: RepliableInteraction, actor: Actor, firstContact: boolean): Promise<void> {
    const copy = this.app.content.copy;
    const now = this.app.clock.now();
    const person = await this.app.store.people.get(actor.id);
    if (firstContact && person && !person.tz) {
      const intro = copy('discord.tz.intro', { tz: this.app.config.defaultTimeZone });
      const ask = privateReply(intro, [
        text(intro),
        { type: 'choice', id: 'tz', label: copy('discord.tz.label'), options: COMMON_ZONES, action: { command: 'settings', action: 'tz' }, style: 'select' },
      ]);
      await i.followUp(toMessageOptions(await this.render(actor.id, ask)));
    }
    if (person && (await takeDmClosed(this.app.store, actor.id, now))) {
      await i.followUp(toMessageOptions(await this.render(actor.id, privateReply(copy('discord.dmClosed')))));
    }
  }

  /** A reply to the interaction in whatever state it is in (fresh, deferred, answered). */
  private async answer(i: RepliableInteraction, reply: Reply, components?: RenderedMessage['body']['components']): Promise<void> {
    const options = toMessageOptions(await this.render(undefined, reply));
    if (components) options.components = components;
    if (i.deferred) {
      const { flags: _flags, ...rest } = options;
      await i.editReply(rest);
    } else if (i.replied) await i.followUp(options);
    else await i.reply(options);
  }

  private async render(personId: string | undefined, reply: Reply): Promise<RenderedMessage> {
    const rendered = renderMessage(reply, { copy: this.app.content.copy, formToken: this.options.newToken ?? (() => randomBytes(6).toString('base64url')) });
    if (personId) await keepForms(this.app.store, personId, rendered.forms, this.app.clock.now());
    return rendered;
  }

  /**
   * Who clicked: discord:<guild>:<user>. In a DM there is no guild, so it is the one server where
   * Attune already knows this user; none or several, and the person is asked to use a server.
   */
  private async actor(i: Interaction): Promise<Actor | undefined> {
    const user = i.user;
    const nick = (i.member as { nick?: string | null } | null)?.nick;
    const displayName = (nick ?? user.globalName ?? user.username).slice(0, 200);
    let workspace: string;
    if (i.guildId) workspace = `discord:${i.guildId}`;
    else {
      const known = (await this.app.store.people.list()).filter((p) => p.id.startsWith('discord:') && p.id.endsWith(`:${user.id}`));
      if (known.length !== 1) return undefined;
      workspace = known[0]!.workspace;
    }
    return { id: `${workspace}:${user.id}`, platform: 'discord', workspace, displayName, traits: DISCORD_TRAITS };
  }
}

/** Starts nothing: builds the adapter for main.ts and attaches it to the outbox. */
export function attachDiscord(outbox: DirectOutbox, options: DiscordAdapterOptions): DiscordAdapter {
  const adapter = new DiscordAdapter(options);
  outbox.attach(adapter);
  return adapter;
}

type MessageOptions = BaseMessageOptions & { flags?: number };

function toMessageOptions(rendered: RenderedMessage): MessageOptions {
  const { content, embeds, components, flags } = rendered.body;
  return {
    ...(content !== undefined ? { content } : {}),
    embeds,
    components,
    ...(flags !== undefined ? { flags } : {}),
    ...(rendered.files.length ? { files: rendered.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name })) } : {}),
    allowedMentions: { parse: [] },
  };
}

/** What was typed or picked for a field; an optional field left empty may be absent from the submission. */
function modalValue(i: ModalSubmitInteraction, field: FormField): string {
  try {
    return field.kind === 'text' ? i.fields.getTextInputValue(field.id) : (i.fields.getStringSelectValues(field.id)[0] ?? '');
  } catch {
    return '';
  }
}

/** The promise's value if it settles within ms, else undefined (it keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

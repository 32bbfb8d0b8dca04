import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, SendResult } from '../../core/adapter.js';
import type { AppContext } from '../../core/app-context.js';
import type { Dispatcher } from '../../core/dispatch.js';
import type { Actor, Invocation } from '../../core/invocation.js';
import type { Reply } from '../../core/reply.js';
import { readsAsCommand } from '../../core/command-line.js';
import { echo } from '../../core/text-hygiene.js';
import { fieldPrompt, plainStyle, readFieldAnswer, renderReply, ttyStyle, type Pending, type Style } from './render.js';

/** A meta-command such as \as or \demo: gets the words after it and the shell to act on. */
export type MetaCommand = (shell: ShellAdapter, args: string) => Promise<void> | void;

export interface ShellOptions {
  app: AppContext;
  dispatcher: Dispatcher;
  input: Readable;
  output: Writable;
  /** Colour and a prompt only on a terminal; plain text for pipes and tests. */
  tty?: boolean;
  /** Who you are at start; `\as <name>` changes it. */
  user?: string;
  /** Extra meta-commands (\demo, \time, ...), by name without the backslash. */
  meta?: Record<string, { help: string; run: MetaCommand }>;
}

interface FormState {
  pending: Extract<Pending, { kind: 'form' }>;
  index: number;
  values: Record<string, string>;
  /** By the app's clock, so \advance ages a form like real time does. */
  openedAt: number;
}

/** A form left this long (by the app's clock) is closed: the next line is read afresh. */
export const FORM_OPEN_MS = 60 * 60_000;

const NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/i;

/**
 * The terminal adapter: type commands with or without `/attune`, see every reply as text, answer
 * scales and forms by number and line. Never asks anything at start-up.
 */
export class ShellAdapter implements Adapter {
  readonly platform = 'shell' as const;
  private user: string;
  private pick: Extract<Pending, { kind: 'pick' }> | undefined;
  private form: FormState | undefined;
  private rl: Interface | undefined;
  private readonly style: Style;
  private readonly meta: Record<string, { help: string; run: MetaCommand }>;
  private done: Promise<void> = Promise.resolve();
  private quitting = false;

  constructor(private readonly options: ShellOptions) {
    this.user = options.user && NAME.test(options.user) ? options.user.toLowerCase() : 'me';
    this.style = options.tty ? ttyStyle : plainStyle;
    this.meta = {
      as: { help: '\\as <name>        switch to another person (try a lead or an admin)', run: (s, args) => s.switchUser(args) },
      help: { help: '\\help             these shell commands', run: (s) => s.printMetaHelp() },
      quit: { help: '\\quit             leave the shell', run: (s) => s.quit() },
      ...options.meta,
    };
  }

  get currentUser(): string {
    return this.user;
  }

  get app(): AppContext {
    return this.options.app;
  }

  actor(name = this.user): Actor {
    return { id: `shell:${name}`, platform: 'shell', workspace: 'shell', displayName: name };
  }

  /** Starts reading lines. Resolves when the input ends or the person types \quit. */
  async start(): Promise<void> {
    this.rl = createInterface({ input: this.options.input, ...(this.options.tty ? { output: this.options.output, terminal: true } : { terminal: false }) });
    this.print(this.style.muted(`Attune shell. You are "${this.user}". Type help for commands, \\help for shell commands, \\quit to leave.`));
    this.prompt();
    this.done = (async () => {
      for await (const line of this.rl!) {
        await this.handleLine(line);
        if (this.quitting) break;
        this.prompt();
      }
    })();
    await this.done;
    this.rl.close();
  }

  async stop(): Promise<void> {
    this.quitting = true;
    this.rl?.close();
  }

  /** Scheduled messages are printed as they arrive, addressed to their person. */
  async send(personId: string, reply: Reply): Promise<SendResult> {
    if (!personId.startsWith('shell:')) return { ok: false, permanent: true, error: 'not a shell address' };
    const name = personId.slice('shell:'.length);
    this.print(this.style.muted(`-- message for ${name} --`));
    await this.show(reply, name === this.user, personId);
    this.prompt();
    return { ok: true };
  }

  print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  private prompt(): void {
    if (!this.options.tty || this.quitting) return;
    // While a form is open the prompt says so, and which question it is on.
    const form = this.form ? ` [${this.form.pending.title} ${this.form.index + 1}/${this.form.pending.fields.length}, \\cancel to stop]` : '';
    this.options.output.write(`${this.user}${form}> `);
  }

  async handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (this.form && this.formExpired()) this.closeForm('shell.formExpired');
    // Shell commands (\advance, \as) still work in the middle of a form; the form then carries on.
    if (this.form && line.startsWith('\\') && line !== '\\cancel') {
      const form = this.form;
      await this.runMeta(line);
      if (this.quitting || this.form !== form) return;
      if (this.formExpired()) return this.closeForm('shell.formExpired');
      this.askField();
      return;
    }
    // A line that is a whole command runs as the command: the form closes rather than swallow it.
    if (this.form && line !== '\\cancel' && readsAsCommand(this.options.dispatcher.registry, line)) this.closeForm('shell.formClosedByCommand');
    if (this.form) return this.answerForm(raw);
    if (line === '') return;
    if (line.startsWith('\\')) return this.runMeta(line);
    if (this.pick) {
      const pick = this.pick;
      const n = Number(line);
      const chosen = pick.byValue ? pick.options.find((o) => o.value === line) : Number.isInteger(n) ? pick.options[n - 1] : undefined;
      if (chosen) {
        this.pick = undefined;
        return this.invoke({ kind: 'action', actor: this.actor(), command: pick.command, action: pick.action, value: chosen.value });
      }
      this.pick = undefined; // anything else is a new command
    }
    const text = line.replace(/^\/?attune\b\s*/i, '');
    await this.invoke({ kind: 'command', actor: this.actor(), text });
  }

  private formExpired(): boolean {
    return !!this.form && this.options.app.clock.now().getTime() - this.form.openedAt > FORM_OPEN_MS;
  }

  private closeForm(key: string): void {
    const title = this.form?.pending.title ?? '';
    this.form = undefined;
    this.print(this.style.muted(this.options.app.content.copy(key, { title, minutes: FORM_OPEN_MS / 60_000 })));
  }

  private async runMeta(line: string): Promise<void> {
    const [, name = '', args = ''] = /^\\(\S+)\s*(.*)$/.exec(line) ?? [];
    const meta = this.meta[name.toLowerCase()];
    if (!meta) {
      this.print(`Unknown shell command \\${echo(name)}. Type \\help for the list.`);
      return;
    }
    await meta.run(this, args.trim());
  }

  private switchUser(name: string): void {
    if (!NAME.test(name)) {
      this.print('Usage: \\as <name>, for example \\as alice (letters, digits, dot, dash or underscore).');
      return;
    }
    this.user = name.toLowerCase();
    this.pick = undefined;
    this.form = undefined;
    this.print(`You are now ${this.user}.`);
  }

  private printMetaHelp(): void {
    this.print(['Shell commands:', ...Object.values(this.meta).map((m) => `  ${m.help}`), 'Everything else is an Attune command, with or without /attune: try help.'].join('\n'));
  }

  private quit(): void {
    this.quitting = true;
    this.print('Bye.');
  }

  /** Runs an invocation and shows its reply (used by meta-commands too). */
  async invoke(inv: Invocation): Promise<void> {
    const { reply } = await this.options.dispatcher.dispatch(inv);
    await this.show(reply, true);
  }

  /** `personId`: whose message it is (a scheduled digest is the lead's, whoever the shell is acting as). */
  private async show(reply: Reply, interactive: boolean, personId = this.actor().id): Promise<void> {
    const rendered = renderReply(reply, this.style);
    if (rendered.text) this.print(rendered.text);
    for (const file of rendered.files) {
      const saved = await this.saveFile(personId, file.filename, file.data);
      this.print(`${file.title}: saved to ${saved}`);
    }
    if (!interactive || !rendered.pending) return;
    if (rendered.pending.kind === 'pick') {
      // The newest message is the one being answered (a reminder arriving during a prompt's form).
      this.form = undefined;
      this.pick = rendered.pending;
      return;
    }
    this.form = { pending: rendered.pending, index: 0, values: {}, openedAt: this.options.app.clock.now().getTime() };
    this.askField();
  }

  private askField(): void {
    const form = this.form!;
    for (const line of fieldPrompt(form.pending.fields[form.index]!)) this.print(line);
  }

  private async answerForm(raw: string): Promise<void> {
    const form = this.form!;
    if (raw.trim() === '\\cancel') {
      this.form = undefined;
      this.print('Cancelled; nothing was sent.');
      return;
    }
    const field = form.pending.fields[form.index]!;
    const result = readFieldAnswer(field, raw);
    if ('error' in result) {
      this.print(result.error);
      this.askField();
      return;
    }
    if (result.value !== '') form.values[field.id] = result.value;
    form.index++;
    // A question about an answer not given (who may read a note never written) is not asked.
    while (form.index < form.pending.fields.length) {
      const next = form.pending.fields[form.index]!;
      if (next.kind !== 'choice' || !next.askIf || form.values[next.askIf] !== undefined) break;
      form.index++;
    }
    if (form.index < form.pending.fields.length) {
      this.askField();
      return;
    }
    this.form = undefined;
    await this.invoke({ kind: 'action', actor: this.actor(), command: form.pending.command, action: form.pending.action, values: form.values });
  }

  private async saveFile(personId: string, filename: string, data: Uint8Array): Promise<string> {
    return this.options.app.files.save(personId, filename, data);
  }
}

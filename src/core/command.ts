import type { z } from 'zod';
import type { AppContext } from './app-context.js';
import type { Actor } from './invocation.js';
import type { Person } from './model/person.js';
import type { Reply } from './reply.js';
import type { LocalDate } from './time.js';

/** Who may run a command; finer rules (which team) live in access.ts and are checked by the handler. */
export type Audience = 'anyone' | 'member' | 'lead' | 'admin';

/** What a handler gets: the services, the person asking (created at first contact), and their "now". */
export interface CommandContext extends AppContext {
  actor: Actor;
  person: Person;
  now: Date;
  /** The person's effective IANA zone: their own, or ATTUNE_TZ until they set one. */
  tz: string;
  /** Today's date where the person is. */
  today: LocalDate;
  idempotencyKey?: string;
}

export interface ActionInput {
  value?: string;
  values: Record<string, string>;
}

type Keys<S extends z.ZodObject> = Extract<keyof z.input<S>, string>;

export interface CommandSpec<S extends z.ZodObject = z.ZodObject> {
  /** One or two words: `reflect`, `privacy export`. Two-word names become subcommand groups on Discord. */
  name: string;
  /** One line for help, the Slack manifest and Discord. At most 100 characters (Discord's limit). */
  description: string;
  /** The usage line shown with argument errors, e.g. `/attune checkin [mood energy stress] [note]`. */
  usage: string;
  examples?: string[];
  audience: Audience;
  /** Arguments as a zod object. Text arrives as strings, so numeric fields use z.coerce. */
  args: S;
  /**
   * How words map to fields: in order (`positional`, where a leading keyword may name the field of the
   * word after it: `with @sam`), or as `key value` pairs (`named`).
   */
  parse?: { positional: Array<Keys<S>>; rest?: Keys<S>; keywords?: Record<string, Keys<S>> } | { named: true; flags?: Array<Keys<S>> };
  /**
   * Run with no arguments, it usually answers with a form. Adapters whose forms need a short-lived
   * trigger (Slack's 3 s trigger_id) open a placeholder at once and fill it in when the reply is ready.
   */
  formWhenBare?: boolean;
  run(ctx: CommandContext, args: z.output<S>): Reply | Promise<Reply>;
  /** Handlers for buttons, selects and forms that this command's replies carry. */
  actions?: Record<string, (ctx: CommandContext, input: ActionInput) => Reply | Promise<Reply>>;
}

export type Command = CommandSpec<z.ZodObject>;

/** Declares a command; every platform's surface (help, Slack manifest, Discord options) derives from it. */
export function defineCommand<S extends z.ZodObject>(spec: CommandSpec<S>): Command {
  if (!/^[a-z][a-z-]*( [a-z][a-z-]*)?$/.test(spec.name)) throw new Error(`Bad command name "${spec.name}": one or two lowercase words`);
  if (spec.description.length > 100) throw new Error(`Description of ${spec.name} is over 100 characters`);
  return spec as unknown as Command;
}

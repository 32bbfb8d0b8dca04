import { z } from 'zod';

/**
 * A person the platform itself identified (a Slack mention, a Discord user option): their address
 * and, when known, a name to show. Features never see how the platform wrote it.
 */
export interface PersonMention {
  kind: 'person';
  id: string;
  name?: string;
}

/** A person as a command argument: identified by the platform, or a name or @handle typed as text. */
export type PersonArg = PersonMention | { kind: 'name'; text: string };

/** Whether a command field holds one person or a list of people (adapters offer native pickers for them). */
export type PersonFieldKind = 'one' | 'many';

const personFields = z.registry<{ person: PersonFieldKind }>();

const MentionSchema = z.object({ kind: z.literal('person'), id: z.string().min(3).max(250), name: z.string().max(200).optional() });
const NAME_MAX = 200;

function oneRef(message: string) {
  return z.union([
    MentionSchema,
    z
      .string({ message })
      .trim()
      .min(1, message)
      .max(NAME_MAX)
      .transform((text): PersonArg => ({ kind: 'name', text: text.replace(/^@/, '') })),
  ]);
}

/** One person: `team lead care @maya`. */
export function personArg(description: string, message = 'name the person') {
  const schema = oneRef(message).describe(description) as z.ZodType<PersonArg, PersonMention | string>;
  personFields.add(schema, { person: 'one' });
  return schema;
}

/** Several people: `team add care @alice @bob`. At most `max` of them. */
export function peopleArg(description: string, message = 'name at least one person', max = 50) {
  const schema = z.array(oneRef(message), { message }).min(1, message).max(max, `at most ${max} people at once`).describe(description) as z.ZodType<PersonArg[], Array<PersonMention | string>>;
  personFields.add(schema, { person: 'many' });
  return schema;
}

/** Whether a field schema (optional or not) is a person argument, and of which kind. */
export function personFieldKind(schema: unknown): PersonFieldKind | undefined {
  let s = schema as { unwrap?: () => unknown } | undefined;
  for (let i = 0; s && i < 4; i++) {
    const found = personFields.get(s as z.ZodType);
    if (found) return found.person;
    s = typeof s.unwrap === 'function' ? (s.unwrap() as typeof s) : undefined;
  }
  return undefined;
}

/** How a person argument reads in plain text (a reply, an echo). */
export function personArgText(ref: PersonArg): string {
  return ref.kind === 'person' ? `@${ref.name ?? ref.id.slice(ref.id.lastIndexOf(':') + 1)}` : ref.text;
}

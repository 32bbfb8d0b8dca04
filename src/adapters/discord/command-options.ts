import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from 'discord.js';
import { z } from 'zod';
import type { Command } from '../../core/command.js';
import { personFieldKind } from '../../core/person-arg.js';

/** Discord's limits on slash command parts. */
export const DISCORD_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  stringLength: 6000,
} as const;

interface FieldSchema {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: unknown[];
}

/** A list of people becomes this many USER options (`people`, `people_2`, ...): Discord has no list of users. */
export const PEOPLE_OPTIONS = 10;

/** The USER option names a person field is offered as: one, or PEOPLE_OPTIONS for a list. */
export function personOptionNames(field: string, kind: 'one' | 'many'): string[] {
  const base = optionName(field);
  if (kind === 'one') return [base];
  return Array.from({ length: PEOPLE_OPTIONS }, (_, i) => (i === 0 ? base : `${base.slice(0, DISCORD_LIMITS.name - 3)}_${i + 1}`));
}

/** Discord option names are lowercase: `promptTime` becomes `prompt_time`. */
export function optionName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).slice(0, DISCORD_LIMITS.name);
}

/** One line of at most max characters (names, labels, descriptions). */
export function clip(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/** At most max characters, line breaks kept (message content, embed text). */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * A command's zod arguments as Discord options, read through zod's JSON Schema (input side, so
 * optional and defaulted fields are not required). Required options come first, as Discord demands.
 */
export function commandOptions(command: Command): APIApplicationCommandBasicOption[] {
  const schema = z.toJSONSchema(command.args, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, FieldSchema>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const options = Object.entries(schema.properties ?? {}).flatMap(([field, s]) => {
    const kind = personFieldKind(command.args.shape[field]);
    return kind ? personOptions(field, s, kind, required.has(field)) : [toOption(command, field, s, required.has(field))];
  });
  if (options.length > DISCORD_LIMITS.options) throw new Error(`${command.name} has ${options.length} arguments; Discord allows ${DISCORD_LIMITS.options}`);
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/** People are picked from the server's members (a USER option) rather than typed as mentions. */
function personOptions(field: string, s: FieldSchema, kind: 'one' | 'many', required: boolean): APIApplicationCommandBasicOption[] {
  const description = clip(s.description ?? humanize(field), DISCORD_LIMITS.description);
  return personOptionNames(field, kind).map((name, i) => ({
    type: ApplicationCommandOptionType.User,
    name,
    description: i === 0 ? description : clip(`Another person (${i + 1} of up to ${PEOPLE_OPTIONS})`, DISCORD_LIMITS.description),
    required: required && i === 0,
  }));
}

function toOption(command: Command, field: string, s: FieldSchema, required: boolean): APIApplicationCommandBasicOption {
  const name = optionName(field);
  if (!/^[a-z0-9_-]{1,32}$/.test(name)) throw new Error(`Argument ${field} of ${command.name} cannot be a Discord option name`);
  const description = clip(s.description ?? `${humanize(field)} (see /attune help)`, DISCORD_LIMITS.description);
  const base = { name, description, required };
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const choices = s.enum?.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  if (choices?.length && choices.length <= DISCORD_LIMITS.choices) {
    if (choices.every((c) => typeof c === 'string')) {
      return { ...base, type: ApplicationCommandOptionType.String, choices: choices.map((c) => ({ name: clip(String(c), DISCORD_LIMITS.choiceName), value: c as string })) };
    }
  }
  if (type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (type === 'integer' ? 1 : 0) : undefined);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (type === 'integer' ? 1 : 0) : undefined);
    const bounds = { ...(min !== undefined ? { min_value: min } : {}), ...(max !== undefined ? { max_value: max } : {}) };
    return type === 'integer' ? { ...base, type: ApplicationCommandOptionType.Integer, ...bounds } : { ...base, type: ApplicationCommandOptionType.Number, ...bounds };
  }
  const maxLength = s.maxLength !== undefined ? Math.min(s.maxLength, DISCORD_LIMITS.stringLength) : undefined;
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...(s.minLength !== undefined && s.minLength > 0 ? { min_length: Math.min(s.minLength, DISCORD_LIMITS.stringLength) } : {}),
    ...(maxLength !== undefined ? { max_length: maxLength } : {}),
  };
}

function humanize(field: string): string {
  const words = field.replace(/([A-Z])/g, ' $1').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

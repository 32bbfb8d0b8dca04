import type { Command } from './command.js';
import { UsageError } from './errors.js';
import type { TextPart } from './invocation.js';
import { personArgText, personFieldKind, type PersonMention } from './person-arg.js';
import { echo } from './text-hygiene.js';

interface Token {
  value: string;
  start: number;
  /** The person the platform identified here; `value` is then how they read (`@name`). */
  person?: PersonMention;
}

/** Typed text, or typed text with the people the platform identified in it. */
export type CommandWords = string | readonly TextPart[];

/** The words as plain text: each identified person as `@name`. */
export function textOf(words: CommandWords): string {
  return typeof words === 'string' ? words : words.map((p) => (typeof p === 'string' ? p : personArgText(p))).join('');
}

/** The last `length` characters of the words (before trailing spaces), people kept whole. */
export function tailOf(words: CommandWords, length: number): CommandWords {
  const text = textOf(words).trimEnd();
  const from = Math.max(0, text.length - length);
  if (typeof words === 'string') return text.slice(from);
  const out: TextPart[] = [];
  let at = 0;
  for (const part of words) {
    const value = typeof part === 'string' ? part : personArgText(part);
    const end = at + value.length;
    if (end > from) out.push(typeof part === 'string' ? part.slice(Math.max(0, from - at)) : part);
    at = end;
  }
  return out;
}

/** Splits on spaces; "double" or 'single' quotes keep spaces inside one word; an identified person is one word. */
export function tokenize(words: CommandWords): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const part of typeof words === 'string' ? [words] : words) {
    if (typeof part !== 'string') {
      const value = personArgText(part);
      tokens.push({ value, start: offset, person: part });
      offset += value.length;
      continue;
    }
    const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) tokens.push({ value: m[1] ?? m[2] ?? m[3] ?? '', start: offset + m.index });
    offset += part.length;
  }
  return tokens;
}

/** Turns the words after the command name into a raw options object, following the command's parse rule. */
export function wordsToOptions(command: Command, words: CommandWords): Record<string, unknown> {
  const text = textOf(words);
  let tokens = tokenize(words);
  const rule = command.parse;
  const example = command.examples?.[0];
  const kind = (field: string) => personFieldKind(command.args.shape[field]);
  // A person field takes the identified person, else the typed name; other fields take the words.
  const valueOf = (token: Token, field: string): unknown => {
    const k = kind(field);
    if (!k) return token.value;
    const one = token.person ?? token.value;
    return k === 'many' ? [one] : one;
  };
  if (!rule) {
    if (tokens.length) throw new UsageError(`${command.name} takes no arguments.`, command.usage, example);
    return {};
  }
  const out: Record<string, unknown> = {};
  if ('named' in rule) {
    const known = Object.keys(command.args.shape);
    const flags = new Set<string>(rule.flags ?? []);
    for (let i = 0; i < tokens.length; i++) {
      const key = tokens[i]!.value.toLowerCase().replace(/^--?/, '');
      if (tokens[i]!.person || !known.includes(key)) throw new UsageError(`I don't understand "${echo(tokens[i]!.value)}": ${command.name} takes ${known.join(', ')}.`, command.usage, example);
      if (flags.has(key)) {
        out[key] = true;
        continue;
      }
      const value = tokens[i + 1];
      if (!value) throw new UsageError(`"${key}" needs a value.`, command.usage, example);
      out[key] = valueOf(value, key);
      i++;
    }
    return out;
  }
  const { positional, rest, keywords } = rule;
  // A leading keyword names the field of the word after it: practice with @sam email.
  const keyed = keywords?.[tokens[0]?.value.toLowerCase() ?? ''];
  if (keyed && !tokens[0]!.person && tokens[1]) {
    out[keyed] = valueOf(tokens[1], keyed);
    tokens = tokens.slice(2);
  }
  for (let i = 0; i < positional.length && i < tokens.length; i++) {
    const field = positional[i]!;
    if (field === rest) {
      const remaining = tokens.slice(i);
      const k = kind(field);
      if (k === 'many') {
        // People as a list: mentions whole, typed names separated by spaces or commas.
        out[field] = remaining.flatMap((t): unknown[] => (t.person ? [t.person] : t.value.split(',').map((v) => v.trim()).filter(Boolean)));
        return out;
      }
      if (k === 'one' && remaining.length === 1) {
        out[field] = valueOf(remaining[0]!, field);
        return out;
      }
      // Several words make one name ("Ann Lee"), but a person the platform identified stands alone.
      if (k === 'one' && remaining.some((t) => t.person)) throw new UsageError(`Name exactly one person for "${field}".`, command.usage, example);
      // One quoted phrase is its words without the quotes: team create "Customer Care".
      out[field] = remaining.length === 1 && /^["']/.test(text.slice(remaining[0]!.start)) ? remaining[0]!.value : text.slice(tokens[i]!.start).trim();
      return out;
    }
    out[field] = valueOf(tokens[i]!, field);
  }
  if (tokens.length > positional.length) {
    throw new UsageError(`Too many words: "${echo(tokens[positional.length]!.value)}" is not expected.`, command.usage, example);
  }
  return out;
}

/** Validates options with the command's schema; the first problem becomes a usage error in plain words. */
export function validateOptions(command: Command, options: Record<string, unknown>): Record<string, unknown> {
  const cleaned = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
  const result = command.args.safeParse(cleaned);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? String(issue.path[0]) : '';
  throw new UsageError(explain(issue, field, cleaned[field]), command.usage, command.examples?.[0]);
}

/** zod's own wording ("Too big: expected string to have <=64 characters") is for developers, not people. */
const VALIDATOR_WORDING = /^(Invalid|Too (big|small)|Expected)\b/;

interface Issue {
  code: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  values?: unknown[];
}

function explain(issue: Issue, field: string, value: unknown): string {
  const name = field ? `"${field}"` : 'That';
  // A command's own wording is kept, after the field it is about: "mood: use a whole number from 1 to 5".
  const custom = !VALIDATOR_WORDING.test(issue.message) ? `${field ? `${field}: ` : ''}${issue.message}` : undefined;
  const length = typeof value === 'string' ? Array.from(value).length : undefined;
  if (issue.code === 'too_big' && issue.origin === 'string') return `${name} is ${length ?? 'too many'} characters long; the most is ${String(issue.maximum)}. Nothing was changed.`;
  if (issue.code === 'too_small' && issue.origin === 'string') return `${name} needs at least ${String(issue.minimum)} characters.`;
  if (custom) return custom;
  if (value === undefined) return `${name} is missing.`;
  if (issue.code === 'too_big') return `${name} can be at most ${String(issue.maximum)}; you gave "${echo(String(value))}".`;
  if (issue.code === 'too_small') return `${name} must be at least ${String(issue.minimum)}; you gave "${echo(String(value))}".`;
  if (issue.code === 'invalid_value' && issue.values) return `"${echo(String(value))}" is not a choice for ${name}: use ${issue.values.map(String).join(', ')}.`;
  return `"${echo(String(value))}" does not fit ${name}.`;
}

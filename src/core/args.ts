import type { Command } from './command.js';
import { UsageError } from './errors.js';
import { echo } from './text-hygiene.js';

interface Token {
  value: string;
  start: number;
}

/** Splits on spaces; "double" or 'single' quotes keep spaces inside one word. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // A mention (`<@U123|Ann Lee>`) is one word even when the adapter put a name with spaces in it.
  const re = /(<@[^<>]*>)|"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ value: m[1] ?? m[2] ?? m[3] ?? m[4] ?? '', start: m.index });
  return tokens;
}

/** Turns the words after the command name into a raw options object, following the command's parse rule. */
export function wordsToOptions(command: Command, text: string): Record<string, unknown> {
  const tokens = tokenize(text);
  const rule = command.parse;
  const example = command.examples?.[0];
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
      if (!known.includes(key)) throw new UsageError(`I don't understand "${echo(tokens[i]!.value)}": ${command.name} takes ${known.join(', ')}.`, command.usage, example);
      if (flags.has(key)) {
        out[key] = true;
        continue;
      }
      const value = tokens[i + 1];
      if (!value) throw new UsageError(`"${key}" needs a value.`, command.usage, example);
      out[key] = value.value;
      i++;
    }
    return out;
  }
  const { positional, rest } = rule;
  for (let i = 0; i < positional.length && i < tokens.length; i++) {
    const field = positional[i]!;
    if (field === rest) {
      // One quoted phrase is its words without the quotes: team create "Customer Care".
      const remaining = tokens.slice(i);
      out[field] = remaining.length === 1 && /^["']/.test(text.slice(remaining[0]!.start)) ? remaining[0]!.value : text.slice(tokens[i]!.start).trim();
      return out;
    }
    out[field] = tokens[i]!.value;
  }
  if (tokens.length > positional.length) {
    throw new UsageError(`Too many words: "${echo(tokens[positional.length]!.value)}" is not expected.`, command.usage, example);
  }
  return out;
}

/** Validates options with the command's schema; the first problem becomes a usage error in plain words. */
export function validateOptions(command: Command, options: Record<string, unknown>): Record<string, unknown> {
  const cleaned = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== ''));
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

import type { Command } from './command.js';
import { UsageError } from './errors.js';

interface Token {
  value: string;
  start: number;
}

/** Splits on spaces; "double" or 'single' quotes keep spaces inside one word. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) tokens.push({ value: m[1] ?? m[2] ?? m[3] ?? '', start: m.index });
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
      if (!known.includes(key)) throw new UsageError(`I don't understand "${tokens[i]!.value}".`, command.usage, example);
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
      out[field] = text.slice(tokens[i]!.start).trim();
      return out;
    }
    out[field] = tokens[i]!.value;
  }
  if (tokens.length > positional.length) {
    throw new UsageError(`Too many words: "${tokens[positional.length]!.value}" is not expected.`, command.usage, example);
  }
  return out;
}

/** Validates options with the command's schema; the first problem becomes a usage error. */
export function validateOptions(command: Command, options: Record<string, unknown>): Record<string, unknown> {
  const cleaned = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const result = command.args.safeParse(cleaned);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? `${String(issue.path[0])}: ` : '';
  throw new UsageError(`${field}${issue.message}`, command.usage, command.examples?.[0]);
}

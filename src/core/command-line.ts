import { validateOptions, wordsToOptions } from './args.js';
import type { Command } from './command.js';
import type { Registry } from './registry.js';

/** `attune help` or `/attune help` typed as a message: the words after the root command. */
export function stripRoot(text: string): { text: string; explicit: boolean } {
  const m = /^\/?attune\b\s*(.*)$/is.exec(text.trim());
  return m ? { text: m[1] ?? '', explicit: true } : { text: text.trim(), explicit: false };
}

/**
 * Whether a line typed while a prompt or form is open is a command rather than an answer: it names
 * a command and its words are that command's arguments (`history`, `checkin 1 1 5 awful`). A line
 * that only starts like one ("history repeats itself") stays an answer, so nothing typed is lost.
 */
export function readsAsCommand(registry: Registry, line: string): boolean {
  const { text, explicit } = stripRoot(line);
  if (explicit) return true;
  const found = registry.resolve(text);
  if (!found) return false;
  return parses(found.command, found.rest);
}

function parses(command: Command, rest: string): boolean {
  try {
    validateOptions(command, wordsToOptions(command, rest));
    return true;
  } catch {
    return false;
  }
}

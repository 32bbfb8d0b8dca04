import type { Command } from './command.js';

/** The set of commands, looked up by name or by the leading words of a text. */
export class Registry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: readonly Command[]) {
    for (const c of commands) {
      if (this.byName.has(c.name)) throw new Error(`Command ${c.name} is declared twice`);
      this.byName.set(c.name, c);
    }
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  list(): Command[] {
    return [...this.byName.values()];
  }

  /** Finds the command a text starts with (the longest name wins) and returns the remaining text. */
  resolve(text: string): { command: Command; rest: string } | undefined {
    const trimmed = text.trim();
    const words = trimmed.split(/\s+/);
    for (const n of [2, 1]) {
      if (words.length < n) continue;
      const name = words.slice(0, n).join(' ').toLowerCase();
      const command = this.byName.get(name);
      if (command) {
        const rest = trimmed.replace(new RegExp(`^(\\S+\\s+){${n - 1}}\\S+\\s*`), '');
        return { command, rest };
      }
    }
    return undefined;
  }

  /** The command names starting with this word, e.g. `privacy` -> `privacy export`, `privacy delete`. */
  group(word: string): Command[] {
    return this.list().filter((c) => c.name.startsWith(`${word.toLowerCase()} `));
  }
}

/**
 * Discord's rules for application commands, as the fake Discord applies them: on registration (PUT
 * .../commands answers 50035 when a command breaks them) and on use (Discord refuses a person's
 * invocation whose values break a registered option's limits, with 50035, and the bot never sees it).
 */
type Obj = Record<string, unknown>;
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const STRING = 3;
const INTEGER = 4;
const NUMBER = 10;
const USER = 6;
const SUB = 1;
const GROUP = 2;
const MAX_STRING = 6000;

export function commandProblems(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ['body is not a list of commands'];
  return commands.flatMap((c: Obj, i) => [
    ...(typeof c.name === 'string' && NAME.test(c.name) && c.name === c.name.toLowerCase() ? [] : [`[${i}].name "${String(c.name)}" is not a command name`]),
    ...descriptionProblems(c, `[${i}]`),
    ...optionsProblems(c.options, `[${i}]`),
  ]);
}

function descriptionProblems(o: Obj, at: string): string[] {
  const d = o.description;
  return typeof d === 'string' && d.length >= 1 && d.length <= 100 ? [] : [`${at}.description must be 1-100 characters`];
}

function optionsProblems(options: unknown, at: string): string[] {
  if (options === undefined) return [];
  if (!Array.isArray(options)) return [`${at}.options is not a list`];
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${at} has ${options.length} options (at most 25)`);
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((o: Obj, i) => {
    const here = `${at}.options[${i}]`;
    if (typeof o.name !== 'string' || !NAME.test(o.name) || o.name !== o.name.toLowerCase()) problems.push(`${here}.name "${String(o.name)}" is not an option name`);
    if (names.has(String(o.name))) problems.push(`${here}.name "${String(o.name)}" repeated`);
    names.add(String(o.name));
    problems.push(...descriptionProblems(o, here));
    if (o.type === SUB || o.type === GROUP) return void problems.push(...optionsProblems(o.options, here));
    if (o.required) {
      if (optionalSeen) problems.push(`${here} is required after an optional option`);
    } else optionalSeen = true;
    for (const key of ['min_length', 'max_length'] as const) {
      const v = o[key];
      if (v === undefined) continue;
      if (o.type !== STRING) problems.push(`${here}.${key} is for string options only`);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < (key === 'max_length' ? 1 : 0) || v > MAX_STRING) problems.push(`${here}.${key} must be an integer up to ${MAX_STRING}`);
    }
    if (typeof o.min_length === 'number' && typeof o.max_length === 'number' && o.min_length > o.max_length) problems.push(`${here}.min_length is over max_length`);
    if (Array.isArray(o.choices) && o.choices.length > 25) problems.push(`${here} has ${o.choices.length} choices (at most 25)`);
  });
  return problems;
}

/** Why Discord would refuse this chat input against the registered commands (empty: it goes through). */
export function invocationProblems(registered: readonly Obj[], data: Obj): string[] {
  const command = registered.find((c) => c.name === data.name);
  if (!command) return [`no registered command "${String(data.name)}"`];
  return valuesProblems((command.options ?? []) as Obj[], (data.options ?? []) as Obj[], String(data.name));
}

function valuesProblems(declared: Obj[], given: Obj[], at: string): string[] {
  const problems: string[] = [];
  for (const g of given) {
    const d = declared.find((o) => o.name === g.name);
    const here = `${at} ${String(g.name)}`;
    if (!d || d.type !== g.type) {
      problems.push(`${here} is not a registered option of that type`);
      continue;
    }
    if (g.type === SUB || g.type === GROUP) {
      problems.push(...valuesProblems((d.options ?? []) as Obj[], (g.options ?? []) as Obj[], here));
      continue;
    }
    const v = g.value;
    if (g.type === STRING && typeof v === 'string') {
      const length = [...v].length;
      if (typeof d.max_length === 'number' && length > d.max_length) problems.push(`${here} is ${length} characters (at most ${d.max_length})`);
      if (typeof d.min_length === 'number' && length < d.min_length) problems.push(`${here} is ${length} characters (at least ${d.min_length})`);
    }
    if ((g.type === INTEGER || g.type === NUMBER) && typeof v === 'number') {
      if (typeof d.min_value === 'number' && v < d.min_value) problems.push(`${here} is under ${d.min_value}`);
      if (typeof d.max_value === 'number' && v > d.max_value) problems.push(`${here} is over ${d.max_value}`);
    }
    if (Array.isArray(d.choices) && !(d.choices as Obj[]).some((c) => c.value === v)) problems.push(`${here} is not one of its choices`);
    if (g.type === USER && !/^\d{5,25}$/.test(String(v))) problems.push(`${here} is not a user id`);
  }
  for (const d of declared) if (d.required && !given.some((g) => g.name === d.name)) problems.push(`${at} ${String(d.name)} is required`);
  return problems;
}

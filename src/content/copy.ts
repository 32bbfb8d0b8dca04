import { IntlMessageFormat } from 'intl-messageformat';
import { z } from 'zod';

/**
 * Bot copy: the messages Attune says, in ICU message format ({name}, and plurals by rule:
 * "{count, plural, one {# reflection} other {# reflections}}"). Each is parsed at start-up.
 */
export const CopyFileSchema = z.object({
  version: z.literal(1),
  messages: z.record(z.string().regex(/^[a-z][a-zA-Z0-9_.-]*$/), z.string().min(1)),
});

export type Copy = (key: string, vars?: Record<string, string | number>) => string;

const LOCALE = 'en';

/** Plain numbers inside sentences ("5000 characters", "threshold 10000"); explicit number styles still apply. */
const plainNumbers = {
  getNumberFormat: (locales?: string | string[], opts?: Intl.NumberFormatOptions) =>
    opts && Object.keys(opts).length ? new Intl.NumberFormat(locales, opts) : ({ format: (n: number | bigint) => String(n) } as Intl.NumberFormat),
  getDateTimeFormat: (locales?: string | string[], opts?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locales, opts),
  getPluralRules: (locales?: string | string[], opts?: Intl.PluralRulesOptions) => new Intl.PluralRules(locales, opts),
};

/** Parses one message; a malformed one throws, naming the key, so start-up stops. */
export function compileMessage(key: string, template: string): IntlMessageFormat {
  try {
    return new IntlMessageFormat(template, LOCALE, undefined, { ignoreTag: true, formatters: plainNumbers });
  } catch (err) {
    throw new Error(`the message ${key} is not valid ICU message format: ${(err as Error).message}`);
  }
}

/**
 * Builds the copy lookup. A missing key or a missing value is a programming error: it throws.
 * Numbers print as typed (no "5,000" grouping inside sentences such as "5000 characters"); plural
 * and select arguments still get the number.
 */
export function makeCopy(messages: Record<string, string>): Copy {
  return copyOf(new Map(Object.entries(messages).map(([key, template]) => [key, compileMessage(key, template)])));
}

/** The copy lookup over messages already compiled (start-up compiles each once, to validate it). */
export function copyOf(compiled: ReadonlyMap<string, IntlMessageFormat>): Copy {
  return (key, vars = {}) => {
    const format = compiled.get(key);
    if (!format) throw new Error(`No copy for "${key}" in prompts/copy`);
    let result;
    try {
      result = format.format<string>(vars);
    } catch (err) {
      const name = /variable "([^"]+)"/.exec((err as Error).message)?.[1];
      throw new Error(name ? `Copy "${key}" needs a value for {${name}}` : `Copy "${key}" could not be formatted: ${(err as Error).message}`);
    }
    return Array.isArray(result) ? result.join('') : String(result);
  };
}

import { z } from 'zod';

/** Bot copy: the messages Attune says, as templates with {placeholders}. */
export const CopyFileSchema = z.object({
  version: z.literal(1),
  messages: z.record(z.string().regex(/^[a-z][a-zA-Z0-9_.-]*$/), z.string().min(1)),
});

export type Copy = (key: string, vars?: Record<string, string | number>) => string;

/** Builds the copy lookup. A missing key or a missing placeholder value is a programming error: it throws. */
export function makeCopy(messages: Record<string, string>): Copy {
  return (key, vars = {}) => {
    const template = messages[key];
    if (template === undefined) throw new Error(`No copy for "${key}" in prompts/copy.json`);
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`Copy "${key}" needs a value for {${name}}`);
      return String(value);
    });
  };
}

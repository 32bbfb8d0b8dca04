import { z } from 'zod';

export const PLATFORMS = ['shell', 'slack', 'discord'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * A person's address names its platform: `shell:alice`, `slack:T123:U456`, `discord:G1:U2`.
 * It doubles as the person's id, so a scheduled send needs nothing but the id.
 */
export const PersonId = z.string().regex(/^(shell|slack|discord):[^\s]{1,200}$/, 'a person id such as slack:T123:U456');

export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const IsoInstant = z.string().datetime({ offset: true });
export const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export function platformOf(id: string): Platform {
  const p = id.slice(0, id.indexOf(':'));
  if (!(PLATFORMS as readonly string[]).includes(p)) throw new Error(`Not a person address: ${id}`);
  return p as Platform;
}

/** The workspace part of an address: `slack:T123`, `discord:G1`, `shell`. */
export function workspaceOf(id: string): string {
  const parts = id.split(':');
  return parts.length > 2 ? parts.slice(0, 2).join(':') : parts[0]!;
}

import { DiscordAPIError, HTTPError } from 'discord.js';

/** Interaction tokens sit in callback and webhook paths; they must never reach a log. */
export function redactPath(url: string): string {
  return url.replace(/(\/interactions\/\d+\/|\/webhooks\/\d+\/)[^/?#]+/g, '$1[token]');
}

/** What is safe to log about a failed Discord call: codes and the route, never bodies or tokens. */
export function errorInfo(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) return { name: 'DiscordAPIError', code: err.code, status: err.status, method: err.method, url: redactPath(err.url) };
  if (err instanceof HTTPError) return { name: 'HTTPError', status: err.status, method: err.method, url: redactPath(err.url) };
  if (err instanceof Error) return { name: err.name, message: redactPath(err.message).slice(0, 300), stack: err.stack ? redactPath(err.stack) : undefined };
  return { error: String(err).slice(0, 300) };
}

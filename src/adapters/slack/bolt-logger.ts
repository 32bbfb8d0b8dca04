import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Bolt's and the Web API client's debug lines carry whole request and response bodies (slash command text,
 * modal answers, replies with reflections and digests). What people tell Attune must never reach a log at any
 * level, so debug lines pass only when they match a shape known to hold no content; the rest are counted.
 */
const SAFE_DEBUG: readonly RegExp[] = [
  /^apiCall\('[\w.]+'\) (start|end)$/,
  /^http response received$/,
  /^initialized$/,
  /^Initializing (HTTP|SocketMode)Receiver$/,
  /^adding Developer Mode custom OAuth failure handler$/,
];

/** Warnings and errors keep their wording (they name a cause) but no objects, and are clipped. */
const MAX_LINE = 200;

function describe(m: unknown): string {
  if (typeof m === 'string') return m;
  if (m instanceof Error) {
    const code = (m as { code?: unknown }).code;
    return typeof code === 'string' ? `${m.name} (${code})` : m.name;
  }
  return '';
}

function clip(msgs: unknown[]): string {
  const line = msgs.map(describe).filter(Boolean).join(' ');
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

/** Bolt's logger interface over Attune's pino logger, so Bolt's lines share its format, redaction and privacy. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msgs) => {
      if (!child.isLevelEnabled('debug')) return;
      const first = msgs.length === 1 && typeof msgs[0] === 'string' ? msgs[0] : undefined;
      if (first !== undefined && SAFE_DEBUG.some((re) => re.test(first))) child.debug(first);
      else child.debug('slack library debug line withheld: it may hold message content');
    },
    // Info lines from the libraries are start-up and rate-limit notices; strings only, clipped.
    info: (...msgs) => child.info(clip(msgs)),
    warn: (...msgs) => child.warn(clip(msgs)),
    error: (...msgs) => child.error(clip(msgs)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

import { pino, type Logger } from 'pino';
import { safeError } from './log-safe-error.js';

export type { Logger };

/**
 * Structured logs to stderr (stdout belongs to the shell adapter). Tokens and secrets are redacted
 * wherever they appear in a logged object; errors are logged without their free-text messages.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      // Errors keep their type, code and stack, never free text that may quote what someone typed.
      serializers: { err: safeError },
      redact: {
        paths: ['token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret', 'headers.authorization', '*.headers.authorization', 'config.headers.Authorization'],
        censor: '[redacted]',
      },
    },
    destination as pino.DestinationStream,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

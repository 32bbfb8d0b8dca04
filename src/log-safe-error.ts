const OPERATOR_ERRORS = new Set(['StoreFileError', 'StoreLockedError', 'ConfigError', 'ContentError']);

/**
 * How an error appears in a log. Error messages can quote input (JSON.parse quotes the text it failed on,
 * a validator may echo a value), and what people tell Attune must never reach a log, so a logged error keeps
 * its type, code, the paths and codes of validation issues and its stack frames, but not free text.
 */
export function safeError(err: unknown): Record<string, unknown> {
  // A plain object is one a caller built to be logged (already stripped of content, as the adapters do).
  if (!(err instanceof Error)) return typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : { type: typeof err };
  const out: Record<string, unknown> = { type: err.name };
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const issues = (err as { issues?: unknown }).issues;
  if (Array.isArray(issues)) {
    out.issues = issues.map((i: { path?: unknown[]; code?: unknown }) => ({ path: (i.path ?? []).map(String).join('.'), code: String(i.code) }));
  }
  // Attune's operator-facing errors name a file, a variable or a lock, not content; any other message
  // (SyntaxError, a library's error) may quote input.
  if (OPERATOR_ERRORS.has(err.name)) out.message = err.message;
  if (err.stack) out.stack = err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).join('\n');
  if (err.cause !== undefined) out.cause = safeError(err.cause);
  return out;
}

/** A problem the person can fix; its message is shown to them as it is, privately. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Wrong arguments: the message says what was wrong, then the command's usage and an example. */
export class UsageError extends UserError {
  constructor(
    readonly detail: string,
    readonly usage: string,
    readonly example?: string,
  ) {
    super(`${detail}\nUsage: ${usage}${example ? `\nExample: ${example}` : ''}`);
    this.name = 'UsageError';
  }
}

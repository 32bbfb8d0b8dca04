/** A wording file that is missing, not JSON, or not of the expected shape: start-up stops with this. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Attune cannot load ${file}: ${problem}. Fix the file and start again.`);
    this.name = 'ContentError';
  }
}

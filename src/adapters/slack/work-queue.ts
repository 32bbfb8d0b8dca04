/**
 * Runs the work that follows an ack a few at a time. Acks are cheap and must stay fast; if every
 * request's work ran at once, a burst would fill the event loop with callbacks queued ahead of the
 * next request's ack. Tasks never reject: a failure is handed to `onError`.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Queues a task; the promise settles when it has run (for callers that want to wait). */
  run(task: () => Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve) => {
      const start = () => {
        this.running++;
        task()
          .catch(this.onError)
          .finally(() => {
            this.running--;
            this.waiting.shift()?.();
            resolve();
          });
      };
      if (this.running < this.concurrency) start();
      else this.waiting.push(start);
    });
  }

  /**
   * Runs a task at once, past the queue: work holding a trigger_id (3 s, for a modal) would expire
   * waiting its turn. Only person-paced interactions take this lane, so it stays small.
   */
  async urgent<T>(task: () => Promise<T>): Promise<T | undefined> {
    this.running++;
    try {
      return await task();
    } catch (err) {
      this.onError(err);
      return undefined;
    } finally {
      this.running--;
      if (this.running < this.concurrency) this.waiting.shift()?.();
    }
  }

  get pending(): number {
    return this.running + this.waiting.length;
  }
}

/**
 * A readers-writer lock for one process: single reads and writes share it, a transaction holds it
 * alone. First come, first served, so a waiting transaction is not starved by a stream of reads.
 */
export class RwLock {
  private readers = 0;
  private writer = false;
  private readonly waiting: Array<{ exclusive: boolean; wake: () => void }> = [];

  async shared<R>(work: () => Promise<R>): Promise<R> {
    if (this.writer || this.waiting.length > 0) await new Promise<void>((wake) => this.waiting.push({ exclusive: false, wake }));
    else this.readers++;
    try {
      return await work();
    } finally {
      this.readers--;
      this.next();
    }
  }

  async exclusive<R>(work: () => Promise<R>): Promise<R> {
    if (this.writer || this.readers > 0 || this.waiting.length > 0) await new Promise<void>((wake) => this.waiting.push({ exclusive: true, wake }));
    else this.writer = true;
    try {
      return await work();
    } finally {
      this.writer = false;
      this.next();
    }
  }

  /** Wakes the next waiter(s): one writer, or every reader up to the next writer. Wakers count themselves in. */
  private next(): void {
    if (this.writer) return;
    while (this.waiting.length > 0) {
      const head = this.waiting[0]!;
      if (head.exclusive) {
        if (this.readers > 0) return;
        this.waiting.shift();
        this.writer = true;
        head.wake();
        return;
      }
      this.waiting.shift();
      this.readers++;
      head.wake();
    }
  }
}

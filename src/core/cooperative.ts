import { performance } from 'node:perf_hooks';

/** Synchronous work longer than this, in one turn of the event loop, lets timers and I/O run before going on. */
export const SLICE_MS = 8;

let sliceStart = performance.now();
let resetQueued = false;

function newSlice(): void {
  sliceStart = performance.now();
  resetQueued = false;
}

/**
 * Cooperative scheduling for request paths. Hundreds of requests arriving together each do a little
 * work in memory between their awaits; chained as promise callbacks, that work runs back to back and
 * holds the event loop for seconds (no timer, no socket read, no ack). Called before each step (every
 * store call goes through it), this yields to the event loop once the current turn has worked for
 * SLICE_MS, so the turn ends and the rest continues in the next one, in arrival order.
 */
export async function yieldIfBusy(): Promise<void> {
  while (performance.now() - sliceStart >= SLICE_MS) {
    // The first to yield in a turn starts the next turn's slice: immediates run in the order queued.
    if (!resetQueued) {
      resetQueued = true;
      setImmediate(newSlice);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

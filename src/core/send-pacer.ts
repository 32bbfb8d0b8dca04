/**
 * Paces sends across every process sending for one bucket (a Slack workspace, the Discord bot), so
 * together they keep to the rate one process would. The send queue asks it for a slot before each send.
 *
 * Slack and Discord answer a send over a limit with 429 and Retry-After, for the channel or for the
 * method: one 429 holds back only the message it answered (the queue retries that message after
 * exactly Retry-After, and the others keep going); when `BUCKET_STRIKES` messages of one bucket are
 * told to wait within one Retry-After, the limit is the method's, and the whole bucket waits it out,
 * on every process.
 */
export interface SendPacer {
  /** Reserves the next free slot `intervalMs` after the previous one in `bucket`; resolves with how long to wait for it. */
  reserve(bucket: string, intervalMs: number): Promise<number>;
  /** A send in `bucket` was answered 429 with Retry-After `ms`. */
  limited(bucket: string, ms: number): Promise<void>;
}

/** 429s within one Retry-After that mean the method's limit rather than one channel's. */
export const BUCKET_STRIKES = 3;

import { z } from 'zod';
import { CheckInSchema, ReflectionSchema, ServedPromptSchema } from '../../core/model/history.js';
import { DeliverySchema } from '../../core/model/delivery.js';
import { MonthWeeksSchema } from './week-partials.js';

/** history/<person>/<YYYY-MM>.json: one person's month. Deleting a person removes their folder whole. */
export const HistoryPartitionSchema = z.object({
  version: z.literal(1),
  personId: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  reflections: z.array(ReflectionSchema).default([]),
  checkins: z.array(CheckInSchema).default([]),
  served: z.array(ServedPromptSchema).default([]),
  /**
   * The month's check-ins summed per week and team (week-partials.ts), rewritten with every check-in in
   * the same write. Absent in files of older versions: then computed from the check-ins when read.
   */
  weeks: MonthWeeksSchema.optional(),
  /** The last line of the month's log (month-log.ts) this file holds; later lines are applied when read. */
  logSeq: z.number().int().min(0).optional(),
});
export type HistoryPartition = z.infer<typeof HistoryPartitionSchema>;

/** ledger/<YYYY-MM-DD>.json: the delivery ledger of one local date, keyed by person|job|date. */
export const LedgerPartitionSchema = z.object({
  version: z.literal(1),
  localDate: z.string(),
  deliveries: z.record(z.string(), DeliverySchema).default({}),
});
export type LedgerPartition = z.infer<typeof LedgerPartitionSchema>;

/** events/<YYYY-MM-DD>.json: platform event ids already handled (UTC date of first sight). */
export const EventKeysPartitionSchema = z.object({
  version: z.literal(1),
  day: z.string(),
  keys: z.record(z.string(), z.string()).default({}),
});
export type EventKeysPartition = z.infer<typeof EventKeysPartitionSchema>;

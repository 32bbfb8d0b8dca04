import { z } from 'zod';
import { IsoInstant, LocalDateSchema, PersonId } from './ids.js';

/**
 * The delivery ledger: one entry per (person, job, local date).
 * pending -> sent | failed; a pending entry found after a restart becomes unknown and is not resent.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'unknown', 'missed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliverySchema = z.object({
  personId: PersonId,
  job: z.string().min(1),
  localDate: LocalDateSchema,
  status: z.enum(DELIVERY_STATUSES),
  dueAt: IsoInstant,
  updatedAt: IsoInstant,
  attempts: z.number().int().min(0).default(0),
  error: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export function deliveryKey(personId: string, job: string, localDate: string): string {
  return `${personId}|${job}|${localDate}`;
}

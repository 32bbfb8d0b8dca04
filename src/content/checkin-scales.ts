import { z } from 'zod';

export const CHECKIN_SCALES = ['mood', 'energy', 'stress'] as const;
export type CheckInScale = (typeof CHECKIN_SCALES)[number];

const Word = z.string().trim().min(1).max(30);

const ScaleSchema = z.object({
  label: z.string().trim().min(1).max(30),
  question: z.string().trim().min(5).max(100),
  labels: z.object({ '1': Word, '2': Word, '3': Word, '4': Word, '5': Word }),
});

/** prompts/checkin.json: the wording of the three check-in scales, one word for each point 1-5. */
export const CheckInFileSchema = z.object({
  version: z.literal(1),
  scales: z.object({ mood: ScaleSchema, energy: ScaleSchema, stress: ScaleSchema }),
});

export interface ScaleWording {
  label: string;
  question: string;
  /** The word for each point, 1-5. */
  labels: Record<number, string>;
}

export type CheckInWording = Record<CheckInScale, ScaleWording>;

export function toCheckInWording(file: z.infer<typeof CheckInFileSchema>): CheckInWording {
  const convert = (s: z.infer<typeof ScaleSchema>): ScaleWording => ({
    label: s.label,
    question: s.question,
    labels: Object.fromEntries(Object.entries(s.labels).map(([k, v]) => [Number(k), v])),
  });
  return { mood: convert(file.scales.mood), energy: convert(file.scales.energy), stress: convert(file.scales.stress) };
}

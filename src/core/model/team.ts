import { z } from 'zod';
import { WEEKDAYS } from '../time.js';
import { Hhmm, IsoInstant, PersonId } from './ids.js';

/** Membership is kept as intervals, so answers stay with the teams a person was in when they gave them. */
export const MembershipSchema = z.object({
  personId: PersonId,
  from: IsoInstant,
  to: IsoInstant.optional(),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** A team's own check-in question, asked after mood, energy and stress (at most 3 per team). */
export const CustomQuestionSchema = z.object({
  id: z.string().min(1).max(40),
  kind: z.enum(['scale', 'text']),
  text: z.string().min(3).max(150),
});
export type CustomQuestion = z.infer<typeof CustomQuestionSchema>;

export const TeamSchema = z.object({
  id: z.string().min(1),
  workspace: z.string().min(1),
  name: z.string().min(1).max(80),
  createdAt: IsoInstant,
  members: z.array(MembershipSchema).default([]),
  leads: z.array(PersonId).default([]),
  /** Minimum distinct respondents; never below 3. Absent: the configured default. */
  threshold: z.number().int().min(3).optional(),
  digestDay: z.enum(WEEKDAYS).default('mon'),
  digestTime: Hhmm.default('09:00'),
  questions: z.array(CustomQuestionSchema).max(3).default([]),
});
export type Team = z.infer<typeof TeamSchema>;

export function isCurrentMember(team: Team, personId: string): boolean {
  return team.members.some((m) => m.personId === personId && !m.to);
}

export function currentMembers(team: Team): string[] {
  return [...new Set(team.members.filter((m) => !m.to).map((m) => m.personId))];
}

/** Team ids are unique across workspaces: `slack:T123/care`. */
export function teamId(workspace: string, slug: string): string {
  return `${workspace}/${slug}`;
}

/**
 * A short handle from a team name: "Customer Care" -> "customer-care", "Support Ünits" -> "support-ünits",
 * "Поддержка" -> "поддержка". Letters and digits of any script stay as they are (lowercased, composed),
 * with their combining marks; anything else between them becomes one dash.
 */
export function teamSlug(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // At most 40 characters, cut between whole characters, never leaving a dash at the end.
  return Array.from(slug).slice(0, 40).join('').replace(/-+$/, '');
}

import { z } from 'zod';
import { NudgeStateSchema, SupportResourcesSchema } from '../../core/model/nudges.js';
import { PersonSchema } from '../../core/model/person.js';
import { TeamSchema } from '../../core/model/team.js';
import { emptyMentoring, MentoringStateSchema } from '../../core/model/mentoring.js';
import { DigestWeekSchema } from '../../core/model/digest-week.js';
import { PublishedQuerySchema } from '../../core/model/digest-ledger.js';
import { PeerPracticeSchema, PersonPracticeRecordSchema, ThanksSchema } from '../../core/model/practice.js';

/**
 * state.json: the small, bounded state (each feature's settings, mentoring and practice records).
 * People live in people/, teams and their frozen digest weeks in teams/, the published digest ledger in
 * digest/ledger/, history in partitions: their keys here are read only from files of older versions,
 * which the open moves out (person-shards.ts, move-teams.ts). A feature adds its collection as a new key with a default,
 * so files written before it existed still load.
 */
export const StateSchema = z.object({
  version: z.literal(1),
  people: z.record(z.string(), PersonSchema).default({}),
  teams: z.record(z.string(), TeamSchema).default({}),
  /** Short-lived pending choices (e.g. an answer waiting for "replace?"), keyed by person then by purpose. */
  drafts: z
    .record(z.string(), z.record(z.string(), z.object({ expiresAt: z.string(), data: z.unknown() })))
    .default({}),
  /** Resilience nudges: each person's settings and recent nudges, and each workspace's support resources. */
  nudges: z
    .object({
      people: z.record(z.string(), NudgeStateSchema).default({}),
      resources: z.record(z.string(), SupportResourcesSchema).default({}),
    })
    .default({ people: {}, resources: {} }),
  /** Mentor profiles, requests, invitations, matches and pairing pools (round groups live in mentoring/rounds/). */
  mentoring: MentoringStateSchema.default(emptyMentoring),
  /** Digest: each team's weekly aggregates, frozen when first computed; by team id, then week start. */
  digestWeeks: z.record(z.string(), z.record(z.string(), DigestWeekSchema)).default({}),
  /** Digest: what was published (opaque ids per aggregate), by workspace, then week start; outlives removed teams. */
  digestLedger: z.record(z.string(), z.record(z.string(), z.array(PublishedQuerySchema))).default({}),
  /** Role-play practice and thank-yous, by person, and peer sessions under way. */
  practice: z
    .object({
      people: z.record(z.string(), PersonPracticeRecordSchema).default({}),
      peers: z.record(z.string(), PeerPracticeSchema).default({}),
      thanks: z.record(z.string(), ThanksSchema).default({}),
    })
    .default({ people: {}, peers: {}, thanks: {} }),
});
export type State = z.infer<typeof StateSchema>;

export const emptyState = (): State => ({
  version: 1,
  people: {},
  teams: {},
  drafts: {},
  nudges: { people: {}, resources: {} },
  mentoring: emptyMentoring(),
  digestWeeks: {},
  digestLedger: {},
  practice: { people: {}, peers: {}, thanks: {} },
});

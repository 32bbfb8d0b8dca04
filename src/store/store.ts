import type { DigestWeek } from '../core/model/digest-week.js';
import type { CheckIn, Delivery, Person, Reflection, ServedPrompt, Team } from '../core/model/index.js';
import type { NudgeState, SupportResources } from '../core/model/nudges.js';
import type { LocalDate } from '../core/time.js';
import type { MentoringState, PairRound } from '../core/model/mentoring.js';
import type { PracticeState } from '../core/model/practice.js';

/** An inclusive range of local dates. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** The outcome of a write that carries an idempotency key. */
export interface KeyedWrite<T> {
  record: T;
  /** True when a write with the same key was already stored; nothing new was written. */
  duplicate: boolean;
}

/** Everything the store holds about one person, for `privacy export`. */
export interface PersonalData {
  person: Person;
  teams: Array<{ id: string; name: string; member: boolean; lead: boolean }>;
  reflections: Reflection[];
  checkins: CheckIn[];
  servedPrompts: ServedPrompt[];
  deliveries: Delivery[];
  /** Feature sections (mentoring, nudges, ...), by name. */
  [section: string]: unknown;
}

/**
 * The only way to data. Shaped around Attune's records; reads of small state are synchronous
 * (it is in memory), history reads load only the partitions a range needs.
 */
export interface Store {
  readonly dataDir: string;

  // People and teams (small state).
  person(id: string): Person | undefined;
  people(workspace?: string): Person[];
  savePerson(person: Person): Promise<Person>;
  team(id: string): Team | undefined;
  teams(workspace?: string): Team[];
  saveTeam(team: Team): Promise<Team>;
  removeTeam(id: string): Promise<void>;

  /** A short-lived pending value, e.g. an answer awaiting "replace the first one?". */
  draft<T>(personId: string, purpose: string, now: Date): T | undefined;
  setDraft(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void>;
  clearDraft(personId: string, purpose: string): Promise<void>;

  // History (partitioned by person and month).
  addReflection(reflection: Reflection): Promise<KeyedWrite<Reflection>>;
  /** Replaces the reflection of that person on that local date (or adds it). */
  replaceReflection(reflection: Reflection): Promise<Reflection>;
  reflections(personId: string, range: DateRange): Promise<Reflection[]>;
  addCheckIn(checkIn: CheckIn): Promise<KeyedWrite<CheckIn>>;
  replaceCheckIn(checkIn: CheckIn): Promise<CheckIn>;
  checkIns(personId: string, range: DateRange): Promise<CheckIn[]>;
  recordServedPrompt(personId: string, served: ServedPrompt): Promise<void>;
  servedPrompts(personId: string, range: DateRange): Promise<ServedPrompt[]>;
  /** The months (YYYY-MM) holding any history of this person, oldest first. */
  historyMonths(personId: string): Promise<string[]>;

  // Delivery ledger (partitioned by local date).
  delivery(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined>;
  /**
   * Records a pending delivery if none exists for (person, job, date). True when this caller won and
   * must send; false when someone already did (or is doing) it.
   */
  claimDelivery(delivery: Delivery): Promise<boolean>;
  updateDelivery(personId: string, job: string, localDate: LocalDate, change: Partial<Delivery>): Promise<Delivery>;
  deliveriesOn(localDate: LocalDate): Promise<Delivery[]>;

  /**
   * Remembers a platform event id; false when it was seen in the last 24 hours. Adapters call it so
   * that a retried event is handled once, even across a restart.
   */
  claimEvent(key: string, now: Date): Promise<boolean>;

  // Personal data.
  exportPerson(personId: string): Promise<PersonalData | undefined>;
  /** Erases everything of this person: record, memberships, history, ledger entries, drafts. */
  erasePerson(personId: string): Promise<void>;

  /** Flushes and releases the data directory. */
  close(): Promise<void>;

  // --- nudges ---
  /** A person's nudge settings and recent nudges (an empty state when they have none). */
  nudgeState(personId: string): NudgeState;
  saveNudgeState(personId: string, state: NudgeState): Promise<NudgeState>;
  /** The support resources an admin set for a workspace, if any. */
  supportResources(workspace: string): SupportResources | undefined;
  /** Sets (or with undefined, clears) a workspace's support resources. */
  setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void>;

  // --- mentoring ---
  /** Mentoring's small state: profiles, requests, invitations, matches, pools. Read it; change it only with updateMentoring. */
  mentoring(): MentoringState;
  /**
   * Applies a change to a copy of mentoring's state, validates it, and makes it durable in one write.
   * Throwing in `change` (or an invalid result) changes nothing.
   */
  updateMentoring<R>(change: (state: MentoringState) => R): Promise<R>;
  /** One pairing round with its groups (a partition of its own), by pool and slot date. */
  pairRound(poolId: string, slot: LocalDate): Promise<PairRound | undefined>;
  /** Every round of a pool, oldest first. */
  pairRounds(poolId: string): Promise<PairRound[]>;
  /** Writes a round's partition (replacing one of the same slot) and lists it in the pool's index. */
  savePairRound(round: PairRound): Promise<PairRound>;

  // --- digest ---
  /** A team's frozen weekly aggregates, by week start (Monday). They hold no person ids. */
  digestWeeks(teamId: string): Record<string, DigestWeek>;
  /** Freezes weeks; a week already frozen for a team is kept as it was (first write wins). Keeps a team's 12 latest weeks. */
  saveDigestWeeks(entries: ReadonlyArray<{ teamId: string; week: DigestWeek }>): Promise<void>;

  // --- practice and thanks ---
  /** Role-play practice and thank-yous: each person's (personal) and the peer sessions under way. Read it; change it only with updatePractice. */
  practice(): PracticeState;
  /** Applies a change to a copy of practice's state, validates it, and makes it durable in one write; throwing changes nothing. */
  updatePractice<R>(change: (state: PracticeState) => R): Promise<R>;
}

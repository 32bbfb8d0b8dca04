import path from 'node:path';
import type { PersonalData, PrivacyRepository } from '../../core/store/index.js';
import type { LowdbDigest } from './digest.js';
import { writeDurable } from './durable-json-file.js';
import { clone, STATE_BACKUP, type LowdbEngine } from './engine.js';
import type { LowdbHistory } from './history.js';
import type { LowdbLedger } from './ledger.js';
import type { LowdbMentoring } from './mentoring.js';
import type { LowdbNudges } from './nudges.js';
import type { LowdbOutbox } from './outbox.js';
import { removeLeftoverTemps } from './open-checks.js';
import type { LowdbPairing } from './pairing.js';
import { scrubBackup } from './person-shards.js';
import type { LowdbPractice } from './practice.js';
import type { LowdbTeams } from './teams.js';

/** The repositories a person's data is spread over. */
export interface PersonalParts {
  teams: LowdbTeams;
  history: LowdbHistory;
  ledger: LowdbLedger;
  nudges: LowdbNudges;
  mentoring: LowdbMentoring;
  pairing: LowdbPairing;
  digest: LowdbDigest;
  practice: LowdbPractice;
  outbox: LowdbOutbox;
}

/** Export and erasure of one person across every repository. Run erasePerson inside a transaction: it changes several files. */
export class LowdbPrivacy implements PrivacyRepository {
  constructor(
    private readonly engine: LowdbEngine,
    private readonly parts: PersonalParts,
  ) {}

  async exportPerson(personId: string): Promise<PersonalData | undefined> {
    const { persons } = this.engine;
    const found = persons.person(personId);
    if (!found) return undefined;
    const person = clone(found);
    const parts = await this.parts.history.all(personId);
    const deliveries = await this.parts.ledger.ofPerson(personId);
    const teams = await this.parts.teams.list(person.workspace);
    return clone({
      person,
      teams: teams
        .filter((t) => t.members.some((m) => m.personId === personId) || t.leads.includes(personId))
        .map((t) => ({
          id: t.id,
          name: t.name,
          member: t.members.some((m) => m.personId === personId && !m.to),
          lead: t.leads.includes(personId),
        })),
      reflections: parts.flatMap((p) => p.reflections),
      checkins: parts.flatMap((p) => p.checkins),
      servedPrompts: parts.flatMap((p) => p.served),
      deliveries,
      ...(persons.nudgeState(personId) ? { nudges: await this.parts.nudges.get(personId) } : {}),
      // Pending answers and notices waiting for the person (a reflection awaiting "replace?", a Discord form).
      ...(persons.drafts(personId) ? { pending: persons.drafts(personId) } : {}),
      mentoring: { ...this.parts.mentoring.ofPerson(personId), pools: this.parts.pairing.membershipsOf(personId), rounds: await this.parts.pairing.ofPerson(personId) },
      practice: this.parts.practice.ofPerson(personId),
    });
  }

  async erasePerson(personId: string): Promise<void> {
    await this.parts.history.erase(personId);
    await this.parts.pairing.erase(personId);
    await this.parts.mentoring.erase(personId);
    await this.parts.practice.erase(personId);
    await this.parts.ledger.erase(personId);
    await this.parts.teams.forgetPerson(personId);
    await this.parts.digest.erase(personId);
    await this.parts.outbox.forgetPerson(personId);
    await this.engine.mutate(this.engine.persons.doc(personId), (s) => {
      delete s.people[personId];
      delete s.drafts[personId];
      delete s.nudges[personId];
    });
    // The migration's backup and any temp copy of a file from before the erase may still name them.
    await scrubBackup(path.join(this.engine.dataDir, STATE_BACKUP), personId, (file, body) => writeDurable(file, body, this.engine.fileOptions));
    await removeLeftoverTemps(this.engine.dataDir);
  }
}

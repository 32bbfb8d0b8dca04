/**
 * The same year in better-sqlite3, as a real app would keep it: WAL, synchronous=FULL, a table per
 * record with the keys and indexes its queries use.
 */
import Database from 'better-sqlite3';
import { personYear, person, team, type Shape } from './shape.js';

export const SQLITE_SCHEMA = `
  CREATE TABLE people (id TEXT PRIMARY KEY, workspace TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX people_workspace ON people (workspace);
  CREATE TABLE teams (id TEXT PRIMARY KEY, workspace TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE team_members (team_id TEXT NOT NULL, person_id TEXT NOT NULL, PRIMARY KEY (team_id, person_id));
  CREATE INDEX team_members_person ON team_members (person_id);
  CREATE TABLE checkins (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, team_id TEXT, local_date TEXT NOT NULL, at TEXT NOT NULL,
    mood INT NOT NULL, energy INT NOT NULL, stress INT NOT NULL, note TEXT, share_note INT NOT NULL, key TEXT UNIQUE);
  CREATE INDEX checkins_person_date ON checkins (person_id, local_date);
  CREATE INDEX checkins_team_date ON checkins (team_id, local_date);
  CREATE TABLE reflections (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, local_date TEXT NOT NULL, at TEXT NOT NULL,
    prompt_id TEXT NOT NULL, component TEXT NOT NULL, answer TEXT NOT NULL, key TEXT UNIQUE);
  CREATE INDEX reflections_person_date ON reflections (person_id, local_date);
  CREATE TABLE served (person_id TEXT NOT NULL, local_date TEXT NOT NULL, prompt_id TEXT NOT NULL, component TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (person_id, local_date));
  CREATE TABLE ledger (person_id TEXT NOT NULL, job TEXT NOT NULL, local_date TEXT NOT NULL, status TEXT NOT NULL, due_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, attempts INT NOT NULL, error TEXT, PRIMARY KEY (person_id, job, local_date));
  CREATE INDEX ledger_date ON ledger (local_date);
  CREATE TABLE event_keys (key TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
  CREATE TABLE digest_weeks (team_id TEXT NOT NULL, week TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (team_id, week));
  CREATE TABLE digest_ledger (workspace TEXT NOT NULL, week TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (workspace, week));
  CREATE TABLE practice_people (person_id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE thanks (id TEXT PRIMARY KEY, from_person TEXT NOT NULL, to_person TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX thanks_to ON thanks (to_person);
`;

export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** Seeds the rows of `shape` (one transaction per 100 people; FULL sync applies to the commits). */
export function seedSqlite(file: string, shape: Shape): void {
  const db = openSqlite(file);
  db.exec(SQLITE_SCHEMA);
  const insPerson = db.prepare('INSERT INTO people VALUES (?, ?, ?)');
  const insTeam = db.prepare('INSERT INTO teams VALUES (?, ?, ?)');
  const insMember = db.prepare('INSERT INTO team_members VALUES (?, ?)');
  const insCheckIn = db.prepare('INSERT INTO checkins VALUES (@id, @personId, @teamId, @localDate, @at, @mood, @energy, @stress, @note, 0, @key)');
  const insReflection = db.prepare('INSERT INTO reflections VALUES (@id, @personId, @localDate, @at, @promptId, @component, @answer, @key)');
  const insServed = db.prepare('INSERT INTO served VALUES (?, @localDate, @promptId, @component, @at)');
  const insLedger = db.prepare('INSERT INTO ledger VALUES (@personId, @job, @localDate, @status, @dueAt, @updatedAt, @attempts, NULL)');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = person(i);
      insPerson.run(p.id, p.workspace, JSON.stringify(p));
      const year = personYear(i, shape);
      for (const c of year.checkins) insCheckIn.run({ ...c, teamId: c.teams[0] ?? null, note: c.note ?? null, key: c.key ?? null });
      for (const r of year.reflections) insReflection.run({ ...r, key: r.key ?? null });
      for (const s of year.served) insServed.run(p.id, s);
      for (const d of year.ledger) insLedger.run(d);
    }
  });
  for (let i = 0; i < shape.people; i += 100) batch(i, Math.min(shape.people, i + 100));
  db.transaction(() => {
    for (let t = 0; t * shape.teamSize < shape.people; t++) {
      const tm = team(t, shape);
      insTeam.run(tm.id, tm.workspace, JSON.stringify(tm));
      for (const m of tm.members) insMember.run(tm.id, m.personId);
    }
  })();
  db.close();
}

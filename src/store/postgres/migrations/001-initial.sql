-- Attune's PostgreSQL schema, version 1. Tables are shaped for the queries the repositories make, and
-- unique constraints do the work that locks and files do in the JSON store. Records are kept whole in a
-- jsonb column (validated by the core's zod schemas on the way in and out); the columns beside it are
-- the keys and what the queries filter or order on.

CREATE DOMAIN local_date AS text CHECK (VALUE ~ '^\d{4}-\d{2}-\d{2}$');

CREATE TABLE people (
  id        text PRIMARY KEY,
  workspace text NOT NULL,
  data      jsonb NOT NULL
);
CREATE INDEX people_workspace ON people (workspace);

CREATE TABLE teams (
  id        text PRIMARY KEY,
  workspace text NOT NULL,
  data      jsonb NOT NULL
);
CREATE INDEX teams_workspace ON teams (workspace);

-- History: one row per answer. A retried write carries the platform event id as its idempotency key.
CREATE TABLE reflections (
  id         text PRIMARY KEY,
  person_id  text NOT NULL,
  local_date local_date NOT NULL,
  at         timestamptz NOT NULL,
  key        text,
  data       jsonb NOT NULL
);
CREATE INDEX reflections_person_date ON reflections (person_id, local_date, at);
CREATE UNIQUE INDEX reflections_key ON reflections (person_id, key) WHERE key IS NOT NULL;

CREATE TABLE check_ins (
  id         text PRIMARY KEY,
  person_id  text NOT NULL,
  local_date local_date NOT NULL,
  at         timestamptz NOT NULL,
  key        text,
  data       jsonb NOT NULL
);
CREATE INDEX check_ins_person_date ON check_ins (person_id, local_date, at);
CREATE UNIQUE INDEX check_ins_key ON check_ins (person_id, key) WHERE key IS NOT NULL;
-- The digest reads a team's week: check-ins carry the teams the person was in when they answered.
CREATE INDEX check_ins_date ON check_ins (local_date);

-- Which prompt a person was served, one per local date: rotation asks for the latest serving of each
-- prompt, answered from the (person, prompt) index however long the history grows.
CREATE TABLE served_prompts (
  person_id  text NOT NULL,
  local_date local_date NOT NULL,
  prompt_id  text NOT NULL,
  at         timestamptz NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (person_id, local_date)
);
CREATE INDEX served_prompts_latest ON served_prompts (person_id, prompt_id, local_date DESC);

-- The delivery ledger: INSERT ... ON CONFLICT DO NOTHING RETURNING on this key decides which replica sends.
CREATE TABLE deliveries (
  person_id  text NOT NULL,
  job        text NOT NULL,
  local_date local_date NOT NULL,
  status     text NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (person_id, job, local_date)
);
CREATE INDEX deliveries_date ON deliveries (local_date);

-- Platform event ids seen recently: a retried event is handled once, whichever replica receives it.
CREATE TABLE event_keys (
  key        text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX event_keys_expiry ON event_keys (expires_at);

CREATE TABLE drafts (
  person_id  text NOT NULL,
  purpose    text NOT NULL,
  expires_at timestamptz NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (person_id, purpose)
);

CREATE TABLE nudge_states (
  person_id text PRIMARY KEY,
  data      jsonb NOT NULL
);

CREATE TABLE support_resources (
  workspace text PRIMARY KEY,
  data      jsonb NOT NULL
);

-- Mentoring: each record its own row, so writes to different records never collide.
CREATE TABLE mentor_profiles (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);
CREATE TABLE mentor_requests (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);
CREATE TABLE mentor_invitations (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);
CREATE TABLE mentor_matches (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);

-- Pairing pools; a pool's round index is read from pair_rounds, so it cannot drift from the rounds.
CREATE TABLE pair_pools (
  id        text PRIMARY KEY,
  workspace text NOT NULL,
  data      jsonb NOT NULL
);

-- One row per pairing round: two replicas making the same round cannot both store a pairing.
CREATE TABLE pair_rounds (
  pool_id text NOT NULL REFERENCES pair_pools (id),
  slot    local_date NOT NULL,
  data    jsonb NOT NULL,
  PRIMARY KEY (pool_id, slot)
);

-- Frozen digest weeks: first write wins (ON CONFLICT DO NOTHING). They hold no person ids.
CREATE TABLE digest_weeks (
  team_id    text NOT NULL,
  week_start local_date NOT NULL,
  data       jsonb NOT NULL,
  PRIMARY KEY (team_id, week_start)
);

-- Messages Attune starts outside the ledger (mentor invitations, intros, decline notices): written in
-- the transaction that decided them, sent by whichever replica claims them, once.
CREATE TABLE outbox (
  id          bigserial PRIMARY KEY,
  dedupe_key  text NOT NULL UNIQUE,
  recipients  text[] NOT NULL,
  reply       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  claimed_by  text,
  claimed_at  timestamptz,
  done_at     timestamptz,
  outcome     text
);
CREATE INDEX outbox_waiting ON outbox (id) WHERE claimed_at IS NULL;

-- The platform rate limit held across replicas: one row per platform bucket (a token bucket).
CREATE TABLE send_buckets (
  bucket     text PRIMARY KEY,
  next_at    timestamptz NOT NULL
);

-- Role-play practice and thank-yous: one row per person's record, per peer session, per thank-you.
CREATE TABLE practice_people (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);
CREATE TABLE practice_peers (
  id   text PRIMARY KEY,
  data jsonb NOT NULL
);
CREATE INDEX practice_peers_people ON practice_peers USING gin ((data->'people'));
CREATE TABLE practice_thanks (
  id      text PRIMARY KEY,
  from_id text NOT NULL,
  to_id   text,
  data    jsonb NOT NULL
);
CREATE INDEX practice_thanks_from ON practice_thanks (from_id);
CREATE INDEX practice_thanks_to ON practice_thanks (to_id);

-- What digests published, per workspace and week (opaque person ids per aggregate), so new aggregates can be
-- audited against it. Written only by the freeze that froze the week; outlives removed teams.
CREATE TABLE digest_ledger (
  workspace  text NOT NULL,
  week_start local_date NOT NULL,
  seq        bigserial,
  data       jsonb NOT NULL,
  PRIMARY KEY (workspace, week_start, seq)
);

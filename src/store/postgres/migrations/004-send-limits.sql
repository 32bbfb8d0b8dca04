-- 429s per rate-limit bucket: how many within the latest Retry-After. Enough of them mean the method's
-- limit (the whole bucket waits); fewer, only the channels that were told to wait (see src/core/send-pacer.ts).
ALTER TABLE send_buckets ADD COLUMN strikes integer NOT NULL DEFAULT 0;
ALTER TABLE send_buckets ADD COLUMN strikes_until timestamptz NOT NULL DEFAULT '-infinity';

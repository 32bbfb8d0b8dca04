import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ZodType } from 'zod';
import { PairRoundSchema } from '../../core/model/mentoring.js';
import { StoreFileError } from '../errors.js';
import { parseStoreFile } from './durable-json-file.js';
import { EventKeysPartitionSchema, HistoryPartitionSchema, LedgerPartitionSchema, type HistoryPartition } from './partition-schemas.js';
import { PersonShardSchema } from './person-shards.js';
import { SERVED_INDEX_FILE, ServedIndexSchema } from './served-index.js';
import { StateSchema } from './state-schema.js';
import { TeamShardSchema } from './team-shards.js';
import { DigestLedgerFileSchema } from './digest-ledgers.js';
import { monthWeeks } from './week-partials.js';
import { MONTH_LOG, MonthLogLineSchema, parseMonthLog } from './month-log.js';
import { EventKeyLineSchema, parseEventLog } from './events.js';
import { ANSWER_LOG_DIR, parseAnswerLog } from './answer-log.js';

/** The schema of a file of the data directory, or undefined for a file that is not part of the store. */
export function schemaFor(dataDir: string, file: string): ZodType<unknown> | undefined {
  const rel = path.relative(dataDir, file).split(path.sep);
  if (rel.length === 1 && (rel[0] === 'state.json' || rel[0] === 'state.v1-backup.json')) return StateSchema;
  // The answer log's lines have a month log's shape.
  if (rel[0] === ANSWER_LOG_DIR && rel.length === 2 && rel[1]!.endsWith('.log')) return MonthLogLineSchema;
  if (rel[0] === 'history') return rel.at(-1) === SERVED_INDEX_FILE ? ServedIndexSchema : MONTH_LOG.test(rel.at(-1)!) ? MonthLogLineSchema : HistoryPartitionSchema;
  if (rel[0] === 'ledger') return LedgerPartitionSchema;
  if (rel[0] === 'events') return rel.at(-1)!.endsWith('.log') ? EventKeyLineSchema : EventKeysPartitionSchema;
  if (rel[0] === 'mentoring' && rel[1] === 'rounds') return PairRoundSchema;
  if (rel[0] === 'people' && rel.length === 2) return PersonShardSchema;
  if (rel[0] === 'teams' && rel.length === 2) return TeamShardSchema;
  if (rel[0] === 'digest' && rel[1] === 'ledger' && rel.length === 3) return DigestLedgerFileSchema;
  return undefined;
}

/** What a valid file may still get wrong: derived data that disagrees with what it derives from. */
function consistency(schema: ZodType<unknown>, data: unknown): string | undefined {
  if (schema === HistoryPartitionSchema) {
    const p = data as HistoryPartition;
    if (p.weeks && !isDeepStrictEqual(p.weeks, monthWeeks(p.checkins))) return 'its week summaries do not match its check-ins';
  }
  return undefined;
}

/**
 * Reads, parses and validates one store file (read only). Returns what is wrong with it, naming the
 * file, or undefined when it is valid; throws only for a file that is not part of the store.
 * Synchronous on purpose: it runs in store:check's worker threads, where nothing else waits, and a
 * promise-based read of a 10 KB file cost ~170 µs against ~20 µs (at a year, 72,692 files: 36 s -> see bench/scale.md).
 */
export function checkFile(dataDir: string, file: string): string | undefined {
  const schema = schemaFor(dataDir, file);
  if (!schema) throw new Error(`${file} is not part of the store`);
  try {
    // A month's log: every whole line must be valid; a torn last line is a write that never finished (never acknowledged).
    if (schema === MonthLogLineSchema && path.relative(dataDir, file).split(path.sep)[0] === ANSWER_LOG_DIR) return void parseAnswerLog(file, readFileSync(file, 'utf8'));
    if (schema === MonthLogLineSchema) return void parseMonthLog(file, readFileSync(file, 'utf8'));
    if (schema === EventKeyLineSchema) return void parseEventLog(file, readFileSync(file, 'utf8'));
    const data = parseStoreFile(file, readFileSync(file, 'utf8'), schema);
    const problem = consistency(schema, data);
    return problem && `${file}: ${problem}`;
  } catch (err) {
    return err instanceof StoreFileError ? `${err.file}: ${err.problem}` : `${file}: ${(err as Error).message}`;
  }
}

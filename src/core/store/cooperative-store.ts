import { yieldIfBusy } from '../cooperative.js';
import type { Repositories, Store } from './store.js';

const REPOSITORIES = new Set<string>(['people', 'teams', 'history', 'ledger', 'events', 'drafts', 'nudges', 'mentoring', 'pairing', 'digest', 'practice', 'outbox', 'privacy']);

/** A repository (or a group of them, e.g. mentoring.profiles) whose every call first yields if the turn is busy. */
function cooperative<T extends object>(target: T): T {
  // Keyed by what is wrapped, not only by name: a method replaced on the repository (a test's slow store,
  // an engine's late binding) is the one called, never a stale wrapper of the old one.
  const wrapped = new Map<PropertyKey, { of: unknown; as: unknown }>();
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) return value;
      const known = wrapped.get(prop);
      if (known?.of === value) return known.as;
      const as =
        typeof value === 'function'
          ? async (...args: unknown[]) => {
              await yieldIfBusy();
              return (value as (...a: unknown[]) => unknown).apply(obj, args);
            }
          : cooperative(value as object);
      wrapped.set(prop, { of: value, as });
      return as;
    },
  });
}

/**
 * The store with every repository call, inside transactions too, preceded by yieldIfBusy(): store calls
 * are where request paths meet, so a burst of requests takes turns instead of holding the event loop.
 * Everything else (engine, close, health, an engine's own extras) is the store's own.
 */
export function cooperativeStore<S extends Store>(store: S): S {
  const repos = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (prop === 'transaction') {
        return <R>(work: (tx: Repositories) => Promise<R>) => obj.transaction((tx) => work(cooperative(tx)));
      }
      if (typeof prop === 'string' && REPOSITORIES.has(prop) && typeof value === 'object' && value !== null) {
        if (!repos.has(prop)) repos.set(prop, cooperative(value));
        return repos.get(prop);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}

// Key–value storage for saves and preferences. The browser's localStorage can be missing, full or
// forbidden (private modes, sandboxed iframes): every access is guarded, and a failed write is
// reported as false rather than thrown, so storage trouble never stops a game.

export interface KeyValueStore {
  get(key: string): string | null;
  /** False when the value could not be stored (quota, privacy settings). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
}

/** An in-memory store: for tests, and the fallback when the browser gives no storage. */
export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return true;
    },
    remove: (key) => {
      data.delete(key);
    },
    keys: () => [...data.keys()],
  };
}

/**
 * The fallback when the browser gives no storage at all: values last for this page only, and
 * every write answers false (nothing was stored for later), so the game can tell the player.
 */
export function pageOnlyStore(): KeyValueStore {
  const memory = memoryStore();
  return {
    ...memory,
    set: (key, value) => {
      memory.set(key, value);
      return false;
    },
  };
}

/** A guarded wrapper over a Web Storage object (localStorage or sessionStorage). */
export function webStore(storage: Storage | undefined | null): KeyValueStore {
  if (!storage) return pageOnlyStore();
  return {
    get: (key) => {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove: (key) => {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: a store that cannot remove cannot hold the key either.
      }
    },
    keys: () => {
      try {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k !== null) out.push(k);
        }
        return out;
      } catch {
        return [];
      }
    },
  };
}

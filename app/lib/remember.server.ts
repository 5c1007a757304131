// Per-process singletons (the database, the job queue). Kept on globalThis so that
// every copy of a module in one process shares one instance: today `npm start`
// loads app modules through tsx and again inside the Remix build, and two PGlite
// instances on one folder would corrupt it.

type Store = Map<string, unknown>;
const g = globalThis as typeof globalThis & { __senSingletons?: Store };

function store(): Store {
  return (g.__senSingletons ??= new Map());
}

/** The process's one `name`, made by `create` the first time it is asked for. */
export function remember<T>(name: string, create: () => T): T {
  const values = store();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** The remembered value, if any, forgotten so the next `remember` makes a new one (after closing it). */
export function forget<T>(name: string): T | undefined {
  const values = store();
  const value = values.get(name) as T | undefined;
  values.delete(name);
  return value;
}

/** The --state file: read once at start, written atomically (temp file, then rename) as the state changes and on stop. */
import { randomBytes } from "node:crypto";
import { access, constants, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * The saved JSON, or undefined when the file does not exist yet. Then its folder must take a new file: that
 * is checked now, so that a mistyped path fails at start rather than at the first save, after the changes.
 */
export async function readStateFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new Error(`state file ${path} is a folder: pass the path of a file in it`, { cause: error });
    if (code !== "ENOENT") throw new Error(`state file ${path}: ${(error as Error).message}`, { cause: error });
  }
  await access(dirname(path), constants.W_OK).catch((error: unknown) => {
    throw new Error(`state file ${path}: its folder ${dirname(path)} does not exist or cannot be written (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  });
  return undefined;
}

/** Readers never see a half-written file; the mode is 0600 because the state holds OAuth secrets. */
export async function writeStateFile(path: string, json: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, json, { encoding: "utf8", mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface StatePersistence {
  /** Something may have changed: a save follows shortly, coalesced with any other change in between. */
  changed(): void;
  /** Waits for a save in progress and writes what is still unsaved. */
  flush(): Promise<void>;
}

export interface PersistenceOptions {
  /** How long after a change the save starts, collecting further changes (default 25 ms). */
  delayMs?: number;
  /** Told about a save that failed; the next change tries again. */
  onError?: (error: unknown) => void;
}

/**
 * Saves the state as changes happen, so a crash (even SIGKILL) loses only the last moment's changes: one
 * save at a time, each taking in every change made before it starts. The wait before a save is at least
 * `delayMs` and at least four times the last save's duration, so saving a large state takes at most about
 * a fifth of the time however fast the writes come.
 */
export function createStatePersistence(path: string, serialize: () => string, options: PersistenceOptions = {}): StatePersistence {
  const delayMs = options.delayMs ?? 25;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | undefined;
  let lastDurationMs = 0;

  const save = (): Promise<void> => {
    timer = undefined;
    dirty = false;
    const started = performance.now();
    const run = writeStateFile(path, serialize()).finally(() => {
      lastDurationMs = performance.now() - started;
      saving = undefined;
      if (dirty) schedule();
    });
    saving = run;
    return run;
  };
  const schedule = () => {
    if (timer === undefined && saving === undefined) timer = setTimeout(() => void save().catch((error: unknown) => options.onError?.(error)), Math.max(delayMs, 4 * lastDurationMs));
  };

  return {
    changed() {
      dirty = true;
      schedule();
    },
    async flush() {
      while (saving !== undefined) await saving.catch(() => undefined);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (dirty) await save();
    },
  };
}

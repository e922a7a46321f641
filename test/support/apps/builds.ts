import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A part of Jifen that browser tests load from its Vite build. */
export interface BuiltPart {
  /** The part's folder under the repository, e.g. `widget`; its lock folder lives there. */
  folder: string;
  /** The file the build writes last that the tests need, relative to the folder. */
  output: string;
  /** Folders and files (relative to the repository) whose changes call for a new build. */
  sources: string[];
}

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
}

function isFresh(part: BuiltPart): boolean {
  const output = join(ROOT, part.folder, part.output);
  if (!existsSync(output)) return false;
  const sources = Math.max(...part.sources.map((s) => join(ROOT, s)).filter((s) => existsSync(s)).map(newestSource));
  return statSync(output).mtimeMs >= sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that took a lock still runs (a lock left by a killed run must not block the next). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just made, its pid not written yet: treat it as held.
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Builds a part with Vite (as `npm run build:<part>` does) when its build is missing or older than its
 * sources, so that a browser test always drives the code under test. Test files may run in parallel and
 * Vite empties the output folder first: a lock folder lets one of them build while the others wait, so that
 * no test loads a file another test's build has just removed or not yet written.
 *
 * @example
 * ensureBuilt({ folder: 'widget', output: 'dist/jifen-eligibility.js', sources: ['widget/src', 'widget/vite.config.ts'] });
 */
export function ensureBuilt(part: BuiltPart): void {
  // Checked under the lock too: while another file builds, the output may exist before the files beside it.
  const lock = join(ROOT, part.folder, '.build-lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (!holderAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited > 120_000) throw new Error(`ensureBuilt: ${lock} has been held for two minutes by a running build`);
      sleep(200);
    }
  }
  try {
    if (isFresh(part)) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, part.folder, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'pipe',
      // Under vitest NODE_ENV is "test"; the build is for production.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

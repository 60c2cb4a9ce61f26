/**
 * The pool's worker as one plain JavaScript module, bundled by esbuild (the compiler tsx runs on)
 * from cli/worker.ts. A thread then starts without the TypeScript loader, compiling one file
 * instead of transforming seventy: about 0.3 s of CPU and 30 MB less per thread. Packages stay
 * imports, resolved from the project's node_modules, under which the bundle is written; it is
 * named by its content, so runs at the same time never see a half-written file. A manifest of the
 * sources it was built from (sizes and times) lets the next run use it without building again.
 * Without esbuild or a writable folder the caller runs the TypeScript worker under tsx, as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'node_modules', '.cache', 'gov-report-auditor');
/** Bundles of older code are removed after a while (not at once: a run started before may still load one). */
const STALE_MS = 3_600_000;

const MANIFEST = join(DIR, 'cli-worker.json');

/** A bundle and the sources it was built from: path → [size, modification time]. */
interface Manifest {
  entry: string;
  bundle: string;
  sources: Record<string, [number, number]>;
}

const stamp = (p: string): [number, number] => {
  const s = statSync(p);
  return [s.size, s.mtimeMs];
};

/** The bundle the manifest names, if it was built from `entry` and no source has changed since. */
function upToDate(entry: string): URL | null {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    if (m.entry !== entry || !exists(join(DIR, m.bundle))) return null;
    for (const [p, [size, time]] of Object.entries(m.sources)) {
      const [s, t] = stamp(p);
      if (s !== size || t !== time) return null;
    }
    // Marked as in use, so that a run building a newer bundle does not remove it as stale.
    const now = new Date();
    utimesSync(join(DIR, m.bundle), now, now);
    return pathToFileURL(join(DIR, m.bundle));
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all (runs at the same time may read it). */
function writeWhole(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function bundledWorker(entry = join(import.meta.dirname, 'worker.ts')): Promise<URL | null> {
  const ready = upToDate(entry);
  if (ready) return ready;
  try {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: ROOT,
      // Where the bundle will be, so that import.meta.url-relative lookups (pdf.js's assets) resolve from it.
      outfile: join(DIR, 'worker.mjs'),
    });
    // Its process is not needed for the rest of the run.
    void esbuild.stop();
    const code = out.outputFiles[0]!.contents;
    const name = `cli-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
    const path = join(DIR, name);
    mkdirSync(DIR, { recursive: true });
    if (!exists(path)) writeWhole(path, code);
    const sources = Object.fromEntries(Object.keys(out.metafile.inputs).map((p) => [join(ROOT, p), stamp(join(ROOT, p))]));
    writeWhole(MANIFEST, JSON.stringify({ entry, bundle: name, sources } satisfies Manifest));
    removeStale(name);
    return pathToFileURL(path);
  } catch {
    return null;
  }
}

const exists = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

function removeStale(keep: string): void {
  for (const f of readdirSync(DIR)) {
    if (f === keep || !f.startsWith('cli-worker-')) continue;
    try {
      if (Date.now() - statSync(join(DIR, f)).mtimeMs > STALE_MS) unlinkSync(join(DIR, f));
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * What the command line names, before anything is read: URLs, files by their extension, folders
 * listed. Node's file system only, so that a run of local files loads no more than it needs
 * before its threads start.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const PAGE_EXT = new Set(['.html', '.htm', '.shtml', '.xhtml', '.mht', '.mhtml']);
export const TEXT_EXT = new Set(['.txt', '.md']);
/** Extensions read as report files (by their bytes; the name only breaks ties). */
export const FILE_EXT = new Set(['.pdf', '.ofd', '.docx', '.doc', '.wps']);

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

const readable = (p: string) => [PAGE_EXT, TEXT_EXT, FILE_EXT].some((set) => set.has(extname(p).toLowerCase()));

/**
 * Files of a folder, recursively, in a stable order; only the kinds we read. An entry that cannot
 * be looked at (a dangling link) is listed all the same: reading it gives its own error entry.
 */
export async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const p = join(dir, entry.name);
    // The listing tells folders from files; only a link needs a look at what it points to (one stat per link, not per file).
    const isDir =
      entry.isDirectory() ||
      (entry.isSymbolicLink() &&
        (await stat(p).then(
          (s) => s.isDirectory(),
          () => false,
        )));
    if (isDir) out.push(...(await filesIn(p)));
    else if (readable(p)) out.push(p);
  }
  return out;
}

/** Why the file system refused, in words; null for other errors. */
export function fileErrorText(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '找不到该文件或文件夹';
  if (code === 'EACCES') return '没有读取权限';
  if (code === 'EISDIR') return '是文件夹，不是文件';
  return null;
}

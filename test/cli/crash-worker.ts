/** A pool worker for tests: audits like the real one, but dies, throws or runs out of memory on the files named for it. */
import { auditFile } from '../../cli/audit-input';
import { lineOf } from '../../cli/entry';
import { serveJobs } from '../../cli/jobs';

serveJobs(async (path) => {
  if (path.includes('exit')) process.exit(7);
  if (path.includes('oom')) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1e6).fill(hog.length));
  }
  if (path.includes('throw')) {
    setTimeout(() => {
      throw new Error('boom');
    });
    return new Promise(() => undefined);
  }
  return lineOf(await auditFile(path));
});

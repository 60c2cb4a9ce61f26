/** A pool worker for tests: audits like the real one, but dies, throws or runs out of memory on the files named for it. */
import { parentPort } from 'node:worker_threads';
import { auditFile } from '../../cli/audit-input';
import type { Job } from '../../cli/worker';

parentPort!.on('message', async ({ id, path }: Job) => {
  if (path.includes('exit')) process.exit(7);
  if (path.includes('oom')) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1e6).fill(hog.length));
  }
  if (path.includes('throw'))
    setTimeout(() => {
      throw new Error('boom');
    });
  else parentPort!.postMessage({ id, json: JSON.stringify(await auditFile(path)) });
});

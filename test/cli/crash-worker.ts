/** A pool worker for tests: audits like the real one, but dies or throws on the files named for it. */
import { parentPort } from 'node:worker_threads';
import { auditFile } from '../../cli/audit-input';
import type { Job } from '../../cli/worker';

parentPort!.on('message', async ({ id, path }: Job) => {
  if (path.includes('exit')) process.exit(7);
  if (path.includes('throw')) setTimeout(() => {
    throw new Error('boom');
  });
  else parentPort!.postMessage({ id, json: JSON.stringify(await auditFile(path)) });
});

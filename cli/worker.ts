/** A worker thread of the CLI's pool: audits the files it is sent, one at a time, and answers with plain data. */
import { parentPort } from 'node:worker_threads';
import { auditFile } from './audit-input';

export interface Job {
  id: number;
  path: string;
}
export interface Done {
  id: number;
  json: string;
}

parentPort!.on('message', async ({ id, path }: Job) => {
  // JSON, not structured clone: what is printed is exactly what crosses, and nothing of a DOM can slip in.
  const done: Done = { id, json: JSON.stringify(await auditFile(path)) };
  parentPort!.postMessage(done);
});

/** A worker thread of the CLI's pool: audits the files it is sent (see jobs.ts). */
import { auditFile } from './audit-input';
import { lineOf } from './entry';
import { serveJobs } from './jobs';

serveJobs(async (path) => lineOf(await auditFile(path)));

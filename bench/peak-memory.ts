/** Preloaded into the CLI by `npm run bench`: prints the process's peak resident memory and CPU seconds (threads included) on exit. */
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nbench:maxrss=${u.maxRSS} bench:cpu=${(u.userCPUTime + u.systemCPUTime) / 1e6}\n`);
});

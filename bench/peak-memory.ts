/** Preloaded into the CLI by `npm run bench`: prints the process's peak resident memory (threads included) on exit. */
process.on('exit', () => process.stderr.write(`\nbench:maxrss=${process.resourceUsage().maxRSS}\n`));

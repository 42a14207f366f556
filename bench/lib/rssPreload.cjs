// Preloaded into a benchmarked child (node --require): writes the child's own peak RSS (KiB) and CPU
// time (user + system, ms) as `maxRSS cpuMs` to the file named by HANDOVER_BENCH_RSS when it exits, so
// the figures are the child's, not the bench's.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const target = process.env.HANDOVER_BENCH_RSS;
  if (!target) return;
  const usage = process.resourceUsage();
  writeFileSync(target, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}`);
});

// Preloaded into a benchmarked child (node --require): writes the child's own peak RSS (KiB) to the
// file named by HANDOVER_BENCH_RSS when it exits, so the figure is the child's, not the bench's.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const target = process.env.HANDOVER_BENCH_RSS;
  if (target) writeFileSync(target, String(process.resourceUsage().maxRSS));
});

// Runs both sides `runs` times, alternating which goes first (so neither always runs on a warmer
// or a more tired page), with a full GC before each run (so one run's garbage is not collected
// inside the next one's figure). Returns { widgets: [...], baseline: [...] }.
export async function alternate({ runs, gc, label }, runSide) {
  const results = { widgets: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['baseline', 'widgets'] : ['widgets', 'baseline'];
    for (const side of order) {
      await gc();
      results[side].push(await runSide(side));
    }
    if (label) process.stderr.write(`  ${label}: run ${i + 1}/${runs}\n`);
  }
  return results;
}

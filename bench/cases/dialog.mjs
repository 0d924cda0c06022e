// The settings table: open (until the first frame with the rows shown), sort by Created Date
// (the real sort buttons), filter "Account 1" (typed into the real filter box), at growing row
// counts; each against the plain table with the same rows, and each size against 100 rows.
import { alternate } from '../lib/alternate.mjs';
import { median, ms, ratio, markdownTable } from '../lib/stats.mjs';

const actions = ['open', 'sort', 'filter'];

/** Fewer runs where one run takes seconds, so the whole bench stays within minutes. */
const runsFor = (rows, runs) => (rows <= 1000 ? runs : rows <= 10_000 ? Math.min(runs, 3) : 1);

export async function dialogCase({ page, gc, runs, sizes }) {
  const figures = {};
  for (const rows of sizes) {
    await page.evaluate((rows) => benchLib.mountDialogs(rows), rows);
    const n = runsFor(rows, runs);
    const samples = await alternate({ runs: n, gc, label: `dialog ${rows}` }, (side) =>
      page.evaluate((side) => benchLib.dialogRun(side), side),
    );
    const [w, b] = [samples.widgets, samples.baseline];
    if (w[0].matching !== b[0].matching) throw new Error(`filter: widgets show ${w[0].matching} rows, baseline ${b[0].matching}`);
    figures[rows] = { runs: n };
    for (const action of actions) {
      figures[rows][action] = { w: median(w.map((s) => s[action])), b: median(b.map((s) => s[action])) };
    }
  }
  await page.evaluate(() => benchLib.clear());

  const table = [];
  const first = sizes[0];
  for (const action of actions) {
    for (const rows of sizes) {
      const { w, b } = figures[rows][action];
      const runsNote = figures[rows].runs === 1 ? ', 1 run' : figures[rows].runs < runs ? `, ${figures[rows].runs} runs` : '';
      table.push([`${action}, ${rows.toLocaleString('en')} rows${runsNote}`, ms(w), ms(b), ratio(w, b), '—']);
    }
    for (const rows of sizes.slice(1)) {
      const w = figures[rows][action].w / figures[first][action].w;
      const b = figures[rows][action].b / figures[first][action].b;
      table.push([
        `${action}, ${rows.toLocaleString('en')} vs ${first.toLocaleString('en')} rows`,
        `${w.toFixed(2)}×`,
        `${b.toFixed(2)}×`,
        ratio(w, b),
        `≤ 1.5× (eventually; ${(rows / first).toLocaleString('en')}× the rows)`,
      ]);
    }
  }
  return markdownTable(`Settings dialog vs plain table: until the first frame after the action (median of ${runs} up to 1,000 rows, fewer above)`, table);
}

// Medians, percentiles and the Markdown table every case prints.
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Nearest-rank percentile (p in 0..100). */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

export const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
export const ratio = (a, b) => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** rows: [case, widgets, baseline, ratio, target] (strings). */
export function markdownTable(title, rows) {
  const lines = [`### ${title}`, '', '| case | widgets (median) | baseline (median) | ratio | target |', '| --- | ---: | ---: | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

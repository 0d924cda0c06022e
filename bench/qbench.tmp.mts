import { openDatabase } from '/work/wt-server/demo/server/db.ts';
const st = await openDatabase('/tmp/qbench/x.db', Date.now(), { reset: true });
const db = st.db;
function time(name: string, fn: () => unknown, n = 20000) {
  for (let i = 0; i < 2000; i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  console.log(name, (Number(process.hrtime.bigint() - t0) / n / 1000).toFixed(1), 'µs');
}
const ORDER = 'ORDER BY c.is_main DESC, c.authorized_at DESC, c.created_at DESC, c.id DESC';
const q1 = db.prepare(`SELECT s.id AS source, s.name AS source_name, s.logo_url AS source_logo, c.* FROM data_sources s LEFT JOIN connections c ON c.source_id = s.id AND c.user_id = ? WHERE s.id = ? ${ORDER}`);
const q2 = db.prepare(`SELECT * FROM connections c WHERE c.user_id = ? AND c.source_id = ? ${ORDER}`);
const q4 = db.prepare(`SELECT id, account_name, account_id, status, error_code, error_message, is_main, created_at, updated_at, expires_at FROM connections c WHERE c.user_id = ? AND c.source_id = ? ${ORDER}`);
const q5 = db.prepare(`SELECT s.id AS source, s.name AS source_name, s.logo_url AS source_logo, c.id, c.account_name, c.account_id, c.status, c.error_code, c.error_message, c.is_main, c.created_at, c.updated_at, c.expires_at FROM data_sources s LEFT JOIN connections c ON c.source_id = s.id AND c.user_id = ? WHERE s.id = ? ${ORDER}`);
for (let r = 0; r < 3; r++) {
  time('joined *', () => q1.all('ada', 'google-ads'));
  time('plain *', () => q2.all('ada', 'google-ads'));
  time('plain cols', () => q4.all('ada', 'google-ads'));
  time('joined cols', () => q5.all('ada', 'google-ads'));
  time('joined cols raw', () => q5.raw(true).all('ada', 'google-ads'));
  q5.raw(false);
}

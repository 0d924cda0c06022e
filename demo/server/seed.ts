import { SOURCES } from './catalog.js';
import { seedHistory } from './history.js';
import type { Sql } from './storage/sql.js';

/** The demo's two people: the demo page signs one in; each sees only their own connections. */
export const DEMO_USERS = [
  { id: 'ada', name: 'Ada Moreau' },
  { id: 'ben', name: 'Ben Okafor' },
] as const;

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/** Fixed-seed generator: the same names and IDs on every reset, only the dates follow "now". */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedConnection {
  accountId: string;
  accountName: string;
  /** Days before "now" the account was first connected. */
  ageDays: number;
  /** Hours before "now" of the last successful update; null: never updated. */
  updatedHoursAgo: number | null;
  error?: { code: string; message: string };
  /** Days after "now" the credentials expire; absent: they do not expire. */
  expiresInDays?: number;
}

const INVALID_GRANT = {
  code: 'invalid_grant',
  message: 'The credentials were changed or revoked. Re-connect to restore data updates.',
};
const TOKEN_EXPIRED = {
  code: 'token_expired',
  message: 'The authorization expired after 90 days without use. Re-connect to restore data updates.',
};
const UNREACHABLE = {
  code: 'platform_unreachable',
  message: 'HubSpot could not be reached during the last three updates. Re-connect if this persists.',
};

const BRANDS = [
  'Northwind Outfitters', 'Bluebird Coffee', 'Harbor & Pine Furniture', 'Kestrel Cycling', 'Lumen Dental Group',
  'Orchid Travel', 'Atlas Home Services', 'Fjord Skincare', 'Copperleaf Books', 'Juniper Yoga Studios',
  'Redwood Roofing', 'Sable & Stone Jewelry',
];
const CAMPAIGNS = ['Search', 'Shopping', 'Brand', 'Performance Max', 'Display – Remarketing', 'YouTube', 'Search EU', 'Search US'];

function googleAds(rand: () => number): SeedConnection[] {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const names = new Set<string>();
  const ids = new Set<string>();
  const result: SeedConnection[] = [];
  while (result.length < 34) {
    const name = `${BRANDS[Math.floor(rand() * BRANDS.length)]} – ${CAMPAIGNS[Math.floor(rand() * CAMPAIGNS.length)]}`;
    const id = `${1 + Math.floor(rand() * 9)}${digits(2)}-${digits(3)}-${digits(4)}`;
    if (names.has(name) || ids.has(id)) continue;
    names.add(name);
    ids.add(id);
    result.push({ accountId: id, accountName: name, ageDays: 3 + rand() * 360, updatedHoursAgo: 1 + rand() * 30 });
  }
  // A healthy source with one account inside the 7-day warning window: the Expiring state.
  result[4]!.expiresInDays = 5;
  return result;
}

/** The second user's few accounts: enough to show that the two never see each other's. */
function secondUser(sourceId: string): SeedConnection[] {
  switch (sourceId) {
    case 'facebook-ads':
      return [{ accountId: 'act_530961127748310', accountName: 'Tidewater Kayaks – Retargeting', ageDays: 40, updatedHoursAgo: 2 }];
    case 'ga4':
      return [{ accountId: '377650918', accountName: 'tidewaterkayaks.com – GA4', ageDays: 90, updatedHoursAgo: 6 }];
    default:
      return [];
  }
}

function connectionsOf(sourceId: string, rand: () => number): SeedConnection[] {
  switch (sourceId) {
    case 'google-ads':
      return googleAds(rand);
    case 'facebook-ads':
      return [{ accountId: 'act_1093384726551820', accountName: 'Bluebird Coffee', ageDays: 212, updatedHoursAgo: 5 }];
    case 'ga4':
      return [
        { accountId: '312845907', accountName: 'bluebirdcoffee.com – GA4', ageDays: 301, updatedHoursAgo: 3 },
        { accountId: '356120784', accountName: 'northwind-outfitters.com – GA4', ageDays: 174, updatedHoursAgo: 40 * 24, error: INVALID_GRANT },
        // Expires, but outside the warning window: shown as Active.
        { accountId: '389004512', accountName: 'kestrelcycling.com – GA4', ageDays: 37, updatedHoursAgo: 7, expiresInDays: 20 },
      ];
    case 'hubspot':
      return [
        { accountId: '8824310', accountName: 'Bluebird Coffee CRM', ageDays: 255, updatedHoursAgo: 96 * 24, error: TOKEN_EXPIRED },
        { accountId: '21493876', accountName: 'Orchid Travel – Marketing Hub', ageDays: 12, updatedHoursAgo: null, error: UNREACHABLE },
      ];
    default:
      return [];
  }
}

/** Short, stable IDs so end-to-end tests and bug reports can name a seeded connection. */
const PREFIX: Record<string, string> = {
  'google-ads': 'gads',
  'facebook-ads': 'fb',
  'linkedin-ads': 'li',
  ga4: 'ga4',
  hubspot: 'hs',
  'tiktok-ads': 'tt',
};

/** Fills an empty database: the catalog's sources, with 0, 1, many, failing and expiring accounts. */
export async function seed(sql: Sql, now: number): Promise<void> {
  const rand = random(20240611);
  for (const user of DEMO_USERS) await sql.run('INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [user.id, user.name]);
  for (const [position, source] of SOURCES.entries()) {
    await sql.run('INSERT INTO data_sources (id, name, logo_url, position) VALUES (?, ?, ?, ?)', [source.id, source.name, source.logoUrl, position]);
  }
  for (const user of DEMO_USERS) {
    const first = user === DEMO_USERS[0];
    for (const source of SOURCES) {
      const prefix = `con_${first ? '' : `${user.id}_`}${PREFIX[source.id] ?? source.id}`;
      await seedConnections(sql, now, user.id, source.id, prefix, first ? connectionsOf(source.id, rand) : secondUser(source.id));
    }
  }
  for (const user of DEMO_USERS) await seedHistory(sql, user.id, now);
}

async function seedConnections(sql: Sql, now: number, userId: string, sourceId: string, prefix: string, list: SeedConnection[]): Promise<void> {
  const rows = list.map((c, index) => {
    const created = Math.round(now - c.ageDays * DAY);
    // Never re-authorized yet: the newest credentials are the newest account, as a user expects.
    const authorized = created;
    const updated = c.updatedHoursAgo === null ? null : Math.max(created, Math.round(now - c.updatedHoursAgo * HOUR));
    return { c, index, created, authorized, updated };
  });
  const newest = rows.reduce<(typeof rows)[number] | undefined>((best, row) => (!best || row.authorized > best.authorized ? row : best), undefined);
  for (const { c, index, created, authorized, updated } of rows) {
    await sql.run(
      `INSERT INTO connections
        (id, user_id, source_id, account_id, account_name, status, error_code, error_message, is_main, created_at, updated_at, authorized_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        `${prefix}_${String(index + 1).padStart(2, '0')}`,
        userId,
        sourceId,
        c.accountId,
        c.accountName,
        c.error ? 'error' : 'active',
        c.error?.code ?? null,
        c.error?.message ?? null,
        newest?.index === index ? 1 : 0,
        new Date(created).toISOString(),
        updated === null ? null : new Date(updated).toISOString(),
        new Date(authorized).toISOString(),
        c.expiresInDays === undefined ? null : new Date(now + c.expiresInDays * DAY).toISOString(),
      ],
    );
  }
}

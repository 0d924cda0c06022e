// A throw-away PostgreSQL server for the tests and the load run: Debian's `postgresql` package,
// a cluster in a temporary directory, on a free loopback port, stopped and deleted afterwards.
// PostgreSQL refuses to run as root: as root, the cluster is owned and run by the `postgres`
// user the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed server's bin directory, or undefined. */
export function findPostgres() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server; resolves to `{ url, stop() }`, or `{ skip: reason }` when PostgreSQL is not
 * installed (or cannot be run here). `url` names the database `dsw` of the superuser `dsw`.
 */
export async function startPostgres() {
  const bin = findPostgres();
  if (!bin) return { skip: 'PostgreSQL is not installed (Debian: apt-get install postgresql); the PostgreSQL tests are skipped.' };
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) {
    return { skip: 'Running as root and there is no "postgres" user to run PostgreSQL as; the PostgreSQL tests are skipped.' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dsw-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  /** Runs a PostgreSQL tool, as `postgres` when we are root. */
  const run = (tool, args) => {
    const [command, list] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return execFileSync(command, list, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'dsw', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Durability is not what these runs test: no fsync, so the machine's disk does not set the pace.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'dsw', 'dsw']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `PostgreSQL could not be started: ${String(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' ')}` };
  }
  let stopped = false;
  return {
    url: `postgres://dsw@127.0.0.1:${port}/dsw`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

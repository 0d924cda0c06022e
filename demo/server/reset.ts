/** `npm run db:reset`: empties demo/data/demo.db and seeds it again (a running server sees it). */
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db.js';

const path = fileURLToPath(new URL('../data/demo.db', import.meta.url));
await (await openDatabase(path, Date.now(), { reset: true })).close();
console.log(`Reseeded ${path}`);

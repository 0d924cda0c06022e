import type { Connection } from '../api/types.js';

export interface SourceDetail {
  sourceId: string;
}

export interface ConnectionDetail {
  sourceId: string;
  connection: Connection;
}

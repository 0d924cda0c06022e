// The data the plain baseline is handed directly: the contract's shapes, nothing more.
export interface PlainConnection {
  id: string;
  accountName: string;
  accountId: string;
  status: 'active' | 'error' | 'unknown';
  error?: { code: string; message: string };
  role: 'main' | 'secondary';
  createdAt: string;
  updatedAt: string | null;
}

export interface PlainSource {
  id: string;
  name: string;
  logoUrl?: string;
  connections: PlainConnection[];
}

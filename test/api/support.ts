// Shared by the API tests: realistic payloads and a client whose waits are recorded, not slept.
import { expect } from '@open-wc/testing';
import { ApiClient, type ApiClientOptions } from '../../src/api/client.js';

export function connection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'conn_1',
    accountName: 'Acme Corp – Search',
    accountId: '123-456-7890',
    status: 'active',
    role: 'main',
    createdAt: '2024-05-02T09:30:00.000Z',
    updatedAt: '2024-06-01T02:00:00.000Z',
    ...overrides,
  };
}

export const dataSourceList = {
  items: [{ id: 'google-ads', name: 'Google Ads', logoUrl: 'logos/google-ads.svg', connectionCount: 2, errorCount: 0 }],
};

/**
 * A client on `/api` whose `sleep` only records the asked delays, with jitter pinned to the
 * middle: backoff waits are then 225, 450, 900 ms (base 300, "equal jitter").
 */
export function setup(options: Partial<ApiClientOptions> = {}): { client: ApiClient; waits: number[] } {
  const waits: number[] = [];
  const client = new ApiClient({
    endpoint: '/api',
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 2000,
    ...options,
  });
  return { client, waits };
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the promise to reject');
}

export function expectAbortError(error: unknown): void {
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
}

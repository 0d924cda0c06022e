import { expect } from '@open-wc/testing';
import { InvalidResponseError } from '../../src/api/errors.js';
import {
  validateAuthorization,
  validateAuthorizationMessage,
  validateAuthorizationOutcome,
  validateConnectionList,
  validateDataSource,
  validateDataSourceBatch,
  validateDataSourceList,
  validateErrorBody,
} from '../../src/api/validate.js';
import { connection, dataSourceList } from './support.js';

function invalidPath(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidResponseError);
    return (error as InvalidResponseError).path;
  }
  return expect.fail('expected an InvalidResponseError');
}

describe('validate', () => {
  it('returns a valid data source list unchanged in content', () => {
    expect(validateDataSourceList(dataSourceList)).to.deep.equal(dataSourceList);
  });

  it('drops unknown fields at every level', () => {
    const payload = {
      items: [{ ...connection({ error: { code: 'expired', message: 'Sign in again', hint: 'x' } }), secret: 's' }],
      next: 'cursor',
    };
    const result = validateConnectionList(payload);
    expect(result).to.deep.equal({
      items: [connection({ error: { code: 'expired', message: 'Sign in again' } })],
    });
    expect(result.items[0]).not.to.equal(payload.items[0]);
  });

  it('keeps an unknown status string as "unknown"', () => {
    const result = validateConnectionList({ items: [connection({ status: 'paused' })] });
    expect(result.items[0]!.status).to.equal('unknown');
  });

  it('rejects a non-string status with its path', () => {
    const items = [connection(), connection(), connection(), connection({ status: 3 })];
    expect(invalidPath(() => validateConnectionList({ items }))).to.equal('items[3].status');
  });

  it('names the path of a bad timestamp inside a data source', () => {
    const payload = { id: 'google-ads', name: 'Google Ads', connections: [connection({ createdAt: 'yesterday' })] };
    expect(invalidPath(() => validateDataSource(payload))).to.equal('connections[0].createdAt');
  });

  it('accepts a null updatedAt and rejects a missing one', () => {
    expect(validateConnectionList({ items: [connection({ updatedAt: null })] }).items[0]!.updatedAt).to.equal(null);
    expect(invalidPath(() => validateConnectionList({ items: [connection({ updatedAt: undefined })] }))).to.equal(
      'items[0].updatedAt',
    );
  });

  it('keeps a valid expiresAt, reads a null one as absent and names the path of a bad one', () => {
    const expiring = connection({ expiresAt: '2024-06-05T09:30:00.000Z' });
    expect(validateConnectionList({ items: [expiring] }).items[0]!.expiresAt).to.equal('2024-06-05T09:30:00.000Z');
    expect(validateConnectionList({ items: [connection({ expiresAt: null })] }).items[0]).to.not.have.property('expiresAt');
    const payload = { id: 'google-ads', name: 'Google Ads', connections: [connection(), connection({ expiresAt: 'soon' })] };
    expect(invalidPath(() => validateDataSource(payload))).to.equal('connections[1].expiresAt');
  });

  it('keeps the expiryWarningDays of a data source and rejects a negative or fractional one with its path', () => {
    const source = { id: 'google-ads', name: 'Google Ads', expiryWarningDays: 14, connections: [] };
    expect(validateDataSource(source)).to.deep.equal(source);
    expect(invalidPath(() => validateDataSource({ ...source, expiryWarningDays: -1 }))).to.equal('expiryWarningDays');
    const summary = { ...dataSourceList.items[0]!, expiryWarningDays: 2.5 };
    expect(invalidPath(() => validateDataSourceList({ items: [summary] }))).to.equal('items[0].expiryWarningDays');
    const batch = { items: [{ ...dataSourceList.items[0]!, expiryWarningDays: 3, connections: [] }] };
    expect(validateDataSourceBatch(batch)[0]!.expiryWarningDays).to.equal(3);
  });

  it('names nested paths and root fields', () => {
    const badError = { items: [connection({ status: 'error', error: { code: 'expired', message: 5 } })] };
    expect(invalidPath(() => validateConnectionList(badError))).to.equal('items[0].error.message');
    expect(invalidPath(() => validateConnectionList({ items: {} }))).to.equal('items');
    expect(invalidPath(() => validateConnectionList([]))).to.equal('');
  });

  it('rejects a bad role and a negative or fractional count', () => {
    expect(invalidPath(() => validateConnectionList({ items: [connection({ role: 'owner' })] }))).to.equal(
      'items[0].role',
    );
    const summary = dataSourceList.items[0]!;
    expect(invalidPath(() => validateDataSourceList({ items: [{ ...summary, errorCount: -1 }] }))).to.equal(
      'items[0].errorCount',
    );
    expect(invalidPath(() => validateDataSourceList({ items: [{ ...summary, connectionCount: 1.5 }] }))).to.equal(
      'items[0].connectionCount',
    );
  });

  it('treats null optional fields as absent', () => {
    const summary = { ...dataSourceList.items[0]!, logoUrl: null };
    expect(validateDataSourceList({ items: [summary] }).items[0]).not.to.have.property('logoUrl');
    expect(validateConnectionList({ items: [connection({ error: null })] }).items[0]).not.to.have.property('error');
  });

  it('accepts only http(s) authorization URLs, relative ones included', () => {
    const ok = { authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth?state=st_1', state: 'st_1' };
    expect(validateAuthorization(ok)).to.deep.equal(ok);
    expect(validateAuthorization({ ...ok, authorizationUrl: '/provider/authorize' }).authorizationUrl).to.equal(
      '/provider/authorize',
    );
    expect(invalidPath(() => validateAuthorization({ ...ok, authorizationUrl: 'javascript:alert(1)' }))).to.equal(
      'authorizationUrl',
    );
    expect(invalidPath(() => validateAuthorization({ ...ok, expiresAt: 'soon' }))).to.equal('expiresAt');
  });

  it('checks authorization outcomes and callback messages', () => {
    const outcome = { state: 'st_1', status: 'completed', connectionId: 'conn_2' };
    expect(validateAuthorizationOutcome(outcome)).to.deep.equal(outcome);
    // Unlike a connection's, an outcome's status has no "unknown": the flow must know how to end.
    expect(invalidPath(() => validateAuthorizationOutcome({ ...outcome, status: 'expired' }))).to.equal('status');
    const choosing = { state: 'st_1', status: 'awaiting_selection', accounts: [{ accountId: '1', accountName: 'One', connectionId: 'conn_1' }, { accountId: '2', accountName: 'Two' }] };
    expect(validateAuthorizationOutcome(choosing)).to.deep.equal(choosing);
    expect(invalidPath(() => validateAuthorizationOutcome({ ...choosing, accounts: [{ accountId: '1' }] }))).to.equal('accounts[0].accountName');
    const message = { type: 'dsw-authorization', ...outcome };
    expect(validateAuthorizationMessage(message)).to.deep.equal(message);
    expect(invalidPath(() => validateAuthorizationMessage({ ...message, type: 'other' }))).to.equal('type');
  });

  it('checks error bodies and mentions what it got', () => {
    expect(validateErrorBody({ error: { code: 'not_found', message: 'No such data source' } })).to.deep.equal({
      error: { code: 'not_found', message: 'No such data source' },
    });
    try {
      validateErrorBody({ error: { code: 404, message: 'x' } });
      expect.fail('expected a throw');
    } catch (error) {
      expect((error as Error).message).to.equal('error.code: expected a string, got number');
    }
  });
});

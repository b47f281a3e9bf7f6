import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_UPGRADE_URL_LENGTH, parseUpgradeRequest } from '../../server/src/yjs/upgradeRequest';

const TOKEN = 'x'.repeat(43);
const headers = { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' };

describe('parseUpgradeRequest', () => {
  it('reads the document name, the token and the origin of an honest request', () => {
    expect(parseUpgradeRequest(`/yjs/q3Zx8kLm2PaR.t1?token=${TOKEN}`, headers)).toEqual({
      ok: true,
      docName: 'q3Zx8kLm2PaR.t1',
      token: TOKEN,
      origin: 'http://127.0.0.1:3000',
      host: '127.0.0.1:3000',
    });
  });

  it('decodes a percent-encoded name and leaves deciding whether it exists to the route', () => {
    const odd = parseUpgradeRequest('/yjs/%F0%9F%98%80%E2%80%AE.t1?token=abc', {});
    expect(odd).toMatchObject({ ok: true, docName: '😀\u202e.t1', token: 'abc', origin: undefined, host: undefined });
  });

  it('a missing token is well-formed: the route answers it with close code 4401', () => {
    expect(parseUpgradeRequest('/yjs/q3Zx8kLm2PaR.t1', headers)).toMatchObject({ ok: true, token: null });
    expect(parseUpgradeRequest('/yjs/q3Zx8kLm2PaR.t1?tok=1', headers)).toMatchObject({ ok: true, token: null });
    expect(parseUpgradeRequest('/yjs/q3Zx8kLm2PaR.t1?token=', headers)).toMatchObject({ ok: true, token: '' });
  });

  it('refuses malformed percent-encoding with 400, whatever the byte sequence', () => {
    for (const name of ['%E0%A4%A', '%', '%zz', '%C0%AF', '%ED%A0%80', '%FF', 'abc%E2%82']) {
      expect(parseUpgradeRequest(`/yjs/${name}?token=abc`, headers), name).toMatchObject({
        ok: false,
        status: 400,
        code: 'bad_request',
      });
    }
  });

  it('refuses control characters in the name (NUL, newline, DEL, C1), encoded or raw', () => {
    for (const name of ['ab%00cd', 'a%0Ab', '%7F', '%C2%85', 'a\u0000b']) {
      expect(parseUpgradeRequest(`/yjs/${name}?token=abc`, headers), name).toMatchObject({ ok: false, status: 400 });
    }
  });

  it('refuses a URL over the bound with 414, and one just under it is read', () => {
    const at = (length: number) => `/yjs/${'a'.repeat(length - '/yjs/?token=abc'.length)}?token=abc`;
    expect(parseUpgradeRequest(at(MAX_UPGRADE_URL_LENGTH), headers)).toMatchObject({ ok: true });
    expect(parseUpgradeRequest(at(MAX_UPGRADE_URL_LENGTH + 1), headers)).toMatchObject({
      ok: false,
      status: 414,
      code: 'uri_too_long',
    });
  });

  it('refuses a repeated token (two readers could pick different ones)', () => {
    expect(parseUpgradeRequest('/yjs/a.t1?token=a&token=b', headers)).toMatchObject({ ok: false, status: 400 });
    expect(parseUpgradeRequest('/yjs/a.t1?token=a&x=1&x=2', headers)).toMatchObject({ ok: true, token: 'a' });
  });

  it('a bad encoding in the query does not throw: the token is then simply wrong', () => {
    expect(parseUpgradeRequest('/yjs/a.t1?token=%E0%A4%A', headers)).toMatchObject({ ok: true, token: '\ufffd%A' });
  });

  it('takes the path as sent: no dot segments resolved, no other prefix accepted', () => {
    expect(parseUpgradeRequest('/yjs/../healthz?token=a', headers)).toMatchObject({ ok: true, docName: '../healthz' });
    expect(parseUpgradeRequest('/other?token=a', headers)).toMatchObject({ ok: false, status: 404 });
    expect(parseUpgradeRequest(undefined, headers)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses an Origin or Host that is not one string', () => {
    expect(parseUpgradeRequest('/yjs/a.t1?token=a', { origin: ['a', 'b'] })).toMatchObject({ ok: false, status: 400 });
    expect(parseUpgradeRequest('/yjs/a.t1?token=a', { host: ['a', 'b'] })).toMatchObject({ ok: false, status: 400 });
    // Node joins a repeated Origin into one string; that is no URL and the route refuses it (4400).
    expect(parseUpgradeRequest('/yjs/a.t1?token=a', { origin: 'http://a, http://b' })).toMatchObject({ ok: true });
  });

  it('never throws and always answers one of the two shapes, for any string', () => {
    const anyUrl = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `/yjs/${s}`),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.constantFrom('%', '%E0', '%A4', '%00', '%zz', 'token=', '&', '?', '/', '..', 'a', '\u0000', '😀'))
        .map((parts) => `/yjs/${parts.join('')}`),
    );
    fc.assert(
      fc.property(anyUrl, (url) => {
        const result = parseUpgradeRequest(url, headers);
        if (result.ok) expect(typeof result.docName).toBe('string');
        else expect([400, 404, 414]).toContain(result.status);
      }),
      { numRuns: 2000 },
    );
  });
});

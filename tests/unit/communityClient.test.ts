import { describe, expect, it } from 'vitest';
import { communityBody, NO_COMMUNITY } from '../../client/src/components/archive/communityChoice';
import { dispositionFilename } from '../../client/src/net/communityApi';
import { archivePath, parseRoute } from '../../client/src/router';

describe('archive route', () => {
  it('parses /archief/<id> and builds it back', () => {
    expect(parseRoute('/archief/c_123')).toEqual({ name: 'archive', communityId: 'c_123' });
    expect(parseRoute(archivePath('a b'))).toEqual({ name: 'archive', communityId: 'a b' });
    expect(parseRoute('/archief')).toEqual({ name: 'notFound' });
    expect(parseRoute('/archief/x/y')).toEqual({ name: 'notFound' });
  });
});

describe('community part of the create-session body', () => {
  it('sends nothing without a community id', () => {
    expect(communityBody(NO_COMMUNITY)).toEqual({});
    expect(communityBody({ ...NO_COMMUNITY, communityKey: 'k', theme: 'x' })).toEqual({});
  });

  it('trims and leaves out empty optional fields', () => {
    expect(communityBody({ communityId: ' c1 ', communityKey: ' key ', theme: '  ', followUpOf: '' })).toEqual({
      communityId: 'c1',
      communityKey: 'key',
      theme: undefined,
      followUpOf: undefined,
    });
    expect(communityBody({ communityId: 'c1', communityKey: 'k', theme: 'Jongeren', followUpOf: 's9' })).toMatchObject({
      theme: 'Jongeren',
      followUpOf: 's9',
    });
  });
});

describe('download file names', () => {
  it('reads plain and UTF-8 filename parameters', () => {
    expect(dispositionFilename('attachment; filename="2026-03-12-amersfoort.md"')).toBe('2026-03-12-amersfoort.md');
    expect(dispositionFilename("attachment; filename*=UTF-8''adviesrapport%20%C3%A9%C3%A9n.pdf")).toBe(
      'adviesrapport één.pdf',
    );
    expect(dispositionFilename(null)).toBeNull();
    expect(dispositionFilename('inline')).toBeNull();
  });
});

import { exportAccess, parseExportRequest } from './export-access';

describe('export access', () => {
  it('gives anonymous readers published data only', () => {
    expect(exportAccess(null, false)).toEqual({ kind: 'PUBLISHED' });
  });
  it('gives the ministry everything unless it asks for published data', () => {
    const ministry = { sub: 'm', roles: ['MINISTRY'], units: [] };
    expect(exportAccess(ministry, false)).toEqual({ kind: 'ALL' });
    expect(exportAccess(ministry, true)).toEqual({ kind: 'PUBLISHED' });
  });
  it('limits editors and approvers to their units, and a user without a role to published data', () => {
    expect(exportAccess({ sub: 'e', roles: ['EDITOR'], units: ['40'] }, false)).toEqual({ kind: 'UNITS', units: ['40'] });
    expect(exportAccess({ sub: 'e', roles: ['EDITOR'], units: [] }, false)).toEqual({ kind: 'PUBLISHED' });
    expect(exportAccess({ sub: 'x', roles: [], units: ['40'] }, false)).toEqual({ kind: 'PUBLISHED' });
  });
});

describe('export request', () => {
  it('reads format, year, within, since and gzip', () => {
    expect(parseExportRequest({ format: 'csv', year: '2024', within: '40', gzip: 'true' })).toEqual({
      ok: true,
      request: { format: 'csv', year: 2024, within: '40', since: null, publishedOnly: false, gzip: true },
    });
    expect(parseExportRequest({}, 'br, gzip')).toMatchObject({ ok: true, request: { format: 'ndjson', gzip: true } });
    expect(parseExportRequest({}, 'identity')).toMatchObject({ ok: true, request: { gzip: false } });
  });
  it('names the bad parameter and why', () => {
    expect(parseExportRequest({ format: 'xml' })).toMatchObject({ ok: false, field: 'format' });
    expect(parseExportRequest({ year: '24' })).toMatchObject({ ok: false, field: 'year' });
    expect(parseExportRequest({ year: '1999' })).toMatchObject({ ok: false, field: 'year', reason: expect.stringContaining('1999') });
    expect(parseExportRequest({ within: "40'; drop table x" })).toMatchObject({ ok: false, field: 'within' });
    expect(parseExportRequest({ yaer: '2024' })).toMatchObject({ ok: false, field: 'yaer', reason: expect.stringContaining('unknown') });
    expect(parseExportRequest({ format: 'dhis2', since: 'c1.x' })).toMatchObject({ ok: false, field: 'since' });
    expect(parseExportRequest({ published: 'yes' })).toMatchObject({ ok: false, field: 'published' });
  });
});

import path from 'node:path';
import { sharedDataDir, sharedDataFile } from './shared-data';

describe('sharedDataDir', () => {
  const saved = process.env.NTM_SHARED_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.NTM_SHARED_DIR;
    else process.env.NTM_SHARED_DIR = saved;
  });

  it('is shared/data beside the repository, or under NTM_SHARED_DIR', () => {
    delete process.env.NTM_SHARED_DIR;
    expect(sharedDataDir()).toBe(path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data'));
    process.env.NTM_SHARED_DIR = '/elsewhere/shared';
    expect(sharedDataDir()).toBe(path.join('/elsewhere/shared', 'data'));
  });

  it('names a missing file and the variable to set instead of returning a path that does not exist', () => {
    process.env.NTM_SHARED_DIR = '/nonexistent/shared';
    expect(() => sharedDataFile('admin-units', 'units.csv')).toThrow(
      /\/nonexistent\/shared\/data\/admin-units\/units\.csv is missing; .*NTM_SHARED_DIR/,
    );
  });
});

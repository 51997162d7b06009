import fs from 'fs';
import os from 'os';
import path from 'path';
import { DEMO_DIR } from '../../__testUtils__/demoData';
import { loadDirectory } from './loadDirectory';
import { MAESTRO06_FILES } from './types';

describe('loadDirectory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro06-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads every file of the demo export', async () => {
    const files = await loadDirectory(DEMO_DIR);
    expect(Object.keys(files).sort()).toEqual([...MAESTRO06_FILES].sort());
    expect(files['servers.json']).toHaveLength(279);
  });

  it('reads only the Maestro files that are there', async () => {
    fs.writeFileSync(path.join(dir, 'clients.json'), '[{"name": "ERP"}]');
    fs.writeFileSync(path.join(dir, 'README.md'), '# not data');
    expect(await loadDirectory(dir)).toEqual({
      'clients.json': [{ name: 'ERP' }],
    });
  });

  it('names the file that is not valid JSON', async () => {
    fs.writeFileSync(path.join(dir, 'clients.json'), '[]');
    fs.writeFileSync(path.join(dir, 'servers.json'), '[{"hostname": ');
    await expect(loadDirectory(dir)).rejects.toThrow(
      /servers\.json is not valid JSON/,
    );
    await expect(loadDirectory(dir)).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('says when the folder cannot be read', async () => {
    await expect(loadDirectory(path.join(dir, 'missing'))).rejects.toThrow(
      /Cannot read the Maestro 0.6 folder/,
    );
  });
});

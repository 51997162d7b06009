import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const bin = path.resolve(__dirname, '../../bin/maestro-import');
const demo = path.resolve(__dirname, '../../../../examples/maestro-demo');

function importFolder(folder: string, dataDir: string) {
  return spawnSync(process.execPath, [bin, folder], {
    encoding: 'utf8',
    env: { ...process.env, MAESTRO_DATA_DIR: dataDir, NODE_ENV: 'development' },
  });
}

describe('maestro-import command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-cli-'));
  const badExport = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-bad-'));
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(badExport, { recursive: true, force: true });
  });

  it('refuses a bad export, naming file, item and field, and writes nothing', () => {
    for (const file of fs.readdirSync(demo).filter(f => f.endsWith('.json'))) {
      fs.copyFileSync(path.join(demo, file), path.join(badExport, file));
    }
    const servers = JSON.parse(
      fs.readFileSync(path.join(demo, 'servers.json'), 'utf8'),
    );
    servers[3].ipv4_private = '10.0.0.999';
    fs.writeFileSync(
      path.join(badExport, 'servers.json'),
      JSON.stringify(servers),
    );
    const result = importFolder(badExport, dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('servers.json[3].spec.ipv4Private');
    expect(result.stderr).toContain('nothing was written: 1 problem');
  }, 120_000);

  it('imports the demo export into the configured store, then finds nothing new', () => {
    const first = importFolder(demo, dataDir);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      total: 997,
      created: { Server: 279 },
    });
    const second = importFolder(demo, dataDir);
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      total: 997,
      created: {},
      updated: {},
    });
  }, 120_000);
});

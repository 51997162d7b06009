import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { UploadError, unpackUpload } from './unpackUpload';
import { readJsonFile } from './readText';

const MB = 1024 * 1024;

/** Builds an archive with Python's tarfile/zipfile, which write any name (../ included). */
function archive(
  kind: 'tar.gz' | 'zip',
  members: Record<string, string | number>,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-archive-'));
  const out = path.join(dir, `upload.${kind}`);
  const script = `
import io, json, sys, tarfile, zipfile
kind, out, members = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
def data(v): return b"\\0" * v if isinstance(v, int) else v.encode()
if kind == "zip":
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, v in members.items(): z.writestr(name, data(v))
else:
    with tarfile.open(out, "w:gz") as t:
        for name, v in members.items():
            b = data(v); info = tarfile.TarInfo(name); info.size = len(b)
            t.addfile(info, io.BytesIO(b))
`;
  execFileSync('python3', ['-c', script, kind, out, JSON.stringify(members)]);
  const body = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true });
  return {
    filename: `upload.${kind}`,
    contentType: 'application/octet-stream',
    body,
  };
}

describe('unpackUpload', () => {
  it('unpacks a .tar.gz facts tree', async () => {
    const files = await unpackUpload(
      archive('tar.gz', { 'out/web-1': '{"a":1}', 'out/db-1': '{"b":2}' }),
      MB,
    );
    expect(files.map(f => [f.path, f.content.toString()]).sort()).toEqual([
      ['out/db-1', '{"b":2}'],
      ['out/web-1', '{"a":1}'],
    ]);
  });

  it('unpacks a plain .tar', async () => {
    const gz = archive('tar.gz', { 'a/web-1': '{"a":1}' });
    const { gunzipSync } = require('zlib');
    const files = await unpackUpload({ ...gz, body: gunzipSync(gz.body) }, MB);
    expect(files).toEqual([
      { path: 'a/web-1', content: Buffer.from('{"a":1}') },
    ]);
  });

  it('unpacks a .zip', async () => {
    const files = await unpackUpload(
      archive('zip', { 'facts/web-1': '{}' }),
      MB,
    );
    expect(files).toEqual([
      { path: 'facts/web-1', content: Buffer.from('{}') },
    ]);
  });

  it('takes a plain file as itself', async () => {
    const files = await unpackUpload(
      {
        filename: 'web-1',
        contentType: 'application/json',
        body: Buffer.from('{}'),
      },
      MB,
    );
    expect(files).toEqual([{ path: 'web-1', content: Buffer.from('{}') }]);
  });

  it.each(['tar.gz', 'zip'] as const)(
    'refuses path traversal names in a %s',
    async kind => {
      await expect(
        unpackUpload(archive(kind, { '../../etc/cron.d/evil': 'x' }), MB),
      ).rejects.toThrow(
        /'..\/..\/etc\/cron.d\/evil': entry names must stay inside the archive/,
      );
    },
  );

  it.each(['tar.gz', 'zip'] as const)(
    'stops a %s bomb at the limit instead of unpacking it',
    async kind => {
      const bomb = archive(kind, { 'zeros-1': 30 * MB, 'zeros-2': 30 * MB });
      expect(bomb.body.length).toBeLessThan(MB);
      await expect(unpackUpload(bomb, 10 * MB)).rejects.toThrow(
        /unpacks to more than 10485760 bytes/,
      );
    },
  );

  it('refuses an upload over the limit before unpacking it', async () => {
    await expect(
      unpackUpload(
        {
          filename: 'big.json',
          contentType: 'application/json',
          body: Buffer.alloc(2 * MB),
        },
        MB,
      ),
    ).rejects.toThrow(UploadError);
  });

  it('refuses a corrupt archive with its name', async () => {
    const good = archive('tar.gz', { a: 'x'.repeat(5000) });
    const truncated = {
      ...good,
      body: good.body.subarray(0, good.body.length / 2),
    };
    await expect(unpackUpload(truncated, MB)).rejects.toThrow(
      /upload.tar.gz: not a readable .tar.gz/,
    );
  });
});

describe('readJsonFile', () => {
  const read = (content: Buffer | string) =>
    readJsonFile({ path: 'facts/web-1', content: Buffer.from(content) });

  it('reads JSON', () => {
    expect(read('{"a": [1]}')).toEqual({ value: { a: [1] } });
  });

  it('names the line of truncated JSON', () => {
    const result = read('{\n  "a": [1,\n  2');
    expect(result).toMatchObject({
      problem: {
        file: 'facts/web-1',
        message: expect.stringMatching(/^is not valid JSON/),
      },
    });
    expect((result as any).problem.location).toMatch(/^line 3/);
  });

  it('refuses a file that is not JSON', () => {
    expect(read('hostname: web-1\n')).toMatchObject({
      problem: { message: expect.stringMatching(/^is not valid JSON/) },
    });
  });

  it('names the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"name": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    expect(read(bytes)).toEqual({
      problem: {
        file: 'facts/web-1',
        location: 'byte 13',
        message: 'is not UTF-8 text',
      },
    });
  });

  it('says when a file is empty', () => {
    expect(read('')).toMatchObject({ problem: { message: 'is empty' } });
  });
});

import { Parser } from 'tar';
import { tarArchive } from './tarArchive';

/** Reads an archive back with node-tar, as the backend does. */
function readBack(bytes: Uint8Array): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const files: Record<string, string> = {};
    const parser = new Parser({
      strict: true,
      onReadEntry: entry => {
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => {
          files[entry.path] = Buffer.concat(chunks).toString();
        });
      },
    });
    parser.on('error', reject);
    parser.on('end', () => resolve(files));
    parser.end(Buffer.from(bytes));
  });
}

describe('tarArchive', () => {
  it('packs files that a real tar reader reads back whole', async () => {
    const enc = new TextEncoder();
    const long = `${'facts/'.repeat(20)}web-1`;
    const files = await readBack(
      tarArchive([
        { path: 'web-1', content: enc.encode('{"a":1}') },
        { path: 'db-1', content: enc.encode('x'.repeat(1500)) },
        { path: long, content: enc.encode('{}') },
        { path: 'empty', content: new Uint8Array() },
      ]),
    );
    expect(files).toEqual({
      'web-1': '{"a":1}',
      'db-1': 'x'.repeat(1500),
      [long]: '{}',
      empty: '',
    });
  });

  it('refuses a name it cannot store', () => {
    expect(() =>
      tarArchive([{ path: 'x'.repeat(300), content: new Uint8Array() }]),
    ).toThrow(/too long/);
  });
});

import fs from 'fs';
import path from 'path';

/** Maestro 0.6's demo export, as the repository ships it for first start. */
export const DEMO_DIR = path.resolve(
  __dirname,
  '../../../../examples/maestro-demo',
);

/** What the demo export holds, by kind (volumes: one per `#attach` disk). */
export const DEMO_COUNTS = {
  Datacenter: 5,
  Server: 279,
  Component: 18,
  Resource: 36,
  System: 13,
  Client: 3,
  Group: 5,
  Network: 35,
  Image: 160,
  Snapshot: 130,
  Volume: 313,
};

export const DEMO_TOTAL = Object.values(DEMO_COUNTS).reduce((a, b) => a + b, 0);

/** The demo export's files, parsed (each test gets its own copy). */
export function readDemoFiles(): Record<string, any> {
  const files: Record<string, any> = {};
  for (const file of fs
    .readdirSync(DEMO_DIR)
    .filter(f => f.endsWith('.json'))) {
    files[file] = JSON.parse(
      fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'),
    );
  }
  return files;
}

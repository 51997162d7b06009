import fs from 'fs';
import path from 'path';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DiscoveryConnection,
  DiscoveryTaskContext,
} from '@maestro/plugin-maestro-node';
import { ansibleFactsFormat } from '../ansible/ansibleFormat';
import { terraformStateFormat } from '../terraform/terraformFormat';
import { JsonFilesFormat } from '../upload/parseJsonFiles';
import { FILES_SCOPE, filesTask } from './filesTask';
import {
  SftpTestServer,
  generateKey,
  startSftpServer,
} from '../__testUtils__/sftpTestServer';
import { realState, writeFactsTree } from '../__testUtils__/factsTree';

jest.setTimeout(30_000);

const limits = { maxBytes: 1024 * 1024, maxFiles: 100, timeoutMs: 15_000 };

/** What the engine offers a task, recording what the task hands it. */
function recordingContext(connection: DiscoveryConnection) {
  const emitted: Array<{ scope: string; entities: Entity[] }> = [];
  const completed: string[] = [];
  const state = new Map<string, string>();
  const context: DiscoveryTaskContext = {
    connection,
    signal: new AbortController().signal,
    logger: mockServices.logger.mock(),
    emit: async (scope, entities) => {
      emitted.push({ scope, entities });
    },
    complete: async scope => {
      completed.push(scope);
    },
    progress: () => {},
    state: {
      get: async key => state.get(key),
      set: async (key, value) => {
        state.set(key, value);
      },
    },
  };
  return { context, emitted, completed, state };
}

describe('files-sync over SSH', () => {
  const user = generateKey();
  let tree: { root: string; facts: string };
  let server: SftpTestServer;

  beforeEach(async () => {
    tree = writeFactsTree();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: user.publicKey,
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(tree.root, { recursive: true, force: true });
  });

  const connection = (settings: Record<string, string>) => ({
    id: 'c-1',
    type: 'ansible',
    datacenter: 'datacenter:default/site-a',
    settings: {
      transport: 'ssh',
      host: '127.0.0.1',
      port: String(server.port),
      username: 'inventory',
      path: tree.facts,
      ...settings,
    },
    credentials: { privateKey: user.privateKey },
  });
  const run = async (
    format: JsonFilesFormat,
    settings: Record<string, string> = {},
  ) => {
    const recorded = recordingContext(connection(settings));
    const outcome = await filesTask(format, limits)
      .run(recorded.context)
      .catch(e => e as Error);
    return { ...recorded, outcome };
  };
  const names = (emitted: Array<{ entities: Entity[] }>) =>
    emitted.flatMap(e => e.entities.map(x => `${x.kind}:${x.metadata.name}`));

  it('writes the facts of every host under one scope, then completes it', async () => {
    const { outcome, emitted, completed } = await run(ansibleFactsFormat);
    expect(outcome).toEqual({
      message: expect.stringMatching(
        /^\d+ record\(s\) from 2 file\(s\) of sftp:\/\/inventory@127.0.0.1:\d+\/opt\/ansible-facts$/,
      ),
    });
    expect(new Set(emitted.map(e => e.scope))).toEqual(new Set([FILES_SCOPE]));
    const servers = names(emitted).filter(n => n.startsWith('Server:'));
    expect(servers).toEqual(['Server:vm', 'Server:web-2']);
    const web2 = emitted
      .flatMap(e => e.entities)
      .find(e => e.metadata.name === 'web-2')!;
    expect(web2.spec).toMatchObject({
      hostname: 'web-2',
      ipv4Private: '10.20.0.12',
      datacenter: { ref: 'datacenter:default/site-a' },
    });
    expect(completed).toEqual([FILES_SCOPE]);
  });

  it('counts what a Terraform state skips, reading the state but not its backup', async () => {
    const dir = path.join(tree.root, 'srv/terraform');
    fs.writeFileSync(path.join(dir, 'prod.tfstate.backup'), '{"version": 3}');
    fs.writeFileSync(path.join(dir, 'prod.tfstate.tflock'), '{"ID": "x"}');
    const { outcome, emitted, completed } = await run(terraformStateFormat, {
      path: '/srv/terraform/',
    });
    const expected = terraformStateFormat.parse(
      { filename: 'prod.tfstate', contentType: '', body: realState },
      { maxBytes: limits.maxBytes, datacenter: 'datacenter:default/site-a' },
    );
    const { entities, skipped } = await expected;
    expect(skipped.length).toBeGreaterThan(0);
    expect(names(emitted)).toEqual(
      entities.map(e => `${e.kind}:${e.metadata.name}`),
    );
    expect((outcome as { message: string }).message).toContain(
      `${entities.length} record(s) from 1 file(s)`,
    );
    expect((outcome as { message: string }).message).toContain(
      `; ${skipped.length} part(s) skipped: `,
    );
    expect(completed).toEqual([FILES_SCOPE]);
  });

  it('writes nothing when any file has a problem, and names every problem', async () => {
    const dir = path.join(tree.root, 'opt/ansible-facts');
    fs.writeFileSync(path.join(dir, 'db-1'), '{"ansible_facts": {');
    fs.writeFileSync(path.join(dir, 'site-b/notes'), '{"hello": 1}');
    const { outcome, emitted, completed } = await run(ansibleFactsFormat);
    expect(outcome).toMatchObject({
      name: 'DiscoveryProviderError',
      kind: 'provider',
      code: 'InvalidFiles',
    });
    const message = (outcome as Error).message;
    expect(message).toMatch(
      /^2 problem\(s\) in the files of sftp:.*, nothing was written: db-1 at line 1, column \d+: is not valid JSON .*; site-b\/notes: has no ansible_facts/,
    );
    expect(emitted).toEqual([]);
    expect(completed).toEqual([]);
  });

  it('completes nothing for an empty folder', async () => {
    fs.mkdirSync(path.join(tree.root, 'empty'));
    const { outcome, emitted, completed } = await run(ansibleFactsFormat, {
      path: '/empty',
    });
    expect(outcome).toEqual({
      message: `no files in sftp://inventory@127.0.0.1:${server.port}/empty`,
    });
    expect(emitted).toEqual([]);
    expect(completed).toEqual([]);
  });

  it('writes nothing when the host key changed', async () => {
    const first = await run(ansibleFactsFormat);
    const pinned = first.state.get('ssh-host-key');
    expect(pinned).toBe(server.fingerprint);
    const port = server.port;
    await server.close();
    server = await startSftpServer({
      root: tree.root,
      username: 'inventory',
      authorizedKey: user.publicKey,
      port,
    });
    const recorded = recordingContext(connection({}));
    recorded.state.set('ssh-host-key', pinned!);
    const error = await filesTask(ansibleFactsFormat, limits)
      .run(recorded.context)
      .catch(e => e as Error);
    expect(error).toMatchObject({ code: 'HostKeyMismatch' });
    expect((error as Error).message).toContain(server.fingerprint);
    expect(recorded.emitted).toEqual([]);
    expect(recorded.completed).toEqual([]);
  });
});

import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

const LOADED_LINE = 'maestro replica loaded';
const ENTRY = path.resolve(__dirname, 'replicaProcess.ts');
const PLUGIN_DIR = path.resolve(__dirname, '../../..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Maestro backend running in its own Node process. */
export interface ReplicaProcess {
  name: string;
  url: string;
  /** Resolves once the process has loaded its code (it has not started). */
  loaded: Promise<void>;
  /** Starts the backend and waits until it reports ready. */
  start(): Promise<void>;
  /** What the process printed (its logs). */
  output(): string;
  /** Shuts it down as an orchestrator does (SIGTERM), then waits for its exit. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Spawns `replicaProcess.ts` with its own configuration file (TypeScript
 * through the Backstage CLI's Node transform, as `backstage-cli package
 * start` runs a backend).
 */
export function spawnReplicaProcess(opts: {
  name: string;
  port: number;
  config: object;
  timeoutMs?: number;
}): ReplicaProcess {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `maestro-${opts.name}-`));
  const configFile = path.join(dir, 'app-config.yaml');
  // JSON is YAML: the config loader reads it as is.
  fs.writeFileSync(configFile, JSON.stringify(opts.config));
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ENTRY,
      '--config',
      configFile,
    ],
    {
      cwd: PLUGIN_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        MAESTRO_REPLICA_NAME: opts.name,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const gone = exited(child);
  const failure = (what: string) =>
    new Error(
      `Replica ${opts.name} ${what} (exit code ${
        child.exitCode
      }):\n${output.slice(-4000)}`,
    );
  const loaded = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(failure(`did not load in ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout!.on('data', chunk => {
      output += chunk;
      if (output.includes(LOADED_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    });
    gone.then(() => {
      clearTimeout(timer);
      reject(failure('exited'));
    });
  });
  loaded.catch(() => {});
  child.stderr!.on('data', chunk => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${opts.port}`;

  return {
    name: opts.name,
    url,
    loaded,
    output: () => output,
    async start() {
      await loaded;
      child.stdin!.end('go\n');
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && child.exitCode === null) {
        try {
          const res = await fetch(`${url}/.backstage/health/v1/readiness`);
          if (res.ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw failure('did not become ready');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await gone;
        clearTimeout(killer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

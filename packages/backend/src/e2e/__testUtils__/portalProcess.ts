import { ChildProcess, spawn, spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '../../../../..');

/**
 * Builds the frontend, so the backend serves it as in production. The test
 * command builds it once before all browser tests and says so in
 * MAESTRO_E2E_FRONTEND_BUILT; a browser test run alone builds it itself.
 */
export function buildFrontend() {
  if (
    process.env.MAESTRO_E2E_FRONTEND_BUILT === '1' &&
    fs.existsSync(path.join(repoRoot, 'packages/app/dist/index.html'))
  ) {
    return;
  }
  const result = spawnSync(
    process.execPath,
    [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'build'],
    {
      cwd: path.join(repoRoot, 'packages/app'),
      encoding: 'utf8',
      // Jest sets NODE_ENV=test, for which the app has no browserslist entry.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BROWSERSLIST_ENV: 'production',
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(`frontend build failed: ${result.stderr || result.stdout}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The portal's real backend (packages/backend/src/index.ts with
 * app-config.yaml), on its own port and SQLite folder, serving the built
 * frontend. Stop and start keep the folder, as a user's restart would.
 */
export class PortalProcess {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-e2e-'));
  readonly token = crypto.randomBytes(24).toString('hex');
  private child?: ChildProcess;
  private output = '';
  port = 0;

  get baseUrl() {
    return `http://localhost:${this.port}`;
  }

  async start() {
    this.port ||= await freePort();
    const configFile = path.join(this.dataDir, 'e2e-config.yaml');
    fs.writeFileSync(
      configFile,
      `app:
  baseUrl: ${this.baseUrl}
backend:
  baseUrl: ${this.baseUrl}
  listen: { port: ${this.port} }
  cors: { origin: ${this.baseUrl} }
  auth:
    externalAccess:
      - type: static
        options: { token: ${this.token}, subject: e2e }
maestro:
  catalog:
    schedule: { frequency: { seconds: 5 }, timeout: { minutes: 5 } }
`,
    );
    this.child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        configFile,
      ],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        env: {
          ...process.env,
          MAESTRO_DATA_DIR: this.dataDir,
          NODE_ENV: 'development',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-20000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    await this.waitFor(
      async () =>
        (
          await fetch(`${this.baseUrl}/.backstage/health/v1/readiness`)
        ).ok,
      180_000,
      'backend ready',
    );
  }

  async api(pathname: string) {
    const res = await fetch(`${this.baseUrl}${pathname}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
    return res.json();
  }

  async waitFor(
    check: () => Promise<boolean>,
    timeoutMs: number,
    what: string,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(
          `backend exited while waiting for ${what}:\n${this.output}`,
        );
      }
      try {
        if (await check()) return;
      } catch {
        // not yet
      }
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}:\n${this.output.slice(-4000)}`,
        );
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise(r => this.child!.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }

  cleanUp() {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Debian's Chromium, headless, as every browser test drives it. */
export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  }
  // A static import: Jest runs without --experimental-vm-modules, where a
  // dynamic import() throws.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

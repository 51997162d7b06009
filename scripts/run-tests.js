#!/usr/bin/env node
/*
 * Runs every test of the repository: type check, the unit and integration
 * tests of all packages (on SQLite, and on PostgreSQL when one listens on
 * 127.0.0.1:5432), then the browser test. Prints one closing line
 * "N passed, N failed".
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = name => path.join(root, 'node_modules', '.bin', name);

function canConnect(host, port) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function run(title, command, args, env = {}, cwd = root) {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

async function main() {
  const only = process.argv[2]; // optional: types | lint | unit | e2e
  const env = { BACKSTAGE_TEST_DISABLE_DOCKER: '1', CI: 'true' };
  if (await canConnect('127.0.0.1', 5432)) {
    env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
      'postgresql://postgres@127.0.0.1:5432';
    console.log(
      'PostgreSQL found on 127.0.0.1:5432: database tests run on SQLite and PostgreSQL',
    );
  } else {
    console.log(
      'No PostgreSQL on 127.0.0.1:5432: database tests run on SQLite only',
    );
  }

  let passed = 0;
  let failed = 0;
  const failures = [];

  for (const [check, args] of [
    ['types', [bin('tsc'), '--noEmit', '-p', 'tsconfig.json']],
    ['lint', [bin('backstage-cli'), 'repo', 'lint']],
  ]) {
    if (only && only !== check) continue;
    const status = run(
      check === 'types' ? 'Type check' : 'Lint',
      process.execPath,
      args,
    );
    if (status === 0) {
      passed++;
    } else {
      failed++;
      failures.push(check);
    }
  }

  for (const [suite, pattern] of [
    ['unit', ['--testPathIgnorePatterns', '/e2e/']],
    ['e2e', ['--runInBand', '--testPathPatterns', '/e2e/']],
  ]) {
    if (only && only !== suite) continue;
    if (suite === 'e2e') {
      // Every browser test serves the same built app: build it once here.
      const built = run(
        'Frontend build (for the browser tests)',
        process.execPath,
        [bin('backstage-cli'), 'package', 'build'],
        { NODE_ENV: 'production', BROWSERSLIST_ENV: 'production' },
        path.join(root, 'packages/app'),
      );
      if (built !== 0) {
        failed++;
        failures.push('frontend build');
        continue;
      }
      env.MAESTRO_E2E_FRONTEND_BUILT = '1';
    }
    const report = path.join(
      os.tmpdir(),
      `maestro-jest-${suite}-${process.pid}.json`,
    );
    const status = run(
      `Tests (${suite})`,
      process.execPath,
      [
        bin('backstage-cli'),
        'repo',
        'test',
        '--ci',
        '--json',
        '--outputFile',
        report,
        ...pattern,
      ],
      env,
    );
    if (fs.existsSync(report)) {
      const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
      passed += summary.numPassedTests;
      failed += summary.numFailedTests;
      if (summary.numFailedTests || status !== 0)
        failures.push(`${suite} tests`);
      if (status !== 0 && !summary.numFailedTests) failed++;
      fs.rmSync(report);
    } else if (status !== 0) {
      failed++;
      failures.push(`${suite} tests (no report)`);
    }
  }

  console.log(
    `\n${failures.length ? `Failed: ${failures.join(', ')}` : 'All green'}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || failures.length ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

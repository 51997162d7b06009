/*
 * The Backstage community's AWS provider, installed for the discovery bench
 * outside the workspace: it depends on older @backstage releases than the
 * ones this repository is on, so it gets its own folder and node_modules
 * (reused from one run to the next) and never enters the yarn workspace.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const PACKAGE = '@roadiehq/catalog-backend-module-aws';
const VERSION = '5.11.0';

const installDir = () =>
  process.env.MAESTRO_BENCH_ROADIE_DIR ??
  path.join(os.homedir(), '.cache', 'maestro-bench', 'roadie');

function installedVersion(dir) {
  try {
    const manifest = path.join(dir, 'node_modules', PACKAGE, 'package.json');
    return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs (or finds) the pinned release with the machine's npm.
 * Returns `{ dir, version }`, or `{ reason }` saying why it is not there.
 */
function ensureRoadieInstalled() {
  const dir = installDir();
  if (installedVersion(dir) === VERSION) return { dir, version: VERSION };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'maestro-bench-roadie',
        private: true,
        description: 'Installed by yarn bench discovery; safe to delete',
        dependencies: { [PACKAGE]: VERSION },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`  installing ${PACKAGE}@${VERSION} into ${dir} (npm)...`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (npm.error || npm.status !== 0) {
    const why = npm.error
      ? npm.error.message
      : (npm.stderr || npm.stdout).trim().split('\n').slice(-3).join(' / ');
    return { reason: `npm install in ${dir} failed: ${why}` };
  }
  if (installedVersion(dir) !== VERSION) {
    return { reason: `npm install in ${dir} did not install ${PACKAGE}` };
  }
  return { dir, version: VERSION };
}

module.exports = { ensureRoadieInstalled, ROADIE_PACKAGE: PACKAGE };

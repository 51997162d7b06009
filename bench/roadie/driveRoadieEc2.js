/*
 * Parent side of the Roadie EC2 run in `yarn bench discovery`: starts
 * runRoadieEc2.js in its own Node process against the fake AWS account and
 * asks it for one sync at a time, so the bench can change the fake between
 * syncs. Each answer carries the child's own figures.
 */
const { fork } = require('child_process');
const path = require('path');

/**
 * Starts the child with AWS settings pointing at the fake (the SDK reads
 * them from the environment) and sets its providers up, one per region.
 */
async function startRoadieEc2({ installDir, fake, regions }) {
  const roleArn = `arn:aws:iam::${fake.aws.accountId}:role/roadie-bench`;
  fake.aws.addRole(roleArn);
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('AWS_')) delete env[name];
  }
  const child = fork(path.join(__dirname, 'runRoadieEc2.js'), [], {
    cwd: installDir,
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...env,
      AWS_ACCESS_KEY_ID: fake.aws.defaultKey.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fake.aws.defaultKey.secretAccessKey,
      AWS_REGION: regions[0],
      AWS_ENDPOINT_URL_EC2: fake.url,
      AWS_ENDPOINT_URL_STS: fake.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      NODE_ENV: 'production',
    },
  });
  let stderr = '';
  child.stderr.on('data', d => {
    stderr = (stderr + d).slice(-4000);
  });
  let exited;
  const exit = new Promise(resolve =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  /** Sends one command and waits for its answer (or the child's end). */
  const ask = message =>
    new Promise((resolve, reject) => {
      if (exited) {
        reject(new Error(`Roadie process ended early: ${stderr.trim()}`));
        return;
      }
      const onMessage = answer => {
        child.off('message', onMessage);
        if (answer.type === 'failed') reject(new Error(answer.message));
        else resolve(answer);
      };
      child.on('message', onMessage);
      exit.then(() =>
        reject(
          new Error(
            `Roadie process ended (${exited.code ?? exited.signal}): ${stderr
              .trim()
              .slice(-1000)}`,
          ),
        ),
      );
      child.send(message);
    });

  const ready = await ask({
    type: 'setup',
    installDir,
    accountId: fake.aws.accountId,
    roleArn,
    regions,
  }).catch(e => {
    child.kill();
    throw e;
  });
  return {
    baselineRssMb: ready.baselineRssMb,
    sync: label => ask({ type: 'sync', label }),
    async finish() {
      const answer = await ask({ type: 'finish' });
      await exit;
      return answer;
    },
    kill() {
      if (!exited) child.kill();
    },
  };
}

module.exports = { startRoadieEc2 };

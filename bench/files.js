/*
 * yarn bench files [--count N] [--postgres]
 *
 * Imports N Ansible fact files (one .tar.gz upload) and a Terraform state of
 * N instances (count) through POST /api/maestro/import/files/<format>, into a
 * fresh store, and prints seconds per import (a preview, the import, and the
 * same import again with nothing changed) and the backend's peak RSS.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const tar = require('tar');
const { startBackend, arg, seconds, root } = require('./lib');

const count = Number(arg('count', '10000'));
const postgres = process.argv.includes('--postgres');

const facts = JSON.parse(
  fs.readFileSync(
    path.join(
      root,
      'plugins/maestro-backend-module-files/src/ansible/__fixtures__/facts/localhost',
    ),
    'utf8',
  ),
);

const ip = i => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
// Terraform's fleet is other servers than the Ansible hosts.
const tfIp = i => `172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}`;

/** N hosts' facts, from the real fixture with each host's own name and address. */
async function factsArchive() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-bench-facts-'));
  fs.mkdirSync(path.join(dir, 'out'));
  for (let i = 0; i < count; i++) {
    const host = `host-${i}`;
    const f = facts.ansible_facts;
    const one = {
      ...facts,
      ansible_facts: {
        ...f,
        ansible_hostname: host,
        ansible_fqdn: `${host}.bench.internal`,
        ansible_default_ipv4: { ...f.ansible_default_ipv4, address: ip(i) },
        ansible_all_ipv4_addresses: [ip(i)],
      },
    };
    fs.writeFileSync(path.join(dir, 'out', host), JSON.stringify(one));
  }
  const file = path.join(dir, 'facts.tar.gz');
  await tar.c({ gzip: true, cwd: dir, file }, ['out']);
  const body = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return body;
}

/** One aws_instance resource with N `count` instances and N volumes. */
function stateFile() {
  const instance = i => ({
    index_key: i,
    schema_version: 1,
    attributes: {
      id: `i-${(0x10000000 + i).toString(16)}bench`,
      ami: 'ami-0abc1234',
      availability_zone: 'us-east-1a',
      instance_type: 't3.micro',
      instance_state: 'running',
      private_ip: tfIp(i),
      private_dns: `ip-${tfIp(i).replace(/\./g, '-')}.ec2.internal`,
      subnet_id: 'subnet-0123',
      tags: { Name: `tf-${i}` },
    },
  });
  return Buffer.from(
    JSON.stringify({
      version: 4,
      terraform_version: '1.9.5',
      serial: 1,
      lineage: 'bench',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_instance',
          name: 'fleet',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: Array.from({ length: count }, (_, i) => instance(i)),
        },
      ],
    }),
  );
}

async function upload(backend, format, filename, body, dryRun) {
  const started = Date.now();
  const res = await fetch(
    `${backend.baseUrl}/api/maestro/import/files/${format}?filename=${filename}&dryRun=${dryRun}&datacenter=datacenter:default/bench-dc`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${backend.token}`,
        'content-type': 'application/octet-stream',
      },
      body,
    },
  );
  const result = await res.json();
  if (!res.ok)
    throw new Error(
      `${format}: ${res.status} ${JSON.stringify(result).slice(0, 500)}`,
    );
  return { ms: Date.now() - started, result };
}

async function main() {
  const archive = await factsArchive();
  const state = stateFile();
  console.log(
    `files import: ${count} Ansible fact files (${(
      archive.length / 1e6
    ).toFixed(1)} MB .tar.gz), ` +
      `a Terraform state of ${count} instances (${(state.length / 1e6).toFixed(
        1,
      )} MB), ${postgres ? 'PostgreSQL' : 'SQLite'}`,
  );
  const backend = await startBackend({
    postgres,
    extraConfig: `maestro:\n  import:\n    maxUploadBytes: ${
      1024 * 1024 * 1024
    }\n`,
  });
  try {
    for (const [format, filename, body] of [
      ['ansible', 'facts.tar.gz', archive],
      ['terraform', 'fleet.tfstate', state],
    ]) {
      const preview = await upload(backend, format, filename, body, true);
      const first = await upload(backend, format, filename, body, false);
      const again = await upload(backend, format, filename, body, false);
      const c = r =>
        `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
      console.log(`  ${format}:`);
      console.log(
        `    preview (dry run): ${seconds(preview.ms)} s (${c(
          preview.result,
        )})`,
      );
      console.log(
        `    import:            ${seconds(first.ms)} s (${c(
          first.result,
        )}, ${Math.round(
          first.result.records.length / (first.ms / 1000),
        )} records/s)`,
      );
      console.log(
        `    same import again: ${seconds(again.ms)} s (${c(again.result)})`,
      );
    }
    console.log(`  backend peak RSS: ${backend.peakRssMb()} MB`);
  } finally {
    await backend.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

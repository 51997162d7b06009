import fs from 'fs';
import os from 'os';
import path from 'path';

const FIXTURES = path.join(__dirname, '..');
/** The committed output of `ansible -m setup --tree` for one real host. */
export const realFacts = fs.readFileSync(
  path.join(FIXTURES, 'ansible/__fixtures__/facts/localhost'),
);
export const realState = fs.readFileSync(
  path.join(FIXTURES, 'terraform/__fixtures__/aws-azure.tfstate.json'),
);

/** The real facts as another host would report them. */
export function factsOfAnotherHost(hostname: string, ip: string): Buffer {
  const facts = JSON.parse(realFacts.toString());
  Object.assign(facts.ansible_facts, {
    ansible_hostname: hostname,
    ansible_nodename: hostname,
    ansible_fqdn: `${hostname}.example.internal`,
    ansible_all_ipv4_addresses: [ip],
    ansible_default_ipv4: {
      ...facts.ansible_facts.ansible_default_ipv4,
      address: ip,
    },
  });
  return Buffer.from(JSON.stringify(facts));
}

/**
 * A folder as `ansible --tree` leaves it on a control node, with what else
 * such a folder holds: a sub-folder per site, editor and VCS leftovers
 * (hidden), and a link that must not be followed.
 */
export function writeFactsTree(): { root: string; facts: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maestro-sftp-'));
  const facts = path.join(root, 'opt/ansible-facts');
  fs.mkdirSync(path.join(facts, 'site-b'), { recursive: true });
  fs.mkdirSync(path.join(facts, '.git'));
  fs.writeFileSync(path.join(facts, 'localhost'), realFacts);
  fs.writeFileSync(
    path.join(facts, 'site-b/web-2'),
    factsOfAnotherHost('web-2', '10.20.0.12'),
  );
  fs.writeFileSync(path.join(facts, '.git/HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(facts, '.localhost.swp'), 'not json');
  fs.symlinkSync('/etc', path.join(facts, 'etc-link'));
  fs.mkdirSync(path.join(root, 'srv/terraform'), { recursive: true });
  fs.writeFileSync(path.join(root, 'srv/terraform/prod.tfstate'), realState);
  return { root, facts: '/opt/ansible-facts' };
}

import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { buildMaestroEntity } from './actions/maestroEntity';

const TEMPLATES = path.resolve(__dirname, '../../../examples/templates');

/** A user's answers to every question a template may ask. */
const ANSWERS: Record<string, unknown> = {
  title: 'Example record',
  hostname: 'web-01',
  ipv4Private: '10.0.0.5',
  ipv4Public: '203.0.113.5',
  environment: 'Production',
  role: 'Application',
  osBase: 'Linux',
  osDist: 'Ubuntu',
  osVersion: '22.04',
  cpu: 2,
  memory: 4,
  datacenter: 'datacenter:default/aws-prod',
  region: 'us-east-1',
  zone: 'us-east-1a',
  owner: 'group:default/platform',
  publish: 'maestro',
  description: 'An example',
  language: 'TypeScript',
  cluster: 'No',
  system: 'system:default/shop',
  servers: ['server:default/web-01'],
  endpoint: 'https://shop.example.com',
  healthCheck: '/health',
  service: 'PostgreSQL',
  dbType: 'Relational',
  clusterMode: 'Master/Replica',
  provider: 'AWS',
  regions: ['us-east-1'],
  zones: ['us-east-1a'],
};

/** The scaffolder's whole-value `${{ parameters.x }}` substitution. */
function render(value: unknown, answers: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const m = value.match(/^\$\{\{ parameters\.(\w+) \}\}$/);
    return m ? answers[m[1]] : value;
  }
  if (Array.isArray(value)) return value.map(v => render(v, answers));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(v, answers)]),
    );
  return value;
}

const files = fs.readdirSync(TEMPLATES).filter(f => f.startsWith('register-'));

describe('Maestro software templates', () => {
  it('ships the four register templates', () => {
    expect(files.sort()).toEqual([
      'register-application.yaml',
      'register-database.yaml',
      'register-datacenter.yaml',
      'register-server.yaml',
    ]);
  });

  describe.each(files)('%s', file => {
    const template = YAML.parse(
      fs.readFileSync(path.join(TEMPLATES, file), 'utf8'),
    );
    const asked = new Set(
      template.spec.parameters.flatMap((p: any) => Object.keys(p.properties)),
    );

    it('uses only parameters it asks for', () => {
      const used = [
        ...JSON.stringify(template.spec.steps).matchAll(/parameters\.(\w+)/g),
      ].map(m => m[1]);
      expect(used.filter(name => !asked.has(name))).toEqual([]);
    });

    it('creates a valid record from full answers and from required ones only', () => {
      const step = template.spec.steps.find(
        (s: any) => s.action === 'maestro:entity:create',
      );
      const full = buildMaestroEntity(render(step.input, ANSWERS) as any);
      expect(full.errors).toEqual([]);
      const requiredOnly = Object.fromEntries(
        template.spec.parameters
          .flatMap((p: any) => p.required ?? [])
          .map((name: string) => [name, ANSWERS[name]]),
      );
      const minimal = buildMaestroEntity(
        render(step.input, requiredOnly) as any,
      );
      expect(minimal.errors).toEqual([]);
    });
  });
});

import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { validate } from 'dockerfile-utils';

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// Docker and Helm do not run here: these check the files as far as a linter
// and the chart's own keys can.
describe('the backend Dockerfile', () => {
  const dockerfile = read('packages/backend/Dockerfile');

  it('passes the Dockerfile linter without a problem', () => {
    expect(
      validate(dockerfile).map(d => `${d.range.start.line + 1}: ${d.message}`),
    ).toEqual([]);
  });

  it('builds in stages and runs unprivileged with the production config', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(3);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain(
      'CMD ["node", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"]',
    );
    expect(runtime).toContain('/.backstage/health/v1/readiness');
  });
});

describe('the Helm values', () => {
  const values = YAML.parse(read('deploy/helm/maestro-values.yaml'));
  const header = read('deploy/helm/maestro-values.yaml');
  const env: Array<{ name: string; value?: string; valueFrom?: unknown }> =
    values.backstage.extraEnvVars;

  it('runs two replicas on PostgreSQL', () => {
    expect(values.backstage.replicas).toBeGreaterThanOrEqual(2);
    expect(values.postgresql.enabled).toBe(true);
    expect(values.backstage.args).toEqual([
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
    ]);
  });

  it('writes no secret, taking each from a Kubernetes secret', () => {
    const secretLooking = env.filter(v =>
      /PASSWORD|SECRET|KEY|TOKEN/.test(v.name),
    );
    expect(secretLooking.filter(v => v.value !== undefined)).toEqual([]);
    expect(secretLooking.every(v => v.valueFrom !== undefined)).toBe(true);
    expect(values.postgresql.auth.existingSecret).toBeTruthy();
    expect(values.postgresql.auth.password).toBeUndefined();
  });

  it('gives the backend every variable the production config reads', () => {
    const needed = [
      ...read('app-config.production.yaml').matchAll(/\$\{([A-Z0-9_]+)/g),
    ].map(m => m[1]);
    const fromSecret = [
      ...header.matchAll(/--from-literal=([A-Z0-9_]+)=/g),
    ].map(m => m[1]);
    const given = new Set([...env.map(v => v.name), ...fromSecret]);
    expect([...new Set(needed)].filter(name => !given.has(name))).toEqual([]);
  });

  it("probes Backstage's health endpoints", () => {
    expect(values.backstage.readinessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    expect(values.backstage.livenessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/liveness',
    );
  });
});

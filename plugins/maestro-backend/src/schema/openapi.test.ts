import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'fs';
import yaml from 'yaml';
import { createRouter } from '../service/router';

/** (method, path) of every route an Express router serves, `:x` as `{x}`. */
function routesOf(router: any): string[] {
  const routes: string[] = [];
  for (const layer of router.stack ?? []) {
    if (layer.route) {
      const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods)) {
        routes.push(`${method.toUpperCase()} ${path}`);
      }
    } else if (layer.handle?.stack) {
      routes.push(...routesOf(layer.handle));
    }
  }
  return routes;
}

describe('OpenAPI description', () => {
  it('describes exactly the routes the plugin serves', () => {
    const spec = yaml.parse(
      fs.readFileSync(
        resolvePackagePath(
          '@maestro/plugin-maestro-backend',
          'src/schema/openapi.yaml',
        ),
        'utf8',
      ),
    );
    const described = Object.entries(spec.paths).flatMap(
      ([path, item]: [string, any]) =>
        Object.keys(item)
          .filter(k => ['get', 'put', 'post', 'delete', 'patch'].includes(k))
          .map(method => `${method.toUpperCase()} ${path}`),
    );
    const served = routesOf(
      createRouter({
        store: {},
        writePath: {},
        importer: {},
        httpAuth: {},
      } as any),
    );
    expect(served).toContain('GET /entities/{kind}/{namespace}/{name}/history');
    expect([...new Set(served)].sort()).toEqual([...new Set(described)].sort());
  });
});

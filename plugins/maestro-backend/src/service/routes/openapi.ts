import { resolvePackagePath } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import fs from 'fs';
import yaml from 'yaml';

/** Serves the API's OpenAPI description at `/openapi.json`. */
export function openApiRoutes() {
  const router = Router();
  let spec: unknown;
  router.get('/openapi.json', async (_req, res) => {
    spec ??= yaml.parse(
      fs.readFileSync(
        resolvePackagePath(
          '@maestro/plugin-maestro-backend',
          'src/schema/openapi.yaml',
        ),
        'utf8',
      ),
    );
    res.json(spec);
  });
  return router;
}

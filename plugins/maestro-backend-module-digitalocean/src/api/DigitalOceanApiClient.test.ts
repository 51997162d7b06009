import http from 'http';
import { AddressInfo } from 'net';
import { DigitalOceanApiClient } from './DigitalOceanApiClient';

/** A server that answers each path with the given body. */
async function serve(
  routes: Record<
    string,
    (base: string, url: URL, authorization?: string) => unknown
  >,
) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = routes[url.pathname];
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const body = route(base, url, req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const client = (endpoint: string) =>
  new DigitalOceanApiClient({
    endpoint,
    token: 'dop_v1_test',
    maxAttempts: 1,
    signal: new AbortController().signal,
  });

async function walk(endpoint: string) {
  const pages: number[] = [];
  try {
    for await (const page of client(endpoint).list({
      path: '/v2/droplets',
      key: 'droplets',
      scope: 'droplet:read',
    })) {
      pages.push(page.items.length);
    }
  } catch (error) {
    return { pages, error };
  }
  return { pages, error: undefined };
}

describe('DigitalOceanApiClient paging guards', () => {
  it('takes a next link to the API host onto the endpoint (a proxy), token included only there', async () => {
    const seen: string[] = [];
    const server = await serve({
      '/do/v2/droplets': (_base, url, auth) => {
        seen.push(`${url.search} ${auth}`);
        return url.searchParams.get('page') === '2'
          ? { droplets: [{ id: 2 }, { id: 3 }], links: {} }
          : {
              droplets: [{ id: 1 }],
              links: {
                pages: {
                  next: 'https://api.digitalocean.com/v2/droplets?page=2&per_page=200',
                },
              },
            };
      },
    });
    try {
      const { pages, error } = await walk(`${server.base}/do`);
      expect(error).toBeUndefined();
      expect(pages).toEqual([1, 2]);
      expect(seen).toEqual([
        '?per_page=200 Bearer dop_v1_test',
        '?page=2&per_page=200 Bearer dop_v1_test',
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses a next link that is not an API v2 path', async () => {
    const server = await serve({
      '/v2/droplets': () => ({
        droplets: [{ id: 1 }],
        links: { pages: { next: 'https://elsewhere.example/steal?page=2' } },
      }),
    });
    try {
      const { pages, error } = await walk(server.base);
      expect(pages).toEqual([1]);
      expect(error).toMatchObject({
        kind: 'provider',
        message: expect.stringContaining('not an API v2 path'),
      });
    } finally {
      await server.close();
    }
  });

  it('stops on a next link back to a page already read', async () => {
    const server = await serve({
      '/v2/droplets': base => ({
        droplets: [{ id: 1 }],
        links: { pages: { next: `${base}/v2/droplets?per_page=200` } },
      }),
    });
    try {
      const { pages, error } = await walk(server.base);
      expect(pages).toEqual([1]);
      expect(error).toMatchObject({
        message: expect.stringContaining('already read'),
      });
    } finally {
      await server.close();
    }
  });

  it('refuses an answer without the list it asked for', async () => {
    const server = await serve({ '/v2/droplets': () => ({ links: {} }) });
    try {
      const { error } = await walk(server.base);
      expect(error).toMatchObject({
        code: 'unexpected_response',
        message: '/v2/droplets answered without a droplets list',
      });
    } finally {
      await server.close();
    }
  });

  it('reports an endpoint that does not answer', async () => {
    const server = await serve({});
    await server.close();
    const { error } = await walk(server.base);
    expect(error).toMatchObject({ kind: 'provider', code: 'unreachable' });
  });
});

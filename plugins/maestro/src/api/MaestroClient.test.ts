import { ResponseError } from '@backstage/errors';
import { MaestroClient } from './MaestroClient';
import { RecordFieldErrors } from './MaestroApi';

const baseUrl = 'http://localhost:7007/api/maestro';

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: string) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new MaestroClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('MaestroClient', () => {
  it('reads a history by entity ref', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [{ revision: 1 }],
    });

    await expect(
      client.getHistoryByRef('server:default/i-0abc'),
    ).resolves.toEqual([{ revision: 1 }]);
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/records/by-ref/history?ref=server%3Adefault%2Fi-0abc`,
    );
  });

  it('reads a record by entity ref', async () => {
    const { client, fetch } = clientAnswering(200, { id: 'r1' });

    await expect(
      client.getRecordByRef('datacenter:default/aws'),
    ).resolves.toEqual({ id: 'r1' });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/records/by-ref?ref=datacenter%3Adefault%2Faws`,
    );
  });

  it('lists records with filters, search, sort and page', async () => {
    const page = { items: [], totalCount: 0, offset: 20, limit: 10 };
    const { client, fetch } = clientAnswering(200, page);

    await expect(
      client.listRecords('servers', {
        filter: { 'spec.environment': 'Production', 'spec.hostname': '~web' },
        search: 'web',
        sort: 'spec.hostname',
        order: 'desc',
        offset: 20,
        limit: 10,
        includeInactive: false,
      }),
    ).resolves.toEqual(page);
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/maestro/entities/servers');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'filter.spec.environment': 'Production',
      'filter.spec.hostname': '~web',
      search: 'web',
      sort: 'spec.hostname',
      order: 'desc',
      offset: '20',
      limit: '10',
      includeInactive: 'false',
    });
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No record server:default/x' },
      response: { statusCode: 404 },
    });

    const error = await client.getRecordByRef('server:default/x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(404);
    expect(error.body.error.message).toBe('No record server:default/x');
  });
});

describe('MaestroClient writes', () => {
  const server = {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: 'web 01', namespace: 'default' },
    spec: { hostname: 'web-01' },
  };

  it('creates, updates and deletes records at their REST paths', async () => {
    const { client, fetch } = clientAnswering(201, { id: 'r1' });
    await expect(client.createRecord('servers', server)).resolves.toEqual({
      id: 'r1',
    });
    await client.updateRecord('servers', server);
    expect(
      fetch.mock.calls.map(([url, init]: any) => [url, init.method]),
    ).toEqual([
      [`${baseUrl}/entities/servers`, 'POST'],
      [`${baseUrl}/entities/servers/default/web%2001`, 'PUT'],
    ]);
    expect(JSON.parse((fetch.mock.calls[1] as any)[1].body)).toEqual(server);

    const deleting = clientAnswering(204, {});
    deleting.fetch.mockImplementation(
      async () => new Response(null, { status: 204 }),
    );
    await expect(
      deleting.client.deleteRecord('servers', server),
    ).resolves.toBeUndefined();
  });

  it("rejects with the server's field errors", async () => {
    const { client } = clientAnswering(400, {
      error: { name: 'InputError', message: 'Invalid server' },
      fieldErrors: [{ field: 'spec.hostname', message: 'is required' }],
    });
    const error = await client.createRecord('servers', server).catch(e => e);
    expect(error).toBeInstanceOf(RecordFieldErrors);
    expect(error.fieldErrors).toEqual([
      { field: 'spec.hostname', message: 'is required' },
    ]);
  });

  it('keeps other failures as response errors', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'gone' },
    });
    await expect(client.updateRecord('servers', server)).rejects.toBeInstanceOf(
      ResponseError,
    );
  });

  it('asks who references a record', async () => {
    const { client, fetch } = clientAnswering(200, {
      items: [],
      totalCount: 0,
    });
    await client.getReferences('server:default/web-01');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/records/by-ref/references?ref=server%3Adefault%2Fweb-01`,
    );
  });
});

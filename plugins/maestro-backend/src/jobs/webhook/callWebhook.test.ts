import http from 'http';
import { AddressInfo } from 'net';
import { AddressPolicy } from './addressPolicy';
import { callWebhook } from './callWebhook';

describe('callWebhook', () => {
  let server: http.Server;
  let port: number;
  const received: Array<{
    method?: string;
    url?: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body,
        });
        if (req.url === '/fail') res.writeHead(500).end('broken');
        else if (req.url === '/moved')
          res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        else if (req.url === '/slow')
          setTimeout(() => res.writeHead(200).end(), 2000);
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    received.length = 0;
  });

  const local = new AddressPolicy(['127.0.0.0/8']);

  it('sends method, headers and body to an allowed address', async () => {
    const outcome = await callWebhook(
      {
        method: 'POST',
        url: `http://127.0.0.1:${port}/hook?x=1`,
        headers: {
          Authorization: 'Bearer abc',
          'Content-Type': 'application/json',
        },
        body: '{"ok":true}',
      },
      local,
    );
    expect(outcome).toEqual({
      ok: true,
      message: `POST http://127.0.0.1:${port}/hook answered 204`,
    });
    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/hook?x=1',
        body: '{"ok":true}',
        headers: expect.objectContaining({ authorization: 'Bearer abc' }),
      }),
    ]);
  });

  it('refuses loopback by default, by literal address and by name, sending nothing', async () => {
    const strict = new AddressPolicy();
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
    ]) {
      const outcome = await callWebhook({ method: 'GET', url }, strict);
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toMatch(/maestro\.jobs\.webhooks\.allow/);
    }
    expect(received).toEqual([]);
  });

  it('fails on an error answer, with its text', async () => {
    const outcome = await callWebhook(
      { method: 'GET', url: `http://127.0.0.1:${port}/fail` },
      local,
    );
    expect(outcome).toEqual({
      ok: false,
      message: `GET http://127.0.0.1:${port}/fail answered 500: broken`,
    });
  });

  it('does not follow redirects', async () => {
    const outcome = await callWebhook(
      { method: 'GET', url: `http://127.0.0.1:${port}/moved` },
      local,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(
      /redirect to http:\/\/169\.254\.169\.254\/ not followed/,
    );
    expect(received).toHaveLength(1);
  });

  it('gives up after its timeout', async () => {
    const outcome = await callWebhook(
      { method: 'GET', url: `http://127.0.0.1:${port}/slow` },
      local,
      300,
    );
    expect(outcome).toEqual({
      ok: false,
      message: `GET http://127.0.0.1:${port}/slow failed: no answer within 0.3 s`,
    });
  });
});

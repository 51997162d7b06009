import dns from 'dns';
import http from 'http';
import https from 'https';
import { LookupFunction } from 'net';
import { WebhookSpec } from '../types';
import { AddressPolicy } from './addressPolicy';

export interface WebhookOutcome {
  ok: boolean;
  message: string;
}

const MAX_RESPONSE_TEXT = 2000;

/**
 * Checks the address every connection actually uses (not a prior lookup),
 * so a name that resolves to a public address first and a private one at
 * connect time (DNS rebinding) is refused too.
 */
function guardedLookup(policy: AddressPolicy, host: string): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const refusal = policy.refusal(host, address);
        if (refusal) return callback(new Error(refusal), '', 0);
      }
      if ((options as dns.LookupOptions).all)
        return (callback as any)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * Sends a webhook: success is a 2xx answer within the timeout. Redirects are
 * not followed (the target could be anything); they count as failures.
 */
export function callWebhook(
  spec: WebhookSpec,
  policy: AddressPolicy,
  timeoutMs = 30_000,
): Promise<WebhookOutcome> {
  return new Promise(resolve => {
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      resolve({ ok: false, message: `'${spec.url}' is not a URL` });
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    // Literal IPs skip the lookup, so they are checked here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const refusal = /^[\d.]+$|:/.test(literal)
      ? policy.refusal(literal, literal)
      : undefined;
    if (refusal) {
      resolve({ ok: false, message: refusal });
      return;
    }
    const request = client.request(
      url,
      {
        method: spec.method,
        headers: { 'user-agent': 'Maestro-Scheduler', ...spec.headers },
        lookup: guardedLookup(policy, url.hostname),
        timeout: timeoutMs,
      },
      response => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', chunk => {
          if (text.length < MAX_RESPONSE_TEXT) text += chunk;
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const location = response.headers.location;
          resolve({
            ok,
            message: `${spec.method} ${url.origin}${
              url.pathname
            } answered ${status}${
              location && !ok ? ` (redirect to ${location} not followed)` : ''
            }${text && !ok ? `: ${text.slice(0, 300)}` : ''}`,
          });
        });
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    });
    request.on('error', error => {
      resolve({
        ok: false,
        message: `${spec.method} ${url.origin}${url.pathname} failed: ${error.message}`,
      });
    });
    if (spec.body !== undefined && spec.method !== 'GET')
      request.write(spec.body);
    request.end();
  });
}

import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';

/** What an OpenStack error body says, whichever service wrote it. */
export interface OpenStackFault {
  /** The service's own name for it: `forbidden`, `PolicyNotAuthorized`, `Unauthorized`... */
  code?: string;
  message: string;
}

const clean = (text: string) =>
  text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads the error bodies of the services: Keystone's `{"error": {...}}`,
 * Nova's and Cinder's `{"forbidden": {"code", "message"}}`, Neutron's
 * `{"NeutronError": {"type", "message"}}`, Octavia's `faultstring`,
 * Glance's WebOb `{"message", "title"}`, and plain text or HTML.
 */
export function readFault(status: number, text: string): OpenStackFault {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    const lines = clean(text).replace(new RegExp(`^${status}\\s+\\S+\\s*`), '');
    return { message: lines || `HTTP ${status}` };
  }
  if (body && typeof body === 'object') {
    if (typeof body.faultstring === 'string') {
      return { code: body.faultcode, message: clean(body.faultstring) };
    }
    if (typeof body.message === 'string') {
      return { code: body.title, message: clean(body.message) };
    }
    const keys = Object.keys(body);
    if (
      keys.length === 1 &&
      body[keys[0]] &&
      typeof body[keys[0]] === 'object'
    ) {
      const inner = body[keys[0]];
      if (typeof inner.message === 'string') {
        // Keystone titles its errors, Neutron types them, Nova and Cinder name the fault.
        const codes: Record<string, unknown> = {
          error: inner.title,
          NeutronError: inner.type,
        };
        const code = keys[0] in codes ? codes[keys[0]] : keys[0];
        return {
          code: code as string | undefined,
          message: clean(inner.message),
        };
      }
    }
  }
  return { message: `HTTP ${status}` };
}

/**
 * The policy rule a denial names: Nova and Cinder say "Policy doesn't allow
 * X to be performed", Neutron "rule:X is disallowed by policy", Glance "not
 * authorized to complete X action". Octavia names none.
 */
export function deniedPolicy(message: string): string | undefined {
  return (
    /Policy doesn't allow (\S+) to be performed/.exec(message)?.[1] ??
    /\(?rule:([^\s)]+)\)? is disallowed by policy/.exec(message)?.[1] ??
    /not authorized to complete (\S+) action/.exec(message)?.[1]
  );
}

/**
 * The task's error for a service's answer: 401 (after a fresh token) is
 * the credentials, 403 the policy rule the credentials lack (as the
 * service names it, else the rule of the call), anything else the
 * provider's own message.
 */
export function serviceError(opts: {
  status: number;
  text: string;
  /** e.g. `Nova (compute)`. */
  service: string;
  /** The policy rule of the call. */
  policy: string;
}): DiscoveryProviderError {
  const fault = readFault(opts.status, opts.text);
  const message = `${opts.service} answered ${opts.status}: ${fault.message}`;
  const code = fault.code ?? `HTTP${opts.status}`;
  if (opts.status === 401) {
    return new DiscoveryProviderError({ kind: 'credentials', code, message });
  }
  if (opts.status === 403) {
    return new DiscoveryProviderError({
      kind: 'permission',
      code,
      message,
      permission: deniedPolicy(fault.message) ?? opts.policy,
    });
  }
  return new DiscoveryProviderError({ kind: 'provider', code, message });
}

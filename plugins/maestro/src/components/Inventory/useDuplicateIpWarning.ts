import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { maestroApiRef } from '../../api';

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/**
 * Other servers with this private IP (Maestro warns, it does not refuse:
 * two private networks may reuse an address). An exact filter on an
 * indexed column, asked once typing pauses.
 */
export function useDuplicateIpWarning(
  ip: string | undefined,
  selfRef: string | undefined,
): string[] {
  const api = useApi(maestroApiRef);
  const [titles, setTitles] = useState<string[]>([]);
  useEffect(() => {
    if (!ip || !IPV4.test(ip)) {
      setTitles([]);
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const page = await api
        .listRecords('servers', {
          filter: { 'spec.ipv4Private': ip },
          limit: 5,
        })
        .catch(() => ({ items: [] }));
      if (cancelled) return;
      setTitles(
        page.items
          .filter(r => stringifyEntityRef(r.entity) !== selfRef)
          .map(r => r.entity.metadata.title ?? r.entity.metadata.name),
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, ip, selfRef]);
  return titles;
}

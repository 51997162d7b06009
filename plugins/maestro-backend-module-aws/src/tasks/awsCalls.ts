import { toProviderError } from '../awsClients';

/** The pages of an SDK paginator; a failed page names `permission`. */
export async function* awsPages<T>(
  permission: string,
  pages: AsyncIterable<T>,
): AsyncGenerator<T> {
  try {
    for await (const page of pages) yield page;
  } catch (error) {
    throw toProviderError(error, permission);
  }
}

/**
 * The description of a resource listed a moment ago, or undefined when
 * the answer is `gone` (deleted in between): one fewer record, not a
 * failed scan.
 */
export async function describeListed<T>(
  permission: string,
  gone: string,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const e = error as { name?: string; Code?: string } | undefined;
    if (e?.name === gone || e?.Code === gone) return undefined;
    throw toProviderError(error, permission);
  }
}

/**
 * `fn` over `items`, at most `limit` at once, results in input order: the
 * per-item describe calls of a page, without a burst the API throttles.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the others stop asking: the page is lost anyway.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

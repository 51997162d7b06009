/**
 * Wraps a loader so that only the answer to its latest call settles. A table
 * asks again when a filter changes; an earlier, slower answer arriving last
 * would otherwise overwrite the filtered page and its count.
 */
export function latestOnly<Q, R>(
  load: (query: Q) => Promise<R>,
): (query: Q) => Promise<R> {
  let latest = 0;
  const superseded = new Promise<never>(() => {});
  return query => {
    const call = ++latest;
    return load(query).then(
      result => (call === latest ? result : superseded),
      error => (call === latest ? Promise.reject(error) : superseded),
    );
  };
}

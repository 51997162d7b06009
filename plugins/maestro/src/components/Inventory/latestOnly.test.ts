import { latestOnly } from './latestOnly';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function settled<T>(p: Promise<T>) {
  let state = 'pending';
  p.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise(r => setTimeout(r, 0));
  return state;
}

describe('latestOnly', () => {
  it('settles only the latest call when an earlier answer arrives last', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    const load = latestOnly((i: number) => answers[i].promise);
    const first = load(0);
    const second = load(1);

    answers[1].resolve('filtered');
    await expect(second).resolves.toBe('filtered');
    answers[0].resolve('unfiltered');
    expect(await settled(first)).toBe('pending');
  });

  it('passes the latest call its answer or its error', async () => {
    const load = latestOnly(async (q: string) => {
      if (q === 'bad') throw new Error('bad filter');
      return q.toUpperCase();
    });
    await expect(load('a')).resolves.toBe('A');
    await expect(load('bad')).rejects.toThrow('bad filter');
  });

  it('drops the error of a superseded call', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    const load = latestOnly((i: number) => answers[i].promise);
    const first = load(0);
    const second = load(1);
    answers[0].reject(new Error('aborted'));
    answers[1].resolve('ok');
    await expect(second).resolves.toBe('ok');
    expect(await settled(first)).toBe('pending');
  });
});

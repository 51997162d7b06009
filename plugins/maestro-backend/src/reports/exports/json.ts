import { ReportRow } from '@maestro/plugin-maestro-common';

/** `[row, row, ...]`, one row per line. */
export async function* jsonChunks(
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}

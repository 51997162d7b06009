import { ReportField, ReportRow } from '@maestro/plugin-maestro-common';

/** One CSV column: a report column, or one subfield of a nested one. */
interface CsvColumn {
  header: string;
  value(row: ReportRow): unknown;
}

const LIST_SEPARATOR = '; ';

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The CSV columns of a report: objects and arrays of objects become one
 * column per subfield of the schema (`spec.os.dist`, `spec.auth.type`), the
 * values of an array joined with `; `. Known from the schema up front, so
 * the header is written before the first row is read.
 */
export function csvColumns(
  columns: string[],
  fieldOf: (column: string) => ReportField | undefined,
): CsvColumn[] {
  return columns.flatMap((column): CsvColumn[] => {
    const field = fieldOf(column);
    const subfields = field?.subfields;
    if (field?.type === 'object' && subfields?.length) {
      return subfields.map(sub => ({
        header: `${column}.${sub}`,
        value: row => (row[column] as any)?.[sub],
      }));
    }
    if (field?.type === 'array' && subfields?.length) {
      return subfields.map(sub => ({
        header: `${column}.${sub}`,
        value: row => {
          const items = row[column];
          return Array.isArray(items)
            ? items.map(i => text((i as any)?.[sub])).join(LIST_SEPARATOR)
            : undefined;
        },
      }));
    }
    if (field?.type === 'array') {
      return [
        {
          header: column,
          value: row => {
            const items = row[column];
            return Array.isArray(items)
              ? items.map(text).join(LIST_SEPARATOR)
              : items;
          },
        },
      ];
    }
    return [{ header: column, value: row => row[column] }];
  });
}

/**
 * RFC 4180 quoting. A text starting with = + @ gets a leading quote mark,
 * so a spreadsheet never runs inventory data as a formula.
 */
export function csvCell(value: unknown): string {
  let s = text(value);
  if (typeof value === 'string' && /^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function* csvChunks(
  columns: CsvColumn[],
  rows: AsyncIterable<ReportRow>,
): AsyncGenerator<string> {
  yield `${columns.map(c => csvCell(c.header)).join(',')}\r\n`;
  for await (const row of rows) {
    yield `${columns.map(c => csvCell(c.value(row))).join(',')}\r\n`;
  }
}

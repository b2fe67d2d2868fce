import { parse } from 'csv-parse/sync';
import { badUserInput, type FieldProblem } from '@kontra/core';

export interface CsvRow {
  /** The row's line number in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** A CSV sent through the API is at most this long; larger files go through the CLI commands. */
export const MAX_CSV_CHARS = 5_000_000;

/** Parses a CSV with a header row, checking the columns it must have. */
export function readCsv(
  text: string,
  required: readonly string[],
  optional: readonly string[],
  maxChars = MAX_CSV_CHARS,
): CsvRow[] {
  if (text.length > maxChars) {
    throw badUserInput(`The CSV is over ${maxChars} characters; import it with the CLI instead`, [
      { path: 'csv', message: 'too large' },
    ]);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (error) {
    throw badUserInput(`The CSV cannot be read: ${(error as Error).message}`, [
      { path: 'csv', message: (error as Error).message },
    ]);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = required.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !required.includes(column) && !optional.includes(column));
  const problems: FieldProblem[] = [
    ...missing.map((column) => ({ path: `header.${column}`, message: 'is a required column' })),
    ...unknown.map((column) => ({
      path: `header.${column}`,
      message: `is not a known column (${[...required, ...optional].join(', ')})`,
    })),
  ];
  if (records.length === 0) problems.push({ path: 'csv', message: 'has no data rows' });
  if (problems.length) throw badUserInput('The CSV header is not as expected; nothing was imported', problems);
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}

/** Collects row problems as `line N.column`, the way a spreadsheet user looks them up. */
export class RowProblems {
  readonly list: FieldProblem[] = [];

  add(row: CsvRow, column: string, message: string): void {
    this.list.push({ path: `line ${row.line}.${column}`, message });
  }

  throwIfAny(what: string): void {
    if (this.list.length)
      throw badUserInput(`${this.list.length} problem(s) in the ${what}; nothing was imported`, this.list);
  }
}

export const DECIMAL = /^\d{1,12}(\.\d{1,3})?$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

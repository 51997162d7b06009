import { InputError } from '@backstage/errors';
import { promises as fs } from 'fs';
import { join } from 'path';
import { MAESTRO06_FILES } from './types';

/**
 * Reads the Maestro 0.6 files found in `dir` into the record that
 * `translateMaestro06` takes. Other files in the folder are ignored; a file
 * that is not valid JSON fails the whole load, naming the file.
 */
export async function loadDirectory(
  dir: string,
): Promise<Record<string, unknown>> {
  let present: string[];
  try {
    present = await fs.readdir(dir);
  } catch (error) {
    throw new InputError(
      `Cannot read the Maestro 0.6 folder ${dir}: ${(error as Error).message}`,
    );
  }
  const files: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const file of MAESTRO06_FILES) {
    if (!present.includes(file)) continue;
    const text = await fs.readFile(join(dir, file), 'utf8');
    try {
      files[file] = JSON.parse(text);
    } catch (error) {
      problems.push(`${file} is not valid JSON (${(error as Error).message})`);
    }
  }
  if (problems.length) {
    throw new InputError(`Cannot import ${dir}: ${problems.join('; ')}`);
  }
  return files;
}

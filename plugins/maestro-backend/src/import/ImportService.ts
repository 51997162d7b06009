import { LoggerService } from '@backstage/backend-plugin-api';
import { ImportSummary } from '@maestro/plugin-maestro-common';
import { WritePath } from '../writePath/WritePath';
import { RecordInputError } from '../writePath/translate';
import { loadDirectory, translateMaestro06 } from './maestro06';

/**
 * Brings Maestro 0.6 data in through the write path: everything or nothing
 * (a bad item anywhere fails the whole import, naming file, item and field).
 */
export class ImportService {
  constructor(
    private readonly writePath: WritePath,
    private readonly logger: LoggerService,
    private readonly defaultOwner?: string,
  ) {}

  async importMaestro06(
    files: unknown,
    actor: string,
    via: string,
  ): Promise<ImportSummary> {
    if (!files || typeof files !== 'object' || Array.isArray(files)) {
      throw new RecordInputError([
        {
          field: 'files',
          message: 'must be an object of file name -> JSON content',
        },
      ]);
    }
    const { entities, errors } = translateMaestro06(
      files as Record<string, unknown>,
      { owner: this.defaultOwner },
    );
    if (errors.length) {
      throw new RecordInputError(
        errors.map(e => ({
          field: `${e.file}${e.index !== undefined ? `[${e.index}]` : ''}${
            e.field ? `.${e.field}` : ''
          }`,
          message: e.message,
        })),
      );
    }
    const results = await this.writePath.writeMany(entities, {
      mode: 'upsert',
      source: { type: 'import', name: 'maestro-0.6' },
      actor,
    });
    const summary: ImportSummary = {
      created: {},
      updated: {},
      unchanged: {},
      total: 0,
    };
    for (const { action, record } of results) {
      summary[action][record.kind] = (summary[action][record.kind] ?? 0) + 1;
      summary.total++;
    }
    this.logger.info(
      `Imported ${
        summary.total
      } Maestro 0.6 records via ${via}: ${JSON.stringify(
        summary.created,
      )} created`,
    );
    return summary;
  }

  async importDirectory(directory: string, actor: string, via: string) {
    return this.importMaestro06(await loadDirectory(directory), actor, via);
  }
}

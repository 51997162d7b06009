import { Knex } from 'knex';

/** Table in the catalog's database that remembers how far the feed was read. */
export const CURSOR_TABLE = 'maestro_catalog_cursor';

/**
 * The position of the entity provider in Maestro's change feed, kept in the
 * catalog's database so that a restart resumes where the last successful
 * mutation ended, and every replica shares it.
 */
export class MaestroCursorStore {
  private constructor(
    private readonly knex: Knex,
    private readonly id: string,
  ) {}

  /**
   * Opens the cursor of one provider, creating the table when missing. The
   * catalog owns this database's migrations, so the module only adds its own
   * one-table schema, idempotently.
   */
  static async create(options: {
    knex: Knex;
    providerName: string;
  }): Promise<MaestroCursorStore> {
    const { knex, providerName } = options;
    if (!(await knex.schema.hasTable(CURSOR_TABLE))) {
      try {
        await knex.schema.createTable(CURSOR_TABLE, table => {
          table.comment(
            'Position of the Maestro entity provider in the change feed',
          );
          table.string('id').primary().comment('Entity provider name');
          table
            .bigInteger('cursor')
            .notNullable()
            .comment('Last change seq applied');
        });
      } catch (error) {
        // Another replica created it in the meantime.
        if (!(await knex.schema.hasTable(CURSOR_TABLE))) {
          throw error;
        }
      }
    }
    return new MaestroCursorStore(knex, providerName);
  }

  /** The seq of the last change applied; 0 before the first. */
  async read(): Promise<number> {
    const row = await this.knex(CURSOR_TABLE)
      .where({ id: this.id })
      .first('cursor');
    // bigint columns come back as strings from PostgreSQL.
    return row ? Number(row.cursor) : 0;
  }

  /**
   * Moves the cursor forward. It never moves back, so a slower replica that
   * finishes after a faster one cannot make the feed be read twice.
   */
  async advance(cursor: number): Promise<void> {
    await this.knex(CURSOR_TABLE)
      .insert({ id: this.id, cursor })
      .onConflict('id')
      .merge({ cursor })
      .where(`${CURSOR_TABLE}.cursor`, '<', cursor);
  }
}

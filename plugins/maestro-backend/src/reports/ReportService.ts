import { InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  ReportQuery,
  SavedReport,
  SavedReportInput,
} from '@maestro/plugin-maestro-common';
import { ReportRunner } from './ReportRunner';
import { SavedReportStore } from './SavedReportStore';
import { RecordAccessCondition } from './compile';
import { MaestroNotifier } from '../notify';

/** Saved reports: checked definitions, runs and their outcome. */
export class ReportService {
  readonly runner: ReportRunner;
  readonly saved: SavedReportStore;

  constructor(
    knex: Knex,
    access?: RecordAccessCondition,
    private readonly notifier?: MaestroNotifier,
  ) {
    this.runner = new ReportRunner(knex, access);
    this.saved = new SavedReportStore(knex);
  }

  /** Checks name and query; the query is compiled, so a bad field is a 400. */
  private checkInput(input: unknown): Required<SavedReportInput> {
    const body = (input ?? {}) as Partial<SavedReportInput>;
    if (typeof body.name !== 'string' || !body.name.trim()) {
      throw new InputError(`'name' is required`);
    }
    if (body.name.length > 255) {
      throw new InputError(`'name' must be at most 255 characters`);
    }
    if (body.scheduled !== undefined && typeof body.scheduled !== 'boolean') {
      throw new InputError(`'scheduled' must be true or false`);
    }
    this.runner.compile(body.query as ReportQuery);
    return {
      name: body.name.trim(),
      query: body.query as ReportQuery,
      scheduled: body.scheduled ?? false,
    };
  }

  async create(input: unknown, actor: string): Promise<SavedReport> {
    return this.saved.create({ ...this.checkInput(input), actor });
  }

  async update(id: string, input: unknown, actor: string) {
    const checked = this.checkInput(input);
    const report = await this.saved.update(id, { ...checked, actor });
    if (!report) throw new NotFoundError(`No report '${id}'`);
    return report;
  }

  async get(id: string): Promise<SavedReport> {
    const report = await this.saved.get(id);
    if (!report) throw new NotFoundError(`No report '${id}'`);
    return report;
  }

  /** Counts the report's rows now and records how it went. */
  async run(id: string): Promise<SavedReport> {
    const report = await this.get(id);
    await this.saved.markRunning(id);
    const started = performance.now();
    try {
      const rowCount = await this.runner.count(report.query);
      await this.saved.recordRun(id, {
        rowCount,
        durationMs: performance.now() - started,
      });
    } catch (error) {
      await this.saved.recordRun(id, {
        durationMs: performance.now() - started,
        error: String((error as Error)?.message ?? error),
      });
    }
    const ran = await this.get(id);
    await this.notifier?.reportRan({
      reportId: id,
      name: ran.name,
      status: ran.status === 'failed' ? 'failed' : 'finished',
      rowCount: ran.rowCount,
      error: ran.error,
      recipient: ran.createdBy,
    });
    return ran;
  }

  /** Runs every scheduled report; one failing does not stop the others. */
  async refreshScheduled(): Promise<number> {
    const reports = await this.saved.listScheduled();
    for (const report of reports) await this.run(report.id);
    return reports.length;
  }
}

import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  REPORT_EXPORT_FORMATS,
  ReportExportFormat,
  ReportRow,
} from '@maestro/plugin-maestro-common';
import { actorOf } from '../service/actor';
import { ObjectAccess, ObjectAction, RecordAccess } from '../access';
import { ReportServices } from './createReports';
import { translateMaestro06Reports } from './maestro06Reports';
import { writeChunks } from './exports/write';
import { jsonChunks } from './exports/json';
import { csvChunks, csvColumns } from './exports/csv';
import { xmlChunks } from './exports/xml';
import {
  ANSIBLE_GROUPINGS,
  AnsibleGrouping,
  ansibleChunks,
  ansiblePlan,
} from './exports/ansible';

const CONTENT_TYPES: Record<ReportExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  ansible: 'text/plain; charset=utf-8',
};
const EXTENSIONS: Record<ReportExportFormat, string> = {
  json: 'json',
  csv: 'csv',
  xml: 'xml',
  ansible: 'ini',
};

function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError(`Query parameter '${name}' must be given once`);
  return value;
}

function queryInteger(req: Request, name: string): number | undefined {
  const value = queryString(req, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new InputError(
      `Query parameter '${name}' must be a non-negative integer`,
    );
  return Number(value);
}

function fileName(name: string, format: ReportExportFormat) {
  const base = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'report'}.${EXTENSIONS[format]}`;
}

async function* rowsOf(
  items: AsyncIterable<{ row: ReportRow }>,
): AsyncGenerator<ReportRow> {
  for await (const { row } of items) yield row;
}

/**
 * `/reports/...`: saved reports, their rows, charts and streamed exports.
 * A report is seen by who may read it, run and changed by its writers,
 * deleted by its admins. Rows, charts and exports hold only the records
 * their reader may read: the access condition goes into the report query
 * as SQL.
 */
export function reportRoutes(deps: {
  reports?: ReportServices;
  httpAuth: HttpAuthService;
  access: RecordAccess;
  objectAccess: ObjectAccess;
}) {
  const { httpAuth, objectAccess } = deps;
  const router = Router();
  const services = () => {
    if (!deps.reports)
      throw new ServiceUnavailableError('Reports are not set up');
    return deps.reports;
  };
  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  /** Throws unless the caller may do `action` on the report (404 when unreadable). */
  const allow = async (req: Request, action: ObjectAction = 'read') => {
    const credentials = await reader(req);
    await objectAccess.require(credentials, 'report', req.params.id, action);
    return credentials;
  };
  /** Rows are the records the reader may read: two users, two results. */
  const runnerFor = async (req: Request) => {
    const runner = services().reports.runner.forReader(
      await deps.access.filter(await allow(req)),
    );
    // Charts and exports compile their query themselves.
    await runner.prepare();
    return runner;
  };

  router.get('/reports', async (req, res) => {
    const credentials = await reader(req);
    const reports = await services().reports.saved.list();
    res.json({
      items: await objectAccess.readable(credentials, 'report', reports),
    });
  });

  router.post('/reports', async (req, res) => {
    await objectAccess.requireCreate(await reader(req), 'report');
    const actor = await actorOf(httpAuth, req);
    res.status(201).json(await services().reports.create(req.body, actor));
  });

  // Before /reports/:id, so the path is not read as an id.
  router.post('/reports/import/maestro-0.6', async (req, res) => {
    await objectAccess.requireCreate(await reader(req), 'report');
    const actor = await actorOf(httpAuth, req);
    const inputs = translateMaestro06Reports(req.body?.reports);
    const { reports } = services();
    const items = [];
    for (const input of inputs) items.push(await reports.create(input, actor));
    res.status(201).json({ items });
  });

  router.get('/reports/:id', async (req, res) => {
    await allow(req);
    res.json(await services().reports.get(req.params.id));
  });

  router.put('/reports/:id', async (req, res) => {
    await allow(req, 'update');
    const actor = await actorOf(httpAuth, req);
    res.json(await services().reports.update(req.params.id, req.body, actor));
  });

  router.delete('/reports/:id', async (req, res) => {
    await allow(req, 'delete');
    if (!(await services().reports.saved.delete(req.params.id)))
      throw new NotFoundError(`No report '${req.params.id}'`);
    res.status(204).end();
  });

  router.post('/reports/:id/run', async (req, res) => {
    await allow(req, 'update');
    res.json(await services().reports.run(req.params.id));
  });

  router.get('/reports/:id/rows', async (req, res) => {
    const runner = await runnerFor(req);
    const { reports } = services();
    const report = await reports.get(req.params.id);
    const order = queryString(req, 'order');
    if (order !== undefined && order !== 'asc' && order !== 'desc')
      throw new InputError(`Query parameter 'order' must be asc or desc`);
    res.json(
      await runner.page(report.query, {
        offset: queryInteger(req, 'offset'),
        limit: queryInteger(req, 'limit'),
        sort: queryString(req, 'sort'),
        order,
      }),
    );
  });

  router.get('/reports/:id/charts', async (req, res) => {
    const runner = await runnerFor(req);
    const { reports, charts } = services();
    const report = await reports.get(req.params.id);
    const compiled = runner.compile(report.query);
    res.json({ items: await charts.charts(report.query, compiled) });
  });

  router.get('/reports/:id/export', async (req: Request, res: Response) => {
    const runner = await runnerFor(req);
    const { reports, ansibleKeyDirectory } = services();
    const report = await reports.get(req.params.id);
    const format = (queryString(req, 'format') ?? 'json') as ReportExportFormat;
    if (!REPORT_EXPORT_FORMATS.includes(format))
      throw new InputError(
        `Query parameter 'format' must be one of ${REPORT_EXPORT_FORMATS.join(
          ', ',
        )}`,
      );
    const groupBy = (queryString(req, 'groupBy') ??
      'environment') as AnsibleGrouping;
    if (format === 'ansible' && !ANSIBLE_GROUPINGS.includes(groupBy))
      throw new InputError(
        `Query parameter 'groupBy' must be one of ${ANSIBLE_GROUPINGS.join(
          ', ',
        )}`,
      );

    // Everything that can fail with a 400 happens before the first byte.
    let chunks: AsyncIterable<string>;
    if (format === 'ansible') {
      const plan = ansiblePlan(report.query, groupBy);
      const compiled = runner.compile(plan.query);
      chunks = ansibleChunks(
        plan,
        runner.iterate(compiled, {
          groupBy: plan.groupColumn,
          firstLevel: plan.hostLevel,
        }),
        { keyDirectory: ansibleKeyDirectory, title: report.name },
      );
    } else {
      const compiled = runner.compile(report.query);
      const rows = rowsOf(runner.iterate(compiled));
      if (format === 'csv')
        chunks = csvChunks(
          csvColumns(compiled.columns, compiled.fieldOf),
          rows,
        );
      else if (format === 'xml') chunks = xmlChunks(report.name, rows);
      else chunks = jsonChunks(rows);
    }
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName(report.name, format)}"`,
    );
    if (report.rowCount !== undefined)
      res.setHeader('X-Maestro-Report-Rows', String(report.rowCount));
    try {
      await writeChunks(res, chunks);
      res.end();
    } catch (error) {
      // Headers are gone: cut the download short so it cannot pass for whole.
      res.destroy(error as Error);
    }
  });

  return router;
}

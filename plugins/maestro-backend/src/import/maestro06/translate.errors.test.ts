import { translateMaestro06 } from './translate';
import { readDemoFiles } from '../../__testUtils__/demoData';

/** A fresh copy of the demo export, to break one thing at a time. */
const demo = readDemoFiles;

describe('translateMaestro06 errors', () => {
  it('names file, index and field of a server without hostname', () => {
    const files = demo();
    delete files['servers.json'][3].hostname;
    const { errors } = translateMaestro06(files);
    expect(errors).toEqual([
      {
        file: 'servers.json',
        index: 3,
        field: 'hostname',
        message: 'is required',
      },
    ]);
  });

  it('reports a reference to an application that is not in the files', () => {
    const files = demo();
    files['servers.json'][0].applications[1] = '#name::Ghost App';
    files['deps.json']['#name::Data API'][0].name = '#name::Ghost DB';
    const { errors } = translateMaestro06(files);
    expect(errors).toEqual([
      {
        file: 'servers.json',
        index: 0,
        field: 'applications[1]',
        message: 'refers to "Ghost App", which is not in apps',
      },
      {
        file: 'deps.json',
        index: 0,
        field: '#name::Data API[0].name',
        message: 'refers to "Ghost DB", which is not in apps',
      },
    ]);
  });

  it('reports an unknown source app of deps.json and a system missing from system.json', () => {
    const files = demo();
    files['deps.json']['#name::Nobody'] = [];
    files['apps.json'][2].system = ['#name::No Such System'];
    const { errors } = translateMaestro06(files);
    expect(errors).toContainEqual({
      file: 'deps.json',
      field: '#name::Nobody',
      message: 'refers to "Nobody", which is not in apps',
    });
    expect(errors).toContainEqual({
      file: 'apps.json',
      index: 2,
      field: 'system[0]',
      message: 'refers to "No Such System", which is not in systems',
    });
  });

  it('rejects a file that is not an array, and items that are not objects', () => {
    const files = demo();
    files['apps.json'] = { name: 'not a list' };
    files['clients.json'][1] = 'ERP';
    const { errors } = translateMaestro06(files);
    expect(errors).toContainEqual({
      file: 'apps.json',
      message: 'must be a JSON array of documents',
    });
    expect(errors).toContainEqual({
      file: 'clients.json',
      index: 1,
      message: 'must be a JSON object',
    });
    // The apps are missing, so every reference to them is reported too.
    expect(
      errors.some(
        e => e.file === 'servers.json' && e.field?.startsWith('applications'),
      ),
    ).toBe(true);
  });

  it('rejects deps.json and zones.json that are not objects', () => {
    const { errors } = translateMaestro06({
      'deps.json': [],
      'zones.json': 'AWS',
    });
    expect(errors).toEqual([
      {
        file: 'zones.json',
        message: 'must be an object of provider -> region -> zones',
      },
      {
        file: 'deps.json',
        message: 'must be a JSON object of "#name::<app>": [edges]',
      },
    ]);
  });

  it('reports fields of the wrong type or shape', () => {
    const files = demo();
    files['servers.json'][5].cpu = 'many';
    files['servers.json'][6].storage = ['#attach', '#floppy'];
    files['servers.json'][7].applications = ['WebServer Maestro'];
    files['snapshots.json'][0].start_time = 'yesterday';
    const { errors } = translateMaestro06(files);
    expect(errors).toEqual([
      {
        file: 'servers.json',
        index: 5,
        field: 'cpu',
        message: 'must be a number, got "many"',
      },
      {
        file: 'servers.json',
        index: 6,
        field: 'storage[1]',
        message: 'must be "#attach", "#built" or "#skip"',
      },
      {
        file: 'servers.json',
        index: 7,
        field: 'applications[0]',
        message:
          'must be a reference like "#name::<name>", got "WebServer Maestro"',
      },
      {
        file: 'snapshots.json',
        index: 0,
        field: 'start_time',
        message: 'must be epoch milliseconds or an ISO date, got "yesterday"',
      },
    ]);
  });

  it('turns schema violations of the produced entity into field errors', () => {
    const files = demo();
    files['servers.json'][4].ipv4_private = '10.0.0.300';
    const { errors } = translateMaestro06(files);
    expect(errors).toEqual([
      {
        file: 'servers.json',
        index: 4,
        field: 'spec.ipv4Private',
        message: `Server ${files['servers.json'][4].unique_id}: must match format "ipv4"`,
      },
    ]);
  });

  it('rejects two servers with the same instance id', () => {
    const files = demo();
    files['servers.json'][9].unique_id = files['servers.json'][2].unique_id;
    const { errors } = translateMaestro06(files);
    expect(errors).toEqual([
      {
        file: 'servers.json',
        index: 9,
        field: 'unique_id',
        message: `"${files['servers.json'][2].unique_id}" is the unique_id of an earlier server too`,
      },
    ]);
  });

  it('rejects files that are not part of a Maestro 0.6 export', () => {
    const { errors } = translateMaestro06({ 'server.json': [] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'server.json' });
    expect(errors[0].message).toMatch(/is not a Maestro 0.6 file/);
  });
});

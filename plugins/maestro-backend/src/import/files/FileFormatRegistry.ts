import { MaestroFileFormat } from '@maestro/plugin-maestro-node';

/** The file formats backend modules added through the extension point. */
export class FileFormatRegistry {
  private readonly formats = new Map<string, MaestroFileFormat>();

  add(format: MaestroFileFormat) {
    if (this.formats.has(format.id))
      throw new Error(`Maestro file format '${format.id}' is added twice`);
    this.formats.set(format.id, format);
  }

  get(id: string) {
    return this.formats.get(id);
  }

  list() {
    return [...this.formats.values()].map(f => ({ id: f.id, title: f.title }));
  }
}

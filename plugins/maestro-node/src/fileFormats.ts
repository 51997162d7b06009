import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/** One file of an upload (an archive arrives as the files it holds). */
export interface UploadedFile {
  /** Path inside the upload, `/`-separated, never absolute nor with `..`. */
  path: string;
  content: Buffer;
}

/** What an upload is: its bytes, and what its sender called it. */
export interface FileUpload {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** A problem in one file, named so that a person can find it. */
export interface FileProblem {
  file: string;
  /** JSON path (`resources[3].instances[0]`) or `line N`, when known. */
  location?: string;
  message: string;
}

export interface ParsedFiles {
  entities: Entity[];
  /** Parts that were understood but are not inventory (unknown resource types). */
  skipped: Array<{ file: string; location?: string; reason: string }>;
  /** Any error makes the whole upload fail: nothing is written. */
  errors: FileProblem[];
}

export interface FileParseContext {
  /** Entity ref of the datacenter the files describe, if given. */
  datacenter?: string;
  /** Largest upload or unpacked archive, in bytes. */
  maxBytes: number;
}

/**
 * A kind of file Maestro can read inventory from (Ansible facts, Terraform
 * state, Maestro JSON): turns an upload into entities, which Maestro then
 * writes (or previews) through its write path, all or nothing.
 */
export interface MaestroFileFormat {
  /** URL-safe id: `/import/files/<id>`. */
  id: string;
  title: string;
  parse(upload: FileUpload, context: FileParseContext): Promise<ParsedFiles>;
}

export interface MaestroFileFormatsExtensionPoint {
  addFileFormat(format: MaestroFileFormat): void;
}

/** The extension point of the `maestro` plugin for file formats. */
export const maestroFileFormatsExtensionPoint =
  createExtensionPoint<MaestroFileFormatsExtensionPoint>({
    id: 'maestro.file-formats',
  });

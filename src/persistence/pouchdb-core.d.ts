/*
 * The part of PouchDB's API this app uses, typed here instead of with @types/pouchdb-core: that package
 * declares a global `interface Buffer` which merges with Node's and breaks every Buffer → Uint8Array use in
 * the Node code (the CLI, the PDF fonts, the tests). Shapes follow the PouchDB 9 API documentation
 * (https://pouchdb.com/api.html); only what the store, the Dexie move and sync call is declared.
 */
declare namespace PouchDB {
  namespace Core {
    /** A stored document's identity. */
    type IdMeta = { _id: string };
    type RevisionIdMeta = { _rev: string };
    /** A document to write: new (no `_rev`) or on top of revision `_rev`; `_deleted` makes a tombstone. */
    type PutDocument<Content extends object> = Content &
      IdMeta & { _rev?: string; _deleted?: boolean; _revisions?: { start: number; ids: string[] } };
    /** A document as read. */
    type ExistingDocument<Content extends object> = Content &
      IdMeta &
      RevisionIdMeta & {
        _deleted?: boolean;
        _conflicts?: string[];
        _revisions?: { start: number; ids: string[] };
      };
    /** One document written. */
    type Response = { ok: true; id: string; rev: string };
    /** One document not written, or a rejected call (`status` 404, 409, …). */
    type Error = {
      error?: boolean | string;
      status?: number;
      name?: string;
      message?: string;
      reason?: string;
      id?: string;
      rev?: string;
    };
    type GetOptions = { rev?: string; revs?: boolean; conflicts?: boolean };
    type AllDocsOptions = {
      include_docs?: boolean;
      conflicts?: boolean;
      startkey?: string;
      endkey?: string;
      limit?: number;
      descending?: boolean;
    };
    /** A row of `allDocs`: the document's id and winning revision (and the document with `include_docs`). */
    type AllDocsRow<Content extends object> = {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: ExistingDocument<Content> | null;
    };
    /** With `keys`, an id that was never stored comes back as an error row. */
    type AllDocsKeyRow<Content extends object> = AllDocsRow<Content> | { key: string; error: string };
    type AllDocsResponse<Row> = { total_rows: number; offset: number; rows: Row[] };
    type ChangesOptions = {
      live?: boolean;
      since?: 'now' | number | string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    };
    type ChangesResponseChange<Content extends object> = {
      id: string;
      seq: number | string;
      changes: { rev: string }[];
      deleted?: boolean;
      doc?: ExistingDocument<Content>;
    };
    type ChangesResponse<Content extends object> = {
      results: ChangesResponseChange<Content>[];
      last_seq: number | string;
    };
    /** A live changes feed (also a promise of the end of a one-shot feed). */
    interface Changes<Content extends object> extends Promise<ChangesResponse<Content>> {
      on(event: 'change', listener: (change: ChangesResponseChange<Content>) => void): this;
      on(event: 'complete', listener: (info: ChangesResponse<Content>) => void): this;
      on(event: 'error', listener: (error: unknown) => void): this;
      cancel(): void;
    }
    type DatabaseInfo = { db_name: string; doc_count: number; update_seq: number | string };
  }

  interface Database<Content extends object = object> {
    get<Model extends object = Content>(
      id: string,
      options?: Core.GetOptions,
    ): Promise<Core.ExistingDocument<Model>>;
    put<Model extends object>(doc: Core.PutDocument<Model>): Promise<Core.Response>;
    bulkDocs<Model extends object>(
      docs: Core.PutDocument<Model>[],
      options?: { new_edits?: boolean },
    ): Promise<(Core.Response | Core.Error)[]>;
    allDocs<Model extends object = Content>(
      options: Core.AllDocsOptions & { keys: string[] },
    ): Promise<Core.AllDocsResponse<Core.AllDocsKeyRow<Model>>>;
    allDocs<Model extends object = Content>(
      options?: Core.AllDocsOptions,
    ): Promise<Core.AllDocsResponse<Core.AllDocsRow<Model>>>;
    changes<Model extends object = Content>(options?: Core.ChangesOptions): Core.Changes<Model>;
    info(): Promise<Core.DatabaseInfo>;
    close(): Promise<void>;
    destroy(): Promise<void>;
    on(event: 'closed' | 'destroyed', listener: () => void): this;
  }

  type DatabaseOptions = { adapter?: string; auto_compaction?: boolean; skip_setup?: boolean };

  /** The constructor, extended by plugins. */
  interface Static {
    new <Content extends object = object>(name: string, options?: DatabaseOptions): Database<Content>;
    plugin(plugin: Plugin): Static;
  }

  /** What `PouchDB.plugin()` takes: an adapter or another extension. */
  type Plugin = ((pouch: Static) => void) | Record<string, unknown>;
}

declare module 'pouchdb-core' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

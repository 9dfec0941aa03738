// Types for provision.mjs (plain Node, run without a build step).
export declare const SCHEMA_VERSION: number;
export declare const DESIGN_DOC_ID: string;
export declare function userDbName(name: string): string;
export declare function validateDocUpdateSource(owner: string, maxVersion?: number): string;
export declare function provision(options: {
  server: string;
  admin: { name: string; password: string };
  user: string;
  password: string;
  origins: string[];
  log?: (line: string) => void;
}): Promise<{ db: string; url: string }>;

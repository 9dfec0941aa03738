// Types for start.mjs (plain Node, also run by Playwright's globalSetup and the bench).
export declare const TEST_ADMIN: { name: string; password: string };
export declare function ensureInstalled(): void;
export declare function freePort(): Promise<number>;
export declare function startSyncServer(options?: { port?: number }): Promise<{
  url: string;
  port: number;
  admin: { name: string; password: string };
  stop: () => Promise<void>;
}>;

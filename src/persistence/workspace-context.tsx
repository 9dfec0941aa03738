import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LogState, Workspace, WorkspaceState } from './workspace';

export const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace the app was started with. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a <WorkspaceContext.Provider>');
  return workspace;
}

/** The workspace's state; re-renders on every change. */
export function useWorkspaceState(): WorkspaceState {
  const workspace = useWorkspace();
  return useSyncExternalStore(workspace.subscribe, workspace.getState);
}

/**
 * How much of the promise log is in memory. Startup reads what Today needs first and the rest after; a
 * screen that needs every record (scores, histories, exports) waits for `complete`.
 */
export function useFullLog(): LogState {
  const workspace = useWorkspace();
  return useSyncExternalStore(workspace.subscribe, () => workspace.getState().log);
}

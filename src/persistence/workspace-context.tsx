import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Workspace, WorkspaceState } from './workspace';

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

import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

type Labels = { title: string; chunk: string; other: string; retry: string; reload: string };

type Props = { labels: Labels; onRetry: () => void; children: ReactNode };

/** Whether `error` is a screen's code failing to download (no connection, or an old deploy's file gone). */
export function isChunkLoadError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|ChunkLoadError|error loading dynamically/i.test(
    text,
  );
}

/**
 * Catches a screen that fails to load or render and shows what happened with a retry, instead of a white
 * page; the rest of the app (navigation, saving) keeps working.
 */
export class ScreenBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Screen failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const { labels } = this.props;
    return (
      <section className="page screen-error" role="alert" aria-labelledby="screen-error-title">
        <h1 id="screen-error-title">{labels.title}</h1>
        <p>{isChunkLoadError(error) ? labels.chunk : labels.other}</p>
        <div className="group__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              this.props.onRetry();
              this.setState({ error: null });
            }}
          >
            {labels.retry}
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {labels.reload}
          </button>
        </div>
      </section>
    );
  }
}

// The live preview frame: the previous PDF stays visible until the new one has loaded, with a visible
// "updating" state meanwhile.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfFrame } from '../../../src/components/pdf-frame';

const props = {
  title: 'Charter PDF',
  updatingLabel: 'Updating…',
  error: null,
  emptyLabel: 'No preview yet',
};

const shown = () => document.querySelector('iframe[data-state="shown"]')?.getAttribute('src');
const loading = () => document.querySelector('iframe[data-state="loading"]');

describe('PdfFrame', () => {
  it('keeps the previous PDF shown while the next one loads, then swaps', () => {
    const { rerender } = render(<PdfFrame {...props} url={null} updating />);
    // Before the first PDF, one progress line ("preparing"), not "updating" as well.
    expect(screen.getByRole('status')).toHaveTextContent(/^No preview yet$/);
    expect(screen.queryByText('Updating…')).not.toBeInTheDocument();

    rerender(<PdfFrame {...props} url="blob:first" updating={false} />);
    fireEvent.load(loading()!);
    expect(shown()).toBe('blob:first');
    expect(screen.getByRole('status')).toHaveTextContent('');

    // A new render is under way: the first PDF stays, the page says it is updating.
    rerender(<PdfFrame {...props} url="blob:first" updating />);
    expect(shown()).toBe('blob:first');
    expect(screen.getByRole('status')).toHaveTextContent('Updating…');

    // The new PDF arrives: still the first one shown (and "updating") until the new one has loaded.
    rerender(<PdfFrame {...props} url="blob:second" updating={false} />);
    expect(shown()).toBe('blob:first');
    expect(loading()?.getAttribute('src')).toBe('blob:second');
    expect(loading()).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Updating…');

    fireEvent.load(loading()!);
    expect(shown()).toBe('blob:second');
    // Assistive technology sees exactly one frame: the new one.
    const visible = screen.getAllByTitle('Charter PDF').filter((f) => !f.hasAttribute('aria-hidden'));
    expect(visible.map((f) => f.getAttribute('src'))).toEqual(['blob:second']);
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('shows why the newest render failed, next to the PDF that is still shown', () => {
    const { rerender } = render(<PdfFrame {...props} url="blob:first" updating={false} />);
    fireEvent.load(loading()!);
    rerender(<PdfFrame {...props} url="blob:first" updating={false} error="The PDF could not be made" />);
    expect(screen.getByRole('alert')).toHaveTextContent('The PDF could not be made');
    expect(shown()).toBe('blob:first');
  });

  describe('where the browser cannot show a PDF inline (Android Chrome)', () => {
    afterEach(() => {
      delete (navigator as { pdfViewerEnabled?: boolean }).pdfViewerEnabled;
    });

    it('offers to open or download the PDF, with its page count, instead of an empty frame', () => {
      Object.defineProperty(navigator, 'pdfViewerEnabled', { value: false, configurable: true });
      const { rerender } = render(<PdfFrame {...props} url={null} updating />);
      expect(screen.getByRole('status')).toHaveTextContent(/^No preview yet$/);
      expect(screen.queryByRole('link')).not.toBeInTheDocument();

      rerender(
        <PdfFrame {...props} url="blob:first" pages={4} fileName="charter-Kim-v1.pdf" updating={false} />,
      );
      expect(document.querySelector('iframe')).toBeNull();
      expect(screen.getByText('4 pages')).toBeInTheDocument();
      const open = screen.getByRole('link', { name: 'Open the PDF' });
      expect(open).toHaveAttribute('href', 'blob:first');
      expect(open).toHaveAttribute('target', '_blank');
      expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
        'download',
        'charter-Kim-v1.pdf',
      );
      expect(screen.getByRole('status')).toHaveTextContent('');

      // A newer PDF: the card at once points at it, and says so while it is being made.
      rerender(<PdfFrame {...props} url="blob:first" pages={4} updating />);
      expect(screen.getByRole('status')).toHaveTextContent('Updating…');
      rerender(<PdfFrame {...props} url="blob:second" pages={1} updating={false} />);
      expect(screen.getByRole('link', { name: 'Open the PDF' })).toHaveAttribute('href', 'blob:second');
      expect(screen.getByText('1 page')).toBeInTheDocument();
    });
  });
});

import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import './controls.css';

/**
 * A sheet: a modal that slides up from the bottom on phones (under 768 px, within thumb reach) and is a
 * centred dialog on wider screens. react-aria's Modal and Dialog trap focus, close on Escape and on a tap
 * outside, restore focus to the control that opened it, and hide the rest of the page from screen readers.
 * `actions` (the primary action last) stay at the bottom of the sheet while its body scrolls.
 */
export function Sheet({
  isOpen,
  onOpenChange,
  title,
  children,
  actions,
  isDismissable = true,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  actions?: ReactNode | ((close: () => void) => ReactNode);
  /** False for a sheet holding unsaved input that a stray tap outside must not throw away. */
  isDismissable?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ModalOverlay
      className="sheet-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
    >
      <Modal className="sheet-modal">
        <Dialog className="sheet-dialog">
          {({ close }) => (
            <>
              <div className="sheet-dialog__head">
                <Heading slot="title" className="sheet-dialog__title">
                  {title}
                </Heading>
                <Button className="sheet-dialog__close" onPress={close} aria-label={t('ui.close')}>
                  <span aria-hidden="true">×</span>
                </Button>
              </div>
              <div className="sheet-dialog__body">
                {typeof children === 'function' ? children(close) : children}
              </div>
              {actions && (
                <div className="sheet-dialog__actions">
                  {typeof actions === 'function' ? actions(close) : actions}
                </div>
              )}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

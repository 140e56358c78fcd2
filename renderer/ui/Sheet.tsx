import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { modality, showFocus } from '../input/focus.ts';

/**
 * A modal sheet over the app (a confirmation, a choice of options): it owns focus and input while
 * open, so nothing under it can be reached by touch, keys or the rotary (D3), and Back closes it
 * (the input code sends the overlay a "cancel" event). Nothing slides or fades: it simply appears.
 */
export function Sheet({
  labelledBy,
  onCancel,
  children,
  testId,
}: {
  labelledBy: string;
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const sheet = ref.current;
    if (!sheet) return;
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancel.current();
    };
    sheet.addEventListener('cancel', onCancelEvent);
    // What lies under the sheet leaves the tab order and the hit test (and the safety audit's count).
    const app = sheet.ownerDocument.querySelector('.app');
    app?.setAttribute('inert', '');
    const opener = sheet.ownerDocument.activeElement;
    const keys = modality(sheet.ownerDocument) === 'keys';
    const first = sheet.querySelector<HTMLElement>('button:not(:disabled)');
    if (keys && first) showFocus(first);
    return () => {
      sheet.removeEventListener('cancel', onCancelEvent);
      app?.removeAttribute('inert');
      if (keys && opener instanceof HTMLElement && opener.isConnected) showFocus(opener);
    };
  }, []);

  return createPortal(
    <div className="sheet-backdrop">
      <div
        ref={ref}
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        data-testid={testId}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}

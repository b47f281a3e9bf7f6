import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { diffText, mapPosition, type DeltaOp } from './textDiff';

/**
 * Binds an uncontrolled <textarea> to a Y.Text. Local input becomes one minimal splice
 * (delete + insert in a single transaction) so concurrent edits elsewhere merge; remote changes
 * rewrite the value and move the caret through the change so it stays where the user was.
 * `maxChars` stops local growth beyond the limit (remote merges may still exceed it).
 */
export function useYTextBinding(ytext: Y.Text | undefined, maxChars: number) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || !ytext) return;
    // Marks this binding's own transactions so their echo is ignored.
    const origin = { binding: 'textarea' };
    let composing = false;
    el.value = ytext.toString();

    const pushLocal = () => {
      const before = ytext.toString();
      const after = el.value;
      if (after.length > maxChars && after.length > before.length) {
        const caret = Math.max(0, el.selectionStart - (after.length - before.length));
        el.value = before;
        el.setSelectionRange(caret, caret);
        return;
      }
      const splice = diffText(before, after, el.selectionEnd);
      if (!splice) return;
      const apply = () => {
        if (splice.deleteCount > 0) ytext.delete(splice.index, splice.deleteCount);
        if (splice.insert) ytext.insert(splice.index, splice.insert);
      };
      if (ytext.doc) ytext.doc.transact(apply, origin);
      else apply();
    };

    const onInput = () => {
      // An IME builds a character over several input events; send it once it is complete.
      if (!composing) pushLocal();
    };
    const onCompositionStart = () => {
      composing = true;
    };
    const onCompositionEnd = () => {
      composing = false;
      pushLocal();
    };

    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      const text = ytext.toString();
      if (el.value === text) return;
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection } = el;
      const delta = event.delta as DeltaOp[];
      el.value = text;
      if (focused) {
        const start = mapPosition(selectionStart, delta);
        const end = selectionStart === selectionEnd ? start : mapPosition(selectionEnd, delta, true);
        el.setSelectionRange(start, end, selectionDirection ?? undefined);
      }
    };

    el.addEventListener('input', onInput);
    el.addEventListener('compositionstart', onCompositionStart);
    el.addEventListener('compositionend', onCompositionEnd);
    ytext.observe(onRemote);
    return () => {
      el.removeEventListener('input', onInput);
      el.removeEventListener('compositionstart', onCompositionStart);
      el.removeEventListener('compositionend', onCompositionEnd);
      ytext.unobserve(onRemote);
    };
  }, [ytext, maxChars]);

  return ref;
}

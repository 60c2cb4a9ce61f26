/** A SaveQueue (lib/app/save-queue.ts) for one editor, sent through the background and flushed when the page goes away. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SaveQueue, type SaveStatus } from '@/lib/app/save-queue';
import { BackgroundUnreachable } from '@/messaging/client';
import { t } from '@/lib/app/i18n';

export interface DurableSave<T> {
  /** While typing: saved once typing pauses. */
  edit(value: T): void;
  /** Now: on blur, or a choice such as a status. */
  flush(): void;
  status: SaveStatus;
  /** An edit is waiting or in flight. */
  busy(): boolean;
}

export function useDurableSave<T>(send: (value: T, writeId: string) => Promise<unknown>): DurableSave<T> {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const sendRef = useRef(send);
  sendRef.current = send;
  const queue = useRef<SaveQueue<T> | undefined>(undefined);
  queue.current ??= new SaveQueue<T>({
    send: (value, writeId) => sendRef.current(value, writeId),
    retryable: (e) => e instanceof BackgroundUnreachable,
    onStatus: setStatus,
    newWriteId: () => crypto.randomUUID(),
  });
  useEffect(() => {
    const q = queue.current!;
    // pagehide covers closing the side panel or the tab; hidden covers a page the browser discards later.
    const leave = () => q.leave();
    const onVisibility = () => document.visibilityState === 'hidden' && q.leave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      // The editor goes (another report chosen): what was typed is still sent.
      q.flush();
    };
  }, []);
  const q = queue.current;
  return { edit: (v) => q.edit(v), flush: () => q.flush(), status, busy: () => q.busy };
}

/** What the editor says about its save: nothing once saved, never "failed" while it is still retrying. */
export function saveStatusText(status: SaveStatus): { error: boolean; text: string } | undefined {
  switch (status.kind) {
    case 'saving':
      return { error: false, text: t('save_saving') };
    case 'retrying':
      return { error: false, text: t('save_retrying', { attempt: status.attempt }) };
    case 'refused':
      return { error: true, text: t('save_failed', { error: status.error }) };
    default:
      return undefined;
  }
}

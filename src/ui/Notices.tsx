import { useApp, useMessages } from './storeContext';
import type { Notice } from '../store';
import type { Messages } from './i18n';

function text(t: Messages, notice: Notice): string {
  switch (notice.kind) {
    case 'progress-reset': return t.noticeProgressReset;
    case 'storage-blocked': return t.noticeStorageBlocked;
    case 'storage-full': return t.noticeStorageFull;
    case 'lesson-error': return t.noticeLessonError(notice.detail ?? '');
  }
}

/** Messages about the session itself (what was reset, what is not saved), announced politely. */
export function Notices() {
  const t = useMessages();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  return (
    <div className="kp-notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <p key={n.id} className="kp-notice" data-kind={n.kind}>
          <span>{text(t, n)}</span>
          <button type="button" onClick={() => dismiss(n.id)} aria-label={t.dismiss}>×</button>
        </p>
      ))}
    </div>
  );
}

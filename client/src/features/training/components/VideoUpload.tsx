import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadedVideo } from '../../../../../shared/training/videos.ts';
import { describedBy } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import {
  isAbortError,
  type UploadProblemKey,
  uploadProblemKey,
  uploadVideo,
  VIDEO_ACCEPT,
} from '../upload.ts';

type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'done' }
  | { step: 'failed'; problemKey: UploadProblemKey };

/**
 * Uploads one training video to Haven, for the course authoring pages (trainers and
 * admins; docs/training.md, "Uploaded videos"). Self-contained: a labelled file input
 * taking MP4 or WebM, progress as a bar and in words, a cancel button while it runs, and
 * what went wrong in words (wrong type, too large, not really a video, ...).
 *
 * When the upload succeeds, `onUploaded(url, video)` gets the address to put in the video
 * item's `url` (`/api/training/videos/<id>`), and the stored video (`id`, `contentType`,
 * `size`). The duration and transcript remain the author's to fill in.
 *
 * ```tsx
 * <VideoUpload onUploaded={(url) => setItem({ ...item, url })} />
 * ```
 */
export function VideoUpload({
  onUploaded,
  label,
  disabled = false,
}: {
  onUploaded: (url: string, video: UploadedVideo) => void;
  /** The input's label; "Upload a video" by default. */
  label?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const [state, setState] = useState<UploadState>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // After "Cancel" the button goes: focus returns to the file input once it is enabled again.
  const [refocus, setRefocus] = useState(false);
  const percent = state.step === 'uploading' ? state.percent : null;

  // Leaving the page cancels an upload still running.
  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => {
    if (!refocus || percent !== null) return;
    inputRef.current?.focus();
    setRefocus(false);
  }, [refocus, percent]);

  const start = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'uploading', percent: 0 });
    try {
      const video = await uploadVideo(file, {
        signal: controller.signal,
        onProgress: (sent, total) =>
          setState({
            step: 'uploading',
            percent: total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0,
          }),
      });
      setState({ step: 'done' });
      onUploaded(video.url, video);
    } catch (caught) {
      if (isAbortError(caught)) setState({ step: 'idle' });
      else setState({ step: 'failed', problemKey: uploadProblemKey(asApiError(caught)) });
    } finally {
      if (running.current === controller) running.current = null;
      // The same file may be chosen again (after a failure, say).
      input.value = '';
    }
  };

  const problemKey = state.step === 'failed' ? state.problemKey : null;
  const done = state.step === 'done';
  return (
    <div className={`field training-upload${problemKey ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label ?? t('training.upload.label')}</label>
      <p id={hintId} className="field-hint">
        {t('training.upload.hint')}
      </p>
      {problemKey && (
        <p id={errorId} className="field-error" role="alert">
          {t(problemKey)}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={VIDEO_ACCEPT}
        disabled={disabled || percent !== null}
        aria-invalid={problemKey ? true : undefined}
        aria-describedby={describedBy(hintId, Boolean(problemKey) && errorId)}
        onChange={start}
      />
      {percent !== null && (
        <div className="training-progress">
          {/* Announced in steps of 10% (not every progress event); the bar is exact. */}
          <p id={statusId} role="status" className="training-progress-text">
            {t('training.upload.progress', { percent: Math.floor(percent / 10) * 10 })}
          </p>
          <progress aria-labelledby={statusId} max={100} value={percent} />
          <button
            type="button"
            onClick={() => {
              setRefocus(true);
              running.current?.abort();
            }}
          >
            {t('training.upload.cancel')}
          </button>
        </div>
      )}
      {done && (
        <p role="status" className="training-ok">
          {t('training.upload.done')}
        </p>
      )}
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isVideoFile } from '../logic.ts';

/** A video file plays here; any other address is a link. The transcript follows as text. */
export function VideoView({
  video,
  title,
  language,
}: {
  video: { url: string; durationSeconds: number; transcript: string };
  title: string;
  language: string;
}) {
  const { t } = useTranslation();
  const transcriptId = useId();
  const file = isVideoFile(video.url);
  const minutes = Math.max(1, Math.round(video.durationSeconds / 60));
  return (
    <div className="training-video">
      {file ? (
        // biome-ignore lint/a11y/useMediaCaption: the API gives captions as plain text (no WebVTT); they follow below as the transcript, tied by aria-describedby
        <video
          controls
          preload="metadata"
          src={video.url}
          aria-label={title}
          aria-describedby={transcriptId}
          className="training-video-player"
        >
          <a href={video.url} target="_blank" rel="noopener noreferrer">
            {t('training.video.open')}
          </a>
        </video>
      ) : (
        <p>
          <a href={video.url} target="_blank" rel="noopener noreferrer">
            {t('training.video.open')}
          </a>
        </p>
      )}
      <p className="training-meta">{t('training.minutes', { count: minutes })}</p>
      <section aria-labelledby={`${transcriptId}-h`}>
        <h2 id={`${transcriptId}-h`}>{t('training.video.transcript')}</h2>
        <div id={transcriptId} className="training-transcript" lang={language}>
          {video.transcript.split(/\n{2,}/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </section>
    </div>
  );
}

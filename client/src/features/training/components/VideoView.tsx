import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { captionsOf, useCaptionsUrl } from '../captions.ts';
import { isVideoFile } from '../logic.ts';

/**
 * A video file plays here, with its WebVTT captions as a `<track>` when the author gave them
 * (in the course's language, on by default); any other address is a link. The transcript
 * follows as text either way.
 */
export function VideoView({
  video,
  title,
  language,
}: {
  video: { url: string; durationSeconds: number; transcript: string; captionsVtt?: string };
  title: string;
  language: string;
}) {
  const { t, i18n } = useTranslation();
  const transcriptId = useId();
  const file = isVideoFile(video.url);
  const captionsUrl = useCaptionsUrl(captionsOf(video));
  const minutes = Math.max(1, Math.round(video.durationSeconds / 60));
  const languageName =
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(language) ?? language;
  const captionsLabel = t('training.video.captions', { language: languageName });
  const player = {
    controls: true,
    preload: 'metadata',
    src: video.url,
    'aria-label': title,
    'aria-describedby': transcriptId,
    className: 'training-video-player',
  } as const;
  const fallback = (
    <a href={video.url} target="_blank" rel="noopener noreferrer">
      {t('training.video.open')}
    </a>
  );
  return (
    <div className="training-video">
      {file && captionsUrl && (
        <video {...player}>
          <track
            kind="captions"
            src={captionsUrl}
            srcLang={language}
            label={captionsLabel}
            default
          />
          {fallback}
        </video>
      )}
      {file && !captionsUrl && (
        // No WebVTT captions given: the transcript below, tied by aria-describedby, has the words.
        <video {...player}>{fallback}</video>
      )}
      {!file && <p>{fallback}</p>}
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

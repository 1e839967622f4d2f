import { useEffect, useState } from 'react';
import { isWebVtt } from '../../../../shared/training/content.ts';

/**
 * A video's WebVTT captions come inside the item's JSON; a `<track>` needs an address, so the
 * page makes a Blob URL of them (the Content-Security-Policy's media-src allows `blob:` for
 * this, server/app.ts). Cue text is left exactly as written: the browser shows it as text.
 */

/** The captions a `<track>` can use, or null (none given, or not WebVTT). */
export function captionsOf(video: { captionsVtt?: string | undefined }): string | null {
  const vtt = video.captionsVtt ?? '';
  return vtt && isWebVtt(vtt) ? vtt : null;
}

export function captionsBlob(vtt: string): Blob {
  return new Blob([vtt], { type: 'text/vtt' });
}

/** A Blob URL of the captions while the video is shown, revoked when it goes or they change. */
export function useCaptionsUrl(vtt: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!vtt) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(captionsBlob(vtt));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [vtt]);
  return url;
}

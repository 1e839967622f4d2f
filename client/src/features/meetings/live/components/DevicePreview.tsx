import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeviceLists, listDevices, openCamera, openMicrophone } from '../devices.ts';
import type { DeviceProblem } from '../model.ts';
import { attachTrack } from '../tracks.ts';

export interface DeviceSelection {
  micDeviceId: string | null;
  cameraDeviceId: string | null;
}

/**
 * "Check your camera and microphone" before joining: a preview the person starts (nothing
 * opens by itself), device pickers once permission is given, and what to do when blocked.
 * The preview's tracks stop when leaving the join page; the room opens its own.
 */
export function DevicePreview({
  selection,
  onChange,
}: {
  selection: DeviceSelection;
  onChange: (selection: DeviceSelection) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const micId = useId();
  const cameraId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [devices, setDevices] = useState<DeviceLists>({ microphones: [], cameras: [] });
  const [camera, setCamera] = useState<MediaStreamTrack | null>(null);
  const [micWorks, setMicWorks] = useState(false);
  const [problem, setProblem] = useState<DeviceProblem | null>(null);

  // Opens (or reopens, on a new choice) the chosen devices while the preview is on.
  useEffect(() => {
    if (!on) return;
    let current = true;
    const opened: MediaStreamTrack[] = [];
    void (async () => {
      const [video, audio] = await Promise.all([
        openCamera(selection.cameraDeviceId),
        openMicrophone(selection.micDeviceId),
      ]);
      for (const result of [video, audio]) if ('track' in result) opened.push(result.track);
      if (!current) {
        for (const track of opened) track.stop();
        return;
      }
      setCamera('track' in video ? video.track : null);
      setMicWorks('track' in audio);
      const failed = 'problem' in video ? video.problem : 'problem' in audio ? audio.problem : null;
      setProblem(failed);
      setDevices(await listDevices());
    })();
    return () => {
      current = false;
      for (const track of opened) track.stop();
      setCamera(null);
    };
  }, [on, selection.cameraDeviceId, selection.micDeviceId]);

  useEffect(() => attachTrack(videoRef.current, camera), [camera]);

  return (
    <section className="panel live-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.preview.title')}</h2>
      <p className="field-hint">{t('live.preview.hint')}</p>
      <div className="live-preview-video">
        {camera ? (
          <video ref={videoRef} muted playsInline aria-label={t('live.preview.videoLabel')} />
        ) : (
          <p className="live-preview-empty">
            {on ? t('live.preview.noCamera') : t('live.preview.off')}
          </p>
        )}
      </div>
      <div role="status" className="live-preview-status">
        {on && !problem && micWorks && <p>{t('live.preview.micWorks')}</p>}
        {problem && <p className="field-error">{t(`live.devices.${problem}`)}</p>}
      </div>
      <button type="button" className="secondary" aria-pressed={on} onClick={() => setOn(!on)}>
        {on ? t('live.preview.stop') : t('live.preview.start')}
      </button>
      {on && (devices.microphones.length > 0 || devices.cameras.length > 0) && (
        <div className="live-device-pickers">
          <label htmlFor={micId}>{t('live.preview.microphone')}</label>
          <select
            id={micId}
            value={selection.micDeviceId ?? ''}
            onChange={(e) => onChange({ ...selection, micDeviceId: e.target.value || null })}
          >
            <option value="">{t('live.preview.default')}</option>
            {devices.microphones.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || t('live.preview.microphoneN', { number: index + 1 })}
              </option>
            ))}
          </select>
          <label htmlFor={cameraId}>{t('live.preview.camera')}</label>
          <select
            id={cameraId}
            value={selection.cameraDeviceId ?? ''}
            onChange={(e) => onChange({ ...selection, cameraDeviceId: e.target.value || null })}
          >
            <option value="">{t('live.preview.default')}</option>
            {devices.cameras.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || t('live.preview.cameraN', { number: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="field-hint">{t('live.preview.startsMuted')}</p>
    </section>
  );
}

import { type DeviceProblem, deviceProblemOf } from './model.ts';

/** Opening cameras, microphones and screens, and telling why it failed. */

export interface DeviceChoice {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  microphones: DeviceChoice[];
  cameras: DeviceChoice[];
}

/** Labels are empty until permission is given; the picker then numbers them. */
export async function listDevices(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return { microphones: [], cameras: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind) =>
    devices
      .filter((device) => device.kind === kind && device.deviceId)
      .map((device) => ({ deviceId: device.deviceId, label: device.label }));
  return { microphones: pick('audioinput'), cameras: pick('videoinput') };
}

export type Opened = { track: MediaStreamTrack } | { problem: DeviceProblem };

async function open(constraints: MediaStreamConstraints): Promise<Opened> {
  if (!navigator.mediaDevices?.getUserMedia) return { problem: 'notFound' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    const track = stream.getTracks()[0];
    return track ? { track } : { problem: 'notFound' };
  } catch (error) {
    return { problem: deviceProblemOf(error) };
  }
}

export function openMicrophone(deviceId?: string | null): Promise<Opened> {
  return open({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
  });
}

export function openCamera(deviceId?: string | null): Promise<Opened> {
  return open({
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      width: { ideal: 1280 },
      height: { ideal: 720 },
      frameRate: { ideal: 24, max: 30 },
    },
  });
}

export async function openScreen(): Promise<Opened> {
  if (!navigator.mediaDevices?.getDisplayMedia) return { problem: 'notFound' };
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = stream.getVideoTracks()[0];
    return track ? { track } : { problem: 'notFound' };
  } catch (error) {
    return { problem: deviceProblemOf(error) };
  }
}

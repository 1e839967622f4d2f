// The reference page: bare mediasoup-client against bare mediasoup (bare-server.ts), no
// Haven code. ?role=producer sends the fake microphone (Opus with DTX and FEC, as Haven)
// and the fake camera with Haven's three simulcast layers and capture constraints;
// otherwise the page is a joiner whose Join button does what a Haven joiner needs to see
// and hear the host: Device.load, a receive transport, consume and resume the host's audio
// and video, and play them in a <video>. (It sends nothing: the bare minimum.)
import { Device } from 'mediasoup-client';
import type { RtpEncodingParameters, Transport } from 'mediasoup-client/types';
import { io } from 'socket.io-client';

const CAMERA_ENCODINGS: RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 450_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
];

const socket = io({ transports: ['websocket'] });
const state = window as unknown as { __bareReady?: boolean; __producing?: boolean };

async function request<T = Record<string, unknown>>(event: string, data: unknown = {}) {
  const answer = (await socket.timeout(10_000).emitWithAck(event, data)) as T & {
    error?: string;
  };
  if (answer && typeof answer === 'object' && 'error' in answer && answer.error)
    throw new Error(`${event}: ${answer.error}`);
  return answer;
}

async function loadDevice(): Promise<Device> {
  const device = new Device();
  await device.load({ routerRtpCapabilities: await request('caps') });
  return device;
}

function wireConnect(transport: Transport): void {
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    request('connectTransport', { transportId: transport.id, dtlsParameters }).then(
      () => done(),
      fail,
    );
  });
}

async function produce(): Promise<void> {
  const device = await loadDevice();
  const transport = device.createSendTransport(await request<never>('createTransport'));
  wireConnect(transport);
  transport.on('produce', ({ kind, rtpParameters }, done, fail) => {
    request<{ id: string }>('produce', { transportId: transport.id, kind, rtpParameters }).then(
      ({ id }) => done({ id }),
      fail,
    );
  });
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: true,
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 24, max: 30 } },
  });
  const [mic] = stream.getAudioTracks();
  const [camera] = stream.getVideoTracks();
  if (!mic || !camera) throw new Error('no fake microphone or camera');
  await transport.produce({
    track: mic,
    codecOptions: { opusDtx: true, opusFec: true },
    stopTracks: false,
  });
  await transport.produce({ track: camera, encodings: CAMERA_ENCODINGS, stopTracks: false });
  state.__producing = true;
}

async function consume(
  transport: Transport,
  device: Device,
  kind: 'audio' | 'video',
): Promise<MediaStreamTrack> {
  const params = await request<{
    id: string;
    producerId: string;
    kind: 'audio' | 'video';
    rtpParameters: never;
  }>('consume', { transportId: transport.id, rtpCapabilities: device.rtpCapabilities, kind });
  const consumer = await transport.consume(params);
  await request('resume', { consumerId: consumer.id });
  return consumer.track;
}

async function join(): Promise<void> {
  const device = await loadDevice();
  const transport = device.createRecvTransport(await request<never>('createTransport'));
  wireConnect(transport);
  // As Haven's tiles do: the video muted in a <video>, the voice in its own <audio>.
  await Promise.all(
    (['audio', 'video'] as const).map(async (kind) => {
      const track = await consume(transport, device, kind);
      const element = document.createElement(kind);
      element.muted = kind === 'video';
      if (element instanceof HTMLVideoElement) element.playsInline = true;
      element.srcObject = new MediaStream([track]);
      document.body.append(element);
      element.play().catch(() => undefined);
    }),
  );
}

const button = document.getElementById('join') as HTMLButtonElement;
socket.on('connect', () => {
  if (new URLSearchParams(location.search).get('role') === 'producer') {
    produce().catch((error) => console.error(error));
    return;
  }
  button.disabled = false;
  state.__bareReady = true;
});
button.addEventListener('click', () => {
  button.disabled = true;
  join().catch((error) => console.error(error));
});

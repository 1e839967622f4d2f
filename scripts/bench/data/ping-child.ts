// The session:ping probe in a process of its own (started by RemotePingProbe in probes.ts):
// the bench's ten HTTP clients parse every list they receive, and in the bench's own process
// that work would delay the probe's timers and socket reads, counting the load generator's
// stalls as Haven's. Spoken to over Node's IPC channel: it answers "connected" once its
// socket is up, starts pinging on "start", answers "stop" with the samples, ends on disconnect.
import { PingProbe } from './probes.ts';

const send = (value: unknown) => process.send?.(value);
if (!process.send) throw new Error('ping-child.ts runs under bench:data (an IPC channel)');
const [url, cookie] = process.argv.slice(2);
if (!url || !cookie) throw new Error('usage: ping-child.ts <url> <cookie>');

const probe = await PingProbe.connect(url, cookie);
send({ connected: true });
process.on('message', (command) => {
  if (command === 'start') {
    probe.start();
    send({ ok: true });
  } else if (command === 'stop') {
    probe.stop().then(
      (samples) => send({ samples }),
      (error: Error) => send({ error: error.message }),
    );
  } else send({ error: `unknown command ${String(command)}` });
});
process.once('disconnect', () => {
  probe.close();
  process.exit(0);
});

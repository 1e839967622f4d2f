// What the stepper needs from either way of driving mediasoup: where the generator sends,
// which process to measure, and a way to add receiving transports.

export const LOCALHOST = '127.0.0.1';

export interface SfuPath {
  readonly name: 'bare' | 'haven';
  /** The producers' comedia PlainTransport. */
  readonly ingress: { ip: string; port: number };
  readonly workerPid: number;
  /** Consumers per receiving transport (one per producer). */
  readonly consumersPerTransport: number;
  /**
   * Adds `count` receiving transports (SRTP PlainTransports), each consuming every producer
   * and connected to the port `portFor(i)` gives for its running index i.
   */
  addTransports(count: number, portFor: (i: number) => number): Promise<void>;
  readonly transports: number;
  close(): Promise<void>;
}

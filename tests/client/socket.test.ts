import { describe, expect, it } from 'vitest';
import { refusalFromConnectError } from '../../client/src/net/socket.ts';

function connectError(data: unknown): Error {
  return Object.assign(new Error('refused'), { data });
}

describe('refusalFromConnectError', () => {
  it('maps a known code from err.data', () => {
    expect(refusalFromConnectError(connectError({ code: 'ORIGIN_NOT_ALLOWED' }))).toEqual({
      code: 'ORIGIN_NOT_ALLOWED',
    });
    expect(
      refusalFromConnectError(connectError({ code: 'VERSION_MISMATCH', serverProtocolVersion: 2 })),
    ).toEqual({ code: 'VERSION_MISMATCH', serverProtocolVersion: 2 });
  });

  it('ignores errors without a known code', () => {
    expect(refusalFromConnectError(new Error('xhr poll error'))).toBeNull();
    expect(refusalFromConnectError(connectError({ code: 'NOPE' }))).toBeNull();
    expect(refusalFromConnectError(connectError({ code: 'toString' }))).toBeNull();
    expect(refusalFromConnectError(connectError('VERSION_MISMATCH'))).toBeNull();
    expect(refusalFromConnectError(null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { findIceAddress, JANUS_INSTALL_HINT, startJanus } from './janus-launcher.js';

describe('janus launcher', () => {
  it('says how to install Janus when the binary is missing', async () => {
    await expect(startJanus(createLogger('silent'), { binary: 'janus-that-does-not-exist', iceAddress: '192.0.2.1', libDir: '/usr/lib/x86_64-linux-gnu/janus' })).rejects.toThrow(JANUS_INSTALL_HINT);
  });

  it('offers ICE on the first non-loopback IPv4 address, and says so when there is none', () => {
    const loopback = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' };
    const linkLocal = { ...loopback, address: '169.254.3.4', internal: false, cidr: '169.254.3.4/16' };
    const v6 = { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6' as const, mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 };
    const lan = { ...loopback, address: '10.1.2.3', internal: false, cidr: '10.1.2.3/24' };
    expect(findIceAddress({ lo: [loopback], eth0: [v6, linkLocal, lan] })).toBe('10.1.2.3');
    expect(() => findIceAddress({ lo: [loopback], eth0: [v6] })).toThrow(/No non-loopback IPv4 address/);
  });
});

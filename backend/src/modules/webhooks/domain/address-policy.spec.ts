import { isPublicAddress, refusedAddress } from './address-policy';

describe('the address policy', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:192.168.1.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
  ])('refuses %s unless private targets are allowed', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(refusedAddress(address, false)).toMatch(new RegExp(`^${address.replace(/\./g, '\\.')} is a`));
    expect(refusedAddress(address, true)).toBeUndefined();
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
      expect(refusedAddress(address, false)).toBeUndefined();
    },
  );

  it('refuses what is not an address at all', () => {
    expect(refusedAddress('example.com', false)).toBeDefined();
    expect(refusedAddress('example.com', true)).toBeDefined();
  });
});

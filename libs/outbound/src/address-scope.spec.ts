import { addressScope, isIpLiteral } from './address-scope';

describe('addressScope', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['151.101.1.140', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'],
    ['127.255.255.254', 'private'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['::1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.0.1', 'restricted'],
    ['169.254.169.254', 'restricted'],
    ['fe80::1', 'restricted'],
    ['fd00:ec2::254', 'restricted'],
    ['100.100.100.200', 'restricted'],
    ['0.0.0.0', 'restricted'],
    ['::', 'restricted'],
    ['224.0.0.1', 'restricted'],
    ['255.255.255.255', 'restricted'],
    ['192.0.2.1', 'restricted'],
    ['64:ff9b::7f00:1', 'restricted'],
    ['2002:7f00:1::1', 'restricted'],
  ])('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope);
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(addressScope('::ffff:127.0.0.1')).toBe('private');
    expect(addressScope('::ffff:7f00:1')).toBe('private');
    expect(addressScope('::ffff:169.254.169.254')).toBe('restricted');
    expect(addressScope('::ffff:8.8.8.8')).toBe('public');
    expect(addressScope('[::ffff:10.0.0.1]')).toBe('private');
  });

  it('treats the public neighbours of private ranges as public', () => {
    expect(addressScope('172.15.255.255')).toBe('public');
    expect(addressScope('172.32.0.0')).toBe('public');
    expect(addressScope('100.63.255.255')).toBe('public');
    expect(addressScope('100.128.0.0')).toBe('public');
  });

  it('treats what is not an address as restricted', () => {
    expect(addressScope('example.com')).toBe('restricted');
    expect(addressScope('')).toBe('restricted');
  });
});

describe('isIpLiteral', () => {
  it('tells addresses from names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('::1')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('localhost')).toBe(false);
    expect(isIpLiteral('slack.com')).toBe(false);
  });
});

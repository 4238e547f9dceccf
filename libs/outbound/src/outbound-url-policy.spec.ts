import { normalizeHost, OutboundUrlPolicy, outboundUrlProblem, STRICT_OUTBOUND_POLICY } from './outbound-url-policy';

const strict = STRICT_OUTBOUND_POLICY;
const policy = (overrides: Partial<OutboundUrlPolicy>): OutboundUrlPolicy => ({ ...strict, ...overrides });

describe('outboundUrlProblem', () => {
  it('accepts https to a public host or address', () => {
    expect(outboundUrlProblem('https://slack.com/api', strict)).toBeNull();
    expect(outboundUrlProblem('https://8.8.8.8/', strict)).toBeNull();
    expect(outboundUrlProblem('https://[2606:4700:4700::1111]/', strict)).toBeNull();
  });

  it('refuses plain http unless allowed', () => {
    expect(outboundUrlProblem('http://slack.com/api', strict)).toMatch(/https.*ATLAS_ALLOW_HTTP_PLATFORM_URLS/);
    expect(outboundUrlProblem('http://slack.com/api', policy({ allowHttp: true }))).toBeNull();
  });

  it('refuses other schemes, non-URLs and URLs with user info whatever the policy', () => {
    const open = policy({ allowHttp: true, allowPrivateAddresses: true });
    expect(outboundUrlProblem('ftp://slack.com/', open)).toMatch(/https/);
    expect(outboundUrlProblem('file:///etc/passwd', open)).toMatch(/https/);
    expect(outboundUrlProblem('not a url', open)).toMatch(/https/);
    expect(outboundUrlProblem('https://user:secret@slack.com/', open)).toMatch(/user name or password/);
  });

  it.each([
    'https://127.0.0.1/',
    'https://10.0.0.1/',
    'https://172.20.1.1/',
    'https://192.168.0.10:8443/',
    'https://100.64.1.1/',
    'https://[::1]/',
    'https://[fd12::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://localhost/',
    'https://api.localhost/',
    'https://LOCALHOST./',
    // Forms URL parsing turns into 127.0.0.1: decimal, octal, hex, short.
    'https://2130706433/',
    'https://0177.0.0.1/',
    'https://0x7f.0.0.1/',
    'https://127.1/',
  ])('refuses the private address of %s unless private addresses are allowed', (url) => {
    expect(outboundUrlProblem(url, strict)).toMatch(/loopback or private-network address/);
    expect(outboundUrlProblem(url, policy({ allowPrivateAddresses: true }))).toBeNull();
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/',
    'https://100.100.100.200/',
    'https://[fe80::1]/',
    'https://0.0.0.0/',
    'https://[::]/',
    'https://0/',
    'https://224.0.0.1/',
    'https://[::ffff:169.254.169.254]/',
  ])('refuses the special address of %s even when private addresses are allowed', (url) => {
    expect(outboundUrlProblem(url, strict)).toMatch(/link-local, metadata, reserved/);
    expect(outboundUrlProblem(url, policy({ allowPrivateAddresses: true }))).toMatch(/link-local, metadata, reserved/);
  });

  it('lets an allowed host through whatever its address, but not over http unless http is allowed', () => {
    const allowed = policy({ allowedHosts: ['10.1.2.3', 'chat.internal', '::1'] });
    expect(outboundUrlProblem('https://10.1.2.3/', allowed)).toBeNull();
    expect(outboundUrlProblem('https://CHAT.internal./', allowed)).toBeNull();
    expect(outboundUrlProblem('https://[::1]:8065/', allowed)).toBeNull();
    expect(outboundUrlProblem('https://10.1.2.4/', allowed)).toMatch(/private-network/);
    expect(outboundUrlProblem('http://10.1.2.3/', allowed)).toMatch(/ATLAS_ALLOW_HTTP_PLATFORM_URLS/);
  });

  it('leaves a host name to the check after resolution', () => {
    expect(outboundUrlProblem('https://mattermost.example.com/', strict)).toBeNull();
  });
});

describe('normalizeHost', () => {
  it('writes hosts as URL parsing does', () => {
    expect(normalizeHost(' Chat.Example.COM ')).toBe('chat.example.com');
    expect(normalizeHost('2130706433')).toBe('127.0.0.1');
    expect(normalizeHost('::1')).toBe('::1');
    expect(normalizeHost('[0:0:0:0:0:0:0:1]')).toBe('::1');
    expect(normalizeHost('example.com.')).toBe('example.com');
  });

  it('refuses what is not a bare host', () => {
    expect(normalizeHost('https://example.com')).toBeNull();
    expect(normalizeHost('example.com:8443')).toBeNull();
    expect(normalizeHost('example.com/path')).toBeNull();
    expect(normalizeHost('user@example.com')).toBeNull();
    expect(normalizeHost('*.example.com')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });
});

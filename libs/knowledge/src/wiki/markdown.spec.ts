import { autolink, escapeMarkdown, formatUtcDate, formatUtcTime, shorten } from './markdown';

describe('escapeMarkdown', () => {
  it('neutralizes characters that would change the structure of a page', () => {
    expect(escapeMarkdown('see [2] and *this* `code` <b>x</b> | # not_a_heading ~~gone~~')).toBe(
      'see \\[2\\] and \\*this\\* \\`code\\` \\<b\\>x\\</b\\> \\| \\# not\\_a\\_heading \\~\\~gone\\~\\~',
    );
  });

  it('keeps text that starts like a list item from becoming one', () => {
    expect(escapeMarkdown('1. first step')).toBe('1\\. first step');
    expect(escapeMarkdown('- dash')).toBe('\\- dash');
  });

  it('puts multi-line text on one line', () => {
    expect(escapeMarkdown('one\n\n## two')).toBe('one \\#\\# two');
  });
});

describe('shorten', () => {
  it('cuts long text at a word boundary and marks the cut', () => {
    const short = shorten('The API gateway is the bottleneck under sustained load from the billing batch jobs', 40);
    expect(short).toBe('The API gateway is the bottleneck under…');
    expect(short.length).toBeLessThanOrEqual(40);
  });

  it('leaves short text whole, with whitespace collapsed', () => {
    expect(shorten('  a   short\ntext ', 40)).toBe('a short text');
  });
});

describe('time formatting', () => {
  it('shows timestamps in UTC whatever their offset', () => {
    expect(formatUtcTime('2024-03-04T10:05:09+02:00')).toBe('2024-03-04 08:05 UTC');
    expect(formatUtcDate('2024-03-04T23:30:00-02:00')).toBe('2024-03-05');
  });
});

describe('autolink', () => {
  it('links plain http(s) URLs only', () => {
    expect(autolink('https://acme.slack.com/archives/C1/p1')).toBe('<https://acme.slack.com/archives/C1/p1>');
    expect(autolink('javascript:alert(1)')).toBe('');
    expect(autolink(null)).toBe('');
  });
});

import { MentionTarget, renderTeamsHtml, renderTeamsPlainText } from './teams-html-text';

const noMentions = new Map<string, MentionTarget>();
const text = (html: string, mentions = noMentions) => renderTeamsHtml(html, mentions).text;

describe('renderTeamsHtml', () => {
  it('strips tags and keeps the text of a paragraph', () => {
    expect(text('<p>The <b>migration</b> moves to <i>Postgres</i>.</p>')).toBe('The migration moves to Postgres.');
  });

  it('keeps the line breaks of paragraphs, <br> and <div>, once per block edge', () => {
    expect(text('<p>one</p><p>two</p>')).toBe('one\ntwo');
    expect(text('<div><div>first</div></div><div><div>second</div></div>')).toBe('first\nsecond');
    expect(text('line<br>next<br/>last')).toBe('line\nnext\nlast');
    expect(text('<p>para</p><br><br><br><br><p>far</p>')).toBe('para\n\nfar');
  });

  it('collapses whitespace as a browser does, no-break spaces included', () => {
    expect(text('<p>  spaced \n\t out&nbsp;&nbsp;words  </p>')).toBe('spaced out words');
    expect(text('<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>')).toBe('one\ntwo');
  });

  it('decodes named, decimal and hex entities, and leaves unknown ones', () => {
    expect(text('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F680; &hellip; &bogus; &constructor;')).toBe(
      'a & b <c> "d" \'e\' 🚀 … &bogus; &constructor;',
    );
  });

  it('does not read markup out of decoded entities', () => {
    expect(text('&lt;at id="0"&gt;Chen&lt;/at&gt;')).toBe('<at id="0">Chen</at>');
  });

  it('renders a mention with the display name and lists the person once', () => {
    const mentions = new Map([['0', { userId: 'u-chen', name: 'Chen' }]]);
    const rendered = renderTeamsHtml(
      '<p>Can <at id="0">chen.wei</at> review it? Thanks <at id="0">Chen</at></p>',
      mentions,
    );
    expect(rendered.text).toBe('Can @Chen review it? Thanks @Chen');
    expect(rendered.mentions).toEqual([{ id: 'u-chen', name: 'Chen' }]);
  });

  it('renders a full name Teams split into one <at> per word as a single mention', () => {
    const mentions = new Map([
      ['0', { userId: 'u-ben', name: 'Ben Okafor' }],
      ['1', { userId: 'u-ben', name: 'Ben Okafor' }],
      ['2', { userId: 'u-ana', name: 'Ana' }],
    ]);
    const rendered = renderTeamsHtml(
      '<p><at id="0">Ben</at>&nbsp;<at id="1">Okafor</at> and <at id="2">Ana</at>, please.</p>',
      mentions,
    );
    expect(rendered.text).toBe('@Ben Okafor and @Ana, please.');
    expect(rendered.mentions).toEqual([
      { id: 'u-ben', name: 'Ben Okafor' },
      { id: 'u-ana', name: 'Ana' },
    ]);
  });

  it('renders channel mentions and unknown mention ids without listing a person', () => {
    const mentions = new Map([['0', { userId: null, name: 'General' }]]);
    const rendered = renderTeamsHtml('<p>See <at id="0">General</at> and <at id="9">Someone</at></p>', mentions);
    expect(rendered.text).toBe('See @General and @Someone');
    expect(rendered.mentions).toEqual([]);
  });

  it('writes links as label (url), and a bare url once', () => {
    expect(text('<p>Read <a href="https://wiki.example.com/a?b=1&amp;c=2">the runbook</a></p>')).toBe(
      'Read the runbook (https://wiki.example.com/a?b=1&c=2)',
    );
    expect(text('<a href="https://example.com">https://example.com</a>')).toBe('https://example.com');
    expect(text('<a href="javascript:alert(1)">click</a>')).toBe('click');
  });

  it('shows emoji by their alt text and drops images, scripts, styles and comments', () => {
    expect(text('Done <emoji id="1f44d_thumbsup" alt="👍" title="Thumbs up"></emoji>')).toBe('Done 👍');
    expect(text('<p>a<img src="https://x/y.png">b</p><style>p{color:red}</style><!-- <p>hidden</p> -->')).toBe('ab');
    expect(text('<script>alert("x")</script>shown')).toBe('shown');
  });

  it('keeps a > inside a quoted attribute from ending the tag', () => {
    expect(text('<a title="1 > 0" href="https://x.test">x</a> after')).toBe('x (https://x.test) after');
  });

  it('reads the system event body of Graph as empty', () => {
    expect(text('<systemEventMessage/>')).toBe('');
  });
});

describe('renderTeamsPlainText', () => {
  it('keeps a text body as it is, with normalized line ends', () => {
    expect(renderTeamsPlainText('  Hello <world>\r\nbye  ')).toBe('Hello <world>\nbye');
  });
});

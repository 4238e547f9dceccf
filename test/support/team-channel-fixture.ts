import { ExportChannel, ExportMessage, ExportUser, FIXTURE_USERS } from './slack-export-fixture';

/**
 * People who join a channel early (a greeting with no knowledge in it) and are only named, by first or full
 * name, much later: the extractor knows who "Dana" is only from having met her earlier in the job. Each
 * one is first named at a different point, so wherever a job stops, someone is named after it.
 */
export const NEWCOMERS: ExportUser[] = [
  ['U401DANA', 'dana', 'Dana Reyes'],
  ['U402PRIYA', 'priya', 'Priya Natarajan'],
  ['U403OMAR', 'omar', 'Omar Haddad'],
  ['U404LENA', 'lena', 'Lena Fischer'],
  ['U405TOMAS', 'tomas', 'Tomas Novak'],
  ['U406YUKI', 'yuki', 'Yuki Tanaka'],
  ['U407MARTA', 'marta', 'Marta Silva'],
  ['U408KOFI', 'kofi', 'Kofi Mensah'],
  ['U409INES', 'ines', 'Ines Duarte'],
  ['U410RAJ', 'raj', 'Raj Patel'],
  ['U411SOFIA', 'sofia', 'Sofia Rossi'],
  ['U412LIAM', 'liam', 'Liam Walsh'],
].map(([id, name, realName]) => ({ id, name, real_name: realName }));

export const TEAM_USERS: ExportUser[] = [...FIXTURE_USERS, ...NEWCOMERS];

/** Sentences that name a person in prose (`{first}`, `{full}`), never as a platform mention. */
const NAMING_SENTENCES = [
  '{first} will deploy the Billing Service on Friday',
  'Ask {first} about the Kafka consumers lag, {first} owns the ingestion pipeline',
  '{full} decided to move the Search Index to OpenSearch',
  'Can {first} review the Atlas Gateway pull request by Thursday?',
  '{first} is now the owner of the on-call dashboards in Grafana',
  '{full} will write the migration guide for the Mobile App release',
  'We agreed that {first} leads the Payments API rotation work',
  '{first} fixed the flaky Staging Cluster deploys',
];

const OTHER_SENTENCES = [
  'We decided to move the Billing Service to Postgres next sprint',
  'Heads up: the Staging Cluster will be down for maintenance tonight',
  'How do we rotate the Vault tokens for the Payments API?',
  'The new Search Index reduced query latency by forty percent',
];

/** The graph resolves the plural, named only from message 450 on, into the singular named before it. */
const PIPELINE_EARLY = 'We are migrating the notification pipeline to Kafka';
const PIPELINE_LATE = 'The notifications pipeline dropped events last night';

const GREETINGS = ['hi all!', 'hello everyone', 'hey team', 'good morning', 'hiya', 'thanks!'];

/**
 * A realistic channel of `count` messages, one per 10 minutes: the newcomers greet first, then the three
 * regulars (FIXTURE_USERS) talk, naming newcomer `j` only from message `firstNamed(j)` on, with an occasional
 * @-mention of a regular, a thread every 40 messages whose replies come 30 messages later, and a topic whose
 * later spelling the graph resolves into its earlier one.
 * Deterministic.
 */
export function teamChannel(id: string, name: string, count: number, startSeconds = 1_767_225_600): ExportChannel {
  const firstNamed = (j: number) => 150 + Math.floor((j * (count - 250)) / NEWCOMERS.length);
  const ts = (i: number) => `${startSeconds + i * 600}.${String(100000 + i).slice(-6)}`;
  const messages: ExportMessage[] = [];
  for (let i = 0; i < count; i++) {
    if (i < NEWCOMERS.length) {
      messages.push({ ts: ts(i), user: NEWCOMERS[i].id, text: GREETINGS[i % GREETINGS.length] });
      continue;
    }
    const author = FIXTURE_USERS[i % FIXTURE_USERS.length];
    const named = NEWCOMERS.filter((_, j) => firstNamed(j) <= i);
    let text: string;
    if (named.length > 0 && i % 3 !== 0) {
      // The newest names come up most, so each is named soon after its first time.
      const person = named[named.length - 1 - ((i * 7) % Math.min(named.length, 4))];
      const first = person.real_name.split(' ')[0];
      text = NAMING_SENTENCES[i % NAMING_SENTENCES.length]
        .replaceAll('{first}', first)
        .replace('{full}', person.real_name);
    } else if (i % 9 === 0) {
      text = i < 450 ? PIPELINE_EARLY : PIPELINE_LATE;
    } else {
      text = OTHER_SENTENCES[i % OTHER_SENTENCES.length];
    }
    const mention = i % 11 === 0 ? ` <@${FIXTURE_USERS[(i + 1) % FIXTURE_USERS.length].id}>` : '';
    messages.push({ ts: ts(i), user: author.id, text: `${text} (item ${i})${mention}` });
  }
  for (let root = 20; root + 31 < count; root += 40) {
    messages[root].reply_count = 2;
    messages[root].text = `How do we rotate the Vault tokens for the Payments API? (item ${root})`;
    messages[root + 30].thread_ts = messages[root].ts;
    messages[root + 31].thread_ts = messages[root].ts;
  }
  return { id, name, topic: `Team channel ${name}`, messages };
}

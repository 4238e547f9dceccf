/** Message texts the extractor finds facts in (decisions, requests, announcements, questions...). */
export const FACT_SENTENCES = [
  'We decided to move the Billing Service to Postgres next sprint.',
  'Can you review the Atlas Gateway pull request by Friday?',
  'Heads up: the Staging Cluster will be down for maintenance tonight.',
  'How do we rotate the Vault tokens for the Payments API?',
  'The new Search Index reduced query latency by forty percent.',
  "Let's go with Grafana for the on-call dashboards.",
  'I will write the migration guide for the Mobile App release.',
  'The Kafka consumers fell behind during the Black Friday load test.',
  'Please update the runbook at https://wiki.example.com/runbooks/deploy before the release.',
  'Is the Design Review for the Onboarding Flow still on Thursday?',
];

/** The `index`-th fact-bearing text, made unique by `label`. */
export function factText(index: number, label: string): string {
  return `${FACT_SENTENCES[index % FACT_SENTENCES.length]} (${label})`;
}

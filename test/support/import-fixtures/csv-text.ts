/** A CSV file's text: every field quoted, quotes doubled, rows ended by CRLF as spreadsheets write them. */
export function csvText(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  const line = (fields: Array<string | number | boolean | null>) =>
    fields.map((field) => `"${String(field ?? '').replace(/"/g, '""')}"`).join(',');
  return [line(header), ...rows.map(line)].map((row) => `${row}\r\n`).join('');
}

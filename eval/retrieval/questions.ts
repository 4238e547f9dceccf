import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPLITS, type DatasetChannel, type Split } from '../dataset';

/** A question a newcomer would ask of one day sample, and the messages that answer it. */
export interface EvalQuestion {
  channel: string;
  question: string;
  answers: string[];
}

export interface QuestionFile {
  set: string;
  split: Split;
  questions: EvalQuestion[];
}

/**
 * The question files of a set (`<dir>/<set>-*.json`), checked against its channels: each question names a day
 * sample of the file's split by channel name, and every answer is a message of that sample.
 */
export function loadQuestions(
  dir: string,
  set: string,
  channels: readonly DatasetChannel[],
): { files: QuestionFile[]; errors: string[] } {
  if (!existsSync(dir)) return { files: [], errors: [] };
  const files: QuestionFile[] = [];
  const errors: string[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.startsWith(`${set}-`) && file.endsWith('.json'))
    .sort()) {
    const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as QuestionFile;
    if (file.set !== set || !SPLITS.includes(file.split) || !Array.isArray(file.questions)) {
      errors.push(`${name}: needs "set": "${set}", "split" (${SPLITS.join(', ')}) and "questions"`);
      continue;
    }
    file.questions.forEach((question, at) => {
      const channel = channels.find((candidate) => candidate.channel.name === question.channel);
      const where = `${name} question ${at + 1}`;
      if (!channel) errors.push(`${where}: no day sample named ${question.channel}`);
      else if (channel.split !== file.split) errors.push(`${where}: ${question.channel} is not a ${file.split} sample`);
      else if (typeof question.question !== 'string' || !question.question.trim()) errors.push(`${where}: no question`);
      else if (!Array.isArray(question.answers) || question.answers.length === 0) errors.push(`${where}: no answers`);
      else {
        const ids = new Set(channel.messages.map((message) => message.id));
        for (const id of question.answers) if (!ids.has(id)) errors.push(`${where}: ${id} is not a message of it`);
      }
    });
    files.push(file);
  }
  return { files, errors };
}

import { Injectable, Logger } from '@nestjs/common';
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { errorMessage } from '@atlas/common';
import { ChannelDoc, ChannelsQueries, KnowledgeReadQueries } from '@atlas/read-models';
import { entityView } from '../knowledge/entity-view';
import { FactViewsService } from '../knowledge/fact-views.service';
import { channelNotFound } from '../knowledge/not-found';
import type { ExportFormat } from './export.dto';
import { obsidianPage, pageFileName } from './obsidian-page';
import { relationExportView } from './relation-export-view';

export interface WikiExport {
  /** The ZIP, written as it is read. */
  stream: Readable;
  fileName: string;
}

/**
 * A channel's wiki as a ZIP, streamed: Markdown notes (one per page, Obsidian links and footnotes), or its facts,
 * entities and relations as JSON Lines. Documents are read from the store a page at a time, and the next page
 * only once the ZIP's reader took the one before (yazl pulls each entry's stream when its turn comes).
 */
@Injectable()
export class WikiExportService {
  private readonly log = new Logger('WikiExport');
  /** How many documents are read from the store at a time: the channel is never in memory whole. */
  readBatch = 100;

  constructor(
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeReadQueries,
    private readonly factViews: FactViewsService,
  ) {}

  /** Checks the channel before anything is sent, so an unknown one is a 404 in the envelope. */
  async open(channelId: string, format: ExportFormat): Promise<WikiExport> {
    const channel = await this.channels.get(channelId);
    if (!channel) throw channelNotFound(channelId);
    const folder = fileNamePart(channel.name || channelId);
    const zip = new ZipFile();
    const entries = format === 'json' ? this.jsonEntries(channel) : this.markdownEntries(channel, folder);
    void this.fill(zip, entries);
    return { stream: outputOf(zip), fileName: `${folder}-${format === 'json' ? 'knowledge' : 'wiki'}.zip` };
  }

  /** Adds each entry when yazl is ready for it; a failure (or the reader going away) ends the stream. */
  private async fill(zip: ZipFile, entries: AsyncIterable<ZipEntry>): Promise<void> {
    const output = outputOf(zip);
    const fail = (error: unknown) => {
      this.log.error(`Export stopped: ${errorMessage(error)}`);
      output.destroy(error as Error);
    };
    let current: Readable | null = null;
    const gone = new Promise<void>((resolve) =>
      output.once('close', () => {
        // The reader went away (Nest destroys the stream when the client disconnects): stop reading the store.
        current?.destroy();
        resolve();
      }),
    );
    try {
      for await (const entry of entries) {
        if (output.destroyed) return;
        const stream = Readable.from(entry.content);
        current = stream;
        stream.once('error', fail);
        // Resolves when yazl starts the entry: every entry before it has been written out.
        const started = new Promise<void>((resolve) =>
          zip.addReadStreamLazy(entry.name, { mtime: entry.mtime }, (give) => {
            resolve();
            give(null, stream);
          }),
        );
        await Promise.race([started, gone]);
      }
      if (!output.destroyed) zip.end();
    } catch (error) {
      fail(error);
    }
  }

  private async *markdownEntries(channel: ChannelDoc, folder: string): AsyncGenerator<ZipEntry> {
    for (let after: string | null = null; ;) {
      const pages = await this.knowledge.wikiPagesAfter(channel.channel_id, after, this.readBatch);
      for (const page of pages)
        yield {
          name: `${folder}/${pageFileName(page.slug)}`,
          mtime: new Date(page.updated_at),
          content: [Buffer.from(obsidianPage(page, channel.name || null))],
        };
      if (pages.length < this.readBatch) return;
      after = pages[pages.length - 1].slug;
    }
  }

  private async *jsonEntries(channel: ChannelDoc): AsyncGenerator<ZipEntry> {
    const mtime = new Date();
    yield { name: 'facts.jsonl', mtime, content: this.factLines(channel.channel_id) };
    yield { name: 'entities.jsonl', mtime, content: this.entityLines(channel.channel_id) };
    yield { name: 'relations.jsonl', mtime, content: this.relationLines(channel.channel_id) };
  }

  /** The channel's facts in time order, as GET /api/channels/{id}/facts shows them. */
  private async *factLines(channelId: string): AsyncGenerator<Buffer> {
    for (let after: string | null = null; ;) {
      const page = await this.knowledge.facts({ channel_id: channelId }, { after, limit: this.readBatch });
      yield jsonLines(await this.factViews.of(page.items));
      if (page.next_after === null) return;
      after = page.next_after;
    }
  }

  private async *entityLines(channelId: string): AsyncGenerator<Buffer> {
    for (let after: string | null = null; ;) {
      const page = await this.knowledge.entities({ channel_id: channelId }, { after, limit: this.readBatch });
      yield jsonLines(page.items.map(entityView));
      if (page.next_after === null) return;
      after = page.next_after;
    }
  }

  private async *relationLines(channelId: string): AsyncGenerator<Buffer> {
    for (let after: string | null = null; ;) {
      const relations = await this.knowledge.relationsOfChannelAfter(channelId, after, this.readBatch);
      yield jsonLines(relations.map(relationExportView));
      if (relations.length < this.readBatch) return;
      after = relations[relations.length - 1].id;
    }
  }
}

interface ZipEntry {
  name: string;
  mtime: Date;
  content: Iterable<Buffer> | AsyncIterable<Buffer>;
}

/** yazl's output is a PassThrough (its types say only a readable stream). */
function outputOf(zip: ZipFile): PassThrough {
  return zip.outputStream as PassThrough;
}

function jsonLines(items: object[]): Buffer {
  return Buffer.from(items.map((item) => `${JSON.stringify(item)}\n`).join(''));
}

/** A channel's name as a folder and file name: no separators, nothing a file system or a shell would trip on. */
function fileNamePart(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return safe.slice(0, 80) || 'channel';
}
